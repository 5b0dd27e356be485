"""Notes kept as a Quarto manuscript project (session 60): an `index.qmd` article whose prose is hard-wrapped (inline
math lands at a line's start), with `{#sec-}` labels and citations, a partial it includes (`{{< include
sections/_zoo.qmd >}}`), and notebooks that open by saying what they simulate. Every note is written to one wiki in tmp_path, scanned once
through the CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note as _made, note_text as _text, new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("manuscript60"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


KERNELS = (
    "---\ntitle: \"Kernel methods: a study manuscript\"\nauthor:\n  - name: R. Example\nbibliography: refs.bib\n"
    "number-sections: true\n---\n\n"
    "## Valid kernels {#sec-valid}\n\n"
    "A kernel is only usable in an SVM when its Gram matrices behave. Two conditions matter, and I mix them up:\n\n"
    "1. **Symmetry**: $k(x, x') = k(x', x)$ for every pair of inputs, so the Gram matrix equals its\n"
    "   transpose.\n"
    "2. **Mercer condition** (also *positive semi-definiteness*): $\\sum_{i,j} c_i c_j k(x_i, x_j) \\ge 0$ for any\n"
    "   coefficients and any finite set of points with\n"
    "   $n \\ge 1$.\n\n"
    "## Training a kernel machine {#sec-train}\n\n"
    "The dual is solved in two passes over the data:\n\n"
    "1. **Kernel pass**: evaluate the kernel on every pair of training points and keep the Gram matrix\n"
    "   $K$.\n"
    "2. **Solver pass**: run SMO on the dual variables, two at a time, until the KKT conditions hold.\n\n"
    "```{python}\n#| label: fig-gram\n#| fig-cap: \"A Gram matrix.\"\nimport numpy as np\n```\n\n"
    "## Random features {#sec-rff}\n\n"
    "Rahimi and Recht show that a shift-invariant kernel is the expectation of a product of random cosine features,\n"
    "so a linear model on $D$ such features approximates the kernel machine [@bochner1933].\n\n"
    "## Kernel zoo {#sec-zoo}\n\n{{< include sections/_zoo.qmd >}}\n\n"
    "## Feature maps {#sec-maps}\n\n"
    "For the polynomial kernel each input is sent to a vector of all its monomials, and each point gets a pair\n"
    "$(\\phi(x), \\|\\phi(x)\\|)$, arranged as follows:\n\n"
    "| degree | features |\n|---|---|\n| 1 | $d$ |\n| 2 | $d(d+1)/2$ |\n\n"
    "The kernel trick evaluates the inner product of two such vectors without building either of them.\n")
NOTES["index.qmd"] = KERNELS


def test_a_formula_a_hard_wrap_left_on_an_items_line_stays_in_the_item(cards):
    """A list item whose sentence a hard wrap ends on a line holding only `$n \\ge 1$.` states its relation in its own
    words: the line is inline math, no formula card asking the item's first half ("… with" → `$$n \\ge 1$$`); the
    item is on a card whole."""
    made = _made(cards, "index.qmd")
    assert not [front for front, back in made.items() if back.strip("$ ") == "n \\ge 1"]
    assert [back for back in made.values() if "**Mercer condition**" in back and "$n \\ge 1$." in back]


def test_a_symbol_a_hard_wrap_left_alone_does_not_cost_the_section_its_card(cards):
    """`keep the Gram matrix` / `   $K$.`: a symbol the sentence names, which a wrap put on a line of its own, is no
    formula left behind; the steps of the section are a card."""
    made = _made(cards, "index.qmd")
    steps = [back for front, back in made.items() if "Training a kernel machine" in front and "Solver pass" in back]
    assert steps and "Kernel pass" in steps[0]


def test_a_sentence_wrapped_onto_a_line_opening_with_math_is_not_cut_in_half(cards):
    """A paragraph whose last sentence announces a table and goes on across a line that opens with `$…$` loses that
    sentence whole: no card ends on "… each point gets a pair" with its math and what it announces gone."""
    made = _made(cards, "index.qmd")
    assert not [back for back in made.values() if back.rstrip().endswith("each point gets a pair")]


ZOO = (
    "<!-- included from index.qmd -->\n\n"
    "The RBF kernel $k(x, x') = \\exp(-\\|x - x'\\|^2 / 2\\ell^2)$ is the default: smooth, stationary, and its length scale\n"
    "$\\ell$ sets how fast the correlation between two points decays with their distance.\n\n"
    "### Periodic kernels\n\n"
    "A periodic kernel repeats its correlation every period $p$, so it models seasonal signals; multiplied by an RBF\n"
    "kernel it lets the seasonal pattern drift slowly over time.\n")
NOTES["sections/_zoo.qmd"] = ZOO


def test_a_quarto_partial_is_about_the_heading_it_is_included_under(cards):
    """A partial (`sections/_zoo.qmd`, never rendered alone) shows inside the article under its title and the heading
    `{{< include >}}` stands under: its cards ask under "Kernel methods: … › Kernel zoo", not under its file's slug."""
    made = _made(cards, "sections/_zoo.qmd")
    assert made and all(front.startswith("Kernel methods: a study manuscript › Kernel zoo") for front in made), made
    assert any("› Kernel zoo › Periodic kernels" in front for front in made)
    assert not any(front.startswith("zoo") for front in made)


NOTEBOOK = (
    "---\ntitle: \"Bootstrap intervals\"\njupyter: python3\n---\n\n"
    "A bootstrap analysis of simulated data with heavy tails, plus notes on percentile and BCa intervals.\n"
    "The definitions are in the article.\n\n"
    "```{python}\nimport numpy as np\nrng = np.random.default_rng(1)\n```\n\n"
    "## Percentile intervals\n\n"
    "A percentile interval takes the quantiles of the bootstrap replicates directly; it is only accurate when the\n"
    "estimator's sampling distribution is close to symmetric.\n")
NOTES["notebooks/bootstrap.qmd"] = NOTEBOOK


def test_a_notebook_opening_on_what_it_simulates_is_no_card(cards):
    """A manuscript's notebook that opens with a phrase saying what it runs on made-up data ("A bootstrap analysis of
    simulated data with …") has a subtitle, not a fact: no card of it, while its sections are cards."""
    made = _made(cards, "notebooks/bootstrap.qmd")
    text = _text(made)
    assert "simulated data" not in text and "What are Bootstrap intervals?" not in text
    assert "quantiles of the bootstrap replicates" in text
