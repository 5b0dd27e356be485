"""An HTML table in a note (`<table><tr><th>…</th></tr><tr><td>…</td></tr></table>`, as Jupyter notebooks and some
Markdown notes write them) read as the Markdown pipe table it stands for, so the table rules (tables.py,
table_cards.py, …) card its rows as they card a pipe table's. Left as HTML, its lines were a paragraph of tags:
a card whose back showed nothing at all.

Only a simple table is read: rows of `<th>`/`<td>` cells (`rowspan`/`colspan` ignored), no table inside a cell.
Inline tags in a cell keep their text, written as Markdown where it has a way (`<code>`, `<b>`, `<em>`, `<a>`).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from mlwiki.extract.lines import BLANK, CODE, TEXT, Line

_OPENS = re.compile(r"(?i)[ \t]*<table[\s>]")
_CLOSES = re.compile(r"(?i)</table\s*>")
_SPACE = re.compile(r"\s+")
_TAG_LIKE = re.compile(r"<(?=[A-Za-z/!?])")
# inline tags written as the Markdown that shows them the same way (others keep only their text)
_MARKS = {"code": "`", "tt": "`", "kbd": "`", "b": "**", "strong": "**", "i": "*", "em": "*"}
_BREAKS = frozenset(("br", "p", "div", "li"))  # tags that break a cell's text: a space between its pieces


def may_hold(body: str) -> bool:
    """A cheap test: could the note hold an HTML table?"""
    return "<table" in body or "<TABLE" in body or "<Table" in body


class _Rows(HTMLParser):
    """The rows of one HTML table, each a list of its cells' text (the first row heads the columns, `<th>` or
    `<td>`: a table written without `<th>` still names its columns in its first row)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None  # the pieces of the cell being read
        self.tables = 0
        self.href = ""
        self.caption: list[str] | None = None  # the pieces of its `<caption>`, once one opens
        self.bad = False  # a table in a table: not a simple table

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "table":
            self.tables += 1
            self.bad |= self.tables > 1
        elif tag == "tr":
            self._end_cell()
            self.rows.append([])
        elif tag in ("td", "th"):
            self._end_cell()
            if not self.rows:
                self.rows.append([])
            self.cell = []
        elif tag == "caption":
            self.caption = []
        elif self.cell is not None:
            self._open_inline(tag, attrs)

    def _open_inline(self, tag: str, attrs: list) -> None:
        if tag in _MARKS:
            self.cell.append(_MARKS[tag])
        elif tag == "a":
            self.href = dict(attrs).get("href") or ""
            self.cell.append("[" if self.href else "")
        elif tag in _BREAKS:
            self.cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th", "tr"):
            self._end_cell()
        elif self.cell is not None:
            if tag in _MARKS:
                self._close_mark(_MARKS[tag])
            elif tag == "a" and self.href:
                self.cell.append(f"]({self.href})")
                self.href = ""
            elif tag in _BREAKS:
                self.cell.append(" ")

    def _close_mark(self, mark: str) -> None:
        """`**` after bold text; an empty `<b></b>` (or one of spaces) leaves nothing."""
        if self.cell and self.cell[-1] == mark:
            self.cell.pop()
        elif len(self.cell) > 1 and self.cell[-2] == mark and not self.cell[-1].strip():
            del self.cell[-2:]
        else:
            self.cell.append(mark)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if self.cell is not None and tag in _BREAKS:
            self.cell.append(" ")

    def handle_data(self, data: str) -> None:
        data = _TAG_LIKE.sub("&lt;", data)  # ("&lt;b&gt;" shows "<b>": written so, Markdown would read a tag)
        if self.cell is not None:
            self.cell.append(data)
        elif self.caption is not None and not self.rows:
            self.caption.append(data)

    def _end_cell(self) -> None:
        if self.cell is None:
            return
        text = _SPACE.sub(" ", "".join(self.cell)).strip()
        self.rows[-1].append(text.replace("|", "\\|"))
        self.cell = None


def _table_rows(html: str) -> tuple[str, list[list[str]]] | None:
    """(its caption, the rows of cells) of a simple HTML table, its header row first; None when it is not one."""
    parser = _Rows()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):
        return None
    parser._end_cell()
    rows = [cells for cells in parser.rows if cells]
    if parser.bad or len(rows) < 2 or not any(any(cells) for cells in rows[1:]):
        return None
    return _SPACE.sub(" ", "".join(parser.caption or ())).strip(), rows


def _pipe_lines(rows: list[list[str]], numbers: list[int]) -> list[Line]:
    """A pipe table's lines for `rows`, each at the note line its HTML row started on."""
    width = max(len(cells) for cells in rows)
    texts = ["| " + " | ".join(cells + [""] * (width - len(cells))) + " |" for cells in rows]
    texts.insert(1, "|" + "---|" * width)
    numbers = numbers[:1] + numbers
    return [Line(no, text, TEXT) for no, text in zip(numbers, texts)]


def _row_lines(lines: list[Line], count: int) -> list[int]:
    """The note line each of a table's `count` rows opens on: its `<tr>`'s (a row that opens none of its own, the
    line of the last that did, or of the table's first line)."""
    found = [ln.no for ln in lines if ln.kind != BLANK for _ in range(ln.text.lower().count("<tr"))]
    found = found or [lines[0].no]
    return (found + [found[-1]] * count)[:count]


def _read_table(lines: list[Line], k: int) -> tuple[list[Line], int] | None:
    """(the pipe table's lines, the index of the line after it) of the HTML table whose `<table` opens lines[k]:
    it runs to the line that closes it, with nothing after `</table>`; None when it is no simple table."""
    end = k
    while end < len(lines) and lines[end].kind in (TEXT, BLANK, CODE) and not _CLOSES.search(lines[end].text):
        end += 1
    if end == len(lines) or lines[end].kind not in (TEXT, CODE) \
            or lines[end].text[_CLOSES.search(lines[end].text).end():].strip():
        return None  # (never closed, or closed by something else: a heading, a fence, math; text after it)
    found = _table_rows("\n".join(ln.text for ln in lines[k:end + 1]))
    if found is None:
        return None
    caption, rows = found
    read = _pipe_lines(rows, _row_lines(lines[k:end + 1], len(rows)))
    if caption:  # (said over the table, as a line of its paragraph: what its rows are)
        read.insert(0, Line(lines[k].no, caption if caption[-1:] in ".:?!" else caption + ":", TEXT))
    return read, end + 1


def as_pipe_tables(lines: list[Line]) -> list[Line]:
    """The note's lines with each simple HTML table (from a line of prose opening with `<table` to the line that
    closes it) in its place as a pipe table; any other HTML left as it is."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        ln = lines[k]
        if ln.kind == TEXT and ln.text[:1] in " \t<" and _OPENS.match(ln.text) and (found := _read_table(lines, k)):
            out.extend(found[0])
            k = found[1]
        else:
            out.append(ln)
            k += 1
    return out
