"""Recall of ordinary notes (issue 23): the facts a careful learner cards that no question, heading or bold label
points at: nested bullets under a term, a branch of an outline beside its defined terms, a list or paragraph after
a formula that speaks of it by name, a recipe's numbered steps, a summary table, the paragraph that closes a section
after its list, a day's note's linked bullets. Each test writes its own note in the style of the vaults people keep
(Obsidian file-name titles, Quarto posts, Jupyter Book chapters) into tmp_path and reads what `mlwiki cards` makes."""

from __future__ import annotations

import pytest

from conftest import DEFAULT_CONFIG
from shared_notes import Scanned, SharedNotes

DEFINITIONS = "definitions = true\n" + DEFAULT_CONFIG


NOTES = SharedNotes(DEFINITIONS)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


NEGATIVES = NOTES.add({
    "Negatives.md": (
        """Ways to pick the negatives when only positives are logged.

- Strategies
  - **uniform**: cheap, but the negatives are far too easy to tell apart
  - **shared-batch negatives**: the other positives of the same batch serve as negatives, for free
    - but frequent items show up in many batches, so they are pushed down too hard
    - fix: subtract the log of each item's sampling probability from its score
""")
})


def test_the_bullets_nested_under_a_defined_term_are_on_its_card(shared):
    found = shared.backs_by_front(NEGATIVES)
    back = found["Negatives\n\nDefine: shared-batch negatives"]
    assert back.startswith("the other positives of the same batch")
    assert "- but frequent items show up in many batches" in back and "- fix: subtract the log" in back
    assert found["Negatives\n\nDefine: uniform"] == "cheap, but the negatives are far too easy to tell apart"


IMPLICIT_SIGNALS = NOTES.add({
    "Implicit signals.md": (
        """Feedback nobody states outright: clicks, plays, dwell time.

- What such signals are like
  - **no negatives**: a skipped item may simply never have been seen
  - the counts measure how sure we are, not how much the item is liked
  - noisy: accidental clicks, autoplay, a shared account
""")
})


def test_a_branch_whose_terms_are_defined_still_cards_its_plain_facts(shared):
    found = shared.backs_by_front(IMPLICIT_SIGNALS)
    back = found["Implicit signals › What such signals are like"]
    assert "- the counts measure how sure we are" in back and "- noisy: accidental clicks" in back
    # ("no negatives" is a property the signals have, no term: asked under the path, not "Define: no negatives")
    assert found["Implicit signals › no negatives"].startswith("a skipped item may simply")


ERRORS = NOTES.add({
    "errors.md": (
        """# Forecast errors

## Metrics

With errors $e_t$ over $n$ test points:

$$
\\text{MAE} = \\frac1n \\sum |e_t|, \\qquad \\text{RMSE} = \\sqrt{\\frac1n \\sum e_t^2}
$$

- MAE is minimised by the median forecast, RMSE by the mean forecast.
- Both depend on the scale of the series, so they cannot be averaged across series.

The scaled error divides by the in-sample error of the naive forecast:

$$
\\text{MASE} = \\frac{\\text{MAE}}{\\text{MAE}_{\\text{naive}}}
$$

MASE below 1 means better than the naive forecast on the training data, above 1 worse; it is free of scale.
""")
})


def test_a_list_after_a_formula_that_opens_on_a_name_it_defines_is_a_remark_on_it(shared):
    found = shared.backs_by_front(ERRORS)
    lists = [back for front, back in found.items() if front.startswith("Forecast errors › Metrics › ")
             and "RMSE" in front]  # (each item a fact of its own, asked under the formula: `formula_facts`)
    assert any(back.startswith("MAE is minimised by the median forecast") for back in lists)
    assert any(back.startswith("Both depend on the scale") for back in lists)
    mase = [back for front, back in found.items() if front.startswith("Forecast errors › Metrics › What does the formula for MASE say?")
            and "MASE" in front]
    assert mase == ["MASE below 1 means better than the naive forecast on the training data, above 1 worse; it is "
                    "free of scale."]


LATENT_FACTORS = NOTES.add({
    "Latent factors.md": (
        """Latent factors for users and items; the score is their dot product plus offsets.

$$\\hat r_{ui} = \\mu + b_u + b_i + p_u^\\top q_i$$

- $\\mu$ = overall mean rating, $b_u$ / $b_i$ = user and item offsets
  - the offsets absorb generous raters and popular items, so the factors model only the interaction
- Objective over the observed pairs only:

$$\\min \\sum (r_{ui} - \\hat r_{ui})^2 + \\lambda \\|p\\|^2$$
""")
})


def test_a_legend_with_its_reasons_nested_under_it_is_a_remark_on_the_formula(shared):
    found = shared.backs_by_front(LATENT_FACTORS)
    back = found["Latent factors › What its symbols mean\n\n$$\\hat r_{ui} = \\mu + b_u + b_i + p_u^\\top q_i$$"]
    assert back.startswith("- $\\mu$ = overall mean rating") and "the offsets absorb generous raters" in back
    assert "Objective" not in back


