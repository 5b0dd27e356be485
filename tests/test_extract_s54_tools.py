"""Pages of more tools read as those tools show them (issue 23, session 54): d2l-book chapters, Pandoc with
pandoc-crossref, Wiki.js, Mochi, Quarto slides, Kaggle notebooks, Jupytext. Every note is written to one wiki in
tmp_path, scanned once through the CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("tools"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _made(cards: list[dict], rel: str) -> dict[str, str]:
    """{front: back} of the cards of the note `rel`."""
    return {c["front"]: c["back"] for c in cards if c["source"]["path"] == f"notes/{rel}"}


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


D2L_PAGE = (
    "# Pooling\n:label:`sec_pooling`\n\n"
    "Pooling layers summarise a window of activations, which makes the representation less sensitive to small "
    "shifts of the input :cite:`Boureau.Ponce.LeCun.2010`.\n\n"
    "For a window of size $p$ and stride $s$ the output length is\n\n"
    "$$\\lfloor (n - p) / s \\rfloor + 1.$$\n:eqlabel:`eq_pool_len`\n\n"
    "![Max pooling over a 2x2 window.](../img/pooling.svg)\n:label:`fig_pooling`\n:width:`300px`\n\n"
    "## Max versus average pooling\n\n"
    "The length in :eqref:`eq_pool_len` holds for both kinds, as :numref:`sec_pooling` shows.\n\n"
    ":begin_tab:`mxnet`\nIn MXNet the pool_size argument sets the window.\n:end_tab:\n\n"
    ":begin_tab:`pytorch`\nIn PyTorch the kernel_size argument sets the window.\n:end_tab:\n\n"
    "```{.python .input}\n%%tab pytorch\nimport torch\n```\n\n"
    "[Discussions](https://discuss.d2l.ai/t/71)\n")
NOTES["chapter_cnn/pooling.md"] = D2L_PAGE


def test_d2l_labels_references_and_citations_never_show(cards):
    """`:label:`, `:eqlabel:`, `:width:` lines and `:cite:` roles are d2l-book's furniture; a reference to an
    equation of the page shows the equation, as in a Quarto page."""
    made = _text(_made(cards, "chapter_cnn/pooling.md"))
    for raw in (":label:", ":eqlabel:", ":width:", ":cite:", ":eqref:", ":numref:", "Boureau", "Discussions",
                "{#"):
        assert raw not in made, raw
    assert "less sensitive to small shifts of the input." in made
    assert "The length in $\\lfloor (n - p) / s \\rfloor + 1$ holds for both kinds" in made


def test_d2l_shows_the_pytorch_tab_of_a_framework_choice(cards):
    """`:begin_tab:`mxnet`` … `:end_tab:`: the book shows one framework's prose; the PyTorch tab is read."""
    made = _text(_made(cards, "chapter_cnn/pooling.md"))
    assert "kernel_size" in made
    assert "pool_size" not in made


PANDOC_NOTE = (
    "---\ntitle: \"Uniform convergence\"\nbibliography: refs.bib\n---\n\n"
    "# Setting {#sec:setting}\n\n"
    "The generalisation gap of a hypothesis $h$ is\n\n"
    "$$\\Delta(h) = L_D(h) - L_S(h)$$ {#eq:gap}\n\n"
    "Uniform convergence bounds [@eq:gap] for every $h$ in the class at once, which is what ERM needs "
    "[@shalev2014].\n")
NOTES["uc.md"] = PANDOC_NOTE
NOTES["uc-site.md"] = ("---\ntitle: \"Stability\"\n---\n\n# Setting\n\n"
                       "An algorithm is uniformly stable when replacing one training example changes its loss on any "
                       "point by at most $\\beta$.\n")
NOTES["uc-repeated.md"] = ("---\ntitle: Uniform convergence\n---\n\n# Uniform convergence\n\n"
                           "Uniform convergence holds when the empirical risk is close to the true risk for every "
                           "hypothesis at once.\n")


def test_pandoc_crossref_labels_and_references_read_as_quartos(cards):
    """`{#eq:gap}` is a label (never shown); `[@eq:gap]` shows the equation it points at, where a citation would
    have been dropped with it."""
    made = _text(_made(cards, "uc.md"))
    assert "{#" not in made and "@eq" not in made and "shalev" not in made
    assert "Uniform convergence bounds $\\Delta(h) = L_D(h) - L_S(h)$ for every $h$" in made


def test_a_front_matter_title_roots_fronts_under_a_first_h1_that_is_a_section(cards):
    """Pandoc and Quarto show `title:` as the document's title and `# Setting` as its first section: the title is
    the subject every front names."""
    made = _made(cards, "uc.md")
    assert made and all(front.startswith("Uniform convergence › Setting") for front in made)


def test_a_markdown_pages_first_h1_stays_its_title_where_its_site_shows_it_so(cards):
    """Docusaurus, Hugo and Obsidian show a page's H1 as its title, its front matter's `title` elsewhere: without
    Pandoc's own front matter, the H1 roots the fronts alone."""
    made = _made(cards, "uc-site.md")
    assert made and all(front.startswith("Setting") for front in made)


def test_a_first_h1_that_repeats_the_title_is_not_said_twice(cards):
    made = _made(cards, "uc-repeated.md")
    assert made and all(front.count("Uniform convergence ›") <= 1 for front in made)


WIKIJS_PAGE = (
    "---\ntitle: Concept drift\neditor: markdown\n---\n\n# Concept drift\n\n"
    "Concept drift is a change in the relation between inputs and labels, so the same input needs a new answer.\n\n"
    "> A drift alarm on the inputs alone can stay silent through concept drift.\n{.is-warning}\n")
