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


NOTES["reading-group.qmd"] = (
    "---\ntitle: Discounted returns\n---\n\n## Schedule\n\n| Week | Deck | Presenter | Status |\n|---|---|---|---|\n"
    "| 1 | [Markov decision processes](01-mdps.qmd) | me | done |\n| 2 | [Dynamic programming / value iteration](02-dp.qmd)"
    " | Priya | done-ish |\n| 3 | [TD learning](03-td.qmd) | Jonas | upcoming |\n| 4 | [SARSA](04-sarsa.qmd) | me | done |"
    "\n| 5 | [Exploration](05-exploration.qmd) | Mei | draft |\n| 6 | [Policy gradient / REINFORCE](06-pg.qmd) | me | done |"
    "\n| 7 | [Actor-critic](07-ac.qmd) | Priya | in progress |\n\n"
    "## Discounting\n\nThe discount factor $\\gamma$ weighs a reward $k$ steps ahead by $\\gamma^k$, so nearer rewards count "
    "more.\n")


def test_a_sessions_schedule_is_no_card(cards):
    """A table of sessions, who presents and how far each got (a deck named by a link, "done-ish") is the group's
    plan, not a fact."""
    made = _made(cards, "reading-group.qmd")
    assert not any("Presenter" in front or "Priya" in back for front, back in made.items()), made
    assert any("nearer rewards count more" in back for back in made.values())


NOTES["kernels/mercer.md"] = (
    "# Mercer\n\n## Feature maps ({cite:p}`scholkopf2002`)\n\nEvery positive semi-definite kernel is an inner "
    "product of feature maps, which is why the dual needs only kernel values.\n\n"
    "The same trick drives {doc}`kernel ridge regression <04-krr>` and {term}`GP` regression.\n\n"
    "Proofs → {doc}`../proofs/03-mercer-proof`.\n")


def test_myst_doc_and_term_roles_show_only_words_and_a_heading_no_citation(cards):
    text = _text(_made(cards, "kernels/mercer.md"))
    assert "{doc}" not in text and "{cite}" not in text and "{term}" not in text and "scholkopf" not in text
    assert "drives [kernel ridge regression](04-krr) and GP regression." in text
    assert "mercer proof" not in text  # ("Proofs → …": a pointer to another page, no card)


NOTES["Clustering/DBSCAN.md"] = (
    "# DBSCAN\n\nDBSCAN grows clusters from core points, which have at least minPts neighbours within epsilon.\n\\\n"
    "\\\n\nBorder points join a cluster without extending it.\n")


def test_a_lone_backslash_line_is_an_empty_line(cards):
    """Outline's export writes each empty paragraph as a line holding "\\": it ended a card's back as a literal."""
    made = _made(cards, "Clustering/DBSCAN.md")
    assert made and not any(back.rstrip().endswith("\\") or "\n\\\n" in back for back in made.values()), made


NOTES["validation.md"] = (
    "# Validation schemes\n\n| | Expanding window | Sliding window |\n|---|---|---|\n"
    "| 👍 | uses all history | adapts to drift |\n| 👎 | old regimes linger | discards history |\n")


def test_a_tables_emoji_row_names_read_as_their_words(cards):
    made = _made(cards, "validation.md")
    assert any(front.endswith("› pros: Expanding window, Sliding window?") and "uses all history" in back
               for front, back in made.items()), made
    assert not any("👎" in back or "👍" in back for back in made.values())


