"""Text in which the notes speak of themselves is not what a learner studies (issue 23, held17's judges): what a page
is or holds ("Equations only."), where the rest is ("… are in the lab pages."), its state ("STUB — …"), its order
("…, so this comes first."), its conventions and build, the writer's housekeeping (the tutor, a doubt left open, a
reading put to themselves), why the writer worked something ("… to make sure I …"), a lone epigraph, a section about
how the notes are organised. Such sentences leave a back; a card that said nothing else is no card, and one that
keeps a fact keeps its front (so its id). Notes written in each style into tmp_path, read through the CLI."""

from __future__ import annotations

import pytest

from conftest import new_wiki

from mlwiki.extract.page_talk import without_page_talk
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _all_text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


SHEET = NOTES.add({
    "docs/sheet.md": (
        "# Formula sheet\n\nEquations only. Worked steps are in the lab pages.\n\n## Losses\n\n"
        "The hinge loss of a margin $m$:\n\n$$\\ell(m) = \\max(0, 1 - m)$$\n"),
    "docs/faq.md": (
        "# FAQ — what trips me up\n\n??? question \"Why clip gradients by their norm?\"\n"
        "    Clipping the norm keeps the step's direction and only bounds its length, so one bad batch cannot "
        "throw the weights far.\n\n!!! note\n    Leftover questions go to the tutor after class. Still unclear: "
        "why does warm-up help Adam at all? → read Liu et al. 2020 on the variance of the adaptive rate.\n")
})


def test_a_page_describing_itself_and_the_writers_chores_are_no_card(shared):
    """GitHub Markdown (MkDocs): a formula sheet's lead that says what it holds and where the rest is, and an
    admonition that sends questions to the tutor and leaves a doubt with a reading, are no card; the sheet's
    formula and the FAQ's answered question stay."""
    made = shared.backs_by_front(SHEET)
    text = _all_text(made)
    assert "Equations only" not in text and "lab pages" not in text, made
    assert "tutor" not in text and "Still unclear" not in text and "Liu" not in text, made
    assert any("\\max(0, 1 - m)" in back for back in made.values()), made
    assert any("bounds its length" in back for back in made.values()), made


BOOSTING = NOTES.add({
    "boosting.qmd": (
        "---\ntitle: Gradient boosting\n---\n\n::: {.callout-important}\nSTUB — only the shrinkage part is "
        "written.\n:::\n\nEach new tree is fitted to the negative gradient of the loss at the current "
        "predictions, so boosting is gradient descent in function space.\n\n## The first tree\n\n"
        "Worked it out by hand to make sure I follow the indices.\n\nRule: the first tree fits the "
        "residuals of the constant model that predicts the mean.\n"),
    "trees.qmd": (
        "---\ntitle: Decision trees\n---\n\nMost of the boosting part builds on trees, so this comes first.\n\n"
        "## Splits\n\nA split is chosen to maximise the drop in impurity from the parent node to its "
        "children.\n")
})


def test_a_stub_marker_and_the_writers_order_leave_the_back_and_the_fact_keeps_its_front(shared):
    """Quarto: "STUB — only the … part is written." goes and the paragraph under it stays on the title's card, its
    front unchanged; a chapter's lead that only says it comes first is no card; "Worked it out by hand to make sure
    I …" leaves the section's back, its rule stays."""
    made = shared.backs_by_front(BOOSTING)
    text = _all_text(made)
    assert "STUB" not in text and "shrinkage part" not in text, made
    assert "comes first" not in text and "make sure I" not in text, made
    assert made.get("Gradient boosting", "").startswith("Each new tree is fitted"), made
    assert any("constant model that predicts the mean" in back for back in made.values()), made
    assert any("drop in impurity" in back for back in made.values()), made


TOC = NOTES.add({
    "_toc.yml": "format: jb-book\nroot: intro\n",
    "intro.md": (
        "# Clustering notes\n\n## How this book is organised\n\n- **Part I** — k-means and its variants.\n"
        "- **Part II** — mixtures and EM.\n\n```{note}\nCode cells are not re-executed on build, so the numbers "
        "are whatever I last ran.\n```\n\n## Glossary\n\nTerms are linked throughout as {term}`Inertia`.\n\n"
        "```{glossary}\nInertia\n  The sum of squared distances of the points to their nearest centroid.\n```\n"),
    "kmeans.md": (
        "# K-means in practice\n\nExperimenting with scikit-learn's `KMeans` on blobs to get a feel for $k$. "
        "Background in the clustering chapter.\n\n## Initialisation\n\nk-means++ picks each new centre with "
        "probability proportional to its squared distance from the nearest centre already chosen.\n")
})


def test_how_the_book_is_organised_its_conventions_and_a_playground_lead_are_no_card(shared):
    """Jupyter Book (MyST): the cards under "How this book is organised" (its parts, its build), a glossary's line on
    how terms are linked, and a notebook's lead that plays with a library to get a feel for it and points at a
    chapter are no card; the glossary's definition and the notebook's section stay."""
    made = shared.backs_by_front(TOC)
    text = _all_text(made)
    assert "organised" not in text and "Part I" not in text and "re-executed" not in text, made
    assert "linked throughout" not in text, made
    assert "get a feel" not in text and "clustering chapter" not in text, made
    assert any("nearest centroid" in back for back in made.values()), made
    assert any("squared distance from the nearest centre" in back for back in made.values()), made


