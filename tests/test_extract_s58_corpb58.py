"""Jupyter Book / MyST-NB notes as a learner studies them (session 58, corpb58): a section's back no longer ends on a
formula's bare bold label; a first paragraph that leads on from text the card does not show ("Now considering …,",
"Instead, …") is carded without its joining word; a list right under its heading is on the section's card even when
an item wraps unindented; a section that runs a method on one data set asks none of that data set's particulars.
Every note is written to one wiki in tmp_path, scanned once through the CLI (`cards --json`); each test reads the
cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)
MYST = "---\nfile_format: mystnb\nkernelspec:\n  name: python3\n---\n\n"


def _notebook(*cells: str) -> str:
    """A Jupyter notebook of markdown cells, each a code cell apart, as a Jupyter Book chapter is written."""
    out = []
    for cell in cells:
        out.append({"cell_type": "markdown", "metadata": {}, "source": [cell]})
        out.append({"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                    "source": ["x = 1"]})
    return json.dumps({"cells": out, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("corpb58"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _made(cards: list[dict], rel: str) -> dict[str, str]:
    """{front: back} of the cards of the note `rel`."""
    return {c["front"]: c["back"] for c in cards if c["source"]["path"] == f"notes/{rel}"}


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


HEAVY_BALL = (
    MYST + "# Optimisers\n\n## Heavy ball\n\n"
    "Heavy ball methods speed up descent by moving along a running sum of past gradients. The velocity they keep "
    "decays a little at every step.\n\n\n"
    "- **Velocity step:**\n\n  $$\n  v_t = \\beta v_{t-1} + \\eta g_t\n  $$\n\n"
    "- **Weight step:**\n\n  $$\n  w_{t+1} = w_t - v_t\n  $$\n\n"
    "  - $ \\beta $: how much of the velocity survives a step\n  - $ v_t $: the velocity at step $ t $\n")
NOTES["optimisers/heavy_ball.md"] = HEAVY_BALL


def test_a_section_back_never_ends_on_the_bold_label_of_a_formula_on_another_card(cards):
    """"- **Velocity step:**" over an indented display formula: the formula is a card of its own (fronted by that
    label), so the section's card holds the paragraph only (before, it ended on the bare label, its formula cut)."""
    made = _made(cards, "optimisers/heavy_ball.md")
    assert made["Optimisers › Heavy ball\n\n**Velocity step:**"] == "$$v_t = \\beta v_{t-1} + \\eta g_t$$"
    assert not any(back.rstrip().endswith(":**") for back in made.values())
    assert "Heavy ball methods speed up descent by moving along a running sum of past gradients." in _text(made)


PARTIALS = _notebook(
    "# Differentiation\n\n## The derivative\n\n"
    "The derivative of a function measures how fast its output moves when its input moves.",
    "## Partial derivatives\n\n"
    "Now moving on from functions of a single input, a partial derivative is the derivative of a function of "
    "several inputs with respect to one of them, the other inputs held fixed. Let's take a function\n\n"
    "$$\ng(u, v) = u^3 v + \\cos v\n$$\n\n"
    "We cannot differentiate it in one go since it has two inputs, so we fix one of them at a time.")
NOTES["calculus/partials.ipynb"] = PARTIALS


def test_a_first_paragraph_that_leads_on_from_the_section_before_is_carded_without_its_joining_words(cards):
    """"Now moving on from …, a partial derivative is …" right under its heading, before an example's formula: the
    section's card asks the definition (before, "Now" made the paragraph one that goes on from a sentence before
    it, and the section made no card at all)."""
    made = _made(cards, "calculus/partials.ipynb")
    asked = [back for front, back in made.items() if front.startswith("Differentiation › Partial derivatives")]
    assert asked == ["A partial derivative is the derivative of a function of several inputs with respect to one of "
                     "them, the other inputs held fixed."]


TENSORS = _notebook(
    "# Tensor basics\n\nA tensor is an array of numbers with any number of dimensions.",
    "## Random starts\n\n"
    "But when you train a network yourself, you'll rarely type its numbers by hand like we've done so far.\n\n"
    "Instead, a network usually begins with large tensors of random numbers and nudges them as it sees more data.\n\n"
    "In short:\n\n"
    "Random numbers -> look at data -> nudge the numbers -> look at data -> nudge again...")
