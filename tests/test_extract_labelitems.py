"""Heading-only cards over a list of statements (issue 23) one of which opens on a label of its own ("- benchmark
sizes: …", "- fix: …"): the labelled item becomes a card "path › label", the statements stay on the
heading's card with its id. A list of mostly labelled items (the members the heading asks for), a heading that asks
for the list ("Limitations", "Why …") and a numbered list stay one card. Notes of my own, through the CLI or the
extract API."""

from __future__ import annotations

import pytest


from mlwiki.extract.label_items import split_label_items
from conftest import DEFAULT_CONFIG
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nsections = true\n[review]\ntimezone = "UTC"\n'

def _under(cards: dict[str, str], path: str) -> str:
    """The backs of the cards under a heading: its own card's and, for a list of claims, each item's (session 47:
    one card per item, the others shown on its front)."""
    return "\n".join(back for front, back in cards.items() if front.split("\n\n", 1)[0] == path)


LIST = ("- each worker keeps its own copy of the embedding table and syncs it lazily\n"
        "- benchmark sizes: 8 workers, 64 shards, batch 512\n"
        "- stale rows cost little accuracy in practice, as rare ids are seldom updated\n")


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


SHARDING = NOTES.add({"Sharding.md": "# Sharding\n\n## Lazy sync\n\n" + LIST})


def test_a_labelled_item_among_statements_is_a_card_of_its_own(shared):
    cards = shared.backs_by_front(SHARDING)
    label = "Sharding › Lazy sync › benchmark sizes"
    assert label in cards, cards
    assert cards[label].startswith("benchmark sizes: 8 workers"), cards
    assert "benchmark sizes" not in _under(cards, "Sharding › Lazy sync"), cards
    assert "stale rows cost little" in _under(cards, "Sharding › Lazy sync"), cards


def test_a_list_the_heading_asks_for_stays_one_card():
    assert split_label_items("Sharding › Limitations", LIST) is None
    assert split_label_items("Sharding › Why lazy", LIST) is None
    numbered = "".join(f"{k}. {line[2:]}\n" for k, line in enumerate(LIST.splitlines(), 1))
    assert split_label_items("Sharding › Lazy sync", numbered) is None


def test_a_list_of_mostly_labelled_items_is_the_members_the_heading_asks_for():
    members = ("- warm-up: raise the rate linearly over the first thousand steps\n"
               "- decay: cosine down to a tenth of the peak rate\n"
               "- the peak rate itself is tuned on a small proxy model first\n")
    assert split_label_items("Schedules › One cycle", members) is None


BOOSTING = NOTES.add({
    "Boosting.md": (
        "# Boosting\n\n## Timeline\n\n- 1989 Kearns and Valiant ask whether a weak learner can be boosted\n"
        "- 1990 Schapire: yes, the strength of weak learnability\n- 1997 Freund and Schapire publish AdaBoost\n"
        "- 2001 Friedman: the gradient boosting machine\n")
}, config=DEFAULT_CONFIG)


def test_a_timeline_stays_one_card(shared):
    """Items that open on a year are a sequence, one answer: "- 1990 Schapire: yes — …" is no label of a fact."""
    cards = shared.backs_by_front(BOOSTING)
    assert not any("1990 Schapire" in front or "2001 Friedman" in front for front in cards), cards
    assert "1990 Schapire" in cards.get("Boosting › Timeline", ""), cards
