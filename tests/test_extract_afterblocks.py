"""Facts right after a block (issue 23): the text between two display formulas of one paragraph or list, right after
the first, is on a card. A line an item's formula goes on with ("   the damping term keeps …") or an item right after
a formula that speaks of it ("- $\\lambda$ fixed or learned …") is asked beside that formula, as the text after a
paragraph's last formula is; an item that is the next fact of the list, or one with items of its own, is not. A
paragraph after a callout led by a label that speaks of a proof ("Proof it worked: …") is no proof left out; a list a
section opens with stays on a card when a paragraph after a callout took the section's front; a paragraph led by a
label ("Cost of that: …") that no closing card held is a card of that label. Notes in the styles of
an Obsidian vault, a Quarto blog and a MyST book; the CLI reads them as a scan would."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

VAULT = r"""#smoothing

## Remedies
1. **Damped walk** (a made-up paper): predict each label first, then spread it over the graph:
$$Y^{(t+1)} = (1-\lambda)\,S Y^{(t)} + \lambda Y^{(0)}$$
   the damping term $\lambda Y^{(0)}$ holds every node close to its first guess, so deep walks do not wash it out.
2. **Gated skip**: mix each layer with the input:
$$H^{(l+1)} = g_l H^{(l)} + (1 - g_l) H^{(0)}$$
3. **Edge dropping**: remove random edges in every epoch.
"""

BLOG = r"""---
title: "Counting networks"
---

## The sum network

The layer this post is about adds the node to its neighbours:

$$
h_v' = f\big((1 + \lambda) h_v + \textstyle\sum_{u} h_u\big)
$$
- $\lambda$ fixed or learned; the $(1 + \lambda)$ weight lets the layer tell the node itself from its neighbours.
- **pooling** for whole graphs: add the node vectors of every layer, then concatenate:
$$
h_G = \big[\textstyle\sum_v h_v^{(0)}, \dots, \textstyle\sum_v h_v^{(K)}\big]
$$
- trained on small molecule sets only
"""

BOOK = r"""# Margins

## Slack

- keep the margin wide $$\min_w \tfrac12 \lVert w \rVert^2$$
- pay for every point on the wrong side, with slack $$\sum_i \xi_i$$
    - slack values
        - $\xi_i = 0$: on the right side of the margin
        - $\xi_i > 1$: misclassified
    - a common choice is the hinge $$\sum_i \max(0, 1 - y_i f(x_i))$$
"""


def cards(tmp_path, notes: dict[str, str]) -> list[dict]:
    root = new_wiki(tmp_path, notes, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


SMOOTHING = NOTES.add({"Smoothing.md": VAULT})


def test_the_line_an_items_formula_goes_on_with_is_asked_beside_it(shared):
    found = shared.cards(SMOOTHING)
    card = next(c for c in found if "holds every node close to its first guess" in c["back"])
    assert "(1-\\lambda)\\,S Y^{(t)}" in card["front"]  # (asked beside the formula it speaks of)
    assert "g_l H^{(l)}" not in card["front"] + card["back"]


COUNTING = NOTES.add({"counting.qmd": BLOG})


def test_an_item_right_after_a_formula_that_speaks_of_it_is_asked_beside_it(shared):
    found = shared.cards(COUNTING)
    card = next(c for c in found if "tell the node itself from its neighbours" in c["back"])
    assert "(1 + \\lambda) h_v" in card["front"] and "pooling" not in card["back"]


MARGINS = NOTES.add({"margins.md": BOOK})


def test_nested_items_after_a_formula_make_one_card_not_two(shared):
    found = shared.cards(MARGINS)
    holding = [c for c in found if "misclassified" in c["back"]]
    assert len(holding) == 1


FITS = r"""---
title: "Fits"
---

## Second fit (Someone et al. 2021)

Parametric fit:

$$
L(N) = E + \frac{A}{N^{\alpha}}
$$

Minimise it under the budget: scale the weights and the data equally.

::: {.callout-tip}
## Rule of thumb
About **ten samples per weight**.
:::

They checked it three ways, and all three gave the same exponent.

