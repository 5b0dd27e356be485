"""Fronts the card-maker labelled itself (session 54, whatsays, the held28–held30 judges): a remark card under a
display formula asked "… › What it says" over a back that opens on what the formula does, on a caveat of it or on
what it equals is asked that, and a table row's cell under a column of remarks ("notes", "remarks") is asked what is
noted about the row, not "… › <row> › notes". Notes written to tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest


from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

FORMULAS = """# Regularisers

## Norm capping

$$w \\leftarrow w \\cdot \\min\\left(1, \\frac{r}{\\|w\\|}\\right)$$

keeps the orientation of each weight vector and only bounds its length by the radius.

## Hit rate at k

$$\\text{HR@}k = \\frac{\\#\\{u : \\text{top}_k(u) \\cap T_u \\neq \\emptyset\\}}{|U|}$$

neither rewards a hit at rank one over a hit at rank k, nor counts more than one hit per user.

## Soft overlap

$$S(A,B) = \\frac{2\\sum_i a_i b_i}{\\sum_i a_i + \\sum_i b_i}$$

= the harmonic mean of soft precision and soft recall, computed on probabilities instead of hard labels.
"""

TABLE = """# Squashing units

| unit | $g(z)$ | output range | remarks |
|---|---|---|---|
| softsign | $z/(1+|z|)$ | $(-1,1)$ | slower saturation than a hyperbolic tangent, polynomial tails |
| hard tanh | $\\max(-1,\\min(1,z))$ | $[-1,1]$ | piecewise linear, zero gradient outside the band |
| bent identity | $(\\sqrt{z^2+1}-1)/2+z$ | $\\mathbb{R}$ | smooth, never saturates on either side |
"""


def _asked(cards: list[dict], words: str) -> str:
    """The front of the card whose back holds `words`."""
    found = [c["front"] for c in cards if words in c["back"]]
    assert len(found) == 1, found
    return found[0]


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


REG = NOTES.add({"reg.md": FORMULAS})


def test_a_remark_on_what_a_formula_does_is_asked_what_it_does(shared):
    """"keeps the orientation …" after an update rule: the front asks what it does, not "What it says"."""
    front = _asked(shared.cards(REG), "keeps the orientation")
    assert "› What does it do?" in front and "What it says" not in front, front
    assert "\\min\\left(1" in front, front  # (the formula stays on the front)


REG_2 = NOTES.add({"reg.md": FORMULAS})


def test_a_remark_that_opens_on_a_caveat_is_asked_for_the_caveat(shared):
    """"neither rewards …" after a metric: the front asks for its caveat."""
    front = _asked(shared.cards(REG_2), "neither rewards a hit")
    assert "caveat" in front and "What it says" not in front, front


REG_3 = NOTES.add({"reg.md": FORMULAS})


def test_a_remark_that_says_what_the_formula_equals_is_asked_so(shared):
    """"= the harmonic mean of …" after a formula: the front asks what it is in words."""
    front = _asked(shared.cards(REG_3), "harmonic mean of soft precision")
    assert "in words?" in front and "What it says" not in front, front


REG_4 = NOTES.add({"reg.md": FORMULAS})


def test_the_reworded_fronts_keep_their_ids(shared):
    """Only the wording changed: each card's id is the one its "… › What it says" front gave it."""
    from mlwiki import ids

    cards = shared.cards(REG_4)
    for words in ("keeps the orientation", "neither rewards a hit", "harmonic mean of soft precision"):
        card = next(c for c in cards if words in c["back"])
        path, question = card["front"].split("\n\n", 1)[0].rsplit(" › ", 1)
        old = card["front"].replace(f"{path} › {question}", f"{path} › What it says", 1)
        assert card["id"] == ids.card_id("basic", f"remark: {old}"), (card["front"], old)


ACT = NOTES.add({"act.md": TABLE})


def test_a_cell_under_a_column_of_remarks_is_asked_what_is_noted_about_its_row(shared):
    """A row's cell under "remarks" (its other columns carded by column): "… › What is noted about softsign?", not
    "… › softsign › remarks", which asks nothing."""
    cards = shared.cards(ACT)
    front = _asked(cards, "slower saturation than a hyperbolic tangent")
    assert front.endswith("What is noted about softsign?"), front
    assert not any(c["front"].endswith("› remarks") for c in cards), [c["front"] for c in cards]


EST = NOTES.add({
    "est.md": (
        "# Estimators\n\n## Doubly weighted\n\n$$\\hat V = \\frac1n\\sum_i \\Big(q(x_i) + \\frac{y_i - q(x_i)}"
        "{e(x_i)}\\Big)$$\n\nunbiased as long as one of the outcome model and the propensity model is right, "
        "even when the other is badly off.\n")
})


def test_a_remark_that_says_when_a_property_holds_is_asked_when(shared):
    """"unbiased as long as …" after an estimator: the front asks when it is unbiased."""
    front = _asked(shared.cards(EST), "one of the outcome model")
    assert "When is it unbiased?" in front and "What it says" not in front, front
