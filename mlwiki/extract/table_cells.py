"""What a comparison table's row cards ask (issue 23): a table of items (rows) by attributes (columns) is carded
once per fact. A column of short values is its own card (`table_columns`), so a row's card leaves it out; what a
row has left to say is one card when it is a cell or a few (2–3, asked by their headers on the front), and a card
per cell when it is wider, each front naming the row and the column. Reading the table is `tables`'."""

from __future__ import annotations

import re

from mlwiki.extract import tables
from mlwiki.extract.prose import heading_text

MAX_ASKED = 3  # (more cells than this on one back: a list of unrelated facts, each its own card)
# A column that only says its cells are remarks ("| baseline | comment |"): asked on a front, it asks nothing
# ("… › constant baseline › comment")
REMARKS = re.compile(r"(?i)[ \t]*(?:comments?|notes?|remarks?|descriptions?|details?|explanations?|info|misc)[ \t:?]*")


def row_parts(found, line: int, back: str, compared: set[int],
              every: bool = False) -> list[tuple[str, str, str]] | None:
    """(column header as asked, cell, back line) of each cell a row card's `back` holds, but the columns
    `compared` (each its own card) and a column of one number in every row ("sign | 1"), when the row loses one of
    them or is wider than `MAX_ASKED` (or `every`: of any row); None for a row whose card stays as it is (or whose
    back is not its cells)."""
    header, key, rows, _ = found
    cells = next((cells for no, cells in rows if no == line), None)
    if cells is None:
        return None
    lines = back.split("\n")
    held = [c for c in range(len(header)) if c != key and f"- {tables.column_label(header[c])}{cells[c]}" in lines]
    if len(held) != len(lines):
        return None
    skip = compared | {c for c in held if compared and len({cells[c] for _, cells in rows}) == 1
                       and not tables.says_something(cells[c])}
    if not every and not skip & set(held) and len(held) <= MAX_ASKED:
        return None
    return [(_asked(header[c]), cells[c], f"- {tables.column_label(header[c])}{cells[c]}")
            for c in held if c not in skip]


def asked_headers(found, line: int, back: str) -> list[str]:
    """The column headers a row card's `back` answers under, as a front asks them ("what does it do, code example"),
    each once (a header that is a question, "What does it do?", sets no colon before its cell: `tables.asked_columns`
    cannot find it)."""
    parts = row_parts(found, line, back, set(), every=True)
    return list(dict.fromkeys(_in_sentence(column) for column, _, _ in parts or [] if column))


def _in_sentence(column: str) -> str:
    """A header as it reads inside a front's question: "what does it do", "code example" (not "GPipe", "SGD")."""
    word = column.split()[0]
    return column[0].lower() + column[1:] if word[:1].isupper() and word[1:].islower() else column


def row_asks(path: str, name: str, parts: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """(front, back, the front its id keeps) of the cards of a row's cells `parts` (`row_parts`): one cell asked
    under its column ("… › MAPE › scale-free"), a column of remarks asked what is noted about the row ("… › What is
    noted about MAPE?", not "… › MAPE › notes", which asks nothing), two or three asked together by their headers
    ("… › fp16: sign, notes?"), a wider row a card per cell. None of a row whose cells left are only numbers (what
    a number means, its column's card says)."""
    if all(not tables.says_something(cell) for _, cell, _ in parts):
        return []
    if len(parts) == 1 or len(parts) > MAX_ASKED:
        return [(_cell_front(path, name, shown_header(column)), cell, f"{path} › {name} › {column}")
                for column, cell, _ in parts]
    front = f"{path} › {name}: {', '.join(column for column, _, _ in parts)}?"
    shown = f"{path} › {name}: {', '.join(shown_header(column) for column, _, _ in parts)}?"
    return [(shown, "\n".join(ln for _, _, ln in parts), front)]


def shown_header(header: str) -> str:
    """A column's header as a front shows it: a link as its text ("| [k-means](k-means.md) |" shows "k-means"), as
    a heading's link is; a card's id keeps the header as written."""
    return heading_text(header) if "](" in header or "[[" in header else header


def _cell_front(path: str, name: str, column: str) -> str:
    """The front that asks one cell of a row: by its column ("… › MAPE › scale-free"), but a column of remarks by
    what is noted about the row."""
    return f"{path} › What is noted about {name}?" if REMARKS.fullmatch(column) else f"{path} › {name} › {column}"


def former_part(found, parts: list[tuple[str, str, str]], asks: list[tuple[str, str, str]], released: set[int]) -> int:
    """The index in `asks` (`row_asks` of `parts`) of the one card that was the row's whole card while the columns
    `released` were carded each as one (a table too long for that now): it keeps the row's id; -1 for none."""
    if not released or len(asks) != len(parts):
        return -1
    header = found[0]
    gone = {_asked(header[c]) for c in released}
    left = [k for k, (column, _, _) in enumerate(parts) if column not in gone]
    return left[0] if len(left) == 1 else -1


def among_peers(path: str, names: list[str]) -> bool:
    """Whether a table sets its section's subject beside others of its kind: a row is named as the heading it is
    under ("MASE" beside "MAE", "RMSE", "MAPE" under "### MASE"), so its rows belong to the section above."""
    if " › " not in path or len(names) < 3:
        return False
    heading = path.rsplit(" › ", 1)[1].casefold().strip(" *_`")
    return any(heading_text(name).casefold().strip(" *_`") == heading for name in names)


def _asked(header: str) -> str:
    """A column's header as a front asks it: "scale-free" for "scale-free?", "notes" for "**notes:**"."""
    return header.strip(" *_").rstrip("?:").strip()
