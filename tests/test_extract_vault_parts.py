"""How an Obsidian vault titled by file names lays out a note's parts (issue 23, quality and recall): `**Pros**` and
`**Cons**` lines with their lists written without blank lines are parts of their own; a "pros | cons" table is
one card, not a card per row of pros; a map of content makes no cards; a parenthesis between a bold term and its
colon is part of the term; a formula's sentence going on after it does not hide the paragraph after that; a
definition that is a formula is one even when its words reuse the term. Notes written into tmp_path, read through
the CLI."""

from __future__ import annotations

import json

from conftest import new_wiki, run

BOOTSTRAP = """## Pros / cons
**Pros**
- works for ugly statistics (ratios, medians, AUC)
- no algebra, trivially parallel
**Cons**
- fails for the max and other non-smooth statistics
- rows must be exchangeable

## Intervals
**Percentile interval**: the quantiles of the resampled statistics, simple but off when it is biased.
**BCa** (bias-corrected and accelerated): adjusts the percentiles for bias and for skewness.
"""

ROC = """# ROC and AUC

## Pros / cons
| pros | cons |
|---|---|
| threshold-free | ignores calibration |
| prevalence-invariant | summarizes regions you never operate in |
"""

GP = """A **Gaussian process** is a distribution over functions whose finite marginals are jointly Gaussian.
$$f \\sim \\mathcal{GP}(m, k)$$
means for any inputs the function values are jointly normal with covariance $K_{ij} = k(x_i, x_j)$.

Fully specified by the **mean function** $m$ and the **covariance function** $k$, usually with a zero mean.

## Kernels
**Linear**: $x^\\top x'$ — recovers Bayesian linear regression.

## Hyperparameters
Choose the lengthscale and the noise by maximising the log marginal likelihood:
$$\\log p(y) = -\\tfrac12 y^\\top K^{-1} y - \\tfrac12 \\log|K| - \\tfrac n2 \\log 2\\pi$$
First term = data fit, second = complexity penalty (an automatic Occam's razor).
"""

DBSCAN = """# DBSCAN

Density-based clustering that labels the points in sparse regions as noise.

## Algorithm
1. For each unvisited point: find its neighbours within the radius.
2. If fewer than minPts, mark it noise (for now; a cluster may later claim it as a border point).
3. Else start a cluster and expand it through every neighbour that is itself a core point.
"""

TESTS = """# Multiple testing

## Benjamini–Hochberg
Sort the p-values. Find the largest $k$ with
$$p_{(k)} \\le \\frac{k}{m}\\,q$$
and reject the first $k$ hypotheses. Controls the FDR at level $q$ under independence; for arbitrary dependence use Benjamini–Yekutieli.

Note it is a step-up procedure: even if the first p-value fails its threshold, you can still reject it.
"""

DISTILLATION = """#### Formula: distillation loss
$$L = (1-\\lambda)\\,CE(y, p_s) + \\lambda T^2\\, KL(p_t \\| p_s)$$

- first term: the ordinary supervised loss on the hard labels
- second: match the softened distribution of the teacher
- $T^2$: the soft term's gradients scale as $1/T^2$, so it keeps the two balanced when you change $T$
"""

MOC = """# Machine Learning — Map of Content

Entry point. Add every new concept note here.

## Deep learning
- Sequence models
  - [[GRU]]
  - [[LSTM]] (todo)
"""

CONFIG = 'notes = "notes"\ndecks = "decks"\ndefinitions = true\n'


