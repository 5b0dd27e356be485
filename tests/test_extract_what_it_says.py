"""What a formula's trailing text is asked as (issue 23): "… › What it says" (the formula on its front) only over text
that reads the formula: holds its symbols, points back at it, goes on from it ("= …"). A list about the section's
topic that never speaks of the formula ("- solved by …" / "- awkward to …") stays a card under the heading path; an
item that gives the formula's value in a case of its own ("- $= 0$ when …") is asked by that value, apart from the
items that say what the formula is. A remark that makes a claim of its own ("It is solved by …", "This is infinite
whenever …") asks how or when, unless it reads the formula part by part ("The first term is used when …"). Notes in
the styles of an Obsidian vault, a MyST book, a Quarto blog and GitHub Markdown."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

VAULT = r"""tags:: #opt

## Older constrained step
maximise a surrogate inside a region of trust:
$$\max_w\ g(w) \quad \text{s.t.}\quad D(w_0, w) \le \delta$$

- handled by conjugate gradient and a backtracking line search (second order)
- awkward to implement, does not mix well with shared layers or noise layers
"""

BOOK = r"""# Divergences

## Relative entropy

```{math}
D(p \,\|\, q) = \sum_x p(x) \log \frac{p(x)}{q(x)}
```

- = the expected extra cost of describing samples of $p$ with a scheme that was tuned for $q$
- $= +\infty$ whenever $q(x) = 0$ at a point where $p(x) > 0$. The support of $p$ must lie inside that of $q$.
"""

README = r"""# Kernels

## Smooth kernel

$$k(r) = s^2 \exp(-r^2 / 2l^2)$$

- the usual first choice, though some argue it is far too smooth for measured data
- tuning people often skip it for exactly that reason
"""


def cards(tmp_path, notes: dict[str, str]) -> list[dict]:
    root = new_wiki(tmp_path, notes, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


TRUST = NOTES.add({"Trust.md": VAULT})


def test_a_list_that_never_speaks_of_the_formula_is_not_what_it_says(shared):
    found = shared.cards(TRUST)
    assert not any("What it says" in c["front"] for c in found)
    topic = next(c for c in found if c["back"].startswith("handled by conjugate gradient"))  # (a card per claim)
    assert topic["front"].split("\n\n", 1)[0] == "Trust › Older constrained step"
    assert "awkward to implement" in topic["front"]


DIV = NOTES.add({"div.md": BOOK})


def test_an_item_giving_the_formulas_value_in_a_case_is_a_card_of_its_own(shared):
    found = shared.cards(DIV)
    case = next(c for c in found if c["front"].startswith("Divergences › Relative entropy › When is it $+\\infty$?\n\n"))
    assert "\\log \\frac{p(x)}{q(x)}" in case["front"]
    assert case["back"].startswith("$= +\\infty$ whenever") and "extra cost" not in case["back"]
    says = next(c for c in found if c["front"].startswith("Divergences › Relative entropy › What is it in words?\n\n"))
    assert says["back"].startswith("= the expected extra cost") and "+\\infty" not in says["back"]


KERNELS = NOTES.add({"kernels.md": README})


def test_a_list_pointing_back_at_the_formula_stays_what_it_says(shared):
    found = shared.cards(KERNELS)
    says = next(c for c in found if c["front"].startswith("Kernels › Smooth kernel › What it says\n\n"))
    assert "far too smooth" in says["back"] and "skip it" in says["back"]


BLOG = r"""---
title: "Penalised fits"
---

## Trust step

$$
\max_w g(w) \quad \text{s.t.} \quad D(w_0, w) \le \delta
$$

It is solved by conjugate gradient with a line search, which needs products with the Fisher matrix.

## Divergence

$$
D(p, q) = \sum_x p(x) \log \frac{p(x)}{q(x)}
$$

This is infinite whenever $q$ puts no mass where $p$ puts some, so the support of $p$ must sit inside that of $q$.

## Pair loss

$$
L = y\, d^2 + (1 - y) \max(0, m - d)^2
$$

The first term is used when the pair shares a class and pulls the two points together.
"""


FITS = NOTES.add({"fits.qmd": BLOG})


def test_a_remark_making_a_claim_of_its_own_asks_how_or_when(shared):
    found = shared.cards(FITS)
    fronts = {c["front"].split("\n\n", 1)[0]: c for c in found}
    how = fronts["Penalised fits › Trust step › How is it solved?"]
    assert "D(w_0, w)" in how["front"] and how["back"].startswith("It is solved by conjugate gradient")
    assert fronts["Penalised fits › Divergence › When is it infinite?"]["back"].startswith("This is infinite")
    assert "Penalised fits › Pair loss › What it says" in fronts  # (the first term: it reads the formula)


def test_the_claim_question_reads_the_sentences_form_only():
    from mlwiki.extract.remarks import claim_question
    assert claim_question("The matrix $A + cI$ is invertible whenever $c > 0$.") == "When is the matrix $A + cI$ invertible?"
    assert claim_question("It is computed with two passes over the data.") == "How is it computed?"
    for sentence in ("It is difficult to compare two such models.", "It is not finite when $q = 0$.",
                     "The elements of the family are said to be measurable."):
        assert claim_question(sentence) is None
