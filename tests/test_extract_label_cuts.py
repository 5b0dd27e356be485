"""Fronts cut from a line at a colon or an equals sign that is no label's (issue 23). A colon inside a formula is the
formula's; the words before a separator may be no name at all: a lone adjective ("trainable: …") asks what has
that quality, an item weighing two labels ("warmup: … decay: …") asks for both, a clause's part joined by "but"
says what its list's subject is, an item that leads into a formula ("objective = …:") is the formula card's, a
bold phrase of how something is done ("**over the features**:") is the answer, and a term in a list led in by its
members' kind ("Combination rules: **bagging** (…)") is defined with that kind. Notes in Obsidian, GitHub
Markdown, MyST and Quarto; the CLI reads them as a scan would."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nsections = true\n[review]\ntimezone = "UTC"\n'

# (Obsidian: no title heading, the file name is the subject)
LAYER_NORM = r"""In a transformer layer norm takes its statistics **over the features**: the mean and variance of one token's
vector, so nothing depends on the other examples in the batch. Reason: batches of sequences hold many lengths, and
statistics across the batch would mix the padding in with the real tokens.

$$
\mu = \frac{1}{d}\sum_{i=1}^{d} x_i, \qquad \sigma^2 = \frac{1}{d}\sum_{i=1}^{d} (x_i - \mu)^2
$$

- trainable: $g, b$ → two vectors of width $d$ for every layer
- warmup: the learning rate climbs linearly for a few thousand steps. decay: it then falls with the inverse square root of the step
- placed before each sublayer in most recent models, which trains more stably than after it
- the RMS variant drops the centring and keeps only the rescaling, which is cheaper
"""

SUBWORDS = r"""# Lecture 4 — subword vocabularies

## Byte-pair encoding
- starts from single characters and keeps merging the most frequent adjacent pair
- vocabulary size = number of merges plus the base alphabet
- BPE = merges the most frequent pair; WordPiece = merges the pair that raises the likelihood most
- unigram model but pruned = start from a huge vocabulary, drop the pieces whose loss hurts likelihood least
- objective = likelihood of the training text:

$$L = \sum_i \log p(x_i)$$

- the merges are stored in the order they were learnt and replayed in that order
"""

JENSEN = r"""# Convex functions

## Jensen's inequality

Let $\varphi : \mathbb R \to \mathbb R$ be convex and $X$ an integrable random variable. Then the image of the mean is
never above the mean of the image:

$$\varphi(\mathbb E[X]) \le \mathbb E[\varphi(X)]$$
"""

ENSEMBLES = r"""---
title: "Ensembles"
---

## Many weak learners

An ensemble averages the predictions of many models, each trained a little differently, so that their errors
cancel where they are independent.

- **variance**: averaging independent errors shrinks it by the number of models
- **bias**: averaging leaves it where it was, so the members must be good on their own
- Caveat: the errors of models trained on the same data are never fully independent.

**Random forest**: bagged trees that also draw a random subset of features at each split, which decorrelates them.
Works well with almost no tuning.

```python
votes = [m.predict(x) for m in models]
```

That one line already holds the whole idea — the models disagree, and the average is steadier than any one of
them.

