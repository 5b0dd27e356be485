"""Cards a careful learner makes that no card held, or cards no learner could study (issue 23, session 44). Notes
written in the styles of the collections into tmp_path, read back through the CLI as a learner meets the cards."""

from __future__ import annotations

from conftest import backs_by_front, new_wiki

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = false\nsections = true\n[review]\ntimezone = "UTC"\n'


def cards_of(tmp_path, name: str, note: str) -> dict[str, str]:
    return backs_by_front(new_wiki(tmp_path, {name: note}, CONFIG))


def test_the_paragraphs_of_an_other_section_are_cards_of_the_subject(tmp_path):
    """"## Other" names nothing, and its section took only its labelled bullets: a paragraph under it that states a
    fact ("The posterior median is the Bayes estimator under absolute loss") was on no card at all. Each such
    paragraph is a card of what it speaks of, under the heading above; a line to oneself is not."""
    note = ("# Point estimates\n\nA posterior is summarised by one number when a decision needs one.\n\n## Other\n\n"
            "The posterior median is the Bayes estimator under absolute loss.\n\n"
            "The posterior mode minimises the expected 0-1 loss, in the limit of a shrinking window.\n\n"
            "I should reread chapter 4 before the exam.\n")
    made = cards_of(tmp_path, "Point estimates.md", note)
    assert made.get("Point estimates › the posterior median") == \
        "The posterior median is the Bayes estimator under absolute loss.", made
    assert made.get("Point estimates › the posterior mode", "").startswith("The posterior mode minimises"), made
    assert not any("chapter 4" in back for back in made.values()), made
