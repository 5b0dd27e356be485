"""Heading-only fronts that ask (issue 23): a section card whose front is only its heading path ("… › Limitations",
a note's bare title) asks a question by the form of its last heading, shown under the path, and keeps the id of
the bare path. Notes of my own, read through the extract API with sections on."""

from __future__ import annotations

from mlwiki import ids
from mlwiki.extract import NoteContext, extract


def _cards(body: str, title: str = "Beam search"):
    return extract(body, NoteContext(path=f"{title}.md", sections=True, title=title)).cards


def _fronts(body: str, title: str = "Beam search") -> dict[str, str]:
    return {c.front: c.back for c in _cards(body, title)}


OPENING = "Beam search keeps the few best partial sequences at each decoding step instead of only one.\n\n"


def test_a_facet_heading_asks_its_facet_of_the_heading_above():
    cards = _fronts(OPENING + "## Limitations\n\n- long outputs get short beams, so it favours short answers\n"
                    "- the beams end up nearly identical, so it explores little\n")
    assert "Beam search › Limitations\n\nWhat are the limitations of Beam search?" in cards, cards
    cards = _fronts(OPENING + "## Cost\n\nEach step scores every beam against the whole vocabulary, so the time grows "
                    "with the beam width times the vocabulary size.\n")
    assert "Beam search › Cost\n\nWhat is the cost of beam search?" in cards, cards  # (as the back writes it)


def test_a_facet_under_a_facet_asks_it_of_the_subject_above_both():
    body = OPENING + "## Pros and cons\n\n### Pros\n\n- simple to add to any decoder\n- needs no training\n"
    assert "Beam search › Pros and cons › Pros\n\nWhat are the pros of Beam search?" in _fronts(body)


def test_a_heading_that_asks_without_its_mark_is_asked():
    cards = _fronts(OPENING + "## Why it works\n\nA sequence that starts badly can still win later, and keeping a "
                    "few candidates gives it the chance.\n\n## What makes a good width\n\nA width of four to ten "
                    "captures most of the gain, and wider beams mostly cost time.\n")
    assert "Beam search › Why it works\n\nWhy does Beam search work?" in cards, cards
    assert "Beam search › What makes a good width?" in cards, cards


def test_a_clause_heading_is_left_as_it_is():
    cards = _fronts(OPENING + "## When restarting from a checkpoint\n\nThe beams are rebuilt from the saved prefix, "
                    "so decoding picks up where it stopped.\n")
    assert "Beam search › When restarting from a checkpoint" in cards, cards


def test_a_title_over_what_its_subject_is_asks_what_it_is():
    cards = _fronts("A receptive field is the patch of the input that one unit of a layer can see.\n\nIt grows with "
                    "depth, kernel size and stride.\n", title="Receptive field")
    assert list(cards) == ["Receptive field\n\nWhat is a receptive field?"], cards


def test_a_title_over_the_kinds_it_lists_asks_for_them():
    cards = _fronts("There are three common types of recommender systems:\n\n- content-based filtering\n"
                    "- collaborative filtering\n- hybrids of the two\n", title="Recommender systems")
    assert list(cards) == ["Recommender systems\n\nWhat are the types of Recommender systems?"], cards


def test_a_heading_over_a_claim_or_anything_else_keeps_its_front():
    cards = _fronts(OPENING + "## Length penalty\n\nThe length penalty is useful when answers should be long, "
                    "since it divides the score by a power of the length.\n")
    assert "Beam search › Length penalty" in cards, cards  # (says what it is good for, not what it is)


def test_the_card_keeps_the_id_of_its_bare_heading_path():
    """Review history stays with the card: its id is the one its front had before it asked."""
    body = OPENING + "## Limitations\n\n- long outputs get short beams, so it favours short answers\n"
    card = next(c for c in _cards(body) if c.front.startswith("Beam search › Limitations"))
    assert card.front != "Beam search › Limitations"
    assert card.id == ids.card_id("basic", "section: Beam search › Limitations")


def test_a_definition_written_with_an_equals_sign_asks_what_it_is():
    cards = _fronts(OPENING + "## Beams\n\n**Beams** (the candidates) = the partial sequences kept after each step, "
                    "ranked by their summed log-probability.\n")
    assert "Beam search › Beams\n\nWhat are Beams?" in cards, cards


def test_a_facet_heading_with_an_aside_asks_too():
    cards = _fronts(OPENING + "## Properties (worth knowing!)\n\nWith a width of one it is greedy decoding, and a "
                    "wider beam never lowers the best score it finds among the sequences it keeps.\n")
    assert "Beam search › Properties (worth knowing!)\n\nWhat are the properties of beam search?" in cards, cards


def test_remarks_ask_nothing_a_question_would_only_pad():
    cards = _fronts(OPENING + "## Remarks\n\nThe highest-scoring beam is not always the most fluent output, since "
                    "scores add up log-probabilities and so favour shorter sequences.\n")
    assert "Beam search › Remarks" not in cards, cards  # ("What is worth noting about …?" asks nothing either:
    # the remark is asked by what it speaks of, `remark_topics`)
    assert any(front.startswith("Beam search › Remarks › The highest-scoring beam") for front in cards), cards


def test_what_is_asks_with_the_article_the_back_writes():
    """"Decision stump is a tree of depth one" over a back that goes on "… a decision stump …": a learner asks
    "What is a decision stump?"; a mass noun the back never writes with "a" keeps none."""
    cards = _fronts("Boosting builds a strong model from weak ones.\n\n## Decision stump\n\nDecision stump is a "
                    "tree of depth one. Boosting adds a decision stump at each round, weighted by its error.\n\n"
                    "## Shrinkage\n\nShrinkage is a factor below one that scales each new tree before it is "
                    "added.\n", title="Boosting")
    assert "Boosting › Decision stump\n\nWhat is a decision stump?" in cards, cards
    assert "Boosting › Shrinkage\n\nWhat is Shrinkage?" in cards, cards  # (no "a shrinkage" in the back)


def test_how_it_works_over_a_back_that_only_says_what_it_is_asks_nothing():
    """"How does X work?" over "X is a popular method used in …" asks what the back does not say: the card keeps
    its heading path; a back that tells the steps is asked."""
    body = OPENING + "## How it works\n\nBeam search is a popular decoding method that is used in translation, " \
                     "captioning and speech systems of many kinds.\n"
    assert not any(front.endswith("?") for front in _fronts(body) if "How it works" in front), _fronts(body)
    body = OPENING + "## How it works\n\nAt each step every beam is extended by every word, and only the best few " \
                     "extensions are kept for the next step.\n"
    assert "Beam search › How it works\n\nHow does beam search work?" in _fronts(body), _fronts(body)
