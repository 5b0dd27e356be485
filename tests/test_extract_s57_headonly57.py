"""Heading-only fronts over a paragraph (session 57, headonly57): a card whose front was only its heading path
("… › Baking › Ovens") over a paragraph whose first sentence names a subject of its own ("Fan ovens can't brown
…") did not say what was asked. Its front asks the question that sentence answers, under the path; the back stays
whole and the card keeps the id of its bare path. Notes of my own, written into tmp_path, read through the CLI."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run

from mlwiki.extract import heading_claims
from mlwiki.extract.draft import Draft
from mlwiki.extract.own_subjects import opening_subject, subject_question
from mlwiki.models import CardKind
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = false\nsections = true\n[review]\ntimezone = "UTC"\n'

BAKERY = """# Home bakery

## Equipment

### Ovens

Fan ovens can't brown a loaf's crust evenly on the lowest rack, so turn the tray halfway through the bake.

## Dough

### Hydration

The crumb depends mostly on how much water the flour takes up; rye drinks more than wheat does.

### Shaping

Shape on an unfloured bench so the dough grips it and builds tension.
"""


def cards_of(tmp_path, notes: dict[str, str]) -> list[dict]:
    return json.loads(run(new_wiki(tmp_path, notes, CONFIG), "cards", "--json", ok=True).output)


def card_with(cards: list[dict], words: str) -> dict:
    return next(c for c in cards if words in " ".join(c["back"].split()))


def test_a_subject_of_its_own_with_a_negated_modal_is_asked_under_the_path(tmp_path):
    """"… › Ovens" over "Fan ovens can't brown …" asks what fan ovens can't brown; the id is the bare path's."""
    bare = cards_of(tmp_path / "a", {"Home bakery.md": BAKERY.replace("Fan ovens can't brown", "Brown")})
    card = card_with(cards_of(tmp_path / "b", {"Home bakery.md": BAKERY}), "lowest rack")
    assert card["front"] == "Home bakery › Equipment › Ovens\n\nWhat can't fan ovens brown?", card
    assert "turn the tray halfway" in " ".join(card["back"].split()), card
    assert card["id"] == card_with(bare, "lowest rack")["id"], card


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


HOME_BAKERY = NOTES.add({"Home bakery.md": BAKERY})


def test_a_subject_after_its_article_with_a_phrasal_verb_asks_its_object(shared):
    """"… › Hydration" over "The crumb depends mostly on …" asks what the crumb depends on."""
    card = card_with(shared.cards(HOME_BAKERY), "flour takes up")
    assert card["front"] == "Home bakery › Dough › Hydration\n\nWhat does the crumb depend on?", card


HOME_BAKERY_2 = NOTES.add({"Home bakery.md": BAKERY})


def test_a_sentence_without_a_subject_is_left_as_it_is(shared):
    """"Shape on an unfloured bench …" opens on a verb: no subject, nothing asked by this rule."""
    card = card_with(shared.cards(HOME_BAKERY_2), "unfloured bench")
    assert "What" not in card["front"] or "shap" in card["front"].lower(), card
    assert opening_subject("Shape on an unfloured bench so it grips.") == ""


def test_the_subject_ends_before_its_verb_not_at_a_plural_noun():
    """"Fan ovens can't …": the auxiliary marks the verb, not the plural "ovens" after "Fan"; a title's capitals
    ("Fan Ovens") or a pronoun ("These loaves") make no subject."""
    assert opening_subject("Fan ovens can't brown the crust.") == "Fan ovens"
    assert opening_subject("Rye flour absorbs more water than wheat.") == "Rye flour"
    assert opening_subject("These loaves are done.") == ""
    assert subject_question("Fan Ovens can't brown the crust.", "Bakery › Ovens") == ""


PANTRY = """# Pantry

## Storage

### Flour

Whole-grain flour does not tolerate warm cupboards for three months once opened; buy small bags.

### Jars

- the glass jars depend on a tight lid to keep moths out
- tins: heavier, but they keep light out, which matters for spices
"""


PANTRY_2 = NOTES.add({"Pantry.md": PANTRY})


def test_a_negation_written_out_is_asked_as_one(shared):
    """"Whole-grain flour does not tolerate warm cupboards …" asks what it does not tolerate, as "doesn't" would."""
    card = card_with(shared.cards(PANTRY_2), "three months")
    assert card["front"] == "Pantry › Storage › Flour\n\nWhat doesn't whole-grain flour tolerate?", card


def test_a_list_is_not_asked_by_its_first_item():
    """A list of claims under a bare heading: a question made of its first item would ask that item alone; one
    item, or a paragraph, is asked."""
    both = "- Glass jars don't block the light.\n- Tins, unlike them, are opaque."
    listed = Draft(CardKind.BASIC, "Pantry › Storage › Containers", both, 9, form="paragraph")
    assert heading_claims.own_subject_front(listed) == ""
    one = Draft(CardKind.BASIC, "Pantry › Storage › Containers", both.split("\n")[0], 9, form="paragraph")
    assert heading_claims.own_subject_front(one).endswith("\n\nWhat don't glass jars block?")



def test_only_a_verbs_object_is_asked():
    """A participle's object ("is related to …"), a reason ("… since …") or a comparison under a heading of its
    own asks a side of the remark: only what the verb does to its object is asked."""
    assert subject_question("The rise is related to the room's warmth.", "Bakery › Proofing") == ""
    assert subject_question("Rye dough is stickier than wheat dough.", "Bakery › Rye") == ""
    assert subject_question("Rye dough doesn't hold gas well.", "Bakery › Rye") == "What doesn't rye dough hold?"
