"""A hugo-book site of study notes (session 57, tune57-hugobook judge): how its shortcodes hold math, columns and
section pages. Notes written to tmp_path in words of their own, read back through the CLI as a learner meets them."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
FRONT = '---\ntitle: "{}"\nweight: 3\nbookToc: true\n---\n\n'

SOLVER = FRONT.format("Step sizes") + r"""# Step sizes for gradient descent

## Backtracking

Shrink the step until the objective drops enough (the Armijo test):

{{< katex display=true >}}
\eta \leftarrow \begin{cases} \eta & f(x - \eta g) \le f(x) - c\,\eta\,\|g\|^2 \\ \beta\,\eta & \text{otherwise} \end{cases}
{{< /katex >}}

The constant c is usually tiny, around one in ten thousand, so almost any decrease is accepted.

## Momentum

{{< katex display=true >}}
\begin{aligned}
v_{k+1} &= \mu v_k - \eta \nabla f(x_k) && \text{velocity}\\
x_{k+1} &= x_k + v_{k+1} && \text{position}
\end{aligned}
{{< /katex >}}

{{< katex display=true >}}
\begin{align}
y &= A x
\end{align}
{{< /katex >}}
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


STEPS = NOTES.add({"notes/steps.md": SOLVER})


def test_katex_block_around_aligned_or_cases_is_display_math(shared):
    """`{{< katex display >}}` around `\\begin{aligned}` or a line holding `\\begin{cases}`: the shortcode is the
    only math delimiter, so the card shows display math (`$$…$$`), never the bare LaTeX, and the prose after the
    formula is not pasted onto its back. An environment that is display math by itself (`align`) keeps its own."""
    made = shared.backs_by_front(STEPS)
    backs = list(made.values())
    cases = [b for b in backs if "\\begin{cases}" in b]
    assert cases and all(b.lstrip().startswith("$$") for b in cases), backs
    assert not any("\\begin{cases}" in b and "ten thousand" in b for b in backs), backs
    aligned = [b for b in backs if "\\begin{aligned}" in b]
    assert aligned and all("$$\\begin{aligned}" in b for b in aligned), backs
    assert not any("$$$$" in b or "$$\n$$" in b for b in backs), backs


CELL = FRONT.format("Leaky cell") + r"""# A leaky memory cell

## Update rules

$$\begin{aligned}
k_t &= \sigma(A_k u_t + a_k) && \text{keep gate}\\
m_t &= k_t \odot m_{t-1} + (1 - k_t) \odot u_t && \text{memory}\\
y_t &= \tanh(m_t)
\end{aligned}$$

## Learning-rate schedules

$$\begin{aligned}
\text{step:}\quad & \eta_n = \eta_0\, \gamma^{\lfloor n / s \rfloor}\\
\text{cosine:}\quad & \eta_n = \tfrac12 \eta_0 \big(1 + \cos(\pi n / N)\big)
\end{aligned}$$

## A derivation

$$\begin{aligned}
L &= \tfrac12 \|r\|^2\\
  &= \tfrac12 r^\top r
\end{aligned}$$
"""


CELL_2 = NOTES.add({"notes/cell.md": CELL})


def test_aligned_rows_each_defining_a_quantity_are_a_card_each(shared):
    """An aligned block whose rows each define a quantity (named by `&& \\text{…}` after it, or by its left side),
    or each a variant named before it (`\\text{step:}\\quad & …`): a formula card per row, asked by that name; a
    derivation's rows (one left side going on) stay one card."""
    made = shared.backs_by_front(CELL_2)
    fronts = list(made)
    keep = [f for f in fronts if "keep gate $k_t$" in f]
    assert keep and made[keep[0]].strip() == r"$$k_t = \sigma(A_k u_t + a_k)$$", made
    assert any(f.endswith("Formula for $y_t$") for f in fronts), fronts
    cosine = [f for f in fronts if f.endswith(r"Formula for $\eta_n$ (cosine)")]
    assert cosine and "cos(" in made[cosine[0]] and "gamma" not in made[cosine[0]], made
    assert any("\\|r\\|^2" in b and "r^\\top r" in b for b in made.values()), made


BISECT = FRONT.format("Bisection") + r"""# Bisection

## The loop

Keep a bracket whose ends have opposite signs, and shrink it.

Steps:

1. **Open** with a bracket [a, b] on which the function changes sign.
2. **Split**: evaluate the function at the midpoint of the bracket.
3. **Choose**: keep the half whose two ends still differ in sign.
4. **Halt** once the bracket is narrower than the tolerance; report its midpoint
   (or its better end, below).

- Every pass halves the width of the bracket.
- Only signs are needed, never a derivative.
"""


BISECT_2 = NOTES.add({"notes/bisect.md": BISECT})


def test_steps_keep_a_bracketed_pointer_below_without_losing_the_list(shared):
    """A step that ends on a bracketed pointer at later text ("(or its better end, below)") does not make the list
    read as narration: the steps' card is made, with every step, the pointer cut off; the steps that carry no
    label of their own are on a card."""
    made = shared.backs_by_front(BISECT_2)
    text = "\n".join(made.values())
    assert "**Open** with a bracket" in text and "**Halt** once" in text, made
    assert ", below)" not in text, made


REC = NOTES.add({
    "notes/rec.md": (
        FRONT.format("Recursion") + r"""# Growing windows

## Recursion

$$\begin{aligned}
w_n &= w_{n-1} + (q_n - 1)\, g_{n-1}\\
g_n &= g_{n-1}\, m_n
\end{aligned}$$
""")
})


def test_aligned_rows_the_writer_did_not_name_stay_one_card(shared):
    """An aligned block of updates no row of which carries a name (a two-line recursion): steps of one method,
    left on one card."""
    made = shared.backs_by_front(REC)
    assert any("w_n" in b and "g_n" in b for b in made.values()), made
