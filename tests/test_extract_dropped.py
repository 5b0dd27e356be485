"""Blocks and list items that silently made no card (issue 23): a table row that gives one of the table's values
in every column still tells its row apart from the others; a table whose first column states cases in math
("$x = 0$", "$0 < x < 1$") says what follows from each case, no notation to skip; a closing paragraph led by a word
that only joins it ("Also: …") is a card without that word; a plain list item beside siblings a definition card took
is a card of its own; numbered steps and the bulleted list after them are two lists, and an item's "(above)" points
nowhere on a card. Notes written for these
tests, in the styles of an Obsidian vault, a Quarto book and a MyST book; the CLI reads them as a scan would."""

from __future__ import annotations

import pytest

from conftest import backs_by_front, new_wiki
from conftest import DEFAULT_CONFIG
from shared_notes import Scanned, SharedNotes

BOOK_CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

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


NOTES = SharedNotes(DEFAULT_CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


ORDER = NOTES.add({"chapters/order.qmd": BOOK})


def test_a_row_that_repeats_a_value_of_the_table_is_a_card(shared):
    found = shared.backs_by_front(ORDER)
    mixed = next(front for front in found if "mixed($a,b$)" in front)
    assert found[mixed].count("fades away slowly") == 2


CLIPPING = NOTES.add({"Clipping.md": CASES})


def test_a_table_of_cases_in_math_makes_a_card_per_case(shared):
    found = shared.backs_by_front(CLIPPING)
    rows = [front for front in found if front.startswith("Clipping the step › What the clip does › $")]
    assert len(rows) == 3, found
    assert any("the box edge stops it" in found[front] for front in rows)


FILTERS = """---
title: "Smoothing filters"
---

## What the window does

With the window $w$ and the weight $a$ together setting how the output behaves:

- $w = 1, a = 0$: the output copies the input
- $w = 3, a = 0$: → a running mean of three samples
- $w = 3, a > 0$: → a running mean that leans on the newest sample

Also: wider windows ⇒ output delays grow after a sudden jump. With $w = 1$ there is no delay at all (the output
is the input).

**Paired window**: two windows $w_1 < w_2$ run side by side and the output is their difference, which shows
the trend's change.
"""

KERNEL = """# Width and penalty

## The bump kernel

- the kernel is always positive and at most one at every pair of points
- each support point spreads a bump whose width shrinks as $\\beta$ grows

$\\beta$ and $P$ interact: both set how wiggly the boundary is, so search them together on a log grid and never
one after the other.

Settings worth remembering:

- the library's `beta='auto'` sets $\\beta = 1 / (d \\cdot \\operatorname{Var}(X))$ from the data
- **spread rule**: start $\\beta$ from the median of the pairwise distances between the points.
"""

ROLLING = """# Checking a forecaster

## Walking forward

Ordinary shuffled folds leak the future into the training data, so the errors look better than they are.

**Walk-forward check**, as most textbooks call it:

1. Fit on the first $k$ points and forecast point $k + h$.
2. Move the cut one point on: fit on the first $k + 1$ points, forecast point $k + 1 + h$.
3. Repeat, then average the errors over every cut.

- **Growing window** = the training part gets longer at each cut (above).
- **Fixed window** = a training part of one length that moves along; better when old data no longer matters, but
  each fit sees fewer points.
"""

METRICS = """# Overlap scores

## Recall-style scores

- **OVL-N**: the share of the reference's n-grams that the output contains as well
- **OVL-S**: built on the longest common subsequence, in order but with gaps allowed
- both scores only count matching words → a paraphrase earns nothing; scores from contextual embeddings fix this
"""


FILTERS_2 = NOTES.add({"chapters/filters.qmd": FILTERS}, config=BOOK_CONFIG)


def test_a_closing_paragraph_led_by_a_joining_word_is_a_card_without_it(shared):
    found = shared.backs_by_front(FILTERS_2)
    front = next(front for front in found if "output delays grow" in found[front])
    assert front.endswith("› Wider windows ⇒ output delays"), front
    assert not found[front].startswith("Also")


def test_a_plain_item_beside_a_carded_bold_sibling_is_a_card(tmp_path):
    found = backs_by_front(new_wiki(tmp_path, {"Width.md": KERNEL}, BOOK_CONFIG))
    front = next(front for front in found if "beta='auto'" in found[front])
    assert front.endswith("Settings worth remembering:"), front
    found = backs_by_front(new_wiki(tmp_path / "m", {"docs/overlap.md": METRICS}, BOOK_CONFIG))
    assert any("a paraphrase earns nothing" in back for back in found.values()), found


CHECKING = NOTES.add({"Checking.md": ROLLING})


def test_numbered_steps_then_a_bulleted_list_are_two_lists(shared):
    found = shared.backs_by_front(CHECKING)
    steps = next(front for front in found if found[front].startswith("1. Fit on the first"))
    assert "Growing window" not in found[steps] and "Walk-forward check" in steps
    assert found["Checking a forecaster › Walking forward › Growing window"] == \
        "Growing window = the training part gets longer at each cut."
