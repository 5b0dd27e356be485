"""A paragraph or a list item left on no card between the cards of its section is a card of its own (issue 23): a
term defined in bold between a note's opening line and its formula ("**Patience** of a run: how many …?"), the one
term of a list of defined terms whose definition is short, "Also **X** (its long name): …" between a paper's
cards; a heading over one method typed in a hurry ("show each request to both models …") is that heading's card.
What points elsewhere ("to read: …") is not carded. Notes in the styles of an Obsidian vault, a Quarto site and a
Notion export, read by the CLI as a scan would."""

from __future__ import annotations

import pytest


from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

VAULT = """---
tags: [ml/regularisation]
---
First used for neural nets in the 1990s; some texts call it "optimal stopping".

**Patience** of a run: how many epochs may pass without a better validation loss before the training stops?

Rule:
1. train one epoch, evaluate on held-out data
2. keep the best weights seen so far
3. the stopping time
$$
T = \\min\\{t : L_{t-k} \\le L_s \\text{ for all } s \\in (t-k, t]\\}
$$

- no extra fitting needed → cheaper than **epoch cross-validation** (fit one model per fold, pick the epoch, refit)
- on noisy validation curves it stops far too early; smoothing the curve or a larger patience helps
- to read: the chapter on regularisation in the deep learning book, section seven
"""

KINDS = """# Checkpoints

## Kinds of checkpoint

- **last**: the weights at the moment training stopped, usually a little overfit
- **best**: lowest validation $L$
- **averaged**: the mean of the weights over the final epochs, which often generalises better than either
"""

PAPER = """---
title: "Mixup (Zhang et al. 2018)"
---

## Summary

**Mixup** trains on convex combinations of pairs of examples and of their labels.

Mixing weight drawn from a Beta law:
$$
\\lambda \\sim \\mathrm{Beta}(\\alpha, \\alpha)
$$

Steps:
1. draw a batch and a shuffled copy of it
2. draw $\\lambda$ for the batch
3. blend the inputs and the one-hot labels with the same weight
4. train on the blended batch as usual

Also **CutMix** (patch mixing): paste a patch of one image into another and mix the labels by the patch's area → keeps local statistics that pixel blending destroys.

Seen on CIFAR-10: the error drops by about one point and the confidence on wrong answers goes down too.
"""

NOTION = """# Model rollout

Tags: mlops
Status: Done

### Canary release

Send a small share of the traffic to the new model first and watch its error rate before the rest follows.

### Shadow deployment

show each request to both models, log both answers and serve only the old one → compares them on real traffic with no risk to users, but says nothing about how users react to the new answers.
"""

NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


EARLY_STOPPING = NOTES.add({"Early stopping.md": VAULT})


def test_a_term_defined_in_bold_between_the_opening_and_a_formula_is_a_card(shared):
    cards = shared.backs_by_front(EARLY_STOPPING)
    assert cards["Early stopping\n\nDefine: Patience"].startswith("**Patience** of a run: how many epochs")
    assert not any(front.endswith("to read") for front in cards)  # (where to look: no fact)


CKPT = NOTES.add({"ckpt.md": KINDS})


def test_the_one_term_of_a_list_left_without_a_card_is_defined_as_the_others(shared):
    cards = shared.backs_by_front(CKPT)
    assert cards["Checkpoints › Kinds of checkpoint\n\nDefine: last"].startswith("the weights at the moment")
    assert cards["Checkpoints › Kinds of checkpoint\n\nDefine: best"] == "lowest validation $L$"


MIXUP = NOTES.add({"mixup.qmd": PAPER})


def test_a_paragraph_naming_a_second_method_in_bold_is_a_card(shared):
    cards = shared.backs_by_front(MIXUP)
    assert cards["Mixup (Zhang et al. 2018) › Summary\n\nDefine: CutMix"].startswith("Also **CutMix** (patch mixing):")


MODEL_ROLLOUT_0123456789ABCDEF0123456789ABCDEF = NOTES.add({"Model rollout 0123456789abcdef0123456789abcdef.md": NOTION})


def test_a_method_typed_in_lower_case_under_its_heading_is_its_card(shared):
    cards = shared.backs_by_front(MODEL_ROLLOUT_0123456789ABCDEF0123456789ABCDEF)
    assert cards["Model rollout › Shadow deployment"].startswith("show each request to both models")
    assert "Model rollout › Canary release" in cards
