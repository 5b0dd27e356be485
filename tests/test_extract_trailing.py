"""What follows a display formula (issue 23): the text right after it that no other card holds is asked. A text that
finishes the formula's sentence ("— rank $k$ …", "and … when …") or is too short to stand alone ("k=1 → …") goes on
the formula card's back; a longer one, written in lower case under the formula as quick notes do, or led by a label
("Problem: …"), is a card of its own with the formula on its front. Worked examples, a legend's "where" and narration
stay off. Notes in the styles of an Obsidian vault, a Quarto blog and a MyST book; the CLI reads them as a scan
would."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

VAULT = r"""tags:: #rl

## Softmax policy
$$\pi(a) = \frac{e^{Q(a)/T}}{\sum_b e^{Q(b)/T}}$$
temperature T: small T picks the best action almost always, large T picks nearly at random. it tries poor actions less often than a uniform explorer.

## Multi-step targets
halfway between the two:
$$G^{(k)} = r_1 + \gamma r_2 + \dots + \gamma^k V(s_k)$$
k=1 → one-step TD, k=∞ → Monte Carlo.

## Counting
draw with repetition:
$$N = n^k$$
e.g. $n = 3$, $k = 2$ → 9 strings.
"""

BLOG = r"""---
title: "Low-rank kernels"
---

## Landmarks

Choose $k \ll n$ landmark inputs. The central object is the low-rank approximation

$$
K \approx K_{nk} K_{kk}^{-1} K_{kn}
$$

— rank $k$. Every method below then costs $O(nk^2)$ rather than $O(n^3)$.

## Improvement probability

The chance that a point beats the best value seen so far:

$$
P(x) = \Phi\left(\frac{y^* - \mu(x)}{\sigma(x)}\right)
$$

Problem: it only asks whether a point improves, not by how much, so it keeps sampling next to the best point for
tiny but almost certain gains.

## Information criterion

The criterion is written as

$$
C = k \ln n - 2 \ln L
$$

where

- $k$ is the number of parameters
- $n$ is the number of points
"""


def cards(tmp_path, notes: dict[str, str]) -> list[dict]:
    root = new_wiki(tmp_path, notes, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


EXPLORATION = NOTES.add({"Exploration.md": VAULT})


def test_a_lowercase_remark_under_a_formula_is_a_card_named_by_its_label(shared):
    found = shared.cards(EXPLORATION)
    front = next(c["front"] for c in found if c["front"].startswith("Exploration › Softmax policy › Temperature T\n\n"))
    assert "e^{Q(a)/T}" in front  # (the formula it speaks of, shown)
    back = next(c["back"] for c in found if c["front"] == front)
    assert back.startswith("temperature T: small T picks the best action")


EXPLORATION_2 = NOTES.add({"Exploration.md": VAULT})


def test_a_short_remark_goes_on_the_formula_card_and_a_worked_example_on_none(shared):
    found = shared.cards(EXPLORATION_2)
    formula = next(c for c in found if c["kind"] == "formula" and "G^{(k)}" in c["back"])
    assert formula["back"].endswith("k=1 → one-step TD, k=∞ → Monte Carlo.")
    assert not any("9 strings" in c["back"] or "9 strings" in c["front"] for c in found)


KERNELS = NOTES.add({"kernels.qmd": BLOG})


def test_the_end_of_the_formulas_sentence_goes_on_its_card_not_under_the_heading_alone(shared):
    found = shared.cards(KERNELS)
    formula = next(c for c in found if c["kind"] == "formula" and "K_{kk}^{-1}" in c["back"])
    assert formula["back"].endswith("— rank $k$. Every method below then costs $O(nk^2)$ rather than $O(n^3)$.")
    assert not any(c["back"].startswith("— rank") for c in found)  # (no card whose back starts mid-sentence)


KERNELS_2 = NOTES.add({"kernels.qmd": BLOG})


def test_a_labelled_paragraph_after_a_formula_is_a_card_and_a_legends_where_is_not(shared):
    found = shared.cards(KERNELS_2)
    problem = next(c for c in found if c["front"].startswith("Low-rank kernels › Improvement probability › Problem\n\n"))
    assert "\\Phi" in problem["front"] and problem["back"].startswith("Problem: it only asks whether a point improves")
    criterion = next(c for c in found if c["kind"] == "formula" and "k \\ln n" in c["back"])
    assert not criterion["back"].rstrip().endswith("where")


DETECTORS = r"""# Dense detectors

## Imbalance

**Weighted loss** (a made-up paper): with $p$ the probability given to the true class,

```math
L(p) = -(1 - p)^{k} \log p
```

