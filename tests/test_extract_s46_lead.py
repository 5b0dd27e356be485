"""Self-tests written with dotted markers, "Q. …" / "A. …", as learners write them without mlwiki's `Q:`/`A:`
(session 46: an Obsidian note's "Self-test" section was one card holding three questions and their answers). Notes
written into tmp_path, read back through the CLI."""

from __future__ import annotations

from conftest import backs_by_front, new_wiki

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def cards_of(tmp_path, notes: dict[str, str]) -> dict[str, str]:
    return backs_by_front(new_wiki(tmp_path, notes, CONFIG))


def test_dotted_question_and_answer_lines_are_a_card_each(tmp_path):
    note = ("## Dropout\nDropout zeroes each unit with probability p during training.\n\n"
            "## Check yourself\n"
            "Q. Why is dropout switched off at test time?\n"
            "A. The network should give one deterministic prediction; the activations are scaled instead.\n"
            "Q. What does inverted dropout scale by?\n"
            "A. By 1/(1-p) during training,\n"
            "so nothing changes at test time.\n")
    made = cards_of(tmp_path, {"Dropout.md": note})
    asked = {front.split("\n\n")[-1]: back for front, back in made.items()}
    assert asked["Why is dropout switched off at test time?"].startswith("The network should give"), made
    assert asked["What does inverted dropout scale by?"] == "By 1/(1-p) during training,\nso nothing changes at test time."
    assert not any("Q." in front or "A. " in back for front, back in made.items()), made


def test_a_q_dot_line_without_its_answer_stays_prose(tmp_path):
    """A paragraph whose "Q." line has no "A." line is not a self-test: no question card, nothing lost."""
    note = ("## The two factors\nQ. and R. name the two factors of the decomposition, Q orthogonal and R upper "
            "triangular.\n")
    made = cards_of(tmp_path, {"QR.md": note})
    assert not any(front.endswith("and R. name the two factors of the decomposition, Q orthogonal and R upper "
                                  "triangular.") for front in made), made
    assert any("upper triangular" in back for back in made.values()), made
