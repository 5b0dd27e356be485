"""Heading-only fronts over a claim about their heading (session 48, claims48): a card whose front was only its
heading path ("… › Kettles", "… › Readings") over a back whose first sentence makes a claim about that heading
("Kettles can't descale themselves …", "Readings depend heavily on …") named the subject but not what was asked.
Its front asks the question the sentence answers, under the path; the back stays whole and the card keeps its id.
Notes of my own, written into tmp_path, read back through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run

from mlwiki.extract import heading_claims
from mlwiki.extract.claim_asks import asked_front
from mlwiki.extract.draft import Draft
from mlwiki.models import CardKind
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = false\nsections = true\n[review]\ntimezone = "UTC"\n'

KITCHEN = """# Kitchen gear

## Descaling

### Kettles

Kettles can't remove limescale on their own → boil a citric acid rinse once a month.

## Thermometers

### Readings

Readings depend heavily on where the probe sits; the centre of the thickest part gives the honest number, so
push it in from the side.

## Coffee

### Coarse grind

Coarse grind is slightly better than fine grind in a French press, and medium barely beats coarse. Keep coarse.

## Limitations

### Needs batteries

Needs batteries (a coin cell lasts about a year). Dies in the cold.
"""

FRIDGE = """# Cold storage

## Shelves

### Door shelves

Door shelves are the warmest spot in the fridge, so keep only condiments there and never milk.
"""


def cards_of(tmp_path, notes: dict[str, str]) -> list[dict]:
    return json.loads(run(new_wiki(tmp_path, notes, CONFIG), "cards", "--json", ok=True).output)


def card_with(cards: list[dict], words: str) -> dict:
    return next(c for c in cards if words in c["back"])


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


KITCHEN_GEAR = NOTES.add({"Kitchen gear.md": KITCHEN})


def test_a_negated_modal_claim_asks_what_it_cannot_do(shared):
    """"… › Kettles" over "Kettles can't remove limescale …" asks what kettles can't remove."""
    card = card_with(shared.cards(KITCHEN_GEAR), "limescale")
    assert card["front"] == "Kitchen gear › Descaling › Kettles\n\nWhat can't kettles remove?", card
    assert "citric acid" in card["back"], card


def test_a_verb_with_its_own_preposition_asks_its_object(tmp_path):
    """"… › Readings" over "Readings depend heavily on where …" asks what readings depend on; the id is the bare
    path's (its review history kept)."""
    bare = cards_of(tmp_path / "a", {"Kitchen gear.md": KITCHEN.replace("Readings depend heavily on",
                                                                         "Readings: mostly")})
    cards = cards_of(tmp_path / "b", {"Kitchen gear.md": KITCHEN})
    card = card_with(cards, "probe sits")
    assert card["front"] == "Kitchen gear › Thermometers › Readings\n\nWhat do readings depend on?", card
    assert card["id"] == card_with(bare, "probe sits")["id"], card
    assert "push it in from the side" in " ".join(card["back"].split()), card


KITCHEN_GEAR_2 = NOTES.add({"Kitchen gear.md": KITCHEN})


def test_a_comparison_asks_which_of_the_two(shared):
    """"… › Coarse grind" over "Coarse grind is slightly better than fine grind …" asks which is better."""
    card = card_with(shared.cards(KITCHEN_GEAR_2), "barely beats")
    assert card["front"].endswith("\n\nWhich is better: coarse grind or fine grind?"), card


KITCHEN_GEAR_3 = NOTES.add({"Kitchen gear.md": KITCHEN})


def test_a_heading_that_is_the_claim_asks_it_of_the_note_under_the_path_above(shared):
    """"… › Limitations › Needs batteries" over "Needs batteries (…)." gave its answer away: the front asks what
    the note's subject needs, under the path above the heading."""
    card = card_with(shared.cards(KITCHEN_GEAR_3), "coin cell")
    assert card["front"] == "Kitchen gear › Limitations\n\nWhat does Kitchen gear need?", card


def test_a_sentence_no_form_reads_is_not_asked_by_it():
    """"… › Door shelves" over "Door shelves are the warmest spot …": no form of the sentence says what to ask
    beyond what the heading asks; this pass leaves the card (other passes may ask what the heading names)."""
    draft = Draft(CardKind.BASIC, "Cold storage › Shelves › Door shelves", FRIDGE.rsplit("\n\n", 1)[1], 7,
                  form="paragraph")
    assert heading_claims.asked_front(draft) == ""
    pronoun = Draft(CardKind.BASIC, "Cold storage › Shelves › all", "All are cleaned by wiping with vinegar.", 7,
                    form="paragraph")
    assert heading_claims.asked_front(pronoun) == ""  # ("What are All cleaned by?": "all" names nothing)


def test_a_reason_inside_an_aside_is_not_the_claims_reason():
    """"X is a cheap estimate of Y (cheap because …)": the 'because' explains the aside, not the claim; no 'Why …?'
    is asked that would end inside the bracket."""
    question = asked_front("The sketch …", "The sketch is a rough estimate of the count (rough because it hashes).")
    assert not question.startswith("Why"), question