- $(1 - p)^k$ shrinks the loss of examples the model already gets right; $k = 0$ gives back plain cross-entropy
- the authors found $k = 2$ to work best
- SwiftNet = a backbone + a feature pyramid + this loss → the first fast detector as accurate as slow ones
"""


DETECTORS_2 = NOTES.add({"detectors.md": DETECTORS})


def test_the_items_after_a_formula_are_asked_when_a_later_item_is_a_card_of_its_own(shared):
    found = shared.cards(DETECTORS_2)
    assert any(c["front"].endswith("› SwiftNet") for c in found)  # (the item that names its own subject)
    front = next(c["front"] for c in found if c["front"].startswith("Dense detectors › Imbalance › What it says\n\n"))
    assert "(1 - p)^{k}" in front
    back = next(c["back"] for c in found if c["front"] == front)
    assert "shrinks the loss of examples" in back and "$k = 2$ to work best" in back and "SwiftNet" not in back


SKIPS = r"""# Skip connections

## residual unit

Rather than fitting the target map $G(x)$ itself, fit what is left over, $R(x) = G(x) - x$:

```math
y = R(x) + x
```

- when the identity is best, the weights only need to shrink towards zero
- the shortcut costs no parameters and barely any compute

Gradient through the unit:

```math
\frac{\partial L}{\partial x} = \frac{\partial L}{\partial y}\left(1 + \frac{\partial R}{\partial x}\right)
```
"""


SKIPS_2 = NOTES.add({"skips.md": SKIPS})


def test_a_list_after_a_formula_is_asked_with_the_formula_not_under_the_bare_heading(shared):
    found = shared.cards(SKIPS_2)
    assert not any(c["front"] == "Skip connections › residual unit" for c in found)
    front = next(c["front"] for c in found if c["front"].startswith("Skip connections › residual unit › What it says"))
    assert "y = R(x) + x" in front
    for said in ("shrink towards zero", "barely any compute"):  # (each item a fact of its own: `formula_facts`)
        asked = next(c["front"] for c in found if said in c["back"])
        assert asked.startswith("Skip connections › residual unit › ") and "y = R(x) + x" in asked


BOOK = r"""# Codes

## Lengths

- **instantaneous code**: no codeword starts another, so a decoder never has to look ahead
- **length budget**: codeword lengths $l_i$ are possible for such a code exactly when $\sum_i 2^{-l_i} \le 1$
- the best achievable mean length $M$ is bounded by the entropy
  ```{math}
  :label: eq-mean-length
  H \le M < H + 1
  ```
- merging the two rarest symbols again and again reaches $M$
"""


CODES = NOTES.add({"codes.md": BOOK})


def test_a_formula_nested_in_a_list_item_beside_defined_terms_is_a_card(shared):
    found = shared.cards(CODES)
    assert any(c["front"].endswith("Define: instantaneous code") for c in found)  # (the terms' own cards, as before)
    formula = next(c for c in found if c["kind"] == "formula" and "H \\le M < H + 1" in c["back"])
    assert formula["front"].endswith("the best achievable mean length $M$ is bounded by the entropy")


SKIPS_NAMED = SKIPS.replace("- the shortcut costs no parameters and barely any compute\n",
                            "- the shortcut costs no parameters and barely any compute\n"
                            "- pre-activation: normalise and activate before each weight layer, not after\n")


SKIPS_3 = NOTES.add({"skips.md": SKIPS_NAMED})


def test_a_list_after_a_formula_keeps_its_items_own_cards_and_asks_the_rest_with_the_formula(shared):
    found = shared.cards(SKIPS_3)
    assert any(c["front"].endswith("› pre-activation") for c in found)
    front = next(c["front"] for c in found if c["front"].startswith("Skip connections › residual unit › What it says"))
    back = next(c["back"] for c in found if c["front"] == front)
    assert "shrink towards zero" in back and "pre-activation" not in back


GRADIENTS = r"""## Score function
applied to a whole trajectory:
$$\nabla_\theta \log p_\theta(\tau) = \sum_t \nabla_\theta \log \pi_\theta(a_t \mid s_t)$$
the environment dynamics $P(s' \mid s, a)$ don't depend on θ, so they drop out of the gradient and no model is needed.
"""


POLICY_GRADIENTS = NOTES.add({"Policy gradients.md": GRADIENTS})


def test_a_remark_whose_plural_subject_reads_like_a_verb_is_not_named_by_half_its_subject(shared):
    found = shared.cards(POLICY_GRADIENTS)
    fronts = [c["front"].split("\n\n")[0] for c in found if "drop out of the gradient" in c["back"]]
    assert fronts == ["Policy gradients › Score function › What it says"]  # (not "› The environment")


GRAPHS = r"""# Graphs

## Writing a graph down

The usual shorthand

$$G = (V, E)$$

is read as a graph whose vertices form the set $V$ and whose edges form the set $E$ of pairs of vertices.
"""


GRAPHS_2 = NOTES.add({"graphs.md": GRAPHS})


def test_a_predicate_whose_subject_is_the_formula_goes_on_its_card(shared):
    found = shared.cards(GRAPHS_2)
    formula = next(c for c in found if c["kind"] == "formula" and "G = (V, E)" in c["back"])
    assert formula["back"].endswith("whose edges form the set $E$ of pairs of vertices.")
    assert not any(c["back"].startswith("is read as") for c in found)
