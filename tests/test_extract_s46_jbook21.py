"""Text a Jupyter Book's notes hold next to their directive boxes that no card held (issue 23, session 46): a titled
admonition on a page that opens on what its notes are, the sentence a sphinx-proof definition opens with before its
formula, a claim led by the paper it cites, and a sentence wrapped over lines that ends by announcing a table. Notes
written in that style into tmp_path, read back through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


INTRO = NOTES.add({
    "intro.md": (
        "# Bandits\n\nMy notes for the RL course, not tidy.\n\n```{admonition} The short version\n:class: tip\n"
        "A bandit is a one-state MDP; the whole difficulty is trading exploration against exploitation.\n```\n\n"
        "## UCB\n\nUCB adds a bonus that shrinks with the square root of the pull count.\n")
})


def test_a_titled_box_on_a_page_that_opens_on_its_notes_is_a_card(shared):
    """A book's landing page opens on what its notes are ("My notes for the RL course, not tidy.") and then gives
    the whole subject in a titled admonition: the page's opening section was left out whole, the box with it. The
    box is the subject's own text: a card of its own; the opening sentence is still no card."""
    made = shared.backs_by_front(INTRO)
    backs = "\n".join(made.values())
    assert "trading exploration against exploitation" in backs, made
    assert "not tidy" not in backs, made
    assert "square root of the pull count" in backs, made


WIDE = NOTES.add({
    "wide.md": (
        "# Kernels\n\n## Infinite width\n\n{cite}`somebody1999wide`: a single-layer network whose output weights "
        "shrink with the width becomes a Gaussian process as the width grows without bound.\n")
})


def test_a_claim_led_by_the_paper_it_cites_is_a_card_without_the_role(shared):
    """"{cite}`key`: a wide network tends to …" states what the cited paper showed: it was read as a line that only
    cites a source, and the section made no card. It is kept; the role, which the renderers show as nothing (the
    back would open on ": a …"), is off its start."""
    made = shared.backs_by_front(WIDE)
    back = next((b for b in made.values() if "becomes a Gaussian process" in b), None)
    assert back is not None, made
    assert "{cite}" not in back and back.startswith("A single-layer network"), made


MC = NOTES.add({
    "mc.md": (
        "# Markov chains\n\n## Definition\n\n````{prf:definition} Markov chain\n:label: def-mc\n\n"
        "A **Markov chain** is a sequence of random variables in which each one depends on the past only "
        "through the one before it.\n\nFor a chain on a finite state space it is described by its "
        "**transition matrix**\n\n```{math}\nP_{ij} = \\Pr(X_{t+1} = j \\mid X_t = i),\n```\n\n"
        "and its rows sum to one.\n````\n\n- All the dynamics of the chain live in the matrix $P$.\n"
        "- Usually the chain is assumed time-homogeneous.\n")
})


def test_a_definition_boxs_opening_sentence_before_its_formula_is_a_card(shared):
    """A sphinx-proof definition states its term in its first paragraph, then a formula with its own lead-in: the
    formula's card took a line of the box, and the box's text, one block, was taken whole: its first sentence, the
    definition itself, was on no card. Its paragraphs are parts of the box, the first free to be its card."""
    made = shared.backs_by_front(MC)
    backs = "\n".join(made.values())
    assert "depends on the past only through the one before it" in backs, made
    assert any("P_{ij}" in back for back in made.values()), made
    assert "assumed time-homogeneous" in backs, made
    assert not any(":label:" in side for card in made.items() for side in card), made


ENS = NOTES.add({
    "ens.md": (
        "# Ensembles\n\n## The common view\n\nMost ensembles average models trained on perturbed copies of "
        "the data, so their errors\nare partly independent; they differ in how the copies are made:\n\n"
        "| method | copies |\n|---|---|\n| bagging | bootstrap samples |\n| random subspace | feature subsets |\n")
})


def test_a_wrapped_sentence_announcing_a_table_leaves_no_broken_line(shared):
    """A paragraph wrapped over two lines ends "…; they differ in the X:" over a table: the announcement was cut by
    line, and the card's back stopped mid-sentence ("… where training and test"). The sentence is cut as a
    sentence: its clause before the ";" states the fact and stays whole."""
    made = shared.backs_by_front(ENS)
    back = next((b for b in made.values() if "perturbed copies" in b), None)
    assert back is not None, made
    assert "are partly independent" in back, made
    assert not back.rstrip().endswith("errors"), made


AL = NOTES.add({
    "al.md": (
        "# Active learning\n\nSurvey: {cite}`settles2009survey`. Original paper: {cite}`lewis1994sequential`.\n\n"
        "## Uncertainty sampling\n\nUncertainty sampling queries the pool point whose predicted label the model "
        "is least sure of.\n")
})


def test_a_line_of_labels_over_citations_only_is_no_card(shared):
    """"Survey: {cite}`key`. Original paper: {cite}`other`." says where to read: the renderers show each role as
    nothing, so the learner read "Survey: . Original paper: ." on a card of its own. It is a source line, as
    "References: …" is; the section's facts stay."""
    made = shared.backs_by_front(AL)
    assert not any("{cite}" in back for back in made.values()), made
    assert any("least sure of" in back for back in made.values()), made
