"""A writer's label as the last heading of a front (session 57, labels57, the held31/held32 judges): a notebook's
"… › Key insight" or a "… › Trick from the paper" asks that kind of remark of the subject above it (past a section's
number, its emoji and a framing heading such as "Checklist"), keeping the id of the bare path; a bold clause
("**Higher is worse** (…)") is no term to define. Notes written to tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

import json

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _front_of(cards: list[dict], words: str) -> str:
    return next(card["front"] for card in cards if words in card["back"])


def _notebook(*cells: str) -> str:
    return json.dumps({"cells": [{"cell_type": "markdown", "metadata": {}, "source": [cell]} for cell in cells],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


LEAKS = NOTES.add({
    "leaks.ipynb": (
        _notebook("# Spotting target leaks\n\nHow features leak the answer into training data.",
                  "## ✅ 4. Checklist\n\n| Feature | Leaks when |\n|---|---|\n"
                  "| running totals | they include the day being predicted |",
                  "### 📌 Key insight\nFor each column, ask whether its value was known at the moment the "
                  "forecast is made; when it was not, the column leaks."))
})


def test_a_key_insight_under_a_numbered_checklist_asks_it_of_the_notebook_subject(shared):
    """"## ✅ 4. Checklist" then "### 📌 Key insight" in a notebook: the insight is about what the notebook is on,
    not about "Checklist"."""
    front = _front_of(shared.cards(LEAKS), "known at the moment")
    assert front.endswith("What is the key insight about spotting target leaks?"), front


LOSS = NOTES.add({
    "loss.md": (
        "# Held-out loss\n\n$$HL = 2^H$$\n\n"
        "- The inverse likelihood of the held-out set, normalised per token.\n"
        "- Equivalently two to the cross-entropy in bits.\n"
        "- **Higher is worse** (held-out data less probable under the model).\n")
})


def test_a_bold_clause_in_a_list_is_no_term_to_define(shared):
    """"- **Higher is worse** (…)" in a list the note's card shows whole: the bold words are a verdict, not a term,
    so no "Define: Higher is worse" card asks it; the item stays on the list's card."""
    cards = shared.cards(LOSS)
    assert not any("Define: Higher is worse" in card["front"] for card in cards), cards
    assert any("**Higher is worse** (held-out data less" in card["back"] for card in cards), cards


DECODE = NOTES.add({
    "decode.md": (
        "# Sequence decoding\n\n## Beam decoding\n\nKeeps the best few partial outputs at every step.\n\n"
        "### Trick from the paper\n\nDivide each score by the output length, so that short outputs stop "
        "winning just because they multiply fewer probabilities.\n\n"
        "### Trick 2: early stop\n\nStop once every kept output has ended with the end token.\n")
})


def test_a_trick_from_the_paper_is_asked_as_the_trick_in_its_subject(shared):
    """"### Trick from the paper" under "## Beam decoding": what the trick in beam decoding is; a heading that names
    its trick ("### Trick 2: length penalty") keeps its front."""
    cards = shared.cards(DECODE)
    assert _front_of(cards, "Divide each score").endswith("What is the trick in Beam decoding?"), cards
    assert _front_of(cards, "Stop once every").endswith("Trick 2: early stop"), cards


REPARAM = NOTES.add({
    "reparam.md": (
        "# The reparameterisation trick\n\nSampling made differentiable.\n\n## The trick\n\n"
        "Write the sample as the mean plus the scale times fixed noise, so that gradients reach the mean and the "
        "scale.\n")
})


def test_a_trick_heading_under_a_subject_named_as_a_trick_keeps_its_front(shared):
    """"## The trick" under "# The reparameterisation trick": the subject is the trick, so no "What is the trick in
    The reparameterisation trick?" is made."""
    cards = shared.cards(REPARAM)
    assert not any("What is the trick in" in card["front"] for card in cards), cards
