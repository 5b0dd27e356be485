"""Session 62, the lead's fixes: a section whose heading calls its subject "the canonical example" in parentheses
teaches its subject and is carded like any other (it works no example out). Every note is written to one wiki in
tmp_path, scanned once through the CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json
import re

import pytest

from conftest import made_by_note as _made, note_text as _text, new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("lead62"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


NOTES["gp.md"] = (
    "# Gaussian processes\n\n"
    "## 3. Gaussian process regression (the canonical example)\n\n"
    "With a Gaussian likelihood the posterior over function values is Gaussian, so the predictive mean and "
    "variance have closed forms.\n\n"
    "The predictive mean at a test input is:\n\n"
    "$$\\mu_* = k_*^\\top (K + \\sigma^2 I)^{-1} \\mathbf{y}$$\n\n"
    "## 4. Worked example\n\n"
    "With two points at $x = 0$ and $x = 1$ and $\\sigma^2 = 0.1$: $K_{12} = 0.61$.\n")


def test_a_section_called_the_canonical_example_in_parentheses_is_carded(cards):
    """"GP regression (the canonical example)" names its subject: its formula and its claim are cards."""
    made = _made(cards, "gp.md")
    text = _text(made)
    assert "(K + \\sigma^2 I)^{-1}" in text
    assert "closed forms" in text


def test_a_worked_example_heading_still_keeps_its_numbers_out(cards):
    """"Worked example" is still an example: its arithmetic is on no card."""
    assert "0.61" not in _text(_made(cards, "gp.md"))


NOTES["arima.md"] = (
    "# ARIMA\n\n"
    "## Information criteria\n\n"
    "The criteria used to choose the orders p and q:\n\n"
    "```\n"
    "AIC  = -2 \\log L + 2k\n"
    "AICc = AIC + \\frac{2k(k+1)}{T - k - 1}\n"
    "```\n\n"
    "## Fitting\n\n"
    "```\n"
    "model = ARIMA(y, order=(1, 1, 1))\n"
    "fit = model.fit()\n"
    "```\n")


def test_a_code_block_of_tex_equations_is_a_formula_card(cards):
    """Editors without math (Amplenote, a plain-text editor) get formulas typed as LaTeX in a code block: the learner
    is meant to read the formulas, so the block is a formula card asked by the sentence that introduces it."""
    formula = next(c for c in cards if c["source"]["path"] == "notes/arima.md" and "\\frac{2k(k+1)}" in c["back"])
    assert formula["kind"] == "formula"
    assert "choose the orders" in formula["front"]
    assert "```" not in formula["back"]


def test_a_python_block_stays_code(cards):
    """A code block of Python is code, no formula: it holds calls and no TeX command."""
    assert not any("ARIMA(y" in c["back"] and "$$" in c["back"] for c in cards)


NOTES["hpo.md"] = (
    "# Hyperparameter optimisation\n\n"
    "### What is hyperparameter optimisation, formally?\n\n"
    "Given an algorithm $\\mathcal{A}$ with hyperparameters $\\mathbf{x}$, hyperparameter optimisation solves\n\n"
    "```{math}\n"
    ":label: eq-hpo\n"
    "\\mathbf{x}^\\star = \\arg\\min_{\\mathbf{x}} \\mathcal{L}(\\mathcal{A}_{\\mathbf{x}}(D_{\\text{train}}), "
    "D_{\\text{val}})\n"
    "```\n\n"
    "It is hard because each evaluation of the objective trains a model, and there is no gradient.\n")


def test_a_myst_math_directive_s_label_leaves_no_blank_line_in_the_formula(cards):
    """A `{math}` directive's `:label:` is no line of the formula: a blank line there ends the `$$` block in
    Markdown, and the renderers then read the formula's `_` as emphasis (`\\mathcal{A}*{\\mathbf{x}}`)."""
    asked = next(c["back"] for c in cards if c["source"]["path"] == "notes/hpo.md" and c["front"].endswith("formally?"))
    assert re.search(r"\$\$\n\\mathbf\{x\}\^\\star", asked) and "no gradient" in asked


NOTES["KL divergence.md"] = (
    "- # Definition\n"
    "    - the expected log-ratio of two distributions\n"
    "    - \n\n"
    "      $$D_{KL}(p \\| q) = \\sum_x p(x) \\log \\frac{p(x)}{q(x)}$$\n\n"
    "      \n"
    "- # Properties\n"
    "    - not symmetric, so it is no distance\n"
    "    - Gibbs' inequality :: it is never negative\n"
    "- # KL penalties in fine-tuning\n"
    "    - the sequence-level penalty is a sum of per-token KLs by the chain rule\n")


def test_a_remnote_export_with_one_card_row_is_still_read_as_remnote(cards):
    """RemNote's exporter lays display math out under an empty rem: the document is RemNote's even with a single
    `::` row, so its "# Heading" rems are headings and no front shows a `#`."""
    made = _made(cards, "KL divergence.md")
    assert made and not any("#" in front for front in made)
    assert any(front.endswith("KL penalties in fine-tuning") or "KL penalties in fine-tuning ›" in front or
               "KL penalties in fine-tuning\n" in front for front in made), made


NOTES["December 9th, 2026.md"] = (
    "- #[[study log]]\n"
    "- ## Morning — matrix factorisation\n"
    "    - ^^for fixed item vectors, each user's problem is ridge regression^^ on the vectors of the items they rated\n"
    "    - I kept confusing where the negatives come from.\n"
    "Both models need them, the difference is only how they are chosen:\n"
    "        - in iALS every unobserved cell is a negative with a small weight\n"
    "        - in BPR the negatives are sampled\n")


def test_a_roam_block_s_soft_line_break_keeps_the_page_a_roam_page(cards):
    """Roam exports a block's soft line break by writing what follows from the line's start: the daily page is still
    Roam's (its highlights read, no `^^` shown), and the line stays in its block."""
    text = _text(_made(cards, "December 9th, 2026.md"))
    assert "ridge regression" in text and "^^" not in text
    assert "how they are chosen" in text


NOTES["20241114110003-instrumental-variables.md"] = (
    "---\ntitle: Instrumental variables\n---\n\n"
    "# 20241114110003 Instrumental variables\n\n"
    "## Two-stage least squares\n\n"
    "The first stage regresses the treatment on the instrument; the second regresses the outcome on the fit.\n\n"
    "::: {.warning}\n"
    "Running the two stages by hand gives the right estimate but wrong standard errors: use an IV routine.\n"
    ":::\n")


def test_a_pandoc_warning_div_is_a_warning_callout(cards):
    """Zettlr and Pandoc write a box as a div whose one class is its kind, `::: {.warning}`: it is carded as a
    Quarto `{.callout-warning}` is (its text was on no card)."""
    made = _made(cards, "20241114110003-instrumental-variables.md")
    assert any("Warning" in front and "wrong standard errors" in back for front, back in made.items()), made


def test_zettlrs_id_in_the_first_heading_is_no_part_of_the_path(cards):
    """Zettlr writes the note's id into its H1 ("# 20241114110003 Instrumental variables"): the id names the note
    for links, no front shows it."""
    made = _made(cards, "20241114110003-instrumental-variables.md")
    assert made and not any("20241114110003" in front for front in made), made
