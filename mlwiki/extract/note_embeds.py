"""An Obsidian embed of another note's part inside a line of words, `… written out there: ![[EM algorithm#^m-step]]`,
read as the link to that note it stands for: `[[EM algorithm]]` for a block (`#^id`, a name no reader sees),
`[[EM algorithm#M-step]]` for a heading. A card is read one note at a time and cannot show the embedded text; the
raw `![[…]]` syntax, block id and all, would show on the card instead. An embed alone on its line is a picture or
a transclusion the passes already leave out (`blocks`), and a picture's or file's embed is kept as it is. Pure:
text in, the same lines out."""

from __future__ import annotations

import re

from mlwiki.render.spans import map_unfenced

# `![[Note#^block]]`, `![[Note#Heading|alias]]`, `![[Note]]`: the target and the part after `#`
_EMBED = re.compile(r"!\[\[([^\]\[|#\n]+)(?:#(\^?)([^\]\[|\n]*))?(?:\|[^\]\[\n]*)?\]\]")
_FILE = re.compile(r"\.[A-Za-z0-9]{2,5}$")  # (`diagram.png`, `paper.pdf`, `sketch.excalidraw`: a file, not a note)
_ALONE = re.compile(r"[ \t]*(?:>[ \t]*)*(?:[-*+][ \t]+)?!\[\[[^\]\n]*\]\][ \t]*$")


def as_note_embeds_show(body: str) -> str:
    """`body` with each embed of a note's part inside a line of words as its link (see the module's docstring)."""
    if "![[" not in body:
        return body
    return map_unfenced(body, lambda line: _EMBED.sub(_as_link, line) if "![[" in line and not _ALONE.match(line)
                        else line)


def _as_link(found: re.Match) -> str:
    """The link an embed stands for: to its note, or to the heading it embeds; a file's embed, or one inside inline
    code, as written."""
    target, block, part = found.group(1).strip(), found.group(2), (found.group(3) or "").strip()
    if _FILE.search(target) and not target.endswith(".md") or found.string.count("`", 0, found.start()) % 2:
        return found.group(0)  # (a file; or code, `![[note]]` written to show the syntax)
    return f"[[{target}#{part}]]" if part and not block else f"[[{target}]]"
