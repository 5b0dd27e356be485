"""Notes kept in Joplin (session 58): a page's navigation line and what it says of where it comes from under its
title, a checklist's task items, a clipped API reference's parameters, an exercise's lessons, the fronts a list or
a run of formulas asks. Every note is written to one wiki in tmp_path, scanned once through the CLI (`cards
--json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)
FRONT = "---\ntitle: {title}\nupdated: 2024-05-02 18:11:40Z\ncreated: 2024-04-27 09:30:12Z\ntags:\n  - ml\n---\n\n"


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("joplin58"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _made(cards: list[dict], rel: str) -> dict[str, str]:
    """{front: back} of the cards of the note `rel`."""
    return {c["front"]: c["back"] for c in cards if c["source"]["path"] == f"notes/{rel}"}


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


NOTES["Regularisation/Ridge regression.md"] = FRONT.format(title="Ridge regression") + (
    "# Ridge regression\n\n"
    "[Index](../ML%20-%20Index.md) · needs: [Least squares](../Regularisation/Least%20squares.md), "
    "[Bias and variance](../Basics/Bias%20and%20variance.md) · next: [Lasso](../Regularisation/Lasso.md)\n\n"
    "Lecture 4 + ESL §3.4.1, §3.4.2. Less polished, wrote most of this on the bus.\n\n"
    "## Penalty\n\n"
    "Ridge adds the squared L2 norm of the coefficients to the residual sum of squares, which shrinks every "
    "coefficient towards zero.\n\n"
    "## Open questions\n\n"
    "- Generalised ridge with a different penalty per coefficient — not covered in the course, maybe later.\n")
NOTES["Regularisation/Lasso.md"] = FRONT.format(title="Lasso") + (
    "# Lasso\n\n"
    "← [ML - Index](../ML%20-%20Index.md) · prerequisite: [Ridge regression](../Regularisation/Ridge%20regression.md)\n\n"
    "## Sparsity\n\n"
    "The L1 penalty has a corner at zero, so the lasso sets some coefficients exactly to zero.\n")
NOTES["Regularisation/Elastic net.md"] = FRONT.format(title="Elastic net") + (
    "# Elastic net\n\n"
    "[Index](../ML%20-%20Index.md) · ESL ch. 3.4 · the Bayesian view of these is in [Priors](../Bayes/Priors.md)\n\n"
    "Core idea: ==the penalty mixes the lasso's L1 norm with ridge's squared L2 norm==, so correlated features are "
    "kept together instead of one being picked at random.\n\n"
    "## Mixing parameter\n\n"
    "A mixing weight of one gives the lasso and a weight of zero gives ridge regression.\n")


def test_a_navigation_line_under_the_title_is_on_no_card(cards):
    """Joplin's writers link the notes around a page under its title, each link labelled ("needs:", "next:",
    "prerequisite:"), an arrow before the first: the title's card was those links alone (before: "Ridge
    regression" → "[Index](…) · needs: …"); the sections' cards stay."""
    for rel in ("Regularisation/Ridge regression.md", "Regularisation/Lasso.md"):
        made = _made(cards, rel)
        text = _text(made)
        assert "](" not in text and "needs:" not in text and "prerequisite" not in text, made
        assert any("Penalty" in front or "Sparsity" in front for front in made), made


def test_where_a_page_comes_from_and_how_it_was_written_is_on_no_card(cards):
    """"Lecture 4 + ESL §3.4.1, §3.4.2. Less polished, wrote most of this on the bus." names the page's sources
    and how it was written, nothing of ridge regression, and "— not covered in the course, maybe later" what the
    course leaves out: no card holds them."""
    text = _text(_made(cards, "Regularisation/Ridge regression.md"))
    assert "Lecture 4" not in text and "on the bus" not in text and "ESL" not in text
    assert "not covered in the course" not in text  # (a topic the course leaves out: the writer's to-do)


def test_a_navigation_line_leaves_the_text_after_it_its_card(cards):
    """A navigation line whose segments are a link, the page's sources ("ESL ch. 3.4") and a pointer to where a
    thing is ("… is in [Priors](…)") is left out of the title's card, which keeps the core idea after it."""
    made = _made(cards, "Regularisation/Elastic net.md")
    backs = [back for back in made.values() if "correlated features are kept together" in back]
    assert backs and not any("](" in back or "ESL" in back for back in backs), made


NOTES["Boosting/Stacking.md"] = FRONT.format(title="Stacking") + (
    "# Stacking\n\n"
    "## Stacking vs bagging\n\n"
    "- ==A stacked ensemble learns how much to trust each base model from held-out predictions.==\n"
    "- Bagging averages models that were trained on bootstrap resamples of the same data.\n"
    "- Stacking needs out-of-fold predictions, otherwise the meta-model rewards overfitted base models.\n\n"
    "| | stacking | bagging |\n|---|---|---|\n| combiner | learned | fixed average |\n\n"
    "Check of the second claim on the toy set: two resamples, 0.71 and 0.69 accuracy, mean 0.70 ✓.\n")


