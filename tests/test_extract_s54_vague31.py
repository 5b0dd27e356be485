"""Vague fronts a learner met in session 54's held31 reports (vague31): a setting set equal to what it brings is
asked what it leads to, a writer's label above a facet names no subject, and a heading that names a kind of remark
("advice", "Key insight") asks that remark of its subject. Notes written to tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


BATCHES = NOTES.add({
    "batches.md": (
        "# Minibatches\n\n## Sizes compared\n\n| size | steps per epoch |\n|----|----|\n| 32 | many |\n"
        "| 4096 | few |\n\nBigger batches = smoother gradient estimates and fewer updates, but a sharper minimum.\n")
})


def test_a_setting_set_equal_to_what_it_brings_asks_what_it_leads_to(shared):
    """"Bigger batches = …" under a table: the words before "=" are an amount of something, no term, so the card
    asks what they lead to, not "What are bigger batches?"."""
    made = shared.backs_by_front(BATCHES)
    fronts = [front for front, back in made.items() if back.startswith("Bigger batches =")]
    assert fronts and all("What do bigger batches lead to?" in front for front in fronts), made


SCHEDULES = NOTES.add({
    "schedules.md": (
        "# Schedules\n\n## Ramp\n\n| step | lr |\n|----|----|\n| 0 | 0 |\n| 1000 | 0.1 |\n\n"
        "Warmup = a few hundred steps where the learning rate climbs linearly from zero to its peak.\n")
})


def test_a_term_set_equal_to_its_meaning_is_still_asked_what_it_is(shared):
    """A name before "=" ("Warmup = …") is a term: it keeps "What is …?"."""
    made = shared.backs_by_front(SCHEDULES)
    assert not any("lead to?" in front for front in made), made


KRR = NOTES.add({
    "krr.md": (
        "# Kernel ridge regression\n\n## Prediction\n\nThe prediction is a weighted sum of kernel values at the "
        "training points.\n\n### Things to keep in mind\n\n#### Caveat\n\nThe weights need a solve with the full "
        "Gram matrix, which costs cubic time in the number of training points.\n")
})


def test_a_writers_label_above_a_facet_names_no_subject(shared):
    """"… › Things to keep in mind › Caveat": the caveat is one of the heading above the label, not "of Things to
    keep in mind"."""
    made = shared.backs_by_front(KRR)
    text = "\n".join(made)
    assert "of Things to keep in mind" not in text and "caveat of prediction" in text.lower(), made


LAGS = NOTES.add({
    "lags.md": (
        "# Lag features\n\n## Shifting series\n\nLags are values of the target from earlier days.\n\n"
        "### advice\n\nSort each store's rows by date before taking lags, or the lag reads a row from another "
        "day at random.\n")
})


def test_an_advice_heading_asks_the_tip_for_its_subject(shared):
    """"… › Shifting series › advice" over one sentence: the card asks the practical tip for shifting series."""
    made = shared.backs_by_front(LAGS)
    fronts = [front for front, back in made.items() if back.startswith("Sort each store")]
    assert fronts and all("What is a practical tip for shifting series?" in front for front in fronts), made


FOLDS = NOTES.add({
    "folds.md": (
        "# Forecast validation\n\n## Validation folds\n\nEach fold trains on the past and scores the next "
        "weeks.\n\n### Key insight\n\nA fold score that moves with the leaderboard matters more than a fold "
        "score that is simply low.\n")
})


def test_a_key_insight_heading_asks_the_insight_about_its_subject(shared):
    """"… › Validation folds › Key insight": asked as the key insight about validation folds."""
    made = shared.backs_by_front(FOLDS)
    fronts = [front for front, back in made.items() if back.startswith("A fold score")]
    assert fronts and all("what is the key insight about validation folds?" in front.lower() for front in fronts), made


ECE = NOTES.add({
    "ece.md": (
        "# Calibration error\n\nWhat is the expected calibration error of a classifier?\n\n---\n\n"
        "$$\\operatorname{ECE} = \\sum_b \\frac{n_b}{N}\\,\\lvert \\operatorname{acc}(b) - "
        "\\operatorname{conf}(b)\\rvert$$\n\n"
        "- The gap between accuracy and confidence per bin, weighted by the bin's share of samples.\n"
        "- Equivalently a weighted L1 distance between the reliability curve and the diagonal.\n"
        "- **Smaller is better** (predicted confidences match observed accuracy).\n")
})


def test_a_bold_verdict_in_a_list_is_no_term_to_define(shared):
    """"- **Smaller is better** (…)" in a list its clozes ask: the bold words are a claim, not a term; no "Define:
    Smaller is better" card, and the list's cloze keeps the fact."""
    made = shared.backs_by_front(ECE)
    assert not any("Define: Smaller is better" in front for front in made), made
    assert any("Smaller is better" in back and "observed accuracy" in back for back in made.values()), made
