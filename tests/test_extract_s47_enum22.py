"""Enumerations as overlapping clozes (session 47, enum22): a heading over a flat list of claims was one card whose
front, the heading path alone, asked for every claim at once. It is a card per item now, as SuperMemo and Anki users
study a list: the front shows the heading and the other items with the one asked hidden as `[...]` (its own label
kept), the back is that item. Notes of my own, written into tmp_path, read back through the CLI as a learner meets
the cards."""

from __future__ import annotations

import json

import pytest
from conftest import new_wiki, run

from mlwiki import ids
from shared_notes import Scanned, SharedNotes

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


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


KITES_2 = NOTES.add({"Kites.md": KITES})


def test_each_claim_under_a_bare_heading_is_a_card_of_its_own_the_others_shown(shared):
    """Three claims under "Why a delta kite flies in light wind" were one card under that heading. Each is a card
    now: its front the heading and the two other claims, the one asked hidden; its back that claim alone."""
    cards = shared.cards(KITES_2)
    made = by_front(cards)
    heading = "Kites › Why a delta kite flies in light wind"
    assert heading not in made, made
    asked = {back: front for front, back in made.items() if front.startswith(heading)}
    assert set(asked) == {"its wide sail catches enough air to lift even in a breeze of ten km/h",
                          "the spine flexes, so a gust spills off the trailing edge instead of tearing it",
                          "cost of the frame: two carbon rods, light enough for one hand to launch"}, made
    front = asked["the spine flexes, so a gust spills off the trailing edge instead of tearing it"]
    assert front == (f"{heading}\n\n- its wide sail catches enough air to lift even in a breeze of ten km/h\n- the spine flexes [...]\n"
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


SOURDOUGH = NOTES.add({"Sourdough.md": BREAD})


def test_an_opening_paragraph_stays_on_the_heading_card_and_the_line_that_introduces_the_list_is_shown(shared):
    """The paragraph the section opens with is a fact of its own: it stays the heading's card (its id). "Why bakers
    bother:" says what the items are: it stands on each item's front, asked on none; so does the closing pointer
    to another note, which says nothing to recall."""
    cards = shared.cards(SOURDOUGH)
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


HEAD = "# Knots\n\n## {heading}\n\n"
# (each list once as the whole of a section: what makes it one answer, or items that cannot cue one another)
NOT_LISTS = {
    "steps in their order": ("Tying a bowline", "1. make a small loop in the standing part of the rope first\n"
                             "2. pass the working end up through that loop from underneath it\n"
                             "3. go round the standing part and back down through the small loop\n"),
    "names": ("Common knots", "- bowline\n- clove hitch\n- sheet bend, which joins two ropes of any thickness at "
              "all, even wet ones\n- reef knot\n"),
    "a pair written alike": ("Tension", "- more tension on the standing part makes the knot bite harder and hold "
                             "better\n- less tension on the standing part makes the knot loosen and slip away "
                             "faster\n"),
    "a pair of labels": ("Hitch or bend", "- hitch: ties a rope to an object such as a post, a spar or a ring\n"
                         "- bend: joins two ropes end to end, often ropes of unequal thickness\n"),
    "an outline": ("Uses", "- sailing, where knots are tied on deck in every kind of weather\n  - the bowline for "
                   "mooring lines\n  - the cleat hitch for halyards\n- climbing, where a failed knot costs a life\n"
                   "  - the figure eight on the harness\n  - the prusik on the rope\n"),
    "a log of days": ("Test rig", "- **3 May** -- the bowline held a load of forty kilos on the rig without "
                      "slipping at all\n- **4 May** -- the sheet bend slipped on wet nylon twice in a row under the "
                      "same load\n"),
    "a timeline": ("History", "- 1910 the first book that names the clove hitch is printed in a sailing school\n"
                   "- 1944 the Ashley Book of Knots lists almost four thousand knots and their uses\n"),
    "a map of notes": ("Loops", "- [[Bowline]] the loop knot that sailors tie with one hand in the dark, on deck "
                       "or in water\n- [[Sheet bend]] joins two ropes of unequal thickness, even when they are wet "
                       "and cold\n"),
    "pointers": ("Joins", "- loop knots that sailors tie with one hand in the dark → [[Bowline]], [[Water bowline]]\n"
                 "- joining two ropes of unequal thickness together → [[Sheet bend]]\n"),
    "twins": ("Materials", "- hemp: a natural fibre; it swells when wet and grips the knot tighter\n"
              "- jute: a natural fibre; it swells when wet and grips the knot tighter\n"
              "- nylon stretches under load, so knots in it must be dressed and set with care\n"),
}


@pytest.mark.parametrize("case", sorted(NOT_LISTS))
def test_a_list_that_is_one_answer_or_whose_items_cannot_cue_one_another_stays_one_card(tmp_path, case):
    """Not every list is claims to study one by one: numbered steps are one procedure in order; a list of names is
    the enumeration its heading asks for; two items written alike or under labels side by side are a pair, one of
    which gives the other away; items over lists of their own are an outline; a log's dated entries, a timeline and
    a map of notes have nothing in common to cue one another; nor do twins, the one shown gives the other away."""
    heading, items = NOT_LISTS[case]
    made = by_front(cards_of(tmp_path, {"Knots.md": HEAD.format(heading=heading) + items}))
    assert not any("[...]" in front for front in made), made


FRAMED = """# Offline evaluation

## What it measures

Replay the logs, hide some interactions and check the model ranks them high. Cheap, safe for users. But:

- it measures agreement with what users did under the old system, not what the new ranking would cause
- the logs come from the previous recommender, so a model that imitates it looks better than it is
"""


OFFLINE = NOTES.add({"Offline.md": FRAMED})


def test_the_facts_before_the_sentence_that_introduces_the_list_stay_the_heading_card(shared):
    """"But:" introduces the list; the sentences before it say facts of their own: they are the heading's card, and
    the whole paragraph frames the list on each item's card."""
    made = by_front(shared.cards(OFFLINE))
    heading = "Offline evaluation › What it measures"
    assert made[heading] == "Replay the logs, hide some interactions and check the model ranks them high. Cheap, " \
                            "safe for users.", made
    items = [front for front in made if front.startswith(f"{heading}\n\nReplay the logs")]
    assert len(items) == 2 and all("But:\n\n- " in front for front in items), made


LONG = """# Tides

## Spring tides

- at new and full moon the pulls of the sun and the moon line up, so high water rises higher and low water falls
  lower than on any other day of the lunar month, which matters most on shallow coasts where a few tens of
  centimetres decide whether a harbour mouth can be crossed by a loaded boat at all
- the effect lags the alignment by a day or two because the oceans take time to respond to the forcing
"""


TIDES = NOTES.add({"Tides.md": LONG})


def test_a_list_whose_item_is_a_passage_stays_one_card(shared):
    """An item too long to read beside the others would make every front a page: the list stays as it was."""
    made = by_front(shared.cards(TIDES))
    assert "Tides › Spring tides" in made and not any("[...]" in front for front in made), made


STUDY = """# Tuning

## Tricks that matter

A reimplementation study found that most of the gain over the older method came from small code-level choices:

- normalising the advantages inside every minibatch before the update is applied to the policy
- clipping the global gradient norm at half a unit before every single optimiser step

## Picking a rate

The right rate depends on the model and the batch size, for example:

- a small convolutional net trained on images usually takes a rate near one tenth with plain momentum
- a transformer trained with Adam needs a far smaller rate, and a warmup of a few thousand steps first
"""


TUNING = NOTES.add({"Tuning.md": STUDY})


def test_a_sentence_introducing_the_list_that_says_a_fact_is_the_heading_card_one_that_only_announces_is_not(shared):
    """"A reimplementation study found that …:" says what the study found, a fact to ask: the heading's card, its
    colon a full stop. "…, for example:" only announces the list: it frames the items' cards and is no card."""
    made = by_front(shared.cards(TUNING))
    assert made["Tuning › Tricks that matter"] == "A reimplementation study found that most of the gain over the " \
                                                  "older method came from small code-level choices.", made
    assert "Tuning › Picking a rate" not in made, made
    assert sum(front.startswith("Tuning › Picking a rate\n\nThe right rate depends") for front in made) == 2, made


WEAK = """# Kites

## Weaknesses

- a single-line kite cannot be steered, so it drifts wherever the wind at its height blows it
- the bridle has to be retuned by hand whenever the wind strength changes by more than a little
- a soft kite collapses when the wind drops for a second and rarely refills on its own
"""


KITES_3 = NOTES.add({"Kites.md": WEAK})


def test_a_question_over_a_list_of_claims_asks_each_with_the_others_shown(shared):
    """"What are the weaknesses of Kites?" (the question a bare "Weaknesses" heading asks) over three claims was one
    card asking for all three: a card per weakness now, under the question, the others on its front."""
    made = by_front(shared.cards(KITES_3))
    asked = "Kites › Weaknesses\n\nWhat are the weaknesses of Kites?\n\n"
    items = {back: front for front, back in made.items() if front.startswith(asked)}
    assert len(items) == 3, made
    assert items["the bridle has to be retuned by hand whenever the wind strength changes by more than a little"] \
        == f"{asked}- a single-line kite cannot be steered, so it drifts wherever the wind at its height blows it\n" \
           "- the bridle has [...]\n- a soft kite collapses when the wind drops for a second and rarely refills on its own", \
        made  # (the blank keeps its item's subject and verb: leadclozes48)


INDEX = """# Kites

A kite is a tethered wing that flies on the wind alone.

## Advantages

- pick the **line weight** (light or heavy): it decides what stays aloft when the wind drops
- the **bridle point** → the only number that says whether the kite climbs or dives
- launching: a helper walks the kite downwind for the first few metres
"""


KITES_4 = NOTES.add({"Kites.md": INDEX})


def test_a_list_whose_items_name_cards_of_their_own_stays_one_card(shared):
    """Once "line weight" and "launching" are cards of their own ("… › Advantages › launching"), the list left under
    the question names what they explain: an index, one answer, not a card per line."""
    made = by_front(shared.cards(KITES_4))
    assert "Kites › Advantages › launching" in made, made
    assert not any("[...]" in front for front in made), made


STUB = """# Nets

## Regularisation

- dropout zeroes random units on every training step, so no unit can lean on another one
- **weight decay**
- early stopping halts training once the validation loss has not improved for a while

### Weight decay

Weight decay shrinks every weight toward zero by a small fraction at each update step of training.
"""


NETS = NOTES.add({"Nets.md": STUB})


def test_an_item_that_only_names_a_card_of_its_own_is_shown_not_asked(shared):
    """"- **weight decay**" names what the subsection's card explains: it stays on the other items' fronts, and no
    card asks for the bare name."""
    made = by_front(shared.cards(NETS))
    asked = [back for front, back in made.items() if front.startswith("Nets › Regularisation\n\n")]
    assert len(asked) == 2 and not any("weight decay" in back for back in asked), made
    assert all("- **weight decay**" in front for front in made if front.startswith("Nets › Regularisation\n\n"))
