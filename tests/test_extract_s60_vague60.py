"""List items blanked whole keep a cue of their own words (session 60, vague fronts): a learner shown "- [...]"
beside a list's other items cannot tell which one is asked. An item that is an equation keeps its left side, one
that is a call in code keeps the call's name, a label with an aside in brackets or before a dash is kept whole, and
an item's first words may hold a name with digits in it ("int8") or a slashed pair. Every note is written to one
wiki in tmp_path, scanned once through the CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("vague60"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _made(cards: list[dict], rel: str) -> dict[str, str]:
    """{front: back} of the cards of the note `rel`."""
    return {c["front"]: c["back"] for c in cards if c["source"]["path"] == f"notes/{rel}"}


def _asking(made: dict[str, str], back_start: str) -> str:
    """The front of the one card whose back starts with `back_start`."""
    found = [front for front, back in made.items() if back.startswith(back_start)]
    assert len(found) == 1, (back_start, list(made.items()))
    return found[0]


NOTES["poisson-gamma.md"] = (
    "# Poisson–Gamma\n\n## Updating the rate\n\n"
    "- $\\alpha_n = \\alpha + \\sum_i x_i$\n"
    "- $\\beta_n = \\beta + n$\n"
    "- the posterior mean $\\alpha_n / \\beta_n$ sits between the prior mean and the sample mean, pulled towards "
    "the data as n grows\n")


def test_an_equation_item_keeps_its_left_side(cards):
    """An item that is an update equation is asked by its left side: "- $\\beta_n$ = [...]", not "- [...]" beside
    the other equations."""
    made = _made(cards, "poisson-gamma.md")
    assert "- $\\alpha_n$ = [...]" in _asking(made, "$\\alpha_n = \\alpha + \\sum_i x_i$")
    assert "- $\\beta_n$ = [...]" in _asking(made, "$\\beta_n = \\beta + n$")


NOTES["optimizer-defaults.md"] = (
    "# Optimizer defaults\n\n## What the docs say (checked in October)\n\n"
    "- `Adamax(lr=0.002, betas=(0.9, 0.999), eps=1e-08)`\n"
    "- `NAdam(lr=0.002, momentum_decay=0.004)`\n"
    "- both keep two extra tensors per parameter, the same memory as plain Adam needs for its moments\n")


def test_a_call_item_keeps_its_name_and_hides_its_arguments(cards):
    """An item that is one call in code is asked by the function's name, its arguments hidden."""
    made = _made(cards, "optimizer-defaults.md")
    assert "- `Adamax(`[...]`)`" in _asking(made, "`Adamax(lr=0.002")
    assert "- `NAdam(`[...]`)`" in _asking(made, "`NAdam(lr=0.002")


NOTES["vision-transformers.md"] = (
    "# Vision transformers\n\n## Variants I compared\n\n"
    "- Swin (Liu et al. 2021, the shifted-window one): attention only inside local windows, shifted between layers "
    "so information crosses window borders\n"
    "- DeiT trains a ViT on ImageNet-1k alone, with heavy augmentation and a distillation token from a CNN teacher\n"
    "- plain ViT needs far more pre-training data than a ResNet of the same size to match it\n")


def test_a_label_with_an_aside_in_brackets_is_kept_whole(cards):
    """A label whose aside in brackets says where it comes from is the item's cue, however long the aside."""
    made = _made(cards, "vision-transformers.md")
    front = _asking(made, "Swin (Liu et al. 2021")
    assert "- Swin (Liu et al. 2021, the shifted-window one): [...]" in front


NOTES["validation.md"] = (
    "# Validation\n\n## Why the validation loss lies\n\nThree reasons I have run into:\n\n"
    "- leakage between the splits through near-duplicate images scraped twice from the same source\n"
    "- a validation set drawn from last year's traffic while the model serves this year's users\n"
    "- noisy labels in validation — marked wrong on examples it classifies correctly\n")


def test_a_label_before_a_dash_is_kept_whole(cards):
    """An item whose first four words name its case before a dash keeps them as its cue: the dash is no word, so
    the cue is a third of the item's words, not more."""
    made = _made(cards, "validation.md")
    assert "- noisy labels in validation — [...]" in _asking(made, "noisy labels in validation")


