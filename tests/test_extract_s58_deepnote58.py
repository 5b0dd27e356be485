"""Deepnote notebooks read as Deepnote shows them, and two rules their notes needed (session 58): a text block's bold,
code and links (kept beside its plain text, in `formattedRanges`) as Markdown; list blocks in a row one list; a
heading "Problem setup …" a topic, not an exercise; a paragraph opened on the day it was written the writer's log;
a symbol before an arrow no verb to ask "Why …?" of. Every note is written to one wiki in tmp_path, scanned once
through the CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)
_PREFIX = {"text-cell-h1": "# ", "text-cell-h2": "## ", "text-cell-h3": "### ", "text-cell-bullet": "- ",
           "text-cell-callout": "> ", "text-cell-p": ""}


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("deepnote58"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _made(cards: list[dict], rel: str) -> dict[str, str]:
    """{front: back} of the cards of the note `rel`."""
    return {c["front"]: c["back"] for c in cards if c["source"]["path"] == f"notes/{rel}"}


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


def _block(kind: str, text: str, *marks: tuple) -> dict:
    """A Deepnote text block as its .ipynb export writes it: the block's prefix and plain text, and each mark
    (`("bold", "the words")`, `("link", "the words", url)`) as a formatted range over the text's code points."""
    ranges = []
    for mark in marks:
        start = text.index(mark[1])
        where = {"fromCodePoint": start, "toCodePoint": start + len(mark[1])}
        ranges.append({"type": "link", "url": mark[2], "ranges": [], **where} if mark[0] == "link"
                      else {"type": "marks", "marks": {mark[0]: True}, **where})
    return {"cell_type": "markdown", "source": _PREFIX[kind] + text,
            "metadata": {"cell_id": "0" * 32, "deepnote_cell_type": kind, "formattedRanges": ranges}}


def _notebook(*cells: dict) -> str:
    return json.dumps({"metadata": {"deepnote_notebook_id": "9f1e"}, "nbformat": 4, "nbformat_minor": 0,
                       "cells": list(cells)}, indent=1)


_CODE = {"cell_type": "code", "source": "scores = model.score_samples(X)", "metadata": {}, "outputs": [],
         "execution_count": 1}
_PROJECT = "https://deepnote.com/workspace/ana-3c1f/project/Topic-models-77ab/notebook/"

NOTES["Topic models.ipynb"] = _notebook(
    _block("text-cell-h1", "Topic models"),
    _block("text-cell-p", "Back to Course map.", ("link", "Course map", _PROJECT + "00-Course-map-1a2b")),
    _block("text-cell-h2", "Notebooks"),
    _block("text-cell-bullet", "01 LDA — the generative story, Dirichlet priors",
           ("link", "01 LDA", _PROJECT + "01-LDA-3c4d")),
    _block("text-cell-bullet", "02 NMF — factorising the term-document matrix",
           ("link", "02 NMF", _PROJECT + "02-NMF-5e6f")),
    _block("text-cell-bullet", "03 Evaluation — coherence and perplexity",
           ("link", "03 Evaluation", _PROJECT + "03-Evaluation-7a8b")),
    _block("text-cell-h2", "Glossary"),
    _block("text-cell-bullet", "Perplexity: the exponentiated mean negative log-likelihood of held-out documents.",
           ("bold", "Perplexity")),
    _block("text-cell-bullet", "Topic coherence: how often a topic's top words occur together in a reference corpus.",
           ("bold", "Topic coherence")),
    _block("text-cell-h2", "Fitting in gensim"),
    _block("text-cell-p", "The number of topics is passed as num_topics=20 and is never learned from the data.",
           ("code", "num_topics=20"), ("bold", "never")))


def test_a_deepnote_blocks_bold_term_is_defined(cards):
    """A list block that opens on a term set in bold ("Perplexity: …", its bold kept in `formattedRanges`) defines
    it, as `- **Perplexity**: …` does (before, the bold was lost and the items were one paragraph each)."""
    made = _made(cards, "Topic models.ipynb")
    assert made["Topic models › Glossary\n\nDefine: Perplexity"] == \
        "the exponentiated mean negative log-likelihood of held-out documents."
    assert made["Topic models › Glossary\n\nDefine: Topic coherence"].startswith("how often a topic's top words")


