"""Made-up labels in fronts and heading paths (session 49, labels49): the heading path a card shows above its
front is the note's own headings, not the label a card form asks by ("… › What it says", a table row's "… ›
ridge: penalty?", "Define: …"); notes written into tmp_path, read the way a scan reads them (the path is no part of
`cards --json`) or through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

from pathlib import Path

from mlwiki.config import config_from_dict
from mlwiki.extract import extract, note_context
from mlwiki.review.tui import split_heading
from mlwiki.sources.notes import parse_note_bytes
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def scanned(note: str, rel: str = "notes/x.md") -> list:
    """The cards of one note as a scan makes them (with the heading path each shows)."""
    config = config_from_dict(Path("/wiki"), {"name": "T", "formulas": "display", "sections": True,
                                              "definitions": True})
    parsed, problems = parse_note_bytes(note.encode(), rel, "md")
    assert parsed is not None, problems
    return extract(parsed.body, note_context(parsed, config)).cards


RIDGE = """# Ridge regression

## The penalised loss

The loss adds a squared norm of the weights:

$$L(w) = \\|y - Xw\\|^2 + \\lambda \\|w\\|^2$$

- a larger $\\lambda$ pulls every weight towards zero and lowers the variance
- the solution stays unique even when the columns of $X$ are collinear

## Compared

| method | penalty | sparse |
|---|---|---|
| ridge | squared norm | no |
| lasso | absolute values | yes |
"""


def test_a_card_asked_by_a_label_shows_the_notes_headings_as_its_path():
    """A remark under a formula and the rows of a table are asked by a label after the heading path ("… › What it
    says", "… › ridge: penalty, sparse?"); the path the card shows above that front was the whole first line, label
    included, as if the note had a heading of that name. It is the headings the card sits under."""
    cards = scanned(RIDGE)
    paths = {c.front.split("\n\n", 1)[0]: c.heading for c in cards}
    labelled = [head for head in paths if head.count(" › ") == 2]
    assert labelled, paths
    for head in labelled:
        assert paths[head] == head.rsplit(" › ", 1)[0], paths
    assert {c.heading for c in cards} == {"Ridge regression › The penalised loss", "Ridge regression › Compared"}


def test_a_definition_shows_its_path_without_the_term_it_asks():
    """"Define: term" under the path is the question, not part of the path (it showed twice on the review screen,
    once as the path above the card)."""
    note = ("# Sampling\n\n## Chains\n\nA chain started far from the bulk needs time. Draws taken before it "
            "forgets its start are called *burn-in*. Averages taken after them are unbiased in the limit.\n")
    cards = scanned(note)
    defined = [c for c in cards if "Define:" in c.front]
    assert defined and all(c.heading == "Sampling › Chains" for c in defined), [(c.heading, c.front) for c in cards]


def test_the_review_screen_shows_the_path_above_and_the_label_on_the_card():
    """The line above a card is its heading path; what the front asks after it is on the card."""
    assert split_heading("Ridge regression › Compared", "Ridge regression › Compared › ridge: penalty?") == \
        ("Ridge regression › Compared", "ridge: penalty?")
    assert split_heading("A › B", "A › B › What it says\n\n$$x$$") == ("A › B", "What it says\n\n$$x$$")


TD = """# Temporal-difference control

## Update rule

$$Q(s,a) \\leftarrow Q(s,a) + \\alpha\\,[r + \\gamma \\max_{a'} Q(s',a') - Q(s,a)]$$

### Warning

The max over noisy estimates is biased upwards, so the values drift above the truth early in training.

## Loss

### Careful

Clipping the error at one changes the loss into a Huber loss, which keeps the gradients bounded.
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


TD_2 = NOTES.add({"td.md": TD})


def test_a_warning_under_a_part_of_the_subject_names_the_subject(shared):
    """A caution under "Update rule" asked "What should you watch out for with Update rule?": the heading names a
    part every method has. The question names whose part it is; the card keeps its id (only the wording
    changed)."""
    made = shared.backs_by_front(TD_2)
    asked = [front.split("\n\n", 1)[1] for front in made if front.split("\n\n", 1)[0].endswith(("Warning", "Careful"))]
    assert sorted(asked) == ["What should you watch out for with the Temporal-difference control loss?",
                             "What should you watch out for with the Temporal-difference control update rule?"], made
