"""Cards whose front points at something the card does not show (session 62): a derivation's steps told by what is
done to the formula above ("Multiply through by 2σ²:", "Exponentiate:", "Last step:") join the derivation's card,
asked as a derivation; a label that points at a place above ("Second one", "third term", "row 3", "the last line") shows
that formula, table row or code on its front. Every note is written to one wiki in tmp_path, scanned once through
the CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note, new_wiki, note_text, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("context62"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


NOTES["lasso-prior.md"] = (
    "# Laplace prior and the lasso\n\n"
    "## Laplace prior → L1\n\n"
    "Gaussian noise with variance $\\sigma^2$ and a Laplace prior with scale $b$ on each weight.\n\n"
    "$$\n-\\log p(\\mathbf{w}\\mid\\mathcal{D}) = \\frac{1}{2\\sigma^2}\\|\\mathbf{y}-X\\mathbf{w}\\|^2 + "
    "\\frac{1}{b}\\|\\mathbf{w}\\|_1 + \\text{const}\n$$\n\n"
    "Multiply through by $2\\sigma^2$:\n\n"
    "$$\n\\hat{\\mathbf{w}} = \\arg\\min_{\\mathbf{w}} \\|\\mathbf{y}-X\\mathbf{w}\\|^2 + \\lambda\\|\\mathbf{w}\\|_1, "
    "\\qquad \\lambda = \\frac{2\\sigma^2}{b}\n$$\n\n"
    "So a wider prior gives a weaker penalty.\n")


def test_a_step_told_by_what_is_done_joins_the_derivation_card(cards):
    """"Multiply through by 2σ²:" over the lasso objective is a step done to the formula above: no card asks
    "Multiply through by 2σ²:" of a formula it does not show; the derivation's card holds both formulas in order,
    the result last, and asks what the formula it starts from gives, step by step."""
    made = made_by_note(cards, "lasso-prior.md")
    assert not any(front.rstrip().endswith("Multiply through by $2\\sigma^2$:") for front in made)
    derived = [(f, b) for f, b in made.items() if "\\|\\mathbf{w}\\|_1 + \\text{const}" in b]
    assert len(derived) == 1
    front, back = derived[0]
    assert back.index("\\text{const}") < back.index("Multiply through") < back.index("\\lambda = \\frac{2\\sigma^2}{b}")
    assert front.endswith("on each weight.\n\nWhat does this give, step by step?")


NOTES["laplace-approx.md"] = (
    "# Laplace's method\n\n"
    "## Gaussian around the mode\n\n"
    "Expand the log density to second order around its mode $\\hat x$:\n\n"
    "$$\n\\log f(x) \\approx \\log f(\\hat x) - \\frac{1}{2} a (x - \\hat x)^2, \\qquad a = -(\\log f)''(\\hat x)\n$$\n\n"
    "(the first-order term is zero at a mode). Exponentiate:\n\n"
    "$$\nf(x) \\approx f(\\hat x)\\, e^{-a (x - \\hat x)^2 / 2}\n$$\n\n"
    "## Stirling's formula\n\n"
    "Applied to $\\Gamma(n+1) = \\int_0^\\infty x^n e^{-x}\\,dx$ this gives $n! \\approx \\sqrt{2\\pi n}\\,(n/e)^n$.\n")


def test_exponentiate_is_a_step_of_the_expansion_above(cards):
    """"(…). Exponentiate:" asks nothing alone: the Gaussian it gives is the last step on the expansion's card."""
    made = made_by_note(cards, "laplace-approx.md")
    assert not any(front.rstrip().endswith("Exponentiate:") for front in made)
    derived = [(f, b) for f, b in made.items() if "a = -(\\log f)''(\\hat x)" in b]
    assert len(derived) == 1 and "e^{-a (x - \\hat x)^2 / 2}" in derived[0][1]
    assert derived[0][0].endswith("around its mode $\\hat x$:\n\nWhat does this give, step by step?")


NOTES["ridge-dual.md"] = (
    "# Kernel ridge regression\n\n"
    "## Eliminating the weights, slowly\n\n"
    "Write out the Lagrangian:\n\n"
    "$$\nL = \\frac{1}{2}\\|\\xi\\|^2 + \\frac{\\lambda}{2}\\|w\\|^2 + a^\\top (y - Xw - \\xi) - b\\, \\mathbf{1}^\\top a\n$$\n\n"
    "- first term: $\\xi = a$ by stationarity in $\\xi$ → a quadratic in $a$\n"
    "- third term: $\\mathbf{1}^\\top a = 0$ by stationarity in the bias → vanishes\n"
    "- plug $w = X^\\top a / \\lambda$ into the second and fourth:\n"
    "  - $\\frac{\\lambda}{2}\\|w\\|^2 = \\frac{1}{2\\lambda} a^\\top X X^\\top a$\n"
    "  - $a^\\top X w = \\frac{1}{\\lambda} a^\\top X X^\\top a$\n\n"
    "Left over is a quadratic in $a$ alone.\n")


def test_a_label_by_place_shows_the_formula_it_points_at(cards):
    """"- third term: …" under the Lagrangian is asked "… › third term": of what, the card did not show. Its front
    now shows the formula the list follows."""
    made = made_by_note(cards, "ridge-dual.md")
    labelled = {f: b for f, b in made.items() if f.split("\n\n")[0].endswith(("› first term", "› third term"))}
    assert labelled
    for front in labelled:
        assert "a^\\top (y - Xw - \\xi)" in front


