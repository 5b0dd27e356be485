"""Made-up labels over a formula (session 49, saysit49): a remark after a display formula asked "… › What it says",
a label no heading of the note has, asks of what the note calls that formula; notes written into tmp_path, read
through the CLI as a learner meets the cards."""

from __future__ import annotations

import json

from conftest import new_wiki, run
from mlwiki.ids import card_id

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def cards(tmp_path, name: str, note: str) -> dict[str, dict]:
    """{front's first part: card} of a note's cards, through the CLI."""
    root = new_wiki(tmp_path, {name: note}, CONFIG)
    return {c["front"].split("\n\n", 1)[0]: c for c in json.loads(run(root, "cards", "--json", ok=True).output)}


VALUES = """# Value learning

## TD(0) update

Move the estimate a little towards a target that uses the next state:

$$V(s) \\leftarrow V(s) + \\alpha \\big[r + \\gamma V(s') - V(s)\\big]$$

It bootstraps from its own guess of the next value, and it learns before an episode is over.

## Deep Q-networks

### Loss

A network regresses on a target computed with a frozen copy of itself:

$$\\ell(w) = \\big(r + \\gamma \\max_b Q_{w^-}(s', b) - Q_w(s, a)\\big)^2$$

It is usually replaced by a robust version of the square, with rewards squashed into a small range.

## Replay buffer

### Mechanism

Store transitions and draw minibatches uniformly at random from the store:

$$p(i) = \\frac{1}{|B|}$$

It breaks the correlation between consecutive updates and lets one transition be used many times.
"""


def test_a_remark_on_a_formula_asks_of_the_formula_the_headings_name(tmp_path):
    """A heading that is a name ("TD(0) update") or the part of a named method a formula is ("Deep Q-networks ›
    Loss") names the formula; a heading in plain words ("Mechanism") may name a part, not the formula, and keeps
    "What it says". Each card keeps its id."""
    made = cards(tmp_path, "values.md", VALUES)
    td = made["Value learning › TD(0) update › What does the formula for TD(0) update say?"]
    assert td["back"].startswith("It bootstraps"), made
    dqn = made["Value learning › Deep Q-networks › Loss › What does the formula for the Deep Q-networks loss say?"]
    assert dqn["back"].startswith("It is usually replaced"), made
    assert "Value learning › Replay buffer › Mechanism › What it says" in made, made
    said = f"Value learning › TD(0) update › What it says\n\n{td['front'].split(chr(10) * 2, 1)[1]}"
    assert td["id"] == card_id("basic", f"remark: {said}"), td


WEIGHTS = """# Weighted draws

## How many draws the weights are worth

$$\\mathrm{ESS} = \\frac{(\\sum_i w_i)^2}{\\sum_i w_i^2}$$

- it equals the number of draws when all weights agree
- it falls towards one when a single weight takes over
"""


def test_a_list_after_a_formula_that_names_an_acronym_asks_what_holds_for_it(tmp_path):
    """The formula's left side names the quantity by an acronym: its list of properties asks what holds for it,
    though the heading is a question in plain words."""
    made = cards(tmp_path, "weights.md", WEIGHTS)
    assert "Weighted draws › How many draws the weights are worth › What holds for ESS?" in made, made


SMOOTHING = """# Hidden chains

## Smoothed posteriors

$$\\rho_t(k) = p(s_t = k \\mid y_{1:T}) = \\frac{f_t(k)\\, g_t(k)}{p(y_{1:T})}$$

$$\\eta_t(k,l) = p(s_t = k, s_{t+1} = l \\mid y_{1:T}) = \\frac{f_t(k)\\, T_{kl}\\, o_l(y_{t+1})\\, g_{t+1}(l)}{p(y_{1:T})}$$

## Unrelated

Some closing words about chains that have nothing to do with the formulas above.
"""


def test_two_formulas_without_an_introduction_are_named_by_what_they_define(tmp_path):
    """Two display formulas with nothing between and no sentence introducing them: the front names the symbols
    they define, not "Formula" (which said neither which nor that there are two)."""
    made = cards(tmp_path, "chains.md", SMOOTHING)
    front = "Hidden chains › Smoothed posteriors"
    assert f"{front}\n\nFormula" not in made and f"{front}" in made, made
    card = made[front]
    assert card["front"].endswith("Formulas for $\\rho_t(k)$ and $\\eta_t(k,l)$"), card
    assert card["back"].count("$$") == 4, card
