"""Notes written for the Obsidian Spaced Repetition plugin (session 50), read as the plugin reads them: in a note
tagged `#flashcards`, every `Question::Answer` line is a card of its own (`:::` both ways), `==highlights==` are
clozes, and the plugin's `<!--SR:…-->` scheduling comments are on no card. Notes written into tmp_path, read back
through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

DECK_NOTE = """# Dropout

#flashcards/regularisers

## How it trains

Each unit is zeroed with probability p on every forward pass, so no unit can rely on a fixed partner.
What dropout does to co-adaptation::It breaks it, since any partner unit may vanish on the next step.
Inverted dropout:::Scaling the kept activations by 1/(1-p) in training <!--SR:!2025-01-09,4,250!2025-01-07,2,230-->

- at test time every unit is kept
- Rate used in the original paper::0.5 for hidden units <!--SR:!2025-01-10,5,270-->
"""

CLOZE_NOTE = """---
tags: [flashcards]
---
# Label smoothing

The smoothed target gives the true class ==1 - ε + ε/K== of the mass.
<!--SR:!2025-02-01,3,250-->

Why does label smoothing help calibration?
?
It stops the logits from growing without bound to reach a one-hot target.
<!--SR:!2025-02-02,4,250-->
"""

FIELDS_NOTE = """# Reading log

source:: a workshop talk on regularisers
status:: half read

Weight noise and dropout both inject randomness into training.
"""


def _sides(made: dict[str, str]) -> str:
    return "\n".join(f"{front}\n{back}" for front, back in made.items())


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


DROPOUT = NOTES.add({"Dropout.md": DECK_NOTE})


def test_a_flashcard_notes_tight_separator_lines_are_cards_of_their_own(shared):
    """The plugin's own syntax has no spaces round `::`: each such line was read as prose, inside the card of its
    paragraph or section with its `::` showing. In a `#flashcards` note each line is a card (`:::` both ways), even
    amid a paragraph or a list, and no other card holds it."""
    made = shared.backs_by_front(DROPOUT)
    assert made.get("What dropout does to co-adaptation") == \
        "It breaks it, since any partner unit may vanish on the next step.", made
    assert made.get("Inverted dropout", "").startswith("Scaling the kept activations"), made
    assert made.get("Scaling the kept activations by 1/(1-p) in training") == "Inverted dropout", made
    assert made.get("Rate used in the original paper") == "0.5 for hidden units", made
    assert all("::" not in side for pair in made.items() for side in pair), made
    assert any("zeroed with probability p" in back for back in made.values()), made  # (the prose still carded)


LABEL_SMOOTHING = NOTES.add({"Label smoothing.md": CLOZE_NOTE})


def test_the_plugins_highlights_are_clozes_and_its_schedules_show_nowhere(shared):
    """A `==highlight==` in a note tagged `flashcards` (front matter) is the plugin's cloze, and its `<!--SR:…-->`
    scheduling comments, after a cloze or a `?` card, are on no card."""
    made = shared.backs_by_front(LABEL_SMOOTHING)
    assert any("[...]" in front and "1 - ε + ε/K" in back for front, back in made.items()), made
    assert made.get("Why does label smoothing help calibration?", "").startswith("It stops the logits"), made
    assert "SR:" not in _sides(made) and "<!--" not in _sides(made), made


READING_LOG = NOTES.add({"Reading log.md": FIELDS_NOTE + "\nWhy add weight noise?\n?\nIt regularises like dropout does. <!--SR:!2025-03-01,1,230-->\n"})


def test_without_the_tag_field_lines_stay_no_cards_and_schedules_still_go(shared):
    """Outside a flashcard note, Dataview's `key:: value` lines are properties, no cards, as before; a scheduling
    comment left in such a note is still on no card."""
    made = shared.backs_by_front(READING_LOG)
    assert "source" not in made and "status" not in made, made
    assert "workshop talk" not in _sides(made), made
    assert made.get("Why add weight noise?") == "It regularises like dropout does.", made


HEADING_NOTE = """# Early stopping

#flashcards

## Why does early stopping regularise?

Stopping before the training loss bottoms out keeps the weights close to their small initial values.

What does the patience setting control?
?
How many evaluations without improvement are tolerated before training halts.

Early stopping resembles an ==L2 penalty== for a quadratic loss.
"""


EARLY_STOPPING = NOTES.add({"Early stopping.md": HEADING_NOTE})


def test_a_question_headings_back_holds_none_of_the_plugins_cards(shared):
    """A question heading's back is its section's own text: a `?` card or a cloze paragraph under it is a card of its
    own, not a second answer to the heading's question."""
    made = shared.backs_by_front(EARLY_STOPPING)
    asked = next((back for front, back in made.items() if front.endswith("Why does early stopping regularise?")), "")
    assert asked.startswith("Stopping before the training loss"), made
    assert "patience" not in asked and "L2 penalty" not in asked, made
    assert made.get("What does the patience setting control?", "").startswith("How many evaluations"), made
