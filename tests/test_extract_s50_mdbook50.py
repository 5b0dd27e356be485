"""mdBook books (session 50, mdbook50, the held25 judge): math written with mdBook's doubled delimiters is read as
math (a display is carded, a cut never splits a formula), mdBook's `{{#…}}` directives never show, a lead
"Examples to remember:" over a list after a formula is no worked example, a definition a formula goes on is no
definition card alone, the writer's plan table, study log and conventions make no cards. Notes written to tmp_path,
read back through the CLI."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _text(made: dict[str, str]) -> str:
    return "\n".join(f"{front}\n{back}" for front, back in made.items())


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


SP = NOTES.add({
    "sp.md": (
        "# Softplus\n\n## Form\n\nThe softplus of a real input is defined as\n\n"
        "\\\\[\n\\operatorname{sp}(z) = \\log\\big(1 + e^{z}\\big)\n\\\\]\n\n"
        "It is a smooth version of the rectifier and its derivative is the logistic sigmoid.\n")
})


def test_a_doubled_display_is_a_formula_card(shared):
    """`\\\\[ … \\\\]` on lines of their own (mdBook's MathJax) after a defining sentence: the formula is carded."""
    made = shared.backs_by_front(SP)
    assert any("\\log\\big(1 + e^{z}\\big)" in back for back in made.values()), made
    assert "\\\\[" not in _text(made), made
    assert not any(back.rstrip().endswith("defined as") for back in made.values()), made


MEAN = NOTES.add({
    "mean.md": (
        "# Sample mean\n\n## Facts\n\n"
        "- Spread \\\\( \\mathrm{Var}[\\bar X] = \\sigma^2 / n \\\\), so the error shrinks like "
        "\\\\( 1/\\sqrt n \\\\) as the sample grows.\n"
        "- Centre: the mean of \\\\( \\bar X \\\\) is the population mean \\\\( \\mu \\\\), whatever \\\\( n \\\\) is.\n")
})


def test_doubled_inline_math_is_never_cut_open(shared):
    """`\\\\( … \\\\)` in a sentence is inline math: every side of every card closes each formula it opens."""
    made = shared.backs_by_front(MEAN)
    assert made
    for side in _text(made).split("\n"):
        assert side.count("\\(") == side.count("\\)"), made
    assert "\\\\(" not in _text(made), made


DROP = NOTES.add({
    "drop.md": (
        "# Dropout\n\n{{#title Dropout notes}}\n\nDropout zeroes each unit with probability p during training "
        "and rescales the survivors by 1/(1-p), so no rescaling is needed at test time.\n\n"
        "## Code\n\n```python\n{{#include ../snippets/drop.py:apply}}\n```\n\n```rust\n"
        "{{#rustdoc_include ../snippets/drop.rs}}\n```\n\nThe mask is drawn afresh for every minibatch.\n")
})


def test_mdbook_directives_never_show(shared):
    """`{{#title …}}`, and `{{#include …}}` / `{{#rustdoc_include …}}` alone in a fence, show nothing."""
    made = shared.backs_by_front(DROP)
    assert made
    assert "{{#" not in _text(made), made


ROT = NOTES.add({
    "rot.md": (
        "# Rotations\n\n## Matrix\n\nA rotation of the plane by an angle is the matrix\n\n\\\\[\n"
        "R = \\begin{pmatrix} \\cos t & -\\sin t \\\\\\\\ \\sin t & \\cos t \\end{pmatrix}\n\\\\]\n\n"
        "Its determinant is one and its inverse is its transpose.\n")
})


def test_a_matrix_row_break_is_halved(shared):
    """In mdBook a matrix's row break is written `\\\\\\\\` (Markdown halves it): the card holds LaTeX's `\\\\`."""
    made = shared.backs_by_front(ROT)
    backs = [back for back in made.values() if "pmatrix" in back]
    assert backs, made
    assert "-\\sin t \\\\ \\sin t" in backs[0], backs


EST = NOTES.add({
    "est.md": (
        "# Estimators\n\n## Error\n\nThe mean squared error splits in two:\n\n\\[\n"
        "\\mathrm{MSE} = \\mathrm{bias}^2 + \\mathrm{Var}\n\\]\n\n"
        "Proof idea: expand the square around the estimator's mean; the cross term vanishes.\n\n"
        "Examples to remember:\n"
        "- The sample median of a symmetric law is unbiased for its centre.\n"
        "- The plug-in variance that divides by n underestimates the true variance.\n"
        "- Shrinkage estimators accept some bias to cut their variance.\n")
})


def test_examples_to_remember_after_a_formula_are_carded(shared):
    """'Examples to remember:' over a list, after a formula, lists facts to know, not one worked example."""
    made = shared.backs_by_front(EST)
    assert "divides by n" in _text(made), made
    assert "Shrinkage estimators" in _text(made), made


SCALE = NOTES.add({
    "scale.md": (
        "# The scale family\n\n## Definition\n\nA family of laws is a scale family if it can be written\n\n"
        "\\[\np(x) = \\frac{1}{s} f\\Big(\\frac{x}{s}\\Big), \\qquad s > 0\n\\]\n\n"
        "The exponential laws with any rate are one such family.\n")
})


def test_a_definition_a_formula_goes_on_is_no_definition_card(shared):
    """'A family of laws is a scale family if it can be written' + its formula: no 'Define:' card stopping at
    'written' (the formula card asks it, the sentence its front)."""
    made = shared.backs_by_front(SCALE)
    assert any("\\frac{1}{s} f" in back for back in made.values()), made
    assert not any(back.rstrip().endswith("written") for back in made.values()), made


PREFACE = NOTES.add({
    "preface.md": (
        "# Preface\n\nThese pages collect what I learn about optimisation.\n\n## Map\n\n"
        "| Part | Covers | Status |\n|---|---|---|\n| Basics | gradients, step sizes | mostly done |\n"
        "| Second order | Newton, quasi-Newton | half-done |\n| Stochastic | SGD, momentum, Adam | not started |\n\n"
        "## Step sizes\n\nA step size that is too large makes gradient descent diverge on a steep quadratic.\n")
})


def test_a_plan_table_with_a_status_column_makes_no_card(shared):
    """A book's map of its parts, the topics of each and how far the writer got: no row cards."""
    made = shared.backs_by_front(PREFACE)
    assert "diverge" in _text(made), made
    assert "not started" not in _text(made) and "quasi-Newton" not in _text(made), made


LOG = NOTES.add({
    "log.md": (
        "# Learning log\n\nWhat I did each week.\n\n### Week 3\n- Read the chapter on kernels and redid the "
        "exercises on the polynomial kernel.\n- Wrote the page on margins, did not finish the proofs.\n\n"
        "### Week 2\n- Set up the repository and the build, spent an evening on broken links.\n"),
    "svm.md": (
        "# SVM\n\nA support vector machine maximises the margin "
        "between the two classes of a separable training set.\n")
})


def test_a_study_log_by_week_makes_no_card(shared):
    """A note titled 'Learning log' whose entries are headed by their week: what was done then, no card."""
    made = shared.backs_by_front(LOG)
    assert "margin" in _text(made), made
    assert not any("Week" in front for front in made), made


CONVEX = NOTES.add({
    "convex.md": (
        "# Convex sets\n\n## Definition\n\nA set of points is convex when for all members it can be written\n\n"
        "\\[\n\\lambda x + (1-\\lambda) y \\in C, \\qquad \\lambda \\in [0, 1]\n\\]\n\n"
        "The smallest convex set that holds a given set is the convex hull (the set of its convex "
        "combinations).\n")
})


def test_a_leftover_under_definition_is_not_asked_as_the_definition(shared):
    """'## Definition' whose defining sentence went with its formula: the next paragraph, naming another term, is
    not asked 'What is the definition of …?'."""
    made = shared.backs_by_front(CONVEX)
    assert "convex hull" in _text(made), made
    assert not any("What is the definition of" in front for front in made), made


PREFACE_2 = NOTES.add({
    "preface.md": (
        "# Preface\n\n## Conventions I use\n\n- Matrices are upper case, vectors bold when I remember to.\n"
        "- Logs are natural unless a base is written.\n\n## Norms\n\nThe Euclidean norm of a vector is the "
        "square root of the sum of its squared entries.\n")
})


def test_conventions_i_use_make_no_card(shared):
    """'## Conventions I use' lists how the writer writes ('bold when I remember'), no subject to learn."""
    made = shared.backs_by_front(PREFACE_2)
    assert "squared entries" in _text(made), made
    assert "when I remember" not in _text(made), made


CE = NOTES.add({
    "ce.md": (
        "# Cross-entropy\n\n## Definition\n\n$$\nH(p, q) = -\\sum_x p(x) \\log q(x)\n$$\n\n"
        "Also $H(p, q) = H(p) + \\mathrm{KL}(p \\| q)$: entropy plus divergence. So for a fixed target the "
        "cross-entropy and the divergence have the same minimiser in $q$.\n\n## Use\n\n"
        "Classifiers are trained by minimising the cross-entropy of the labels under the predicted law.\n")
})


def test_a_paragraph_adding_one_more_fact_after_a_formula_is_carded(shared):
    """'Also $…$: …' right after a display adds one more fact of its formula: a remark card, the 'Also' kept."""
    made = shared.backs_by_front(CE)
    assert any("entropy plus divergence" in back and "same minimiser" in back for back in made.values()), made


EMA = NOTES.add({
    "ema.md": (
        "# Running averages\n\n## Why they work\n\nAn exponential moving average keeps one number per "
        "quantity of the form\n$$\nm_t = \\beta m_{t-1} + (1 - \\beta) x_t\n$$\n"
        "and the bias fix is $\\hat m_t = m_t / (1 - \\beta^t)$ for the first steps. So early estimates are "
        "not pulled towards zero by the start value.\n")
})


def test_an_and_clause_after_a_formula_keeps_its_fact(shared):
    """'$$…$$' then 'and the update is …. So …' in its paragraph: the update goes on the remark, not left off as the
    end of the formula's sentence."""
    made = shared.backs_by_front(EMA)
    assert any("bias fix is" in back for back in made.values()), made


VAR = NOTES.add({
    "var.md": (
        "# Sample variance\n\n## Bias\n\n- Spread: dividing by \\\\( n - 1 \\\\) instead of \\\\( n \\\\) removes "
        "the bias of the plug-in variance.\n- Centre: the sample mean is unbiased for \\\\( \\mu \\\\).\n\n"
        "## Form\n\nThe corrected estimator is\n\n\\\\[\ns^2 = \\frac{1}{n-1} \\sum_i (x_i - \\bar x)^2\n\\\\]\n")
})


def test_doubled_math_reaches_the_card_as_dollar_math_which_every_renderer_typesets(shared):
    """mdBook's `\\\\( x \\\\)` is on the card as `$x$` (a card's `\\(` would be Markdown's escaped parenthesis: the
    browser and Anki showed "( \\frac1N … )"), and its display as `$$…$$`."""
    from mlwiki.render.html import markdown_to_html

    text = _text(shared.backs_by_front(VAR))
    assert "\\(" not in text and "\\[" not in text, text
    assert "$n - 1$" in text and "$$s^2 = \\frac{1}{n-1}" in text, text
    spread = next(line for line in text.splitlines() if "removes the bias" in line)
    assert "\\(n - 1\\)" in markdown_to_html(spread), markdown_to_html(spread)  # (the delimiters MathJax reads)
