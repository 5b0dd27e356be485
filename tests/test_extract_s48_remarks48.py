"""Side remarks under a display formula (session 48, remarks48): a "… › What it says" card whose back defines a
symbol, says how one is set, or holds labelled asides ("Drawback: …") asks each by what it is, written into tmp_path
and read back through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = false\nsections = true\n[review]\ntimezone = "UTC"\n'


def cards_of(tmp_path, name: str, note: str) -> dict[str, tuple[str, str]]:
    """{front's first line: (id, back)} of the note's cards."""
    root = new_wiki(tmp_path, {name: note}, CONFIG)
    cards = json.loads(run(root, "cards", "--json", ok=True).output)
    return {c["front"].split("\n\n", 1)[0]: (c["id"], c["back"]) for c in cards}


def said_id(tmp_path, name: str, note: str, path: str, asked: str = "What it says") -> str:
    """The id of the card "… › What it says" the note's formula has when the paragraph after it (the note's last)
    is a remark that asks nothing else: the id the card had before it asked what its back says."""
    head = note.rstrip("\n").rsplit("\n\n", 1)[0]
    plain = f"{head}\n\nThis grows with every extra term, so a longer formula costs more to evaluate.\n"
    return cards_of(tmp_path / "plain", name, plain)[f"{path} › {asked}"][0]


BIC = ("# Model selection\n\n## Information criterion\n\nThe criterion trades fit against size:\n\n"
       "$$\\text{BIC} = m \\ln n - 2 \\ln \\hat L$$\n\n"
       "$m$ = number of free parameters of the model. Heavier penalty than the Akaike criterion once $n$ passes "
       "seven. Drawback: it assumes the true model is among the candidates.\n")


def test_a_symbol_the_remark_defines_is_asked_by_that_symbol(tmp_path):
    """"$m$ = number of free parameters" under a formula was asked "What it says": the front named nothing the back
    answers. The symbols the remark's opening sentences define are asked by name; the rest keeps the card's id."""
    made = cards_of(tmp_path, "bic.md", BIC)
    path = "Model selection › Information criterion"
    assert made[f"{path} › What is $m$?"][1] == "$m$ = number of free parameters of the model.", made
    said_id_, said = made[f"{path} › What does the formula for BIC say?"]  # (its left side names it: saysit49)
    assert said == "Heavier penalty than the Akaike criterion once $n$ passes seven.", made
    assert said_id_ == said_id(tmp_path, "bic.md", BIC, path, "What does the formula for BIC say?"), made


def test_a_labelled_aside_under_a_formula_is_a_card_of_its_own(tmp_path):
    """"Drawback: …" after what a formula says is another fact, asked by its label, the formula still shown."""
    made = cards_of(tmp_path, "bic.md", BIC)
    front = "Model selection › Information criterion › Drawback"
    assert made[front][1] == "Drawback: it assumes the true model is among the candidates.", made
    assert "Drawback" not in made["Model selection › Information criterion › What does the formula for BIC say?"][1], \
        made


def test_a_legend_alone_is_asked_by_its_symbols_and_keeps_the_id(tmp_path):
    """A remark that only says what the formula's symbols are asks for them ("What are $y$ and $s$?"); its card
    keeps the id it had, only its front's wording changes."""
    note = ("# Margins\n\n## Hinge\n\nThe loss of one example:\n\n$$\\ell = \\max(0, 1 - y\\, s)$$\n\n"
            "$y$ = the label in $\\{-1, +1\\}$, $s$ = the raw score of the classifier.\n")
    made = cards_of(tmp_path, "hinge.md", note)
    card_id, back = made["Margins › Hinge › What are $y$ and $s$?"]
    assert back == "$y$ = the label in $\\{-1, +1\\}$, $s$ = the raw score of the classifier.", made
    assert card_id == said_id(tmp_path, "hinge.md", note, "Margins › Hinge"), made


def test_how_a_symbol_is_set_is_asked_how(tmp_path):
    """Notes leave the "is" out: "$\\lambda$ picked by generalised cross-validation; …" answers how it is set."""
    note = ("# Splines\n\n## Smoothing spline\n\nThe fit minimises a penalised sum of squares:\n\n"
            "$$\\sum_i (y_i - f(x_i))^2 + \\lambda \\int f''(t)^2\\, dt$$\n\n"
            "$\\lambda$ picked by generalised cross-validation; a larger $\\lambda$ gives a straighter curve.\n")
    made = cards_of(tmp_path, "spline.md", note)
    assert "Splines › Smoothing spline › How is $\\lambda$ picked?" in made, made


def test_a_label_that_names_nothing_splits_nothing(tmp_path):
    """"Note: …" or "For example: …" names no fact to ask by: the remark stays one card."""
    note = ("# Averages\n\n## Running mean\n\nEach step moves the estimate toward the new value:\n\n"
            "$$\\bar x_t = \\bar x_{t-1} + (x_t - \\bar x_{t-1}) / t$$\n\n"
            "It never stores the past values, so memory stays constant. Note: the order of the values changes "
            "nothing.\n")
    made = cards_of(tmp_path, "mean.md", note)
    assert not any(front.endswith("› Note") for front in made), made


