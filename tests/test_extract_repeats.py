"""Text two cards of one note would both show (issue 23): a card read out of prose whose back ends on the whole back
of another card of the note loses that text, which the other card asks on its own (a formula card's trailing
paragraph that the formula's "What it says" card holds; a labelled remark whose last sentences are the section's
card). A definition's sentence and a list stay where they are. A back that ends on an introduction ("…, here is an
example:") of an image it leaves out ends before it. Notes in the styles of a MyST book, an Obsidian vault and a
Markdown repository; the CLI reads them as a scan would."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

BOOK = r"""# Free energy

## Split

Useful split:

```{math}
:label: eq-split
F(q) = E(q) - T S(q)
```

so $F \le E$ whenever $S \ge 0$. With $T$ fixed (= the bath), $E$ is what the model moves, so
**minimising $F$ over $q$ ⇔ trading $E$ against $S$**.
Careful: $F(q) \ne E(q)$ in general (entropy term).

## Uses

Free energy shows up in variational inference as the negative of the evidence bound.
"""

VAULT = r"""## Penalised version
$$L(\theta) = \mathbb{E}\big[g(\theta) - \beta\,D(\theta)\big]$$
moving β: if the measured divergence is above twice the target, double β; below half of it, halve β. Trained worse than the capped variant in the original runs, but it is the shape most preference-tuning setups use today.

## Degrees
The degree of a vertex counts the edges that touch it. A vertex that no edge touches is called an isolated vertex.
"""


def _cards(tmp_path, notes: dict[str, str]) -> list[dict]:
    root = new_wiki(tmp_path, notes, CONFIG)
    run(root, "scan", ok=True)
    return json.loads(run(root, "cards", "--json", ok=True).output)


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


FREE_ENERGY = NOTES.add({"book/free-energy.md": BOOK})


def test_a_formula_card_does_not_repeat_what_its_explanation_card_says(shared):
    cards = shared.cards(FREE_ENERGY)
    formula = next(c for c in cards if c["kind"] == "formula")
    explained = next(c for c in cards if c["front"].startswith("Free energy › Split › What it says"))
    assert explained["back"].startswith("With $T$ fixed")
    assert formula["back"].endswith("so $F \\le E$ whenever $S \\ge 0$.")  # (its own sentence stays)
    assert "With $T$ fixed" not in formula["back"]


DIVERGENCE = NOTES.add({"vault/Divergence.md": VAULT})


def test_a_remark_does_not_repeat_the_sections_card_but_a_definition_stays(shared):
    cards = shared.cards(DIVERGENCE)
    backs = {c["front"].split("\n\n", 1)[0]: c["back"] for c in cards}
    remark = backs["Divergence › Penalised version › Moving β"]
    assert remark.endswith("halve β.")
    assert backs["Divergence › Penalised version"].startswith("Trained worse than the capped variant")
    assert sum("Trained worse" in c["back"] for c in cards) == 1
    degrees = backs["Divergence › Degrees"]  # (the definition's sentence is the section's text too: kept)
    assert degrees.endswith("is called an isolated vertex.")


REPO = r"""# Text features

### Count vectors
The plainest way to turn a text into numbers is a count vector. The recipe is short: list the vocabulary $V$ of
the corpus, then for one text mark each of its words as 1 and every other word as 0, here is an example:
![count vector](img/count-vector.png)

Weakness
- The vector is mostly zeros, so training and prediction are slow
- Word order is lost
"""


TEXT_FEATURES = NOTES.add({"repo/text-features.md": REPO})


def test_a_back_ends_before_the_introduction_of_an_image_it_leaves_out(shared):
    cards = shared.cards(TEXT_FEATURES)
    back = next(c["back"] for c in cards if c["front"] == "Text features › Count vectors")
    assert "here is an example" not in back
    assert back.endswith("every other word as 0.")  # (the sentence stays, up to what introduced the image)
    weakness = next(c["back"] for c in cards if c["front"] == "Text features › Count vectors › Weakness")
    assert weakness.startswith("- The vector is mostly zeros")  # (the label line over its list: a part of its own)


CHANNELS = r"""# Channels

## Capacity

### numbers to know

| channel | capacity |
|---|---|
| erasure, prob. $e$ | $1 - e$ |
| flip, prob. $p$ | $1 - H(p)$ |

- erasure: a share $e$ of the symbols vanish, and knowing which ones at the sender does not raise $1-e$.

More facts:
- **block codes** reach capacity in principle but decoding them takes exponential time. Usable codes close to it: turbo, LDPC and **lattice codes** (used in modems).
- **noise does not help** a memoryless channel (it can hide the signal though).
- **Fano's bound** (for the converse): guessing $X$ from $Y$ with error $P_e$,
  $H(X\mid Y) \le H(P_e) + P_e \log(|\mathcal X| - 1)$.
