"""Cards of a table that explains things: a card per row (its name, and the columns it answers, on the front; its
other cells under their column headers on the back), or one card of a table whose columns are the sides of one
subject (`| pros | cons |`). Reading the table is `mlwiki.extract.tables`'; this adds its cards to the walk."""

from __future__ import annotations

from mlwiki.extract import tables
from mlwiki.extract.blocks import Block
from mlwiki.extract.defining import note_headings
from mlwiki.extract.table_columns import column_cards
from mlwiki.extract.table_conclusions import conclusion_card

FORM = "table-row"  # a row of a table that explains things, in such a section

_ASKED_COLUMNS = (2, 5)  # (one column: the row's name asks it; more than five: a list too long for a front)


def table_cards(ex, path: str, block: Block, after: Block | None = None) -> None:
    """A card per row of a table that explains things: front = the heading path and the row's name, back = its
    other cells under their column headers (see `mlwiki.extract.tables`); and one of the paragraph `after` it when
    that draws the table's conclusion (`mlwiki.extract.table_conclusions`)."""
    rows = tables.row_cards(block)
    if " › " in path and rows and tables.compares_sections([name for name, _, _, _ in rows], note_headings(ex),
                                                             path.rsplit(" › ", 1)[1]):
        path = path.rsplit(" › ", 1)[0]  # (a summary of the note's sections: its rows are the note's, not this one's)
    for name, back, line, column in rows:  # (the front says what the row answers: "… › PI: explores via, knob, closed
        # form?", "… › Pearson χ² › f(t)"; its id keeps the front it had before)
        asked = tables.asked_columns(back)
        front = f"{path} › {name} › {column}" if column else \
            f"{path} › {name}: {', '.join(asked)}?" if _ASKED_COLUMNS[0] <= len(asked) <= _ASKED_COLUMNS[1] else ""
        ex.add_card(FORM, front or f"{path} › {name}", back, line, id_front=f"{path} › {name}")
    if rows:
        column_cards(ex, path, block)
        conclusion_card(ex, path, block, after)
    if not rows and (sides := tables.sides_table(block)) is not None and not ex.add_card(FORM, path, *sides):
        for drafts, _ in ex.drafts:  # (the section's opening card has its front: the table goes on its back, first
            # when it comes first: the paragraph after it says why of one of its values)
            if drafts[0].front == path and sides[0] not in drafts[0].back:
                first = after is not None and drafts[0].back.startswith(after.lines[0].text.strip()[:30])
                drafts[0].back = f"{sides[0]}\n\n{drafts[0].back}" if first else f"{drafts[0].back}\n\n{sides[0]}"
                break
