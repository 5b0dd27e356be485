"""Remarks on a formula (issue 23): the paragraph right after a display formula that says what it means, implies or
is made of is a card of its own, the formula on its front, titled by what it speaks of ("The max", "For a fixed
policy", its symbols). A paragraph with a subject of its own, the introduction of the next formula, or narration is
not. The notes are written in the style of a Quarto blog's derivations; the CLI reads them as a user's scan would."""

from __future__ import annotations

import pytest

import json

from conftest import backs_by_front, db_rows, new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\ndefinitions = false\nsections = true\n[review]\ntimezone = "UTC"\n'

POST = r"""---
title: "Bellman equations"
---

The state value of a policy is the expected discounted return from a state when the agent follows the policy from
then on, and the action value conditions on the first action as well.

Plugging the recursive return into the definition gives the expectation equation:

$$
V(s) = \sum_a \pi(a \mid s) \sum_{s'} P(s' \mid s, a)\big[R + \gamma V(s')\big]
$$ {#eq-exp}

For a fixed policy, @eq-exp is a linear system in the unknown values, so a small problem can be solved directly
with one matrix inverse.

The optimal values satisfy the optimality equation, where the average over actions becomes a max:

$$
Q(s,a) = \sum_{s'} P(s' \mid s, a)\big[R + \gamma \max_{a'} Q(s', a')\big]
$$

That max makes the equation nonlinear, so no matrix inverse solves it; value iteration applies it repeatedly
until the values stop changing.

Kernel density estimates smooth a sample into a density:

$$
\hat f(x) = \frac{1}{nh} \sum_i K\left(\frac{x - x_i}{h}\right)
$$

$K$ is the kernel, a symmetric density that integrates to one, and $h > 0$ is the bandwidth that sets how wide
each bump is.
"""


def wiki(tmp_path, notes: dict[str, str]):
    return new_wiki(tmp_path, notes, CONFIG)


def remark_cards(root) -> dict[str, str]:
    """{front: back} of the remark cards (the front's first line: its heading path and cue)."""
    cards = json.loads(run(root, "cards", "--json", ok=True).output)
    return {c["front"].split("\n\n")[0]: c["back"] for c in cards if c["front"].count("$$") == 2
            and c["back"] and not c["back"].startswith("$$")}


def test_the_paragraph_after_a_formula_is_a_card_with_the_formula_on_its_front(tmp_path):
    root = wiki(tmp_path, {"bellman.qmd": POST})
    cards = json.loads(run(root, "cards", "--json", ok=True).output)
    fronts = {c["front"]: c["back"] for c in cards}
    front = next(f for f in fronts if f.startswith("Bellman equations › The max\n\n$$"))
    assert "\\max_{a'} Q(s', a')" in front  # (the formula it speaks of, shown)
    assert fronts[front].startswith("That max makes the equation nonlinear")
    remarks = remark_cards(root)
    assert remarks["Bellman equations › For a fixed policy"].startswith("For a fixed policy,")
    assert "linear system" in remarks["Bellman equations › For a fixed policy"]
    assert remarks["Bellman equations › What its symbols mean"].startswith("$K$ is the kernel")
    # (each formula's own card is as it was: the formula on the back)
    assert sum(1 for back in fronts.values() if back and back.startswith("$$")) == 3


def test_remarks_are_counted_by_check_as_their_own_form(tmp_path):
    root = wiki(tmp_path, {"bellman.qmd": POST})
    report = json.loads(run(root, "check", "--json", ok=True).output)
    assert report["made"]["remark"] == 3


def test_a_paragraph_with_its_own_subject_or_introducing_a_formula_is_no_remark(tmp_path):
    note = r"""# Gradient descent

Gradient descent moves the parameters against the gradient of the loss, one small step at a time, until the
loss stops going down on the training data.

The update subtracts the scaled gradient:

$$
\theta_{t+1} = \theta_t - \eta \nabla L(\theta_t)
$$

Momentum keeps a running average of past gradients and steps along it, which damps the zig-zag across narrow
valleys of the loss surface.

This is often written with a velocity term instead:

$$
v_{t+1} = \beta v_t + \nabla L(\theta_t)
$$
"""
    root = wiki(tmp_path, {"gd.md": note})
    assert remark_cards(root) == {}
    backs = "\n".join(backs_by_front(root).values())
    assert "Momentum keeps a running average" in backs  # (its own card, as before: not tied to the formula)


