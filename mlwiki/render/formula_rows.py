"""A display formula (already Unicode text) laid out in a given width, as a typesetter would break it.

A formula that fits stays one line. One that does not breaks as LaTeX's `align`/`multline` would have it written:
at top-level relations (`=`, `≤`, `⟺` …, never inside brackets) into rows aligned on the first relation (a
logical connective such as `⟺` always starts a row); an equation list spaced by `\\quad` gives each equation its
rows; a row still too wide wraps before a top-level `+`/`-`, else at a top-level space, under the first term of
its right-hand side. Only a run with no break point at all is folded, and the caller is told so (the terminal then
says "press o"). Nothing is ever left out: the rows hold every character of the formula, in order.
"""

from __future__ import annotations

import re

OPEN, CLOSE = "([{⟨⌊⌈", ")]}⟩⌋⌉"
RELATIONS = ("⟺", "⇔", "⟹", "⇒", "⟸", "⇐", ":=", "≔", "=", "≠", "≈", "≡", "≤", "≥", "≪", "≫", "<", ">", "∝",
             "≃", "≅", "∼")
CONNECTIVES = ("⟺", "⇔", "⟹", "⇒", "⟸", "⇐")
EQUATION_GAP = re.compile(r" {3,}")  # `\quad` between equations
INDENT = 4  # continuation rows when aligning would leave too little room
OPERATORS = {*RELATIONS, "+", "-", "−", "±", "∓", "·", "×"}


def _cells(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


def _depths(text: str) -> list[int]:
    """The bracket depth before each character."""
    depths, depth = [], 0
    for char in text:
        if char in CLOSE:
            depth = max(depth - 1, 0)
        depths.append(depth)
        if char in OPEN:
            depth += 1
    return depths


def _top_level(text: str, depths: list[int], at: int) -> str | None:
    """The relation starting at `at`, when it stands at depth 0 between spaces (a binary relation), else None."""
    if depths[at] or (at and text[at - 1] != " "):
        return None
    for rel in RELATIONS:
        end = at + len(rel)
        if text.startswith(rel, at) and (end == len(text) or text[end] == " "):
            return rel
    return None


def split_relations(equation: str) -> list[str]:
    """The equation cut before each top-level relation: [left side, "= …", "≤ …", …]."""
    depths = _depths(equation)
    pieces, start = [], 0
    for at in range(1, len(equation)):
        if _top_level(equation, depths, at) and equation[start:at].strip():
            pieces.append(equation[start:at].strip())
            start = at
    pieces.append(equation[start:].strip())
    return [p for p in pieces if p]


def split_equations(line: str) -> list[str]:
    """The equations of a line spaced apart at top level (`a = b,\\quad c = d`)."""
    depths = _depths(line)
    cuts = [m for m in EQUATION_GAP.finditer(line) if not depths[m.start()] and m.start() and m.end() < len(line)]
    parts, start = [], 0
    for m in cuts:
        parts.append(line[start:m.start()])
        start = m.end()
    parts.append(line[start:])
    return [p.strip() for p in parts if p.strip()]


def fit_formula(line: str, width: int) -> tuple[list[str], bool]:
    """`line` as rows of at most `width` cells, and whether a run without any break point had to be folded."""
    if _cells(line) <= width or width < 8:
        return [line], _cells(line) > width
    lead = len(line) - len(line.lstrip(" "))
    rows: list[str] = []
    folded = False
    for equation in split_equations(line):
        for row in _relation_rows(equation, width - lead):
            wrapped, cut = _wrap_row(row, width - lead)
            rows += [" " * lead + r for r in wrapped]
            folded |= cut
    return rows, folded


def _relation_rows(equation: str, width: int) -> list[str]:
    """The equation in rows broken before relations, each continuation row aligned on the first relation."""
    pieces = split_relations(equation)
    align = _cells(pieces[0]) + 1
    rows, current = [], pieces[0]
    for piece in pieces[1:]:
        joined = f"{current} {piece}"
        if current == pieces[0] or (_cells(joined) <= width and not piece.startswith(CONNECTIVES)):
            current = joined  # a left side never stands alone: its row wraps if need be
            continue
        rows.append(current)
        current = " " * (align if align + _cells(piece) <= width else INDENT) + piece
    rows.append(current)
    return rows


def _break_points(row: str) -> tuple[list[int], list[int]]:
    """Top-level spaces before a `+`/`-` (preferred), and every other top-level space, as indexes into `row`."""
    depths = _depths(row)
    start = len(row) - len(row.lstrip(" "))
    spaces = [i for i in range(start + 1, len(row) - 1) if row[i] == " " and not depths[i] and row[i - 1] != " "
              and row[i + 1] != " " and row[:i].rsplit(" ", 1)[-1] not in OPERATORS]  # an operator ends no row
    signs = [i for i in spaces if row[i + 1] in "+-−±∓"]
    return signs, spaces


def _longest_run(text: str) -> int:
    """The widest stretch of `text` with no break point in it."""
    signs, spaces = _break_points(text)
    cuts = [0, *spaces, len(text)]
    return max(_cells(text[a:b].strip()) for a, b in zip(cuts, cuts[1:]))


def _continuation_indent(row: str, width: int) -> int:
    """Where the rows a long row wraps into start: under its first term after the relation, if room is left."""
    lead = len(row) - len(row.lstrip(" "))
    depths = _depths(row)
    for at in range(lead, len(row)):
        rel = _top_level(row, depths, at) if at > lead else next((r for r in RELATIONS if row.startswith(r, at)),
                                                                 None)
        if rel:
            column = _cells(row[:at + len(rel) + 1])
            fits = column <= width // 2 and column + _longest_run(row[at + len(rel) + 1:]) <= width
            return column if fits else min(lead + INDENT, width // 2)
    return min(lead + INDENT, width // 2)


def _wrap_row(row: str, width: int) -> tuple[list[str], bool]:
    """A row wider than `width` wrapped at its break points; a run with none is folded (the flag says so)."""
    indent = " " * _continuation_indent(row, width)
    out, folded = [], False
    first = len(row) - len(row.lstrip(" "))  # break points must lie past the row's own indent
    while _cells(row) > width:
        signs, spaces = _break_points(row)
        fitting = ([i for i in signs if first < i and _cells(row[:i]) <= width]
                   or [i for i in spaces if first < i and _cells(row[:i]) <= width])
        if fitting:
            out.append(row[:fitting[-1]].rstrip())
            row = indent + row[fitting[-1]:].lstrip()
        else:
            cut = _fold_at(row, width)
            out.append(row[:cut])
            row = indent + row[cut:]
            folded = True
        first = len(indent)
    out.append(row)
    return out, folded


def _fold_at(row: str, width: int) -> int:
    """The longest prefix of `row` within `width` cells (at least one character, so folding always advances)."""
    cut = len(row) - len(row.lstrip(" ")) + 1
    while cut < len(row) and _cells(row[:cut + 1]) <= width:
        cut += 1
    return cut
