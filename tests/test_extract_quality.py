"""Card quality on ordinary notes (issue 23): what judges reading random cards found bad, written as notes in the
same styles (a Quarto blog with derivations and cross-references, Quarto daily notes titled by their date, an
Obsidian vault) into tmp_path and read back through the CLI, as a learner would meet the cards."""

from __future__ import annotations

import pytest

import json

from conftest import backs_by_front, new_wiki, run
from conftest import DEFAULT_CONFIG
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

DERIVATION = """---
title: "The variance of a sample mean"
---

Setting: $x_1, \\dots, x_n$ i.i.d. with variance $\\sigma^2$, and $\\bar x = \\frac1n \\sum_i x_i$.

**Step 1.** Pull the constant out of the variance:
$$
\\text{Var}(\\bar x) = \\frac{1}{n^2}\\,\\text{Var}\\Big(\\sum_i x_i\\Big)
$$

**Step 2.** Independent terms have no covariance, so the variance of the sum is the sum of the variances.

**Step 3 — conclude.**
$$
\\text{Var}(\\bar x) = \\frac{n\\sigma^2}{n^2} = \\frac{\\sigma^2}{n}
$$ {#eq-var-mean}

So averaging $n$ draws divides the variance by $n$.

## Why it matters

The standard error shrinks like $1/\\sqrt n$, so four times the data halves it.
"""


def cards(root) -> list[dict]:
    return json.loads(run(root, "cards", "--json", ok=True).output)


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


VAR_MEAN = NOTES.add({"var-mean.qmd": DERIVATION})


def test_a_derivation_written_step_by_step_is_one_card_with_every_step(shared):
    made = shared.cards(VAR_MEAN)
    derived = [c for c in made if "Step 1" in c["back"]]
    assert len(derived) == 1, [c["front"] for c in made]
    card = derived[0]
    assert card["front"] == "The variance of a sample mean › Derivation"
    for part in ("Setting:", "So averaging", "**Step 1.**", "**Step 2.**", "**Step 3 — conclude.**", "\\frac{\\sigma^2}{n}"):
        assert part in card["back"]
    assert "{#eq-var-mean}" not in card["back"]  # (a label is for cross-references: Quarto never shows it)
    assert not any("Step" in c["front"] for c in made)  # no step is a card of its own
    assert not any("Step" in c["back"] for c in made if c is not card)
    assert any(c["front"].split("\n\n")[0].endswith("Why it matters") for c in made)  # what follows the
    # derivation: as before


LOGISTIC = NOTES.add({
    "logistic.md": (
        "# Logistic loss\n\n## Deriving the gradient\n\n**Step 1.** Write the loss:\n$$\nL = -y\\log p - (1-y)\\log(1-p)\n$$\n\n" \
        "**Step 2.** Differentiate through the sigmoid, $p' = p(1-p)$:\n$$\n\\frac{\\partial L}{\\partial z} = p - y\n$$\n")
})


def test_a_derivation_named_by_its_heading_is_asked_by_it(shared):
    made = shared.cards(LOGISTIC)
    assert [c["front"] for c in made] == ["Logistic loss › Deriving the gradient"]
    assert "p - y" in made[0]["back"] and "Step 1" in made[0]["back"]


RIDGE = NOTES.add({"ridge.md": "# Notes\n\n## Ridge\n\n**Step 1.** Add the penalty to the loss:\n$$\nL = \\lVert y - X\\beta\\rVert^2 + \\lambda\\lVert\\beta\\rVert^2\n$$\n"})


def test_one_step_alone_is_no_derivation(shared):
    made = shared.cards(RIDGE)
    assert [c["kind"] for c in made] == ["formula"]


RAG = NOTES.add({"rag.md": "# Multi-hop retrieval\n\n## How\n\nStep 1, search for the first fact.\n\n**Step 2.** Search again with what it found.\n"})


def test_numbered_steps_without_formulas_are_a_procedure_not_a_derivation(shared):
    made = shared.cards(RAG)
    assert not any(c["front"].endswith("Derivation") for c in made)


XREFS = """---
title: "Notes on the evidence lower bound"
---

## The bound

For any $q$, Jensen's inequality gives the bound:
$$
\\log p(x) \\ge \\mathbb E_q[\\log p(x, z) - \\log q(z)]
$$ {#eq-lower}

## Checking calibration {#sec-calib}

**Expected calibration error**: the weighted gap between accuracy and confidence over bins,
$$
\\text{ECE} = \\sum_b \\frac{|B_b|}{n}\\,|\\text{acc}(B_b) - \\text{conf}(B_b)|
$$ {#eq-ece}

## Uses

Variational autoencoders maximize the same bound (@eq-lower) with a network for $q$, and the bound is tight when $q$ is the posterior.

A small test set makes @eq-ece noisy, as @sec-calib warns.
"""


ELBO = NOTES.add({"elbo.qmd": XREFS})


def test_quarto_labels_never_show_and_references_show_what_they_point_at(shared):
    made = shared.cards(ELBO)
    text = "\n".join(c["front"] + "\n" + c["back"] for c in made)
    assert "{#" not in text and "@eq-" not in text and "@sec-" not in text, text
    uses = [c["back"] for c in made if "Variational autoencoders" in c["back"]]
    assert uses and "maximize the same bound with a network" in uses[0]  # (a reference alone in parentheses: left out)
    noisy = [c["back"] for c in made if "noisy" in c["back"]]
    assert noisy and "makes $\\text{ECE} = \\dots$ noisy, as Checking calibration warns" in noisy[0], noisy


