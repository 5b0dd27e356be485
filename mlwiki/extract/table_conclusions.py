"""What a table leads to: the paragraph right after a table that draws its conclusion ("⇒ per layer: 2 all-reduces
forward, 2 backward", "→ fewer weights and more nonlinearities", "but one step costs 1 gradient, not n, which is
why …"). Alone it answers nothing a heading asks: its card names the table by its columns on the front and asks
what follows from it (not the whole table, whose rows' cards ask its cells: it would show their answers). A
paragraph that says something of its own after a table is no conclusion: it keeps its own card."""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, text_of
from mlwiki.extract.lines import TEXT
from mlwiki.extract.passages import TABLE_LINE

FORM = "table-conclusion"
ASKS = "What follows from this table?"
MAX_WORDS = 60  # (a conclusion is a sentence or two; a longer paragraph goes on to a subject of its own)
# The mark of a conclusion: an arrow or a word that draws it from what stands before
_CONCLUDES = re.compile(r"(?i)[ \t]*(?:⇒|→|=>|->|\$\\(?:Rightarrow|implies|to)\$|\\\(\\Rightarrow\\\)|"
                        r"(?:so|thus|hence|therefore|but|which is why|i\.e\.|in short|net|bottom line)\b)")

# A column of asides on the rows, no quantity compared ("note", "remarks", "comment")
_ASIDE_COLUMN = re.compile(r"(?i)(?:notes?|remarks?|comments?)")


def conclusion(table: Block, after: Block | None) -> tuple[str, str, int] | None:
    """(the table as written, back, line) of the card of the paragraph `after` a table that concludes from it, or
    None."""
    if after is None or after.kind != TEXT or any(ln.kind != TEXT or TABLE_LINE.match(ln.text) for ln in after.lines):
        return None
    text = text_of(after).strip()
    if not _CONCLUDES.match(text) or len(text.split()) > MAX_WORDS or text.rstrip().endswith(":"):
        return None  # (not "So the steps are:": what it introduces follows)
    rows = [ln.text.strip() for ln in table.lines if ln.kind == TEXT and TABLE_LINE.match(ln.text)]
    return "\n".join(rows), text, after.start


def conclusion_card(ex, path: str, table: Block, after: Block | None) -> None:
    """The conclusion card of a table (`conclusion`): front = the heading path and what follows from the table of
    its columns ("What follows from the table of option by receptive field, weights, nonlinearities?"); back = the
    paragraph. When the section's card took the paragraph already (under the bare heading), that card is the one
    reworded; either keeps the id of its front with the whole table on it, which it had before."""
    found = conclusion(table, after)
    if found is None:
        return
    rows, back, line = found
    front, former = f"{path}\n\n{_asks(rows)}", f"{path}\n\n{rows}\n\n{ASKS}"
    for drafts, _ in ex.drafts:
        if drafts[0].front == path and drafts[0].back.strip() == back:
            drafts[0].front, drafts[0].id_front = front, drafts[0].id_front or f"{drafts[0].form}: {path}"
            return
    if not any(back in d.back for drafts, _ in ex.drafts for d in drafts):
        ex.add_card(FORM, front, back, line, id_front=former)


def _asks(rows: str) -> str:
    """What a conclusion card asks of its table, named by its header row: "What follows from the table of option by
    receptive field, weights, nonlinearities?" (`ASKS` of a table without a header worth the name)."""
    header = [cell.strip(" *_") for cell in rows.split("\n", 1)[0].strip().strip("|").split("|")]
    if len(header) >= 2 and not header[0] and all(header[1:]):
        return _compared(rows, header[1:])  # (a corner left blank: the rows are what is compared)
    if len(header) < 2 or not all(header):
        return ASKS
    header = header[:1] + [cell for cell in header[1:] if not _ASIDE_COLUMN.fullmatch(cell)]  # ("note":
    # the row's aside, no quantity the table sets against the first column: "… of step by time, note?" read as one)
    if len(header) < 2:
        return ASKS
    return f"What follows from the table of {header[0]} by {', '.join(header[1:])}?"


def _compared(rows: str, columns: list[str]) -> str:
    """What a conclusion card asks of a table whose header leaves its first cell blank ("| | RF | params |"): the
    fewer of its rows and its columns are the things set side by side, the others what they are compared by ("What
    follows from comparing one 7×7 and three 3×3 by RF, params?", "… comparing self-attention and RNN by cost per
    layer, path length?"); a table of many of both is named by its columns only."""
    labels = [cells[0] for line in rows.split("\n")[1:]
              if (cells := [cell.strip() for cell in line.strip().strip("|").split("|")]) and cells[0]
              and not set(cells[0]) <= set("-: ")]
    things, by = (columns, labels) if len(columns) < len(labels) else (labels, columns)
    if not 2 <= len(things) <= 4 or not by:
        return f"What follows from the table of {', '.join(columns)}?"
    return f"What follows from comparing {', '.join(things[:-1])} and {things[-1]} by {', '.join(by)}?"
