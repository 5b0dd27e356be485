"""Remarks after a display formula asked by what they are (session 51, whatsays51, the held26 and held25 judges): a
remark that derives the formula another way, states a condition, a cost or a comparison, or draws a conclusion
from an unnamed formula is asked that, not "… › What it says"; a formula card whose left side names the function
(`\\text{Name}_k(x) = …`) under a heading that does not is asked by that name, not "Formula". Ids are kept. Notes
written to tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run

from mlwiki import ids
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _cards(tmp_path, notes: dict[str, str]) -> list[dict]:
    return json.loads(run(new_wiki(tmp_path, notes, CONFIG), "cards", "--json", ok=True).output)


def _remark(cards: list[dict], words: str) -> dict:
    return next((c for c in cards if words in c["back"]), {})


def _says_id(path: str, formula: str) -> str:
    return ids.card_id("basic", f"remark: {path} › What it says\n\n$${formula}$$")


def test_a_remark_reaching_the_formula_another_way_asks_how_else_it_is_derived(tmp_path):
    """'Same solution via …' after a formula asks how else it is derived; the id is the 'What it says' one."""
    formula = "w = (X^\\top X + \\lambda I)^{-1} X^\\top y"
    note = ("# Ridge\n\n## Closed form by calculus\n\n"
            f"$$\n{formula}\n$$\n\nwhere $X$ holds one example per row. Same solution via the augmented design "
            "matrix: append "
            "$\\sqrt\\lambda I$ rows to $X$ and zeros to $y$, then run plain least squares.\n")
    cards = _cards(tmp_path, {"ridge.md": note})
    remark = _remark(cards, "augmented design matrix")
    assert remark and "› How else is it derived?" in remark["front"] and "What it says" not in remark["front"], cards
    assert remark["id"] == _says_id("Ridge › Closed form by calculus", formula), remark


def test_a_remark_stating_when_a_symbol_has_a_property_asks_when(tmp_path):
    """'$M$ is invertible for …' after a formula asks 'When is $M$ invertible?'."""
    formula = "x = M^{-1} b"
    note = ("# Linear systems\n\n## Direct solve\n\n"
            f"$$\n{formula}\n$$\n\n$M$ is invertible for a strictly diagonally dominant $M$, by the Gershgorin "
            "circles. Cost grows with the cube of the size.\n")
    cards = _cards(tmp_path, {"solve.md": note})
    remark = _remark(cards, "Gershgorin")
    assert remark and "› When is $M$ invertible?" in remark["front"], cards


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


GP = NOTES.add({
    "gp.md": (
        "# Gaussian processes\n\n## Posterior mean step\n\n"
        "$$\n\\mu_* = k_*^\\top (K + \\sigma^2 I)^{-1} y\n$$\n\n"
        "where $k_*$ holds the kernel values at the test input. Inverting the $n \\times n$ kernel matrix costs "
        "$O(n^3)$ time, the bottleneck past a few thousand points.\n")
})


def test_a_remark_stating_a_cost_asks_what_it_costs(shared):
    """'Inverting … costs $O(…)$' after a formula asks what inverting it costs."""
    cards = shared.cards(GP)
    remark = _remark(cards, "bottleneck past a few thousand")
    assert remark and "› What does inverting the $n \\times n$ kernel matrix cost?" in remark["front"], cards


LOSS = NOTES.add({
    "loss.md": (
        "# Logistic loss\n\n## Plain form\n\n$$\n\\ell = \\log(1 + e^{-m})\n$$\n\n## Tempered form\n"
        "A large margin makes the plain loss flat. So the margin is divided by a temperature first:\n"
        "$$\n\\ell_T = T \\log(1 + e^{-m/T})\n$$\n"
        "Same minimiser, flatter curve for large temperatures. (The scale $T$ in front keeps the gradients "
        "comparable.)\n")
})


def test_a_remark_comparing_with_the_formula_before_asks_how_it_compares(shared):
    """'Same optimum, …' after a second formula asks how it compares with the one before."""
    cards = shared.cards(LOSS)
    remark = _remark(cards, "flatter curve for large temperatures")
    assert remark and "› How does it compare with the formula before?" in remark["front"], cards


GAMES = NOTES.add({
    "games.md": (
        "# Games\n\n## With the best response plugged in\n\n$$\nU(x^*, y) = c + 2\\,g(y)\n$$\n\n"
        "→ the second player is left minimising $g$ alone; the best it can do is $g = 0$.\n")
})


def test_a_conclusion_from_an_unnamed_formula_asks_what_follows(shared):
    """'→ …' after a formula under a heading that is no name asks what follows from it, not 'What it says'."""
    cards = shared.cards(GAMES)
    remark = _remark(cards, "left minimising $g$ alone")
    assert remark and "› What follows from it?" in remark["front"], cards


SMOOTH = NOTES.add({
    "smooth.md": (
        "# Smoothing\n\n## Simple smoothing\nEach new point is mixed in. The running value $s$ keeps the rest:\n"
        "$$\ns_t = a x_t + (1 - a) s_{t-1}\n$$\n"
        "With small weights the memory is long; large ones track the latest points closely.\n")
})


def test_a_remark_of_another_kind_still_asks_what_it_says(shared):
    """A remark that opens on no kind is left to the other passes ("What it says" stays)."""
    cards = shared.cards(SMOOTH)
    remark = _remark(cards, "the memory is long")
    assert remark and "What it says" in remark["front"], cards


ROBUST = NOTES.add({
    "robust.md": (
        "# Robust fitting\n\n## Taming outliers\n\n"
        "$$\n\\text{Smooth}_\\delta(x) = \\begin{cases} x^2/(2\\delta) & |x| < \\delta \\\\ |x| - \\delta/2 & "
        "\\text{else} \\end{cases}\n$$\n")
})


def test_a_formula_naming_its_function_with_a_subscript_is_asked_by_that_name(shared):
    """`\\text{Smooth}_\\delta(x) = …` alone under a heading that does not name it: the front names Smooth, not
    'Formula'; the id (made of the formula) is unchanged."""
    cards = shared.cards(ROBUST)
    card = _remark(cards, "\\text{Smooth}_\\delta(x)")
    assert card and card["front"].endswith("\n\nSmooth") and not card["front"].endswith("Formula"), cards
