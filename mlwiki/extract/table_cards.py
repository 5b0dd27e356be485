"""Cards of a table that explains things: a card per row (its name, and the columns it answers, on the front; its
other cells under their column headers on the back), or one card of a table whose columns are the sides of one
subject (`| pros | cons |`). Reading the table is `mlwiki.extract.tables`'; this adds its cards to the walk."""

from __future__ import annotations

import re

from mlwiki.extract import table_cells, tables
from mlwiki.extract.blocks import Block
from mlwiki.extract.defining import note_headings
from mlwiki.extract.table_columns import WAS_MAX_ROWS, column_cards, compared_columns, link_columns
from mlwiki.extract.table_conclusions import conclusion_card

FORM = "table-row"  # a row of a table that explains things, in such a section
_REMARKS = table_cells.REMARKS  # (a column of remarks: the row's name alone asks what the table says of it)
# A column that says what each row's name means ("| Axiom | Meaning |"): the row's name alone asks it, as a term's
# name asks its definition ("… › Inverse elements", not "… › Inverse elements › Meaning")
_MEANING = re.compile(r"(?i)[ \t]*(?:meanings?|what (?:it|this) means|means)[ \t:?]*")

_ASKED_COLUMNS = (2, 5)  # (one column: the row's name asks it; more than five: a list too long for a front)


def table_cards(ex, path: str, block: Block, after: Block | None = None) -> None:
    """The cards of a table that explains things: a card per row, front = the heading path and the row's name,
    back = its other cells under their column headers (see `mlwiki.extract.tables`), but the columns carded each
    as one (`table_columns`) and a wide row split cell by cell (`table_cells`); and one of the paragraph `after`
    it when that draws the table's conclusion (`mlwiki.extract.table_conclusions`)."""
    rows = tables.row_cards(block)
    names = [name for name, _, _, _ in rows]
    id_path = path  # (the path the cards' ids keep: a table found among peers moved up after its ids were made)
    if block.attrs and "id_under" in block.attrs:
        id_path = f"{path} › {block.attrs['id_under']}"  # (a table once read under the label of a run of parts)
    if " › " in path and rows and tables.compares_sections(names, note_headings(ex), path.rsplit(" › ", 1)[1]):
        path = id_path = path.rsplit(" › ", 1)[0]  # (a summary of the note's sections: its rows are the note's,
        # not this one's)
    elif rows and table_cells.among_peers(path, names):
        path = path.rsplit(" › ", 1)[0]  # (the section's subject beside its peers: a comparison of the section above)
    found = tables.named_rows(block) if rows else None
    compared = set(compared_columns(found)) | set(link_columns(found)) if found else set()  # (not on the rows)
    released = set(compared_columns(found, WAS_MAX_ROWS)) - compared if found else set()  # (too long to card whole)
    for name, back, line, column in rows:  # (the front says what the row answers: "… › PI: explores via, knob?",
        # "… › Pearson χ² › f(t)"; its id keeps the front it had before, but a card of one cell of a wide row's)
        parts = table_cells.row_parts(found, line, back, compared) if found and not column else None
        if parts is not None:
            asks = table_cells.row_asks(path, name, parts)
            kept = table_cells.former_part(found, parts, asks, released)
            for k, (front, part, id_front) in enumerate(asks):  # (the row's whole card, or a cell's own front)
                whole = len(asks) == 1 or k == kept
                ex.add_card(FORM, front, part, line, id_front=f"{id_path} › {name}" if whole else id_front)
            continue
        asked = tables.asked_columns(back)
        if found and not column and len(asked) <= back.count("\n"):  # (a header that is a question: "- What is it?
            # …" names its column without a colon)
            asked = table_cells.asked_headers(found, line, back) or asked
        plain = column and (_REMARKS.fullmatch(column) or _MEANING.fullmatch(column))
        front = ("" if plain else f"{path} › {name} › {table_cells.shown_header(column)}") if column else \
            f"{path} › {name}: {', '.join(map(table_cells.shown_header, asked))}?" \
            if _ASKED_COLUMNS[0] <= len(asked) <= _ASKED_COLUMNS[1] else ""
        ex.add_card(FORM, front or f"{path} › {name}", back, line, id_front=f"{id_path} › {name}")
    if rows:
        column_cards(ex, path, block, id_path)
        conclusion_card(ex, path, block, after)
    if not rows and (sides := tables.sides_table(block)) is not None and not ex.add_card(FORM, path, *sides):
        for drafts, _ in ex.drafts:  # (the section's opening card has its front: the table goes on its back, first
            # when it comes first: the paragraph after it says why of one of its values)
            if drafts[0].front == path and sides[0] not in drafts[0].back:
                first = after is not None and drafts[0].back.startswith(after.lines[0].text.strip()[:30])
                drafts[0].back = f"{sides[0]}\n\n{drafts[0].back}" if first else f"{drafts[0].back}\n\n{sides[0]}"
                break
