"""nbdev notebooks read as nbdev builds their pages (session 60): a markdown cell's own directives (`#| hide`, nbdev1's
`#hide`) leave it out or are no text, a heading ending in " -" keeps its title, and the copies nbdev builds beside the
notebooks (`_proc/`, `_docs/`) are no notes. Every note is written to one wiki in tmp_path, scanned once through the
CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note as _made, note_text as _text, new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


def _notebook(*cells: tuple[str, str]) -> str:
    """A notebook as Jupyter saves it, of (cell type, source) pairs."""
    made = []
    for n, (kind, source) in enumerate(cells):
        lines = source.split("\n")
        cell = {"cell_type": kind, "id": f"c{n}", "metadata": {},
                "source": [line + "\n" for line in lines[:-1]] + [lines[-1]]}
        if kind == "code":
            cell.update(execution_count=None, outputs=[])
        made.append(cell)
    return json.dumps({"cells": made, "metadata": {"kernelspec": {"language": "python", "name": "python3"}},
                       "nbformat": 4, "nbformat_minor": 5}, indent=1)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("nbdev60"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


KMEANS = _notebook(
    ("code", "#| default_exp kmeans"),
    ("markdown", "# K-means\n\n> Lloyd's algorithm, written out."),
    ("code", "#| hide\nfrom nbdev.showdoc import *\nfrom fastcore.test import *"),
    ("markdown", "## Initialisation\n\n"
                 "K-means++ picks each new centre with probability proportional to its squared distance from the "
                 "nearest centre already chosen.\n\n"
                 "Random initialisation can leave two centres inside one true cluster and none in another."),
    ("markdown", "#| hide\nStory: the TA ran it with k=50 on the iris data in the lab and the projector froze."),
    ("markdown", "## Convergence\n\n"
                 "Each Lloyd iteration never increases the within-cluster sum of squares, so the algorithm stops "
                 "after finitely many steps."),
    ("markdown", "# | hide\n\nTODO: plot the objective per iteration for the blobs data set."),
    ("markdown", "#hide\nRemember to ask in office hours why sklearn defaults to n_init=10."),
    ("markdown", "#| column: margin\nThe result is a local minimum only, so one runs several restarts and keeps "
                 "the best."),
    ("code", "#| export\ndef assign(X, C):\n    \"Index of the nearest centre for each row\"\n    return 0"),
    ("code", "show_doc(assign)"),
)
NOTES["kmeans/nbs/01_kmeans.ipynb"] = KMEANS


def test_a_hidden_markdown_cell_is_no_text_of_the_page(cards):
    """A markdown cell opening on nbdev's `#| hide` (as a formatter writes it, `# | hide`, or nbdev1's `#hide`) is
    what the writer keeps beside the page, not on it: its story, to-do or question is on no card, and no card shows
    the directive or takes the hidden text as its neighbour's."""
    made = _made(cards, "kmeans/nbs/01_kmeans.ipynb")
    text = _text(made)
    assert "projector froze" not in text and "office hours" not in text and "objective per iteration" not in text
    assert "#|" not in text and "# |" not in text and "#hide" not in text
    assert any("K-means++ picks each new centre" in back for back in made.values())


def test_a_markdown_cells_other_directives_are_no_text(cards):
    """Any other `#|` line a markdown cell opens on is an option of the cell, not its text: the cell is read without
    it."""
    made = _made(cards, "kmeans/nbs/01_kmeans.ipynb")
    assert "column: margin" not in _text(made)
    assert any(back.startswith("The result is a local minimum only") or "local minimum only" in front
               for front, back in made.items())


GMM = _notebook(
    ("markdown", "# Gaussian mixtures\n\n> EM for a mixture of Gaussians."),
    ("markdown", "## Worked example\n\nTwo points at 0 and 2 with one component: the mean is 1."),
    ("markdown", "## Identifiability -"),
    ("markdown", "A mixture's likelihood is unchanged when its components are relabelled, so the maximum-likelihood "
                 "estimate is never unique.\n\n"
                 "A component collapsing onto a single point drives the likelihood to infinity, which is why EM "
                 "implementations put a floor on each variance."),
)
NOTES["gmm/nbs/02_gmm.ipynb"] = GMM