Proof it worked: **Small** (10B weights) beat **Big** (100B weights) at the *same* budget.
"""

BOUND = r"""# Bounds

## Union bound

For events $A_1, \dots, A_n$ the chance that one of them happens is at most the sum of their chances:

$$P\Big(\bigcup_i A_i\Big) \le \sum_i P(A_i)$$

It is loose when the events overlap a lot, and exact when they are disjoint.

Proof. Write the union as a disjoint union of the differences of the events and add up their chances.
"""


def test_a_paragraph_led_by_a_label_that_speaks_of_a_proof_is_no_proof(tmp_path):
    found = cards(tmp_path / "q", {"fits.qmd": FITS})
    assert any("**Small** (10B weights) beat **Big**" in c["back"] for c in found)
    found = cards(tmp_path / "m", {"bounds.md": BOUND})  # (a proof itself stays off the closing card)
    assert any("loose when the events overlap" in c["back"] for c in found)
    assert not any("disjoint union of the differences" in c["back"] for c in found)


PROPS = r"""# Attention Layers

## Properties
- cost linear in the number of edges per head, the same order as a plain graph convolution
- different weights for nodes of one neighbourhood → more capacity than fixed weights
- needs no full graph upfront and no eigenvectors → works **inductively** on unseen graphs
- the weights give some interpretability, though not much

> [!info] ALv2 — "How Attentive are Sparse Attention Networks?" (Someone, Other, ICLR 2022)
> The first version only computes **static attention**: split $a = [a_1; a_2]$, then $e_{ij} = \sigma(a_1^\top W h_i + a_2^\top W h_j)$. The nonlinearity is monotonic, so the ranking is set by $a_2^\top W h_j$ alone — **the same ranking for every node $i$**. (The top key is the same for all.)
> Fix = apply the vector after the nonlinearity:
> $$e_{ij} = a^\top \sigma\big(W[h_i \Vert h_j]\big)$$
> → dynamic ranking, a universal approximator of attention, at the same cost.

Expressivity: the weights sum to 1 → it's a weighted *mean*, so it can't count neighbours. Same weakness as mean pooling in [[Counting#Why sum]].
"""


ATTENTION_LAYERS = NOTES.add({"Attention Layers.md": PROPS})


def test_a_list_a_section_opens_with_is_on_a_card_when_its_closing_paragraph_took_the_sections_front(shared):
    found = shared.cards(ATTENTION_LAYERS)
    assert any("works **inductively** on unseen graphs" in c["back"] for c in found)
    assert any("cost linear in the number of edges" in c["back"] for c in found)
    assert any("weighted *mean*, so it can't count" in c["back"] for c in found)  # (the closing paragraph kept)


STAGES = r"""# Staged training

## Stage pipeline

Cut the batch into $b$ small batches and stream them through the stages: all forwards, then all backwards, then one
optimizer step, so the result is the same as training without stages.

Work is split into $s$ stages fed with $b$ small batches; idle time at the start and the end is the **gap**, with
each stage busy for $b$ of the $b + s - 1$ slots, so the gap fraction is

$$\text{gap} = \frac{s-1}{b+s-1}$$

Another paper writes it as idle time over busy time instead: $\frac{s-1}{b}$. Same idea, another denominator, so
check which one is meant.

Either way: **want $b \gg s$**. The first paper calls the gap negligible once $b \ge 4s$.

Cost of that: every stage keeps the activations of all $b$ small batches alive until their backward pass runs →
activation memory grows linearly in $b$. (They paired it with recomputation.)

Next: the gap is the big problem — a later schedule fixes the memory but not the gap, see the other note.
"""


STAGES_2 = NOTES.add({"stages.md": STAGES})


def test_a_labelled_paragraph_no_closing_card_held_is_a_card_of_its_label(shared):
    found = shared.cards(STAGES_2)
    card = next(c for c in found if "keeps the activations of all $b$" in c["back"])
    assert card["front"] == "Staged training › Stage pipeline › Cost of that"
    assert not any(c["front"].endswith("› Next") for c in found)  # (a label that names no subject)
