"""A heading's paragraphs that each state a claim of their own are a card each (session 57): the heading path over
two such paragraphs asked for both at once; the opening paragraph keeps the heading's card (and its id), the one
after it is a card asked by what it says. A paragraph that goes on from the one before ("This means …") stays with
it. Notes written to tmp_path, read through the CLI."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nsections = true\n[review]\ntimezone = "UTC"\n'

SEPARATE = """# Learning-rate schedules

## Warm restarts

Cosine annealing lowers the step size along half a cosine wave from its peak down to a small floor over each cycle, and a warm restart then sets it back to the peak at once, so that the optimiser leaves the basin it had settled in and goes looking for another one while the weights it learned so far are kept as they were.

Snapshot ensembles are built by saving a copy of the weights at the bottom of every cycle and averaging what the copies predict.
"""

GOES_ON = """# Learning-rate schedules

## Warm restarts

Cosine annealing lowers the step size along half a cosine wave from its peak down to a small floor over each cycle, and a warm restart then sets it back to the peak at once, so that the optimiser leaves the basin it had settled in and goes looking for another one while the weights it learned so far are kept as they were.

This means the optimiser spends most of each cycle at small steps and jumps back up to a large one at every restart.
"""


def cards_of(tmp_path, notes: dict[str, str]) -> list[dict]:
    return json.loads(run(new_wiki(tmp_path, notes, CONFIG), "cards", "--json", ok=True).output)


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


SCHEDULES = NOTES.add({"schedules.md": SEPARATE})


def test_paragraphs_with_claims_of_their_own_are_a_card_each(shared):
    made = shared.cards(SCHEDULES)
    cosine = [c for c in made if "half a cosine wave" in c["back"]]
    snapshots = [c for c in made if "Snapshot ensembles are built" in c["back"]]
    assert cosine and snapshots, made
    assert all("Snapshot ensembles" not in c["back"] for c in cosine), cosine
    assert cosine[0]["front"] == "Learning-rate schedules › Warm restarts", cosine


SCHEDULES_2 = NOTES.add({"schedules.md": GOES_ON})


def test_a_paragraph_that_goes_on_stays_with_the_one_before(shared):
    made = shared.cards(SCHEDULES_2)
    both = [c for c in made if "half a cosine wave" in c["back"] and "This means" in c["back"]]
    assert both, made


def test_the_opening_card_keeps_its_id(tmp_path):
    one = cards_of(tmp_path / "a", {"schedules.md": GOES_ON})
    two = cards_of(tmp_path / "b", {"schedules.md": SEPARATE})
    first = next(c for c in one if "half a cosine wave" in c["back"])
    assert any(c["id"] == first["id"] and "half a cosine wave" in c["back"] for c in two), (one, two)