def test_a_list_of_claims_right_under_a_heading_is_carded(cards):
    """A section that opens on a bulleted list of claims, no sentence before it, then a table and a paragraph:
    the list stood for nothing and the paragraph after the table became the section's card (before: the first
    claim was on no card)."""
    text = _text(_made(cards, "Boosting/Stacking.md"))
    assert "learns how much to trust each base model" in text
    assert "out-of-fold predictions" in text


NOTES["Evaluation/Log loss.md"] = FRONT.format(title="Log loss") + (
    "# Log loss\n\n"
    "## Drawbacks\n\n"
    "$$\n\\text{LL} = -\\frac{1}{N}\\sum_i \\log p_i\n$$\n\n"
    "Easy to optimise and smooth. But:\n\n"
    "1. **Unbounded** when a true class gets probability 0, so one confident mistake dominates the mean.\n"
    "2. Hard to explain to **stakeholders** — a value of 0.3 has no business meaning.\n"
    "3. **Asymmetric**: a confident wrong prediction costs far more than an unsure right one gains when it's above.\n")


def test_a_list_item_that_ends_on_above_is_not_a_pointer(cards):
    """"… gains when it's above." compares with a thing named before it, it points at nothing on the page: the
    list of drawbacks was refused as a passage and two of its items were on no card."""
    text = _text(_made(cards, "Evaluation/Log loss.md"))
    assert "one confident mistake dominates the mean" in text
    assert "costs far more than an unsure right one" in text


NOTES["Smoothing/Holt.md"] = FRONT.format(title="Holt") + (
    "# Holt\n\n"
    "## Multiplicative trend\n\n"
    "$$\n\\hat y_{t+h} = \\ell_t\\, b_t^{h}\n$$\n\n"
    "- growth factors are ratios, near 1 within a year of $h$ steps\n"
    "- ==use multiplicative when the series grows by a steady percentage== (compound interest)\n"
    "- alternative: model the log of the series with an additive trend\n")


def test_a_highlighted_item_after_a_formula_is_no_value_of_it(cards):
    """`==use … when …==` opens with the highlight's marks, not with "= value when": no front asks "When is it
    =use multiplicative?"."""
    made = _made(cards, "Smoothing/Holt.md")
    assert not any("When is it" in front or "=use" in front for front in made), made
    assert "use multiplicative when the series grows" in _text(made)


NOTES["Evaluation/Cross-validation.md"] = FRONT.format(title="Cross-validation") + (
    "# Cross-validation\n\n"
    "## Leakage checklist\n\n"
    "- [x] Imputation fitted on all rows → ==fit the imputer inside each training fold==\n"
    "- [x] Target encoding computed before the split leaks the labels of the validation fold\n"
    "- [ ] Feature selection run on the full data picks features that fit the validation fold too\n\n"
    "## TODO\n\n"
    "- [ ] Rerun the grid search with nested folds\n")


def test_a_checklists_task_items_are_its_checks(cards):
    """Under "## Leakage checklist" the ticked and unticked items are the checks themselves (before: read as the
    writer's chores, on no card); a to-do list elsewhere stays off the cards."""
    text = _text(_made(cards, "Evaluation/Cross-validation.md"))
    assert "fit the imputer inside each training fold" in text
    assert "leaks the labels of the validation fold" in text
    assert "Rerun the grid search" not in text and "[x]" not in text


NOTES["Exercise - Titanic logistic regression.md"] = FRONT.format(title="Exercise - Titanic logistic regression") + (
    "# Exercise - Titanic logistic regression\n\n"
    "Lab exercise: fit a logistic regression on the Titanic passengers and compare it with a majority baseline.\n\n"
    "## Results\n\n"
    "Accuracy 0.79 against 0.62 for the majority class.\n\n"
    "## Lessons (for the exam)\n\n"
    "- Class imbalance makes accuracy flatter a model; report precision and recall as well.\n"
    "- Standardise the features first, or the penalty shrinks the large-scale features the least.\n")


def test_an_exercises_lessons_are_carded(cards):
    """An exercise's numbers are no card, but its "Lessons (for the exam)" state what it teaches for any case:
    they were on no card with the rest of the exercise."""
    made = _made(cards, "Exercise - Titanic logistic regression.md")
    text = _text(made)
    assert "report precision and recall as well" in text
    assert "0.79" not in text


NOTES["Web Clips/Ridge — scikit-learn 1.4.1 documentation.md"] = (
    "---\ntitle: Ridge — scikit-learn 1.4.1 documentation\nsource: https://scikit-learn.org/stable/modules/generated/"
    "sklearn.linear_model.Ridge.html\ntags:\n  - clipped\n---\n\n"
    "# Ridge\n\n"
    "Linear least squares with l2 regularization.\n\n"
    "## Parameters:\n\n"
    "**alpha** : float, default=1.0\n\n"
    "Constant that multiplies the L2 term, controlling regularization strength. Must be a non-negative float.\n\n"
    "**solver** : str, default='auto'\n\n"
    "Solver to use in the computational routines.\n\n"
    "Added in version 0.17.\n\n"
    "**positive** : bool, default=False\n\n"
    "When set to True, forces the coefficients to be positive.\n\n"
    "Changed in version 0.23: the 'lbfgs' solver is the only one that supports it.\n")


