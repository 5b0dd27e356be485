"""Fronts that say what their back answers (session 53, vague53, the held28/held29 judges): a note's title over a
back that opens on a summary's label ("Spoiler: …", "TL;DR: …") asks what the note's subject is, in short; a
tab or section named for one case whose text opens on "formula → $a = …$, $b = …$" asks for $a$ and $b$ in that
case. Both keep the id of the bare front. Notes written to tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _cards(tmp_path, notes: dict[str, str]) -> list[dict]:
    root = new_wiki(tmp_path, notes, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _card_of(cards: list[dict], said: str) -> dict:
    """The card whose back holds `said`."""
    return next(card for card in cards if said in card["back"])


SPOILER_NOTE = ("# Early stopping for gradient descent — patience and checkpoints\n\n"
                "The two rules I keep coming back to. Spoiler: a short patience hides a late second descent, and "
                "restoring the best checkpoint matters more than the stopping rule.\n\n"
                "## Patience\n\nWait a fixed number of epochs without improvement before stopping the run.\n")


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


STOP = NOTES.add({"stop.md": SPOILER_NOTE})


def test_a_titles_spoiler_asks_its_subject_in_short(shared):
    """The title alone over 'Spoiler: …' asked nothing; now 'What is early stopping …, in short?' under it."""
    card = _card_of(shared.cards(STOP), "late second descent")
    assert card["front"].endswith(", in short?"), card
    assert "Early stopping for gradient descent" in card["front"].split("\n\n")[-1], card


def test_a_titles_spoiler_keeps_the_id_of_the_bare_title(tmp_path):
    """Only the front's wording changed: the card keeps the id its bare title gave it."""
    asked = _card_of(_cards(tmp_path / "a", {"stop.md": SPOILER_NOTE}), "late second descent")
    plain = SPOILER_NOTE.replace("Spoiler: a", "Here a")
    bare = _card_of(_cards(tmp_path / "b", {"stop.md": plain}), "late second descent")
    assert "\n" not in bare["front"], bare
    assert asked["id"] == bare["id"], (asked, bare)


STOP_2 = NOTES.add({"stop.md": SPOILER_NOTE.replace("Spoiler: a", "Here a")})


def test_a_title_over_an_unlabelled_lead_asks_nothing_new(shared):
    """A lead with no summary label keeps its bare title (the title says nothing of what is asked)."""
    card = _card_of(shared.cards(STOP_2), "late second descent")
    assert "in short" not in card["front"], card


CASES_NOTE = ("# Newton boosting\n\n## Leaf statistics\n\n"
              "Each leaf weight comes from summed first and second derivatives of the loss at the prediction.\n\n"
              "### Poisson loss\n\n"
              "$\\ell = e^{\\hat y} - y \\hat y$ → $g_i = e^{\\hat y_i} - y_i$, $h_i = e^{\\hat y_i}$.\n\n"
              "The curvature grows with the predicted rate, so busy leaves take smaller steps per unit of gradient.\n")


NEWTON = NOTES.add({"newton.md": CASES_NOTE})


def test_a_cases_heading_over_what_its_formula_gives_asks_for_it(shared):
    """'… › Poisson loss' over '$ℓ = …$ → $g_i = …$, $h_i = …$' asks 'For Poisson loss, what are $g_i$ and $h_i$?'."""
    card = _card_of(shared.cards(NEWTON), "h_i = e^")
    assert card["front"].endswith("For Poisson loss, what are $g_i$ and $h_i$?"), card



FINDINGS_NOTE = ("# Convolutional nets\n\n## What the probing study saw\n\n"
                 "- **Receptive field use:** some channels look far across the image early on, others stay near; "
                 "the spread widens in deeper blocks.\n"
                 "- **Dead filters:** filters whose activations stay at zero for every input image.\n")


CNN = NOTES.add({"cnn.md": FINDINGS_NOTE})


def test_a_bold_label_over_a_some_and_others_finding_is_no_definition(shared):
    """'**X:** some … do A, others B' is a finding about X, asked under the path ('… › X'), not 'Define: X'; a
    label over a real definition in the same list stays 'Define: …'."""
    made = shared.cards(CNN)
    finding = _card_of(made, "some channels look far")
    assert "Define:" not in finding["front"], finding
    assert finding["front"].endswith("› Receptive field use"), finding
    assert "Define: Dead filters" in _card_of(made, "activations stay at zero")["front"], made
