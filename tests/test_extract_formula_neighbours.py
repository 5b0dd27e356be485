"""What stands next to a display formula (formula_facts.py, naming.py, claims.py, symbol_definitions.py): a bullet
split off the list after a formula that does not speak of it is asked without the formula on its front; "(…). This
is called a **X**." after a formula names the formula, no definition of its bracket; a bold term whose bracket
gives clauses of a reason is no term glossed; "Define the **X** $… = …$" is a definition card of X."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def cards(tmp_path, notes: dict[str, str]) -> list[dict]:
    return json.loads(run(new_wiki(tmp_path, notes, CONFIG), "cards", "--json", ok=True).output)


PAIR = r"""# Classifiers

## logistic regression vs naive Bayes

**Logistic regression** models the conditional directly:

$$
p(y = 1 \mid x) = \sigma(w^\top x + b)
$$

- naive Bayes is **generative**: models $p(x, y)$, spends capacity on the inputs
- the bias $b$ **shifts** the decision boundary away from the origin
- prediction: threshold the probability at one half, same as naive Bayes does
- naive Bayes ↔ logistic regression is a **generative–discriminative pair**, like HMM ↔ CRF
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


CLF = NOTES.add({"clf.md": PAIR})


def test_a_bullet_after_a_formula_that_does_not_speak_of_it_is_asked_without_it(shared):
    found = shared.cards(CLF)
    path = "Classifiers › logistic regression vs naive Bayes › "
    asked = {c["front"]: c["back"] for c in found}
    assert "threshold the probability" in asked.get(path + "prediction", ""), asked  # (no formula on its front)
    assert "models $p(x, y)$" in asked.get(path + "Naive Bayes", ""), asked
    assert any("$b$" in c["back"] and "\\sigma" in c["front"] for c in found), asked  # (it speaks of the formula)


GIBBS = r"""# Random fields

Nonnegative **potentials** on the cliques of an undirected graph define the joint:

$$
p(x) = \frac{1}{Z} \prod_{C} \psi_C(x_C)
$$

(a density instead of a mass function for continuous $x$). This is called a **Gibbs distribution** over the graph.

## decoding

Run the max-product recursion, then follow the backpointers from the best last state. Always in **log space** (long products of small numbers underflow; the max commutes with the log so it is only sums).
"""


MRF = NOTES.add({"mrf.md": GIBBS})


def test_a_sentence_that_names_the_formula_above_and_a_reason_in_brackets_make_no_definition(shared):
    found = shared.cards(MRF)
    asked = {c["front"].rsplit("\n\n", 1)[-1] for c in found}
    assert "Define: Gibbs distribution over the graph" not in asked and "Define: log space" not in asked, asked
    assert any("Gibbs distribution" in c["back"] and "\\prod" in c["back"] for c in found), found


FORWARD = r"""# Forward pass

Define the **running score** $s_t(j) = p(x_{1:t}, z_t = j)$ (the joint of what was seen so far and the state now).

$$
s_t(j) = e_j(x_t) \sum_i s_{t-1}(i)\, a_{ij}
$$
"""


FORWARD_2 = NOTES.add({"forward.md": FORWARD})


def test_a_term_a_sentence_defines_by_its_formula_is_a_definition_card(shared):
    found = {c["front"]: c["back"] for c in shared.cards(FORWARD_2)}
    assert found.get("Forward pass\n\nDefine: running score", "").startswith("$s_t(j) = p(x_{1:t}, z_t = j)$"), found