TD = NOTES.add({
    "td.md": (
        "# TD learning\n\nTD replaces the return of constant-$\\alpha$ MC, {eq}`eq-incremental-mean`, by a one-step " \
        "estimate, so it can update during the episode instead of waiting for its end.\n")
})


def test_a_myst_equation_reference_to_another_notebook_reads_as_words(shared):
    made = shared.cards(TD)
    backs = [c["back"] for c in made]
    assert any("MC, the incremental mean equation, by" in b for b in backs), backs


DUALITY = NOTES.add({
    "duality.md": (
        "# Duality\n\n```{prf:theorem} Separating hyperplane\n:label: thm-sep\n\nTwo disjoint convex sets can "
        "be separated by a hyperplane.\n```\n\n## Strong duality\n\nSlater's condition gives strong duality for "
        "convex problems; its proof rests on {prf:ref}`thm-sep`.\n")
})


def test_a_reference_to_a_proof_statement_reads_as_its_title(shared):
    """`{prf:ref}`thm-sep`` shows as the book shows it, the statement's title, not the raw label."""
    backs = [c["back"] for c in shared.cards(DUALITY)]
    assert any(b.endswith('its proof rests on Theorem "Separating hyperplane".') for b in backs), backs
    assert not any("thm-sep" in b for b in backs)


DAY = """---
title: "April 3"
date: 2026-04-03
categories: [daily]
---

Spent the afternoon on label smoothing. Writing it down before I forget.

## How it works

Label smoothing mixes the one-hot target with a uniform distribution: the true class gets $1-\\varepsilon$ and every class
$\\varepsilon/K$ on top, so the model is never pushed towards infinite logits.

## Where it hurts

It erases how far apart the wrong classes are, which makes the teacher worse for distillation.
"""


N2026_04_03 = NOTES.add({
    "2026-04-03.qmd": DAY,
    "2026-04-04.qmd": (
        DAY.replace(
"Spent the afternoon on label smoothing. Writing it down before I forget.", "Label smoothing, again.").replace(
"which makes the teacher worse for distillation", "so a student distilled from it learns less"))  # (the same
    # sentence in two notes is one card: scan.near_twins)
})


def test_a_daily_note_titled_by_its_date_takes_its_subject_from_what_the_day_was_about(shared):
    made = shared.cards(N2026_04_03)
    fronts = {c["front"] for c in made if c["source"]["path"] == "notes/2026-04-03.qmd"}
    assert "Label smoothing › Where it hurts" in fronts, fronts
    assert not any("April" in front for front in fronts)
    assert "Label smoothing, again › Where it hurts" in {c["front"] for c in made}


VAULT_NOTE = """Label smoothing mixes the one-hot target with a uniform distribution over the $K$ classes, so the model is never pushed to infinite logits.

- **Good**: calibration usually improves, and accuracy gains a little.
- **Bad**: teachers trained with it distil worse, as it erases which wrong classes look alike.
- **Bayesian view**: a prior that pulls the predicted distribution towards uniform.
- **Choosing $\\varepsilon$**: small values such as a tenth suit most classification models.

> [!question] Open question
> Does temperature scaling make it redundant? Mostly: after scaling, the calibration gain is small.

> [!question] Open question
> Does it help in regression at all?
"""


LABEL_SMOOTHING = NOTES.add({"Label smoothing.md": VAULT_NOTE}, alone=True)


def test_a_bold_side_of_the_subject_is_asked_as_that_side_and_an_open_question_asks_its_question(shared):
    made = {c["front"]: c["back"] for c in shared.cards(LABEL_SMOOTHING)}
    assert made.get("Label smoothing › Good", "").startswith("calibration usually improves"), made
    assert "Label smoothing › Bad" in made and "Label smoothing › Bayesian view" in made
    assert "Label smoothing › Choosing $\\varepsilon$" in made
    assert not any("Define: Good" in front or "Define: Bad" in front for front in made)
    asked = "Label smoothing\n\nDoes temperature scaling make it redundant?"
    assert made.get(asked, "").strip() == "Mostly: after scaling, the calibration gain is small.", made
    assert not any("Open question" in front or "regression at all" in front for front in made)  # (unanswered: no card)


LEARNING_RATE_WARMUP = NOTES.add({
    "Learning rate warmup.md": (
        "Warmup raises the learning rate from near zero to its target over the first steps.\n\n" \
        "## With cosine decay\nSee also [[Learning rate schedules]] (warmup is the first phase of most).\n\n" \
        "## How long?\nA few thousand steps for transformers, or 1–10% of training.\n\n" \
        "Links: [[Gradient clipping]], [[Training MOC]]\n"),
    "Lookahead optimizer.md": (
        "Lookahead keeps a slow copy of the weights that moves part of the way towards the fast ones every k steps.\n" \
        "TODO: why does this reduce variance?\n- [ ] TODO compare to SWA\n\nIt costs one extra copy of the weights.\n"),
    "2026-05-02.qmd": (
        "---\ntitle: \"May 2\"\n---\n\nSpent the morning on temperature scaling.\n\n## Fixing it\n\n" \
        "Divide the logits by one scalar $T$ fitted on held-out data; the argmax does not change.\n\n" \
        "Our fix today: $T \\approx 1.8$ and the error dropped from 0.11 to 0.02. Five lines of code.\n"),
    "gp.qmd": (
        "---\ntitle: \"Gaussian processes, gently\"\n---\n\nMost tutorials start from kernels or from measure " \
        "theory. Here's the route that finally worked for me.\n\n## Prior\n\nA Gaussian process is a distribution " \
        "over functions, any finite set of whose values is jointly Gaussian.\n")
})