def test_a_vaults_parts_tables_and_maps(tmp_path):
    root = new_wiki(tmp_path, {"stats/Bootstrap.md": BOOTSTRAP, "stats/ROC and AUC.md": ROC,
                               "models/Gaussian process.md": GP, "MOC - Machine Learning.md": MOC,
                               "ML/DBSCAN.md": DBSCAN, "Stats/Multiple testing.md": TESTS,
                               "Deep learning/Knowledge distillation.md": DISTILLATION}, config=CONFIG)
    cards = json.loads(run(root, "cards", "--json", ok=True).output)
    found = {c["front"]: c["back"] for c in cards}
    assert found["Bootstrap › Pros / cons › Pros\n\nWhat are the pros of Bootstrap?"] == ("- works for ugly statistics (ratios, medians, AUC)\n"
                                                      "- no algebra, trivially parallel")
    assert found["Bootstrap › Pros / cons › Cons\n\nWhat are the cons of Bootstrap?"].startswith("- fails for the max")
    assert found["Bootstrap › Intervals\n\nDefine: BCa (bias-corrected and accelerated)"] == \
        "adjusts the percentiles for bias and for skewness."
    assert found["ROC and AUC › Pros / cons"].startswith("| pros | cons |\n|---|---|\n| threshold-free |")
    assert not any(front.startswith("ROC and AUC › Pros / cons › ") for front in found)
    assert found["Gaussian process"].startswith("Fully specified by the **mean function**")
    assert found["Gaussian process › Kernels\n\nDefine: Linear"].startswith("$x^\\top x'$")
    assert not [c for c in cards if c["source"]["path"].startswith("MOC")]
    # the formula's sentence going on ("and reject …") is left out, the sentences after it are a card; an aside to
    # the reader after them is left out, not the whole card with it; asked once (the card "… › What it says" under
    # the section's heading has them: the section's own card would repeat it)
    assert [front for front, back in found.items() if back == ("Controls the FDR at level $q$ under independence; "
                                                               "for arbitrary dependence use Benjamini–Yekutieli.")] \
        == ["Multiple testing › Benjamini–Hochberg › What does Benjamini–Hochberg do?\n\n$$p_{(k)} \\le \\frac{k}{m}\\,q$$"]
    # under "Formula: …" the formula card has the section's front: what explains the formula goes on its card
    assert found["Knowledge distillation › Formula: distillation loss"].endswith(
        "$$\n\n- first term: the ordinary supervised loss on the hard labels\n- second: match the softened "
        "distribution of the teacher\n- $T^2$: the soft term's gradients scale as $1/T^2$, so it keeps the two "
        "balanced when you change $T$")
    # "(for now; …)" inside a step is no tutorial's "For now, let's …"
    assert found["DBSCAN › Algorithm"].startswith("1. For each unvisited point")
    # a short text that speaks of the formula's terms explains it on the formula's own card
    assert "Gaussian process › Hyperparameters" not in found
    assert next(back for back in found.values() if back.startswith("$$\\log p(y)")).endswith(
        "$$\n\nFirst term = data fit, second = complexity penalty (an automatic Occam's razor).")


def test_the_explaining_items_after_a_lists_formulas_are_a_card_without_the_one_that_works_numbers(tmp_path):
    note = """---
title: "2026-11-17"
---

## Comparing two groups

* **Welch's t-test** should be the default two-sample t-test. Statistic:
  $$t = \\\\frac{\\\\bar x_1 - \\\\bar x_2}{\\\\sqrt{s_1^2/n_1 + s_2^2/n_2}}$$
  `scipy.stats.ttest_ind(a, b, equal_var=False)`.
* **Paired t-test** = one-sample t-test on the differences, for units measured twice.
* Sample size per arm, roughly: for $p=0.1$ and $\\\\delta=0.01$, $(1.96+0.84)^2 \\\\cdot 0.18 / 10^{-4} \\\\approx 14100$.
* Peeking at an A/B test daily and stopping when p<0.05 inflates false positives massively.
"""
    found = {c["front"]: c["back"] for c in
             json.loads(run(new_wiki(tmp_path, {"daily/2026-11-17.qmd": note}), "cards", "--json", ok=True).output)}
    kept = sorted(back for front, back in found.items()
                  if front.split("\n\n", 1)[0] == "Comparing two groups" and "[...]" in front)
    assert kept == ["**Paired t-test** = one-sample t-test on the differences, for units measured twice.",
                    "Peeking at an A/B test daily and stopping when p<0.05 inflates false positives massively."], found
    # (a card per fact left of the list, the other on its front: session 47)


def test_an_explanation_that_says_as_follows_or_look_at_is_no_tutorial_narration(tmp_path):
    note = """## Model target
RankNet models the target probability of any two documents of one query, defined as follows from their scores:
- $P_{ij} = 1$ if $s_i > s_j$
- $P_{ij} = 0.5$ if $s_i = s_j$

## Multi-headed attention
With multi-headed attention, we can look at the sentence several times, each time with emphasis on other places.
- each head has its own query, key and value matrices
- the heads' outputs are concatenated
"""
    found = {c["front"]: c["back"] for c in
             json.loads(run(new_wiki(tmp_path, {"RankNet.md": note}), "cards", "--json", ok=True).output)}
    assert found["RankNet › Model target"].startswith("RankNet models the target probability")
    assert found["RankNet › Multi-headed attention"].startswith("With multi-headed attention")
