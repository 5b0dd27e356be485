"""Recall of loose list items that are only a label (issue 23): "- **Step decay:**", a blank line, the item's text on
an indented paragraph. Beside items of the same list that hold a display formula (each a formula card), the label
asks and the paragraph answers; left alone, neither block was a card. Notes written in the styles people keep
(Obsidian, Quarto, Jupyter Book, GitHub Markdown) into tmp_path, read through `mlwiki cards`."""

from __future__ import annotations

import pytest

from conftest import DEFAULT_CONFIG, backs_by_front, new_wiki
from shared_notes import Scanned, SharedNotes

NOTE = """# Cooling schedules

## Annealing temperature

Simulated annealing lowers the temperature $T$ over time so that the search settles instead of wandering.

Usual schedules:

- **Linear cooling:**

  $$
  T_k = T_0 - a k
  $$

- **Staircase cooling:**

  Cut $T$ in half after a fixed number of moves.

- **Geometric cooling:**

  $$
  T_k = T_0 \\alpha^k
  $$

- **Adaptive cooling:**

  Watches the acceptance rate and lowers $T$ faster while most moves are accepted.
"""


def _cards(tmp_path, name: str, note: str) -> dict[str, str]:
    return backs_by_front(new_wiki(tmp_path, {name: note}, config="definitions = true\n" + DEFAULT_CONFIG))


NOTES = SharedNotes("definitions = true\n" + DEFAULT_CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


COOLING = NOTES.add({"cooling.md": NOTE})


def test_a_label_item_beside_formula_items_cards_its_indented_text(shared):
    found = shared.backs_by_front(COOLING)
    assert found["Cooling schedules › Annealing temperature › Staircase cooling"] \
        == "Cut $T$ in half after a fixed number of moves."
    assert found["Cooling schedules › Annealing temperature › Adaptive cooling"].startswith("Watches the acceptance")
    assert sum("$$" in back and "T_0" in back for back in found.values()) == 2  # (the formula items: cards as before)


COOLING_2 = NOTES.add({
    "cooling.md": (
        NOTE.replace("- **Staircase cooling:**", "2. Staircase cooling:").replace("- **Linear cooling:**",
                                                                                "1. Linear cooling:"))
})


def test_a_plain_label_with_a_colon_in_a_numbered_list_counts_too(shared):
    found = shared.backs_by_front(COOLING_2)
    assert found["Cooling schedules › Annealing temperature › Staircase cooling"].startswith("Cut $T$ in half")


COOLING_3 = NOTES.add({
    "cooling.md": (
        NOTE.replace("Cut $T$ in half after a fixed number of moves.", "It is computed as follows:") \
     .replace("Watches the acceptance rate and lowers $T$ faster while most moves are accepted.",
              "Let's look at the plot below to see how it behaves."))
})


def test_an_indented_text_that_introduces_more_or_narrates_is_no_answer(shared):
    found = shared.backs_by_front(COOLING_3)
    assert not any(front.endswith(("› Staircase cooling", "› Adaptive cooling")) for front in found)


MARGIN = """---
title: Soft margins
---

## Trading errors for width

A soft margin lets a few points sit inside the margin or on the wrong side, so that the boundary generalises better. It balances two goals:
- widen the margin $$\\min \\tfrac{1}{2}\\lVert w \\rVert^2$$
- pay for each point that breaks it $$\\sum_i \\xi_i$$
"""


MARGINS = NOTES.add({"margins.qmd": MARGIN})


def test_the_sentences_before_a_list_of_formula_items_are_the_sections_card(shared):
    found = shared.backs_by_front(MARGINS)
    assert found["Soft margins › Trading errors for width"] == ("A soft margin lets a few points sit inside the "
                                                               "margin or on the wrong side, so that the boundary "
                                                               "generalises better.")


def test_an_intro_that_is_one_sentence_or_narrates_stays_off(tmp_path):
    one = MARGIN.replace("so that the boundary generalises better. It balances two goals:",
                         "which balances two goals:")
    told = MARGIN.replace("A soft margin lets", "Let's see how a soft margin lets")
    for note in (one, told):
        found = _cards(tmp_path / str(len(note)), "margins.qmd", note)
        assert "Soft margins › Trading errors for width" not in found


MARGINS_2 = NOTES.add({"margins.qmd": MARGIN.replace("A soft margin lets", "Suppose a soft margin lets")})


def test_an_intro_that_sets_up_notation_stays_off(shared):
    assert "Soft margins › Trading errors for width" not in shared.backs_by_front(MARGINS_2)
