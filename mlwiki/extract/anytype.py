r"""An Anytype object exported as Markdown, read as Anytype shows it, line for line.

Anytype's exporter (anytype-heart's `converter/md`) writes every text block as one line ending in three spaces (a
hard break), and escapes each character of a block's text on its own: `_`, `*`, `|`, `` ` ``, `[` and `]` get a
backslash, inside an inline `$…$` formula too, while a backslash the writer typed is left as it is — `$\beta_1$` is
written `$\beta\_1$` and `$\|g\|$` is written `$\\|g\\|$`. Markdown reads the escapes away in text, but a
formula is read as written: KaTeX showed `\_1` as a literal underscore and `\|` as ‖. Inside an exported note's
inline formulas the escapes are read back. A toggle is written as a one-line quote and its contents as the
paragraphs after it: a toggle titled with a question (`> Why does Adam need bias correction?`) is that question,
its answer the text under it, as a question heading reads (a heading: the exporter writes no blank line between two
blocks, so a bold line would join the paragraph before it).

A note is read so only when it shows the exporter's mark: most of its lines of text end in three spaces.
Pure: text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

_HARD_BREAK = "   "
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\$)((?:\\.|[^$\\\n])+)\$(?!\$)")
_ESCAPED = re.compile(r"\\\\(?=\|)|\\([_*`\[\]|])")
_QUESTION_TOGGLE = re.compile(r">[ \t]+([^>\n][^\n]*\?)[ \t]*")
_MIN_LINES = 4


def is_anytype_export(lines: list[str]) -> bool:
    """Whether a note's lines are Anytype's export: most lines of text (not headings' or fences') end in three
    spaces, as the exporter ends every block."""
    text = [line for line in lines if line.strip() and not line.lstrip().startswith(("```", "$$", "|"))]
    broken = sum(1 for line in text if line.endswith(_HARD_BREAK) and not line.endswith(_HARD_BREAK + " "))
    return len(text) >= _MIN_LINES and broken * 3 >= len(text) * 2


def as_anytype_shows(body: str) -> str:
    """`body` with an Anytype export's inline formulas unescaped and its question toggles as question headings;
    `body` itself when it is no Anytype export."""
    if _HARD_BREAK + "\n" not in body:
        return body
    lines = body.split("\n")
    if not is_anytype_export(lines):
        return body
    fenced = fenced_lines(lines)
    for k, line in enumerate(lines):
        if fenced[k]:
            continue
        if "$" in line and "\\" in line:
            line = _INLINE_MATH.sub(lambda m: f"${_ESCAPED.sub(_unescape, m.group(1))}$", line)
        if (toggle := _QUESTION_TOGGLE.fullmatch(line.rstrip())) and _stands_alone(lines, k):
            line = f"###### {toggle.group(1).strip()}"
        lines[k] = line
    return "\n".join(lines)


def _unescape(escape: re.Match) -> str:
    """`\\_` as `_`, and a typed backslash before an escaped `|` (`\\\\|`) as the one backslash it was."""
    return escape.group(1) if escape.group(1) else "\\"


def _stands_alone(lines: list[str], k: int) -> bool:
    """Whether the quote line `k` is a one-line block: no quote line before or after it (a toggle's title)."""
    before = lines[k - 1].lstrip() if k else ""
    after = lines[k + 1].lstrip() if k + 1 < len(lines) else ""
    return not before.startswith(">") and not after.startswith(">")