def test_to_do_lines_link_trailers_and_the_writers_day_are_on_no_card(shared):
    made = shared.cards(LEARNING_RATE_WARMUP)
    text = "\n".join(c["back"] for c in made)
    assert "Links:" not in text and "TODO" not in text and "See also" not in text, text
    assert "A few thousand steps" in text and "slow copy" in text
    assert "Our fix today" not in text and "Divide the logits" in text
    assert "worked for me" not in text and "distribution over functions" in text


OFFLINE_EVALUATION = NOTES.add({
    "Offline evaluation.md": (
        "#eval\n\nHow I evaluate offline.\n\n- a random split leaks the future: split by time\n\n" \
        "TODO\n- inverse propensity scoring ??\n- read the sampled-metrics paper (see [[Negative sampling]])\n" \
        "- coverage, novelty\n")
})


def test_a_to_do_list_under_a_bare_todo_label_is_no_card(shared):
    made = shared.cards(OFFLINE_EVALUATION)
    text = "\n".join(c["front"] + "\n" + c["back"] for c in made)
    assert "propensity" not in text and "sampled-metrics" not in text and "novelty" not in text, text


SCREENING_TESTS = NOTES.add({
    "Screening tests.md": (
        "## Rates from the confusion matrix\nWith $P$ and $N$ the actual positives and negatives:\n" \
        "1. Sensitivity: $$\\frac{TP}{P}$$\n2. Specificity: $$\\frac{TN}{N}$$\n" \
        "Note: Sensitivity and specificity are computed within one class each, so class imbalance leaves them unchanged\n")
}, config=CONFIG.replace("definitions = true", "definitions = false"))


def test_a_closing_note_on_things_it_names_is_asked_about_them(shared):
    made = {c["front"]: c["back"] for c in shared.cards(SCREENING_TESTS)}
    front = "Screening tests › Rates from the confusion matrix › Sensitivity and specificity"
    assert made.get(front, "").startswith("Note: Sensitivity and specificity are computed"), made


PRETRAINING = NOTES.add({
    "Pretraining.md": (
        "# Pretraining\n\n## Masked tokens\n\nHide a random fifth of the input tokens behind a special mask symbol. " \
        "The network learns to restore these tokens. This is also called masked language modelling.\n\n" \
        "## Bounds\n\nNo learner can beat a logarithmic regret on a generic bandit, and the learners that reach it " \
        "are called asymptotically optimal.\n\n" \
        "## Targets\n\nBootstrapping and sampling are the two ends of a spectrum of update targets in prediction.\n")
})


def test_a_named_term_gets_what_its_pointer_points_at_and_two_things_compared_are_no_term(shared):
    made = {c["front"]: c["back"] for c in shared.cards(PRETRAINING)}
    masked = made.get("Pretraining › Masked tokens\n\nDefine: masked language modelling", "")
    assert masked.startswith("Hide a random fifth"), made  # (which tokens "these tokens" are)
    bound = made.get("Pretraining › Bounds\n\nDefine: asymptotically optimal", "")
    assert bound.startswith("No learner can beat"), made  # (the sentence says what "it" is: nothing before it)
    assert not any("Define: Bootstrapping and sampling" in front for front in made)


SHRINKAGE = """---
title: "Shrinkage estimators"
---

## James–Stein

Shrinking every coordinate of a mean estimate towards a common point lowers the total squared error once there are
three or more coordinates.

::: {.callout-warning}
The gain is in total risk only: single coordinates can get worse, so do not read one shrunk coordinate alone.
:::

## Admissibility

Stein's result was a shock because the sample mean, the obvious estimator, turned out to be dominated in three
or more dimensions: the James–Stein estimator lowers the total risk for every true mean.

An estimator is **admissible** if no other estimator has a risk at most as large everywhere and smaller somewhere.

- **Risk**: the expected loss of an estimator at a given true parameter, as a function of that parameter.
- **Dominance**: one estimator's risk is nowhere larger than another's, and somewhere smaller.
"""


SHRINKAGE_2 = NOTES.add({"shrinkage.qmd": SHRINKAGE})


def test_an_untitled_callout_is_a_card_titled_by_its_kind_and_a_bold_word_defined_by_a_condition_is_defined(shared):
    made = {c["front"]: c["back"] for c in shared.cards(SHRINKAGE_2)}
    warning = made.get("Shrinkage estimators › James–Stein › Warning: the gain", "")  # (what it warns about)
    assert warning.startswith("The gain is in total risk only"), made
    assert made.get("Shrinkage estimators › Admissibility\n\nDefine: admissible", "").startswith(
        "An estimator is **admissible** if no other estimator"), made