def test_narration_and_short_asides_after_a_formula_are_no_remarks(tmp_path):
    note = r"""# Softmax

Softmax turns a vector of scores into a probability distribution over the classes, and it is what a classifier's
last layer applies before the loss.

It is defined as:

$$
\operatorname{softmax}(z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}
$$

This is neat.

Let's now implement this in NumPy and look at the output of our function on a few vectors of scores.
"""
    root = wiki(tmp_path, {"softmax.md": note})
    assert remark_cards(root) == {}


def test_the_line_above_a_remark_in_review_is_its_path_not_its_formula(tmp_path):
    """The review screen shows a card's heading above it: a remark's is its path (the note's headings, not its cue,
    "The max", which the card asks with the formula: session 49); the formula is the card's."""
    root = wiki(tmp_path, {"bellman.qmd": POST})
    run(root, "scan", ok=True)
    rows = db_rows(root, "SELECT heading, front FROM cards")
    assert any(front.startswith("Bellman equations › The max\n\n") and heading == "Bellman equations"
               for heading, front in rows), rows
    assert not any("$$" in heading or heading.endswith("The max") for heading, _ in rows)


def test_text_right_under_a_formula_in_the_same_paragraph_is_a_remark_too(tmp_path):
    """Obsidian notes write the remark on the line right under `$$…$$`, with no blank line between; a "So …" remark
    says what follows from the formula, and reads as one."""
    note = ("For classification with a one-hot label (true class $c$) cross-entropy collapses to the negative log "
            "probability of the correct class:\n"
            "$$ \\mathcal L = -\\log q_c $$\n"
            "So \"cross-entropy loss\" is the same thing as \"negative log-likelihood\" for categorical outputs.\n\n"
            "- $H(P,Q) \\ge H(P)$, and the gap is exactly the KL divergence.\n")
    root = wiki(tmp_path, {"Cross-entropy loss.md": note})
    remarks = remark_cards(root)
    assert remarks == {"Cross-entropy loss › What follows from it?":  # (a conclusion: session 51's said_kinds)
                       'So "cross-entropy loss" is the same thing as "negative log-likelihood" for categorical '
                       'outputs.'}
    formula = [back for back in backs_by_front(root).values() if back.startswith("$$\\mathcal L")]
    assert formula == ["$$\\mathcal L = -\\log q_c$$"]  # (not on the formula's back as well)


def test_a_closing_sentence_joins_the_opening_card_with_the_list_it_already_holds(tmp_path):
    note = r"""# Kernel density estimation

## Bandwidth is everything

The choice of kernel matters surprisingly little; the choice of the bandwidth matters a lot.

- $h$ too small → spiky, undersmoothed estimate (high variance).
- $h$ too large → everything blurs into one lump, real modes disappear (high bias).

**Silverman's rule of thumb** for a Gaussian kernel:

$$
h = 0.9\,\min(\hat\sigma, \text{IQR}/1.34)\, n^{-1/5}
$$

It is optimal when the data really are Gaussian and oversmooths multimodal data; cross-validation is the usual
alternative.

The $n^{-1/5}$ rate: the best bandwidth shrinks like the inverse fifth root of the sample size, slower than the
parametric rate.
"""
    cards = backs_by_front(wiki(tmp_path, {"kde.md": note}))
    section = cards["Kernel density estimation › Bandwidth is everything"]
    assert "too small → spiky" in section and "inverse fifth root" in section  # (the list stays with the closing)
    assert remark_cards(wiki(tmp_path / "again", {"kde.md": note})) == {
        "Kernel density estimation › Bandwidth is everything › What it says":
            "It is optimal when the data really are Gaussian and oversmooths multimodal data; cross-validation is the "
            "usual\nalternative."}


def test_a_remark_may_point_back_a_few_words_in(tmp_path):
    note = r"""# Principal component analysis

The first principal component is the unit vector that maximises the variance of the projection of the centred data:

$$
w_1 = \arg\max_{\lVert w\rVert=1} w^\top S w
$$

With a Lagrange multiplier this gives $Sw = \lambda w$: the first component is the top eigenvector of the covariance
matrix, and the variance along it is the top eigenvalue.
"""
    remarks = remark_cards(wiki(tmp_path, {"pca.md": note}))
    assert remarks["Principal component analysis › What it says"].startswith("With a Lagrange multiplier this gives")


