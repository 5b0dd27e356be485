"""One fact said in two notes in other words (session 62): a hub's glossary, an index's cheat sheet or a summary
restating what a topic note says is marked a duplicate of the topic note's card (`mlwiki.scan.near_twins`). Every note
is written to one wiki in tmp_path, scanned once through the CLI (`cards --json`); each test reads its own notes'
cards; the last test edits its own wiki."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note, new_wiki, note_text, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def wiki(tmp_path_factory):
    """A wiki holding every note of this module, scanned once."""
    return new_wiki(tmp_path_factory.mktemp("dups62"), NOTES, CONFIG)


@pytest.fixture(scope="module")
def cards(wiki) -> list[dict]:
    """`mlwiki cards --json` of the module's wiki: the cards studied."""
    return json.loads(run(wiki, "cards", "--json", ok=True).output)


@pytest.fixture(scope="module")
def duplicates(wiki, cards) -> list[dict]:
    """`mlwiki cards --state duplicate --json`: the cards marked as another card's copy."""
    return json.loads(run(wiki, "cards", "--state", "duplicate", "--json", ok=True).output)


AUDIO_HUB = (
    "# Audio hub\n\nStart here; each topic has its own note.\n\n## Glossary\n\n"
    "- **mel scale** — pitch scale spaced so equal steps sound equally far apart → [[Mel spectrograms]]\n"
    "- **hop length** — samples between the starts of two analysis frames\n\n"
    "Q: What is the hop length of a spectrogram?\nA: Samples between the starts of two analysis frames.\n")
MEL = (
    "# Mel spectrograms\n\n## The mel scale\n\n"
    "The mel scale is a pitch scale spaced so that equal steps on it sound equally far apart to a listener.\n\n"
    "## Frames\n\n"
    "The hop length is the number of samples between the starts of two consecutive analysis frames.\n")
NOTES["audio/Audio hub.md"] = AUDIO_HUB
NOTES["audio/Mel spectrograms.md"] = MEL


def test_a_hub_glossary_restating_a_topic_note_is_studied_once(cards, duplicates):
    """A hub's glossary line says in fewer words what the topic note says (a link that only points the way aside):
    the learner studies the topic note's card; the glossary's card is marked a duplicate of it, so it keeps its id
    and history. A card the writer wrote as a card (Q:/A:) is never marked, whatever it repeats."""
    hub, mel = made_by_note(cards, "audio/Audio hub.md"), made_by_note(cards, "audio/Mel spectrograms.md")
    assert any("equal steps on it sound equally far apart" in back for back in mel.values())
    assert any("number of samples between the starts" in back for back in mel.values())
    assert "**mel scale**" not in note_text(hub) and "**hop length**" not in note_text(hub)
    marked = {c["back"].split(" — ")[0]: c for c in duplicates if c["source"]["path"] == "notes/audio/Audio hub.md"}
    assert set(marked) == {"**mel scale**", "**hop length**"}
    studied = {c["id"] for c in cards}
    assert all(c["duplicate_of"] in studied for c in marked.values())
    assert hub.get("What is the hop length of a spectrogram?") == "Samples between the starts of two analysis frames."


INDEX = (
    "# Optimisation index\n\n## Cheat sheet\n\n"
    "- **warmup**: raise a learning rate linearly over its first thousand steps and then decay it\n"
    "- **Beta variance**: $\\frac{\\alpha\\beta}{(\\alpha+\\beta)^2(\\alpha+\\beta+1)}$\n")
SCHEDULES = (
    "# Learning-rate schedules\n\n## Warmup\n\n"
    "- **warmup**: raise the learning rate linearly over the first thousand steps, then decay it\n"
    "- **Beta density**: $\\frac{x^{\\alpha-1}(1-x)^{\\beta-1}}{B(\\alpha,\\beta)}$\n")
NOTES["optim/index.md"] = INDEX
NOTES["optim/Learning-rate schedules.md"] = SCHEDULES


def test_the_same_words_in_an_index_and_a_topic_note_keep_the_topic_notes_card(cards, duplicates):
    """The same sentence (but for a filler word or two) under the index's "Cheat sheet" and under the topic note's
    own heading: the card whose
    headings name the fact ("Learning-rate schedules › Warmup") is studied. Two formulas that share their letters
    but not their form (a variance, a density) are two facts: both stay."""
    index, schedules = made_by_note(cards, "optim/index.md"), made_by_note(cards, "optim/Learning-rate schedules.md")
    assert "first thousand steps" in note_text(schedules) and "first thousand steps" not in note_text(index)
    assert [c["source"]["path"] for c in duplicates if "first thousand steps" in c["back"]] == ["notes/optim/index.md"]
    assert "\\alpha+\\beta+1" in note_text(index) and "B(\\alpha,\\beta)" in note_text(schedules)


def test_a_restatement_comes_back_with_its_id_when_the_topic_card_goes(tmp_path):
    """A restatement is only hidden: when the topic note stops saying the fact, the glossary's card is studied again,
    under the id it had (its reviews hang on it)."""
    root = new_wiki(tmp_path, {"Audio hub.md": AUDIO_HUB, "Mel spectrograms.md": MEL}, CONFIG)
    marked = json.loads(run(root, "cards", "--state", "duplicate", "--json", ok=True).output)
    ids = {c["id"] for c in marked if "**hop length**" in c["back"]}
    assert len(ids) == 1
    (root / "notes" / "Mel spectrograms.md").write_text(MEL.split("## Frames")[0], encoding="utf-8")
    run(root, "scan", ok=True)
    live = json.loads(run(root, "cards", "--json", ok=True).output)
    assert {c["id"] for c in live if "**hop length**" in c["back"]} == ids
