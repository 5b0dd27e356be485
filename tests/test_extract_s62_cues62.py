"""A list item's blank that nothing it opens on cues (session 62): "- [...]" beside the list's other items says
nothing of which one is asked. Such an item is asked by a number it states, its other words the cue; an item whose
fact another card of the note asks is shown on its siblings' cards, not asked bare. Every note is written to one
wiki in tmp_path, scanned once through the CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note, new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("cues62"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


NOTES["queues.md"] = (
    "# Job queues\n\n## Throughput notes\n\n"
    "- ~10k jobs per second on one core with the default connection pool and no retries\n"
    "- batching the acknowledgements cuts the round trips by an order of magnitude, at the cost of redelivery "
    "after a crash\n"
    "- a plot of queue depth against the number of workers over a day = the saturation curve\n")


def test_an_uncued_item_is_asked_by_the_number_it_states(cards):
    """An item that opens on a number has no first words to cue it (they would show the answer): the number is
    hidden and the rest of the item says what it is of, where a bare "- [...]" asked nothing a learner could tell."""
    made = made_by_note(cards, "queues.md")
    asked = [front for front, back in made.items() if back.startswith("~10k jobs")]
    assert asked and all("\n- [...]\n" not in front for front in asked)
    assert "- [...] jobs per second on one core with the default connection pool and no retries" in asked[0]


NOTES["workers.md"] = (
    "# Worker pool\n\n## Storage\n\nThe queue keeps its jobs in Postgres under the hood.\n\n"
    "## Operational pitfalls\n\n"
    "- Postgres under the hood\n"
    "- long transactions hold row locks and stall every worker that polls the same table, so keep handlers short\n"
    "- a dead worker's leased jobs reappear only after the visibility timeout, which defaults to thirty seconds\n")


def test_an_uncued_item_whose_fact_another_card_asks_is_not_asked_bare(cards):
    """"- Postgres under the hood" has no cue of its own among the pitfalls, and the Storage card asks it already:
    it stays shown on its siblings' cards and gets no "- [...]" card; the other pitfalls are still asked."""
    made = made_by_note(cards, "workers.md")
    assert not any(back == "Postgres under the hood" for back in made.values())
    assert any("- Postgres under the hood\n" in front and back.startswith("long transactions") for front, back in
               made.items())
    assert "The queue keeps its jobs in Postgres under the hood." in made.values()