def test_a_myst_reference_to_the_formula_makes_a_remark_and_a_generic_subject_keeps_its_own_card(tmp_path):
    """In a Jupyter Book, "Unlike {eq}`…`, this system is nonlinear" speaks of the formula above it; "The error
    shrinks …" after it stays a card of its own rather than joining the section's opening card."""
    note = r"""# Bellman equations

## Optimality

A policy is better than or equal to another if its value is at least as large in every state, and an optimal policy
is better than or equal to all others.

The optimality equation replaces the average over actions by a max:

$$
v_*(s) = \max_a \sum_{s'} p(s' \mid s, a)\big[r + \gamma v_*(s')\big]
$$

Unlike {eq}`eq-bellman-v`, this system is nonlinear because of the max, so there is no closed-form matrix
solution and value iteration applies the backup until it stops changing.

The error shrinks by at least a factor gamma per sweep, so reaching a small accuracy takes a number of sweeps that
grows like one over one minus gamma.
"""
    root = wiki(tmp_path, {"bellman.md": note})
    remarks = remark_cards(root)
    assert remarks["Bellman equations › Optimality › What it says"].startswith("Unlike")
    cards = backs_by_front(root)
    assert cards["Bellman equations › Optimality › The error shrinks …"].startswith("The error shrinks")
    assert "The error shrinks" not in cards["Bellman equations › Optimality"]


def test_a_remark_that_works_an_example_on_made_up_values_is_none(tmp_path):
    note = r"""# Speculative decoding

Each draft token is accepted with a probability that depends on how well the draft model matches the target:

$$
E[\text{tokens per step}] = \frac{1 - \alpha^{\gamma + 1}}{1 - \alpha}
$$

With $\alpha = 0.8$ and $\gamma = 4$, that is about 3.4 tokens per target forward pass, a large saving in latency.
"""
    assert remark_cards(wiki(tmp_path, {"spec.md": note})) == {}


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


SPEC = NOTES.add({
    "spec.md": (
        r"""# Speculative decoding

## Expected speed-up

Each draft token is accepted with a probability that depends on how well the draft model matches the target:

$$
E[\text{tokens per step}] = \frac{1 - \alpha^{\gamma + 1}}{1 - \alpha}
$$

With $\alpha = 0.8$, $\gamma = 4$ → about 3.4 tokens per big-model pass. The wall-clock gain is lower: the draft costs too.

> **Note:** the speed-up depends on how predictable the text is: boilerplate code is accepted far more often.
""")
})


def test_values_set_apart_by_a_comma_are_a_worked_example_on_no_card(shared):
    """"With $\\alpha = 0.8$, $\\gamma = 4$ → about 3.4 tokens": neither a remark nor the section's closing card; the
    note after it is a card of its own."""
    cards = shared.backs_by_front(SPEC)
    assert not any("3.4 tokens" in back or "3.4 tokens" in front for front, back in cards.items()), cards
    assert any("boilerplate code" in back for back in cards.values()), cards


def test_one_setting_of_the_method_is_no_made_up_example(tmp_path):
    note = r"""# DDPM

## Sampling

Start from pure noise and apply the learned reverse step from the last noise level down to the first:

$$
x_{t-1} = \frac{1}{\sqrt{\alpha_t}}\Big(x_t - \frac{\beta_t}{\sqrt{1-\bar\alpha_t}}\,\epsilon_\theta(x_t,t)\Big) + \sigma_t z
$$

with $z = 0$ on the last step. With $T = 1000$ this means 1000 network evaluations per image, which is the big
practical downside of DDPM; faster samplers reuse the same network with fewer steps.
"""
    remarks = remark_cards(wiki(tmp_path, {"ddpm.md": note}))
    assert remarks["DDPM › Sampling › What it says"].startswith("With $T = 1000$ this means 1000 network evaluations")


EXPONENTIALLY_WEIGHTED_MOVING_AVERAGES = NOTES.add({
    "Exponentially Weighted Moving Averages.md": (
        "#statistics\n\n$$v_0 = 0$$\n$$v_t = \\beta v_{t-1} + (1-\\beta) a_t$$\n"
        "$v_t$ can be viewed as approximately the average over $\\frac{1}{1-\\beta}$ time steps of the value.\n")
})


def test_a_remark_after_two_formulas_under_one_front_shows_both(shared):
    cards = shared.cards(EXPONENTIALLY_WEIGHTED_MOVING_AVERAGES)
    (remark,) = [c["front"] for c in cards if c["back"].startswith("$v_t$ can be viewed")]
    assert "$$v_0 = 0$$" in remark and "\\beta v_{t-1}" in remark  # (the recurrence the remark speaks of, too)
