r"""A note UpNote exported as Markdown ("Export as Markdown"), read as UpNote shows it, line for line.

UpNote writes each note's rich text through turndown, and what turndown writes reached the cards raw:
- its escapes: every `_`, `*`, `[`, `]`, backtick and backslash the writer typed gets a backslash (`x\_1`, `in
  \[0, 1\]`), and so does a line that starts like a list item, a numbered step or a setext rule (`1\. with μ fixed`,
  `\- item`, `\= Σ q(Z) …`), or a heading that does (`## 1\. Step-by-step`). Read as the characters they stand for,
  outside code and dollar math (a formula's `\,` and `\|` are TeX). Left as written, for Markdown reads them itself:
  `\*` and an escaped backtick, which read could open emphasis or code, and `\#` and `\>` at a line's start, which
  would make a heading or a quote of a paragraph. Unread, `\[0, 1\]` read as display math, and the escapes made the
  note look like a Notesnook export, whose TeX reader then cut every `$$` block apart. Some exports escape a
  formula's backslashes too (`$\\log|K| = 2\\sum_i$`), which every view took for TeX line breaks: a formula (or a
  `$$` block) so written is read halved (`extract.doubled_tex`).
- a link to another note: `[K-means](K-means.md "upnote://x-callback-url/openNote?noteId=…")`, the app's address as
  the link's title: the link without it, spaces in its file name as `%20` (the exporter leaves some unencoded, and
  Markdown reads no link with a space in its address). A note's link pasted alone on a line
  (`upnote://x-callback-url/openNote?…`) opens the note in the app and says nothing: no line.
A note is taken for UpNote's when its front matter is the one "include additional data" writes (`created:
2024-09-28 18:40:11`, to the second and without a zone, and the notebooks under `categories:`; `upnote_data`), when
it links into the app, or when it shows turndown's escapes together with another mark of turndown's: its `* * *`
rule or a table under an empty header row. Fenced code is left as written. Pure: text in, the same number of lines
out.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from mlwiki.extract.doubled_tex import undoubled_tex
from mlwiki.render.spans import between_spans, code_spans, fenced_lines

_APP = "upnote://x-callback-url/"
_APP_TITLE = re.compile(r"\]\(((?:\\.|[^()\\\n])*?)[ \t]+\"upnote://x-callback-url/[^\"\n]*\"\)")
_APP_LINE = re.compile(r"[ \t]*<?upnote://x-callback-url/\S*?>?[ \t]*")
_ESCAPE = re.compile(r"\\([\\_\[\]])|(?<=\d)\\(\.)(?=[ \t]|$)")  # (a numbered step's dot after a heading's `##` too;
# not `\*` or a backtick: read, they could open emphasis or code)
_LINE_START = re.compile(r"^([ \t]*)(?:\\([-+=])|(\d+)\\(\.))")  # (`\- item`, `\= Σ …`, `1\. step`)
_TURNDOWN_ESCAPE = re.compile(r"\\[_*\[\]]|^[ \t]*(?:\d+\\\.|\\[-=])", re.M)
_RULE = re.compile(r"^[ \t]*\* \* \*[ \t]*$", re.M)  # (turndown's horizontal rule)
_STAMP = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")  # (UpNote's `created:`: to the second, no zone)
_EMPTY_HEADER = re.compile(r"^\|(?:[ \t]*\|)+[ \t]*\n\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*$", re.M)
_DOLLARS = re.compile(r"\$\$.+?\$\$|\$(?![\s$])[^$\n]*?(?<![\s\\])\$(?!\d)")


def upnote_data(meta: dict) -> bool:
    """Whether a note's front matter is the "additional data" UpNote's export writes: a `created` stamp to the second
    without a zone (read as a date and time, or as the text), and the notebooks it is filed in under `categories`."""
    created = meta.get("created")
    if "categories" not in meta or not created:
        return False
    if isinstance(created, datetime):
        return created.tzinfo is None
    return not isinstance(created, date) and bool(_STAMP.fullmatch(str(created).strip()))


def is_upnote_export(body: str) -> bool:
    """Whether `body` is a note UpNote exported, by its text (see the module's docstring)."""
    if _APP in body:
        return True
    if "\\" not in body or not _TURNDOWN_ESCAPE.search(body):
        return False
    return bool(_RULE.search(body) or _EMPTY_HEADER.search(body))


def as_upnote_shows(body: str, data: bool = False) -> str:
    """`body` with turndown's escapes read and UpNote's links into the app as said in the module's docstring;
    `body` itself when it is no UpNote export. `data`: its front matter is UpNote's (`upnote_data`)."""
    if not data and not is_upnote_export(body) or data and "\\" not in body and _APP not in body:
        return body
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    in_display = False  # (inside a `$$` block written over several lines: TeX, its backslashes its own)
    for k, line in enumerate(lines):
        if fenced[k]:
            continue
        bare = line.strip()
        if bare == "$$" or bare.startswith("$$") != bare.endswith("$$") and bare.count("$$") == 1:
            in_display = not in_display
            if in_display:
                _block_undoubled(lines, k)
            continue
        if in_display:
            continue
        if _APP in line:
            if _APP_LINE.fullmatch(line):
                lines[k] = ""
                continue
            line = _APP_TITLE.sub(lambda link: f"]({link.group(1).replace(' ', '%20')})", line)
        lines[k] = _escapes_read(line) if "\\" in line else line
    return "\n".join(lines)


def _escapes_read(line: str) -> str:
    """One line with turndown's escapes read outside code spans and dollar math, and a formula's doubled
    backslashes halved (`undoubled_tex`)."""
    line = _LINE_START.sub(lambda m: m.group(1) + (m.group(2) or m.group(3) + m.group(4)), line, count=1)
    if "$" in line and "\\\\" in line:
        line = _DOLLARS.sub(lambda m: undoubled_tex(m.group()), line)
    spans = sorted(code_spans(line) + [m.span() for m in _DOLLARS.finditer(line)]) if "`" in line or "$" in line \
        else []
    return between_spans(line, spans, lambda text: _ESCAPE.sub(lambda m: m.group(1) or m.group(2), text))


def _block_undoubled(lines: list[str], start: int) -> None:
    """The `$$` block opening at line `start` with its doubled backslashes halved, when the whole block has them
    (one block is one formula: `undoubled_tex` decides over all its lines)."""
    end = next((k for k in range(start + 1, len(lines)) if "$$" in lines[k]), None)
    if end is None:
        return
    block = "\n".join(lines[start:end + 1])
    if (read := undoubled_tex(block)) != block:
        lines[start:end + 1] = read.split("\n")
