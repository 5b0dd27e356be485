"""Math mistakes do not pass silently: `check` warns at the formula's `path:line`, the terminal shows the formula as
its source with a marker, and the wiki's macros file counts (issue 28.5)."""

from __future__ import annotations

import json

import pytest
from conftest import run, write
from mlwiki.render import latex_text
from mlwiki.render.latex_check import defined_names, formulas, latex_problems

NOTE = """# Losses

Q: What is the loss $\\myloss(y, \\hat y)$?
A: Half the square: $\\frac{1}{2}(y - \\hat y)^2$

Q: Where does $w$ live?
A: $w \\in \\R^{d}$

Q: What does the second row say?
A:
$$\\begin{aligned} a &= b \\\\
c &= \\frac{1}{2 \\end{cases}$$
"""


@pytest.fixture
def broken(wiki):
    write(wiki, "notes/losses.md", NOTE)
    return wiki


def test_check_warns_at_the_formulas_line_and_still_exits_0(broken) -> None:
    result = run(broken, "check")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if ": warning: formula" in line]
    assert lines == [
        "notes/losses.md:3: warning: formula `\\myloss(y, \\hat y)`: unknown command `\\myloss`: neither MathJax's nor "
        "in the wiki's macros file",
        "notes/losses.md:7: warning: formula `w \\in \\R^{d}`: unknown command `\\R`: neither MathJax's nor in the "
        "wiki's macros file",
        "notes/losses.md:11: warning: formula `\\begin{aligned} a &= b \\\\ c &=…`: `\\begin{aligned}` is "
        "closed by `\\end{cases}`",
        "notes/losses.md:11: warning: formula `\\begin{aligned} a &= b \\\\ c &=…`: a `{` is never closed",
    ]
    assert "0 errors, 4 warnings" in result.output


def test_a_macro_of_the_macros_file_is_known(broken) -> None:
    (broken / "mlwiki.toml").write_text('name = "T"\nmacros = "tex/macros.tex"\n[review]\ntimezone = "UTC"\n')
    write(broken, "tex/macros.tex", "\\newcommand{\\R}{\\mathbb{R}}\n\\DeclareMathOperator{\\myloss}{loss}\n")
    problems = json.loads(run(broken, "check", "--json").output)["problems"]
    latex = [p for p in problems if p["code"] == "latex"]
    assert [(p["line"], p["severity"]) for p in latex] == [(11, "warning"), (11, "warning")]


def test_review_shows_a_broken_formula_raw_and_marked_and_renders_the_wikis_macros(broken) -> None:
    (broken / "mlwiki.toml").write_text('name = "T"\nmacros = "macros.tex"\n[review]\ntimezone = "UTC"\n')
    write(broken, "macros.tex", "\\newcommand{\\R}{\\mathbb{R}}\n")
    try:
        shown = run(broken, "review", "--plain", input="\n3\n\n3\n\n3\n").output
    finally:
        latex_text.use_macros("")  # the review defined the wiki's macros for this process
    assert "What is the loss ⚠ \\myloss(y, \\hat y)?" in shown  # its source, marked, not a guess like myloss(y, ŷ)
    assert "w ∈ ℝᵈ" in shown  # the wiki's macro, expanded
    assert "⚠ \\begin{aligned} a &= b \\\\\n" in shown


@pytest.mark.parametrize(("latex", "expected"), [
    (r"\frac{a}{b}", []),
    (r"\left( \frac{a}{b} \right)^2", []),
    (r"\operatorname*{arg\,max}_\theta \mathcal{L}(\theta)", []),
    (r"\begin{pmatrix} a & b \\ c & d \end{pmatrix}", []),
    (r"\newcommand{\half}{\frac12} \half x", []),  # a formula may define its own macro
    (r"\{ x \mid x > 0 \}", []),  # escaped braces are not groups
    (r"\frac{a}{b", ["a `{` is never closed"]),
    (r"a}", ["a `}` closes no `{`"]),
    (r"\left( x", ["a `\\left` has no `\\right`"]),
    (r"x \right)", ["`\\right` without a `\\left`"]),
    (r"\end{cases}", ["`\\end{cases}` closes no `\\begin{cases}`"]),
    (r"\begin{tabular}{cc} a \end{tabular}", ["unknown environment `tabular`: MathJax has no `\\begin{tabular}`"]),
    (r"\bm{x} + \argmax", ["unknown commands `\\bm`, `\\argmax`: neither MathJax's nor in the wiki's macros file"]),
])
def test_latex_problems(latex: str, expected: list[str]) -> None:
    assert latex_problems(latex) == expected


def test_defined_names_of_the_macros_file_forms() -> None:
    text = ("\\newcommand{\\R}{\\mathbb{R}}\n\\renewcommand{\\vec}[1]{\\mathbf{#1}}\n\\def\\E{\\mathbb{E}}\n"
            "\\newcommand{\\argmax}{\\operatorname*{arg\\,max}}")
    assert defined_names(text) == {"R", "vec", "E", "argmax"}
    assert latex_problems(r"\argmax_x \E[\R]", defined_names(text)) == []


def test_every_bundled_formula_passes(tmp_path) -> None:
    """The example wiki is written for MathJax: `check` finds no LaTeX mistake in it."""
    import shutil
    from pathlib import Path

    repo = Path(__file__).resolve().parent.parent
    shutil.copytree(repo / "notes", tmp_path / "notes")
    shutil.copy(repo / "mlwiki.toml", tmp_path)
    problems = json.loads(run(tmp_path, "check", "--json").output)["problems"]
    assert len(problems) < 50
    assert [p for p in problems if p["code"] == "latex"] == []


def test_formulas_of_a_card_side():
    assert formulas("Both $a$ and $$b^2$$, \\(c\\) and \\[d\\]; not \\$5") == ["a", "b^2", "c", "d"]
