"""Two cards of one note that ask one fact (session 54): the writer's own card (a cloze, a Q/A card) and an automatic
card of the same formula; a paper's highlight that the reader's summary says again. The writer's card wins; a card
with a fact of its own stays. Notes written to tmp_path, read through the CLI."""

from __future__ import annotations

import pytest


from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nsections = true\n[review]\ntimezone = "UTC"\n'

CLOZED = """# Momentum

## The update

The velocity is a running sum of past gradients:
$$v_{t+1} = \\beta\\, v_t + \\left(1 - \\beta\\right) \\frac{\\partial L}{\\partial w}$$

With momentum the velocity becomes {{c1::$\\beta v_t + (1-\\beta)\\,\\partial L/\\partial w$}}, so steps along a
steady slope grow while steps that flip sign cancel.

## Heavy ball

Polyak's heavy ball adds the last step to the gradient step:
$$w_{t+1} = w_t - \\eta \\nabla L(w_t) + \\mu (w_t - w_{t-1})$$
"""

PAIRED = """# Adam

## Bias correction

Both moments start at zero, so early on they are divided by what the decay left:
$$\\hat m_t = \\frac{m_t}{1-\\beta_1^t}, \\qquad \\hat v_t = \\frac{v_t}{1 - \\beta_2^t}$$

Q: How does Adam correct the bias of its moment estimates?
A: It divides them by the mass the decay has put on the data so far: $\\hat m_t = m_t/(1-\\beta_1^t)$ and
$\\hat v_t = v_t/(1-\\beta_2^t)$.

## Step

$$\\theta_{t+1} = \\theta_t - \\frac{\\eta\\, \\hat m_t}{\\sqrt{\\hat v_t} + \\epsilon}$$
"""

HALF_CARDED = """# Adam

## Bias correction

Both moments start at zero, so early on they are divided by what the decay left:
$$\\hat m_t = \\frac{m_t}{1-\\beta_1^t}, \\qquad \\hat v_t = \\frac{v_t}{1 - \\beta_2^t}$$

Q: How does Adam correct the bias of its first moment?
A: It divides it by the mass the decay has put on the data so far: $\\hat m_t = m_t/(1-\\beta_1^t)$.
"""

PAPER = """---
title: "Barlow Twins: Self-Supervised Learning via Redundancy Reduction"
citekey: zbontar2021barlow
---
# Barlow Twins: Self-Supervised Learning via Redundancy Reduction

## Summary

### Objective
The loss pushes the cross-correlation matrix of the two views' embeddings towards the identity: the diagonal
terms make the views agree, the off-diagonal terms decorrelate the features, so no feature is redundant.

### Batch size
It works with small batches, unlike contrastive methods that need many negatives.

## Annotations

> [!quote] Highlight
> The off-diagonal terms decorrelate the features of the embedding, so the features are not redundant. [(p. 2)](zotero://open-pdf/library/items/ABCD1234?page=2)

> [!quote] Highlight
> Robustness to the projector's output dimension is surprising: performance keeps improving up to 16384 dimensions. [(p. 6)](zotero://open-pdf/library/items/ABCD1234?page=6)
"""


def _formula_alone(made: list[dict], piece: str) -> list[dict]:
    """The cards whose back is a display formula alone that holds `piece`."""
    return [c for c in made if c["back"].startswith("$$") and c["back"].endswith("$$") and piece in c["back"]]


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


MOMENTUM = NOTES.add({"Momentum.md": CLOZED})


def test_a_formula_the_writer_hid_in_a_cloze_is_not_asked_again_from_its_display(shared):
    made = shared.cards(MOMENTUM)
    text = "\n".join(c["front"] + "\n" + c["back"] for c in made)
    assert any("{{c1::" not in c["front"] and "[...]" in c["front"] for c in made), text  # (the writer's cloze)
    assert not _formula_alone(made, "v_{t+1}"), text  # (the writer carded its right side: their card wins)
    assert _formula_alone(made, "w_{t-1}"), text  # (a formula no card of the writer holds stays)


ADAM = NOTES.add({"Adam.md": PAIRED})


def test_a_display_of_two_equations_goes_when_the_writer_carded_both_however_written(shared):
    made = shared.cards(ADAM)
    text = "\n".join(c["front"] + "\n" + c["back"] for c in made)
    assert any(c["front"].startswith("How does Adam correct") for c in made), text
    assert not _formula_alone(made, "\\hat v_t = \\frac"), text  # (\frac{a}{b} and a/b: one formula)
    assert _formula_alone(made, "\\theta_{t+1}"), text


ADAM_2 = NOTES.add({"Adam.md": HALF_CARDED})


def test_a_display_of_two_equations_stays_when_the_writer_carded_one(shared):
    made = shared.cards(ADAM_2)
    assert _formula_alone(made, "\\hat v_t = \\frac"), made  # (the second moment's correction is on no other card)


ZBONTAR2021BARLOW = NOTES.add({"literature/@zbontar2021barlow.md": PAPER})


def test_a_highlight_the_readers_summary_says_again_is_not_a_second_card(shared):
    made = shared.cards(ZBONTAR2021BARLOW)
    text = "\n".join(c["front"] + "\n" + c["back"] for c in made)
    assert any("decorrelate the features, so no feature is redundant" in c["back"] for c in made), text
    assert not any("features of the embedding" in c["back"] for c in made), text  # (the summary says it)
    assert any("16384" in c["back"] for c in made), text  # (a highlight no summary holds stays)


RECURRENT = """---
title: "Recurrent networks"
---

## Unrolling

Define $h_t$ as the state after step $t$. Then

$$
h_1 = \\tanh(U x_1), \\qquad
h_t = \\tanh(W h_{t-1} + U x_t).
$$ {#eq-state}

Summary of the sequence at the end: $s = h_T$.

In matrix form: $H_t = \\tanh(H_{t-1} W^\\top + X_t U^\\top)$, where $X_t$
stacks the batch's inputs at step $t$. Each step costs $O(d^2)$ per sequence.

## Truncation

Backpropagation through time is cut after a fixed number of steps to bound its memory.
"""


RNN = NOTES.add({"chapters/rnn.qmd": RECURRENT})


def test_a_formula_card_the_card_of_its_paragraph_holds_whole_is_not_made(shared):
    made = shared.cards(RNN)
    text = "\n".join(c["front"] + "\n" + c["back"] for c in made)
    holding = [c for c in made if "H_{t-1} W^\\top" in c["front"] + c["back"]]
    assert len(holding) == 1 and "O(d^2)" in holding[0]["back"], text  # (the paragraph's card, which says more)


ONE_DIM = """# Gaussian negative log-likelihood

## One observation

Q: What is the negative log-likelihood of one observation under a Gaussian, constants halved out?
A: $\\tfrac12\\left(\\log(2\\pi\\sigma^2) + (x-\\mu)^2/\\sigma^2\\right)$

## Many observations

With a variance of its own for each observation the terms add up:
$$\\mathcal{L} = \\tfrac12 \\sum_{i=1}^{n} \\left(\\log(2\\pi\\sigma_i^2) + \\frac{(x_i-\\mu_i)^2}{\\sigma_i^2}\\right)$$
"""


NLL = NOTES.add({"NLL.md": ONE_DIM})


def test_a_right_side_the_writer_carded_must_be_written_the_same_to_count(shared):
    made = shared.cards(NLL)
    assert any(c["front"].startswith("What is the negative") for c in made), made
    assert _formula_alone(made, "\\sum_{i=1}^{n}"), made  # (the sum over n observations is a fact of its own)
