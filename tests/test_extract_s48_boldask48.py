"""Heading-only fronts asked by the writer's emphasis (session 48, boldask48): a card whose front was only its
heading path ("… › Catch", "… › Weights") over a short back in which the writer set one phrase in bold, ==highlight==
or (as its one emphasis) italics did not say what it asked. Its front shows the sentence that sets the phrase, the
phrase left out; the back stays whole and the card keeps its id. Notes of my own, written into tmp_path, read back
through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest


from mlwiki import ids
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = false\nsections = true\n[review]\ntimezone = "UTC"\n'


def card_with(cards: list[dict], words: str) -> dict:
    return next(c for c in cards if words in c["back"])


LENSES = """# Camera care

## Cleaning a lens

### Pitfall

Pitfall: a lens wiped with a paper towel gets **micro-scratches** on its coating, not a cleaner surface. Use a
microfibre cloth and a blower first.

### Storage

Humid cupboards grow fungus inside the glass within a season, so a bag with silica gel is worth its price.
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


CAMERA_CARE = NOTES.add({"Camera care.md": LENSES})


def test_a_bare_heading_over_a_short_paragraph_asks_by_its_bold_phrase(shared):
    """"Camera care › Cleaning a lens › Pitfall" over "Pitfall: a lens wiped with a paper towel gets
    **micro-scratches** …" did not say what it asked. The front shows the sentence with the bold phrase left out
    (the label the heading repeats off it); the back keeps every sentence; the id is the bare heading's."""
    cards = shared.cards(CAMERA_CARE)
    card = card_with(cards, "micro-scratches")
    path = "Camera care › Cleaning a lens › Pitfall"
    assert card["front"] == (f"{path}\n\na lens wiped with a paper towel gets … on its coating, not a cleaner "
                             "surface."), card
    assert "Use a microfibre cloth and a blower first." in " ".join(card["back"].split()), card  # (none lost)
    assert card["id"] == ids.card_id("basic", f"section: {path}"), card  # (its review history stays)
    plain = card_with(cards, "Humid cupboards")
    assert plain["front"] == "Camera care › Cleaning a lens › Storage", plain  # (no emphasis: nothing to ask by)


TEA = """# Tea

## Brewing

### Green tea

Green tea leaves **turn bitter above 80 °C**: the hotter water pulls out the catechins faster than the sweet amino
acids.

### Steeping vessels

A clay pot keeps the heat in. Porcelain is ==neutral in taste==, so one pot can brew every kind of leaf.

### Oolong

Rolled oolong opens slowly, so the first short infusion only *rinses* the leaves and is poured away.
"""


TEA_2 = NOTES.add({"Tea.md": TEA})


def test_a_claim_in_bold_a_highlight_and_a_lone_italic_phrase_are_each_asked_by(shared):
    """A claim set in bold ("leaves **turn bitter above 80 °C**") is left out of its sentence, whose subject stays
    shown; a ==highlight== is asked alike, its sentence alone (the one before says another thing); a phrase in
    italics is asked when it is the back's one emphasis."""
    cards = shared.cards(TEA_2)
    fronts = {c["front"] for c in cards}
    assert ("Tea › Brewing › Green tea\n\nGreen tea leaves …: the hotter water pulls out the catechins faster than "
            "the sweet amino acids.") in fronts, fronts
    assert "Tea › Brewing › Steeping vessels\n\nPorcelain is …, so one pot can brew every kind of leaf." in fronts, \
        fronts
    assert ("Tea › Brewing › Oolong\n\nRolled oolong opens slowly, so the first short infusion only … the leaves and "
            "is poured away.") in fronts, fronts
    assert card_with(cards, "neutral in taste")["back"].startswith("A clay pot keeps the heat in."), cards


BIKES = """# Bicycles

## Chains

Riders clean the chain after rain. Doing this with a degreaser removes the **factory grease** too, which a
light oil never replaces.

## Tyres

Tubeless tyres run at low pressure and **never** pinch the tube against the rim.

## Gears

**Derailleurs** shift by pushing the chain sideways onto the next sprocket while the pedals turn.

## Brakes

Disc brakes stop well in rain and **keep** the rim from wearing, and **cost** more to service.

## History

The safety bicycle is described in *Wheels of the Victorian Age* as the model every later frame copied.
"""