REGULARISATION_HUB = NOTES.add({
    "Regularisation hub.md": (
        "# Regularisation hub\n\nStructure note — gathers what I have on keeping models from overfitting. Main "
        "zettels:\n- [[202401010900 Weight decay|weight decay]] — why it shrinks weights\n"
        "- [[202401010910 Dropout|dropout]] — what it does at train and test time\n\n## Early stopping\n\n"
        "Training stops once the validation loss has not improved for a set number of epochs, and the best "
        "weights are restored.\n"),
    "Occam.md": (
        "# Occam and model choice\n\n\"Entities should not be multiplied beyond necessity.\" — William of "
        "Ockham (1320)\n\n## Minimum description length\n\nThe best model is the one that gives the shortest "
        "total code for the model plus the data encoded with it.\n")
})


def test_a_structure_notes_lead_and_a_lone_epigraph_are_no_card(shared):
    """Obsidian: a structure note's lead ("Structure note — gathers …. Main zettels:") over a list of links that
    only say what each note holds is no card; a quoted sentence and its author alone under a title is none either;
    the definitions below them stay."""
    made = shared.backs_by_front(REGULARISATION_HUB)
    text = _all_text(made)
    assert "Structure note" not in text and "zettels" not in text, made
    assert "beyond necessity" not in text, made
    assert any("validation loss has not improved" in back for back in made.values()), made
    assert any("shortest total code" in back for back in made.values()), made


def test_a_fact_about_parts_sections_or_notes_of_the_subject_stays():
    """What names a part, a section or a note of the subject (not of the notes) is a fact: it stays as written."""
    for back in ("The real part of the eigenvalue sets the decay rate.",
                 "A conv layer's receptive field is the input region that can change one output.",
                 "Pages are fixed-size blocks of the KV cache, so no memory is reserved for unused positions.",
                 "In pre-LN, the LayerNorm goes first inside each residual branch.",
                 "Part II motivation: integrals we cannot do in closed form.",
                 "Cells of an LSTM carry the state across time steps."):
        assert without_page_talk(back) == back, back


def test_more_forms_of_the_notes_on_themselves_leave_a_back():
    """Each a whole sentence about the notes, in words of its own: it leaves the back; nothing else was said."""
    for back in ("These are my notes from the spring reading group.", "Notes on the denoising score matching paper.",
                 "Based on lecture 9 and Murphy ch. 21.", "Reading: Goodfellow ch. 10; Graves 2012.",
                 "Last updated 2025-01-12.", "(click to expand)", "Figures are redrawn from the original paper.",
                 "Code for this post is on my GitHub.", "Read the attention post first.",
                 "This page is still a draft.", "Question for the TA: why is the bound tight here?",
                 "See the appendix for the full proof.", "More on this in the next post.",
                 "> Simple things should be simple.\n> — Alan Kay", "The reader is assumed to know the chain rule."):
        assert without_page_talk(back) == "", back


def test_a_question_keeps_its_id_without_the_writers_reason(tmp_path):
    """Quarto: a formula's lead-in that opens on why the writer worked it ("Redid this by hand to make sure I …")
    asks without that sentence; the card keeps the id it had."""
    from conftest import run
    import json

    def lead(words: str) -> str:
        return ("---\ntitle: Momentum\n---\n\n## Heavy ball\n\n" + words + "The update with velocity:\n\n"
                "$$v_{t+1} = \\beta v_t - \\eta \\nabla f(x_t)$$\n")
    before = new_wiki(tmp_path / "a", {"m.qmd": lead("")}, CONFIG)
    after = new_wiki(tmp_path / "b", {"m.qmd": lead("Redid this by hand to make sure I get the signs. ")}, CONFIG)
    cards = [{c["front"]: c["id"] for c in json.loads(run(w, "cards", "--json", ok=True).output)}
             for w in (before, after)]
    assert cards[0] == cards[1], cards


def test_an_item_about_the_notes_leaves_its_list_and_labels_with_a_fact_stay():
    """A list item that only says where the writer's scraps are goes, its siblings stay; a label "… notes:" before a
    fact, or cells of a model, are the subject's, as written."""
    assert without_page_talk("- gradient clipping by global norm\n- attention scraps still in inbox") == \
        "- gradient clipping by global norm"
    for back in ("Implementation notes: accumulate the softmax sum in fp32.", "LSTM cells are gated by three sigmoids.",
                 "Spam that passes the filter lands in the inbox."):
        assert without_page_talk(back) == back, back


OPT = NOTES.add({
    "opt.md": (
        "# Optimisation notes\n\n## Map of the notes\n\n- first-order methods, then second-order, then the "
        "stochastic ones\n- proofs sit in a separate file\n\n## Line search\n\nArmijo's rule accepts a step once the "
        "decrease is at least a fixed fraction of what the linear model predicts.\n")
})


def test_cards_under_a_map_of_the_notes_are_no_card(shared):
    """GitHub Markdown: a "Map of the notes" section is the notes' contents, no card; the section after it stays."""
    made = shared.backs_by_front(OPT)
    text = _all_text(made)
    assert "Map of the notes" not in text and "second-order" not in text, made
    assert any("fixed fraction of what the linear model predicts" in back for back in made.values()), made