NORMALIZATION = NOTES.add({
    "Normalization.md": (
        "## RMSNorm\nDrop the mean subtraction and divide by the root mean square only; cheaper, and about as good.\n\n" \
        "> [!note]\n> Group norm sits in between: it normalises over groups of channels of one example.\n")
})


def test_an_untitled_note_its_sections_card_already_shows_is_no_card_again(shared):
    made = shared.cards(NORMALIZATION)
    assert [c["front"] for c in made] == ["Normalization › RMSNorm"], made
    assert "Group norm sits in between" in made[0]["back"]


NORMALIZATION_2 = NOTES.add({
    "Normalization.md": (
        "## Two normalisations\n- **Batch norm**: normalises each feature over the examples of the batch.\n" \
        "- **Layer norm**: normalises each example over its own features.\n\n" \
        "The difference between batch norm and layer norm is the axis the statistics are computed over, which is " \
        "why only batch norm behaves differently at test time.\n")
})


def test_a_closing_contrast_is_asked_as_that_contrast(shared):
    made = {c["front"]: c["back"] for c in shared.cards(NORMALIZATION_2)}
    assert made.get("Normalization › Two normalisations › Batch norm versus layer norm", "").startswith(
        "The difference between batch norm and layer norm"), made


def test_a_long_introduction_is_clipped_outside_its_inline_formulas(tmp_path):
    sentence = ("The first component is the unit vector $w$ maximizing the variance of the projected data "
                "$\\text{Var}(Xw) = w^\\top S w$, where $S$ is the covariance matrix of the **centred** data $X_c$ "
                "with $n$ rows and $p$ columns, and with the constraint $\\lVert w\\rVert = 1$ a Lagrange "
                "multiplier gives $S w = \\lambda w$: the solution is the eigenvector of $S$ with the largest "
                "eigenvalue, and the variance captured equals that EXTRAeigenvalue.")
    for cut in range(0, 40, 2):  # (wherever the clip would fall, it falls outside a formula)
        note = "# PCA\n\n" + sentence.replace("EXTRA", "very " * cut) + "\n\n$$\nS = \\frac{1}{n-1} X_c^\\top X_c\n$$\n"
        made = [c for c in cards(new_wiki(tmp_path / str(cut), {"PCA.md": note}, CONFIG)) if c["kind"] == "formula"]
        assert made and made[0]["front"].count("$") % 2 == 0, made[0]["front"]


LAMBDARANK = NOTES.add({
    "LambdaRank.md": (
        "#ranking\n\n## Detail\n$$\\lambda_{ij} = \\frac{\\partial C_{ij}}{\\partial s_i} |\\Delta \\text{NDCG}_{ij}|$$\n\n" \
        "## Notation\n$$P_{ij} = \\frac{1}{1 + e^{-\\sigma (s_i - s_j)}}$$\n")
})


def test_a_formula_alone_under_a_generic_heading_is_asked_of_the_subject(shared):
    made = [c["front"] for c in shared.cards(LAMBDARANK) if c["kind"] == "formula"]
    assert made == ["LambdaRank\n\nFormula", "LambdaRank › Notation\n\nFormula"], made  # (two sections: two cards)


BOOSTING = NOTES.add({
    "Boosting.md": (
        "## Gradients per loss\n- Squared error $$g_i = p_i - y_i$$ $$h_i = 1$$\n" \
        "- Log loss $$g_i = p_i - y_i$$ $$h_i = p_i(1-p_i)$$\n")
})


def test_a_formula_stated_again_for_another_case_is_on_that_cases_card(shared):
    made = {c["front"]: c["back"] for c in shared.cards(BOOSTING)
            if c["kind"] == "formula"}
    log_loss = made.get("Boosting › Gradients per loss\n\nLog loss: $g_i =$ …, $h_i =$ …", "")
    assert "g_i = p_i - y_i" in log_loss and "h_i = p_i(1-p_i)" in log_loss, made


EM = NOTES.add({
    "em.md": (
        "# Expectation–maximization\n\n## Where else EM shows up\n" \
        "- **Hidden Markov models**: Baum–Welch is EM, with the forward–backward pass as its E-step.\n" \
        "- **Missing data**: the missing entries are treated as the latent variables.\n\n## Properties\n" \
        "- **Monotone**: no iteration lowers the observed-data log-likelihood.\n")
})


def test_bold_items_under_a_heading_of_uses_name_places_not_terms(shared):
    made = [c["front"] for c in shared.cards(EM)]
    assert "Expectation–maximization › Properties › Monotone" in made, made
    assert "Expectation–maximization › Where else EM shows up › Hidden Markov models" in made, made
    assert not any("Define:" in front for front in made)


GRAPHS = NOTES.add({
    "Graphs.md": (
        "## Neighbourhoods\n\nOne option is to keep the three nodes closest to $A$. In this case, the neighbourhood " \
        "of $A$, written $N(A)$, would be:\n\n$$N(A) = \\{B, C, D\\}$$\n")
})


def test_a_formula_introduced_by_in_this_case_is_the_example_s_value(shared):
    made = [c for c in shared.cards(GRAPHS) if c["kind"] == "formula"]
    assert made == [], made


