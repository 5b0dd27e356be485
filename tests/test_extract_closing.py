"""Cards from what everyday notes write around their formulas and lists (issue 23, recall): the sentences that
close a section after its formula ("It is not symmetric …"), a list under a short label line ("Algorithm:",
"Pros / cons"), a formula labelled in bold (`**Gini impurity**: $G = …$`). Notes are written in the styles of an
Obsidian vault titled by file names, Quarto daily notes and a Jupyter Book, into tmp_path, and read through the CLI."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run
from conftest import DEFAULT_CONFIG
from shared_notes import Scanned, SharedNotes

KL = """---
title: "2026-10-05"
---

## KL divergence

$$D_{KL}(P \\parallel Q) = \\sum_x P(x) \\log \\frac{P(x)}{Q(x)}$$

It is not symmetric, and it is infinite where $Q(x) = 0$ but $P(x) > 0$.

Forward KL is mean-seeking (Q spreads over all of P's modes); reverse KL is mode-seeking.
"""

BACKPROP = """# Backpropagation

Backpropagation computes every gradient of a loss in one backward pass, applying the chain rule layer by layer.

For a layer $a = f(z)$ with $z = Wh + b$ and upstream gradient $\\delta$:

$$\\frac{\\partial L}{\\partial W} = (\\delta \\odot f'(z))\\, h^\\top$$

One backward pass costs about twice the forward pass, whatever the number of parameters.
"""

KMEANS = """#clustering

Algorithm:
1. Pick $k$ initial centroids
2. Assign every point to its nearest centroid
3. Move each centroid to the mean of its points
4. Repeat until the assignments stop changing

Objective (within-cluster sum of squares):
$$J = \\sum_j \\sum_{x \\in C_j} \\lVert x - \\mu_j \\rVert^2$$

Pros / cons
- fast, linear in the number of points per iteration
- converges to a local minimum only, so run several restarts
"""

TREES = """# Decision trees

## Impurity measures

A split is chosen to make its two children as pure as it can.

**Gini impurity**: $G = 1 - \\sum_k p_k^2$

**Entropy**: $H = -\\sum_k p_k \\log_2 p_k$

Both are zero for a pure node and largest for an even mix of classes.
"""

ASIDES = """# Optimisers

## Momentum

$$v_t = \\beta v_{t-1} + g_t$$

Where:
- $\\beta$ is the momentum coefficient, usually 0.9
- $g_t$ is the gradient at step $t$

## Adam

$$m_t = \\beta_1 m_{t-1} + (1 - \\beta_1) g_t$$

- $m_t$ is the running mean of the gradients, a first moment estimate
- $\\beta_1$ is its decay rate, usually set to 0.9 in practice

## Delta rule

1. **Initialise** the weights to small random numbers before the first epoch.
2. **Predict** the output for one sample with the current weights.

$$w \\leftarrow w + \\eta (d - y) x$$

3. **Repeat** for all samples until the error stops shrinking or the epochs run out.

## Proposition

**Proposition**. Every metric space is a Hausdorff space, whatever its metric.

_Proof_. Two distinct points at distance $r$ have disjoint open balls of radius $r/2$ around them.

## Loss

$$L = \\frac{1}{n} \\sum_i (y_i - \\hat y_i)^2$$

On the basis of the loss value, you can update your model until you get the best result.
"""


def fronts(root) -> dict[str, str]:
    """front → back of every card."""
    return {c["front"]: c["back"] for c in json.loads(run(root, "cards", "--json", ok=True).output)}


NOTES = SharedNotes(DEFAULT_CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


N2026_10_05 = NOTES.add({"daily/2026-10-05.qmd": KL})


def test_the_sentences_after_a_formula_are_a_card_of_their_section(shared):
    found = shared.backs_by_front(N2026_10_05)
    assert found["KL divergence › Forward KL"] == ("Forward KL is mean-seeking (Q spreads over all of P's modes); "
                                                   "reverse KL is mode-seeking.")  # (titled by its own subject)
    assert found["KL divergence › What does the formula for KL divergence say?\n\n$$D_{KL}(P \\parallel Q) = \\sum_x P(x) \\log \\frac{P(x)}{Q(x)}$$"] \
        == "It is not symmetric, and it is infinite where $Q(x) = 0$ but $P(x) > 0$."  # (of the formula above it)
    assert any(front.startswith("KL divergence\n\n") and back.startswith("$$D_{KL}") for front, back in found.items())


BACKPROP_2 = NOTES.add({"chapters/backprop.md": BACKPROP})


def test_a_short_closing_sentence_joins_the_opening_card(shared):
    found = shared.backs_by_front(BACKPROP_2)
    assert found["Backpropagation\n\nWhat does Backpropagation compute?"] == (  # (its claim asked: session 54)
        "Backpropagation computes every gradient of a loss in one backward pass, applying the chain rule layer by "
        "layer.\n\nOne backward pass costs about twice the forward pass, whatever the number of parameters.")
    assert sum("One backward pass costs" in back for back in found.values()) == 1  # (no card of its own)


K_MEANS = NOTES.add({"Models/k-means.md": KMEANS})


def test_a_short_label_line_heads_its_list(shared):
    found = shared.backs_by_front(K_MEANS)
    assert found["k-means › Algorithm"].startswith("1. Pick $k$ initial centroids\n2. Assign")
    assert found["k-means › Pros / cons\n\nWhat are the pros / cons of k-means?"].startswith("- fast, linear")
    assert "k-means › Objective (within-cluster sum of squares)" not in found, "a label over a formula: its card"


TREES_2 = NOTES.add({"chapters/trees.md": TREES})


def test_a_formula_labelled_in_bold_is_a_formula_card_and_the_paragraph_before_it_still_opens(shared):
    found = shared.backs_by_front(TREES_2)
    gini = [front for front, back in found.items() if back == "$$G = 1 - \\sum_k p_k^2$$"]
    assert gini and "Gini impurity" in gini[0] and gini[0].startswith("Decision trees › Impurity measures")
    assert found["Decision trees › Impurity measures"] == (
        "A split is chosen to make its two children as pure as it can.\n\n"
        "Both are zero for a pure node and largest for an even mix of classes.")


def test_legends_later_steps_proofs_and_asides_after_a_formula_are_no_cards(tmp_path):
    config = 'name = "T"\ndefinitions = true\n[review]\ntimezone = "UTC"\n'  # (the proposition: a card of its own)
    found = fronts(new_wiki(tmp_path, {"Optimisers.md": ASIDES}, config))
    assert found.pop("Optimisers › Proposition") == "Every metric space is a Hausdorff space, whatever its metric."
    sections = {front: back for front, back in found.items() if "\n" not in front}
    assert sections == {}, "a formula's legend, step 3 of steps it broke, a proof and a tutorial's 'you' make none"


INTRO = NOTES.add({
    "intro.md": (
        "# Course notes: Machine Learning\n\nThese are my notes for the autumn "
        "course. Each chapter ends with exercises.\n")
})


def test_notes_about_the_notes_make_no_card(shared):
    assert shared.backs_by_front(INTRO) == {}


ATTENTION = NOTES.add({
    "Models/Attention.md": (
        "Scaled dot-product attention:\n$$\\mathrm{softmax}(QK^\\top / \\sqrt{d_k})V$$\n\n"
        "Why divide by $\\sqrt{d_k}$? For random unit-variance vectors the dot product has variance $d_k$, and "
        "large logits saturate the softmax.\n\n"
        "What do these objects represent? They are instances of classes that know the gradient of an op.\n")
})


def test_a_paragraph_that_asks_and_answers_is_a_question_card(shared):
    found = shared.backs_by_front(ATTENTION)
    assert found["Attention\n\nWhy divide by $\\sqrt{d_k}$?"].startswith("For random unit-variance vectors")
    assert not any("these objects" in front for front in found), "a question that points back asks nothing alone"


RIDGE = NOTES.add({
    "posts/ridge.qmd": (
        '---\ntitle: "Ridge regression"\n---\n\n## Closed form\n\nAdding an L2 penalty gives\n\n'
        "$$\\hat w = (X^\\top X + \\lambda I)^{-1} X^\\top y$$\n\n"
        "::: {.callout-note}\nThe matrix is always invertible for a positive penalty, so ridge works even with "
        "collinear features.\n:::\n\n{{< pagebreak >}}\n")
})


def test_an_untitled_note_beside_a_formula_is_the_sections_text_and_shortcodes_are_left_off(shared):
    found = shared.backs_by_front(RIDGE)
    assert found["Ridge regression › Closed form"] == ("The matrix is always invertible for a positive penalty, so "
                                                       "ridge works even with collinear features.")


VARIANCE = NOTES.add({
    "Probability/Variance.md": "$Var(X) = E[X^2] - E[X]^2$\n\nFor independent X, Y: $Var(X + Y) = Var(X) + Var(Y)$\n",
    "Optimization/Adam.md": (
        "Combines momentum and RMSProp:\n\n$$m_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t$$\n\n"
        "Bias correction divides by $1 - \\beta_1^t$: the moments start at 0, so early estimates lean to 0.\n\n"
        "Defaults: $\\beta_1 = 0.9$, $\\beta_2 = 0.999$.\n\nSee [[Momentum]], [[Learning rate warmup]].\n")
})


def test_a_formula_after_a_short_lead_and_defaults_after_formulas_are_cards_see_also_lines_are_left_off(shared):
    found = shared.backs_by_front(VARIANCE)
    assert found["Variance\n\nFor independent X, Y:"] == "$$Var(X + Y) = Var(X) + Var(Y)$$"
    assert found["Adam"] == ("Bias correction divides by $1 - \\beta_1^t$: the moments start at 0, so early estimates "
                             "lean to 0.\n\nDefaults: $\\beta_1 = 0.9$, $\\beta_2 = 0.999$.")


N2026_10_15 = NOTES.add({
    "daily/2026-10-15.qmd": (
        '---\ntitle: "2026-10-15"\n---\n\n## Precision and recall\n\n'
        "$$\\text{precision} = \\frac{TP}{TP + FP}, \\qquad \\text{recall} = \\frac{TP}{TP + FN}$$\n\n"
        "Precision: of what we flagged, how much was right. Recall: of what was there, how much we found.\n\n"
        "For a mini-batch of predictions:\n\n$$F_1 = \\frac{2PR}{P + R}$$\n\n"
        "Here $P$ and $R$ are the precision and the recall of the batch.\n\n"
        "::: {.callout-note}\n## Why the harmonic mean?\nIt is low when either of the two is low, so a model "
        "cannot buy a high F1 with one of them alone.\n:::\n")
})


def test_text_between_formula_cards_explains_them_and_a_callout_titled_by_a_heading_is_not_section_text(shared):
    found = shared.backs_by_front(N2026_10_15)
    assert found["Precision and recall"] == ("Precision: of what we flagged, how much was right. Recall: of what was "
                                             "there, how much we found.")
    assert found["Precision and recall\n\nWhy the harmonic mean?"].startswith("It is low when either")


KNN = NOTES.add({
    "chapters/knn.md": (
        "# k-nearest neighbours\n\nkNN predicts from the $k$ "
"training points closest to the query: a vote for classes, a mean for values.\n"),
    "its.md": (
        "# Loss\n\nits only goal is to push the scores apart, nothing "
"more than that.\n")
})


def test_a_passage_may_open_on_a_name_in_lower_case(shared):
    found = shared.backs_by_front(KNN)
    assert found == {"k-nearest neighbours": "kNN predicts from the $k$ training points closest to the query: a vote "
                                             "for classes, a mean for values."}, "'its …' goes on from before"


GRAPHS = NOTES.add({
    "graphs.md": (
        "# Graphs\n\n## Traversals\n\nBoth searches visit every path from S, in different orders.\n\n"
        "| Depth-first | Breadth-first |\n|---|---|\n| $S \\rightarrow A$ | $S \\rightarrow A$ |\n"
        "| $S \\rightarrow A \\rightarrow D$ | $S \\rightarrow B$ |\n"
        "| $S \\rightarrow B$ | $S \\rightarrow A \\rightarrow D$ |\n"
        "\n## Weight decay\n\nConsider a linear regression model:\n\n$$y = w_1 x_1 + w_2 x_2 + b$$\n")
})


def test_two_lists_side_by_side_are_no_table_rows_and_a_model_considered_is_an_example(shared):
    found = shared.backs_by_front(GRAPHS)
    assert not any("rightarrow" in front for front in found), "no row of orders is a card"
    assert not any(back.startswith("$$y = w_1") for back in found.values()), "a model set up for an example"


NO_CARDS = {
    "final thoughts, an example's formula introduced to the reader":
        "# Optimisers\n\n## Example 1\n\nThe computation graph you shared represents the function:\n\n"
        "$$f(w, x) = \\frac{1}{1 + e^{-(w_0 x_0 + w_1)}}$$\n\n## Final thoughts\n\n"
        "Advanced optimisers are essential tools for training deep networks efficiently and reliably.\n",
    "an example's step-by-step calculation, a tutorial's verdict":
        "# Networks\n\n## Example 2\n\n### Step-by-Step Calculation\n\nThe weighted sum for $h_1$ is:\n\n"
        "$$z_1 = W_{11} x_1 + W_{12} x_2$$\n\n## Evaluate the model\n\n"
        "From the metrics it looks like our model is random guessing on the test set.\n",
}


@pytest.mark.parametrize("note", NO_CARDS.values(), ids=list(NO_CARDS))
def test_notes_that_hold_nothing_to_study_make_no_card(tmp_path, note):
    assert fronts(new_wiki(tmp_path, {"note.md": note})) == {}


def test_a_property_line_introduces_no_formula_and_a_statement_before_definitions_opens_its_section(tmp_path):
    softmax = "tags: #activation\n\n$$\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$$\n"
    init = ("Goal: keep the variance of activations roughly constant from layer to layer.\n\n"
            "- **Xavier**: scale the weights by the fan-in and fan-out, for tanh and sigmoid units\n"
            "- **He**: scale the weights by the fan-in alone, for ReLU units that zero half their inputs\n\n"
            "All-zero weights are bad: every unit gets the same gradient, so they never differ.\n\n"
            "Biases can start at zero, since the weights already break the symmetry between units.\n")
    config = 'name = "T"\ndefinitions = true\n[review]\ntimezone = "UTC"\n'
    found = fronts(new_wiki(tmp_path, {"Softmax.md": softmax, "Weight initialization.md": init}, config))
    assert "Softmax\n\ntags:" not in found and any(f.startswith("Softmax") for f in found)
    assert found["Weight initialization\n\nWhat is the goal of Weight initialization?"] == "Goal: keep the variance of activations roughly constant from layer to layer."
    # (the paragraphs after it name their own subjects: cards of their own, not a grab-bag under the title)
    assert found["Weight initialization › All-zero weights"].startswith("All-zero weights are bad")
    assert next(v for f, v in found.items() if f.split("\n\n")[0] == "Weight initialization › Biases").startswith("Biases can start at zero")


OPT = NOTES.add({
    "opt.md": (
        "# Optimisers\n\n## Choosing\n\nDifferent problems need different losses, but one optimiser fits most.\n\n"
        "| Optimiser | Problem type |\n|---|---|\n| Stochastic gradient descent | Classification, regression, "
        "many others. |\n| Adam | Classification, regression, many others. |\n\n"
        "**Graphs in computer science**\nit is considered an abstract data type that is good at relations.\n")
})


def test_rows_of_one_answer_and_a_label_over_a_pronoun_make_no_card(shared):
    found = shared.backs_by_front(OPT)
    assert not any(front.endswith(("› Adam", "descent")) for front in found), "two rows, one answer"
    assert not any("computer science" in front for front in found), "'it is …' under a label: of what?"




EM = NOTES.add({
    "em.md": (
        "# The EM algorithm\n\nEM maximizes the likelihood of a model with latent variables by alternating two "
        "steps:\n\n1. **E-step**: compute the posterior over the latent variables.\n"
        "2. **M-step**: maximize the expected complete-data log-likelihood under it.\n")
})


def test_a_list_of_bold_steps_introduced_by_a_sentence_is_a_list_card_with_definitions_off(shared):
    found = shared.backs_by_front(EM)
    assert found["The EM algorithm\n\nEM maximizes the likelihood of a model with latent variables by alternating "
                 "two steps:"].startswith("1. **E-step**: compute")


def test_a_definition_that_ends_by_introducing_its_formula_keeps_the_formula(tmp_path):
    note = ("# Variance\n\n## Statements\n\n**Definition**. Let $X$ be a random variable with expectation $E(X)$. "
            "The _variance_ of $X$ is defined as\n\n$$\n\\mathrm{Var}(X)=E((X-E(X))^2)\n$$\n\n"
            "assuming that this expectation exists.\n")
    config = 'name = "T"\ndefinitions = true\n[review]\ntimezone = "UTC"\n'
    found = fronts(new_wiki(tmp_path, {"Variance.md": note}, config))
    assert found["Variance › Statements\n\nDefinition"].endswith(  # (and the condition its sentence goes on with)
        "is defined as\n\n$$\n\\mathrm{Var}(X)=E((X-E(X))^2)\n$$\n\nassuming that this expectation exists.")


def test_what_a_plot_shows_is_no_definition(tmp_path):
    note = ("# Perceptron\n\n## Training\n\n- **Perceptron**: Shows how misclassifications decrease over epochs.\n"
            "- **Delta rule**: Shows how the mean squared error decreases over epochs.\n")
    config = 'name = "T"\ndefinitions = true\n[review]\ntimezone = "UTC"\n'
    assert not any("Define:" in front for front in fronts(new_wiki(tmp_path, {"p.md": note}, config)))


OPT_2 = NOTES.add({
    "opt.md": (
        "# Optimisation\n\n## Learning rate scheduling\n\nScheduling changes the learning rate during training "
        "to improve convergence and final accuracy.\n\nThe exponential schedule is:\n\n"
        "$$\\eta_t = \\eta_0 \\gamma^t$$\n\n"
        "- **Step decay:**\n\n  Reduce the rate by a factor every few epochs.\n\n- **Cosine annealing:**\n\n"
        "  Use a cosine function to lower the rate smoothly.\n")
})


def test_a_labelled_list_after_the_opening_is_not_cut_into_orphan_lines(shared):
    found = shared.backs_by_front(OPT_2)
    assert found["Optimisation › Learning rate scheduling"] == ("Scheduling changes the learning rate during "
                                                               "training to improve convergence and final accuracy.")


MOMENTUM = NOTES.add({
    "Momentum.md": (
        "Part of [[Optimization MOC]].\n\nMomentum keeps a running average of past gradients and steps along it, "
        "so steps that agree add up and steps that disagree cancel.\n\n"
        "## Nesterov\n\nNesterov momentum takes the gradient at the point the running average is about to "
        "reach, which lets it slow down before it overshoots.\n\nNext: [[Adam]]\n\nBack to [[Optimization MOC]]\n")
})


def test_a_vaults_navigation_lines_are_left_off_the_back(shared):
    found = shared.backs_by_front(MOMENTUM)
    opening = found["Momentum\n\nWhat does Momentum keep?"]  # (its claim asked: session 54)
    assert opening.startswith("Momentum keeps a running average") and "MOC" not in opening
    assert found["Momentum › Nesterov"].endswith("before it overshoots.")


N2026_04_02 = NOTES.add({
    "daily/2026-04-02.qmd": (
        '---\ntitle: "2026-04-02"\n---\n\nSpent the morning on the jackknife. Writing down what stuck.\n\n'
        "## Jackknife\n\nThe jackknife estimates a statistic's bias and variance by leaving out one observation "
        "at a time and recomputing it on the n remaining points.\n\n"
        "Tomorrow: the bootstrap, which resamples with replacement instead.\n")
})


def test_a_days_diary_lines_are_no_card_and_leave_the_facts_theirs(shared):
    found = shared.backs_by_front(N2026_04_02)
    assert not any("Spent the morning" in back or "Tomorrow" in back for back in found.values()), found
    assert any(back.startswith("The jackknife estimates") and back.endswith("remaining points.")
               for back in found.values()), found


RANKING_METRICS = NOTES.add({
    "Ranking metrics.md": (
        "## Hit rate\n\nThe share of users whose held-out item appears among the top k recommendations:\n\n"
        "$$ \\text{HR@}k = \\frac{\\#\\{u : \\text{hit within top } k\\}}{\\#\\text{users}} $$\n\n"
        "Limitation: it ignores where in the top k the item sits, so rank 1 and rank k count the same.\n")
})


def test_a_closing_line_led_by_an_aspect_says_it_in_the_front(shared):
    found = shared.backs_by_front(RANKING_METRICS)
    assert found["Ranking metrics › Hit rate › Limitation\n\nWhat is a limitation of Hit rate?"] == ("Limitation: it ignores where in the top k the item "
                                                                "sits, so rank 1 and rank k count the same.")


KERNELS = NOTES.add({
    "kernels.md": (
        "# Kernel methods\n\nThese are the lecture notes for the second week. Each part is short.\n\n"
        "## Why kernels\n\nIt is worth spending some time on why kernels help, because the idea returns in "
        "Gaussian processes.\n\n"
        "A kernel computes an inner product in a feature space without building the features, so a linear method "
        "fitted with it draws curved boundaries in the original space at the cost of an n by n matrix.\n")
})


def test_words_about_the_course_or_what_is_worth_time_are_no_card_and_the_paragraph_after_them_is(shared):
    found = shared.backs_by_front(KERNELS)
    assert not any("lecture notes" in back or "worth spending" in back for back in found.values()), found
    assert found["Kernel methods › Why kernels?"].startswith("A kernel computes an inner product")


RETENTION = NOTES.add({
    "Retention.md": (
        "## Online metrics\n"
        "- Churn: the share of users who stop coming back within a month\n"
        "$$ \\text{churn} = \\frac{\\text{users lost}}{\\text{users at start}} $$\n"
        "Limitation: counts a user who pauses for five weeks the same as one who never returns\n"
        "- Session length: minutes from the first to the last action of a visit\n"
        "- Any alert on this one?\n")
}, config='name = "T"\ndefinitions = false\nsections = true\n[review]\ntimezone = "UTC"\n')


def test_an_aspect_line_under_a_list_items_formula_is_a_card_of_that_item(shared):
    found = shared.backs_by_front(RETENTION)
    assert found["Retention › Online metrics › Churn › Limitation\n\nWhat is a limitation of Churn?"].startswith("Limitation: counts a user who pauses")


def test_a_paragraph_led_by_its_aspect_is_a_card_when_the_closing_text_is_too_long_for_one(tmp_path):
    """"Limitations: …", "The catch: …" or "In practice …" among other paragraphs of a long part: a card "… ›
    Limitations"."""
    long_view = " ".join(["Maximum variance and minimum reconstruction error are the same problem."] * 6)
    note = f"""# Principal component analysis

The first principal component is the unit vector that maximises the variance of the projection:

$$w_1 = \\arg\\max_{{\\lVert w\\rVert=1}} w^\\top S w$$

There is an equivalent view: the first components span the subspace with the least reconstruction error. {long_view}

In practice the components come from the SVD of the centred data, which is numerically better than forming the
covariance matrix and never needs it in memory at all.

Limitations: PCA is linear, so curved manifolds are not unrolled, and the direction of maximum variance need not be
the one that matters for a label.

The catch: every component mixes all features, so components are harder to interpret than the features were.
"""
    found = fronts(new_wiki(tmp_path, {"pca.md": note}))
    assert found["Principal component analysis › Limitations\n\nWhat are the limitations of Principal component analysis?"].startswith("Limitations: PCA is linear")
    assert found["Principal component analysis › The catch\n\nWhat is the catch with Principal component analysis?"
                 ].startswith("The catch: every component mixes")
    assert found["Principal component analysis › In practice\n\nWhat matters in practice for Principal component "
                 "analysis?"].startswith("In practice the components come from")


DDPM = NOTES.add({
    "ddpm.md": (
        "# DDPM\n\n## Sampling\n\nSampling runs the learned reverse chain from pure noise down to a clean image, "
        "one denoising step per noise level[^ho].\n\n[^ho]: Ho, Jain and Abbeel, Denoising diffusion "
        "probabilistic models, 2020.\n")
})


def test_a_footnotes_text_is_no_part_of_a_card(shared):
    found = shared.backs_by_front(DDPM)
    assert found == {"DDPM › Sampling": "Sampling runs the learned reverse chain from pure noise down to a clean "
                                        "image, one denoising step per noise level."}  # (the mark: shown as nothing, session 49)


DECODING = NOTES.add({
    "decoding.md": (
        r"""# Decoding and evaluation

## Perplexity

Perplexity is the exponential of the average per-token negative log-likelihood on held-out text:

$$\operatorname{PPL} = \exp\left(-\frac{1}{N}\sum_t \log p(x_t \mid x_{<t})\right)$$

Intuition: it is the effective number of equally likely choices the model is torn between at each step. Perplexities
are only comparable between models **with the same tokenizer**, because the average depends on how text is split.
""")
})


def test_a_closing_aspect_paragraph_with_a_bold_phrase_is_one_card_titled_by_its_aspect(shared):
    found = shared.backs_by_front(DECODING)
    holding = [front for front, back in found.items() if "torn between" in back]
    assert holding == ["Decoding and evaluation › Perplexity › Intuition\n\nWhat is the intuition behind Perplexity?"]  # (not also "… › with the same tokenizer")


KV = NOTES.add({
    "kv.md": (
        r"""# KV cache

## How big is it

Per token, each layer stores one key and one value vector per KV head:

$$\text{bytes per token} = 2 \cdot L \cdot n_{kv} \cdot d_h \cdot b$$

Example (a 7B config): $L=32$, $n_{kv}=32$, $d_h=128$, fp16 gives $2 \cdot 32 \cdot 32 \cdot 128 \cdot 2 = 524288$ bytes per token.

> **Note:** this is why long-context serving is a memory problem before it is a compute problem. The weights are
> shared across the batch; the cache is not.
""")
})


def test_a_worked_example_among_closing_paragraphs_is_left_out_and_the_note_after_it_kept(shared):
    found = shared.backs_by_front(KV)
    assert found["KV cache › How big is it"].startswith("**Note:** this is why long-context serving")
    assert not any("524288" in back for back in found.values())


SCALING = NOTES.add({
    "scaling.md": (
        "# Scaling laws\n\n## Why people train past Chinchilla\n\nChinchilla-optimal minimises training compute "
        "for a given loss. If you'll serve a model a lot, it's cheaper overall to train a smaller one on more "
        "tokens.\n\n> **Note:** scaling laws predict *pretraining loss*, not downstream abilities; some benchmark "
        "scores look flat and then jump.\n")
})


def test_a_note_blockquote_in_a_section_that_makes_no_other_card_is_a_card(shared):
    """"> **Note:** …" after a paragraph that is no card (it speaks to the reader): the note still is one."""
    found = shared.backs_by_front(SCALING)
    assert any("pretraining loss" in back for back in found.values()), found
