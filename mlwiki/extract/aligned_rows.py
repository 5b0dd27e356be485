"""A system of equations written as one aligned block, each row defining a quantity of its own and named by a
tag the writer set beside it (at least half the rows), read as one formula card per row:

    $$\\begin{aligned}
    f_t &= \\sigma(W_f z_t + b_f) && \\text{forget gate}\\\\
    i_t &= \\sigma(W_i z_t + b_i) && \\text{input gate}
    \\end{aligned}$$          →  "… › Equations / Formula for the forget gate $f_t$" (and one for $i_t$)

or each row a variant the writer names before it (`\\text{linear:}\\quad & \\epsilon_i = …`): "Formula for
$\\epsilon_i$ (linear)". One card over the whole block asked for every row at once, by no name. A block whose
rows go on from one another (a row opening on "=", a row without a relation) is a derivation: left whole. The
first row's card keeps the block card's id. Pure.
"""

from __future__ import annotations

import re
from dataclasses import replace

_BLOCK = re.compile(r"\$\$\s*\\begin\{aligned\}(.*?)\\end\{aligned\}\s*\$\$", re.S)
_ROW_END = re.compile(r"\\\\(?:\[[^\]\n]{0,12}\])?")  # (a row's end, `\\`, with its spacing if any: `\\[4pt]`)
_TAG_AFTER = re.compile(r"&&[ \t]*\\(?:text|mathrm|textrm)\{([^{}\n]{2,40})\}[ \t]*$")
# (a variant's name before its row: `\text{linear:}\quad &`, spacing commands between, each taken once)
_TAG_BEFORE = re.compile(r"[ \t]*\\(?:text|mathrm|textrm)\{([^{}\n]{2,40}?):?\}[ \t:]*(?:(?:\\[,;:!]|\\q?quad|~)[ \t]*)*&")
_RELATION = re.compile(r"&?[ \t]*(?:=|\\approx|\\leftarrow|\\gets\b)")
MAX_SIDE_CHARS = 30  # (a left side a front can show: "\\tilde c_t", not an expression)
MIN_ROWS, MAX_ROWS = 2, 8
FORMULA_FORMS = frozenset(("formula",))


def aligned_row_cards(drafts: list) -> list:
    """The drafts (`(siblings, heading path)` pairs) with each lone formula card whose back is one aligned block of
    named rows (`named_rows`) made one card per row."""
    out = []
    for group, heading in drafts:
        draft = group[0]
        rows = named_rows(draft.back) if len(group) == 1 and draft.form in FORMULA_FORMS else []
        if not rows:
            out.append((group, heading))
            continue
        base = _asking_part(draft.front)
        for k, (label, side, formula, before) in enumerate(rows):
            asked = f"Formula for the {label} ${side}$" if label and not before else \
                f"Formula for ${side}$ ({label})" if label else f"Formula for ${side}$"
            front = f"{base}\n\n{asked}"
            out.append(([replace(draft, front=front, back=f"$${formula}$$", formulas=[formula],
                                 id_front=(draft.id_front or draft.front) if k == 0 else "")], heading))
    return out


def named_rows(back: str) -> list[tuple[str, str, str, bool]]:
    """(label, left side, the row as a formula, label before it?) of each row of a back that is only one aligned
    block whose rows each define a quantity, at least half of them named by the writer: a relation in every row,
    and each row told apart by its left side or by its label; [] for any other back."""
    match = _BLOCK.fullmatch(back.strip())
    if match is None:
        return []
    rows = [row.strip() for row in _ROW_END.split(match.group(1)) if row.strip()]
    if not MIN_ROWS <= len(rows) <= MAX_ROWS:
        return []
    parsed = [_row(row) for row in rows]
    if any(p is None for p in parsed):
        return []
    sides = [p[1] for p in parsed]
    labels = [p[0] for p in parsed if p[0]]
    if 2 * len(labels) < len(rows):
        return []  # (rows the writer did not name, a leapfrog's or a recursion's: steps of one method, asked whole)
    if len(set(sides)) < len(sides) and (len(labels) < len(rows) or len(set(labels)) < len(labels)):
        return []  # (the same left side again, not told apart by a label: steps of one derivation)
    return parsed


def _row(row: str) -> tuple[str, str, str, bool] | None:
    """One row's (label, left side, formula, label before it?); None for a row that defines nothing."""
    label, before = "", False
    if tag := _TAG_AFTER.search(row):
        label, row = tag.group(1).strip(), row[:tag.start()]
    elif tag := _TAG_BEFORE.match(row):
        label, row, before = tag.group(1).strip(), row[tag.end():], True
    relation = _RELATION.search(row)
    if relation is None or "&&" in row:
        return None
    side = " ".join(row[:relation.start()].replace("&", " ").split())
    if not side or len(side) > MAX_SIDE_CHARS or side.count("{") != side.count("}"):  # (not "\sum_{i" of "i=1")
        return None
    return label, side, " ".join(row.replace("&", " ").split()), before


def _asking_part(front: str) -> str:
    """The front without its generic last line ("Formula"): the path and what introduces the block."""
    head, sep, last = front.rpartition("\n\n")
    return head if sep and last.strip() == "Formula" else front
