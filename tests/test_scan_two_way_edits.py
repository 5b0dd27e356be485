"""Edits keep histories in both directions (issue 24.8): editing either side of a two-way (`:::`) card keeps both
cards' ids and reviews, as small edits of one-way cards and clozes already do."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from anki_world import make_wiki, review_due
from conftest import write
from mlwiki.config import load_config
from mlwiki.scan.sync import open_synced

START = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)
TWO_WAY = "Precision ::: TP / (TP + FP)"
NOTE = f"""# Metrics

{TWO_WAY}

Q: What does recall measure?
A: The share of actual positives found.

The {{{{c1::gradient}}}} points {{{{c2::uphill}}}}.
"""
EDITS = {
    "two-way back": ("TP / (TP + FP)", "TP / (TP + FP), the share of predicted positives that are right"),
    "two-way front": ("Precision :::", "Precision (positive predictive value) :::"),
    "two-way both, small": (TWO_WAY, "Precision ::: TP / (TP + FP) "),
    "two-way both": (TWO_WAY, "Precisions ::: TP/(TP + FP)"),
    "question": ("What does recall measure?", "What does recall measure, exactly?"),
    "answer": ("The share of actual positives found.", "The share of the actual positives that are found."),
    "question and answer": ("measure?\nA: The share", "measure, exactly?\nA: The whole share"),
    "cloze text": ("points", "always points"),
}


def histories(root) -> dict[str, int]:
    """Live card id → how many reviews the log holds for it, and the number of retired cards."""
    store, _ = open_synced(load_config(root), START + timedelta(days=3), progress=False)
    with store:
        live = {r[0]: r[1] for r in store.query("SELECT c.id, count(r.id) FROM cards c LEFT JOIN reviews r "
                                                 "ON r.card_id = c.id WHERE c.retired = 0 GROUP BY c.id")}
        retired = store.query("SELECT count(*) FROM cards WHERE retired = 1")[0][0]
    return live, retired


@pytest.mark.parametrize("name", sorted(EDITS))
def test_an_edit_keeps_every_cards_history(tmp_path, name):
    root = make_wiki(tmp_path / "wiki")
    write(root, "notes/memory.md", NOTE)
    review_due(root, START, lambda card: 3)
    review_due(root, START + timedelta(days=1), lambda card: 3)
    before, _ = histories(root)
    assert len(before) == 5 and all(count >= 2 for count in before.values())
    old, new = EDITS[name]
    write(root, "notes/memory.md", NOTE.replace(old, new, 1))
    after, retired = histories(root)
    assert retired == 0
    assert after == before  # the same ids, each with all its reviews


def test_after_an_edit_the_session_shows_the_card_as_it_is_now_and_records_the_rating_on_it(tmp_path):
    from mlwiki.review.queue import Filters
    from mlwiki.review.session import ReviewSession
    from mlwiki.scan.sync import scan

    root = make_wiki(tmp_path / "wiki")
    write(root, "notes/memory.md", NOTE)
    review_due(root, START, lambda card: 3)
    config = load_config(root)
    when = START + timedelta(days=60)  # every card due
    store, _ = open_synced(config, when, progress=False)
    with store:
        session = ReviewSession(store, config, lambda: when, Filters())
        while session.current is not None and session.current.kind != "reverse":
            session.bury()  # one card of a note a day: bury the others, then the reverse card comes
            session.reload()
        shown = session.current
        assert shown is not None and shown.front == "TP / (TP + FP)"
        write(root, "notes/memory.md", NOTE.replace("TP / (TP + FP)", "TP / (TP + FP), the precision"))
        scan(store, config, when)  # what `e` does after the editor closes
        session.reload(keep_current=True)
        assert session.current.id == shown.id and session.current.front == "TP / (TP + FP), the precision"
        session.answer(4)
        last = store.query("SELECT card_id, rating FROM reviews ORDER BY id DESC LIMIT 1")[0]
        assert (last["card_id"], last["rating"]) == (shown.id, 4)
        assert store.query("SELECT count(*) FROM cards WHERE retired = 1")[0][0] == 0
