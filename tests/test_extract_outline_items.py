"""Recall of the facts an outline holds item by item (issue 23, point 8): a branch too big for one card, the bullets
beside the carded branches, a day's note made of bullets nested under the topic it names, and a bullet that says
what a named thing equals. The notes are written here in the styles of an Obsidian vault titled by file names and of
its daily notes; the CLI reads them as a user's scan would."""

from __future__ import annotations

import pytest

from conftest import DEFAULT_CONFIG, backs_by_front
from shared_notes import Scanned, SharedNotes

cards = backs_by_front  # {front: back} of the wiki's cards
DEFINITIONS = "definitions = true\n" + DEFAULT_CONFIG

RESAMPLING = """---
tags: [stats]
---
- idea: we cannot draw new samples from the population, so we draw them from the sample itself
    - draw n rows with replacement from the n rows, recompute the statistic, repeat a thousand times
    - the spread of those values stands in for the sampling distribution
- where it breaks
    - statistics of extremes such as the maximum, which a resample can never exceed
    - dependent rows such as a time series, which need blocks resampled whole
    - very small samples, whose few distinct values make every resample look alike
- intervals
    - percentile interval: the 2.5th and 97.5th percentiles of the resampled statistics for a 95% interval
    - the bias-corrected and accelerated interval covers better and takes more work to compute
- jackknife std error = spread of the leave-one-out estimates, scaled by (n - 1)
- ML use: an interval on a test metric by resampling the rows of the test set, as bagging does for models
- [[Permutation tests]]
"""