def test_a_bullet_naming_two_parts_of_the_formula_is_asked_by_them(tmp_path):
    """"- The $\\lambda$ and the square root are …: …" under a formula named the parts it speaks of, but no front
    said so: the list stayed one "What it says" card of unrelated bullets. It is asked by those parts now."""
    note = ("# Regularised fit\n\n## Objective\n\nWe minimise\n\n"
            "$$\\min_w \\; \\sqrt{\\textstyle\\sum_i r_i(w)^2} + \\lambda \\|w\\|_1$$\n\n"
            "- The $\\lambda$ and the square root are both tuning conveniences: the same minimiser for a matching "
            "penalty.\n- Most weights end at exactly zero once the penalty is large enough.\n")
    made = cards_of(tmp_path, "fit.md", note)
    assert "Regularised fit › Objective › The $\\lambda$ and the square root" in made, made
    assert "Most weights end" in made["Regularised fit › Objective › What it says"][1], made


def test_a_remark_whose_cue_repeats_its_heading_asks_what_it_says(tmp_path):
    """"## SEM" over the formula and "… SEM is sampling noise …" after it made the front "… › SEM › SEM": the cue
    said nothing the heading had not. It asks what the sentence answers, "What is SEM?", and keeps its id."""
    note = ("# Diagnostics\n\n## SEM\n\n$$\n\\mathrm{SEM}(\\bar x) = \\frac{s}{\\sqrt{n}}.\n$$\n\n"
            "s 3, n 900 → SEM 0.1, so \"7.2519\" has too many digits. SEM is *sampling* noise (it shrinks with more "
            "data), not the spread of the population.\n")
    made = cards_of(tmp_path, "se.md", note)
    assert not any(front.endswith("SEM › SEM") for front in made), made
    assert made["Diagnostics › SEM › What is SEM?"][1].startswith("SEM is *sampling* noise"), made


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


LANGEVIN = NOTES.add({
    "langevin.md": (
        "# Langevin dynamics\n\n## Add friction\n\nState $x$ = the particle position; velocity "
        "$v \\sim \\mathcal N(0, I)$ drawn fresh each step.\n\n"
        "$$\nE(x, v) = V(x) + \\tfrac12 \\|v\\|^2, \\qquad V(x) = -\\log \\pi(x).\n$$\n")
})


def test_a_legend_before_a_formula_is_followed_by_what_the_formula_defines(shared):
    """"State $x$ = …; velocity $v \\sim …$ …." before a formula only says what its symbols are: as the front it
    asked nothing the formula says. The front goes on with the formula's left side, "$E(x, v) =$ …"."""
    fronts = [c["front"] for c in shared.cards(LANGEVIN) if c["kind"] == "formula"]
    assert fronts == ["Langevin dynamics › Add friction\n\nState $x$ = the particle position; velocity "
                      "$v \\sim \\mathcal N(0, I)$ drawn fresh each step: $E(x, v) =$ …"], fronts


def test_bullets_on_what_a_symbol_is_and_does_are_asked_by_that_symbol(tmp_path):
    """Bullets after a formula: "- $\\beta$ = …" (what a symbol is) and "- $\\eta$ scales …" (what one does) were one
    "What it says" card with a third, unrelated bullet. Each is asked by its symbol now; the third keeps the card."""
    note = ("# Boosting\n\n## Shrunken update\n\nEach round adds a damped tree:\n\n"
            "$$F_m(x) = F_{m-1}(x) + \\eta\\, \\beta\\, h_m(x)$$\n\n"
            "- $\\beta$ = the step the line search picks for the new tree\n"
            "- $\\eta$ scales every step down, so more rounds are needed\n"
            "- Stopping early on a validation set keeps the ensemble from overfitting.\n")
    made = cards_of(tmp_path, "boost.md", note)
    path = "Boosting › Shrunken update"
    assert made[f"{path} › What is $\\beta$?"][1].startswith("$\\beta$ = the step"), made
    assert made[f"{path} › What does $\\eta$ scale?"][1].startswith("$\\eta$ scales every step"), made
    assert made[f"{path} › What it says"][1].startswith("Stopping early"), made


def test_a_remark_naming_a_part_with_a_gloss_is_asked_by_that_part(tmp_path):
    """"The normaliser $Z(\\beta)$ (the *partition function*) is what makes it hard. …" names the part of the formula
    it speaks of, but its aside in brackets hid that name: the card asked "What it says". It asks by the part now."""
    note = ("# Energy models\n\n## The catch\n\nThe density of a state:\n\n"
            "$$p(x) = \\frac{e^{-\\beta E(x)}}{Z(\\beta)}, \\qquad Z(\\beta) = \\sum_x e^{-\\beta E(x)} .$$\n\n"
            "The normaliser $Z(\\beta)$ (the *partition function*) is what makes it hard.\n"
            "It sums over every state, and the states grow exponentially with the number of variables.\n")
    made = cards_of(tmp_path, "energy.md", note)
    assert "Energy models › The catch › The normaliser $Z(\\beta)$" in made, made