NOTES["banner.ipynb"] = json.dumps({
    "cells": [{"cell_type": "markdown", "metadata": {}, "source": (
        '<div style="padding:20px">\n<h1 style="color:white">⏳ Seasonality</h1>\n'
        '<p style="color:#ddd">Calendar features that actually help</p>\n</div>')},
        {"cell_type": "markdown", "metadata": {}, "source":
         "## Fourier terms\n\nA pair of Fourier terms $\\sin(2\\pi k t/P)$ and $\\cos(2\\pi k t/P)$ models a smooth "
         "seasonal shape of period $P$ with few parameters."}],
    "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def test_a_banners_subtitle_is_no_card_and_an_hourglass_is_off_the_path(cards):
    made = _made(cards, "banner.ipynb")
    text = _text(made)
    assert "<p" not in text and "actually help" not in text, made
    assert any(front.startswith("Seasonality › Fourier terms") for front in made), made


NOTES["rff.md"] = (
    "# Kernels\n\n## Spectral view\n\nBochner's theorem writes a stationary kernel as the Fourier transform of a "
    "density.\n\n**Random Fourier features** use exactly this: sample frequencies $w_j\\sim S$, phases $b_j$, and set"
    "\n\n$$\n\\phi(x) = \\sqrt{2/D}\\cos(w^\\top x + b)\n$$\n\nRegression on these features costs $O(nD^2)$.\n")


def test_words_that_lead_into_a_formula_are_no_card_of_their_own(cards):
    """"… phases $b_j$, and set" ends where the formula begins: the formula's card shows those words on its front;
    a second card of the words alone was a fragment."""
    made = _made(cards, "rff.md")
    assert any("and set" in front and "\\phi(x)" in back for front, back in made.items()), made
    assert not any(back.rstrip().endswith("and set") for back in made.values()), made


NOTES["MCMC/Gibbs sampling.md"] = (
    "# Gibbs sampling\n\nGibbs sampling updates one coordinate at a time from its full conditional "
    "<span class=\"math-tex\">\\(p(x_i \\mid x_{-i})\\)</span>, so every proposal is accepted.\n\n"
    "The joint it targets factorises as\n\n<span class=\"math-tex\">\\[p(x) = \\prod_i p(x_i \\mid x_{<i})\\]</span>\n\n"
    "<pre><code class=\"language-text-x-python\">def sweep(x):\n    return [draw(i, x) for i in range(len(x))]</code></pre>\n\n"
    "A blocked sampler updates correlated coordinates together, which mixes faster when they are strongly coupled.\n")


def test_a_trilium_exports_math_spans_and_code_blocks_read_as_trilium_shows_them(cards):
    made = _made(cards, "MCMC/Gibbs sampling.md")
    text = _text(made)
    assert "<span" not in text and "math-tex" not in text and "<pre>" not in text and "\\(" not in text, made
    assert "full conditional $p(x_i \\mid x_{-i})$" in text
    assert any("$$p(x) = \\prod_i p(x_i \\mid x_{<i})$$" in back for back in made.values()), made
    assert "mixes faster" in text and "def sweep" not in text


def _cell(source: str, **nbgrader) -> dict:
    metadata = {"nbgrader": {"grade": False, "locked": False, "solution": False, **nbgrader}} if nbgrader else {}
    return {"cell_type": "markdown", "metadata": metadata, "source": source}


NOTES["hw1-ridge.ipynb"] = json.dumps({"cells": [
    _cell("# HW1: ridge regression\n\nRidge regression adds $\\lambda \\lVert w \\rVert^2$ to the squared error, which "
          "shrinks the weights towards zero and keeps the normal equations solvable.", locked=True),
    _cell("## Q1 (2 points)\n\nExplain why ridge never sets a weight exactly to zero, unlike the lasso.",
          grade=True, grade_id="q1", points=2),
    _cell("YOUR ANSWER HERE", solution=True, grade_id="a1"),
    _cell("The penalty's gradient $2\\lambda w_j$ vanishes at zero, so the optimum is interior for every weight.",
          solution=True, grade_id="a1-sol"),
    {"cell_type": "markdown", "metadata": {"tags": ["remove-cell"]},
     "source": "Instructor scratch: remember to regenerate the seeds before release."}],
    "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


NOTES["lec02-ridge.ipynb"] = json.dumps({"cells": [
    _cell("# Lecture 2: ridge\n\nRidge regression's penalty shrinks the weights towards zero and keeps the normal "
          "equations solvable even when the features are collinear.")], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def test_nbgrader_assignments_are_exercises_and_lectures_are_notes(cards):
    """An nbgrader assignment (a notebook with answer or graded cells): its questions, read-only rules and answer
    cells (the student's "YOUR ANSWER HERE", the instructor's solution) and a `remove-cell` cell are no cards; a
    lecture notebook beside it is read as notes."""
    made = _made(cards, "hw1-ridge.ipynb")
    text = _text(made)
    for unseen in ("YOUR ANSWER HERE", "vanishes at zero", "Explain why", "regenerate the seeds", "normal equations"):
        assert unseen not in text, (unseen, made)
    assert "even when the features are collinear" in _text(_made(cards, "lec02-ridge.ipynb"))


NOTES["svm-sgd.qmd"] = (
    "---\ntitle: Linear SVMs at scale\n---\n\n## Stochastic subgradient\n\nThe hinge loss has a subgradient "
    "everywhere, so plain SGD trains a linear SVM.[scikit-learn's SGDClassifier with hinge loss is exactly this.]"
    "{.aside} For millions of rows this beats solving the dual QP.\n")


def test_a_margin_span_inside_a_sentence_reads_in_brackets(cards):
    """Quarto's `[…]{.aside}` inside a paragraph is a side remark set in the margin: a card showed it raw."""
    text = _text(_made(cards, "svm-sgd.qmd"))
    assert "{.aside}" not in text, text
    assert "(scikit-learn's SGDClassifier with hinge loss is exactly this.)" in text