NOTES = SharedNotes(DEFAULT_CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


RESAMPLING_2 = NOTES.add({"Resampling.md": RESAMPLING})


def test_a_bullet_beside_the_carded_branches_is_a_card_of_its_own(shared):
    found = shared.backs_by_front(RESAMPLING_2)
    assert "Resampling › where it breaks" in found
    assert found["Resampling › ML use"] == (
        "an interval on a test metric by resampling the rows of the test set, as bagging does for models")
    assert found["Resampling › jackknife std error"] == (
        "jackknife std error = spread of the leave-one-out estimates, scaled by (n - 1)")


RESAMPLING_3 = NOTES.add({"Resampling.md": RESAMPLING})


def test_a_label_explained_with_a_general_we_is_a_card(shared):
    found = shared.backs_by_front(RESAMPLING_3)
    assert found["Resampling › idea\n\nWhat is the key idea of Resampling?"].startswith(
        "we cannot draw new samples from the population, so we draw them from the sample itself\n"
        "- draw n rows with replacement")


DAY = """---
tags: [daily]
---
- journal club: label smoothing
    - a model trained with **label smoothing** spreads a little of the target mass over the wrong classes
    - smoothed targets: mix the one-hot target with a uniform one, weight eps on the uniform part, eps = 0.1 typically
    - soft cross-entropy = cross-entropy against the smoothed targets instead of the one-hot ones
    - it keeps the logits from growing without bound, which calms the overconfident predictions of large networks
      trained for many epochs on clean labels, and usually improves the calibration of the model as well
    - penultimate layer: clusters of one class get tighter and further apart from each other, which is good for
      the accuracy of the network itself but throws away the similarities between classes that a student needs
    - knowledge distillation = training a student on a teacher's soft outputs instead of the labels
    - worth checking again with the smoothing on the validation set only
- TODO: read the follow-up paper
"""


N2026_11_20 = NOTES.add({"daily/2026-11-20.md": DAY}, config=DEFINITIONS)


def test_a_days_bullets_nested_under_the_topic_it_names_are_cards_of_that_topic(shared):
    found = shared.backs_by_front(N2026_11_20)
    assert found["Label smoothing › smoothed targets"].startswith("mix the one-hot target with a uniform one")
    assert found["Label smoothing › soft cross-entropy"] == (
        "soft cross-entropy = cross-entropy against the smoothed targets instead of the one-hot ones")
    assert "Label smoothing › knowledge distillation" in found
    assert not any("journal club" in front for front in found), "the activity names no subject"
    assert not any("2026" in front for front in found)


TRAINING = NOTES.add({
    "Training.md": (
        """## Settings
- batch size = 32 for every run
- lr = 3e-4 with a cosine schedule
- warmup = 500 steps

## Cross-entropy
The loss compares two distributions over the classes:

$$H(p, q) = -\\sum_x p(x) \\log q(x)$$

- it is never below the entropy of p, and the gap is exactly the KL divergence
- minimising it over a dataset = maximum likelihood estimation of the model
""")
})


def test_a_value_or_a_pair_of_bullets_closing_a_section_is_no_equals_card(shared):
    found = shared.backs_by_front(TRAINING)
    assert not any(front.endswith(("batch size", "lr", "warmup")) for front in found), found
    assert not any(front.endswith("minimising it over a dataset") for front in found), found


PCA = """# Principal component analysis

PCA finds the orthogonal directions along which the centred data varies most, and projects the data onto the first
few of them. The directions are the eigenvectors of the covariance matrix, ordered by their eigenvalues, and the
share of each eigenvalue in their sum is the share of the variance its component explains. Keeping the components
that explain most of the variance compresses the data with the least loss in squared reconstruction error, which
is why PCA is the usual first step before clustering or plotting data of many dimensions.

```{warning}
Always centre the data first, and standardise it when the features are on different scales, or the feature with
the biggest units decides the first component alone.
```

## Kernel PCA

```{note}
**Kernel PCA** runs PCA in the feature space of a kernel, so it can unroll curved structure that linear PCA keeps.
```

Kernel PCA needs the whole kernel matrix, which grows with the square of the number of points, and it gives no
map back from the components to the original features, so a reconstruction has to be learnt separately.
"""


PCA_2 = NOTES.add({"pca.md": PCA}, config=DEFINITIONS)


def test_an_untitled_myst_admonition_is_a_card_of_its_kind_unless_a_card_holds_its_text(shared):
    found = shared.backs_by_front(PCA_2)
    assert found["Principal component analysis › Warning: always centre the data first"].startswith(
        "Always centre the data first")  # (what it warns of on its front, session 36)
    assert not any(front.endswith("Kernel PCA › Note") for front in found), "its bold term is a card already"
    assert any("runs PCA in the feature space of a kernel" in back for back in found.values())


ATTENTION = """# Attention

## Self-attention

Every position builds a query, a key and a value from its own vector, scores its query against the keys of all the
positions, and takes the weighted sum of their values with the softmax of those scores as the weights. The
positions are processed at once, so a layer costs one matrix product per head instead of a step per token, which is
why transformers train so much faster than recurrent networks on long sequences of text or audio.

Self-attention by itself is blind to order: permuting the inputs permutes the outputs in the same way, so a model
needs positions added to its inputs before it can tell "dog bites man" from "man bites dog" at all.

In a decoder, a **causal mask** sets the scores of later positions to minus infinity before the softmax, so that a
position only attends to itself and the positions before it.

Each head is **not** a separate model: the heads share the input and their outputs are concatenated and projected.

> **Note:** the **key dimension** sets the scale of the scores, which is why they are divided by its square root.

The pickle format **is not safe** to load from a source you do not trust, since loading it can run any code.

**Remark**. The same scores can be read as a soft lookup in a table whose keys are learnt along with the values.
"""


ATTENTION_2 = NOTES.add({"Attention.md": ATTENTION})


def test_a_later_paragraph_that_sets_a_term_in_bold_is_a_card_of_that_term(shared):
    found = shared.backs_by_front(ATTENTION_2)
    assert found["Attention › Self-attention › causal mask"].startswith("In a decoder, a **causal mask** sets")
    assert not any(front.endswith(("› not", "› Remark", "› is not safe")) for front in found), "stress, a run-in head"
    assert found["Attention › Self-attention › key dimension"].startswith("The **key dimension** sets the scale")


LEAKAGE = """---
tags: [evaluation]
---
information from outside the training data sneaking into training makes the scores too optimistic

kinds I have met:
- **target leakage**: a feature that is only known after the outcome, or is derived from the outcome itself
- small $k$ → each model sees less data → the estimate is pessimistically biased
- **group leakage**: the same patient or user in both the training and the test set of one split
- oversampling before splitting → synthetic copies of test points end up in the training set
"""


LEAKAGE_2 = NOTES.add({"Leakage.md": LEAKAGE}, config=DEFINITIONS)


def test_a_bullet_saying_what_a_thing_leads_to_is_a_card_beside_the_definitions(shared):
    found = shared.backs_by_front(LEAKAGE_2)
    assert found["Leakage › oversampling before splitting"] == (
        "oversampling before splitting → synthetic copies of test points end up in the training set")
    assert found["Leakage › small $k$"].startswith("small $k$ → each model sees less data")


RESAMPLING_4 = NOTES.add({
    "Resampling.md": (
        RESAMPLING + "- The jackknife estimate can be computed from only n refits instead of a thousand\n" \
     "- Always keep the random seed of each resample in the log\n")
})


def test_a_statement_in_an_outline_is_a_card_showing_its_subject(shared):
    found = shared.backs_by_front(RESAMPLING_4)
    assert found["Resampling › The jackknife estimate"].startswith("The jackknife estimate can be computed")
    assert not any(front.endswith("› Always") for front in found)


RESAMPLING_5 = NOTES.add({
    "Resampling.md": (
        RESAMPLING + """- each resample leaves out about 36.8% of the distinct rows
    - the chance that a given row is never drawn in n draws tends to 1/e as n grows
    - the rows left out are the out-of-bag rows, on which random forests score their trees
- Suppose we resample n rows, the above estimate can be written as
    - the mean of the n leave-one-out estimates, which we then rescale
""")
})


def test_a_bullet_stating_a_fact_over_the_items_that_work_it_out_is_a_card(shared):
    found = shared.backs_by_front(RESAMPLING_5)
    assert found["Resampling\n\neach resample leaves out about 36.8% of the distinct rows:"].startswith(
        "- the chance that a given row is never drawn")
    assert not any("Suppose" in front for front in found), "a derivation set up is no fact"


N2026_11_21 = NOTES.add({
    "daily/2026-11-21.md": (
        """---
tags: [daily]
---
reading group on weight decay.
- someone asked: is weight decay the same as L2 with Adam? answer: no, Adam rescales the L2 gradient per weight, so
  decoupled decay (AdamW) is what shrinks every weight alike
- TODO: rerun the sweep
""")
})


def test_a_question_someone_asked_and_its_answer_in_a_days_bullet_is_a_card(shared):
    found = shared.backs_by_front(N2026_11_21)
    assert found["Weight decay\n\nis weight decay the same as L2 with Adam?"].startswith(
        "no, Adam rescales the L2 gradient per weight")


ATTENTION_3 = NOTES.add({
    "Attention.md": (
        """# Attention

## Compared with recurrence

Self-attention lets every position look at every other one in a single step, where a recurrent network passes the
information along one position at a time; the table sets the two side by side on what they cost.

| | RNN | self-attention |
|---|---|---|
| path length between two tokens | $O(n)$ | $O(1)$ |
| sequential steps in training | $O(n)$ | $O(1)$ |
| cost per layer | $O(n d^2)$ | $O(n^2 d)$ |

So attention gives direct long-range connections and parallel training, at a cost quadratic in the length.
""")
})


def test_rows_of_a_comparison_with_the_same_values_are_cards_each(shared):
    found = shared.backs_by_front(ATTENTION_3)
    assert found["Attention › Compared with recurrence › path length between two tokens: RNN, self-attention?"] == (
        "- RNN: $O(n)$\n- self-attention: $O(1)$")
    assert found["Attention › Compared with recurrence › sequential steps in training: RNN, self-attention?"] == (
        "- RNN: $O(n)$\n- self-attention: $O(1)$")


DECISION_TREES = NOTES.add({
    "Decision trees.md": (
        """# Decision trees

## Why people like trees

| Strength | Weakness |
|---|---|
| Easy to explain when small | High variance: small changes in the data give a very different tree |
| No feature scaling needed | Piecewise-constant, axis-aligned fits |

The high variance is the key weakness, and it is what ensembles of trees fix.
""")
})


def test_a_strengths_and_weaknesses_table_goes_on_the_sections_opening_card(shared):
    found = shared.backs_by_front(DECISION_TREES)
    back = found["Decision trees › Why people like trees"]
    assert "The high variance is the key weakness" in back and "| No feature scaling needed |" in back


ATTENTION_4 = NOTES.add({
    "Attention.md": (
        """# Attention

## Self-attention and the transformer

In self-attention the queries, keys and values all come from the same sequence, so each token builds its new
representation from all the others, and a transformer layer stacks this with a feed-forward network, each part
wrapped in a residual connection and a layer normalisation, which keeps the gradients healthy in deep stacks.
The original model used six such layers in the encoder and six in the decoder, with eight heads in each of the
attention layers and a feed-forward layer four times as wide as the model itself, trained on translation pairs.
Later models dropped the encoder or the decoder, and grew the stack to dozens of layers and the width to thousands.

Self-attention is order-blind, since permuting the inputs only permutes the outputs, so positions have to be added
to the token embeddings, as sinusoids or as learnt vectors.

Attention has a cost that grows with the square of the sequence length, which limits the context of a model.
""")
})


def test_a_later_paragraph_on_the_sections_own_subject_asks_how_its_sentence_goes_on(shared):
    found = shared.backs_by_front(ATTENTION_4)
    assert found["Attention › Self-attention and the transformer › Self-attention is …"].startswith(
        "Self-attention is order-blind")
    assert not any(front.endswith("› Attention has …") for front in found), "only the note's title names it"


METRICS = NOTES.add({
    "Metrics.md": (
        """---
tags: [evaluation]
---
Binary classifier, positive class = the thing we care about.

- **Precision** = TP / (TP + FP) — of the things I flagged, how many were right
- **Recall** (= sensitivity = TPR) = TP / (TP + FN) — of the real positives, how many did I find
- "critical batch size" — beyond it, a bigger batch needs no fewer steps, it only wastes compute
- TODO: add the PR curve

Accuracy is misleading when the classes are imbalanced: with one case of fraud in a hundred, a model that always
says "not fraud" is right 99 times in a hundred and never finds a single case, which is why the precision and the
recall of the rare class are reported instead, or the area under the precision-recall curve over all thresholds.
Moving the threshold up makes fewer positive predictions, so the precision usually rises and the recall falls.
""")
}, config=DEFINITIONS)


def test_a_label_in_quotes_and_a_bold_term_with_an_aside_before_its_equals_are_cards(shared):
    found = shared.backs_by_front(METRICS)
    assert found["Metrics › Recall"].startswith("Recall (= sensitivity = TPR) = TP / (TP + FN)")
    assert found["Metrics › critical batch size"].startswith("beyond it, a bigger batch needs no fewer steps")


T_SNE = NOTES.add({
    "t-SNE.md": (
        """# t-SNE

## The algorithm

1. In high dimension, turn the distances into conditional probabilities with a Gaussian around each point.
2. Each bandwidth is chosen by binary search so that the distribution has a fixed **perplexity** (the effective
   number of neighbours, typically 5 to 50). Dense regions get small bandwidths.
3. In two dimensions use a Student-t with one degree of freedom: $q_{ij} \\propto (1 + \\lVert y_i - y_j\\rVert^2)^{-1}$.
4. Move the points by gradient descent to make the two distributions agree.
""")
}, config='formulas = "inline"\n' + DEFAULT_CONFIG)


def test_a_step_that_sets_a_term_in_bold_beside_a_formula_card_is_a_card_of_that_term(shared):
    found = shared.backs_by_front(T_SNE)
    assert found["t-SNE › The algorithm › perplexity"].startswith("Each bandwidth is chosen by binary search")


DBSCAN = NOTES.add({
    "DBSCAN.md": (
        """# DBSCAN

Density-based clustering finds dense regions separated by sparse ones, with two parameters: a radius and the
number of points a core point needs within it. Clusters grow by connecting core points that lie within the radius
of each other and then attaching the border points, those within the radius of a core point without being one.
Everything else is noise, which the method labels as such instead of forcing it into the nearest cluster. A
spatial index makes the neighbour queries fast in low dimensions, so the whole run costs about n log n there.

What you get for free: no number of clusters to choose, clusters of any shape, and outliers marked as noise.

Why it is slow in high dimensions: distances concentrate, so one radius cannot tell neighbours from the rest.

Limitations: a single radius cannot fit a tight and a diffuse cluster at once, and border points are order-dependent.
""")
})


def test_a_later_paragraph_led_by_what_it_answers_is_a_card_of_that(shared):
    found = shared.backs_by_front(DBSCAN)
    assert found["DBSCAN › What you get for free"].startswith("no number of clusters to choose")
    assert found["DBSCAN › Why it is slow in high dimensions?"].startswith("distances concentrate")


LIGHTGBM = NOTES.add({
    "LightGBM.md": (
        """# LightGBM

## Speed tricks

**Histogram-based splits.** Bucket each continuous feature into at most 255 bins once, up front. Finding a split
then means scanning bins, not sorted values, and a child's histogram is the parent's minus its sibling's.

**Leaf-wise growth.** Always split the leaf with the largest gain anywhere in the tree, which gives deeper and
unbalanced trees and a lower loss for the same number of leaves, at a greater risk of overfitting small data.

**It is the default in most libraries.** Nothing else needs to be set for it.

**Theorem.** A tree grown leaf-wise with as many leaves as a level-wise one has a loss no larger than it.
""")
})


def test_a_paragraph_with_a_run_in_head_is_a_part_titled_by_it(shared):
    found = shared.backs_by_front(LIGHTGBM)
    assert found["LightGBM › Speed tricks › Histogram-based splits"].startswith("Bucket each continuous feature")
    assert found["LightGBM › Speed tricks › Leaf-wise growth"].startswith("Always split the leaf")
    assert not any(front.endswith(("› It is the default in most libraries", "› Theorem")) for front in found)


LEAKAGE_3 = NOTES.add({
    "Leakage.md": (
        LEAKAGE + "- split first, then fit every preprocessing step on "
"the training part only, inside each fold of a cross-validation\n")
}, config=DEFINITIONS)


def test_a_notes_first_paragraph_in_lower_case_opens_its_lead_section(shared):
    found = shared.backs_by_front(LEAKAGE_3)
    assert found["Leakage"].startswith("information from outside the training data sneaking into training")


DQN = NOTES.add({
    "DQN.md": (
        """# DQN

Replace the table with a network and regress onto the Q-learning target; naively this diverges, because function
approximation, bootstrapping and off-policy learning together can make the value estimates blow up, and DQN has all
three of them, so it needs a replay buffer and a target network to keep the regression targets from chasing
themselves every time a gradient step is taken on the weights that also produce them.

The replay buffer stores transitions and the network trains on random minibatches drawn from it, which breaks the
correlation between consecutive samples and reuses each transition many times; this is only valid because
Q-learning is off-policy, so the data may come from older versions of the policy than the one being learnt.

Extensions worth knowing (Rainbow combined six of them): Double DQN, where the online network picks the action
and the target network evaluates it, a dueling architecture, prioritised replay, n-step returns and noisy nets.
""")
})


def test_a_labelled_paragraph_may_have_an_aside_after_its_label(shared):
    found = shared.backs_by_front(DQN)
    assert found["DQN › Extensions worth knowing (Rainbow combined six of them)"].startswith("Double DQN, where the online")


N2026_11_22 = NOTES.add({
    "daily/2026-11-22.md": (
        """---
tags: [daily]
---
ran the permutation test on the two ranking models today, 5000 shuffles; the p-value came out at 0.03.
- lesson: shuffle the labels within each query, never across queries, or the null is wrong
- [[Permutation tests]]
""")
})


def test_a_days_note_that_links_one_note_and_speaks_of_it_is_about_that_note(shared):
    found = shared.backs_by_front(N2026_11_22)
    assert found["Permutation tests › lesson\n\nWhat is the takeaway from Permutation tests?"] == "shuffle the labels within each query, never across queries, or the null is wrong"
