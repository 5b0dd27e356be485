"""Cues of clozes and answers (session 49, cues49, the held21–held23 judges): a footnote's mark is on no card and a
footnote the writer wrote as a note is asked on its own, not pasted onto the claim it qualifies. Notes written to
tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


# --- footnotes ---------------------------------------------------------------------------------------------------

NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


ENS = NOTES.add({
    "ens.md": (
        "# Ensembles\n\n## Bagging\n\nBagging (Breiman)[^br]: fit each tree on a bootstrap resample of the rows and "
        "average their votes, which lowers the variance of the ensemble.\n\n"
        "## Random subspaces\n\nEach split of a random forest looks at a subset of the features drawn at "
        "random.[^ho]\n\n[^br]: L. Breiman, Bagging predictors, Machine Learning, 1996.\n"
        "[^ho]: T. K. Ho, The random subspace method, 1998.\n")
})


def test_a_footnote_mark_is_on_no_side_of_a_card(shared):
    """'Bagging (Breiman)[^br]: …' and '… at random.[^x]' show their claims without the marks, front and back."""
    made = shared.backs_by_front(ENS)
    assert any("bootstrap resample" in back for back in made.values()), made
    assert "[^" not in _text(made), made


STOP = NOTES.add({
    "stop.md": (
        "# Early stopping\n\n## Patience\n\n**Patience** is the number of epochs without improvement on the "
        "validation loss that the trainer waits before it stops. A long patience costs compute. So for small "
        "data a patience of ten epochs is cheap enough.[^g]\n\n"
        "[^g]: On a noisy validation curve a short patience stops far too early, whatever the data size.\n")
})


def test_a_footnote_written_as_a_note_is_its_own_card_not_on_the_claims_back(shared):
    """'[^g]: For a convex loss the same bound holds …' qualifies one sentence: a card of its own shows that sentence
    (with the one before when it starts 'So …') and asks the note; the definition's back stays the definition."""
    made = shared.backs_by_front(STOP)
    assert not any("noisy validation curve" in back and "number of epochs" in back for back in made.values()), made
    asked = [front for front, back in made.items() if back.startswith("On a noisy validation curve")]
    assert asked and "A long patience costs compute. So for small data" in asked[0], made
    assert asked[0].endswith("Footnote: [...]") and "[^g]" not in _text(made), made


# --- an emphasised claim keeps its subject ----------------------------------------------------------------------

MC = NOTES.add({
    "mc.md": (
        "# Markov chains\n\n## Mixing\n\nHandy bound: the ==mixing time is roughly $1/\\text{gap}$== iterations. "
        "A chain with a tiny spectral gap therefore needs very long runs.\n")
})


def test_a_highlighted_whole_claim_is_asked_with_its_subject_shown(shared):
    """'Handy bound: the ==mixing time is roughly $1/\\text{gap}$== iterations.' under a bare heading: hiding the
    whole highlight would leave 'the … iterations.'; the front keeps 'the mixing time is roughly' and hides the
    rest; a highlighted object ('uses the ==…==') is hidden whole as before."""
    made = shared.backs_by_front(MC)
    fronts = [front for front in made if front.startswith("Markov chains › Mixing")]
    assert any("the mixing time is roughly … iterations" in front for front in fronts), made
    assert not any("the … iterations" in front for front in fronts), made


# --- list clozes: a blank keeps a cue ------------------------------------------------------------------------------

METRICS = NOTES.add({
    "metrics.md": (
        "# Metrics\n\n## Out-of-sample R squared\n\n"
        "- Uses a **held-out** split → no optimism from fitting and scoring on the same rows\n"
        "- Compares against the best constant predictor, so a negative value means the model is worse than "
        "the mean\n")
})


def test_an_item_without_label_or_subject_keeps_its_left_side_or_opening_verb_as_cue(shared):
    """Under a topic heading, '- Uses a **held-out** split → no optimism from fitting and scoring on the same rows'
    and '- Compares against the best constant predictor, so a negative value means worse than the mean' are asked
    as '- Uses a **held-out** split → [...]' and '- Compares against [...]', not a bare '- [...]'."""
    made = shared.backs_by_front(METRICS)
    fronts = [front for front in made if front.startswith("Metrics › Out-of-sample R squared")]
    assert any("- Uses a **held-out** split → [...]\n" in front for front in fronts), made
    assert any("- Compares against [...]" in front for front in fronts), made
    assert not any("- [...]" in front for front in fronts), made


EVAL = NOTES.add({
    "eval.md": (
        "# Evaluation\n\n## Things I still get wrong\n\n"
        "- Forgetting to stratify the folds when one class is rare. Without it some folds hold no positive at "
        "all.\n"
        "- In a ranking metric: the average precision comes from the ranks of the relevant items, **not** from "
        "every rank. Only relevant ranks ⇒ no penalty below the last hit.\n")
})


def test_the_writers_slips_are_asked_each_alone_by_a_cue_of_its_own(shared):
    """'## Things I still get wrong': the items are unrelated slips, none cues another: each card shows that item's
    own cue (its label and subject with verb, or its first sentence) and not the other item."""
    made = shared.backs_by_front(EVAL)
    asked = {front.split("\n\n", 1)[1]: back for front, back in made.items()
             if front.startswith("Evaluation › Things I still get wrong\n\n")}
    assert asked.get("- Forgetting to stratify the folds when one class is rare. [...]", "").endswith(
        "no positive at all."), made
    assert asked.get("- In a ranking metric: the average precision comes from [...]", "").startswith(
        "In a ranking metric:"), made