ORDER = NOTES.add({
    "order.md": (
        "# Model selection\n\n## Choosing the order\n\n$$\\text{AIC} = 2k - 2\\ln \\hat L$$\n\n"
        "## Fit\n\n$$L(\\theta) = \\prod_i p(x_i \\mid \\theta)$$\n")
}, config=DEFAULT_CONFIG)


def test_a_formula_nothing_introduces_is_asked_by_the_name_it_defines(shared):
    """`\\text{AIC} = …` under a heading with no sentence before it: the front asks for AIC, not "Formula"."""
    fronts = [c["front"] for c in shared.cards(ORDER)]
    assert "Model selection › Choosing the order\n\nAIC" in fronts
    assert "Model selection › Fit\n\nFormula" in fronts  # (a symbol names nothing a front could ask for)


METRICS = NOTES.add({
    "metrics.md": (
        "# Metrics\n\nWith errors $e_t = y_t - \\hat y_t$ over $n$ test points:\n\n"
        "$$\\text{MAE} = \\frac1n \\sum |e_t|, \\qquad \\text{RMSE} = \\sqrt{\\frac1n \\sum e_t^2}$$\n\n"
        "## Bound\n\nFor any unbiased estimator $\\hat\\theta$ from $n$ samples,\n\n"
        "$$\\mathrm{Var}(\\hat\\theta) \\ge \\frac{1}{n I(\\theta)}$$\n")
}, config=DEFAULT_CONFIG)


def test_a_formula_after_notation_set_up_is_asked_by_the_names_it_defines(shared):
    """"With errors … over n points:" names no quantity: the front says the MAE and RMSE its formula defines; a
    bound on an operator (`\\mathrm{Var}(\\hat\\theta) \\ge …`) defines no name."""
    fronts = [c["front"] for c in shared.cards(METRICS)]
    assert "Metrics › MAE and RMSE\n\nWith errors $e_t = y_t - \\hat y_t$ over $n$ test points:" in fronts, fronts
    assert "Metrics › Bound\n\nFor any unbiased estimator $\\hat\\theta$ from $n$ samples," in fronts, fronts


ENTROPY = NOTES.add({
    "entropy.md": (
        "# Entropy\n\nStarting point for everything else. Cover & Thomas 2.1, MacKay 2.4.\n\n"
        "## Definition\n\nEntropy is the expected surprisal of a distribution. Cover & Thomas 2.1.\n\n"
        "## Mutual information\n\nMutual information is the entropy one variable loses once the other is "
        "known. Needs {ref}`ch-entropy` and {doc}`03_kl`.\n\n"
        "## Derivation\n\nStep 1. Write the entropy as an expectation of the surprisal over the data.\n"),
    "intro.md": (
        "# Information theory for ML\n\n## Status\n\n| chapter | status |\n|---|---|\n| entropy | done |\n"
        "| MI | mostly, the estimators section is missing |\n\n## Plans\n\n"
        "TODO: add a chapter on rate-distortion, probably not before the exam.\n"),
    "references.md": (
        "# Reading list\n\nNot notes, just where stuff is from and what to read next.\n\n## Someday\n\n" \
        "- rate-distortion and the information bottleneck, properly\n- Fisher information\n"),
    "DeepWalk.md": "# DeepWalk\n\nPerozzi et al. 2014. Truncated random walks fed to word2vec give node embeddings.\n"
})


def test_citations_reading_lists_status_tables_and_lone_to_dos_are_on_no_card(shared):
    """Where to read is no fact: a sentence that only cites ("Cover & Thomas 2.2–2.5.", "Needs {ref}`…`."), a note
    titled "Reading list", a "## Status" table and a card that is one to-do line; "Step 1." is no citation."""
    made = shared.cards(ENTROPY)
    text = "\n".join(c["front"] + "\n" + c["back"] for c in made)
    for cited in ("Cover & Thomas", "MacKay", "Needs {ref}", "status", "rate-distortion", "Not notes", "Starting point"):
        assert cited not in text, (cited, text)
    assert "expected surprisal of a distribution." in text and "the other is known." in text, text
    assert "Step 1. Write the entropy" in text, text
    assert "Perozzi et al. 2014." in text, text  # (a paper that says where an idea comes from: history, kept)


CE = NOTES.add({
    "ce.md": (
        "# Cross-entropy\n\n## As a loss\n\n**One-hot labels**: if the target is one-hot on class $y$ then $p$ "
        "puts all its mass on $y$, so\n\n$$\nH(p, q) = -\\log q_y\n$$\n\njust minus the log-probability of the "
        "correct class.\n\n**Label smoothing**: mixing the one-hot target with a uniform distribution over the "
        "classes.\n")
})


def test_a_bold_term_whose_sentence_a_formula_goes_on_is_no_definition(shared):
    """"**One-hot labels**: if … then $p$ puts all its mass on $y$, so" + a formula: the formula's card shows the
    sentence; a definition card of it would end on "so"."""
    made = shared.cards(CE)
    defined = {c["front"].rsplit("Define: ", 1)[-1]: c["back"] for c in made if "Define: " in c["front"]}
    assert "One-hot labels" not in defined and defined.get("Label smoothing", "").startswith("mixing"), defined
    assert any("H(p, q) = -\\log q_y" in c["back"] and "One-hot labels" in c["front"] for c in made), made


