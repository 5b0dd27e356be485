"""A Notesnook note exported as Markdown, read as Notesnook shows it, line for line.

Notesnook's exporter writes what Markdown has no syntax for as the editor's HTML, each block on one line of its own:
- a math block: `<div data-block-id="…" class="math-block math-node">\\hat x = …</div>` — display math;
- a callout: `<div data-block-id="…" data-callout-type="warning" class="callout"><h4 …>Title</h4><p …>text</p>…</div>`
  — a box with a title and paragraphs.
Read as Markdown both reached the cards raw. A math block is its formula (`$$…$$`). A callout must stay on its one
line (the blank line after it is all the room there is), so it is written as the form that says the same on one
line: a caveat (warning, error, danger) as a `> ⚠️` quote, a box titled with a question as the bold question and its
answer, any other as its title in bold before its text (no title: its text); a line break inside it, a space. An
inline formula, which the exporter writes as bare TeX with showdown's escapes, is written back as `$…$`
(`notesnook_inline`); a note without boxes is read so when it shows those escapes. Pure: text in, the same number of
lines out.
"""

from __future__ import annotations

import html
import re

from mlwiki.extract.notesnook_inline import as_formulas_read, shows_showdown_escapes
from mlwiki.render.spans import fenced_lines

_MATH_BLOCK = re.compile(r"[ \t]*<div\b[^<>]*\bclass=\"[^\"]*\bmath-block\b[^\"]*\"[^<>]*>(.*?)</div>[ \t]*")
_CALLOUT = re.compile(r"[ \t]*<div\b(?=[^<>]*\bclass=\"[^\"]*\bcallout\b)[^<>]*>(.*)</div>[ \t]*")
_CALLOUT_KIND = re.compile(r"data-callout-type=\"([\w-]+)\"")
_TITLE = re.compile(r"<h[1-6]\b[^<>]*>(.*?)</h[1-6]>")
_PARAGRAPH = re.compile(r"<p\b[^<>]*>(.*?)</p>")
_TAG = re.compile(r"<[^<>]+>")
_BREAK = re.compile(r"<br\s*/?>")
_INLINE_MATH = re.compile(r"<span\b[^<>]*\bclass=\"[^\"]*\bmath-inline\b[^\"]*\"[^<>]*>(.*?)</span>")
_MARKS = {"strong": "**", "b": "**", "em": "*", "i": "*", "code": "`"}
_MARK = re.compile(r"<(/?)(strong|b|em|i|code)\b[^<>]*>")
_CAVEATS = frozenset(("warning", "error", "danger", "caution", "important"))


def is_notesnook_export(body: str) -> bool:
    """Whether `body` is a Notesnook export: it holds the editor's blocks (`data-block-id`) or shows showdown's
    escapes (`notesnook_inline`)."""
    return "data-block-id" in body or shows_showdown_escapes(body)


def as_notesnook_shows(body: str) -> str:
    """`body` with Notesnook's math blocks and callouts read as said in the module's docstring; `body` itself when
    it holds none."""
    if not is_notesnook_export(body):
        return body
    boxes = "data-block-id" in body
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    if not boxes:
        return as_formulas_read(body, fenced)
    for k, line in enumerate(lines):
        if fenced[k] or "<div" not in line:
            continue
        if math := _MATH_BLOCK.fullmatch(line):
            lines[k] = f"$${html.unescape(_TAG.sub('', math.group(1))).strip()}$$"
        elif box := _CALLOUT.fullmatch(line):
            lines[k] = _callout_line(line, box.group(1))
    return as_formulas_read("\n".join(lines), fenced)


def _callout_line(line: str, inner: str) -> str:
    """A callout as one line (see the module's docstring)."""
    kind = (_CALLOUT_KIND.search(line) or [None, "note"])[1].lower()
    title = _TITLE.search(inner)
    heading = _text(title.group(1)) if title else ""
    text = " ".join(_text(p) for p in _PARAGRAPH.findall(inner) if _text(p))
    if not _PARAGRAPH.search(inner):
        text = _text(_TITLE.sub("", inner))
    if kind in _CAVEATS:  # (its title in bold, as a labelled paragraph's: the card names the caveat by it)
        return f"> ⚠️ {_label(heading)} {text}" if heading and text else f"> ⚠️ {heading or text}"
    if not heading:
        return text
    if not text:
        return f"**{heading}**"
    return f"{_label(heading)} {text}"


def _label(heading: str) -> str:
    """A box's title as the bold label of its text: "**Pitfalls:**", a question or an exclamation as it is."""
    return f"**{heading}**" if heading.endswith(("?", "!")) else f"**{heading.rstrip(':')}:**"


def _text(fragment: str) -> str:
    """A fragment of the editor's HTML as Markdown text: emphasis and code as their marks, inline math as `$…$`,
    other tags as nothing, entities read."""
    fragment = _INLINE_MATH.sub(lambda m: f"${m.group(1)}$", fragment)
    fragment = _MARK.sub(lambda m: _MARKS[m.group(2)], _BREAK.sub(" ", fragment))  # (a line break: "a.<br>B")
    return html.unescape(_TAG.sub("", fragment)).strip()
