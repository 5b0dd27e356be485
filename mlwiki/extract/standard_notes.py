"""A Standard Notes export, read as the app shows the note.

Standard Notes exports each note as a file named by its title. A Super note exported as Markdown starts with the
front matter the app writes, `title`, `created_at`, `updated_at` and `uuid`, and the app shows that title above the
note's text: an H1 in the text is a section of the note, as under a Pandoc title (`is_standard_notes_export`).

Super's export writes what its editor cannot put in Markdown as the node's text:
- a link to another note or tag, the bubble the editor shows with the item's title, as `[Item: <uuid>]` — the title
  is not in the file. A sentence built around such a link ("Builds on [Item: …].", "Details in [Item: …], [Item:
  …].", "Related: [Item: …]") only points to another note: it is left out. A link in brackets inside a sentence
  that states something ("Random forests ([Item: …]) decorrelate …") is left out alone.
- an embedded file (a picture, a PDF) as `[File: <uuid>]`: nothing a card can show, left out;
- a line break inside a table's cell as the two characters `\n` (the row must stay on one line): read as the line
  break it is (`<br>`), in a note under the app's front matter.
Pure: text in, text out, line for line.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import between_spans, code_spans, map_unfenced, math_spans

_UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
_ITEM = re.compile(r"\[Item: " + _UUID + r"\]")
_FILE = re.compile(r"[ \t]*\[File: " + _UUID + r"\]")
# a link in brackets inside a sentence, with the words the writer put beside it in the same brackets
_BRACKETED = re.compile(r"[ \t]*\((?:[^()\n]*?)\[Item: " + _UUID + r"\](?:[^()\n]*?)\)")
# a link and the label the writer gave it in brackets right after it: "[Item: …] (random forests)"
_LABELLED = re.compile(r"\[Item: " + _UUID + r"\](?:[ \t]*\([^()\n]*\))?")
_LEAD = re.compile(r"^([ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d+[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?)(.*)$")
_SENTENCE_END = re.compile(r"(?<=[.!?])[ \t]+(?=\S)")
_ROW = re.compile(r"[ \t]*\|.*\|[ \t]*")  # a table's row, as Super writes it: between outer pipes
_WORD = re.compile(r"[^\W\d_]{2,}")

_FRONT_MATTER_KEYS = ("title", "created_at", "updated_at", "uuid")


def is_standard_notes_export(meta: dict) -> bool:
    """Whether a note's front matter is the one Standard Notes writes above a Super note exported as Markdown: its
    title, its two stamps and its item id (the app shows the title above the note, its H1s are sections)."""
    return all(key in meta for key in _FRONT_MATTER_KEYS) and bool(re.fullmatch(_UUID, str(meta["uuid"]).strip()))


def as_standard_notes_shows(body: str, exported: bool = False) -> str:
    """`body` without Super's `[File: …]` embeds and with its `[Item: …]` links read as the module says; `body`
    itself when it has none. `exported`: the note is under the front matter of the app's export
    (`is_standard_notes_export`), whose table rows may hold `\\n` line breaks."""
    breaks = exported and "\\n" in body
    if "[Item: " not in body and "[File: " not in body and not breaks:
        return body
    return map_unfenced(body, lambda text: "\n".join(_read_line(line, breaks) for line in text.split("\n")))


def _read_line(line: str, breaks: bool = False) -> str:
    if breaks and "\\n" in line and _ROW.fullmatch(line):
        spans = sorted(code_spans(line) + math_spans(line))
        line = between_spans(line, spans, lambda text: text.replace("\\n", "<br>"))
    if "[File: " in line:
        line = _FILE.sub("", line)
        if not line.strip():
            return ""
    if "[Item: " not in line:
        return line
    lead, rest = _LEAD.match(line).groups()
    rest = _BRACKETED.sub(lambda found: "" if _says_more(found.string, found) else found.group(0), rest)
    kept = [sentence for sentence in _SENTENCE_END.split(rest) if not _ITEM.search(sentence)]
    rest = " ".join(kept).strip()
    return lead + rest if rest else ""


def _says_more(text: str, found: re.Match) -> bool:
    """Whether the sentence around a bracketed link says something without it: words before and after the
    brackets (the link is an aside, not what the sentence is about)."""
    before, after = text[:found.start()], text[found.end():]
    return len(_WORD.findall(_LABELLED.sub("", before))) >= 2 and len(_WORD.findall(after)) >= 2
