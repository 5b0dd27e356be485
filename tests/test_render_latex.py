"""Tests for mlwiki.render.latex_text: LaTeX math -> readable Unicode for the terminal."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlwiki.render import latex_text
from mlwiki.render.latex_text import latex_to_unicode, math_to_unicode

# --------------------------------------------------------------------------------------
# latex_to_unicode: exact renderings
# --------------------------------------------------------------------------------------

CASES = [
    # Greek and scripts
    (r"\alpha^2", "α²"),
    (r"\Sigma^{-1}", "Σ⁻¹"),
    (r"x_i", "xᵢ"),
    (r"x_{ij}", "xᵢⱼ"),
    (r"e^{-x}", "e⁻ˣ"),
    (r"x^{n+1}", "xⁿ⁺¹"),
    (r"x_{t-1}", "xₜ₋₁"),
    (r"10^{-3}", "10⁻³"),
    (r"2^{10}", "2¹⁰"),
    (r"x^{(i)}", "x⁽ⁱ⁾"),
    (r"\|x\|_2^2", "‖x‖₂²"),
    (r"\lambda_{\max}", "λₘₐₓ"),
    (r"\beta_1^t", "β₁ᵗ"),
    (r"\sigma^2_{\mathcal{B}}", "σ_ℬ^2"),  # one script style per atom
    # script fallbacks when a character has no Unicode sub/superscript
    (r"x^{q+1}", "x^(q+1)"),
    (r"x_{i,j}", "x_(i,j)"),
    (r"W_q", "W_q"),
    (r"\mathbb{R}^{n \times d}", "ℝ^(n×d)"),
    (r"\mathbb{E}_{x \sim p}[f(x)]", "𝔼_(x∼p)[f(x)]"),
    (r"\nabla_\theta J(\theta)", "∇_θ J(θ)"),
    (r"x^{1.5}", "x^1.5"),
    # fractions and roots
    (r"\frac{a}{b}", "a/b"),
    (r"\frac{a+b}{c+d}", "(a+b)/(c+d)"),
    (r"\frac{1}{\sqrt{d_k}}", "1/√dₖ"),
    (r"\frac{1}{2\pi}", "1/(2π)"),
    (r"\frac{1}{2}", "½"),
    (r"\frac12 x^2", "½x²"),
    (r"\frac{\partial L}{\partial w}", "∂L/∂w"),
    (r"\frac{\partial^2 L}{\partial w^2}", "∂²L/∂w²"),
    (r"\frac{\mathrm{d}y}{\mathrm{d}x}", "dy/dx"),
    (r"\frac{\frac{a}{b}}{c}", "(a/b)/c"),
    (r"a/\frac{b}{c}", "a/(b/c)"),
    (r"\alpha \frac{a}{b} x", "α(a/b)x"),
    (r"\left(\frac{a}{b}\right)^2", "(a/b)²"),
    (r"\sqrt{x}", "√x"),
    (r"\sqrt{x+1}", "√(x+1)"),
    (r"\sqrt[3]{x}", "∛x"),
    (r"\sqrt[n]{x}", "ⁿ√x"),
    (r"\sqrt{\frac{2}{\pi}}", "√(2/π)"),
    (r"\frac{1}{\sqrt{2\pi\sigma^2}}", "1/√(2πσ²)"),
    (r"\binom{n}{k}", "(n choose k)"),
    # big operators, calculus, functions
    (r"\sum_{i=1}^{n}", "Σᵢ₌₁ⁿ"),
    (r"\sum_{i=1}^n x_i", "Σᵢ₌₁ⁿ xᵢ"),
    (r"\prod_{i=1}^n p(x_i)", "∏ᵢ₌₁ⁿ p(xᵢ)"),
    (r"\int_0^1 f(x)\,dx", "∫₀¹ f(x) dx"),
    (r"\int_{-\infty}^{\infty} f(x)\,dx = 1", "∫_(-∞)^∞ f(x) dx = 1"),
    (r"\lim_{n \to \infty} (1 + 1/n)^n", "lim_(n→∞) (1 + 1/n)ⁿ"),
    (r"\frac{1}{2}\sum_{i=1}^n (y_i - \hat{y}_i)^2", "½ Σᵢ₌₁ⁿ (yᵢ - ŷᵢ)²"),
    (r"\arg\max_\theta p(x \mid \theta)", "arg max_θ p(x | θ)"),
    (r"\operatorname*{arg\,max}_{\theta} L(\theta)", "arg max_θ L(θ)"),
    (r"\log(x) + \exp(x)", "log(x) + exp(x)"),
    (r"\max(0, x) - \min_i x_i", "max(0, x) - minᵢ xᵢ"),
    (r"\partial_x f + \nabla^2 f", "∂ₓf + ∇²f"),
    (r"\exp\left(-\frac{(x-\mu)^2}{2\sigma^2}\right)", "exp(-(x-μ)²/(2σ²))"),
    # operators and relations
    (r"a \cdot b \times c", "a · b × c"),
    (r"a \le b \leq c \ge d \ne e", "a ≤ b ≤ c ≥ d ≠ e"),
    (r"x \approx y \propto z \sim w", "x ≈ y ∝ z ∼ w"),
    (r"x \in \mathbb{R}^d", "x ∈ ℝᵈ"),
    (r"x \not\in A", "x ∉ A"),
    (r"a \to b, a \rightarrow b, x \mapsto x^2", "a → b, a → b, x ↦ x²"),
    (r"1 - \epsilon \le r_t(\theta) \le 1 + \epsilon", "1 - ε ≤ rₜ(θ) ≤ 1 + ε"),
    (r"f(x) = -x", "f(x) = -x"),
    (r"\infty", "∞"),
    # fonts
    (r"\mathbb{R} \mathbb{E} \mathbb{N} \mathbb{Z} \mathbb{Q} \mathbb{P}", "ℝ𝔼ℕℤℚℙ"),
    (r"\mathbb{N} \subset \mathbb{R}", "ℕ ⊂ ℝ"),
    (r"\mathbb{1}[y = k]", "𝟙[y = k]"),
    (r"\mathcal{L}(\theta)", "ℒ(θ)"),
    (r"\theta \sim \mathcal{N}(0, \tau^2 I)", "θ ∼ 𝒩(0, τ²I)"),
    (r"\mathbf{x}^\top \mathbf{W}", "xᵀW"),
    (r"\boldsymbol{\mu}_k", "μₖ"),
    # accents
    (r"\hat{x}", "x̂"),
    (r"\bar{x}", "x̄"),
    (r"\tilde{x}", "x̃"),
    (r"\vec{v}", "v⃗"),
    (r"\hat\sigma^2", "σ̂²"),
    (r"\bar x", "x̄"),
    # delimiters, text, spacing
    (r"\left( x \right)", "(x)"),
    (r"\left\{ x \right\}", "{x}"),
    (r"\langle x, y \rangle", "⟨x, y⟩"),
    (r"\lVert x \rVert_2", "‖x‖₂"),
    (r"\|\nabla f(x) - \nabla f(y)\| \le L \|x - y\|", "‖∇f(x) - ∇f(y)‖ ≤ L‖x - y‖"),
    (r"\lfloor x \rfloor + \lceil y \rceil", "⌊x⌋ + ⌈y⌉"),
    (r"\mathcal{B} = \{x_1, \dots, x_m\}", "ℬ = {x₁, …, xₘ}"),
    (r"a + \cdots + z", "a + ⋯ + z"),
    (r"x_1, \ldots, x_n", "x₁, …, xₙ"),
    (r"\text{ReLU}(x) = \max(0, x)", "ReLU(x) = max(0, x)"),
    (r"P(\text{disease} \mid +)", "P(disease | +)"),
    (r"\mathrm{KL}(p\|q)", "KL(p‖q)"),
    (r"D_{\mathrm{KL}}(p \,\|\, q) \ge 0", "D_(KL)(p ‖ q) ≥ 0"),
    (r"\operatorname{diag}(p) - p p^\top", "diag(p) - ppᵀ"),
    (r"\text{if } x > 0 \text{ and } y", "if x > 0 and y"),
    (r"a \quad b", "a  b"),
    (r"a\,b\;c", "a b c"),
    (r"W^\top", "Wᵀ"),
    (r"u^\top v = \sum_i u_i v_i", "uᵀv = Σᵢ uᵢvᵢ"),
    (r"f'(x)", "f′(x)"),
    # notes from this repository
    (r"\eta < 2/\lambda_{\max}", "η < 2/λₘₐₓ"),
    (
        r"x_{k+1} = x_k - \left[\nabla^2 f(x_k)\right]^{-1} \nabla f(x_k)",
        "xₖ₊₁ = xₖ - [∇²f(xₖ)]⁻¹∇f(xₖ)",
    ),
    (
        r"f(y) \ge f(x) + \nabla f(x)^\top (y - x) + \frac{\mu}{2}\|y - x\|^2",
        "f(y) ≥ f(x) + ∇f(x)ᵀ(y - x) + (μ/2)‖y - x‖²",
    ),
    (
        r"\sum_{k=0}^{\infty} \eta_k = \infty, \qquad \sum_{k=0}^{\infty} \eta_k^2 < \infty",
        "Σ_(k=0)^∞ ηₖ = ∞,    Σ_(k=0)^∞ ηₖ² < ∞",  # ∞ has no superscript: both scripts plain
    ),
    (
        r"\dfrac{0.99 \cdot 0.01}{0.99 \cdot 0.01 + 0.05 \cdot 0.99} = \dfrac{99}{594}",
        "(0.99·0.01)/(0.99·0.01+0.05·0.99) = 99/594",
    ),
    (
        r"\mathcal{L}(\theta) = -\frac{1}{N}\sum_{n=1}^{N} \log p_\theta(x_n)",
        "ℒ(θ) = -1/N Σₙ₌₁ᴺ log p_θ(xₙ)",
    ),
    (r"h_t = \tanh(W_{hh} h_{t-1} + W_{xh} x_t)", "hₜ = tanh(Wₕₕhₜ₋₁ + Wₓₕxₜ)"),
    (r"\frac{e^{z_i}}{\sum_j e^{z_j}}", "e^(zᵢ)/(Σⱼ e^(zⱼ))"),
]


@pytest.mark.parametrize(("latex", "expected"), CASES)
def test_latex_to_unicode(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex) == expected


def test_attention() -> None:
    latex = r"\mathrm{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right)V"
    assert latex_to_unicode(latex) == "softmax(QKᵀ/√dₖ)V"
    full = r"\operatorname{Attention}(Q, K, V) = " + latex
    assert latex_to_unicode(full) == "Attention(Q, K, V) = softmax(QKᵀ/√dₖ)V"


def test_adam_update() -> None:
    assert latex_to_unicode(r"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t") == (
        "mₜ = β₁mₜ₋₁ + (1 - β₁)gₜ"
    )
    assert latex_to_unicode(r"v_t = \beta_2 v_{t-1} + (1 - \beta_2) g_t^2") == (
        "vₜ = β₂vₜ₋₁ + (1 - β₂)gₜ²"
    )
    assert latex_to_unicode(r"\hat{m}_t = \frac{m_t}{1 - \beta_1^t}") == "m̂ₜ = mₜ/(1-β₁ᵗ)"
    assert latex_to_unicode(
        r"\theta_t = \theta_{t-1} - \alpha \frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \epsilon}"
    ) == "θₜ = θₜ₋₁ - α m̂ₜ/(√v̂ₜ+ε)"


def test_cross_entropy() -> None:
    assert latex_to_unicode(r"-\sum_i y_i \log \hat{y}_i") == "-Σᵢ yᵢ log ŷᵢ"
    assert latex_to_unicode(r"H(p, q) = -\sum_{x} p(x) \log q(x)") == (
        "H(p, q) = -Σₓ p(x) log q(x)"
    )


def test_bayes_theorem() -> None:
    assert latex_to_unicode(r"P(A \mid B) = \frac{P(B \mid A) P(A)}{P(B)}") == (
        "P(A | B) = P(B|A)P(A)/P(B)"
    )
    assert latex_to_unicode(
        r"p(\theta \mid D) = \frac{p(D \mid \theta)\, p(\theta)}{p(D)}"
    ) == "p(θ | D) = (p(D|θ) p(θ))/p(D)"


# --------------------------------------------------------------------------------------
# Environments
# --------------------------------------------------------------------------------------


def test_aligned_lines_up_the_ampersands() -> None:
    latex = r"\begin{aligned} L &= a + b \\ &= c \end{aligned}"
    assert latex_to_unicode(latex) == "L = a + b\n  = c"


def test_align_star_and_long_left_column() -> None:
    latex = r"\begin{align*} f(x) &= x^2 \\ g &= 2x \\ \end{align*}"
    assert latex_to_unicode(latex) == "f(x) = x²\n   g = 2x"


def test_bare_rows_in_display_math() -> None:
    assert latex_to_unicode(r"a &= b \\ &= c") == "a = b\n  = c"


def test_cases() -> None:
    latex = r"f(x) = \begin{cases} 1 & \text{if } x > 0 \\ 0 & \text{otherwise} \end{cases}"
    assert latex_to_unicode(latex) == (
        "f(x) = ⎧ 1  if x > 0\n"
        "       ⎩ 0  otherwise"
    )


def test_cases_three_rows() -> None:
    latex = r"\begin{cases} a & x<0 \\ b & x=0 \\ c & x>0 \end{cases}"
    assert latex_to_unicode(latex) == "⎧ a  x < 0\n⎨ b  x = 0\n⎩ c  x > 0"


def test_pmatrix() -> None:
    latex = r"A = \begin{pmatrix} 1 & 0 \\ 0 & 1 \end{pmatrix}"
    assert latex_to_unicode(latex) == "A = ⎛1  0⎞\n    ⎝0  1⎠"


def test_bmatrix_right_aligns_numbers() -> None:
    assert latex_to_unicode(r"\begin{bmatrix} 1 \\ -2 \end{bmatrix}") == "⎡ 1⎤\n⎣-2⎦"


def test_single_row_matrix_uses_plain_parentheses() -> None:
    assert latex_to_unicode(r"\begin{pmatrix} a & b \end{pmatrix}") == "(a  b)"


# --------------------------------------------------------------------------------------
# Unknown macros and malformed input
# --------------------------------------------------------------------------------------


def test_commands_mathjax_lacks_show_the_formula_raw_with_a_marker() -> None:
    # MathJax (Anki) would show these in red: the terminal shows the source, marked, rather than a guess
    assert latex_to_unicode(r"\foo") == "⚠ \\foo"
    assert latex_to_unicode(r"\myloss(y, \hat y)") == "⚠ \\myloss(y, \\hat y)"
    assert latex_to_unicode(r"\softmax(z)") == "⚠ \\softmax(z)"
    # MathJax's, but not in our tables: pylatexenc's reading
    assert latex_to_unicode(r"\aleph_0") == "ℵ₀"


def test_the_wikis_macros_expand_and_count_as_known() -> None:
    try:
        latex_text.use_macros("\\newcommand{\\myloss}[2]{\\ell(#1, #2)}\n\\newcommand{\\R}{\\mathbb{R}}\n"
                              "\\newcommand{\\E}[1][X]{\\mathbb{E}[#1]}")
        assert latex_to_unicode(r"\myloss{y}{\hat y}") == "ℓ(y, ŷ)"
        assert latex_to_unicode(r"x \in \R^n") == "x ∈ ℝⁿ"
        assert latex_to_unicode(r"\E + \E[Y]") == "𝔼[X] + 𝔼[Y]"
        assert latex_to_unicode(r"\foo") == "⚠ \\foo"
    finally:
        latex_text.use_macros("")
    assert latex_to_unicode(r"x \in \R^n").startswith("⚠")


def test_a_macro_that_calls_itself_ends() -> None:
    try:
        latex_text.use_macros("\\newcommand{\\loop}{x\\loop}")
        assert latex_to_unicode(r"\loop").startswith("xxxx")
    finally:
        latex_text.use_macros("")


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"\frac{a}{b", "⚠ \\frac{a}{b"),
        ("}}x{", "⚠ }}x{"),
        ("x^", "x"),
        ("^2", "²"),
        (r"\sqrt[3", "∛"),
        (r"\left(x", "⚠ \\left(x"),
        (r"\end{cases} x", "⚠ \\end{cases} x"),
        (r"\begin{cases} a & b", "⚠ \\begin{cases} a & b"),
        (r"\text{unclosed", "⚠ \\text{unclosed"),
        ("\\", ""),
        ("", ""),
        ("   ", ""),
        ("{" * 3000 + "x", "⚠ " + "{" * 3000 + "x"),
    ],
)
def test_malformed_input_is_shown_raw_and_marked(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex) == expected


def test_underbrace_labels_read_as_labels() -> None:
    assert latex_to_unicode(r"\underbrace{(f - \bar f)^2}_{\text{bias}^2} + \underbrace{\sigma^2}_{\text{noise}}") \
        == "(f - f̄)² «bias²» + σ² «noise»"
    assert latex_to_unicode(r"\overbrace{1 + \cdots + 1}^{n}") == "1 + ⋯ + 1 «n»"
    assert latex_to_unicode(r"\underbrace{x}") == "x"


def test_one_script_style_per_atom_and_per_base() -> None:
    assert latex_to_unicode(r"W_i^K") == "Wᵢᴷ"
    assert latex_to_unicode(r"W_i^Q") == "W_i^Q"  # no Unicode superscript Q: both scripts plain
    assert latex_to_unicode(r"QW_i^Q, KW_i^K, VW_i^V") == "QW_i^Q, KW_i^K, VW_i^V"
    assert latex_to_unicode(r"h_i = W_i^K x") == "hᵢ = Wᵢᴷx"  # other bases keep their Unicode scripts


LATEXY = st.lists(
    st.sampled_from(
        list("\\{}[]()^_&$'~ %#abxyz0129+-=<>|,.;:!\n*/")
        + [
            r"\frac", r"\sqrt", r"\left", r"\right", r"\begin{cases}", r"\end{cases}",
            r"\begin{pmatrix}", r"\end{aligned}", r"\text", r"\alpha", r"\\", r"\mathbb",
            r"\hat", r"\not", r"\sum", r"\operatorname", r"\overset", r"\substack",
            r"\foo", r"\binom", r"\xrightarrow", r"\tag", r"\big", r"\mathrm", "`", "```",
            r"\(", r"\)", r"\[", r"\]", "$$", r"\$",
        ]
    ),
    max_size=60,
).map("".join)


@pytest.mark.slow
@settings(max_examples=400, deadline=None)
@given(st.text())
def test_latex_to_unicode_never_raises_on_any_text(text: str) -> None:
    assert isinstance(latex_to_unicode(text), str)


@pytest.mark.slow
@settings(max_examples=400, deadline=None)
@given(LATEXY)
def test_latex_to_unicode_never_raises_on_latex_soup(text: str) -> None:
    assert isinstance(latex_to_unicode(text), str)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), LATEXY))
def test_math_to_unicode_never_raises(text: str) -> None:
    assert isinstance(math_to_unicode(text), str)


@settings(max_examples=300, deadline=None)
@given(st.text().filter(lambda t: "$" not in t and "\\" not in t))
def test_markdown_without_math_is_unchanged(text: str) -> None:
    assert math_to_unicode(text) == text


# --------------------------------------------------------------------------------------
# math_to_unicode
# --------------------------------------------------------------------------------------


def test_inline_dollar_math() -> None:
    assert math_to_unicode(r"Loss $-\sum_i y_i \log \hat{y}_i$ here.") == (
        "Loss -Σᵢ yᵢ log ŷᵢ here."
    )


def test_paren_math() -> None:
    assert math_to_unicode(r"Inline \(\alpha + \beta\) too.") == "Inline α + β too."


def test_code_spans_and_escaped_dollars_are_untouched() -> None:
    text = r"It costs \$5 and `$x^2$` stays, but $x^2$ does not."
    assert math_to_unicode(text) == r"It costs \$5 and `$x^2$` stays, but x² does not."


def test_double_backtick_code_span() -> None:
    assert math_to_unicode("``a ` $x$`` and $y_1$") == "``a ` $x$`` and y₁"


def test_prices_are_not_math() -> None:
    text = "Between $5 and $10 a month."
    assert math_to_unicode(text) == text
    assert math_to_unicode("from $5 to $x$") == "from $5 to x"


def test_fenced_code_is_untouched() -> None:
    text = "```python\ncost = \"$x$\"  # \\(y\\)\n```\nthen $y$\n~~~\n$z$\n~~~\n"
    assert math_to_unicode(text) == "```python\ncost = \"$x$\"  # \\(y\\)\n```\nthen y\n~~~\n$z$\n~~~\n"


def test_display_math_keeps_its_own_lines() -> None:
    text = "Before:\n\n$$\n\\begin{aligned}\na &= b \\\\\n  &= c\n\\end{aligned}\n$$\n\nAfter."
    assert math_to_unicode(text) == "Before:\n\na = b\n  = c\n\nAfter."


def test_display_bracket_math() -> None:
    assert math_to_unicode("See\n\\[ \\frac{a+b}{2} \\]\nend") == "See\n(a+b)/2\nend"


def test_display_math_mid_line_moves_to_its_own_line() -> None:
    text = "- item $$E = mc^2$$ and more\n  next"
    assert math_to_unicode(text) == "- item\n  E = mc²\n  and more\n  next"


def test_display_math_indentation_and_blockquote() -> None:
    text = "  $$\n  \\sum_i x_i\n  $$\n> $$a \\\\ b$$"
    assert math_to_unicode(text) == "  Σᵢ xᵢ\n> a\n> b"


def test_mixed_markdown_note() -> None:
    note = (
        "# Attention\n"
        "\n"
        "Scaled dot-product attention is "
        r"$\mathrm{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right)V$"
        ", where `$d_k$` is literal code and a GPU-hour costs \\$5.\n"
        "\n"
        "$$\n"
        r"P(A \mid B) = \frac{P(B \mid A) P(A)}{P(B)}"
        "\n$$\n"
        "\n"
        "```\n$not math$\n```\n"
    )
    assert math_to_unicode(note) == (
        "# Attention\n"
        "\n"
        "Scaled dot-product attention is softmax(QKᵀ/√dₖ)V, where `$d_k$` is literal code "
        "and a GPU-hour costs \\$5.\n"
        "\n"
        "P(A | B) = P(B|A)P(A)/P(B)\n"
        "\n"
        "```\n$not math$\n```\n"
    )


def test_unclosed_math_is_left_alone() -> None:
    assert math_to_unicode("an $x and $$ y") == "an $x and $$ y"
    assert math_to_unicode(r"\(x") == r"\(x"


# --------------------------------------------------------------------------------------
# Import cost and speed
# --------------------------------------------------------------------------------------


def test_module_import_does_not_import_pylatexenc() -> None:
    code = (
        "import sys, mlwiki.render.latex_text as m\n"
        "assert 'pylatexenc' not in sys.modules\n"
        "assert m.latex_to_unicode(r'\\alpha^2 + \\frac{1}{2}') == 'α² + ½'\n"
        "assert 'pylatexenc' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_rendering_is_fast() -> None:
    formulas = [
        r"\theta_{t} = \theta_{t-1} - \alpha \frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \epsilon}"
        + f" + {i}"
        for i in range(200)
    ]
    latex_text._render.cache_clear()
    start = time.perf_counter()
    for f in formulas:
        latex_to_unicode(f)
    per_formula = (time.perf_counter() - start) / len(formulas)
    assert per_formula < 0.005, f"{per_formula * 1000:.2f} ms per formula"