Combination rules: **bagging** (bootstrap samples of the data, then average the votes) vs **boosting** (fit each new
learner to the mistakes of the ones before it, unlike the plain average above).
"""


def cards(tmp_path, notes: dict[str, str]) -> list[dict]:
    root = new_wiki(tmp_path, notes, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


LAYER_NORM_2 = NOTES.add({"Layer norm.md": LAYER_NORM})


def test_a_lone_adjective_asks_what_has_it_and_two_labels_are_asked_together(shared):
    found = shared.cards(LAYER_NORM_2)
    fronts = [c["front"] for c in found]
    assert not any(f.endswith(("› trainable", "› warmup")) for f in fronts), fronts
    asked = [c for c in found if c["front"].endswith("› What is trainable?")]
    assert len(asked) == 1 and "$g, b$" in asked[0]["back"]
    both = [c for c in found if c["front"].endswith("› warmup vs decay")]
    assert len(both) == 1 and both[0]["back"].startswith("warmup: ") and "inverse square root" in both[0]["back"]
    from mlwiki import ids  # (each keeps the id it had under its bare label: its reviews stay with it)
    assert asked[0]["id"] == ids.card_id("basic", "labelled: Layer norm › trainable")
    assert both[0]["id"] == ids.card_id("basic", "labelled: Layer norm › warmup")


LAYER_NORM_3 = NOTES.add({"Layer norm.md": LAYER_NORM})


def test_a_bold_phrase_of_how_before_a_colon_is_the_answer_not_the_front(shared):
    found = shared.cards(LAYER_NORM_3)
    assert not any(c["front"].endswith("over the features") for c in found)
    asked = [c for c in found if "takes its statistics …:" in c["front"]]  # (the card keeps its id)
    assert len(asked) == 1 and "over the features" in asked[0]["back"]


LEC04 = NOTES.add({"lec04.md": SUBWORDS})


def test_a_clause_before_an_equals_sign_is_asked_with_its_list_subject_and_a_lead_in_is_no_card(shared):
    found = shared.cards(LEC04)
    fronts = [c["front"] for c in found]
    assert not any(f.endswith("› unigram model but pruned") for f in fronts), fronts
    assert not any(f.endswith("› objective") for f in fronts), fronts  # (the formula's card shows it)
    asked = [c for c in found if c["front"].endswith("› Byte-pair encoding\n\nunigram model but pruned = …")]
    assert len(asked) == 1 and asked[0]["back"].startswith("start from a huge vocabulary")
    assert any(c["front"].endswith("› Byte-pair encoding") and "stored in the order" in c["back"] for c in found)
    pair = [c for c in found if c["front"].endswith("› BPE vs WordPiece")]  # (two names weighed in one item)
    assert len(pair) == 1 and pair[0]["back"].startswith("BPE = ") and "WordPiece = " in pair[0]["back"]


CONVEX = NOTES.add({"convex.md": JENSEN})


def test_a_colon_inside_a_formula_cuts_no_label(shared):
    found = shared.cards(CONVEX)
    for card in found:
        last = card["front"].split("\n\n", 1)[0].rsplit(" › ", 1)[-1]
        assert last.count("$") % 2 == 0, card["front"]
    assert any(c["kind"] == "formula" and "\\le" in c["back"] for c in found)


ENSEMBLES_2 = NOTES.add({"ensembles.qmd": ENSEMBLES})


def test_a_term_of_a_led_in_list_is_defined_with_its_kind_and_keeps_its_id(shared):
    found = shared.cards(ENSEMBLES_2)
    defined = {c["front"].rsplit("\n\n", 1)[-1]: c for c in found if "Define:" in c["front"]}
    assert {"Define: bagging (combination rule)", "Define: boosting (combination rule)"} <= set(defined), defined
    # (the id is the one the card had as "Define: bagging": its reviews stay with it)
    from mlwiki import ids
    plain = defined["Define: bagging (combination rule)"]["front"].replace(" (combination rule)", "")
    assert defined["Define: bagging (combination rule)"]["id"] == ids.card_id("definition", f"definition-sentence: {plain}")


# (the same items in a list of unrelated facts under the note's subject, which is split into a card per fact)
SCHEDULE = r"""Layer norm keeps every token's vector at a steady scale, whatever the batch holds.

- trainable: $g, b$ → two vectors of width $d$ for every layer
- warmup: the learning rate climbs linearly for a few thousand steps. decay: it then falls with the inverse square root of the step
- placed before each sublayer in most recent models, which trains more stably than after it
- the RMS variant drops the centring and keeps only the rescaling, which is cheaper
"""


LAYER_NORM_4 = NOTES.add({"Layer norm.md": SCHEDULE})


def test_a_grab_bag_asks_two_weighed_labels_together_and_keeps_a_lone_adjective_on_the_list_card(shared):
    found = shared.cards(LAYER_NORM_4)
    fronts = [c["front"] for c in found]
    assert not any(f.endswith(("› trainable", "› warmup")) for f in fronts), fronts
    both = [c for c in found if c["front"] == "Layer norm › warmup vs decay"]
    assert len(both) == 1 and "inverse square root" in both[0]["back"]
    from mlwiki import ids
    assert both[0]["id"] == ids.card_id("basic", "section: Layer norm › warmup")
    assert any(c["front"].split("\n\n", 1)[0] == "Layer norm" and "two vectors of width" in c["back"] for c in found)


# (a list of labelled definitions, each a card of its own)
DROPOUT = r"""# Regularisation

## Dropout

- rate: the share of units zeroed on each step, usually between a tenth and a half
- train: units are dropped at random and the survivors scaled up by the inverse keep probability. test: every unit is kept and nothing is rescaled
- placement: after the activation of a dense layer, and rarely inside the convolutional blocks
"""


DROPOUT_2 = NOTES.add({"dropout.md": DROPOUT})


def test_a_list_of_definitions_asks_two_weighed_labels_together_and_its_card_lists_nothing_they_show(shared):
    found = shared.cards(DROPOUT_2)
    fronts = [c["front"] for c in found]
    assert "Regularisation › Dropout › train vs test" in fronts and "Regularisation › Dropout › train" not in fronts
    assert "Regularisation › Dropout" not in fronts, fronts  # (the items' cards show every label it would list)
    from mlwiki import ids
    both = next(c for c in found if c["front"].endswith("› train vs test"))
    assert both["id"] == ids.card_id("basic", "labelled: Regularisation › Dropout › train")
