"""Fronts that ask what their back says (session 49, fronts49): a `**Label**:` line whose text is not what the
labelled thing is, but facts about it, is asked under its label, not as a term to define. Notes written into
tmp_path, read back through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


LINEAR_MODELS = NOTES.add({
    "Linear models.md": (
        "# Linear models\n\n## Least squares\n\n"
        "**Fitting**: objective = mean squared error between predictions and targets over the whole sample. "
        "Solve the normal equations, or use gradient descent when the features are many.\n")
})


def test_a_label_whose_text_gives_another_quantity_is_asked_under_the_label(shared):
    """"**Fitting**: objective = mean squared error …" says what is minimised while fitting, not what fitting is:
    "Define: Fitting" asked for a definition its back does not give."""
    made = shared.backs_by_front(LINEAR_MODELS)
    assert not any("Define: Fitting" in front for front in made), made
    assert any(front.endswith("› Fitting") and "mean squared error" in back for front, back in made.items()), made


PREPARING_DATA = NOTES.add({
    "Preparing data.md": (
        "# Preparing data\n\n## Rescale everything\n\n"
        "- **Features**: put each on a comparable range so that one distance metric suits all of them.\n"
        "- **Targets**: normalise. Skewed ones (prices, counts) are better log-transformed first, or a few "
        "extreme values dominate the squared loss.\n")
})


def test_a_label_whose_text_is_an_order_is_asked_under_the_label(shared):
    """"- **Targets**: normalise. Skewed ones …" says what to do with the targets, not what they are."""
    made = shared.backs_by_front(PREPARING_DATA)
    assert not any("Define: Targets" in front for front in made), made
    assert any(front.endswith("› Targets") and "log-transformed" in back for front, back in made.items()), made