BICYCLES = NOTES.add({"Bicycles.md": BIKES})


def test_the_sentence_before_joins_a_pointing_one_and_stress_subjects_and_titles_are_left_alone(shared):
    """A sentence that points back ("Doing this …") is shown after the one it points to. Left as they were: a word
    the writer only stresses ("**never**": a yes or a no), a bold term that leads its sentence (what the sentence
    is about), two bold phrases (which is asked?), a book's title in italics."""
    cards = shared.cards(BICYCLES)
    fronts = {c["front"] for c in cards}
    assert ("Bicycles › Chains\n\nRiders clean the chain after rain. Doing this with a degreaser removes the … too, "
            "which a light oil never replaces.") in fronts, fronts
    for bare in ("Bicycles › Gears", "Bicycles › Brakes", "Bicycles › History"):
        assert bare in fronts, fronts
    assert not any(f.startswith("Bicycles › Tyres\n\n") for f in fronts), fronts


def test_a_heading_the_text_sets_equal_to_what_it_is_keeps_its_front():
    """"glaze crawling on stoneware = the glaze pulls back …" under "… › Glaze crawling" defines the heading: the
    bare heading asks what it is, and a blank in the definition would ask less. A text that says something of its
    heading is asked by its bold phrase all the same."""
    from mlwiki.extract.draft import Draft
    from mlwiki.extract.emphasis_fronts import emphasis_asked
    from mlwiki.models import CardKind

    path = "Pottery › Glazes › Glaze crawling"
    defined = Draft(CardKind.BASIC, path, "Glaze crawling on stoneware = the glaze pulls back from the clay and "
                    "leaves **bare patches** after firing.", 3, form="labelled", id_front=f"labelled: {path}")
    said = Draft(CardKind.BASIC, path, "Glaze crawling starts where dust or grease kept the raw glaze from "
                 "wetting the clay, and a **damp sponge** before glazing prevents most of it.", 5, form="labelled",
                 id_front=f"labelled: {path}")
    kept, asked = (drafts[0] for drafts, _ in emphasis_asked([([defined], path), ([said], path)]))
    assert kept == defined, kept
    assert asked.front == (f"{path}\n\nGlaze crawling starts where dust or grease kept the raw glaze from wetting "
                           "the clay, and a … before glazing prevents most of it."), asked
    assert asked.id_front == f"labelled: {path}" and asked.back == said.back, asked

STARTER = """# Bread

## Starter

A starter is a paste of flour and water in which wild yeast and lactic bacteria live together and raise the dough
of a loaf without any baker's yeast from a packet, which is why bakers keep one alive for years in the fridge.

It needs a warm kitchen, between 24 and 28 °C, to double within a few hours after a feed; in a cold room the same
starter takes a whole day to rise and tastes much more sour, because the bacteria slow down less than the yeast.

Feed it at a **one-to-one** ratio of flour and water by weight, twice a day while it is young.

Before mixing, the **autolyse** is a rest of flour and water without the starter, which lets gluten form on its own.

Rye flour wakes a sluggish culture faster than white flour, since its bran carries more wild yeast and more of the
sugars the yeast eats, so many bakers start a new culture with rye and switch to white once it is lively.
"""


BREAD = NOTES.add({"Bread.md": STARTER})


def test_a_front_named_by_the_phrase_its_back_sets_in_bold_asks_the_sentence_instead(shared):
    """A card titled by the very phrase its back sets in bold ("Bread › Starter › one-to-one" over "Feed it at a
    **one-to-one** ratio …") gave its answer away and asked nothing: its front is the path above, then the sentence
    with the phrase left out; its id stays. A term the sentence goes on to explain ("the **autolyse** is a rest …")
    keeps its name as its front."""
    cards = shared.cards(BREAD)
    fed = card_with(cards, "one-to-one")
    assert fed["front"] == ("Bread › Starter\n\nFeed it at a … ratio of flour and water by weight, twice a day "
                            "while it is young."), fed
    assert fed["id"] == ids.card_id("basic", "paragraph: Bread › Starter › one-to-one"), fed
    assert card_with(cards, "autolyse")["front"] == "Bread › Starter › autolyse", cards
