"""Formulas written as items of their own (session 61, from held36's Workflowy reports). An outliner writes a formula
as a bullet under the topic it belongs to, its symbols explained by the bullets under it: held36's Kneser–Ney
continuation probability and scaled dot-product attention were on no card (the item was read as a label, its
formula shown as "…" or cut at the ": " of a set-builder `\\{v : …\\}`), and in a Markdown list two formulas under
two differently named bullets went onto one card asked by neither name. Notes of my own, scanned through the CLI."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run
from mlwiki.extract.outline import FORMULA_LABEL, item_label, outline_items

# A Workflowy/Dynalist export: the whole note one outline, five bullets deep.
OUTLINE = r"""- Regularisation
  "from the deep learning course, week 4"
  - Weight decay
    - small weights keep the learned function smooth, which is why it generalises better
    - kind 1: **the L2 penalty**
      - $$\tilde J(w) = J(w) + \frac{\lambda}{2} \lVert w \rVert_2^2$$
        - λ sets the penalty's strength
        - the gradient gains a term λw that shrinks every weight towards zero
      - with plain SGD it equals multiplying the weights by (1 − ηλ) at every step
    - kind 2: **decoupled weight decay (AdamW)**
      - $$w_{t+1} = w_t - \eta \left( \frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon} + \lambda w_t \right)$$
      - the decay is not divided by Adam's per-parameter scale, so every weight decays at the same rate
  - Sparsity
    - a sparse model is cheaper to store and easier to read
    - measure: **support size**
      - $$s(w) = |\{i : w_i \neq 0\}|$$
        - the number of weights that are not exactly zero
        - L0 "norm": counting them is not convex, so L1 stands in for it
    - L1 penalty drives weights to exactly zero, unlike L2 which only shrinks them
"""

# An ordinary Markdown list: two variants, each bullet naming the formula nested under it.
VARIANTS = r"""# Normalisation

## Where the norm goes

- Post-norm
  - $$x_{l+1} = \mathrm{LN}\big(x_l + F(x_l)\big)$$
- Pre-norm
  - $$x_{l+1} = x_l + F\big(\mathrm{LN}(x_l)\big)$$
"""


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    config = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
    root = new_wiki(tmp_path_factory.mktemp("lead61"), {"regularisation.md": OUTLINE, "norms.md": VARIANTS}, config)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _formula_card(cards: list[dict], piece: str) -> dict:
    found = [card for card in cards if card["kind"] == "formula" and piece in card["back"]]
    assert len(found) == 1, [(card["kind"], card["front"], card["back"][:80]) for card in cards]
    return found[0]


def test_formula_items_under_two_labelled_bullets_of_an_outline_are_two_cards_each_asked_by_its_bullet(cards):
    l2 = _formula_card(cards, r"\tilde J(w) = J(w)")
    adamw = _formula_card(cards, r"\frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon}")
    assert "the L2 penalty" in l2["front"] and "decoupled weight decay (AdamW)" in adamw["front"], (l2, adamw)
    assert "**" not in l2["front"], l2  # (the bullet's bold marks no words of the front)


# The same kind of outline read as one list (a branch whose bullets are sentences and formulas, as held36's
# Kneser–Ney branch was, too long for one card): the formula items are its cards, through the pure `outline_items`.
BRANCH = [r"- Sparsity", r"  - a sparse model is cheaper to store and easier to read",
          r"  - $$s(w) = |\{i : w_i \neq 0\}|$$", r"    - the number of weights that are not exactly zero",
          r"    - counting them is not convex, so the L1 norm stands in for it",
          r"      - I mixed this up with the L1 ball in the exam, twice", r"  - $$\Omega(w) = \sum_i |w_i|$$",
          r"  - L1 drives weights to exactly zero, unlike L2 which only shrinks them",
          r"  - the lasso path shows weights leaving zero one at a time as the penalty is lowered",
          r"  - with correlated features the lasso keeps one of them and drops the rest, which is unstable",
          r"  - the elastic net mixes both penalties and keeps groups of correlated features together"]


def test_a_formula_item_of_a_branch_is_asked_by_the_labels_above_it_its_legend_on_the_back():
    found = {line: (labels, back) for labels, back, line in outline_items(list(enumerate(BRANCH)))}
    labels, back = found[2]
    assert labels == ["Sparsity", FORMULA_LABEL], found
    assert back.startswith(r"$$s(w) = |\{i : w_i \neq 0\}|$$") and "not exactly zero" in back, back
    assert "exam" not in back, back  # (what is nested deeper is no legend of it)
    assert found[6] == (["Sparsity", FORMULA_LABEL], r"$$\Omega(w) = \sum_i |w_i|$$"), found


def test_a_colon_inside_a_formula_item_does_not_make_its_left_part_a_label():
    assert item_label(r"  - $$P(w) = \frac{|\{v : C(v\,w) > 0\}|}{N}$$") == (None, "")


def test_two_formulas_under_two_named_bullets_are_two_cards_each_asked_by_its_bullet(cards):
    post = _formula_card(cards, r"\mathrm{LN}\big(x_l + F(x_l)\big)")
    pre = _formula_card(cards, r"F\big(\mathrm{LN}(x_l)\big)")
    assert "Post-norm" in post["front"] and "Pre-norm" in pre["front"], (post, pre)