QUALITY = NOTES.add({
    "posts/quality.qmd": (
        """---
title: "Measuring sample quality"
---

## The recipe

1. Embed real and generated images with a pretrained classifier's last pooling layer.
2. Fit a Gaussian to each set of embeddings, its mean and its covariance.
3. Compute the Fréchet distance between the two Gaussians:

$$d^2 = \\|\\mu_r - \\mu_g\\|^2 + \\operatorname{tr}(\\Sigma_r + \\Sigma_g - 2(\\Sigma_r\\Sigma_g)^{1/2})$$

Lower is better; identical statistics give zero.
""")
})


def test_a_numbered_recipe_a_section_sets_down_alone_is_one_card_of_its_steps(shared):
    found = shared.backs_by_front(QUALITY)
    assert found["Measuring sample quality › The recipe › steps"] == (
        "1. Embed real and generated images with a pretrained classifier's last pooling layer.\n"
        "2. Fit a Gaussian to each set of embeddings, its mean and its covariance.\n"
        "3. Compute the Fréchet distance between the two Gaussians")


ORDER = NOTES.add({
    "order.md": (
        """# Order selection

## Choosing the order

1. Make the series stationary first, by differencing.
2. Look at the autocorrelations for a starting guess.
3. Compare candidates by their information criterion:

$$\\text{AIC} = -2 \\log L + 2k$$

4. Check that the residuals look like white noise.

## Bootstrapping

To estimate a standard error we do:

1. Draw n points with replacement from the data.
2. Compute the statistic on that resample.
3. Repeat many times and take the spread of the results.
""")
})


def test_steps_a_sentence_introduces_or_a_formula_breaks_are_no_steps_card(shared):
    found = shared.backs_by_front(ORDER)
    # (a formula that step 3 leads into does not end the list: one card holds all four steps in order, session 57;
    # the list a sentence introduces is that sentence's card)
    assert [front for front in found if front.endswith("› steps")] == ["Order selection › Choosing the order › steps"]
    back = found["Order selection › Choosing the order › steps"]
    assert back.startswith("1. Make the series stationary") and "4. Check that the residuals" in back, back


SCHEDULES = NOTES.add({
    "schedules.md": (
        """# Noise schedules

## Summary table

| Schedule | Defined via | Behaviour |
|---|---|---|
| Linear | $\\beta_t$ rising linearly | signal collapses early, many wasted steps |
| Cosine | $\\bar\\alpha_t$ through a squared cosine | gentler, better at low resolution |
""")
})


def test_a_summary_table_section_cards_each_row(shared):
    found = shared.backs_by_front(SCHEDULES)
    assert found["Noise schedules › Summary table › Linear: Defined via, Behaviour?"] == (
        "- Defined via: $\\beta_t$ rising linearly\n- Behaviour: signal collapses early, many wasted steps")
    assert "Noise schedules › Summary table › Cosine: Defined via, Behaviour?" in found


COLD_START = NOTES.add({
    "Cold start.md": (
        """The trouble: a model that learns one vector per id has no vector for an id it never saw.

Three flavours:
- a new user
- a new item
- a new system with no data at all

- Fixes for new items
  - content features (text, image embeddings, category, price) mapped into the same space as the ids
  - a two-tower model whose item tower reads features handles them with no id at all
  - a guaranteed share of impressions for every new item, as a bandit explores
- Fixes for new users
  - a short questionnaire on the first visit ("pick three genres")
  - the most popular or trending items as a fallback
  - the context of the visit: country, device, time of day, referrer
  - fold in a user vector after a handful of clicks, one small regression and no retraining

new item cold start is usually worse in practice than new user, since catalogues turn over daily.
""")
})


def test_the_paragraph_that_closes_a_section_after_its_list_is_a_card_of_its_topic(shared):
    found = shared.backs_by_front(COLD_START)
    assert next(v for f, v in found.items() if f.split("\n\n")[0] == "Cold start › New item cold start").startswith("new item cold start is usually worse")
    assert found["Cold start"].startswith("The trouble:")


TENSORS = NOTES.add({
    "tensors.md": (
        """# Tensors

## Creating them

Tensors hold the numbers a network computes with, in any number of dimensions.

- zeros and ones of a given shape
- random values of a given shape

As we saw above, you can pick whatever shape you want for these.
""")
})


def test_a_paragraph_after_a_list_that_speaks_to_the_reader_is_no_card_of_its_own(shared):
    found = shared.backs_by_front(TENSORS)
    assert not [front for front in found if front.startswith("Tensors › Creating them ›")]


