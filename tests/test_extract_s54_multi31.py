"""Multi-fact list cards split (session 54, multi31, the held31 judges): a bare heading over a numbered list whose
items each carry a side fact (a second sentence, a remark in brackets) is asked item by item, like a bulleted list
of claims; bare steps stay one card; a bulleted claim wrapped over several lines is one claim, not an outline's
branch. Notes written to tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _holding(made: dict[str, str], said: str) -> list[str]:
    """The fronts of the cards whose back holds `said`."""
    return [front for front, back in made.items() if said in back]


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


BOW = NOTES.add({
    "bow.md": (
        "# Bag of words\n\n## Count vectors\n\n"
        "A document becomes a vector of how often each vocabulary word occurs in it.\n\n"
        "1. **Word order is gone.** Two sentences with swapped subjects map to the same vector.\n"
        "2. **The vectors are wide and sparse.** Most entries stay zero for any short text.\n"
        "3. **Frequent filler words dominate.** Weighting by inverse document frequency tames them.\n"
        "4. **Synonyms share nothing.** Two words with one meaning fill unrelated slots.\n")
})


def test_numbered_claims_with_side_facts_are_asked_apart(shared):
    """A definition, then four numbered drawbacks each with a second sentence: the definition stays the heading's
    card, each drawback is a card of its own, and no sentence is lost."""
    made = shared.backs_by_front(BOW)
    for said in ("how often each vocabulary word", "swapped subjects", "Most entries stay zero",
                 "inverse document frequency", "unrelated slots"):
        assert len(_holding(made, said)) == 1, (said, made)
    assert not any("swapped subjects" in back and "unrelated slots" in back for back in made.values()), made


BOOT = NOTES.add({
    "boot.md": (
        "# Bootstrap\n\n## Procedure\n\n"
        "1. Draw a resample of the data with replacement, the same size as the original.\n"
        "2. Compute the statistic of interest on that resample and write it down.\n"
        "3. Repeat the first two steps a few thousand times over.\n"
        "4. Read the interval off the percentiles of the recorded statistics.\n")
})


def test_bare_numbered_steps_stay_one_card(shared):
    """Four bare steps, one sentence each: the procedure is one answer, recalled in order."""
    made = shared.backs_by_front(BOOT)
    fronts = _holding(made, "with replacement")
    assert len(fronts) == 1 and "percentiles" in made[fronts[0]], made


LN = NOTES.add({
    "ln.md": (
        "# Layer norm\n\n## The statistics\n\n"
        "* The mean and variance are taken over the features of one example only.\n"
        "* Nothing depends on the batch, so the layer\n"
        "  behaves the same at training and at test\n"
        "  time, and a batch of one example is as good\n"
        "  as a batch of many.\n"
        "* A learned gain and bias follow the normalisation, so the\n"
        "  layer can still scale its outputs where the next layer\n"
        "  needs a different range.\n")
})


def test_wrapped_bullets_are_claims_not_an_outline(shared):
    """Three bullets under a bare heading, one of them wrapped over four lines: a card per bullet."""
    made = shared.backs_by_front(LN)
    for said in ("features of one example", "batch of one example", "learned gain"):
        assert len(_holding(made, said)) == 1, (said, made)
    assert not any("learned gain" in back and "features of one example" in back for back in made.values()), made


KM = NOTES.add({
    "km.md": (
        "# k-medoids\n\n## Pros and cons\n\n"
        "\\+ every centre is a real data point, so it can be shown to a reader\\\n"
        "\\+ any dissimilarity works, even one that is not a metric at all\\\n"
        "− each swap step costs quadratic time in the number of points\\\n"
        "− the result still depends on which medoids the search starts from\n")
})


def test_pro_and_con_lines_are_asked_apart(shared):
    """Strengths and weaknesses written as sign lines joined by hard breaks ('\\+ …\\', '− …'), the way Outline
    exports them: a card per line, its sign kept on its back."""
    made = shared.backs_by_front(KM)
    for said in ("real data point", "any dissimilarity", "quadratic time", "medoids the search starts"):
        assert len(_holding(made, said)) == 1, (said, made)
    assert not any("quadratic time" in back and "real data point" in back for back in made.values()), made


WH = NOTES.add({
    "wh.md": (
        "# Whitening\n\n## Recipe\n\nThe data matrix $D$ holds one sample per row.\n\n"
        "1. Subtract the mean of every column. Skipping it leaves the offset in the first direction.\n"
        "2. Estimate the covariance of the centred columns. Shrink it toward the diagonal when samples are few.\n"
        "3. Take its eigenvectors and eigenvalues (a symmetric matrix, so they are real).\n"
        "4. Rotate onto the eigenvectors and divide by the root of each eigenvalue.\n\n"
        "The whitening matrix in one line:\n\n$$W = \\Lambda^{-1/2} E^\\top$$\n")
})


def test_a_recipes_steps_with_side_facts_are_asked_step_by_step(shared):
    """A recipe's numbered steps (its steps card), most with a second sentence of why or when: a card per
    step, the other steps shown; no step is lost."""
    made = shared.backs_by_front(WH)
    for said in ("Subtract the mean", "Shrink it toward", "eigenvectors and eigenvalues", "root of each"):
        assert len(_holding(made, said)) == 1, (said, made)
    assert not any("Subtract the mean" in back and "root of each" in back for back in made.values()), made


MIX = NOTES.add({
    "mix.qmd": (
        "---\ntitle: Mixture fits\n---\n\n## Collapse\n\n::: {.callout-warning}\n"
        "A component that shrinks onto one sample drives its variance to zero, so the fit never settles.\\\n"
        "Fixes: put a floor under every variance, or restart the component somewhere else.\n:::\n")
})


def test_a_warning_box_splits_off_its_fixes(shared):
    """A warning box whose text ends a sentence with a hard break and goes on 'Fixes: …': the cause is the box's
    card, the fixes a card of their own under '… › Fixes'."""
    made = shared.backs_by_front(MIX)
    fixes = _holding(made, "floor under every variance")
    assert len(fixes) == 1 and fixes[0].split("\n\n")[0].endswith("Fixes"), made
    assert "never settles" not in made[fixes[0]], made
