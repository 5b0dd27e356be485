"""Cards of a table's columns, which its row cards each hold a piece of: the order of a numbered sequence ("| 1 |
Forward pass | … |", "| 2 | Calculate the loss | … |": what are the steps, in order?), and a column of short values
that sets the rows side by side ("comm volume vs DP": 1×, 1×, 1×, 1.5× over the stages). Reading the table is
`mlwiki.extract.tables`'."""

from __future__ import annotations

from mlwiki.extract import tables
from mlwiki.extract.blocks import Block
from mlwiki.extract.prose import heading_text

FORM = "table-column"
MIN_ROWS, MAX_ROWS = 3, 8  # (two rows: each row card holds the other's value beside; more than eight: a list to read)
MAX_CELL_WORDS = 4  # a short value ("1×", "+ gradients", "$O(n^2)$"), not an explanation


def column_cards(ex, path: str, block: Block) -> None:
    """The sequence card of a table whose first column numbers its rows, and a card of each column of short
    values of a comparison table (three or more columns beside the rows' names)."""
    found = tables.named_rows(block)
    if found is None:
        return
    header, key, rows, counted = found
    names = [heading_text(cells[key]) for _, cells in rows]
    line = rows[0][0]
    if counted and MIN_ROWS <= len(rows):
        ex.add_card(FORM, f"{path} › {header[key].strip(' *_') or 'rows'}, in order",
                    "\n".join(f"{k}. {name}" for k, name in enumerate(names, 1)), line)
    values = [c for c in range(len(header)) if c != key and c not in counted]
    if key != 0 or len(values) < 3 or not MIN_ROWS <= len(rows) <= MAX_ROWS:
        return  # (rows named by a later column are no comparison the writer laid out by its first)
    for c in values:
        cells = [cells[c] for _, cells in rows]
        if header[c].strip() and all(cell.strip() and len(cell.split()) <= MAX_CELL_WORDS for cell in cells) \
                and len(set(cells)) > 1:
            back = "\n".join(f"- {name}: {cell}" for name, cell in zip(names, cells))
            ex.add_card(FORM, f"{path} › {header[c].strip(' *_?')}, by {header[key].strip(' *_') or 'row'}", back, line)