NOTES["torch/tensor_basics.ipynb"] = TENSORS


def test_a_fact_after_a_line_of_narration_is_carded_without_its_instead(cards):
    """A line of the tutorial's story, then "Instead, a network usually begins with …": the card asks that fact
    (before, it asked only the "In short:" line after it, which sums up what the card did not show)."""
    made = _made(cards, "torch/tensor_basics.ipynb")
    assert made["Tensor basics › Random starts"] == \
        "A network usually begins with large tensors of random numbers and nudges them as it sees more data."


LOOKUP = (
    MYST + "# Graph storage\n\n## Adjacency matrix\n\n"
    "An adjacency matrix holds one row and one column per vertex, and a 1 where an edge joins them.\n\n"
    "### Weak points of the matrix\n\n"
    "1. The matrix does not suit a graph with very many vertices. Its number of entries grows with the square of "
    "the vertex count, even when few of them are edges.\n"
    "2. The matrix does not suit a graph with parallel edges. It keeps a single value for each pair of vertices, "
    "so two edges between the same pair collapse into one entry.\n"
    "3. Its worst weakness is memory: the space it takes grows quickly with the vertex count. It needs space of "
    "order\n$O(|V|^2)$ where $|V|$ counts the vertices of the graph, whatever the number of edges.\n\n"
    "All in all, the matrix suits small and dense graphs well, but its memory rules it out for large sparse ones "
    "such as social networks or road maps. Adding or removing a vertex also means rebuilding the whole matrix, "
    "which is slow for graphs that change all the time. Edge lists and adjacency lists avoid both costs, at the "
    "price of slower lookups of a single edge.\n")
NOTES["graphs/storage.md"] = LOOKUP


def test_a_list_right_under_its_heading_is_on_the_section_card_when_an_item_wraps_unindented(cards):
    """A numbered list under "### Weak points of the matrix", its third item wrapped onto a line that starts at the
    margin ("…of order" / "$O(|V|^2)$ …"), then a closing paragraph: the card of the heading asks the weak points
    (before, the section being too long for one card, only the closing paragraph's two sentences were asked and the
    three weak points were on no card)."""
    made = _made(cards, "graphs/storage.md")
    text = _text(made)
    for point in ("does not suit a graph with very many vertices", "does not suit a graph with parallel edges",
                  "Its worst weakness is memory"):
        assert point in text
    back = made["Graph storage › Adjacency matrix › Weak points of the matrix"]
    assert back.startswith("1. The matrix does not suit a graph with very many vertices.")


SAGE = _notebook(
    "# Sampling GNNs\n\n## Neighbour sampling\n\n"
    "Neighbour sampling trains a graph network on a fixed number of sampled neighbours per node, so that each "
    "mini-batch fits in memory.",
    "### Node classification on Citeseer\n\n"
    "In this section, we will implement a sampling graph network to classify the nodes of the Citeseer dataset.\n"
    "The Citeseer graph is a little smaller, with 3,327 nodes and 9,104 edges.\n\n"
    "Node features are binary word vectors with 3,703 dimensions. The goal is to put every node in one of six "
    "subject areas – agents, AI, databases, IR, ML and HCI. Let's implement it step by step:")
NOTES["graphs/sampling.ipynb"] = SAGE


def test_a_section_that_runs_a_method_on_one_data_set_asks_none_of_its_particulars(cards):
    """"In this section, we will implement … on the Citeseer dataset", then the data set's counts and classes: a
    walkthrough, as one tracing an example is (before, its node and edge counts and its six classes were asked as
    cards of their own); the method's own section is still a card."""
    made = _made(cards, "graphs/sampling.ipynb")
    text = _text(made)
    assert "3,327" not in text and "3,703" not in text and "six subject areas" not in text
    assert made["Sampling GNNs › Neighbour sampling"].startswith("Neighbour sampling trains a graph network")