NOTES["drift.md"] = WIKIJS_PAGE
NOTES["NLP/Negative sampling.md"] = (
    "What does negative sampling replace in skip-gram?\n\n---\n\n"
    "The full softmax over the vocabulary, with $k$ logistic regressions against noise words.\n\n"
    "$$\\log\\sigma(u_o^\\top v_c) + \\sum_{i=1}^k \\log\\sigma(-u_i^\\top v_c)$$\n\n#word2vec\n")
NOTES["NLP/Perplexity.md"] = (
    "<< Term >>\nPerplexity\n---\n<< Definition >>\n"
    "The exponential of the average negative log-likelihood per token; see @[Cross-entropy](mochi://cards/x1).\n")
NOTES["ppl.md"] = ("# Perplexity\n\nPerplexity is the exponential of the average negative log-likelihood per token."
                   "\n\n---\n\nLower perplexity means the model is less surprised by held-out text.\n")


def test_a_wikijs_styled_blockquote_is_a_box_of_its_own(cards):
    """`> …` then `{.is-warning}` is Wiki.js's warning box: a caveat carded apart, never glued onto the definition
    above it, and the class line never shows."""
    made = _made(cards, "drift.md")
    text = _text(made)
    assert "{.is-" not in text
    defining = next(back for front, back in made.items() if "relation between inputs and labels" in back)
    assert "stay silent" not in defining
    assert any("stay silent" in back for back in made.values())


def test_a_mochi_card_file_is_one_card_with_its_whole_back(cards):
    made = _made(cards, "NLP/Negative sampling.md")
    back = made["What does negative sampling replace in skip-gram?"]
    assert "full softmax" in back and "\\log\\sigma" in back
    assert "#word2vec" not in back


def test_mochi_card_links_and_template_field_names_show_only_words(cards):
    text = _text(_made(cards, "NLP/Perplexity.md"))
    assert "<<" not in text and "mochi://" not in text and "@[" not in text
    assert "see Cross-entropy." in text


def test_a_page_with_a_rule_after_a_heading_is_no_mochi_card(cards):
    made = _made(cards, "ppl.md")
    assert not any(front.startswith("# ") or front == "Perplexity" and "Lower" in back and "exponential" in back
                   for front, back in made.items())


SLIDES = (
    "---\ntitle: \"TD learning\"\nformat: revealjs\n---\n\n## SARSA vs Q-learning\n\n"
    "::: {.fragment}\nQ-learning is off-policy: its target takes the greedy action in the next state.\n:::\n\n"
    "::: {.fragment .fade-up}\nSARSA is on-policy: its target takes the action the policy actually chose.\n:::\n\n"
    ". . .\n\n"
    "::: {.columns}\n::: {.column width=\"50%\"}\n"
    "Expected SARSA averages the next action's values under the policy, which lowers the target's variance.\n"
    ":::\n:::\n\n"
    "::: {.notes}\nAsk who has seen cliff-walking before this slide.\n\n"
    "On cliff-walking SARSA learns the safer path because its target includes exploratory moves.\n:::\n")
NOTES["td.qmd"] = SLIDES


def test_quarto_slides_show_every_fragment_and_column(cards):
    """A fragment with a style (`.fade-up`) and a column of a two-column slide only say how the slide shows its
    text: their text is the slide's (it was on no card)."""
    text = _text(_made(cards, "td.qmd"))
    assert "off-policy" in text and "actually chose" in text and "lowers the target's variance" in text
    assert ". . ." not in text and ":::" not in text


def test_speaker_notes_keep_their_facts_not_the_presenters_cues(cards):
    text = _text(_made(cards, "td.qmd"))
    assert "learns the safer path" in text
    assert "Ask who has seen" not in text


KAGGLE_BANNER = ('<div style="background:#1f618d;padding:16px">\n'
                 '<h1 style="color:white;text-align:center">📈 Forecast validation</h1>\n</div>\n')
NOTES["lags-and-leaks.ipynb"] = json.dumps({
    "cells": [{"cell_type": "markdown", "metadata": {}, "source": text} for text in (
        KAGGLE_BANNER, "## 🚫 Why shuffled K-fold leaks\n\nShuffled K-fold trains on rows from after the validation "
                       "rows, so the score is optimistic about the future.")],
    "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def test_an_html_banner_titles_the_notebook_and_heading_icons_stay_off_fronts(cards):
    made = _made(cards, "lags-and-leaks.ipynb")
    text = _text(made)
    assert "<h1" not in text and "style=" not in text
    assert any(front.startswith("Forecast validation › Why shuffled K-fold leaks") for front in made)


JUPYTEXT = (
    "---\njupytext:\n  text_representation:\n    format_name: myst\nkernelspec:\n  name: python3\n---\n\n"
    "# Kernels\n\n```{code-cell} ipython3\nimport numpy as np\n```\n\n+++\n\n"
    "A kernel is positive semi-definite when every Gram matrix it builds has no negative eigenvalue.\n\n"
    "+++ {\"tags\": [\"remove-cell\"]}\n\nScratch: the periodic kernel is still unchecked here.\n\n+++\n\n"
    "The RBF kernel's length-scale sets how fast the correlation between two inputs decays with distance.\n")
NOTES["kernels.md"] = JUPYTEXT


def test_jupytext_cell_breaks_and_removed_cells_show_nothing(cards):
    text = _text(_made(cards, "kernels.md"))
    assert "+++" not in text
    assert "unchecked" not in text
    assert "negative eigenvalue" in text and "length-scale" in text
