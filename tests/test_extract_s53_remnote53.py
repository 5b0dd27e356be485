"""RemNote outlines read as RemNote asks them (session 53): a descriptor (`label ;; value`) is asked with the rem it
describes, a `**Term** :: answer` rem is one card (not also a "Define:" copy), a heading rem ("# Setup") shows no
`#`, and a daily document's diary entries are no cards, its cards (a cloze too) kept, even when it is named by its
day as Roam names its pages. Notes written to tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

from conftest import backs_by_front, new_wiki
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

ASTRONOMY = (
    "- ##astronomy\n"
    "- # Distances\n"
    "    - **Parallax** :: the apparent shift of a near star against far ones as the earth orbits\n"
    "        - unit ;; the parsec, the distance at which the shift is one arcsecond\n"
    "        - limit ;; a few thousand parsecs from space telescopes\n"
    "    - Why does parallax shrink with distance? >> the angle falls like one over the distance\n"
    "- # Cepheids (pulsating giant stars, Leavitt 1912)\n"
    "    - period ;; days to weeks, longer for brighter stars\n"
    "    - Standard candle >> a source whose true brightness is known, so its distance follows from how dim it looks\n")

DIARY = (
    "- ##daily\n"
    "- 09:10 cafe, two hours on spectra\n"
    "    - finished the chapter on absorption lines\n"
    "- spectra notes, to move to their own page later\n"
    "    - Absorption lines appear when cool gas sits in front of a {{hotter source}}\n"
    "    - Why are the lines dark? >> the cool gas takes out exactly the wavelengths its atoms can absorb\n"
    "- Lunch with Sam, talked about the telescope trip\n"
    "- energy: low, slept badly\n")


def _made(tmp_path, notes: dict[str, str]) -> dict[str, str]:
    return backs_by_front(new_wiki(tmp_path, notes, CONFIG))


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


DISTANCES = NOTES.add({"Distances.md": ASTRONOMY})


def test_a_descriptor_is_asked_with_the_rem_it_describes(shared):
    """`unit ;; …` under "**Parallax** :: …" asks "Parallax › unit", not a bare "unit"; under a heading rem, the
    heading's name without its closing aside leads it."""
    made = shared.backs_by_front(DISTANCES)
    assert made["Parallax › unit"].startswith("the parsec")
    assert made["Parallax › limit"].startswith("a few thousand")
    assert made["Cepheids › period"].startswith("days to weeks")
    assert "unit" not in made and "period" not in made


DISTANCES_2 = NOTES.add({"Distances.md": ASTRONOMY})


def test_a_bold_term_card_is_not_also_a_definition(shared):
    """"**Parallax** :: …" is RemNote's (and mlwiki's) one card; it made a second "Define: Parallax" card too."""
    made = shared.backs_by_front(DISTANCES_2)
    assert made["**Parallax**"].startswith("the apparent shift")
    assert not [front for front in made if "Define: Parallax" in front]


DISTANCES_3 = NOTES.add({"Distances.md": ASTRONOMY})


def test_a_heading_rem_shows_no_hash(shared):
    """"- # Distances" is a rem RemNote shows as a heading: no card's front shows its `#`."""
    made = shared.backs_by_front(DISTANCES_3)
    assert not [front for front in made if "# " in front]


def test_a_daily_documents_diary_is_no_card_but_its_cards_are(tmp_path):
    """A `##daily` document's entries that hold no card (a plan, a mood, a lunch) make no cards; the cards written
    into it do, its cloze with its hidden words, also when the document is named by its day."""
    for name in ("Spectra day.md", "May 2nd, 2025.md"):
        made = _made(tmp_path / name.split()[0], {name: DIARY})
        text = "\n".join(made) + "\n" + "\n".join(made.values())
        for diary in ("cafe", "Lunch with Sam", "slept badly", "finished the chapter"):
            assert diary not in text, (name, diary)
        assert made["Absorption lines appear when cool gas sits in front of a [...]"] == "hotter source", name
        assert made["Why are the lines dark?"].startswith("the cool gas"), name
