"""Heading-only fronts over a section of several claims that is no single paragraph (session 49, sections49): a
section card whose front was only its heading path over two or three short paragraphs, each its own claim, asked
for all of them at once. It becomes a card per paragraph, the others shown and the one asked hidden (its label or
subject and verb kept as the blank's cue); the first card keeps the section's id. A derivation, a definition with
its formula, a paragraph that goes on from the one before and tutorial prose stay one card. Notes of my own,
written into tmp_path, read back through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = false\nsections = true\n[review]\ntimezone = "UTC"\n'


def cards_of(tmp_path, notes: dict[str, str]) -> list[dict]:
    return json.loads(run(new_wiki(tmp_path, notes, CONFIG), "cards", "--json", ok=True).output)


def under(cards: list[dict], heading: str) -> list[dict]:
    return [c for c in cards if c["front"].split("\n\n", 1)[0].endswith(heading)]


KILNS = """# Pottery notes

## Bisque firing

The first firing hardens raw clay so it can be glazed without falling apart, usually near cone 04.

Pieces can touch each other in a bisque load, since no glaze can fuse them together.

## Glaze math

Take the unity formula of the glaze and fix the fluxes at one. Then set the silica to alumina ratio near eight
to one. Solve for the batch weights. ∎

## Slip casting

Liquid clay poured into a plaster mould, left to stand, then drained.

`wall = time × absorption`
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


POTTERY = NOTES.add({"pottery.md": KILNS})


def test_short_paragraphs_of_claims_under_a_bare_heading_are_asked_one_by_one(shared):
    cards = under(shared.cards(POTTERY), "Bisque firing")
    backs = [" ".join(c["back"].split()) for c in cards]
    assert backs == ["The first firing hardens raw clay so it can be glazed without falling apart, usually near cone 04.",
                     "Pieces can touch each other in a bisque load, since no glaze can fuse them together."]
    second = cards[1]["front"]
    assert "The first firing hardens raw clay" in second and "Pieces can [...]" in second  # (the other shown; a cue)
    assert "can fuse them together" not in second


def test_the_first_paragraphs_card_keeps_the_sections_id(tmp_path):
    plain = "# Pottery notes\n\n## Bisque firing\n\nThe first firing hardens raw clay so it can be glazed.\n"
    first = under(cards_of(tmp_path / "a", {"pottery.md": plain}), "Bisque firing")
    split = under(cards_of(tmp_path / "b", {"pottery.md": KILNS}), "Bisque firing")
    assert len(first) == 1 and first[0]["id"] == split[0]["id"]


POTTERY_2 = NOTES.add({"pottery.md": KILNS})


def test_a_definition_beside_its_formula_stays_one_card(shared):
    cards = under(shared.cards(POTTERY_2), "Slip casting")
    assert len(cards) == 1 and "wall = time" in cards[0]["back"]


GOES_ON = """# Pottery notes

## Reduction firing

Starving the kiln of oxygen pulls it out of the metal oxides in the glaze and the clay body.

Copper glazes therefore turn red instead of green, and iron speckles come out of the body.

## Centering

Brace your elbow on your thigh and let the wheel do the work for you.

Press down with your palm until you feel the clay stop wobbling under your hands.
"""


POTTERY_3 = NOTES.add({"pottery.md": GOES_ON})


def test_a_paragraph_that_goes_on_from_the_one_before_stays_on_one_card(shared):
    cards = under(shared.cards(POTTERY_3), "Reduction firing")
    assert len(cards) == 1 and "therefore turn red" in cards[0]["back"]


POTTERY_4 = NOTES.add({"pottery.md": GOES_ON})


def test_tutorial_prose_told_to_the_reader_stays_one_card(shared):
    cards = under(shared.cards(POTTERY_4), "Centering")
    assert len(cards) == 1 and "Press down" in cards[0]["back"]


GLAZES = """# Pottery notes

## Crawling glaze

- The glaze pulls back from bare patches of clay when it was applied over dust or oily fingerprints.
- A glaze with too much raw clay shrinks so hard while drying that it cracks before the firing starts.
- Applying it far too thick gives the same crawl as the dust does, in thick beads.

Rule of thumb: wipe the bisque with a damp sponge and let it dry for a day before glazing.

## Pinholes

- Gas escaping from the body late in the firing leaves small craters in the glaze surface.
- A short hold at peak temperature lets the molten glaze heal over those craters again.

Nobody agrees on this one.
"""


POTTERY_5 = NOTES.add({"pottery.md": GLAZES})


def test_a_labelled_paragraph_after_a_list_of_claims_is_asked_on_its_own_card(shared):
    cards = under(shared.cards(POTTERY_5), "Crawling glaze")
    rule = [c for c in cards if c["back"].startswith("Rule of thumb: wipe the bisque")]
    assert len(cards) == 4 and len(rule) == 1
    assert "Rule of thumb: [...]" in rule[0]["front"] and "- Applying it far too thick" in rule[0]["front"]


POTTERY_6 = NOTES.add({"pottery.md": GLAZES})


def test_a_bare_remark_after_a_list_still_keeps_the_section_one_card(shared):
    cards = under(shared.cards(POTTERY_6), "Pinholes")
    assert len(cards) == 1 and "Nobody agrees" in cards[0]["back"]