MESSAGE_PASSING = NOTES.add({
    "Message passing.md": (
        "## Expressiveness\n(Xu et al. 2019, the GIN paper)\n\n- message-passing networks are **at most as "
        "powerful as the 1-WL test** at telling graphs apart\n- they reach it if the update is injective on multisets\n"
        "- **sum** can be injective; **mean** and **max** can't\n"
        "  - mean can't tell {a, b} from {a, a, b, b}\n  - max can't tell {a, b} from {a, a, b}\n\n"
        "GIN layer:\n$$\nh_v' = \\text{MLP}\\Big((1+\\epsilon)\\,h_v + \\sum_{u} h_u\\Big)\n$$\n")
})


def test_a_bullet_led_by_its_bold_subject_keeps_it_and_asks_for_the_terms_it_contrasts(shared):
    """"- **sum** can be injective; **mean** and **max** can't": the front asks about all three, the back is the
    whole sentence (not "can be injective; …" without its subject)."""
    made = shared.backs_by_front(MESSAGE_PASSING)
    assert made.get("Message passing › Expressiveness › sum, mean and max", "").startswith(
        "sum can be injective; **mean** and **max** can't"), made
    assert "Xu et al." not in "\n".join(made.values()), made  # (where the section's ideas come from: no card)


DETECTORS = NOTES.add({
    "detectors.md": (
        "# Detectors\n\n- **R-CNN** (2014): ~2000 proposals from selective search, then a CNN per warped crop and "
        "an SVM per class. Painfully slow.\n- **Fast R-CNN** (2015): run the CNN once on the whole image and pool "
        "each proposal's features from the shared map.\n- **YOLO** v1 (2016): split the image into a grid whose "
        "cells each predict boxes and class probabilities.\n- **Batch size**: 32 (per GPU)\n")
})


def test_a_term_whose_definition_opens_on_a_number_but_describes_is_defined(shared):
    """"- **R-CNN** (2014): ~2000 proposals from selective search → …" describes R-CNN like its siblings; "- **Batch
    size**: 32 (per GPU)" stays a labelled value."""
    made = shared.cards(DETECTORS)
    defined = {c["front"].rsplit("Define: ", 1)[-1] for c in made if "Define: " in c["front"]}
    assert {"R-CNN (2014)", "Fast R-CNN (2015)", "YOLO v1 (2016)"} <= defined and not any("Batch size" in d for d in defined), defined


HUBERT = NOTES.add({
    "hubert.md": (
        "# HuBERT\n\n## Targets\n\nHuBERT predicts cluster ids of masked frames instead of contrasting against "
        "distractors; the targets come from k-means on MFCCs first, then on its own features.\n\n<details>\n"
        "<summary>Answer I found later</summary>\n\nTwo rounds of clustering already beat MFCC clusters; more "
        "rounds help little.\n\n</details>\n")
})


def test_an_html_folds_tags_never_reach_a_back(shared):
    """`<details><summary>…</summary> … </details>` in a section: the fold's text is on the card, its tags are not
    (a back that kept the closing tag alone showed a stray "</details>")."""
    made = shared.backs_by_front(HUBERT)
    back = made.get("HuBERT › Targets", "")
    assert "Two rounds of clustering" in back and "details>" not in back and "\n\n\n" not in back, made


N2026_10_21 = NOTES.add({
    "2026-10-21.qmd": (
        "---\ntitle: \"2026-10-21\"\n---\n\nNoise in BO — the thing every toy example skips. Real objectives "
        "are noisy.\n\nProblem with plain EI: the best observed value is optimistically biased under noise, so EI "
        "under-explores near a lucky point.\n\nFixes I've seen:\n\n1. **plug-in EI**: use the best posterior "
        "mean at the evaluated points.\n2. **noisy EI**: integrate EI over the posterior at the observed points."
        "\n\n::: {.callout-warning title=\"what to report at the end\"}\nWith noise, don't recommend the point with the "
        "best observed value, which is again a lucky draw: recommend the argmax of the posterior mean over the "
        "evaluated points, or the best configuration often regresses when you run it again.\n:::\n\n"
        "Also: let the GP learn the noise variance. If the noise is fixed too low, the GP chases the noise and the "
        "acquisition function goes haywire near the most recent points, proposing them again and again.\n\n"
        "Quick sanity numbers (made up): 5 repeat runs gave 0.812, 0.826, 0.807, 0.831, 0.819, so sd ≈ 0.01 and "
        "any gain under that is noise.\n\nLink back: [kernels](2026-10-06.qmd), [posterior](2026-10-08.qmd).\n")
})


def test_a_link_back_line_and_made_up_numbers_close_no_section(shared):
    """After a section's list: "Link back: [kernels](…), [posterior](…)." says where, and "Quick sanity numbers (made
    up): …" works an example: neither is a card of its own; the list is."""
    made = shared.backs_by_front(N2026_10_21)
    text = "\n".join(made) + "\n".join(made.values())
    assert "optimistically biased" in text and "Link back" not in text and "0.812" not in text, made


OVER_SMOOTHING = NOTES.add({
    "Over-smoothing.md": (
        "# Over-smoothing\n\nDeep GNNs make node features nearly identical after many layers.\n\n> [!warning]\n"
        "> don't confuse with **over-squashing** (a bottleneck on long-range messages) or with plain overfitting."
        "\n\n## What C does\n\nLarger C fits the training data harder.\n\n> [!warning]\n> $C$ multiplies a **sum** "
        "over points, not a mean, so the same C fits more data harder.\n\n## Mel scale\n\nThe mel scale follows "
        "pitch perception.\n\n> [!warning]\n> librosa's `hz_to_mel` defaults to the **Slaney** formula, not HTK.\n")
})


