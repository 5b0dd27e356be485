"""Lists of labelled formulas and the remarks after a formula (issue 23). A summary's list "- name: $formula$" under a
heading is a card per item, asked by its label (a formula alone goes with the item before it); the items no formula
card took, beside those that were, are carded the same way. Bullets after a formula that compare the subject with
its rivals are asked as its trade-offs, not as what the formula says; a remark that opens on the name of what it
equates is asked by that name, its id kept. Notes of my own, through the CLI or the extract API."""

from __future__ import annotations

import pytest


from mlwiki.extract.firstwords import former_front
from mlwiki.extract.formula_items import split_formula_items
from mlwiki.extract.tradeoffs import tradeoff_front
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nsections = true\n[review]\ntimezone = "UTC"\n'

SHEET = ("# Loss sheet\n\n## Regression losses\n\n"
         "- squared error: $\\frac{1}{n}\\sum_i (y_i - f_i)^2$\n"
         "- absolute error: $\\frac{1}{n}\\sum_i |y_i - f_i|$\n"
         "- Huber — $\\sum_i h_\\delta(y_i - f_i)$\n"
         "- $h_\\delta(r) \\propto \\min(r^2, 2\\delta|r| - \\delta^2)$\n")


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


LOSSES = NOTES.add({"Losses.md": SHEET})


def test_each_labelled_formula_of_a_list_is_a_card_of_its_label(shared):
    cards = shared.backs_by_front(LOSSES)
    path = "Loss sheet › Regression losses"
    assert path not in cards, cards
    assert cards[f"{path} › squared error"] == "$\\frac{1}{n}\\sum_i (y_i - f_i)^2$", cards
    assert cards[f"{path} › absolute error"].startswith("$\\frac{1}{n}\\sum_i |y_i"), cards
    huber = cards[f"{path} › Huber"]  # (the formula alone after it: what Huber's formula uses)
    assert huber.startswith("$\\sum_i h_\\delta") and "\\min(r^2" in huber, cards


def test_a_label_that_is_the_left_side_stays_on_the_back():
    back = "- MAE = $\\operatorname{mean}|e_t|$\n- RMSE $= \\sqrt{\\operatorname{mean} e_t^2}$"
    split = split_formula_items("Metrics", back)
    assert split == [("Metrics", ""), ("Metrics › MAE", "MAE = $\\operatorname{mean}|e_t|$"),
                     ("Metrics › RMSE", "RMSE $= \\sqrt{\\operatorname{mean} e_t^2}$")], split


def test_legends_statements_and_introduced_lists_stay_one_card():
    legend = "- $n$: the number of samples, $n > 0$\n- $d$: the dimension $d \\ge 1$\n"
    assert split_formula_items("Setup", legend) is None
    words = "- W = input width\n- K = kernel size\n"  # (symbols written plain, what they stand for in words)
    assert split_formula_items("Output size", words) is None
    mixed = SHEET.split("\n\n")[-1] + "- the absolute error is the more robust of the two to outliers\n"
    assert split_formula_items("Regression losses", mixed) is None
    assert split_formula_items("Regression losses", "Two losses:\n" + SHEET.split("\n\n")[-1]) is None
    assert split_formula_items("Which loss?", SHEET.split("\n\n")[-1]) is None


EMB = NOTES.add({
    "Emb.md": (
        "# Embedding sheet\n\n## Objectives\n\n"
        "- contrastive: $\\ell = -\\log \\frac{e^{s^+}}{\\sum_j e^{s_j}}$\n"
        "- triplet: $\\max(0, d^+ - d^- + m)$\n"
        "- centre loss: $\\ell_c = \\frac12 \\lVert x - c_y \\rVert^2$\n")
})


def test_items_no_formula_card_took_are_carded_beside_those_it_did(shared):
    cards = shared.backs_by_front(EMB)
    assert cards.get("Embedding sheet › Objectives › triplet") == "$\\max(0, d^+ - d^- + m)$", cards


TRADE = ("# Samplers\n\n## Gibbs\n\nSample each coordinate from its full conditional:\n\n"
         "$$x_i^{(t+1)} \\sim p(x_i \\mid x_{-i}^{(t)})$$\n\n"
         "- simpler to implement when the conditionals are known\n"
         "- slower mixing on strongly correlated targets\n"
         "- no tuning of a proposal is needed at all\n")


SAMPLERS = NOTES.add({"Samplers.md": TRADE})


def test_bullets_that_compare_the_subject_are_its_trade_offs(shared):
    cards = shared.backs_by_front(SAMPLERS)
    assert "slower mixing" in cards.get("Samplers › Gibbs › Trade-offs", ""), cards
    assert not any("What it says" in front for front in cards), cards


def test_bullets_that_read_the_formula_keep_asking_what_it_says():
    formula = "$$\\mathrm{PP} = P(w_{1:N})^{-1/N}$$"
    judged = "- lower is better\n- comparable only on one vocabulary"  # (what its value means: it reads it)
    assert tradeoff_front("LM › Perplexity", formula, judged) is None
    assert tradeoff_front("LM", formula, "- faster when $N$ is small\n- slower for long texts") is None
    assert tradeoff_front("LM", formula, "- better on rare words\n- slower to train") == "LM › Trade-offs"


RIDGE = NOTES.add({
    "Ridge.md": (
        "# Ridge\n\n## Shrinkage\n\nIn the eigenbasis of the Gram matrix the fit is\n\n"
        "$$\\hat y = \\sum_j \\frac{d_j}{d_j + \\lambda} u_j u_j^\\top y$$\n\n"
        "so each eigen-direction is damped by its ratio, the small ones most. Sum of the ratios\n"
        "$= \\operatorname{tr} H$ = the effective number of parameters of the fit.\n")
})


def test_a_remark_naming_what_it_equates_is_asked_by_that_name(shared):
    cards = shared.backs_by_front(RIDGE)
    front = next((f for f in cards if f.startswith("Ridge › Shrinkage › Sum of the ratios")), None)
    assert front is not None and "effective number" in cards[front], cards
    was = former_front("P › Sum of the ratios\n\n$$f$$", "Sum of the ratios $= 1$ = the count.")
    assert was == "P › What it says\n\n$$f$$"  # (its id: the one it had as "What it says")


REGRESSION = NOTES.add({
    "Regression.md": (
        "# Regression\n\n## Residuals\n\nPooled residual variance: $s^2 = \\frac{1}{n-p}\\sum_i r_i^2$ (divide by\n"
        "$n - p$, not $n$, so that it is unbiased).\n")
})


def test_a_paragraph_that_opens_on_a_labelled_formula_is_asked_by_its_label(shared):
    cards = shared.backs_by_front(REGRESSION)
    assert cards.get("Regression › Residuals › Pooled residual variance", "").startswith("$s^2 ="), cards
    assert "Regression › Residuals" not in cards, cards


def test_a_formula_lead_under_a_heading_that_asks_or_names_it_stays():
    from mlwiki.extract.formula_items import split_formula_lead
    said = "Pooled residual variance: $s^2 = \\frac{1}{n-p}\\sum_i r_i^2$ (unbiased)."
    assert split_formula_lead("Regression › Why divide by n - p", said) is None
    assert split_formula_lead("Regression › Pooled residual variance", said) is None
    assert split_formula_lead("Regression", said) is None  # (a note's opening: its subject asks for it)
    assert split_formula_lead("Regression › Fits", "Unrolling from $y_0 = 0$: $y_t = t$, a line.") is None