NOTES["quantisation.md"] = (
    "# Quantisation\n\n## Things that bit me\n\n"
    "- in int8 / int4 inference the outlier channels dominate the error, so people keep them in higher precision\n"
    "- calibration data should look like the real traffic, a few hundred samples are usually enough for the ranges\n"
    "- per-channel scales for weights beat a single per-tensor scale by a wide margin on small models\n")


def test_first_words_may_hold_a_name_with_digits_and_a_slashed_pair(cards):
    """An item's first words as its cue: a name with digits in it ("int8") is no number that gives the answer away,
    and "int8 / int4" is one name."""
    made = _made(cards, "quantisation.md")
    front = _asking(made, "in int8 / int4 inference")
    assert "- in int8 / int4 inference [...]" in front


NOTES["kalman.md"] = (
    "# Kalman filter\n\n## The update step\n\n"
    "- innovation $y_t = z_t - H \\hat x_{t|t-1}$\n"
    "- the gain $K_t = P_{t|t-1} H^\\top S_t^{-1}$\n"
    "- the covariance after the update never depends on the measurement itself, only on how many were made\n")


def test_words_leading_to_an_equation_are_kept_with_its_left_side(cards):
    """An item that names its equation in a few words first ("innovation $y_t = …$") keeps the words and the left
    side as its cue."""
    made = _made(cards, "kalman.md")
    assert "- innovation $y_t$ = [...]" in _asking(made, "innovation $y_t")
    assert "- the gain $K_t$ = [...]" in _asking(made, "the gain $K_t")


NOTES["dropout.md"] = (
    "# Dropout\n\n## Dropout as an ensemble\n\n"
    "Every step trains a different thinned network, and all of them share the same weights.\n\n"
    "Useful consequence: at test time scaling the weights by the keep probability approximates averaging the "
    "predictions of all those thinned networks.\n")


def test_a_label_praising_a_consequence_is_asked_as_one(cards):
    """A paragraph labelled "Useful consequence:" (as "Nice consequence:") says what follows
    from the section's subject: its card asks that, not a bare "… › Useful consequence"."""
    made = _made(cards, "dropout.md")
    front = _asking(made, "Useful consequence: at test time")
    assert front.casefold().endswith("what follows from dropout as an ensemble?")


NOTES["umap-reading.md"] = (
    "# Reading UMAP plots\n\n## What the picture does not show\n\n"
    "1. **Gaps between islands mean little.** Two islands far apart can be close in the input space, because only "
    "local neighbourhoods are kept.\n"
    "2. **Island area is meaningless.** The layout spreads every island to a similar density, whatever its area was.\n"
    "3. **Noise can form islands** when n_neighbors is small.\n")


def test_a_claim_in_bold_keeps_its_subject(cards):
    """An item led by a claim in bold whose rest repeats the claim's words keeps the claim's subject as its cue,
    what it says of it hidden; not a bare "1. [...]" beside the other claims."""
    made = _made(cards, "umap-reading.md")
    assert "1. **Gaps between islands** [...]" in _asking(made, "**Gaps between islands mean little.**")
    assert "2. **Island area** [...]" in _asking(made, "**Island area is meaningless.**")


NOTES["ridge-limits.md"] = (
    "# Ridge limits\n\n## The two ends of the penalty\n\n"
    "- with $\\lambda = 0$ ridge is plain least squares again, with all its variance when features are collinear\n"
    "- as $\\lambda \\to \\infty$ every coefficient shrinks towards zero but none of them is ever exactly zero\n"
    "- in between, the effective degrees of freedom fall smoothly from p to zero as the penalty grows\n")


def test_an_equation_that_sets_a_value_is_a_case_shown_whole(cards):
    """An item whose equation sets a value and goes on with what follows from it keeps the whole equation as its
    cue: hiding the value would hide which case is asked."""
    made = _made(cards, "ridge-limits.md")
    assert "- with $\\lambda = 0$ [...]" in _asking(made, "with $\\lambda = 0$ ridge")