def test_an_untitled_callout_with_no_subject_is_asked_by_what_it_names_first(shared):
    """"> [!warning]" whose sentence has no subject a front can take: its opening symbol, else its first bold term
    or code, names what it warns of ("› Warning: over-squashing", "› Warning: $C$", "› Warning: `hz_to_mel`")."""
    made = shared.backs_by_front(OVER_SMOOTHING)
    fronts = {front.split("\n\n")[0] for front in made}
    # (the path above the sentence its one bold phrase is asked by: "… › Warning: $C$ / $C$ multiplies a … over …")
    assert {"Over-smoothing › What C does › Warning: $C$", "Over-smoothing › Mel scale › Warning: `hz_to_mel`"} <= fronts
    assert any(f.startswith("Over-smoothing › Warning: ") and f.endswith("over-squashing") for f in fronts), fronts


DBSCAN = NOTES.add({
    "DBSCAN.md": (
        "#clustering\n\nDensity-based clustering with two parameters, a radius eps and minPts, and a notion of "
        "noise points.\n\n**core point**: has at least minPts points within distance eps\n\nwhy use it\n"
        "- no need to choose the number of clusters\n- arbitrary shapes, not just blobs like k-means\n\n"
        "where it fails\n- one global eps cannot handle clusters of very different densities\n"
        "- in high dimensions distances concentrate and eps becomes meaningless\n")
})


def test_a_lower_case_label_line_over_a_list_heads_its_card(shared):
    """Obsidian notes write "why use it" / "where it fails" over their lists: each list is a card under its label;
    a one-word line or one that goes on from the sentence before ("and then") is no label."""
    made = shared.backs_by_front(DBSCAN)
    assert made.get("DBSCAN › why use it\n\nWhat is the motivation for DBSCAN?", "").startswith("- no need to choose"), made
    assert "different densities" in made.get("DBSCAN › where it fails", ""), made


def test_sentences_about_the_page_or_its_sources_are_on_no_card(tmp_path):
    """"Quick reference.", "Notebook version of lecture 7a.", "CS229 notes are the cleanest for this.", "(short —
    lecture spent 10 min on it)": about the page, not its subject; "In the paper 2 layers was best" and a fact with a
    pointer after it ("→ [[Data leakage]]") stay."""
    notes = {"kernels.md": "# Common kernels\n\nQuick reference. Derivations of why these are valid → [[Mercer]].\n\n"
                           "## RBF\n\nThe RBF kernel is $\\exp(-\\gamma\\|x-z\\|^2)$; in the paper 2 layers was best.\n",
             "dual.md": "# The dual problem\n\nCS229 notes are the cleanest for this.\n\n## Support vectors\n\n"
                        "Support vectors are the points with a nonzero multiplier; otherwise the fit ignores the "
                        "point → [[Data leakage]]\n",
             "representer.md": "# Representer theorem\n\n(short — lecture spent 10 min on it, proof sketch only)\n"}
    text = "\n".join(f"{f}\n{b}" for f, b in backs_by_front(new_wiki(tmp_path, notes, CONFIG)).items())
    for gone in ("Quick reference", "CS229", "lecture spent"):
        assert gone not in text, (gone, text)
    assert "2 layers was best" in text and "ignores the point → [[Data leakage]]" in text, text


def test_untitled_warnings_of_two_notes_without_headings_are_two_cards(tmp_path):
    """Two daily notes without headings, each with an untitled warning: two cards with two ids, not one id (whose
    second card `cards` lost and whose history the two would share)."""
    day = "---\ntitle: \"2026-10-{day}\"\n---\n\n{topic} — notes of the day:\n\n::: {{.callout-warning}}\n{text}\n:::\n"
    notes = {"a.qmd": day.format(day="09", topic="noise vs jitter", text="sklearn's `alpha` is a fixed noise "
                                 "variance; add a `WhiteKernel` to learn the noise instead."),
             "b.qmd": day.format(day="10", topic="periodic kernels", text="The periodic kernel alone forces exact "
                                 "repetition; multiply it by an RBF to let the pattern drift.")}
    root = new_wiki(tmp_path, notes, CONFIG)
    backs = [c["back"] for c in cards(root)]
    assert any("WhiteKernel" in b for b in backs) and any("exact repetition" in b for b in backs), backs
    assert "share one review history" not in run(root, "check").output


def test_a_stressed_conjunction_is_no_term():
    """"… does double duty: regularization **and** numerics": "**and**" stresses, it names nothing to ask about
    (the paragraph's card asked "… › and")."""
    from mlwiki.extract.blocks import Block
    from mlwiki.extract.emphasised import emphasised_card
    from mlwiki.extract.lines import TEXT, Line
    text = ("The $\\lambda I$ does double duty: regularization (bigger λ → smoother $f$) **and** numerics — $K$ is "
            "often near-singular (RBF with close points), and the added ridge keeps every eigenvalue above λ.")
    assert emphasised_card("KRR › Dual", Block(TEXT, [Line(41, text, TEXT)]), True) is None


