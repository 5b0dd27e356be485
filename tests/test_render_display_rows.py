"""A wide display formula for the browser, written again as `aligned` rows (render/display_rows.py)."""

from __future__ import annotations

import re

from hypothesis import given, strategies as st

from mlwiki.render.display_rows import row_variants
from mlwiki.render.mathml import MathML

ELBO = (r"\log p(x) = \mathbb{E}_{q(z\mid x)}\left[\log \frac{p(x, z)}{q(z\mid x)}\right] + "
        r"\mathrm{KL}\left(q(z\mid x)\,\|\,p(z\mid x)\right) \geq \mathbb{E}_{q(z\mid x)}\left[\log p(x\mid z)\right]"
        r" - \mathrm{KL}\left(q(z\mid x)\,\|\,p(z)\right)")
LAYOUT = re.compile(r"\\begin\{aligned\}|\\end\{aligned\}|\\\\|&|\\qquad \{\}|\s+")


def rows(variant: str) -> list[str]:
    body = variant.removeprefix(r"\begin{aligned}").removesuffix(r"\end{aligned}")
    return [row.strip() for row in body.split(r" \\ ")]


def test_relations_start_rows_aligned_on_them_then_long_rows_break_before_plus_and_minus():
    first, *narrower = row_variants(ELBO)
    assert rows(first) == [r"\log p(x) &= \mathbb{E}_{q(z\mid x)}\left[\log \frac{p(x, z)}{q(z\mid x)}\right] + "
                           r"\mathrm{KL}\left(q(z\mid x)\,\|\,p(z\mid x)\right)",
                           r"&\geq \mathbb{E}_{q(z\mid x)}\left[\log p(x\mid z)\right] - "
                           r"\mathrm{KL}\left(q(z\mid x)\,\|\,p(z)\right)"]
    starts = [r"\log p(x) &= \mathbb{E}", r"&\qquad {}+ \mathrm{KL}", r"&\geq \mathbb{E}"]  # {}: a binary plus
    assert [row[:len(start)] for row, start in zip(rows(narrower[-1]), starts)] == starts
    assert len(rows(narrower[-1])) == 3


def test_never_inside_brackets_groups_or_left_right_and_colon_equals_is_one_relation():
    assert row_variants(r"f\left(x = 1, y < 2\right) = g_{i=1} \le h(a = b)") == [
        r"\begin{aligned}f\left(x = 1, y < 2\right) &= g_{i=1} \\ &\le h(a = b)\end{aligned}"]
    assert rows(row_variants(r"L := a = b")[0]) == ["L &:= a", "&= b"]
    assert rows(row_variants(r"x \stackrel{(a)}{=} y \overset{\text{Jensen}}{\le} z")[0]) == [
        r"x &\stackrel{(a)}{=} y", r"&\overset{\text{Jensen}}{\le} z"]
    assert row_variants(r"\left< x \right> = y = z")[0].startswith(r"\begin{aligned}\left< x \right> &= y")


def test_a_list_of_equations_gives_each_its_row_aligned_on_its_relation():
    assert rows(row_variants(r"k_i = K x_i, \quad q_i = Q x_i, \quad v_i = V x_i")[0]) == [
        r"k_i &= K x_i, \quad", r"q_i &= Q x_i, \quad", r"v_i &= V x_i"]
    assert rows(row_variants(r"\forall i, \; x_i = a = b")[0]) == [r"\forall i, \; x_i &= a", "&= b"]
    assert row_variants(r"f(a, b) = g(a), \text{so } h") == []  # one equation: the comma's tail has no relation


def test_formulas_the_author_laid_out_or_with_nothing_to_break_are_left_alone():
    for latex in (r"a &= b \\ &= c", r"a = b \tag{1} = c", r"\begin{aligned} a &= b \end{aligned} = c",
                  r"a = b", r"\left( a = b = c", r"e^{-x} - y"):
        assert row_variants(latex) == [], latex


def test_a_minus_after_a_relation_or_bracket_is_a_sign_not_a_break():
    assert all(r"{}-" not in v for v in row_variants(r"y = -x + (-a) = " + " + ".join(["w_i x_i"] * 30)))


TERMS = st.sampled_from([r"\frac{a}{b}", "x_i", r"\sum_{i=1}^{n} w_i", r"\left(a + b = c\right)", "-y", "2",
                         r"\mathbb{E}[x]", r"\{a, b\}", "f(x)", r"\alpha^{2}"])
JOINS = st.sampled_from([" + ", " - ", " = ", r" \le ", r" \approx ", " ", r" \cdot ", " := "])


@given(st.lists(st.tuples(TERMS, JOINS), min_size=1, max_size=40), TERMS)
def test_every_variant_keeps_every_token_in_order(pairs, last):
    latex = "".join(term + join for term, join in pairs) + last
    for variant in row_variants(latex):
        assert LAYOUT.sub("", variant) == re.sub(r"\s+", "", latex)


def test_the_browser_gets_every_version_and_the_card_page_only_one():
    served = MathML(rows=True).html(rf"<p>\[{ELBO}\]</p>")
    assert served.count('class="math-version"') == 3 and served.count("hidden") == 2
    assert "math-version" not in MathML().html(rf"<p>\[{ELBO}\]</p>")
    assert "math-version" not in MathML(rows=True).html(r"<p>\[a = b\]</p>")