def test_a_deepnote_blocks_code_and_links_show_as_deepnote_shows_them(cards):
    """Code set in a text block is code on the card; a line that only links back to another notebook of the
    project, and a list of links to the project's notebooks, are navigation: on no card."""
    made = _made(cards, "Topic models.ipynb")
    assert made["Topic models › Fitting in gensim"] == \
        "The number of topics is passed as `num_topics=20` and is **never** learned from the data."
    assert "Back to" not in _text(made) and "generative story" not in _text(made)


NOTES["Spectral clustering.ipynb"] = _notebook(
    _block("text-cell-h1", "Spectral clustering"),
    _block("text-cell-h2", "What I learned about it"),
    _block("text-cell-bullet", "Know which cluster shapes you expect before choosing the affinity. Make toy probes "
                               "of each shape and check them, like the table above."),
    _block("text-cell-bullet", "The number of eigenvectors kept matters more than the choice of linkage afterwards."),
    _block("text-cell-bullet", "An RBF affinity with too small a width splits every cluster into singletons."),
    _block("text-cell-bullet", "The normalised Laplacian is the safer default when cluster sizes differ a lot."),
    _CODE)


def test_deepnote_list_blocks_in_a_row_are_one_list(cards):
    """Deepnote keeps each list item as a block of its own; blocks in a row are one list as it shows them, and each
    item a card with the others shown (before, they were a loose list of paragraphs, and no card held them)."""
    made = _made(cards, "Spectral clustering.ipynb")
    asked = [back for front, back in made.items() if front.startswith("Spectral clustering › What I learned about it")]
    assert "An RBF affinity with too small a width splits every cluster into singletons." in asked
    assert "The normalised Laplacian is the safer default when cluster sizes differ a lot." in asked
    front = next(front for front, back in made.items() if back.startswith("The number of eigenvectors"))
    assert "- An RBF affinity with too small a width" in front  # (its list around it)


NOTES["Problem setup and baselines.md"] = (
    "# Problem setup & baselines\n\n"
    "## What counts as drift?\n\n"
    "Covariate drift is a change in the distribution of the inputs while the labelling rule stays the same.\n")
NOTES["Kernel density estimation.md"] = (
    "# Kernel density estimation\n\n"
    "9 Mar (evening session). Read the Silverman chapter on the train, half asleep.\n\n"
    "A kernel density estimate places one kernel on every training point and averages them.\n\n"
    "## Bandwidth\n\n"
    "The bandwidth sets the width of every kernel and matters far more than the kernel's shape.\n")


def test_a_problem_setup_is_a_topic_not_an_exercise(cards):
    """A note titled "Problem setup & baselines" frames its task; it sets no exercise (before, none of its cards
    were made, as if it were a problem sheet)."""
    made = _made(cards, "Problem setup and baselines.md")
    assert made["Problem setup & baselines\n\nWhat counts as drift?"].startswith("Covariate drift is a change")


def test_a_paragraph_opened_on_its_day_is_the_writers_log(cards):
    """A paragraph that opens on the day it was written ("9 Mar (evening session).") tells the writer's session,
    on no card; the note's facts around it are carded as before."""
    made = _made(cards, "Kernel density estimation.md")
    assert "9 Mar" not in _text(made) and "half asleep" not in _text(made)
    assert made["Kernel density estimation"] == \
        "A kernel density estimate places one kernel on every training point and averages them."


NOTES["Mahalanobis distance.md"] = (
    "# Mahalanobis distance\n\n"
    "## When it is enough\n\n"
    "- n much larger than d → the covariance estimate is stable and its inverse well conditioned.\n"
    "- d close to n → the covariance is nearly singular, so shrink it towards a diagonal first.\n")


def test_a_symbol_before_an_arrow_is_no_verb_to_ask_why_of(cards):
    """"d close to n → …" states a case and what follows from it: no "Why d close to n?" (a one-letter word is a
    symbol, never a verb in its bare form)."""
    made = _made(cards, "Mahalanobis distance.md")
    assert not any("Why d close" in front or "Why n much" in front for front in made)
    assert "d close to n → the covariance is nearly singular, so shrink it towards a diagonal first." in _text(made)


