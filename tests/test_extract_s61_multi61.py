"""Fragments and multi-fact backs of a list (session 61, multi61): a bullet after a formula asked by its arrow
clause keeps the clause's math whole on its front ("Cost $O(n^3)$ →", not "Cost $O$ →"); a list whose last item
wraps over a line that introduces a formula keeps that item whole on its card (not cut mid-sentence where the line
wrapped); a list whose items partly have label cards of their own asks its other claims one per card.
Every note is written to one wiki in tmp_path, scanned once through the CLI (`cards --json`); each test reads the
cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note as _made, new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("multi61"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


NOTES["ridge.md"] = (
    "# Ridge regression\n\n"
    "## Closed form\n\n"
    "Stack the inputs as rows of $X \\in \\mathbb{R}^{n \\times d}$ and the targets in $y$. Then\n\n"
    "$$\n\\hat w = (X^\\top X + \\lambda I)^{-1} X^\\top y\n$$\n\n"
    "- $(X^\\top X + \\lambda I)$ is invertible for every $\\lambda > 0$: its eigenvalues are at least $\\lambda$.\n"
    "- Cost $O(d^3)$ → fine for a few thousand features; beyond that use conjugate gradients or SGD.\n"
    "- Also: as $\\lambda \\to 0$ it becomes ordinary least squares, when $X^\\top X$ is invertible.\n")


def test_an_arrow_clause_keeps_its_formula_whole_on_the_front(cards):
    """The bullet "Cost $O(d^3)$ → …" after a formula is asked by its clause, the brackets of its math kept: a front
    "… › Cost $O$ →" is cut off, and the learner cannot tell what is asked."""
    made = _made(cards, "ridge.md")
    fronts = [front for front, back in made.items() if back.startswith("Cost $O(d^3)$")]
    assert fronts and all("Cost $O(d^3)$ →" in front for front in fronts), made
    assert not any("Cost $O$" in front for front in made)


NOTES["critic.md"] = (
    "# Lipschitz critics\n\n"
    "## Keeping the critic 1-Lipschitz\n\n"
    "Two ways to keep the critic's slope bounded:\n\n"
    "1. **clipping**: clamp every weight of the critic to a small box $[-c, c]$ after each update. Easy, but a box\n"
    "   too small makes the gradients vanish and one too large leaves the critic slow to train.\n"
    "2. **penalty**: a critic that is optimal has unit gradient norm on the segments joining real and generated\n"
    "   points, so add a term that pulls the gradient norm towards one at random points of those segments:\n\n"
    "$$\nL = L_{\\text{critic}} + \\lambda \\, \\mathbb{E}_{\\hat x}\\big[(\\lVert \\nabla f(\\hat x) \\rVert - 1)^2\\big]\n$$\n\n"
    "The usual weight is $\\lambda = 10$.\n")


def test_a_wrapped_item_introducing_a_formula_stays_whole(cards):
    """The list's second item wraps over a line that ends in ":" before the formula: the list's card keeps the
    whole item, the line it wraps on too, not the item cut where the line broke ("… on the segments joining real
    and generated")."""
    made = _made(cards, "critic.md")
    backs = [back for back in made.values() if back.startswith("1. **clipping**")]
    assert backs, made
    assert all("towards one at random points of those segments" in back for back in backs), backs
    assert not any(back.rstrip().endswith(("generated", "joining real and generated")) for back in made.values())


NOTES["priors.md"] = (
    "---\n"
    "date: 2025-03-02 10:11:12\n"
    "created: 2025-02-20 09:00:00\n"
    "categories:\n"
    "- Study / Gaussian Processes\n"
    "---\n"
    "\n"
    "# GP hyperparameters\n"
    "\n"
    "## Beyond a single fit\n"
    "\n"
    "- **MAP-II**: put a prior on the hyperparameters and maximise the marginal likelihood times the prior. "
    "Keeps the fit away from silly values.\n"
    "- **fully Bayesian**: sample the hyperparameters with MCMC and average the predictions → honest error bars "
    "when the data cannot pin them down.\n"
    "\n"
    "### Usual priors (from the GPyTorch / Stan docs, lecture slide 9.4)\n"
    "\n"
    "- lengthscale: **inverse-gamma** or **gamma** prior with almost no mass near zero → stops the lengthscale "
    "collapsing onto the data; scale it to the spread of the inputs\n"
    "- output scale $\\\\sigma_f$: half-normal on standardised targets (for example half-N(0, 1))\n"
    "- noise: log-normal around the noise level you expect, or a floor (say $\\\\sigma_n^2 \\\\geq 10^{-6}$) → "
    "also keeps $K$ well-conditioned\n"
    '- once priors are set, the log posterior over $\\\\theta$ is what gets maximised → "MAP-II"\n'
    "\n"
    "<br>\n")


def test_a_list_beside_its_items_own_cards_asks_the_rest_apart(cards):
    """Two items of the list (an UpNote export, its backslashes doubled) are asked by their own labels ("… ›
    lengthscale", "… › noise") and stay on the list as their bare labels; the two items left are claims, each asked on a card of its own, not one back holding both
    beside the stubs "- lengthscale", "- noise"."""
    made = _made(cards, "priors.md")
    assert not any(back.startswith("- lengthscale") for back in made.values()), made
    backs = list(made.values())
    assert any(back.startswith("output scale $") and "half-normal" in back and "MAP-II" not in back for back in backs)
    assert any("MAP-II" in back and "half-normal" not in back for back in backs)


NOTES["glance.md"] = (
    "---\ndate: 2025-03-04 08:00:00\ncreated: 2025-02-21 09:00:00\ncategories:\n- Study / Kernels\n---\n\n"
    "# Kernel summary\n\n"
    "## Kernels at a glance\n\n"
    "- RBF: infinitely smooth samples, a universal kernel; $\\\\gamma = 1/(2\\\\ell^2)$ in scikit-learn\n"
    "- Matérn ν: samples are $\\\\lceil \\\\nu \\\\rceil - 1$ times differentiable; ν = 1/2 gives the exponential "
    "kernel, ν → ∞ the RBF\n"
    "- periodic = an RBF on a circle; the rational quadratic = a scale mixture of RBFs\n"
    "- ARD: one lengthscale $\\\\ell_d$ per input dimension, a large $\\\\ell_d$ marks an irrelevant input\n"
    "- sums and products of kernels are kernels; differences of kernels in general are not\n\n"
    "<br>\n")


def test_items_that_only_mention_a_carded_label_are_claims_of_their_own(cards):
    """"RBF" and "ARD" are asked by their own cards and stay on the list as bare labels; the other items mention
    RBF ("ν → ∞ the RBF") but open on terms of their own: the list is no index of cards, and each of those claims
    is asked on a card of its own rather than all on one back."""
    made = _made(cards, "glance.md")
    backs = list(made.values())
    assert not any(back.startswith("- RBF") for back in backs), made
    assert any(back.startswith("Matérn ν: samples") and "periodic" not in back for back in backs)
    assert any(back.startswith("sums and products of kernels") for back in backs)
