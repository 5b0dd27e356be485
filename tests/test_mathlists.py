"""Bullets around display math and bullets that open with a small word are on some card (issue 23). A list of facts
that shows a formula in one bullet keeps its other bullets (one that opens with a quoted word among them) and the
sub-bullets written under the formula; a bullet that opens with "and …:" or "so …" and states an equation is asked
for that equation; the sentence a paragraph opens with over a list a term's card took from is a card; a bullet whose
sum is code or a symbol over a number ("$N/2 + 1$") is no worked arithmetic; a "why …:" bullet that says "we" gives
a reason, not the writer's diary. Notes in the styles of an Obsidian vault, GitHub Markdown, a MyST book and a Quarto
book, written for these tests."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def cards(tmp_path, notes: dict[str, str]) -> list[dict]:
    root = new_wiki(tmp_path, notes, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def holding(found: list[dict], words: str) -> list[dict]:
    """The cards whose front or back holds these words."""
    return [c for c in found if words in c["back"] or words in c["front"]]


VAULT = r"""# Ridge regression

## Shrinkage
- the penalty pulls every weight toward zero, though never exactly onto it
- "regularised" is not the same as unbiased: the estimate leans toward zero for any positive penalty weight
- **Ridge solution** comes in closed form:
$$\hat\beta = (X^\top X + \lambda I)^{-1} X^\top y$$
  where $\lambda$ sets how strong the penalty is.
	- orthonormal design: each weight is the least-squares one divided by $1 + \lambda$
	- zero penalty: $I(\lambda = 0)$ gives ordinary least squares back, i.e. no shrinkage at all
- lasso swaps the squared penalty for absolute values and sets some weights exactly to zero
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


RIDGE_REGRESSION = NOTES.add({"Ridge regression.md": VAULT})


def test_a_bullet_beside_a_formula_bullet_and_the_sub_bullets_under_the_formula_are_cards(shared):
    found = shared.cards(RIDGE_REGRESSION)
    assert holding(found, '"regularised" is not the same as unbiased')  # (a quoted first word is no noise)
    orthonormal = holding(found, "divided by $1 + \\lambda$")
    assert orthonormal and orthonormal[0]["front"].endswith("Ridge solution › orthonormal design")
    zero = holding(found, "gives ordinary least squares back")  # ("$I(…)$" and "i.e." are not the writer's "I")
    assert zero and zero[0]["front"].endswith("Ridge solution › zero penalty")


SCRATCH = r"""# EM scratch

- setting: hidden $z$, observed $x$, and the marginal likelihood sums over every $z$ inside the log
- for any distribution $q(z)$, Jensen gives a lower bound
  $$\log p(x) \ge \sum_z q(z) \log \frac{p(x, z)}{q(z)}$$
- and exactly: $\log p(x) = \mathcal{L}(q) + \mathrm{KL}(q \,\|\, p(z \mid x))$ — the slack is the KL term
- so alternating the two steps: $\log p(x \mid \theta_{t+1}) \ge \log p(x \mid \theta_t)$ at every round
"""


EM_SCRATCH = NOTES.add({"em-scratch.md": SCRATCH})


def test_bullets_that_open_with_a_linking_word_are_on_a_card_and_not_asked_by_that_word(shared):
    found = shared.cards(EM_SCRATCH)
    assert holding(found, "\\mathcal{L}(q) + \\mathrm{KL}") and holding(found, "\\log p(x \\mid \\theta_{t+1}) \\ge")
    assert not [c for c in found if c["front"].endswith(("› and exactly", "› so alternating the two steps"))]


BOOK = r"""# Discrete Fourier transform

## Definition

For a signal $x[n]$ of length $N$ the transform at bin $k$ is

$$
X[k] = \sum_{n=0}^{N-1} x[n]\, e^{-j 2\pi k n / N}
$$

- $k$ indexes frequency, bin $k$ sits at $k f_s / N$
- the transform is linear, so it can be applied channel by channel
- a real input gives a mirrored spectrum, so only $N/2 + 1$ bins carry information (hence `rfft` returns
  `n // 2 + 1` values)
"""


DFT = NOTES.add({"dft.md": BOOK})


def test_a_sum_in_code_or_over_a_symbol_is_no_worked_arithmetic(shared):
    found = shared.cards(DFT)
    assert holding(found, "only $N/2 + 1$ bins carry information")


QUARTO = r"""---
title: "Priors"
---

## Weakly informative priors

A common recommendation: a prior that excludes absurd values yet stays far wider than what you really believe.
- typical choices
    - a normal with a standard deviation of a few units on standardised coefficients
    - a half-normal on scale parameters, instead of an inverse-gamma with tiny parameters
- a flat prior on logistic coefficients is a choice too, and a poor one: it favours enormous effects
- **prior predictive check**: draw parameters from the prior, then fake data, and look whether they are plausible
"""


PRIORS = NOTES.add({"priors.qmd": QUARTO})


def test_the_opening_sentence_over_a_list_a_term_took_from_is_a_card(shared):
    found = shared.cards(PRIORS)
    opening = holding(found, "a prior that excludes absurd values")
    assert opening and opening[0]["front"].endswith("Weakly informative priors")
    assert holding(found, "half-normal on scale parameters")
    assert holding(found, "a flat prior on logistic coefficients is a choice too")


KL = r"""# Divergences

## Direction
The two directions of the KL divergence weigh errors differently.

- $\mathrm{KL}(q \,\|\, p)$ — **reverse KL**, the one variational inference minimises
    - the cost is huge wherever $q$ puts mass and $p$ has almost none, so $q$ keeps out of such regions
    - → mode-seeking, also called zero-forcing in the older literature on message passing
    - with several modes, $q$ settles into one of them and ignores every other mode completely
    - → the spread of the posterior comes out too narrow, which understates the uncertainty
- $\mathrm{KL}(p \,\|\, q)$ — **forward KL**, the one maximum likelihood minimises
    - the cost is huge wherever $p$ puts mass and $q$ has almost none, so $q$ must cover all of it
    - → mass-covering, also called zero-avoiding in the same literature
    - with several modes, $q$ stretches over all of them and puts mass in the valleys between
    - → the spread comes out too wide, which overstates the uncertainty
- why variational methods pick the reverse one: it is an average under $q$, which we chose to be easy to sample
"""


DIVERGENCES = NOTES.add({"Divergences.md": KL})


def test_a_why_bullet_that_says_we_is_a_reason_and_asked_by_its_question(shared):
    found = shared.cards(DIVERGENCES)
    why = holding(found, "an average under $q$, which we chose")
    assert why and why[0]["front"].endswith("Direction › why variational methods pick the reverse one")
