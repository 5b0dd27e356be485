"""Self-tests written with dotted markers, "Q. …" / "A. …", as learners write them without mlwiki's `Q:`/`A:`
(session 46: an Obsidian note's "Self-test" section was one card holding three questions and their answers). Notes
written into tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


DROPOUT = NOTES.add({
    "Dropout.md": (
        "## Dropout\nDropout zeroes each unit with probability p during training.\n\n"
        "## Check yourself\n"
        "Q. Why is dropout switched off at test time?\n"
        "A. The network should give one deterministic prediction; the activations are scaled instead.\n"
        "Q. What does inverted dropout scale by?\n"
        "A. By 1/(1-p) during training,\n"
        "so nothing changes at test time.\n")
})


def test_dotted_question_and_answer_lines_are_a_card_each(shared):
    made = shared.backs_by_front(DROPOUT)
    asked = {front.split("\n\n")[-1]: back for front, back in made.items()}
    assert asked["Why is dropout switched off at test time?"].startswith("The network should give"), made
    assert asked["What does inverted dropout scale by?"] == "By 1/(1-p) during training,\nso nothing changes at test time."
    assert not any("Q." in front or "A. " in back for front, back in made.items()), made


QR = NOTES.add({
    "QR.md": (
        "## The two factors\nQ. and R. name the two factors of the decomposition, Q orthogonal and R upper "
        "triangular.\n")
})


def test_a_q_dot_line_without_its_answer_stays_prose(shared):
    """A paragraph whose "Q." line has no "A." line is not a self-test: no question card, nothing lost."""
    made = shared.backs_by_front(QR)
    assert not any(front.endswith("and R. name the two factors of the decomposition, Q orthogonal and R upper "
                                  "triangular.") for front in made), made
    assert any("upper triangular" in back for back in made.values()), made
