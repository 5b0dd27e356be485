"""A card whose front is only the note's title, over the text before its first heading (issue 23): the course's
logistics, reading pointers and the page's talk of itself come off its back (no card when nothing is
left); a back that opens on "Goal:", "Motivation:", "Idea:", "Setting:" asks for that of the subject; one that
says what the subject is, what it tests or what it is used for asks that; the card keeps its id. Notes of my own,
in each style."""

from __future__ import annotations

import pytest

from mlwiki.extract import NoteContext, extract


def _cards(body: str, path: str = "notes/note.md", title: str = "") -> dict[str, tuple[str, str]]:
    found = extract(body, NoteContext(path=path, sections=True, definitions=True, title=title))
    return {c.front: (c.back, c.id) for c in found.cards}


REST = "\n## Details\n\nThe step size shrinks as one over the square root of the iteration count here.\n"


@pytest.mark.parametrize("lead", [
    "Textbook chapters 4 and 5.",
    "Week 3. See the course book §4.1–4.2.",
    "*(notes from lecture 7 + the survey by Smith and Jones, 2019)*",
    "Short summaries; the long versions are in the chapters.",
    "Mostly from the survey by Rao and the appendix of the textbook.",
    "*only half-written, finish after the exam*",
    "Entry point for everything on mirror methods. Reading order roughly top to bottom.",
])
def test_a_lead_that_is_only_furniture_makes_no_card(lead):
    cards = _cards(f"# Stochastic mirror descent\n\n{lead}\n{REST}")
    assert "Stochastic mirror descent" not in cards, cards
    assert any("Details" in front for front in cards), cards  # (the note's other cards stay)


def test_the_furniture_comes_off_and_the_fact_stays_under_the_question_its_label_asks():
    body = ("Unit 4 motivation: the expectations we need are under a "
            "distribution we cannot sample from. Reweight samples from one we can. See the reader ch. 3.\n" + REST)
    cards = _cards(body, path="notes/iw.qmd", title="Importance weighting")
    front = "Importance weighting\n\nWhat is the motivation for Importance weighting?"
    assert front in cards, cards
    back = cards[front][0]
    assert back.startswith("Motivation: the expectations") and "Unit 4" not in back and "ch. 3" not in back, back
    old = _cards(body.replace("Unit 4 motivation", "Motivation").replace(" See the reader ch. 3.", ""),
                 path="notes/iw.qmd", title="Importance weighting")
    assert old[front][1] == cards[front][1]  # (the card's id is the one its bare title gave it)


@pytest.mark.parametrize("label, question", [
    ("Goal", "What is the goal of Label smoothing?"),
    ("Idea", "What is the key idea of Label smoothing?"),
    ("Setting", "What problem does Label smoothing address?"),
])
def test_a_labelled_lead_asks_what_its_label_names(label, question):
    body = (f"# Label smoothing\n\n{label}: keep the classifier from pushing its logits to extremes on "
            "noisy one-hot targets.\n" + REST)
    assert f"Label smoothing\n\n{question}" in _cards(body), _cards(body)


def test_a_lead_that_says_what_the_subject_is_or_does_asks_it():
    cards = _cards("# Label Drift\n\nLabel drift refers to a change over time in how often each class occurs "
                   "in the data a deployed model sees.\n" + REST)
    assert "Label Drift\n\nWhat is label drift?" in cards, cards
    cards = _cards("# Levene Test\n\nTests whether several groups of measurements share one variance.\n" + REST)
    assert "Levene Test\n\nWhat does Levene Test test?" in cards, cards
    cards = _cards("# Sparse Probes\n\nSparse probes are used to find which few neurons carry a concept in a "
                   "trained network.\n" + REST)
    assert "Sparse Probes\n\nWhat are sparse probes used for?" in cards, cards


def test_a_lead_no_form_reads_keeps_its_front():
    cards = _cards("# Warm restarts\n\nThe schedule jumps back to a large step several times during training, "
                   "which helps escape sharp minima.\n" + REST)
    assert "Warm restarts" in cards, cards


def test_a_fact_that_only_sounds_like_the_page_talking_stays():
    lead = ("Everything in the minibatch is scaled by the same factor. The iterate ends up at the bottom of a wide "
            "valley, where the curvature is small.")
    cards = _cards(f"# Flat minima\n\n{lead}\n{REST}")
    assert cards["Flat minima"][0] == lead, cards
