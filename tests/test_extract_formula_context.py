"""What a section says before its formula is not lost (issue 23, recall): the sentences of the paragraph that
lead to a formula's introduction reach its front, a paragraph before a formula that has an introduction of its
own is the section's opening card, and a `**Definition**.` paragraph opens its section when `definitions` is off.
Pointers ("See … for an example."), an exercise's task and set-ups alone ("Let $X$ be a set.") stay out. Notes are
written in the style of an Obsidian vault titled by file names, into tmp_path, and read through the CLI."""

from __future__ import annotations

import pytest

import json

from conftest import run
from conftest import DEFAULT_CONFIG
from shared_notes import Scanned, SharedNotes

METRICS = """## Average precision
AP is the mean of the precision values at the ranks of the relevant items. It rewards models that rank relevant items early.
$$AP = \\frac{1}{R}\\sum_k P@k \\cdot rel_k$$

## Kendall tau
Kendall's tau compares two rankings by counting pairs. It is more robust to outliers than Spearman's rho. See [this page](https://example.com/tau) for a worked example.

$$\\tau = \\frac{C-D}{C+D}$$

## Neighbourhood prediction
Compute the predictions for users 17 and 42 from the ratings of their five nearest neighbours. The weighted average of their ratings is
$$\\hat r = \\frac{\\sum_v w_v r_v}{\\sum_v |w_v|}$$
"""

HINGE = """## Hinge loss
The hinge loss trains maximum-margin classifiers such as support vector machines.

It is zero once the margin reaches one:
$$\\ell(y) = \\max(0, 1 - t y)$$
"""

STATEMENTS = """# Vector field

## Statements

**Definition**. A _vector field_ on an open set $U$ is a function that assigns a vector to each point of $U$.

**Remark**. In coordinates the vector at $p$ is a combination of the basis vectors:
$$X_p = \\sum_i a^i(p)\\, \\partial_i$$
"""

SET_UP = """# Measure

## Statements

**Definition**. Let $\\Omega$ be a set and $\\mathcal{F}$ a sigma-algebra over $\\Omega$. A function $P$ on $\\mathcal{F}$ is a _measure_ if:

1. Non-negativity: $P(F) \\geq 0$ for every $F$ in $\\mathcal{F}$
2. Null empty set: $$P(\\emptyset) = 0$$
"""


def cards(root) -> list[dict]:
    return json.loads(run(root, "cards", "--json", ok=True).output)


def formula_front(found: list[dict], formula: str) -> str:
    return next(c["front"] for c in found if formula in c["back"])


