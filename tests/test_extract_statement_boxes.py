"""A theorem or definition stated in a box: a Quarto `::: {#thm-…}` / `{#def-…}` / `{#lem-…}` / `{#prp-…}` div titled
by a heading first inside it (or by `name="…"`). A statement that holds a display formula or a list of conditions is
one card under its title, the whole statement on the back (it was cut into formula cards, one condition alone on a
card); sphinx-proof's `{prf:theorem} Title` keeps the formula cards it always made (their reviews stay); a Quarto `::: {.proof}` after it is carded by its idea, as a
`{prf:proof}` is. A heading that names its subject and calls it the standard example of a notion ("… — the
textbook example of …") heads a section on that subject, not a worked example."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nsections = true\n[review]\ntimezone = "UTC"\n'

CHAPTER = """---
title: "Markov chains"
---

# Markov chains

## Definitions

::: {#def-irreducible}
## Irreducible chain
A chain on a finite state space is **irreducible** when

1. every state can be reached from every other state,
2. in a finite number of steps $n \\ge 1$ with $P^n(i, j) > 0$.
:::

## Gambler's ruin — the textbook example of an absorbing chain

The walk moves up with chance $p$ and down otherwise, and stops at $0$ or at $N$.

::: {#thm-ruin name="Ruin probability"}
With a fair coin, starting from $k$ the walk reaches $N$ before $0$ with chance
$$
h(k) = \\frac{k}{N}.
$$ {#eq-ruin}
:::

::: {.proof}
The chance $h$ is harmonic: $h(k)$ is the average of $h(k-1)$ and $h(k+1)$, so it is linear in $k$, and the ends fix
$h(0) = 0$ and $h(N) = 1$. $\\square$
:::
"""

MYST = """# Markov chains

## Stationary laws

```{prf:theorem} Existence of a stationary law
:label: thm-stat

Every irreducible chain on a finite state space has exactly one law $\\pi$ with
$$
\\pi P = \\pi .
$$
```
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


MARKOV = NOTES.add({
    "chapters/markov.qmd": CHAPTER,
    "myst/markov.md": MYST
})


def test_a_statement_box_with_a_formula_or_list_is_one_card_under_its_title(shared):
    cards = shared.backs_by_front(MARKOV)
    definition = cards.get("Markov chains › Definitions › Irreducible chain", "")
    assert "every state can be reached" in definition and "finite number of steps" in definition, cards
    ruin = [back for front, back in cards.items() if front.endswith("absorbing chain › Ruin probability")]
    assert ruin and "reaches $N$ before $0$" in ruin[0] and "\\frac{k}{N}" in ruin[0] and "{#eq" not in ruin[0], cards
    # (a sphinx-proof box keeps the formula card mlwiki always made of it: a new card would start its reviews again)
    assert "Markov chains › Stationary laws › Existence of a stationary law" not in cards, cards
    assert any("\\pi P = \\pi" in back for back in cards.values()), cards


MARKOV_2 = NOTES.add({"chapters/markov.qmd": CHAPTER})


def test_a_quarto_proof_after_a_titled_theorem_is_carded_by_its_idea(shared):
    cards = shared.backs_by_front(MARKOV_2)
    idea = [back for front, back in cards.items() if front.endswith("Ruin probability › Proof idea")]
    assert idea and "harmonic" in idea[0], cards


MARKOV_3 = NOTES.add({"chapters/markov.qmd": CHAPTER})


def test_a_subject_called_the_textbook_example_of_a_notion_is_no_worked_example(shared):
    cards = shared.backs_by_front(MARKOV_3)
    assert any("moves up with chance" in back for back in cards.values()), cards
