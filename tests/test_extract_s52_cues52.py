"""Blanks that say what they ask (session 52, cues52, the held26/held27 judges): a list item led by a term in bold
keeps its label, its subject and verb, or else the rest of its first sentence with its term hidden, not a bare
"- [...]"; a short hidden sentence keeps its first two words; a day note's bullet keeps its long label, its own
question. Notes written to tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _front_of(made: dict[str, str], said: str) -> str:
    """The front of the card whose back holds `said`."""
    return next(front for front, back in made.items() if said in back)


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


GRU = NOTES.add({
    "gru.md": (
        "# GRU\n\n## The two gates in words\n\n"
        "- **reset gate** $r_t$: how much of the old state may feed the new candidate state\n"
        "- **update gate** $z_t$: how far the new state moves from the old one toward the candidate\n")
})


def test_a_bold_term_with_a_formula_and_a_colon_labels_its_item(shared):
    """'- **reset gate** $r_t$: …' keeps '**reset gate** $r_t$: ' before its blank."""
    made = shared.backs_by_front(GRU)
    assert "- **reset gate** $r_t$: [...]" in _front_of(made, "feed the new candidate"), made
    assert "- **update gate** $z_t$: [...]" in _front_of(made, "moves from the old one"), made


AGG = NOTES.add({
    "agg.md": (
        "# Agglomerative clustering\n\n## Linkage choices\n\n"
        "- **Single** linkage is prone to chaining: one bridge of close points joins two far groups.\n"
        "- **Average** linkage can sit between the two extremes and is a common default in practice.\n")
})


def test_a_bold_term_with_a_verb_after_it_is_its_items_subject(shared):
    """'- **Single** linkage is …' keeps '**Single** linkage is ' before its blank."""
    made = shared.backs_by_front(AGG)
    assert "- **Single** linkage is [...]" in _front_of(made, "prone to chaining"), made
    assert "- **Average** linkage can [...]" in _front_of(made, "common default"), made


DQ = NOTES.add({
    "dq.md": (
        "# Deep Q-learning\n\n## Tricks that stabilise it\n\n"
        "From the original Atari papers and the follow-ups:\n\n"
        "- reward scaling to a fixed range so one game's scores do not dominate another's\n"
        "- **frozen copy** of the critic refreshed every few thousand steps to keep regression goals still\n"
        "- a replay buffer sampled uniformly, which breaks the correlation between successive updates\n")
})


def test_a_bold_feature_in_a_list_of_them_is_asked_by_what_it_does(shared):
    """In a list of tricks, '- **frozen copy** of the critic …' hides its term and shows what it is for."""
    made = shared.backs_by_front(DQ)
    front = _front_of(made, "regression goals still")
    assert "- [...] of the critic refreshed every few thousand steps to keep regression goals still" in front, made
    assert "frozen copy" not in front.split("\n\n", 1)[1].split("- [...]")[1], made


SB = NOTES.add({
    "sb.md": (
        "# Small batches\n\n## Noise and batch size\n\n"
        "Small batches give a noisy estimate of the full gradient at every step. "
        "Gradient noise acts like regularisation. "
        "Large batches usually need a longer warm-up of the learning rate.\n")
})


def test_a_short_hidden_sentence_keeps_its_first_two_words(shared):
    """A six-word sentence hidden among others keeps 'Gradient noise' (its first three words would be too much)."""
    made = shared.backs_by_front(SB)
    assert "Gradient noise [...]" in _front_of(made, "acts like regularisation"), made


N2025_02_11 = NOTES.add({
    "journal/2025-02-11.md": (
        "# 2025-02-11\n\n## Seminar notes\n\n"
        "- On why the softmax gets a temperature before sampling: dividing the logits by it flattens or sharpens "
        "the distribution, so a high value gives varied but riskier text and a low one repeats itself.\n"
        "- Label smoothing moves a little probability mass from the true class onto every other class.\n")
})


def test_a_day_notes_bullet_keeps_its_long_label_as_its_question(shared):
    """A journal bullet 'On why … :' keeps that whole label before its blank, and the other bullet is not shown."""
    made = shared.backs_by_front(N2025_02_11)
    front = _front_of(made, "flattens or sharpens")
    assert "- On why the softmax gets a temperature before sampling: [...]" in front, made
    assert "Label smoothing" not in front, made


RP = NOTES.add({
    "rp.md": (
        "# Random projections\n\n## What to remember\n\n"
        "- Distances are kept up to a small factor with high probability for any fixed set of points.\n"
        "- When $k > d$ the projection cannot reduce anything and only costs extra memory for nothing.\n"
        "- The target dimension grows only with the logarithm of how many points there are.\n")
})


def test_a_condition_stated_as_one_formula_is_its_items_cue(shared):
    """'- When $k > d$ the …' keeps 'When $k > d$ ' before its blank; a formula that is the sentence's subject ('If
    $g$ doubles …') is no condition."""
    made = shared.backs_by_front(RP)
    assert "- When $k > d$ [...]" in _front_of(made, "cannot reduce anything"), made


RP_2 = NOTES.add({
    "rp.md": (
        "# Regularisers as priors\n\n## Correspondences\n\nEach penalty matches a prior on the weights:\n\n"
        "- weight decay ↔ a Gaussian prior centred on zero with one shared variance\n"
        "- early stopping rule ↔ a prior that keeps weights near their starting values\n"
        "- dropout ↔ an approximate average over many thinned networks that share weights\n")
})


def test_a_two_way_arrow_sets_an_items_left_side_as_its_cue(shared):
    """'- early stopping rule ↔ …' keeps its whole left side and the arrow before its blank."""
    made = shared.backs_by_front(RP_2)
    assert "- early stopping rule ↔ [...]" in _front_of(made, "near their starting values"), made


PT = NOTES.add({
    "pt.md": (
        "# Faster training in PyTorch\n\n## Compilation\n\n"
        "`x.to(dev, non_blocking=True)` overlaps the copy with compute when the memory is pinned. "
        "Dynamic shapes still trigger recompiles that can eat the gains entirely. "
        "Mixed precision on top of it gives a second, independent speed-up on recent GPUs.\n")
})


def test_a_sentence_opening_on_code_keeps_the_code_span_as_its_cue(shared):
    """A hidden sentence that opens on a code span with spaces in it keeps it whole ('`x.to(dev, non_blocking=True)`
    overlaps [...]'), not a bare '[...]'."""
    made = shared.backs_by_front(PT)
    assert "`x.to(dev, non_blocking=True)` overlaps [...]" in _front_of(made, "memory is pinned"), made


COV = NOTES.add({
    "cov.md": (
        "# Building covariance functions\n\n## Closure rules\n\nIf $f$ and $g$ are valid, so are:\n\n"
        "- $f + g$ (sum ↔ adding two independent random functions together)\n"
        "- $f \\cdot g$ (product ↔ both similarity structures must agree at once)\n"
        "- $c\\,f$ for any positive constant $c$ scaling the whole prior\n")
})


def test_a_sign_inside_an_aside_is_no_items_pivot(shared):
    """'- $f + g$ (sum ↔ …)' does not show '(sum ↔ [...]', a cue that cuts its bracket open (the ' ↔ ' pivot's
    guard)."""
    made = shared.backs_by_front(COV)
    assert "(sum ↔ [...]" not in _front_of(made, "adding two independent"), made
