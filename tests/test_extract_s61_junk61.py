"""Junk a learner would not study, written between a note's facts (session 61): the writer's longer reactions,
worked arithmetic on one line, a day's media log and confusions, the writer's own run, a section on how they use
their site, a page's opening on what it is, a papers list of several works an item, a section of things to watch or
do next time, a back that only points to another note. Every note is written to one wiki in tmp_path, scanned once
through the CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note as _made, new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("junk61"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _backs(made: dict[str, str]) -> str:
    return "\n".join(made.values())


NOTES["attention.md"] = (
    "# Scaled dot-product attention\n\n## Why the square root\n\n"
    "Dot products of two random $d$-vectors have variance $d$, so large $d$ pushes the softmax into saturation. "
    "Dividing by $\\sqrt{d}$ keeps the logits at unit variance whatever the head size. "
    "Took me embarrassingly long to see where the root comes from.\n\n"
    "## Keys and queries\n\n"
    "Keys and queries live in the same space, values may live in another one. "
    "The output of a head is a convex combination of its values. "
    "Good to see the retrieval analogy of the IR course come back.\n")


def test_longer_reactions_are_shown_not_asked(cards):
    """The writer's reactions of up to twelve words ('Took me embarrassingly long to see where the root comes
    from.', 'Good to see the retrieval analogy of the IR course come back.') are on no card's back; the claims beside
    them keep theirs."""
    made = _made(cards, "attention.md")
    backs = _backs(made)
    assert "Took me" not in backs and "Good to see" not in backs
    assert any("keeps the logits at unit variance" in back for back in made.values())
    assert any("convex combination of its values" in back for back in made.values())


NOTES["smoothing.md"] = (
    "# Add-one smoothing\n\n- Laplace: add one to every count, $V$ to the denominator\n"
    "- share of the mass moved to unseen words = V/(N + V) = 2000/12000 = **0.17**\n"
    "- it moves far too much mass to unseen events when the vocabulary is large\n\n"
    "## Saturated sigmoid units\n\n"
    "A sigmoid unit whose input is far from zero passes almost no gradient back, because its derivative "
    "$\\sigma(a)(1 - \\sigma(a))$ peaks at $1/4$ and vanishes in both tails.\n\n"
    "Say the unit outputs $\\sigma(a) = 0.02$:\n\n"
    "- local gradient of the sigmoid: $\\sigma(a)(1 - \\sigma(a)) = 0.02 \\cdot 0.98 = 0.0196$ → almost no signal\n"
    "- local gradient of a tanh unit: $1 - \\tanh^2(a)$, four times the sigmoid's at the origin\n")


def test_worked_arithmetic_on_one_line_is_no_card(cards):
    """A line that only names a figure worked out of numbers ('… = V/(N + V) = 2000/12000 = 0.17') or a formula's
    value at one point leading on ('$\\sigma'(a) = … = 0.0196$ → almost no signal') is no card; the rules stay."""
    made = _made(cards, "smoothing.md")
    backs = _backs(made)
    assert not any("2000/12000" in back for back in made.values())
    assert not [front for front in made if front.endswith("› local gradient of the sigmoid")]
    assert "far too much mass" in backs and "peaks at $1/4$" in backs


NOTES["journal/2025-04-02.md"] = (
    "# 2025-04-02\n\n## Read / watched\n\n"
    "- Murphy PML ch. 14 — the first half, slowly\n- Karpathy's makeGPT video, the attention part\n"
    "- redid the bigram model from scratch, 3 seeds\n\n"
    "## Notes\n\n### Weight tying\n\n"
    "Tying the input embedding to the output projection halves the parameters of a small language model "
    "and usually lowers its perplexity.\n\n"
    "## Still confused about\n\n"
    "- why layer norm goes before the attention in newer models — the lecture said so, didn't say why. Xiong et al. "
    "maybe.\n"
    "- tied embeddings and the softmax bias — same vector? (no: the bias is a separate per-word scalar that "
    "tying leaves alone)\n")


def test_a_days_media_log_and_open_questions_are_on_no_card(cards):
    """A day's '## Read / watched' section (what the writer read, watched and re-ran) is on no card, and what they
    list as confusing keeps no question asked without its mark ('why layer norm goes before …'); the day's notes
    and an answered confusion are carded."""
    made = _made(cards, "journal/2025-04-02.md")
    backs = _backs(made)
    assert "Murphy PML" not in backs and "makeGPT" not in backs and "3 seeds" not in backs
    assert "why layer norm goes before" not in backs
    assert "halves the parameters" in backs
    assert "separate per-word scalar" in backs


NOTES["gbm.md"] = (
    "# Gradient boosting\n\n## Shrinkage\n\n"
    "A learning rate below one makes each tree correct only part of the residual, so more trees are needed but the "
    "ensemble generalises better.\n\n"
    "In my fit: `learning_rate=0.05` needed 1 400 trees and beat `0.3` by 4 % RMSE on the held-out year.\n")


def test_the_writers_own_run_is_on_no_card(cards):
    """A paragraph labelled as the writer's own run ('In my fit: …') is on no card; the claim before it is."""
    made = _made(cards, "gbm.md")
    backs = _backs(made)
    assert "In my fit" not in backs and "1 400 trees" not in backs
    assert "generalises better" in backs


NOTES["welcome.md"] = (
    "# Kernel methods — my notes\n\n## How I use this site\n\n"
    "- one page per week of the course, in the order of the lectures\n"
    "- `:::warning` boxes = mistakes I made on the quizzes\n"
    "- `FIXME` = a page I still have to check against the book\n\n"
    "## The kernel trick\n\n"
    "A kernel computes an inner product in a feature space without building the features, so any method written "
    "with inner products only can run in that space.\n")
NOTES["repo.md"] = (
    "# svm_notes\n\n## Note to self: how this repo works\n\n"
    "- every notebook under `nbs/` becomes one page of the docs site\n"
    "- `#| export` cells go into the `svm_notes` package\n\n"
    "## Margin\n\n"
    "The margin of a separating hyperplane is twice the distance to its closest training point.\n")


def test_how_the_writer_uses_their_site_is_on_no_card(cards):
    """A section on how the writer uses their site ('How I use this site') or repo ('Note to self: how this repo
    works') tells how to read the notes, not their subject: on no card; the subject's sections are carded."""
    welcome = _backs(_made(cards, "welcome.md"))
    repo = _backs(_made(cards, "repo.md"))
    assert "FIXME" not in welcome and "one page per week" not in welcome and "quizzes" not in welcome
    assert "without building the features" in welcome
    assert "#| export" not in repo and "docs site" not in repo
    assert "twice the distance" in repo


NOTES["pca.md"] = (
    "# PCA\n\nShort page, this was the catch-up lecture before the kernel week.\n\n"
    "## Directions\n\n"
    "The principal directions are the eigenvectors of the sample covariance, ordered by their eigenvalues.\n")


def test_a_pages_opening_on_what_it_is_is_on_no_card(cards):
    """A page's opening that says what the page is and which lecture it was ('Short page, this was the catch-up
    lecture before the kernel week.') is on no card."""
    made = _made(cards, "pca.md")
    assert "catch-up lecture" not in _backs(made)
    assert "eigenvectors of the sample covariance" in _backs(made)


NOTES["vision-index.md"] = (
    "# Vision — index\n\n## Convolutions\n\n"
    "A convolution shares one small filter across every position, so it is equivariant to translation.\n\n"
    "## papers\n\n"
    "- LeCun et al. 1998 (LeNet); Krizhevsky et al. 2012 (AlexNet)\n"
    "- Simonyan & Zisserman 2015 (VGG)\n"
    "- He et al. 2016a, 2016b (ResNet); Huang et al. 2017 (DenseNet)\n"
    "- Ren et al. 2015 (Faster R-CNN); Redmon et al. 2016 (YOLO)\n"
    "- Dosovitskiy et al. 2021 (ViT)\n")


def test_a_papers_list_of_several_works_an_item_is_on_no_card(cards):
    """A papers list whose items name several works of one topic ('LeCun et al. 1998 (LeNet); Krizhevsky et al.
    2012 (AlexNet)', 'He et al. 2016a, 2016b (ResNet)') is a reading list: on no card."""
    backs = _backs(_made(cards, "vision-index.md"))
    assert "LeCun et al." not in backs and "Dosovitskiy" not in backs
    assert "equivariant to translation" in backs


NOTES["forecasting-project.md"] = (
    "# Demand forecasting project\n\n## Seasonal naive\n\n"
    "The seasonal naive forecast repeats the value of the same season one cycle back, and is the benchmark every "
    "seasonal model must beat.\n\n"
    "## What I'd do differently next time\n\n"
    "- hold out two full years instead of one\n- try a Tweedie loss for the zero-heavy stores\n\n"
    "## To watch\n\n- the M5 winners' talk (YouTube)\n- a Prophet tutorial, for the holiday effects\n")


def test_things_to_watch_or_do_next_time_are_on_no_card(cards):
    """'## What I'd do differently next time' (the writer's to-dos) and '## To watch' (talks to see) are on no
    card; the note's facts are."""
    backs = _backs(_made(cards, "forecasting-project.md"))
    assert "Tweedie" not in backs and "two full years" not in backs
    assert "M5 winners" not in backs and "Prophet tutorial" not in backs
    assert "same season one cycle back" in backs


NOTES["dropout.md"] = (
    "# Dropout\n\nThe ensemble view is in [Bagging](bagging-notes.md). Index: [Deep learning — index](dl-index.md)\n\n"
    "## At test time\n\n"
    "Inverted dropout scales the kept units by $1/(1-p)$ during training. Nothing changes at test time then, "
    "the network is used whole. Details in [Regularisation overview](regularisation.md).\n")
NOTES["regularisation.md"] = "# Regularisation overview\n\nWeight decay shrinks every weight towards zero each step.\n"


def test_a_back_that_only_points_to_another_note_is_on_no_card(cards):
    """A line that only says where things are, two pointers as sentences ('The ensemble view is in [Bagging](…).
    Index: [Deep learning — index](…)'), is on no card (as 'Details in [Regularisation overview](…).' alone is)."""
    made = _made(cards, "dropout.md")
    assert not any(back.startswith(("Details in", "The ensemble view is in")) for back in made.values())
    assert "Nothing changes at test time" in _backs(made)