NOTES = SharedNotes(DEFAULT_CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


RANKING_METRICS = NOTES.add({"Ranking metrics.md": METRICS})


def test_the_sentences_before_a_formulas_introduction_reach_its_front(shared):
    found = shared.cards(RANKING_METRICS)
    assert formula_front(found, "AP =") == (
        "Ranking metrics › Average precision\n\nAP is the mean of the precision values at the ranks of the relevant "
        "items. It rewards models that rank relevant items early.")
    # a pointer away is no introduction: the sentences before it are
    assert formula_front(found, "\\tau =") == (
        "Ranking metrics › Kendall tau\n\nKendall's tau compares two rankings by counting pairs. It is more robust "
        "to outliers than Spearman's rho.")
    # an exercise's task is not what the formula is
    assert formula_front(found, "\\hat r =").endswith("\n\nThe weighted average of their ratings is")


HINGE_LOSS = NOTES.add({"Hinge loss.md": HINGE})


def test_a_paragraph_before_a_formula_introduced_on_its_own_is_the_opening_card(shared):
    found = shared.cards(HINGE_LOSS)
    assert {(c["front"], c["back"]) for c in found if c["kind"] == "basic"} == {
        ("Hinge loss\n\nWhat does the hinge loss do?",  # (its claim asked: session 54)
         "The hinge loss trains maximum-margin classifiers such as support vector machines.")}
    assert formula_front(found, "\\max(0") == "Hinge loss\n\nIt is zero once the margin reaches one:"


VECTOR_FIELD = NOTES.add({"Vector field.md": STATEMENTS})


def test_a_labelled_definition_opens_its_section_when_definitions_are_off(shared):
    found = shared.cards(VECTOR_FIELD)
    basic = [c for c in found if c["kind"] == "basic"]
    assert [(c["front"], c["back"]) for c in basic] == [
        ("Vector field › Statements", "**Definition**. A _vector field_ on an open set $U$ is a function that assigns "
                                      "a vector to each point of $U$.")]
    # the label is no part of a formula's introduction
    assert "Remark" not in formula_front(found, "X_p =")


MEASURE = NOTES.add({"Measure.md": SET_UP})


def test_a_set_up_alone_is_no_card_and_the_statement_label_leaves_the_front(shared):
    found = shared.cards(MEASURE)
    assert not [c for c in found if c["kind"] == "basic" and c["back"].startswith("**Definition**. Let")]
    assert formula_front(found, "\\emptyset") == "Measure › Statements\n\nNull empty set:"


RANKING = """## Reciprocal rank
Average of the reciprocal rank of the first relevant item over a set of queries.

$$MRR = \\frac{1}{|Q|}\\sum_i \\frac{1}{rank_i}$$
Limitation: only the first relevant item counts, so it suits questions with one right answer.

## NDCG
$$NDCG_{@k} = \\frac{DCG_{@k}}{IDCG_{@k}}$$
Advantage: it takes graded relevance (rather than a 0/1 judgement) and the positions into account
Limitation: it does not penalise bad documents in the result.

## Binary cross-entropy
$$L = -\\sum_m y_{m} \\log p_{m}$$
M is the number of labels, which some texts call classes
$y_{m}$ is the binary indicator of label $m$
$p_{m}$ is the predicted probability of label $m$
"""


RANKING_2 = NOTES.add({
    "Ranking.md": RANKING,
    "Doc2vec.md": "#NLP\n\nAn extension of [[Word2Vec]]\n"
})


def test_the_text_a_formulas_paragraph_ends_with_is_a_card_of_its_section(shared):
    found = {c["front"]: c["back"] for c in shared.cards(RANKING_2)}
    assert found["Ranking › Reciprocal rank › Limitation\n\nWhat is a limitation of Reciprocal rank?"] == (  # (the aspect it states in its front: main's 6ddf36a)
        "Limitation: only the first relevant item counts, so it suits questions with one right answer.")
    # "0/1" names a judgement: no sum worked out on numbers
    assert found["Ranking › NDCG"].startswith("Advantage: it takes graded relevance")
    # a legend of the symbols, even one that opens on a plain letter, is no card without its formula
    assert "Ranking › Binary cross-entropy" not in found
    # a note of one short sentence is a card of its name (asked: the sentence says what it is)
    assert found["Doc2vec\n\nWhat is Doc2vec?"] == "An extension of [[Word2Vec]]"


OBJECTIVES = """---
title: "Ridge, lasso and the elastic net"
---

## The three objectives

$$
\\hat\\beta^{\\text{ridge}} = \\arg\\min_\\beta \\|y - X\\beta\\|_2^2 + \\lambda \\|\\beta\\|_2^2
$$ {#eq-ridge}

$$
\\hat\\beta^{\\text{lasso}} = \\arg\\min_\\beta \\tfrac{1}{2n}\\|y - X\\beta\\|_2^2 + \\lambda \\|\\beta\\|_1
$$ {#eq-lasso}
"""


PENALTIES = NOTES.add({"posts/penalties.qmd": OBJECTIVES})


def test_norm_indices_are_no_arithmetic_and_formulas_nothing_tells_apart_are_one_card(shared):
    found = shared.cards(PENALTIES)
    assert [c["back"] for c in found if c["kind"] == "formula"] == [
        "$$\\hat\\beta^{\\text{ridge}} = \\arg\\min_\\beta \\|y - X\\beta\\|_2^2 + \\lambda \\|\\beta\\|_2^2$$\n\n"
        "$$\\hat\\beta^{\\text{lasso}} = \\arg\\min_\\beta \\tfrac{1}{2n}\\|y - X\\beta\\|_2^2 + \\lambda \\|\\beta\\|_1$$"]


AUTODIFF = NOTES.add({
    "autodiff.md": (
        """# Automatic differentiation

## Dual numbers

Extend the reals with $\\varepsilon$, $\\varepsilon^2 = 0$. Then $f(a + b\\varepsilon) = f(a) + f'(a)\\,b\\,\\varepsilon$, so
evaluating $f$ on $x + \\varepsilon$ yields the value and the derivative together.
""")
})


def test_a_power_is_no_sum_worked_out(shared):
    found = {c["front"]: c["back"] for c in shared.cards(AUTODIFF)}
    assert found["Automatic differentiation › Dual numbers"].startswith("Extend the reals")
