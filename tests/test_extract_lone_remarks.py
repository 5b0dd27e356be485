"""A heading-only front over one remark the heading does not ask for (issue 23): by its form, a warning gets the
front "… › caveat", advice "… › advice", an untitled tip callout "… › tip"; a remark that only announces the
sections after it, or only names the symbols the cards beside it use, is no card; the one item of a list left
under a heading is asked by what it opens on. Other remarks, and titled callouts, keep their fronts. Notes in the
styles of a MyST book, a Markdown repository, an Obsidian vault and a Quarto site, read by the CLI as a scan would."""

from __future__ import annotations

import pytest


from mlwiki.extract.draft import Draft
from mlwiki.extract.lone_remarks import lone_remark_cards, remark_role
from mlwiki.models import CardKind
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

MYST = """# Conditional entropy

## Conditional entropy

**Conditional entropy** $H(Y \\mid X)$ = the average, over $X$, of the entropy of $Y$ given each value of $X$:

$$H(Y \\mid X) = \\sum_x p(x) H(Y \\mid X = x)$$

Beware, $H(Y \\mid X)$ is one number and not a random variable, because the average over $X$ is already taken.

## Testing

Don't use dropout.
"""

MARKDOWN = """# Instrumental variables

## Two-stage least squares

1. regress the treatment on the instrument
2. regress the outcome on the fitted treatment; its coefficient is the estimate

⚠️ Don't fit the two stages by hand — the standard errors of the second stage come out wrong.

**Weak instruments**: when the first stage is weak the estimate is biased towards the plain regression.

## Weighting

Always clip the weights at a fixed quantile so that a few units cannot dominate the estimate.
"""

VAULT = """# Tree ensembles

Three ways to ask which inputs matter for a forest. They often disagree.

## Impurity decrease

Impurity decrease sums, for each input, how much the splits on it reduce the impurity, over all trees of the forest.

## Permutation importance

Permutation importance shuffles one input in held-out data and measures how much the error grows.
"""

LAYERS = """# Feed-forward networks

## Layers

For a network with:
- Input layer: $x = [x_1, \\dots, x_n]$
- Hidden layers: With activations $a^{(l)}$ and weights $W^{(l)}$, where $l$ numbers the layer.
- Output layer: $\\hat y = f(a^{(L)})$, where $L$ is the last layer and $f$ its activation.

## Evaluation

### Offline

- Ranking measures: precision at k, recall at k, mean average precision
"""

QUARTO = """---
title: "Noise schedules"
---

## Cosine schedule

The cosine schedule adds noise slowly at the start and the end of the forward process.

::: {.callout-warning}
## Zero terminal SNR
Many schedules never reach pure noise at the last step, so the model trains on inputs it never sees at sampling.
:::
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


CE = NOTES.add({
    "ce.md": MYST,
    "iv.md": MARKDOWN
})


def test_a_warning_under_a_bare_heading_is_asked_as_a_caveat(shared):
    cards = shared.backs_by_front(CE)
    assert cards["Conditional entropy › caveat"].startswith("Beware, $H(Y \\mid X)$ is one number")
    assert cards["Instrumental variables › Two-stage least squares › caveat"].startswith("⚠️ Don't fit")
    assert cards["Conditional entropy › Testing"] == "Don't use dropout."  # (a short answer to its heading)


IV = NOTES.add({"iv.md": MARKDOWN})


def test_advice_under_a_bare_heading_says_so(shared):
    cards = shared.backs_by_front(IV)
    assert cards["Instrumental variables › Weighting › advice"].startswith("Always clip the weights")
    assert "Instrumental variables › Weighting" not in cards


TREE_ENSEMBLES = NOTES.add({"Tree ensembles.md": VAULT})


def test_an_announcement_of_the_sections_after_it_is_no_card(shared):
    cards = shared.backs_by_front(TREE_ENSEMBLES)
    assert not any("Three ways" in back for back in cards.values())
    assert "Tree ensembles › Permutation importance" in cards


FFN = NOTES.add({"ffn.md": LAYERS})


def test_notation_is_no_card_and_a_lone_item_is_asked_by_what_it_opens_on(shared):
    cards = shared.backs_by_front(FFN)
    assert not any(back.startswith("With activations") for back in cards.values())
    assert cards["Feed-forward networks › Evaluation › Offline › Ranking measures"].startswith("- Ranking measures")


NOISE = NOTES.add({"noise.qmd": QUARTO})


def test_a_titled_warning_keeps_its_front(shared):
    cards = shared.backs_by_front(NOISE)
    assert not any(front.endswith("› caveat") for front in cards)


def test_roles_by_form():
    assert remark_role("Beware: the bound is loose for small samples and says nothing then.", "A › B") == "caveat"
    assert remark_role("Make sure the features are scaled before you fit the model.", "A › B") == "advice"
    assert remark_role("In this section we will look at two samplers.", "A › B") == ""
    assert remark_role("Two types of kernels are stationary and periodic.", "A › B") is None  # (a fact)
    assert remark_role("never invert directly: use a Cholesky factor instead of the inverse.",
                       "A › never invert directly") is None  # (its heading is its own opening words)
    assert remark_role("Here, we feed one word to the model and predict the words around it.", "A › B") is None
    assert remark_role("- always split the data before scaling, then scale with the training statistics",
                       "Leakage › Scaling first") == "advice"  # (a list's one item that advises)
    assert remark_role("- not a descent method! the loss can go up", "Nesterov") is None  # (a claim: no label)


def test_a_reworded_card_keeps_its_id():
    card = Draft(CardKind.BASIC, "Ridge › Scaling", "Always standardise the inputs first, or the penalty is unfair.",
                 3, form="section", id_front="section: Ridge › Scaling")
    [(drafts, path)] = lone_remark_cards([([card], "Ridge › Scaling")], [])
    assert drafts[0].front == "Ridge › Scaling › advice" and drafts[0].id_front == "section: Ridge › Scaling"
    plain = Draft(CardKind.BASIC, "Ridge › Scaling", "Always standardise the inputs first, or the penalty is unfair.", 3)
    assert lone_remark_cards([([plain], "Ridge › Scaling")], [])[0][0][0].id_front == "Ridge › Scaling"


TIP = """# Propensity scores

## Propensity score

**Propensity score**: $e(x) = P(T = 1 \\mid X = x)$.

**Rosenbaum and Rubin**: if the outcomes are independent of treatment given $X$, they are so given $e(X)$ too.

Uses:
- matching on the score
- weighting by its inverse

> [!TIP]
> Check the score's histograms for treated and control units before weighting; poor overlap shows at once.
"""


PS = NOTES.add({"ps.md": TIP})


def test_an_untitled_tip_callout_is_asked_as_a_tip(shared):
    cards = shared.backs_by_front(PS)
    assert cards["Propensity scores › Propensity score › tip"].startswith("Check the score's histograms")