NOTES["Error decomposition.md"] = (
    "# Error decomposition\n\n"
    "## Glossary\n\n"
    "- **Bias**: error from wrong assumptions of the model. **Variance**: error from sensitivity to the training "
    "sample.\n"
    "- **Irreducible error**: the noise no model can remove from the targets.\n")
NOTES["Gaussian processes.md"] = (
    "# Gaussian processes\n\n"
    "## Things to know\n\n"
    "- **Scalability**: exact inference inverts an n×n kernel matrix, so its cost grows as the cube of n.\n"
    "- **Kernel choice**: the kernel fixes how smooth the functions drawn from the prior are.\n")


def test_two_terms_defined_on_one_line_are_two_definitions(cards):
    """"**Bias**: … . **Variance**: …" on one item defines two terms: a definition card each (before, the card of
    "Bias" showed the definition of "Variance" on its back, asked by nothing)."""
    made = _made(cards, "Error decomposition.md")
    assert made["Error decomposition › Glossary\n\nDefine: Bias"] == "error from wrong assumptions of the model."
    assert made["Error decomposition › Glossary\n\nDefine: Variance"] == \
        "error from sensitivity to the training sample."


def test_a_bold_scalability_label_is_a_side_of_its_subject(cards):
    """"**Scalability**: …" says what a method costs: asked as "… › Scalability", not as a term to define
    ("Define: Scalability" asks nothing a learner could recall)."""
    made = _made(cards, "Gaussian processes.md")
    assert made["Gaussian processes › Things to know › Scalability"].startswith("exact inference inverts")
    assert not any("Define: Scalability" in front for front in made)


NOTES["Outlier scores.md"] = (
    "# Outlier scores\n\n"
    "## For the reading group\n\n"
    "- Show the calibration plot from last week — the most useful thing I made.\n"
    "- The detector table above: every method misses one kind of outlier.\n"
    "- scikit-learn signs (score_samples = higher is more normal) — the opposite of the usual anomaly score.\n"
    "- Ask: has anyone calibrated isolation scores on real data?\n")


def test_an_equals_sign_inside_brackets_names_no_term(cards):
    """"scikit-learn signs (score_samples = higher is more normal) — …": the sign is the bracket's; the item's
    label is not cut inside the bracket ("… › scikit-learn signs (score_samples")."""
    made = _made(cards, "Outlier scores.md")
    assert not any(front.endswith("(score_samples") for front in made)
    assert "the opposite of the usual anomaly score" in _text(made)


NOTES["Random cuts.md"] = (
    "# Random cuts\n\n"
    "## Isolation depth\n\n"
    "A point is isolated once a random cut separates it from every other point.\n\n"
    "### Exercise: depth of a far point\n\n"
    "Five points at 0, 1, 2, 3 and one at 10; the first cut is uniform on [0, 10]. It isolates 10 with probability "
    "7/10, so the expected depth is about 1.4.\n\n"
    "General insight: the chance that a random cut isolates a point grows with the empty gap between it and the "
    "rest, relative to the range of the node.\n")


def test_a_general_insight_in_an_exercise_is_a_card(cards):
    """An exercise's numbers make no card, but the "General insight: …" it draws states what holds beyond it: a
    card under the topic's headings, as "General lesson: …" is."""
    made = _made(cards, "Random cuts.md")
    insight = [back for back in made.values() if "empty gap" in back]
    assert insight and insight[0].startswith("General insight: the chance that a random cut isolates a point")
    assert "7/10" not in _text(made)


NOTES["Kernel trick.md"] = ("# Kernel trick\n\n## Why does the kernel trick work?\n[^1]\n\n"
                            "## Inner products\n\n[^2] :: an inner product in feature space\n")


def test_a_side_left_empty_is_no_card(cards):
    """A question heading over nothing but a footnote mark, and a `::` line whose front is only one: once the marks
    are off, nothing answers the one and nothing asks the other, and a card with an empty side is no card (before,
    "Kernel trick › Why does the kernel trick work?" had an empty back, the `::` card an empty front)."""
    assert _made(cards, "Kernel trick.md") == {}
