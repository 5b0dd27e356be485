"""Prose the section's forms left on no card (leftovers.py, trailing.py, facets.py): a paragraph between two lists
that sets a quantity equal to a formula ("Memory $\\approx O(…)$ where …") is a card of that quantity, asked by its
name and not by a question cut out of its formula; a paragraph after a display formula that names a thing of the
note with "below" ("… because of the property below.") is no pointer at a figure: it is a card."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

BETWEEN = r"""# Attention

## cost of a layer

Each head builds a score matrix whose size is the **square** of the sequence length. The cost of the layer is dominated by the **largest matrix built**: quadratic in its side, linear in the number of heads.

Shapes (per head):

- forming scores = multiply every query by every key (**dot products**), then softmax each row
- the rows of the softmax output are the **attention weights** $A$
- every output is a weighted average of the values, one per query
- **head dimension** of a layer = (model width) / (number of heads)
- **context length** = the largest number of tokens over all inputs

Memory $\approx O\!\left(h\, n^{2}\right)$ where $h$ = number of heads, $n$ = context length. So: quadratic in length, not in the width.

- short inputs: the score matrix fits in fast memory → one fused kernel
- long documents: context $n$ → memory quadratic in $n$; chunk them
- picking the chunk size is itself a **trade-off** → heuristics, pick by:
  - **latency**: the smallest chunk that keeps the device busy
  - **quality**: the largest chunk that fits
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


ATTENTION = NOTES.add({"attention.md": BETWEEN})


def test_a_paragraph_between_lists_that_sets_a_quantity_equal_to_a_formula_is_a_card(shared):
    cards = shared.backs_by_front(ATTENTION)
    front = "Attention › cost of a layer › Memory"
    assert "quadratic in length" in cards.get(front, ""), cards
    assert not any("where $h$?" in f for f in cards), cards  # (no question cut out of its formula)


AFTER = r"""# Markov chains

## stationary distribution

A distribution $\pi$ over the states is **stationary** when one step of the chain leaves it unchanged:

$$
\pi^\top P = \pi^\top
$$

Why it exists: the rows of $P$ sum to one, so $1$ is an eigenvalue of $P$ and of $P^\top$, and a non-negative eigenvector for it is guaranteed exactly by the Perron–Frobenius theorem below.

## Perron–Frobenius

A positive square matrix has a unique largest eigenvalue, and its eigenvector can be chosen positive.
"""


MARKOV = NOTES.add({"markov.md": AFTER})


def test_a_paragraph_after_a_formula_that_names_a_thing_below_is_a_card(shared):
    cards = shared.backs_by_front(MARKOV)
    said = [back for front, back in cards.items() if front.startswith("Markov chains › stationary distribution ›")]
    assert any("eigenvalue of $P$" in back and " below" not in back for back in said), cards


EXAMPLE = r"""# Markov chains

## the weather chain (running example)

```
  sunny <-> rainy
```

$$
P = \begin{pmatrix} 0.9 & 0.1 \\ 0.5 & 0.5 \end{pmatrix}
$$

Counting parameters: each row sums to one, so $1 + 1 = 2$ free numbers vs $4$ entries.

In general: a chain on $s$ states needs $s(s-1)$ free transition probabilities, one row of $s - 1$ per state, so the table grows with the square of the number of states.
"""


MARKOV_2 = NOTES.add({"markov.md": EXAMPLE})


def test_the_general_rule_a_worked_example_states_is_a_card_and_its_numbers_are_not(shared):
    cards = shared.backs_by_front(MARKOV_2)
    rule = [front for front, back in cards.items() if "$s(s-1)$ free transition" in back]
    assert rule and all("weather" not in front and front.startswith("Markov chains ›") for front in rule), cards
    assert not any("1 + 1" in back for back in cards.values()), cards
