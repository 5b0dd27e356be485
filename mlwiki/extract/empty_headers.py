r"""A pipe table written under an empty header row, read with the writer's own header row as its header.

A rich-text editor's table often has no header cells, and turndown's GFM plugin (UpNote's Markdown export, web
clippers built on it) then writes an empty header row above the table, since GFM wants one:

    |     |     |     |                                            →
    | --- | --- | --- |                                            →   | Method | What you look at | Catch |
    | **Method** | **What you look at** | **Catch** |             →   | --- | --- | --- |
    | Elbow | plot J against K | the bend is often not clear |     →   | Elbow | plot J against K | … |

The writer's header is the first row, set in bold. Read as written, no column had a name, so every row's card
showed cells without saying what they were, and the bold row made a card of column names. When the row under the
delimiter holds only bold cells (and empty ones: a grid's corner), it is the table's header: it moves up onto the
empty row's place, without its bold, the delimiter under it, and the empty row's line is left empty. A table whose
first row is not set apart so keeps its empty header (its rows are all data). Code is never touched. Pure: text
in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

_EMPTY_ROW = re.compile(r"[ \t]*\|(?:[ \t]*\|)+[ \t]*")
_DELIMITER = re.compile(r"[ \t]*\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*")
_BOLD_CELL = re.compile(r"[ \t]*\*\*([^*|\n]+)\*\*[ \t]*")
_PIPE = re.compile(r"(?<!\\)\|")


def with_header_rows(body: str) -> str:
    """`body` with each table's bold first row, under an empty header row, as its header (see the docstring)."""
    if "|" not in body or "**" not in body:
        return body
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    for k in range(len(lines) - 2):
        if fenced[k] or not _EMPTY_ROW.fullmatch(lines[k]) or not _DELIMITER.fullmatch(lines[k + 1]):
            continue
        cells = _cells(lines[k + 2])
        columns = len(_cells(lines[k]))
        if len(cells) != columns or fenced[k + 2] or not any(cells) \
                or not all(not cell.strip() or _BOLD_CELL.fullmatch(cell) for cell in cells):
            continue
        header = [_BOLD_CELL.sub(r" \1 ", cell) if cell.strip() else " " for cell in cells]
        lines[k], lines[k + 1], lines[k + 2] = "", "|" + "|".join(header) + "|", lines[k + 1]
    return "\n".join(lines)


def _cells(row: str) -> list[str]:
    """A table row's cells, without its outer pipes."""
    inner = row.strip()
    return _PIPE.split(inner[1:-1] if inner.endswith("|") and len(inner) > 1 else inner[1:])