- **separation**: on one link, compressing well and then coding well, each on its own, loses nothing.
"""

STATEMENT = r"""---
tags: [probability]
---
# Mean absolute deviation

## Statements

**Definition**. The _mean absolute deviation_ of a [[Random Variable|random variable]] $X$ with finite [[Expected Value|expectation]] is given by
$$
\texttt{MAD}(X) = E\,|X - E(X)|\;.
$$

## See also

[[Variance]]
"""


CHANNELS_2 = NOTES.add({"book/channels.md": CHANNELS})


def test_of_two_cards_of_one_line_the_one_whose_topic_the_other_begins_with_goes(shared):
    cards = shared.cards(CHANNELS_2)
    fronts = [c["front"] for c in cards]
    assert "Channels › Capacity › numbers to know › block codes, lattice codes" in fronts
    assert "Channels › Capacity › numbers to know › block codes" not in fronts
    assert sum("decoding them takes exponential time" in c["back"] for c in cards) == 1


MAD = NOTES.add({"vault/MAD.md": STATEMENT})


def test_a_statement_that_is_a_formula_cards_sentence_and_formula_is_asked_once(shared):
    cards = shared.cards(MAD)
    assert [c["kind"] for c in cards] == ["formula"]  # (not also "… › Statements / Definition" showing it all)
    assert cards[0]["front"].endswith("with finite expectation is given by")


OPENINGS = {
    "blog/step-size/index.qmd": r"""---
title: "Choosing the step size"
---

How to pick $\eta$ (and its schedule) for the optimisers in the [previous post](../opt/index.qmd).

The usual answer is a range test: raise $\eta$ each step and keep the value just before the loss blows up.

## Warm-up

Start small and grow $\eta$ linearly over the first few hundred steps, so the early large gradients do no harm.
""",
    "book/focal.md": r"""# Focal loss

Why *this* loss. Ties {doc}`03_ce` to the class imbalance we actually see.

## Definition

The focal loss scales the cross-entropy of each example down by how well it is already classified.
""",
}


def test_a_notes_opening_that_only_names_its_question_is_no_card(tmp_path):
    backs = {c["front"].split("\n\n", 1)[0]: c["back"] for c in _cards(tmp_path, OPENINGS)}  # (by path)
    assert backs["Choosing the step size"].startswith("The usual answer is a range test")
    assert "Focal loss" not in backs  # ("Why *this* loss." and where it follows from: nothing of the subject)
    assert "Focal loss › Definition" in backs


MEASURES = r"""# Moderation metrics

## Online measures
- Prevalence: The share of harmful posts that were not stopped
$$Prevalence = \frac{\text{harmful posts not stopped}}{\text{all posts}}$$
- Appeal rate: The share of removed posts that were appealed and put back

## Fitting

Usual answer: pick the weights that maximise the **held-out likelihood** of the fold. This is **cross-fitting**.

$$
\hat w = \arg\max_w \sum_i \log p(y_i \mid x_i, w)
$$
"""


METRICS = NOTES.add({"repo/metrics.md": MEASURES})


def test_a_label_whose_text_introduces_a_formula_is_asked_by_the_formula_card(shared):
    cards = shared.cards(METRICS)
    fronts = [c["front"] for c in cards]
    assert "Moderation metrics › Online measures\n\nPrevalence: The share of harmful posts that were not stopped" \
        in fronts  # (the formula card shows the label's text over the formula …)
    assert "Moderation metrics › Online measures › Prevalence" not in fronts  # (… which a card of its own repeated)
    assert any(f.endswith("Define: cross-fitting") for f in fronts)  # (a definition in such a sentence stays)


METRICS_2 = NOTES.add({
    "metrics.md": (
        r"""# Ranking metrics

## Precision at k

The share of the first k results that are relevant, averaged over users:

$$\mathrm{P@}k = \frac{|\{\text{relevant in top } k\}|}{k}$$

Cutting the list at **k** keeps the metric about what a user actually sees.

**Rescale** by the best precision the user could get, so users with few relevant items are not punished:

$$\mathrm{RP@}k = \frac{\mathrm{P@}k}{\min(k, |R_u|)/k}$$

Why rescale: a user with two relevant items can never reach a precision of one at ten, so raw precision is not comparable across users.
""")
})


def test_two_cards_that_ask_the_same_of_one_formula_and_answer_it_alike_are_one(shared):
    """"Why rescale: …" after a formula is read twice, as the formula's remark and as a labelled paragraph ("… ›
    Why rescale?"): the same answer to the same question, so one card stays, the one that asks."""
    made = shared.cards(METRICS_2)
    holding = [c for c in made if "never reach a precision of one" in c["back"]]
    assert len(holding) == 1, [c["front"] for c in holding]