DETR = NOTES.add({
    "DETR.md": (
        "# DETR\n\nDETR detects objects as a set prediction with a transformer and bipartite matching.\n\n"
        "## Problems\n\n> [!WARNING]\n> Super slow convergence: 500 epochs on COCO against about 36 for Faster "
        "R-CNN, and weak on small objects.\n\nThe attention starts uniform over the whole image and has to learn "
        "to become local, and the matching is unstable early in training.\n\n## Problem 2\n\nShow that the "
        "Hungarian matching loss is invariant to a permutation of the predictions.\n")
})


def test_a_problems_section_of_a_method_is_studied_and_a_numbered_problem_is_an_exercise(shared):
    """"## Problems" under a method lists its drawbacks (cards); "## Problem 2" is an exercise (none). An untitled
    warning opening "Super slow convergence: …" is about slow convergence ("slow" is no verb)."""
    made = shared.backs_by_front(DETR)
    assert "DETR › Problems › Warning: Super slow convergence" in made, made
    assert any("attention starts uniform" in back for back in made.values()), made
    assert not any("invariant to a permutation" in back for back in made.values()), made


SPECAUGMENT = NOTES.add({
    "specaugment.md": (
        "# SpecAugment\n\nAugmentation applied directly to the log-mel spectrogram during training.\n\n"
        "| policy | W | F | T |\n|---|---|---|---|\n| LB | 80 | 27 | 100 |\n| LD | 80 | 27 | 100 |\n\n"
        "- time warping gave the smallest gain and is the most expensive, so most toolkits drop it\n"
        "- the model stops overfitting and starts underfitting, so it needs a bigger network\n\n"
        "> **Tip:** masks go on the normalized features, so masking with 0 masks with the mean.\n\n"
        "## Streaming\n\nA streaming model sees only a little future context.\n\n> [!WARNING]\n> Streaming models "
        "always lose some accuracy against the same model with full context, 5–15% relative WER.\n")
})


def test_a_tip_or_warning_is_asked_by_the_subject_of_a_plural_or_common_verb(shared):
    """"masks go on …", "Streaming models always lose …", "Old Pascal VOC code (…) computes …": their subject names
    what the tip or warning is about, in a `> **Tip:**` quote as in an untitled callout."""
    fronts = set(shared.backs_by_front(SPECAUGMENT))
    assert {"SpecAugment › Tip: masks", "SpecAugment › Streaming › Warning: Streaming models"} <= fronts, fronts


SPECAUGMENT_2 = NOTES.add({
    "specaugment.md": (
        "# SpecAugment\n\n[Park et al. 2019](https://arxiv.org/abs/1904.08779). Augmentation applied **directly "
        "to the log-mel spectrogram**, on the fly during training. Simple, and state of the art at the time.\n\n"
        "Three operations:\n\n"
        "- **time warping** — warp the spectrogram left or right around a random point by up to W frames\n"
        "- **frequency masking** — choose $f \\sim U[0, F]$ and $f_0 \\sim U[0, \\nu - f)$, then set channels "
        "$[f_0, f_0 + f)$ to the mean value (= 0 after normalization)\n"
        "- **time masking** — the same along time: $t \\sim U[0, T]$ consecutive frames, with $t \\le p \\cdot "
        "\\tau$ so short utterances are not blanked\n\n"
        "Each mask can be applied several times ($m_F$, $m_T$).\n\n"
        "| policy | W | F | T |\n|---|---|---|---|\n| LB | 80 | 27 | 100 |\n| LD | 80 | 27 | 100 |\n\n"
        "- time warping gave the smallest gain and is the most expensive, so most toolkits drop it\n"
        "- the model stops overfitting and starts underfitting, so it needs a bigger network\n\n"
        "> **Tip:** masks go on the normalized features, so masking with 0 masks with the mean.\n\n"
        "Intuition: the model cannot depend on any single band or short segment, like dropout on blocks.\n")
})


def test_a_short_introduction_that_counts_its_list_fronts_the_list(shared):
    """"Three operations:" over three explained items in a long note: a card "… / Three operations:" with the list,
    though the introduction is two words long."""
    made = shared.backs_by_front(SPECAUGMENT_2)
    assert "frequency masking" in made.get("SpecAugment\n\nThree operations:", ""), made


def test_a_why_label_leaves_the_writers_aside_out_of_its_question(tmp_path):
    """"Why two-stage was more accurate historically (my understanding): …" asks "… historically?"; an aside that
    says which version ("How it's implemented (TRL, InstructGPT-style):") stays."""
    from mlwiki.extract.blocks import Block
    from mlwiki.extract.labels import asked_paragraph
    from mlwiki.extract.lines import TEXT, Line
    mine = "Why two-stage was more accurate historically (my understanding): the proposals filter easy background."
    which = "How it's implemented (TRL, InstructGPT-style): the KL penalty is added to the per-token reward."
    assert asked_paragraph("Detectors", Block(TEXT, [Line(3, mine, TEXT)]))[0] == \
        "Detectors › Why two-stage was more accurate historically?"
    assert asked_paragraph("KL", Block(TEXT, [Line(3, which, TEXT)]))[0] == \
        "KL › How it's implemented (TRL, InstructGPT-style)?"
