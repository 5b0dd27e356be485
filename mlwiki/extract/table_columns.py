"""Cards of a table's columns, which its row cards each hold a piece of: the order of a numbered sequence ("| 1 |
Forward pass | … |", "| 2 | Calculate the loss | … |": what are the steps, in order?), and a column of short values
that sets the rows side by side ("comm volume vs DP": 1×, 1×, 1×, 1.5× over the stages). Reading the table is
`mlwiki.extract.tables`'."""

from __future__ import annotations

import re

from mlwiki.extract import tables
from mlwiki.extract.blocks import Block
from mlwiki.extract.prose import heading_text
from mlwiki.extract.table_cells import shown_header

FORM = "table-column"
MIN_ROWS, MAX_ROWS = 3, 6  # (two rows: each row card holds the other's value beside; more than six: a list to read,
# each row a card of its own)
WAS_MAX_ROWS = 8  # (the longest column carded whole before: its rows' cards keep the ids they had then)
MAX_CELL_WORDS = 4  # a short value ("1×", "+ gradients", "$O(n^2)$"), not an explanation
# A link to a page of the site (no scheme: not a paper's URL) or a wiki link, and the words that only point with it
_PAGE_LINK = re.compile(r"\[[^\]\n]*\]\((?![a-z][\w+.-]*:)[^)\s]*\)|\[\[[^\]\n]*\]\]")
_POINTING = re.compile(r"(?i)\b(?:see|also|and|or|cf\.)\b|[,;/&+·|]")
_NO_PAGE = re.compile(r"[ \t]*(?:\([^()\n]*\)|[-–—]|n/?a|none)?[ \t]*", re.I)  # ("(no page yet)", "—": no link)


def column_cards(ex, path: str, block: Block, id_path: str = "") -> None:
    """The sequence card of a table whose first column numbers its rows, and a card of each column of short
    values of a comparison table (three or more columns beside the rows' names). `id_path`: the path their ids
    keep, when the table's cards moved up from the section it stands in."""
    found = tables.named_rows(block)
    if found is None:
        return
    header, key, rows, counted = found
    names = [heading_text(cells[key]) for _, cells in rows]
    line = rows[0][0]
    if counted and MIN_ROWS <= len(rows):
        ex.add_card(FORM, f"{path} › {header[key].strip(' *_') or 'rows'}, in order",
                    "\n".join(f"{k}. {name}" for k, name in enumerate(names, 1)), line,
                    id_front=f"{id_path or path} › {header[key].strip(' *_') or 'rows'}, in order")
    for c in compared_columns(found):
        back = "\n".join(f"- {name}: {cells[c]}" for name, (_, cells) in zip(names, rows))
        asked = f"{header[c].strip(' *_?')}, by {header[key].strip(' *_') or 'row'}"
        shown = f"{shown_header(header[c]).strip(' *_?')}, by {shown_header(header[key]).strip(' *_') or 'row'}"
        ex.add_card(FORM, f"{path} › {shown}", back, line, id_front=f"{id_path or path} › {asked}")


def compared_columns(found: tuple[list[str], int, list[tuple[int, list[str]]], set[int]],
                     max_rows: int = MAX_ROWS) -> list[int]:
    """The columns of short values, each its own card, of a comparison table (three or more columns beside the
    rows' names, `tables.named_rows`' `found`, at most `max_rows` of them): the rows' cards need not ask them
    again."""
    header, key, rows, counted = found
    values = [c for c in range(len(header)) if c != key and c not in counted]
    if key != 0 or not header[key].strip() or len(values) < 3 or not MIN_ROWS <= len(rows) <= max_rows:
        return []  # (rows named by a later column are no comparison the writer laid out by its first; a blank
        # corner cell over names of attributes, "| | CTC | RNN-T |": each column is one item's whole profile)
    return [c for c in values if header[c].strip() and len({cells[c] for _, cells in rows}) > 1
            and all(cells[c].strip() for _, cells in rows) and _short_values([cells[c] for _, cells in rows])
            and c not in link_columns(found)]


def link_columns(found: tuple[list[str], int, list[tuple[int, list[str]]], set[int]]) -> list[int]:
    """The columns of a table (`tables.named_rows`' `found`) that only point at the site's pages: no card of their
    own, nor a part of the rows' cards."""
    header, key, rows, _ = found
    return [c for c in range(len(header)) if c != key and _page_links([cells[c] for _, cells in rows])]


def _page_links(column: list[str]) -> bool:
    """Whether a column only points at the site's pages ("[SimCLR](methods/simclr.mdx), [MoCo](…)", "see
    [collapse](…)", "(no page yet)"): half its cells links and nothing else, navigation to follow, not a value to
    recall."""
    only = [cell for cell in column if ("](" in cell or "[[" in cell)
            and not _POINTING.sub(" ", _PAGE_LINK.sub(" ", cell)).strip()]
    return 2 * len(only) >= len(column) and all(cell in only or _NO_PAGE.fullmatch(cell) for cell in column)


def _short_values(column: list[str]) -> bool:
    """Whether a column's cells are short values: all of them, or all but one no longer than twice that among values
    that repeat (one that says when, "yes if $V$ is approximate", among "none", "none", …: still read down)."""
    short = [cell for cell in column if len(cell.split()) <= MAX_CELL_WORDS]
    if len(short) == len(column):
        return True
    return len(short) == len(column) - 1 and len(set(short)) < len(short) \
        and all(len(cell.split()) <= 2 * MAX_CELL_WORDS for cell in column)
