"""Cards with nothing to learn on ordinary notes (session 59, junk59): the writer's reaction or plan after a fact
("Took me ages to see why.", "Next session: …") and a page's navigation line that cites its sources or names how
the pages relate ("Back to [Index](…) · Goodfellow et al. ch. 8", "· used by [Adam](…)"). Every note is written to
one wiki in tmp_path, scanned once through the CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("junk59"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _made(cards: list[dict], rel: str) -> dict[str, str]:
    """{front: back} of the cards of the note `rel`."""
    return {c["front"]: c["back"] for c in cards if c["source"]["path"] == f"notes/{rel}"}


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


NOTES["batchnorm.md"] = (
    "# Batch normalization\n\n"
    "## Train vs eval\n\n"
    "At training time each channel is normalized with the statistics of the current mini-batch; at eval time the "
    "running averages collected during training are used instead. Took me ages to see why.\n\n"
    "## Folding into the conv\n\n"
    "At inference the scale and shift can be folded into the weights and bias of the convolution before it. "
    "Honestly surprised how simple it is.\n\n"
    "## Ghost batches\n\n"
    "Ghost batch norm computes the statistics over small virtual batches inside a large one to keep the noise of "
    "small batches. Not worth the trouble for my tiny models.\n\n"
    "## Momentum of the running averages\n\n"
    "The running averages are updated with a momentum of 0.1 in PyTorch (Keras writes the same update as 0.99, the "
    "weight of the old value. Confusing.)\n")


def test_a_reaction_after_a_fact_is_on_no_card(cards):
    """A sentence in which the writer only reacts to the fact before it, with the "I" left out ("Took me ages to see
    why.", "Honestly surprised how simple it is.", "Not worth the trouble for my tiny models.") is no card of its own
    and off the fact's back (a bracket it closed stays closed); the fact before it is asked as the section's
    card."""
    made = _made(cards, "batchnorm.md")
    text = _text(made)
    assert "Took me" not in text and "surprised" not in text and "Not worth" not in text and "Confusing" not in text
    assert "running averages collected during training are used instead." in made["Batch normalization › Train vs eval"]
    assert any("folded into the weights and bias" in back for back in made.values())
    assert any("small virtual batches" in back for back in made.values())
    assert made["Batch normalization › Momentum of the running averages"].endswith("the weight of the old value.)")


NOTES["dropout.md"] = (
    "# Dropout\n\n"
    "## Scaling\n\n"
    "Inverted dropout scales the kept activations by $1/(1-p)$ at training time, so nothing changes at test time.\n\n"
    "Next session: DropConnect, then stochastic depth.\n")


def test_a_plan_for_the_next_session_is_on_no_card(cards):
    """"Next session: …" says what the writer will study next: on no card, while the fact above it stays."""
    text = _text(_made(cards, "dropout.md"))
    assert "DropConnect" not in text and "Next session" not in text
    assert "Inverted dropout scales the kept activations" in text


NOTES["optim/momentum.md"] = (
    "# Momentum\n\n"
    "Back to [Optimization index](../index.md) · Goodfellow et al. ch. 8.3 · CS231n lecture 7\n\n"
    "Momentum keeps an exponentially decaying average of past gradients and steps along it, which damps the "
    "oscillation across a narrow valley.\n")
NOTES["optim/adam.md"] = (
    "# Adam\n\n"
    "Back to [Optimization index](../index.md) · builds on [Momentum](momentum.md) + [RMSProp](rmsprop.md) · "
    "used by [Fine-tuning recipes](../recipes.md)\n\n"
    "Adam divides a momentum estimate of the gradient by the square root of a running average of its squares, "
    "with both estimates corrected for their start at zero.\n")
NOTES["optim/index.md"] = (
    "# Optimization index\n\n"
    "Gradient methods for training networks, collected over the course.\n\n"
    "Hub: [Course home](../home.md) · Clipped post: [Why Adam works | A Blog About Optimizers](../clips/adam.md)\n")


def test_a_navigation_line_citing_its_sources_is_on_no_card(cards):
    """"Back to [Index](…) · Goodfellow et al. ch. 8.3 · CS231n lecture 7" points to the index and names where the
    page comes from: it says nothing of momentum and makes no card, while the page's own sentence does."""
    made = _made(cards, "optim/momentum.md")
    text = _text(made)
    assert "Back to" not in text and "Goodfellow" not in text
    assert "decaying average of past gradients" in text


def test_a_navigation_line_naming_how_pages_relate_is_on_no_card(cards):
    """"· builds on [Momentum](…) + [RMSProp](…) · used by [Fine-tuning recipes](…)": where the page stands among the
    others, not what Adam is."""
    text = _text(_made(cards, "optim/adam.md"))
    assert "Back to" not in text and "used by" not in text
    assert "square root of a running average" in text


def test_a_navigation_line_whose_clipped_page_title_holds_a_bar_is_on_no_card(cards):
    """A clipped page's title keeps its site's name after " | " inside the link's text: the bar is no separator of
    the line, which is still only links under labels."""
    text = _text(_made(cards, "optim/index.md"))
    assert "Hub:" not in text and "Clipped post" not in text


NOTES["kernels/00-hub.md"] = (
    "# Kernel methods hub\n\n"
    "Kernels let a linear method fit a non-linear boundary.\n\n"
    "What I am reading alongside the lectures:\n\n"
    "- Schölkopf & Smola (2002), *Learning with Kernels*\n"
    "- Bishop ch. 6.1–6.4 (the short version)\n"
    "- Rasmussen et al. (2006), *Gaussian Processes for Machine Learning*\n"
    "- course slides weeks 3–5\n\n"
    "## The one idea\n\n"
    "A kernel computes an inner product in a feature space without ever building the features.\n")


def test_a_reading_list_is_on_no_card(cards):
    """A list whose every item is a work cited (authors and year with a title, a book's chapters, a course's
    slides) under a line saying so: it is off the card of the page's opening, and no card asks "Bishop ch. 6.1–6.4
    [...]"; the hub's own sentences are still carded."""
    made = _made(cards, "kernels/00-hub.md")
    text = _text(made)
    assert "Schölkopf" not in text and "Bishop ch." not in text and "course slides" not in text
    assert any("inner product in a feature space" in back for back in made.values())
    assert made["Kernel methods hub"] == "Kernels let a linear method fit a non-linear boundary."


NOTES["exploration.md"] = (
    "# Exploration\n\n"
    "## Softmax exploration\n\n"
    "Boltzmann exploration picks action $a$ with probability proportional to $\\exp(Q(a)/\\tau)$; a high temperature "
    "$\\tau$ explores almost uniformly, a low one is nearly greedy.\n\n"
    "### Softmax numeric check\n\n"
    "$\\tau = 0.5$. Action 1: $Q = 1.0$. Action 2: $Q = 0.5$. Ratio $e^{1} \\approx 2.72$.\n\n"
    "## Optimistic initialization\n\n"
    "Starting every $Q$ estimate well above any real return makes a greedy agent try each action at least once, "
    "because every try lowers the estimate of what it tried.\n\n"
    "### Numbers (my bandit runs)\n\n"
    "- 10 arms, 1000 steps: optimistic greedy found the best arm in 84 of 100 runs\n"
    "- ε-greedy with ε = 0.1: 71 of 100 runs\n")


def test_a_numeric_check_or_the_numbers_of_own_runs_are_no_cards(cards):
    """A section headed as a numeric check ("Softmax numeric check") or as the numbers of the writer's own runs
    ("Numbers (my bandit runs)") works an example or logs a run: none of its values is asked, while the sections
    that explain the methods are."""
    made = _made(cards, "exploration.md")
    text = _text(made)
    assert "2.72" not in text and "84 of 100" not in text and "71 of 100" not in text
    assert any("explores almost uniformly" in back for back in made.values())
    assert any("try each action at least once" in back for back in made.values())


NOTES["daily/2026-04-11.md"] = (
    "Batch norm day. Sunday, short session: re-derive the backward pass, then the running statistics. Code lives in "
    "the [Normalization](../normalization.md) note.\n\n"
    "## Running statistics\n\n"
    "At eval time batch norm uses running averages of the mean and variance collected during training instead of "
    "the batch statistics.\n")


def test_a_days_opening_that_tells_the_day_is_on_no_card(cards):
    """A day's note opens on the day, the session and where its code lives ("Batch norm day. Sunday, short session:
    …"): the day's subject is read from it, and it is on no card; the day's lesson is carded under that subject."""
    made = _made(cards, "daily/2026-04-11.md")
    text = _text(made)
    assert "short session" not in text and "Batch norm day" not in text and "Code lives" not in text
    assert "running averages of the mean and variance" in made["Batch norm › Running statistics"]


NOTES["physics/thermo.md"] = (
    "# Thermodynamics\n\n## Terms\n\n"
    "- **Entropy**: a measure of how many microstates are consistent with a system's macrostate.\n"
    "- **Enthalpy**: internal energy plus pressure times volume.\n")
NOTES["info/info-theory.md"] = (
    "# Information theory\n\n## Terms\n\n"
    "- **Entropy**: the expected number of bits needed to encode a draw from a distribution.\n"
    "- **Mutual information**: how much knowing one variable reduces the entropy of another.\n")
NOTES["info/copy-of-terms.md"] = (
    "# Coding cheat sheet\n\n## Terms\n\n"
    "- **Mutual information**: how much knowing one variable reduces the entropy of another.\n")


def test_two_notes_defining_one_term_differently_keep_a_card_each(cards):
    """"Define: Entropy" in a thermodynamics note and in an information-theory note are two facts: each is a card
    with an id of its own (before, both took the id of the term alone and one definition was on no card), while the
    same definition copied into a third note is still one card."""
    entropy = [c for c in cards if c["front"].endswith("Define: Entropy")]
    backs = {c["back"] for c in entropy}
    assert any("microstates" in b for b in backs) and any("expected number of bits" in b for b in backs)
    assert len({c["id"] for c in entropy}) == 2
    assert len([c for c in cards if c["front"].endswith("Define: Mutual information")]) == 1


NOTES["vision/00-index.md"] = (
    "# Vision index\n\n"
    "## Formulas I look up\n\n"
    "| what | formula |\n|---|---|\n"
    "| IoU | $|A \\cap B| / |A \\cup B|$ |\n"
    "| Dice | $2|A \\cap B| / (|A| + |B|)$ |\n")
NOTES["vision/iou.md"] = (
    "# IoU\n\n"
    "## Definition\n\n"
    "Intersection over union compares a predicted box $A$ with a ground-truth box $B$ by the share of their union "
    "that they have in common:\n\n"
    "$$\\operatorname{IoU}(A, B) = \\frac{|A \\cap B|}{|A \\cup B|}$$\n\n"
    "It is 1 for identical boxes and 0 for disjoint ones.\n")


def test_a_cheat_sheets_formula_that_its_own_note_cards_is_studied_once(cards):
    """The index's cheat-sheet row "| IoU | $|A \\cap B| / |A \\cup B|$ |" writes the formula that the IoU note cards
    where it explains it (typeset otherwise: `\\frac`, a name on the left): the learner studies it once, from the
    note that explains it; the cheat sheet's Dice row, which no note cards, is still a card of its own."""
    index = _made(cards, "vision/00-index.md")
    assert not any("IoU" in front for front in index)
    assert any("Dice" in front for front in index)
    assert any("\\operatorname{IoU}(A, B)" in back for back in _made(cards, "vision/iou.md").values())