def test_a_clipped_api_parameter_is_defined_by_its_description(cards):
    """A clipped numpydoc page shows "**alpha** : float, default=1.0" over its description: the parameter's card
    was its type alone ("Define: alpha" → "float, default=1.0"), the description on a card of its own or none;
    the version notes are on no card."""
    made = _made(cards, "Web Clips/Ridge — scikit-learn 1.4.1 documentation.md")
    alpha = [back for front, back in made.items() if front.endswith("Define: alpha")]
    assert alpha and "controlling regularization strength" in alpha[0], made
    positive = [back for front, back in made.items() if front.endswith(("Define: positive", "› positive"))]
    assert positive and "bool, default=False" in positive[0] and "forces the coefficients to be positive" in \
        positive[0], made  # (a description that defines nothing, "When set to True, …", under its name)
    assert "version" not in _text(made)


NOTES["Smoothing/Kernel smoothing.md"] = FRONT.format(title="Kernel smoothing") + (
    "# Kernel smoothing\n\n"
    "## Definitions\n\n"
    "**Bandwidth**: the width of the kernel, which trades bias against variance.\n\n"
    "> **Careful:** a bandwidth chosen by eye on one plot can hide a second mode of the density.\n")


def test_a_remarks_label_is_no_term(cards):
    """"**Careful:** …" labels a caveat: no card asks "Define: Careful" (the bandwidth's definition stays)."""
    made = _made(cards, "Smoothing/Kernel smoothing.md")
    assert not any(front.endswith("Define: Careful") for front in made), made
    assert any(front.endswith("Define: Bandwidth") for front in made), made
    assert "can hide a second mode" in _text(made)


NOTES["Models/Model selection.md"] = FRONT.format(title="Model selection") + (
    "# Model selection\n\n"
    "## Criteria\n\n"
    "$$\n\\text{Cp} = \\frac{1}{n}(\\text{RSS} + 2d\\hat\\sigma^2)\n$$\n\n"
    "$$\n\\text{AdjR2} = 1 - \\frac{\\text{RSS}/(n-d-1)}{\\text{TSS}/(n-1)}\n$$\n\n"
    "Lower Cp is better, higher adjusted R² is better.\n")


def test_displays_that_define_quantities_of_their_own_are_a_card_each(cards):
    """Two displays in a row, no sentence over them, each defining a quantity it names: the second was a step of
    the first's card, asked as "Cp"; each is now asked by its own name."""
    made = _made(cards, "Models/Model selection.md")
    adj = [back for front, back in made.items() if front.endswith("AdjR2")]
    assert adj and "\\text{Cp}" not in adj[0], made
    cp = [back for front, back in made.items() if front.endswith("\n\nCp")]
    assert cp and "AdjR2" not in cp[0], made


NOTES["Evaluation/Calibration.md"] = FRONT.format(title="Calibration") + (
    "# Calibration\n\n"
    "## Reliability diagrams\n\n"
    "![reliability.png](../_resources/reliability.png)\n\n"
    "Top row: the raw model (left) and after temperature scaling (right). Bottom row: the counts per bin.\n\n"
    "A calibrated model's points lie on the diagonal: predicted probability equals observed frequency.\n")


def test_a_caption_a_blank_line_under_a_picture_is_on_no_card(cards):
    """Joplin leaves a blank line between a picture and its caption; a caption that walks through the picture's
    panels ("Top row: … Bottom row: …") says what no card can show."""
    text = _text(_made(cards, "Evaluation/Calibration.md"))
    assert "Top row" not in text and "Bottom row" not in text
    assert "lie on the diagonal" in text


NOTES["Smoothing/Moving averages.md"] = FRONT.format(title="Moving averages") + (
    "# Moving averages\n\n"
    "## Centred averages\n\n"
    "A centred moving average of odd order m averages the m observations around each time point.\n\n"
    "### Toy differencing (period 2)\n\n"
    "$y$ = 4, 8, 6, 10, 5, 9\n\n"
    "$y_t - y_{t-2}$ = (6−4, 10−8, 5−6, 9−10) = 2, 2, −1, −1 → the pattern of period 2 is gone, a level change "
    "remains.\n")


def test_a_sum_with_the_typographic_minus_is_worked_arithmetic(cards):
    """"(6−4, 10−8, …) = 2, 2, …" written with the minus sign "−" works numbers as "6-4" does: no card holds it
    (before: each paragraph of the toy differencing was a card, the other on its front)."""
    text = _text(_made(cards, "Smoothing/Moving averages.md"))
    assert "6−4" not in text and "4, 8, 6, 10" not in text
    assert "averages the m observations around each time point" in text
