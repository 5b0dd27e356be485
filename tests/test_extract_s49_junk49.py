"""Junk and leaks in cards (session 49, junk49): a course index's table of its own pages with a status column, a slide deck's title slide, an opening that only says whose notation it
borrows, a journal's timed log lines and next-day list, a reading log's "what I did" sentences taken for lessons,
a block id closing a back, and a slide break left at a back's end. Notes of my own, written into tmp_path, read
back through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = false\nsections = true\n[review]\ntimezone = "UTC"\n'


def cards_of(tmp_path, notes: dict[str, str]) -> list[dict]:
    return json.loads(run(new_wiki(tmp_path, notes, CONFIG), "cards", "--json", ok=True).output)


def texts(cards: list[dict]) -> str:
    return "\n".join(c["front"] + "\n" + c["back"] for c in cards)


PAGE = """# Pottery glazes

## Crazing

Crazing is a web of fine cracks in a glaze, caused by the glaze shrinking more than the clay body on cooling.
"""

INDEX_STATUS = """# Ceramics course — my notes

## Sessions

| # | Page | What it covers | Status |
| --- | --- | --- | --- |
| 1 | [Clay bodies](w01-clay.md) | earthenware, stoneware, porcelain | finished |
| 2 | [Glazes](w02-glazes.md) | fluxes, silica, alumina, crazing | half there |
| 3 | [Firing](w03-firing.md) | bisque, cones, reduction atmosphere | started |
"""

EXPLAINING = """# Kilns

## Kinds

| kiln | heats by | suits |
|---|---|---|
| Electric | resistance coils in the walls | oxidation firings, steady results |
| Gas | burning propane or natural gas | reduction glazes such as celadon |
| Wood | burning wood over days | ash glazes with flashing marks |
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


INDEX = NOTES.add({
    "index.md": INDEX_STATUS,
    "w02-glazes.md": PAGE
})


def test_a_table_of_the_notes_own_pages_with_their_status_makes_no_card(shared):
    cards = shared.cards(INDEX)
    said = texts(cards)
    assert "half there" not in said and "bisque, cones" not in said and "w01-clay" not in said
    assert any("shrinking more than the clay body" in c["back"] for c in cards)


KILNS = NOTES.add({"kilns.md": EXPLAINING})


def test_a_table_of_named_things_still_makes_its_row_cards(shared):
    cards = shared.cards(KILNS)
    assert any("celadon" in c["back"] for c in cards)


DECK = """---
marp: true
paginate: true
---

<!-- _class: lead -->

# Sourdough starters

*Wild Yeast in the Home Kitchen* — Baker, Miller & Stone (Bread Symposium 2019)

---

## Feeding ratio

- A 1:1:1 feed (starter, flour, water by weight) peaks in about six hours at room temperature
- A stiffer starter ferments more slowly and tastes more acidic

---

## Hooch

The grey liquid on an unfed starter is alcohol from yeast that ran out of food, not mould.

---

## Float test

A spoonful of ripe starter floats because trapped carbon dioxide makes it lighter than water.
"""

AGENDA_DECK = DECK.replace("*Wild Yeast in the Home Kitchen* — Baker, Miller & Stone (Bread Symposium 2019)",
                           "Ratios · Smells · Rising · Keeping it alive")


STARTERS = NOTES.add({"starters.md": DECK})


def test_a_decks_title_slide_makes_no_card_and_its_slides_do(shared):
    cards = shared.cards(STARTERS)
    said = texts(cards)
    assert "Bread Symposium" not in said
    assert "ran out of food" in said and "carbon dioxide" in said


STARTERS_2 = NOTES.add({"starters.md": AGENDA_DECK})


def test_a_decks_agenda_title_slide_makes_no_card(shared):
    said = texts(shared.cards(STARTERS_2))
    assert "Ratios · Smells" not in said and "ran out of food" in said


HOOCH = NOTES.add({
    "hooch.md": (
        "# Hooch\n\nHooch is the alcohol an unfed starter gives off once its yeast runs out of flour.\n\n---\n\n" \
        "## Pouring it off\n\nPour the hooch off for a milder bread, or stir it back in for a sharper one.\n")
})


def test_a_note_whose_opening_is_one_rule_and_no_deck_keeps_its_card(shared):
    said = texts(shared.cards(HOOCH))
    assert "yeast runs out of flour" in said


PROOFING = NOTES.add({
    "proofing.md": (
        "# Proofing times, by step\n\nNotation from [the starter deck](starters.md).\n\n## Bulk\n\n" \
        "Bulk fermentation ends when the dough has grown by about half and its surface is domed.\n"),
    "starters.md": DECK
})


def test_a_notation_pointer_opening_makes_no_card(shared):
    cards = shared.cards(PROOFING)
    assert not any("Notation from" in c["back"] for c in cards)
    assert any("grown by about half" in c["back"] for c in cards)


def test_a_slide_break_is_not_left_at_the_end_of_a_back(tmp_path):
    deck = DECK.replace("## Feeding ratio\n\n", "## Feeding ratio\n\n$$\nr = \\frac{m_{flour}}{m_{starter}}\n$$\n\n")
    deck = deck.replace("- A stiffer starter ferments more slowly and tastes more acidic\n",
                        "- A stiffer starter ferments more slowly and tastes more acidic\n"
                        "- Worked ratios in [my feeding sheet](../feeding.md)\n")
    cards = cards_of(tmp_path, {"starters.md": deck})
    assert cards and not any(c["back"].rstrip().endswith("---") for c in cards)


JOURNAL = r"""---
title: '2031-05-06'
---

## Log

- 09:00–10:30 reread the chapter on lamination and redid the fold diagrams.
- afternoon: baked the croissant batch from the [[lamination]] note, butter leaked at the edges.

## What went wrong

Why: butter warmer than the dough turns soft and smears instead of staying a sheet. The rule of thumb is a target
temperature for the butter block:

$$
T_{butter} \approx T_{dough} + 2^\circ C
$$

where $T_{dough} = \max_k t_k$ over the probe readings $t_k$ — taking the warmest reading means the butter is never colder
than the dough around it, so it bends without cracking (and without smearing). ^warm-butter

## Tomorrow

- [ ] try a colder rest between folds
"""


N2031_05_06 = NOTES.add({"journal/2031-05-06.md": JOURNAL})


def test_a_journals_timed_log_lines_and_next_day_list_make_no_card(shared):
    cards = shared.cards(N2031_05_06)
    said = texts(cards)
    assert "croissant batch" not in said and "colder rest" not in said


N2031_05_06_2 = NOTES.add({"journal/2031-05-06.md": JOURNAL})


def test_a_block_id_closing_a_line_is_not_shown(shared):
    cards = shared.cards(N2031_05_06_2)
    kept = [c for c in cards if "bends without cracking" in c["back"]]
    assert kept and not any("^warm-butter" in c["back"] for c in kept)


READING_LOG = """# Reading log

## Mar 3

Hamelman, *Bread*. Chapter 2 twice. The hydration table is the one to keep — copied into [the sheet](sheet.md).
Skimmed the Reinhart chapter from the same year — the same cold-retard idea.

## Mar 10

Crust colour. Maillard reactions need dry surface heat, so steam early and vent late gives a thin glossy crust.
"""


READING_LOG_2 = NOTES.add({"reading-log.md": READING_LOG})


def test_a_reading_logs_sentence_of_what_was_done_is_no_lesson(shared):
    said = texts(shared.cards(READING_LOG_2))
    assert "Skimmed the Reinhart" not in said
