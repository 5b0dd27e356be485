"""Blocks and list items that silently made no card (issue 23): a table row that gives one of the table's values
in every column still tells its row apart from the others; a table whose first column states cases in math
("$x = 0$", "$0 < x < 1$") says what follows from each case, no notation to skip. Notes written for these
tests, in the styles of an Obsidian vault, a Quarto book and a MyST book; the CLI reads them as a scan would."""

from __future__ import annotations

from conftest import backs_by_front, new_wiki

BOOK = """---
title: "Spotting the order of a filter"
---

## Reading the plots

| filter      | left plot                  | right plot                 |
|-------------|----------------------------|----------------------------|
| slow($a$)   | fades away slowly          | **stops after step $a$**   |
| fast($b$)   | **stops after step $b$**   | fades away slowly          |
| mixed($a,b$) | fades away slowly         | fades away slowly          |

Nothing else is needed to pick the order by eye.
"""

CASES = """# Clipping the step

## What the clip does

| $s$ | result | why |
|---|---|---|
| $s = 0$ | the weight stays where it is | no gradient reached it |
| $0 < s < m$ | the step is taken whole | it is inside the allowed box |
| $s \\ge m$ | the step is cut down to $m$ | the box edge stops it |

So only steps of at least $m$ are ever changed by the clip.
"""


def test_a_row_that_repeats_a_value_of_the_table_is_a_card(tmp_path):
    found = backs_by_front(new_wiki(tmp_path, {"chapters/order.qmd": BOOK}))
    mixed = next(front for front in found if "mixed($a,b$)" in front)
    assert found[mixed].count("fades away slowly") == 2


def test_a_table_of_cases_in_math_makes_a_card_per_case(tmp_path):
    found = backs_by_front(new_wiki(tmp_path, {"Clipping.md": CASES}))
    rows = [front for front in found if front.startswith("Clipping the step › What the clip does › $")]
    assert len(rows) == 3, found
    assert any("the box edge stops it" in found[front] for front in rows)
