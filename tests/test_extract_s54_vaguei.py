"""Vague title-only fronts over a note's lead (session 54, vaguei, the held28-hexo, held30-zola and held30-quartobook
judges): a lead that opens on the name the title starts with (or its initials, or its singular under an article), as
the subject of a claim, asks what the claim says of it; a lead whose first sentence is a noun phrase with "the" or a
participle and no verb asks what the title is. Notes written to tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _front_of(made: dict[str, str], words: str) -> str:
    return next(front for front, back in made.items() if words in back)


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


LIME = NOTES.add({
    "lime.md": (
        "# LIME for tabular data — surrogates, kernels and their pitfalls\n\n"
        "LIME (Ribeiro et al. 2016) fits a sparse linear surrogate around one prediction, weighting perturbed "
        "samples by their closeness to the instance.\n\n## Kernel width\n\nThe width of the proximity kernel "
        "changes the explanation a lot; there is no principled default for it.\n")
})


def test_a_lead_opening_on_the_titles_name_asks_its_claim(shared):
    """'# LIME for tabular data — …' over 'LIME (Ribeiro 2016) fits a sparse linear surrogate …' asks what LIME fits."""
    made = shared.backs_by_front(LIME)
    front = _front_of(made, "sparse linear surrogate")
    assert front.endswith("What does LIME fit?"), made


SWA = NOTES.add({
    "swa.md": (
        "# Stochastic Weight Averaging\n\nSWA averages the weights visited along a cyclical or constant learning "
        "rate schedule, which lands in a flatter region of the loss surface.\n\n## When to start\n\n"
        "Averaging usually begins once three quarters of the training budget are spent on the usual schedule.\n")
})


def test_a_lead_naming_the_title_by_its_initials_asks_its_claim(shared):
    """'# Stochastic Weight Averaging' over 'SWA averages …' asks what SWA averages."""
    made = shared.backs_by_front(SWA)
    assert _front_of(made, "averages the weights").endswith("What does SWA average?"), made


CV = NOTES.add({
    "cv.md": (
        "# Control variates\n\nThe control variate subtracts a correlated quantity with a known mean from each "
        "draw, so the estimate keeps its mean while its spread shrinks.\n\n## Choosing the coefficient\n\n"
        "The best coefficient is the covariance over the variance of the helper quantity, estimated from a pilot run.\n")
})


def test_a_lead_naming_a_plural_title_in_the_singular_asks_its_claim(shared):
    """'# Control variates' over 'The control variate subtracts …' asks what the control variate subtracts."""
    made = shared.backs_by_front(CV)
    assert _front_of(made, "correlated quantity").endswith("What does the control variate subtract?"), made


BEAM = NOTES.add({
    "beam.md": (
        "# Beam search\n\nThe standard decoder for sequence-to-sequence translation models in most toolkits.\n\n"
        "## Width\n\nA wider beam finds sequences of higher likelihood but often shorter and blander ones.\n"),
    "kalman.md": (
        "# Kalman filters\n\nA hidden Markov model restricted to linear maps and Gaussian noise everywhere.\n\n"
        "## Gain\n\nThe gain weighs the new measurement against the prediction by their variances.\n")
})


def test_a_verbless_lead_with_the_or_a_participle_asks_what_the_title_is(shared):
    """'# Beam search' over 'The standard decoder for translation models.' asks what beam search is."""
    made = shared.backs_by_front(BEAM)
    assert _front_of(made, "standard decoder").casefold().endswith("what is beam search?"), made
    assert _front_of(made, "restricted to linear maps").casefold().endswith("what are kalman filters?"), made


UPLIFT = NOTES.add({
    "uplift.md": (
        "# Uplift models\n\nUplift for a yes/no outcome: the difference of the two conversion rates, treated "
        "minus untreated, at the same customer features.\n\n## Segments\n\nPersuadables buy only when treated; "
        "sure things buy anyway and waste the coupon.\n")
})


def test_a_lead_on_another_subject_keeps_its_front(shared):
    """'# Uplift models' over 'Uplift for a yes/no outcome: …' (no verb after the name) asks nothing new."""
    made = shared.backs_by_front(UPLIFT)
    assert _front_of(made, "conversion rates") == "Uplift models", made


KM = NOTES.add({
    "km.md": (
        "# k-means from scratch — the loop, the objective and its traps\n\n"
        "Second post of the clustering series. What k-means does, in short: alternate assigning each point to its "
        "nearest centre and moving each centre to the mean of its points. Initialisation gets its own post.\n\n"
        "## Objective\n\nEach round never increases the within-cluster sum of squares, so the loop stops.\n")
})


def test_a_lead_labelled_with_what_the_subject_does_asks_it(shared):
    """'# k-means from scratch' over 'Second post of the clustering series. What k-means does, in short: …' asks
    'What does k-means do?', and the series talk is off the back."""
    made = shared.backs_by_front(KM)
    front = _front_of(made, "nearest centre")
    assert front.endswith("What does k-means do?"), made
    assert "clustering series" not in made[front] and "own post" not in made[front], made


CP = NOTES.add({
    "cp.md": (
        "# Conformal prediction\n\nVovk et al. (2005). How to wrap any fitted model so that its prediction sets "
        "cover the truth with a chosen probability, with no assumption beyond exchangeable data.\n\n"
        "## Split version\n\nA held-out calibration set gives the quantile of the nonconformity scores.\n")
})


def test_a_lead_saying_how_to_after_a_citation_asks_the_problem(shared):
    """'# Conformal prediction' over 'Vovk et al. (2005). How to wrap any model …' asks the problem it addresses."""
    made = shared.backs_by_front(CP)
    assert _front_of(made, "wrap any fitted model").casefold().endswith(
        "what problem does conformal prediction address?"), made