def test_a_formulas_remark_that_opens_on_a_label_another_card_asks_by_is_not_asked_again():
    """"Cost per layer: …" after a formula is read as the formula's remark ("… › What it says") and as a labelled
    paragraph ("… › Cost per layer"): the remark card only repeats the labelled one, so it goes; the label's card,
    whose front says what it asks, stays (also when the label asks a question: "Why a sum?" over "Why a sum: …")."""
    from mlwiki.extract.draft import Draft
    from mlwiki.extract.repeats import without_repeats
    from mlwiki.models import CardKind

    def pair(front, back, line, form):
        return [Draft(CardKind.BASIC, front, back, line, form=form)], front.split("\n")[0]

    drafts = [
        pair("Adapters › Low-rank › What it says\n\n$$y = W x + U V x$$",
             "Cost per layer: $r(m+n)$ numbers instead of $mn$, a tiny share when the rank is small.", 9, "remark"),
        pair("Adapters › Low-rank › Cost per layer",
             "$r(m+n)$ numbers instead of $mn$, a tiny share when the rank is small.", 9, "label"),
        pair("Adapters › Mixing › What it says\n\n$$z = a f(x) + (1-a) g(x)$$",
             "Why a sum: for $0 < a < 1$ both gradients stay alive early in training.\n(So neither path dies.)",
             20, "remark"),
        pair("Adapters › Mixing › Why a sum?",
             "for $0 < a < 1$ both gradients stay alive early in training. (So neither path dies.)", 20, "label"),
        pair("Adapters › Mixing › What it says\n\n$$w = 1 - a$$", "Note: $w$ is the weight of the second path.",
             30, "remark"),
    ]
    fronts = [siblings[0].front.split("\n")[0] for siblings, _ in without_repeats(drafts)]
    assert fronts == ["Adapters › Low-rank › Cost per layer", "Adapters › Mixing › Why a sum?",
                      "Adapters › Mixing › What it says"], fronts  # (a label no card asks by stays on its remark)


def test_a_formulas_remark_that_a_statement_card_quotes_with_the_formula_is_not_asked_again():
    """A statement card holds a whole definition: its sentence, the formula and the sentence after it. The remark card
    read off that formula ("… › What it says" over it, the sentence after it as its back) only repeats it, so it goes;
    a remark on a formula no card quotes stays."""
    from mlwiki.extract.draft import Draft
    from mlwiki.extract.repeats import without_repeats
    from mlwiki.models import CardKind

    def pair(front, back, line, form):
        return [Draft(CardKind.BASIC, front, back, line, form=form)], front.split("\n")[0]

    statement = ("A walk *settles* at a point $p$ when\n$$\nd(p, w_n) \\to 0\\;.\n$$\n"
                 "One then says the walk _settles_ at $p$ and writes $w_n \\to p$.")
    drafts = [
        pair("Walks › Statements\n\nDefinition", statement, 3, "statement"),
        pair("Walks › Statements › What it says\n\n$$d(p, w_n) \\to 0\\;.$$",
             "One then says the walk settles at $p$ and writes $w_n \\to p$.", 6, "remark"),
        pair("Walks › Steps › What it says\n\n$$s_n = w_{n+1} - w_n$$",
             "One then says the walk settles at $p$ and writes $w_n \\to p$.", 12, "remark"),
    ]
    fronts = [siblings[0].front.split("\n")[0] for siblings, _ in without_repeats(drafts)]
    assert fronts == ["Walks › Statements", "Walks › Steps › What it says"], fronts


def test_a_remark_list_loses_the_item_another_card_of_its_line_asks():
    """A list after a formula is read as its remark card and its bold item as a card of its own ("… › sum"): the
    remark keeps only the items no other card holds; an item that no card asks stays."""
    from mlwiki.extract.draft import Draft
    from mlwiki.extract.repeats import without_repeats
    from mlwiki.models import CardKind

    def pair(front, back, line):
        return [Draft(CardKind.BASIC, front, back, line, form="remark")], front.split("\n")[0]

    drafts = [
        pair("Pooling › Layer › What it says\n\n$$h = \\sigma(W [a; b])$$",
             "- **sum** of the two inputs would mix them; the bracket keeps them apart.\n- rescale after each layer", 8),
        pair("Pooling › Layer › sum", "sum of the two inputs would mix them; the bracket keeps them apart.", 8),
    ]
    backs = {siblings[0].front.split("\n")[0]: siblings[0].back for siblings, _ in without_repeats(drafts)}
    assert backs["Pooling › Layer › What it says"] == "- rescale after each layer", backs
    assert "bracket keeps them apart" in backs["Pooling › Layer › sum"]