NOTES["svm-kkt.md"] = (
    "# Soft-margin SVM\n\n"
    "## Where the training points end up\n\n"
    "| multiplier | margin condition | position |\n"
    "| --- | --- | --- |\n"
    "| $\\alpha_i = 0$ | $y_i f(x_i) \\ge 1$ | beyond the margin |\n"
    "| $0 < \\alpha_i < C$ | $y_i f(x_i) = 1$ | on the margin |\n"
    "| $\\alpha_i = C$ | $y_i f(x_i) \\le 1$ | inside the margin or misclassified |\n\n"
    "Why row 3 holds: $\\alpha_i = C$ forces $\\mu_i = 0$, so the slack $\\xi_i$ is free to be positive.\n")


def test_a_label_naming_a_table_row_shows_the_head_and_that_row(cards):
    """"Why row 3 holds:" below a table names the row by its number: the front shows the table's head and row 3,
    not the other rows."""
    made = made_by_note(cards, "svm-kkt.md")
    fronts = [f for f, b in made.items() if "free to be positive" in b]
    assert fronts
    front = fronts[0]
    assert "| multiplier | margin condition | position |" in front
    assert "inside the margin or misclassified" in front and "beyond the margin" not in front


NOTES["trace-trick.md"] = (
    "# Fast gradients of the evidence\n\n"
    "## Gradient in code\n\n"
    "```python\n"
    "def evidence_grad(K, dKs, y):\n"
    "    L = np.linalg.cholesky(K)\n"
    "    a = cho_solve((L, True), y)\n"
    "    Kinv = cho_solve((L, True), np.eye(len(y)))\n"
    "    A = np.outer(a, a) - Kinv\n"
    "    out = []\n"
    "    for dK in dKs:\n"
    "        # one hyperparameter at a time\n"
    "        g = 0.5 * np.sum(A * dK)\n"
    "        out.append(g)\n"
    "    arr = np.array(out)\n"
    "    assert np.all(np.isfinite(arr))\n"
    "    total = 0.5 * np.sum(A * sum(dKs))\n"
    "    return arr, total\n"
    "```\n\n"
    "Checked against central differences on three kernels: they agree to eight digits.\n\n"
    "Trick in the last line: $\\operatorname{tr}(AB) = \\sum_{ij} A_{ij} B_{ij}$ for symmetric $B$, so no matrix "
    "product is formed.\n")


def test_the_last_line_of_code_is_on_the_card_that_remarks_on_it(cards):
    """"Trick in the last line: …" a paragraph below a long piece of code points at that code's end: the front
    shows its last lines (not the whole function)."""
    made = made_by_note(cards, "trace-trick.md")
    fronts = [f for f, b in made.items() if "no matrix product is formed" in b]
    assert fronts
    assert "total = 0.5 * np.sum(A * sum(dKs))" in fronts[0] and "return arr, total" in fronts[0]
    assert "np.linalg.cholesky" not in fronts[0]
    assert "cholesky" not in note_text({f: "" for f in fronts})


NOTES["prior-samples.md"] = (
    "# GP priors\n\n"
    "## Lengthscale\n\n"
    "The lengthscale $\\ell$ sets how far apart two inputs must be before their function values decorrelate.\n\n"
    "## Drawing samples\n\n"
    "```python\nK = rbf(x, x, ell=ell)\nf = np.linalg.cholesky(K + 1e-8 * np.eye(len(x))) @ rng.standard_normal(len(x))\n```\n\n"
    "![](img/prior-samples.png)\n\n"
    "Left to right: $\\ell = 0.2$ (rough), $\\ell = 1$, $\\ell = 5$ (nearly flat over the window).\n")


def test_a_figure_read_by_place_is_no_card(cards):
    """"Left to right: …" under an image reads the figure by place: without the figure it asks nothing, so it is no
    card (the lengthscale's meaning is its section's card)."""
    made = made_by_note(cards, "prior-samples.md")
    assert not any("Left to right" in front or "nearly flat" in back for front, back in made.items())
    assert any("decorrelate" in back for back in made.values())


NOTES["score-function.md"] = (
    "# Score-function gradients\n\n"
    "## The estimator\n\n"
    "Write the gradient of an expectation as an expectation we can sample:\n\n"
    "$$\n\\begin{aligned}\n\\nabla_\\theta \\mathbb{E}_{p_\\theta}[f(x)] &= \\int f(x)\\, \\nabla_\\theta p_\\theta(x)\\, dx \\\\\n"
    "&= \\mathbb{E}_{p_\\theta}\\big[f(x)\\, \\nabla_\\theta \\log p_\\theta(x)\\big]\n\\end{aligned}\n$$\n\n"
    "Last step: $\\nabla_\\theta p_\\theta = p_\\theta \\nabla_\\theta \\log p_\\theta$.\n\n"
    "## Variance\n\n"
    "Subtracting a baseline from $f$ keeps the estimator unbiased and can cut its variance a lot.\n")


def test_last_step_is_on_the_derivation_card_once(cards):
    """"Last step: $…$." on a line of its own after a derivation names no quantity: no card asks "Last step:"; the
    derivation's card ends on it, once (not again as a closing remark)."""
    made = made_by_note(cards, "score-function.md")
    assert not any(front.rstrip().endswith("Last step:") for front in made)
    derived = [b for b in made.values() if "\\int f(x)" in b]
    assert len(derived) == 1 and derived[0].count("Last step") == 1
    assert derived[0].rstrip().endswith("p_\\theta = p_\\theta \\nabla_\\theta \\log p_\\theta$$")
