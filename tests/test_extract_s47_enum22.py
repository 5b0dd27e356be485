"""Enumerations as overlapping clozes (session 47, enum22): a heading over a flat list of claims was one card whose
front, the heading path alone, asked for every claim at once. It is a card per item now, as SuperMemo and Anki users
study a list: the front shows the heading and the other items with the one asked hidden as `[...]` (its own label
kept), the back is that item. Notes of my own, written into tmp_path, read back through the CLI as a learner meets
the cards."""

from __future__ import annotations

import json

from conftest import new_wiki, run

from mlwiki import ids

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = false\nsections = true\n[review]\ntimezone = "UTC"\n'


def cards_of(tmp_path, notes: dict[str, str]) -> list[dict]:
    return json.loads(run(new_wiki(tmp_path, notes, CONFIG), "cards", "--json", ok=True).output)


def by_front(cards: list[dict]) -> dict[str, str]:
    return {c["front"]: c["back"] for c in cards}


KITES = """# Kites

## Why a delta kite flies in light wind

- its wide sail catches enough air to lift even in a breeze of ten km/h
- the spine flexes, so a gust spills off the trailing edge instead of tearing it
- cost of the frame: two carbon rods, light enough for one hand to launch
"""


def test_each_claim_under_a_bare_heading_is_a_card_of_its_own_the_others_shown(tmp_path):
    """Three claims under "Why a delta kite flies in light wind" were one card under that heading. Each is a card
    now: its front the heading and the two other claims, the one asked hidden; its back that claim alone."""
    cards = cards_of(tmp_path, {"Kites.md": KITES})
    made = by_front(cards)
    heading = "Kites › Why a delta kite flies in light wind"
    assert heading not in made, made
    asked = {back: front for front, back in made.items() if front.startswith(heading)}
    assert set(asked) == {"its wide sail catches enough air to lift even in a breeze of ten km/h",
                          "the spine flexes, so a gust spills off the trailing edge instead of tearing it",
                          "cost of the frame: two carbon rods, light enough for one hand to launch"}, made
    front = asked["the spine flexes, so a gust spills off the trailing edge instead of tearing it"]
    assert front == (f"{heading}\n\n- its wide sail catches enough air to lift even in a breeze of ten km/h\n- [...]\n"
                     "- cost of the frame: two carbon rods, light enough for one hand to launch"), front
    assert "- cost of the frame: [...]" in asked["cost of the frame: two carbon rods, light enough for one hand to "
                                                 "launch"]  # (its own label says what is asked)
    first = next(c for c in cards if c["back"].startswith("its wide sail"))
    assert first["id"] == ids.card_id("basic", f"section: {heading}"), first  # (the list's card: its history stays)


BREAD = """# Sourdough

## Long cold proof

A night in the fridge slows the yeast far more than the bacteria, so the loaf turns sourer.

Why bakers bother:

- the dough firms up and is easier to score cleanly
- the crust blisters, since sugars left on the surface brown in the oven
- the bake can wait for the morning instead of the baker waiting for the dough

Details in [[Proofing schedule]].
"""


def test_an_opening_paragraph_stays_on_the_heading_card_and_the_line_that_introduces_the_list_is_shown(tmp_path):
    """The paragraph the section opens with is a fact of its own: it stays the heading's card (its id). "Why bakers
    bother:" says what the items are: it stands on each item's front, asked on none; so does the closing pointer
    to another note, which says nothing to recall."""
    cards = cards_of(tmp_path, {"Sourdough.md": BREAD})
    made = by_front(cards)
    heading = "Sourdough › Long cold proof"
    assert made[heading] == "A night in the fridge slows the yeast far more than the bacteria, so the loaf turns " \
                            "sourer.", made
    assert next(c for c in cards if c["front"] == heading)["id"] == ids.card_id("basic", f"section: {heading}")
    items = {back: front for front, back in made.items() if front.startswith(f"{heading}\n\n")}
    assert len(items) == 3 and all(front.startswith(f"{heading}\n\nWhy bakers bother:\n\n- ")
                                   and "A night in the fridge" not in front and "Proofing schedule" in front
                                   for front in items.values()), made
    assert "the crust blisters, since sugars left on the surface brown in the oven" in items, made


NOT_LISTS = """# Knots

## Tying a bowline

1. make a small loop in the standing part
2. pass the end up through the loop from below
3. go round the standing part and back down the loop

## Common knots

- bowline
- clove hitch
- sheet bend
- reef knot

## Hitch or bend

- hitch: ties a rope to an object such as a post or a ring
- bend: joins two ropes end to end, often of unequal thickness

## Practice log

- **3 May** -- tied the bowline behind my back twenty times without a miss
- **4 May** -- the sheet bend slipped on wet nylon twice in a row today
"""


def test_steps_names_a_pair_side_by_side_and_a_log_stay_one_card(tmp_path):
    """Not every list is claims to study one by one: numbered steps are one procedure in order; a list of names is
    the enumeration its heading asks for; two labelled items side by side are a pair, one of which gives the other
    away; a log's dated entries have nothing in common to cue one another."""
    made = by_front(cards_of(tmp_path, {"Knots.md": NOT_LISTS}))
    assert not any("[...]" in front for front in made), made


LONG = """# Tides

## Spring tides

- at new and full moon the pulls of the sun and the moon line up, so high water rises higher and low water falls
  lower than on any other day of the lunar month, which matters most on shallow coasts where a few tens of
  centimetres decide whether a harbour mouth can be crossed by a loaded boat at all
- the effect lags the alignment by a day or two because the oceans take time to respond to the forcing
"""


def test_a_list_whose_item_is_a_passage_stays_one_card(tmp_path):
    """An item too long to read beside the others would make every front a page: the list stays as it was."""
    made = by_front(cards_of(tmp_path, {"Tides.md": LONG}))
    assert "Tides › Spring tides" in made and not any("[...]" in front for front in made), made
