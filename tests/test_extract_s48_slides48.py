"""Junk of a note's own record (session 48, slides48): a note titled as a log ("Training Log", "Reading log") holds
what the writer did day by day; a dated entry, under a day's heading or led by a bold day, makes no card of the day,
only of a lesson it states (asked by what was seen)."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def cards(tmp_path, notes: dict[str, str]) -> list[dict]:
    root = new_wiki(tmp_path, notes, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


BOLD_LOG = """# Optimiser Training Log

Kept for myself, oldest first.

**Tue 4 Mar** — ResNet on a small image set. Swapped the scheduler twice before lunch and finally got it going.

**Fri 7 Mar** — Tried cosine decay with a short warm-up on the same run. The loss stayed flat until the warm-up ended.
Warm-up hides a learning rate that is too high until the schedule reaches it.
"""

HEADED_LOG = """# Reading log

Newest last.

## Apr 2
Adam paper. Slow going. Copied the update rule into a scratch file (not here).

## Apr 9–11
AdamW paper; read it on the train.
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


OPTIMISER_TRAINING_LOG = NOTES.add({"Optimiser Training Log.md": BOLD_LOG})


def test_a_bold_day_entry_of_a_log_is_no_card_but_its_lesson_is(shared):
    found = shared.cards(OPTIMISER_TRAINING_LOG)
    backs = [c["back"] for c in found]
    assert not any("Swapped the scheduler" in b for b in backs)
    lesson = [c for c in found if c["back"].startswith("Warm-up hides")]
    assert len(lesson) == 1 and lesson[0]["front"].endswith("Why?")
    assert "Tue 4 Mar" not in " ".join(c["front"] for c in found)


READING_LOG = NOTES.add({"reading-log.md": HEADED_LOG})


def test_a_day_headed_entry_of_a_reading_log_is_no_card(shared):
    found = shared.cards(READING_LOG)
    assert not any("Slow going" in c["back"] or "AdamW" in c["back"] for c in found)


LSE = NOTES.add({"lse.md": HEADED_LOG.replace("# Reading log", "# Log-sum-exp trick")})


def test_a_note_not_titled_as_a_log_keeps_its_day_sections(shared):
    found = shared.cards(LSE)
    assert any("AdamW" in c["back"] for c in found)