DECODING = NOTES.add({
    "decoding.md": (
        """# Decoding

## Deterministic methods

**Beam search:** keep the k best partial sequences by total log-probability, expand each, keep the k best again.
Good for translation, where outputs are short. Two known issues:

1. It favours short outputs, since every extra token adds a negative log-probability.
2. On open-ended text it gives bland, repetitive output.
""")
})


def test_a_definition_whose_last_sentence_introduces_a_list_is_two_cards(shared):
    found = shared.backs_by_front(DECODING)
    assert found["Decoding › Deterministic methods\n\nDefine: Beam search"].endswith("where outputs are short.")
    listed = found["Decoding › Deterministic methods\n\nBeam search: Good for translation, where outputs are short. "
                   "Two known issues:"]
    assert listed.startswith("1. It favours short outputs")


N2026_11_27 = NOTES.add({
    "daily/2026-11-27.md": (
        """slow day, tired.

- [[NDCG]] finally clicked
  - dividing by the ideal DCG is what makes users comparable
  - the log discount: position 1 vs 2 matters a lot, position 20 vs 21 barely
- [[Cold start]]: new items are worse than new users in marketplaces

tomorrow: the pairwise ranking paper.
""")
})


def test_a_day_note_cards_the_bullets_it_links_to_a_note(shared):
    found = shared.backs_by_front(N2026_11_27)
    assert found["NDCG (day note 2026-11-27)"].startswith("- dividing by the ideal DCG")
    assert found["Cold start (day note 2026-11-27)"] == "new items are worse than new users in marketplaces"


GUIDANCE = NOTES.add({
    "guidance.md": (
        """# Guidance

## Without a classifier

How do you get both predictions from one network? **Condition dropout**: while training, replace the condition
with a null token some of the time, so the same network learns both models.
""")
})


def test_a_question_with_anyones_you_and_its_bold_answer_is_a_card(shared):
    found = shared.backs_by_front(GUIDANCE)
    assert found["Guidance › Without a classifier\n\nHow do you get both predictions from one network?"].startswith(
        "**Condition dropout**: while training")


OFFLINE_EVALUATION = NOTES.add({
    "Offline evaluation.md": (
        """#todo

- leave-one-out = the last item of each user as the test item

TODO
- read the paper on sampled metrics properly
- coverage, diversity and novelty beyond accuracy
""")
})


def test_a_todo_list_under_a_bare_label_is_no_card(shared):
    found = shared.backs_by_front(OFFLINE_EVALUATION)
    assert not any("sampled metrics" in back for back in found.values())


N2026_11_23 = NOTES.add({
    "daily/2026-11-23.md": (
        """Spent an hour on the paper instead of the thing I was meant to do.

- Learned
  - [[Latent factors]]
    - a model with only the offsets beat plain nearest neighbours on the benchmark
  - temporal drift: item offsets change over time, so they are fitted per time bin
- Questions
  - how do they pick how many there are?
""")
})


def test_a_day_note_cards_the_labelled_facts_under_what_it_learnt(shared):
    found = shared.backs_by_front(N2026_11_23)
    assert found["Temporal drift (day note 2026-11-23)"] == (
        "item offsets change over time, so they are fitted per time bin")
    assert found["Latent factors (day note 2026-11-23)"].startswith("- a model with only the offsets")


SCALING = NOTES.add({
    "scaling.md": (
        """# Scaling laws

## Compute-optimal models

Redid the fits with schedules matched to each run length, and fitted

$$
L(N, D) = E + \\frac{A}{N^{\\alpha}} + \\frac{B}{D^{\\beta}}
$$

where $E$ is the irreducible loss of natural text and the other two terms are the penalties for a finite model
and finite data.
""")
})


def test_the_legend_after_a_formula_is_a_card_with_the_formula_on_its_front(shared):
    found = shared.backs_by_front(SCALING)
    front = ("Scaling laws › Compute-optimal models › What its symbols mean\n\n"
             "$$L(N, D) = E + \\frac{A}{N^{\\alpha}} + \\frac{B}{D^{\\beta}}$$")
    assert found[front].startswith("where $E$ is the irreducible loss of natural text")


DECODING_2 = NOTES.add({
    "decoding.md": (
        """# Decoding

## Setup

The next-token distribution is

$$
p_i = \\frac{\\exp(z_i / T)}{\\sum_j \\exp(z_j / T)}
$$

where $T$ is the **temperature**.

- $T \\to 0$: approaches the argmax, greedy decoding
- $T > 1$: a flatter distribution, more random choices
- temperature never changes the ranking of tokens, only how peaked the distribution is
""")
})


def test_a_legend_and_the_cases_listed_under_it_are_one_card(shared):
    found = shared.backs_by_front(DECODING_2)
    back = found["Decoding › Setup › What its symbols mean\n\n$$p_i = \\frac{\\exp(z_i / T)}{\\sum_j \\exp(z_j / T)}$$"]
    assert back.startswith("where $T$ is the **temperature**.") and "only how peaked the distribution is" in back