def test_a_heading_ending_in_a_dash_keeps_its_title(cards):
    """nbdev leaves a heading written `## Title -` out of the page's contents; in the notebook it still titles the
    section under it: the cards of that section are under "Identifiability", no front ends on the dash."""
    made = _made(cards, "gmm/nbs/02_gmm.ipynb")
    fronts = [front for front, back in made.items() if "relabelled" in back or "floor on each variance" in back]
    assert fronts and all("Identifiability" in front.split("\n")[0] for front in fronts)
    assert not any(" -\n" in front + "\n" or front.split("\n")[0].endswith("-") for front in made)


NOTES["proj/settings.ini"] = "[DEFAULT]\nrepo = trees\nlib_name = trees\nnbs_path = nbs\ndoc_path = _docs\n"
TREES = _notebook(
    ("markdown", "# Decision trees\n\n> Splits, impurity and pruning."),
    ("markdown", "## Impurity\n\nGini impurity is the probability that two items drawn at random from a node, with "
                 "replacement, have different labels."),
)
NOTES["proj/nbs/00_trees.ipynb"] = TREES
NOTES["proj/_proc/00_trees.ipynb"] = TREES  # (what `nbdev_preview` writes before rendering)
NOTES["proj/_docs/00_trees.md"] = ("# Decision trees\n\n## Impurity\n\nGini impurity is the probability that two items "
                                   "drawn at random from a node, with replacement, have different labels.\n")
NOTES["site/_docs/cheatsheet.md"] = ("# Boosting cheatsheet\n\n## Shrinkage\n\nShrinkage scales each new tree's "
                                     "contribution by a learning rate below one, trading more trees for less "
                                     "overfitting.\n")


def test_what_nbdev_builds_beside_the_notebooks_is_no_note(cards):
    """nbdev's processed copies (`_proc/`) and its built docs (`_docs/`, a Markdown copy of each notebook, beside its
    `settings.ini`) are no notes: the notebook's cards point at the notebook in `nbs/`. A Jekyll site's `_docs`
    collection, with no nbdev settings beside it, is read as ever."""
    paths = {c["source"]["path"] for c in cards if "Gini impurity" in c["back"] or "Gini impurity" in c["front"]}
    assert paths == {"notes/proj/nbs/00_trees.ipynb"}
    assert any("Shrinkage scales" in c["back"] for c in cards if c["source"]["path"] == "notes/site/_docs/cheatsheet.md")


SOFTPLUS = _notebook(
    ("markdown", "# Activations\n\n> Smooth stand-ins for the ReLU."),
    ("markdown", "## Softplus\n\n"
                 "The softplus $s(x) = \\log(1 + e^{x})$ smooths the corner of the ReLU and stays positive everywhere.\n\n"
                 "Its derivative is the logistic sigmoid: $\\frac{d}{dx}\\log(1+e^x) = \\sigma(x)$."),
    ("code", "#| export\ndef softplus(x): return np.logaddexp(0, x)"),
    ("markdown", "::: {.callout-warning}\nEvaluating `np.log(1 + np.exp(x))` overflows for large $x$; use "
                 "`np.logaddexp(0, x)`.\n:::"),
)
NOTES["act/nbs/03_activations.ipynb"] = SOFTPLUS


def test_a_paragraph_on_the_sections_subject_beside_its_formula_is_asked(cards):
    """A section whose formula and box make cards of their own keeps the paragraph that says what its subject is:
    asked by the section's heading, as the section's card would have asked it had the formula made none."""
    made = _made(cards, "act/nbs/03_activations.ipynb")
    assert made.get("Activations › Softplus", "").startswith("The softplus $s(x) = \\log(1 + e^{x})$ smooths the corner")
