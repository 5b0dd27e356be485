"""Text around display math (issue 23): a paragraph that states relations inline, its last one wrapped onto a line
of its own, is one card with every relation on its back (no formula card asking it with the last relation as the
answer, the others on the front or lost), also when it opens with "So" after a theorem box or with a bold title;
a lone `$…$` line that a sentence introduces is still a formula card; the conclusion a paragraph draws right after
its display formula ("So …"), when no open section reads it again (after a titled box), is on that formula's card.
Notes in the styles of a Quarto book, an Obsidian vault, a MyST book and GitHub Markdown, written for these tests."""

from __future__ import annotations

from test_mathlists import cards, holding  # (the same helpers: a note's cards, those holding some words)

QUARTO = r"""# Pooling layers

## Window sizes

::: {#thm-window}
## Output length
A window of width $k$ moved with stride $s$ over $n$ inputs gives $\lfloor (n-k)/s \rfloor + 1$ outputs.
:::

So to keep the length unchanged with stride one: $k = 1$ or padding $p = (k-1)/2$ on each side. With stride two the
output is about half as long, $m \approx n/2$. The two settings only agree when
$n = 1$.

**Why odd widths, more carefully.** Symmetric padding needs an integer on each side, so
$p = (k-1)/2$ must be whole. It is exactly when $k$ is odd, and then each output is centred on
an input, $c = i$ for output $i$.
"""


def test_wrapped_relation_ends_a_paragraph_of_relations_quarto(tmp_path):
    found = cards(tmp_path, {"pool.qmd": QUARTO})
    assert not [c for c in found if c["kind"] == "formula" and c["back"].strip() in ("$$n = 1$$", "$$p = (k-1)/2$$")]
    # (a heading over a paragraph of three claims: a card per sentence, the others shown, each relation on the back
    # of its own sentence; the wrapped one with its sentence)
    asked = [c["back"] for c in found if c["front"].startswith("Pooling layers › Window sizes\n\n")]
    assert len(asked) == 3, asked
    assert asked[0].startswith("To keep the length") and "$k = 1$" in asked[0]  # (read alone: no "So" from the box)
    assert "$m \\approx n/2$" in asked[1] and asked[2] == "The two settings only agree when $n = 1$."
    titled = holding(found, "must be whole")
    assert len(titled) == 1 and titled[0]["front"].endswith("Why odd widths, more carefully")
    assert "$c = i$" in titled[0]["back"]


VAULT = r"""# Learning rate warmup

## Two budgets

With a budget of $T$ steps the peak rate sits at $t_0 = T/10$. Decay to zero wants $\eta_T = 0$ at the end,
and the average rate stays near $\bar\eta = \eta_{\max}/2$ whenever
$t_0 \ll T$.
"""


def test_wrapped_relation_obsidian(tmp_path):
    found = cards(tmp_path, {"warmup.md": VAULT})
    assert not [c for c in found if c["kind"] == "formula" and "t_0 \\ll T" in c["back"]]
    card = [c for c in found if "whenever" in c["back"]]  # (two claims: a card per sentence, the other shown)
    assert len(card) == 1 and "$\\eta_T = 0$" in card[0]["back"] and "$t_0 \\ll T$" in card[0]["back"]
    assert any(c["back"].endswith("$t_0 = T/10$.") for c in found)


MARKDOWN = r"""# Softmax

## Temperature

Dividing the logits by a temperature flattens the distribution. The scaled softmax is
$p_i = e^{z_i/\tau} / \sum_j e^{z_j/\tau}$.
"""


def test_introduced_lone_formula_stays_a_formula_card(tmp_path):
    found = cards(tmp_path, {"softmax.md": MARKDOWN})
    formula = [c for c in found if c["kind"] == "formula"]
    assert len(formula) == 1 and "e^{z_i/\\tau}" in formula[0]["back"]
    assert "scaled softmax" in formula[0]["front"]


MYST = r"""# Momentum

## Effective step

```{prf:theorem} Steady state
:label: thm-steady
Under a constant gradient the velocity settles to a fixed multiple of it.
```

Unrolling the recursion with a constant gradient $g$ at the steady state:
$$
v_\infty = \frac{g}{1-\beta}
$$
So with the usual damping the heavy ball takes steps ten times longer than plain gradient descent would.
"""

QUARTO_BOX = r"""# Momentum

## Effective step

::: {#thm-steady}
## Steady state
Under a constant gradient the velocity settles to a fixed multiple of it.
:::

Unrolling the recursion with a constant gradient $g$ at the steady state:
$$
v_\infty = \frac{g}{1-\beta}
$$
So with the usual damping the heavy ball takes steps ten times longer than plain gradient descent would.
"""


def test_conclusion_after_display_formula_after_a_box(tmp_path):
    for name, note in (("momentum.qmd", QUARTO_BOX), ("momentum.md", MYST)):
        found = cards(tmp_path / name.split(".")[1], {name: note})
        said = holding(found, "ten times longer")
        assert said, name
        assert not [c for c in said if "ten times longer" in c["front"]], name


PLAIN = r"""# Momentum

## Effective step

Unrolling the recursion with a constant gradient $g$ at the steady state:
$$
v_\infty = \frac{g}{1-\beta}
$$
So with the usual damping the heavy ball takes steps ten times longer than plain gradient descent would.
"""


def test_conclusion_in_a_section_is_one_card(tmp_path):
    found = cards(tmp_path, {"momentum.md": PLAIN})
    assert len(holding(found, "ten times longer")) == 1


GITHUB = r"""# Sample means

## Spread of the mean

- **unbiased**: the sample mean averages to the true mean over repeated draws of the data
- the spread shrinks with the sample count:
$$
\operatorname{Var}(\bar x) = \frac{\sigma^2}{n}
$$
- so the **standard error falls like $1/\sqrt{n}$**: four times the data only halves it, at four times the cost
"""


def test_bullet_concluding_from_the_formula_above(tmp_path):
    found = cards(tmp_path, {"means.md": GITHUB})
    said = holding(found, "four times the data only halves it")
    assert len(said) == 1 and "$1/\\sqrt{n}$" in said[0]["back"]
    assert not said[0]["back"].startswith("so ")
