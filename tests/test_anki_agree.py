"""Anki's card rows agree with the one history (issue 24.1, 24.3): a phone review not synced when the desk pushes
leaves the push's newer card row beside the phone's revlog row; pull + push find and rewrite it, through an
ordinary sync with Anki's own sync server on 127.0.0.1. And a review made in Anki keeps Anki's due date."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from anki_world import close_enough, make_wiki, memory_states, mlwiki_cards, review_due, run_json
from mlwiki.config import load_config
from mlwiki.studyday import StudyCalendar
from test_anki_syncserver import NORMAL_SYNC_OR_NONE, desk_and_phone, server, sync  # noqa: F401

anki_collection = pytest.importorskip("anki.collection")
Collection = anki_collection.Collection


def answer(path: Path, rating: int, limit: int | None = None) -> list[int]:
    """Answer cards of deck T in the collection at `path` (at the real time); their ids."""
    col = Collection(str(path))
    try:
        cids = col.find_cards("deck:T")[:limit]
        for cid in cids:
            card = col.get_card(cid)
            card.start_timer()
            col.sched.answer_card(col.sched.build_answer(card=card, states=col._backend.get_scheduling_states(cid),
                                                         rating=rating - 1))
        return list(cids)
    finally:
        col.close()


def stale(path: Path) -> list[int]:
    """Anki card ids whose stored memory state is not what Anki's own replay of the revlog gives."""
    return [s["cid"] for s in memory_states(path).values() if s["stability"] is not None and
            not close_enough(s["stability"], s["computed"][0])]


def agreement(root: Path, path: Path, now: datetime) -> tuple[int, int, int]:
    """(cards compared, cards within 1 % of Anki's compute_memory_state, cards due on the same study day)."""
    calendar = StudyCalendar.from_settings(load_config(root).review)
    cards = {c["id"]: c for c in mlwiki_cards(root, now).values()}
    import genanki

    from mlwiki.ankiformat.cards import anki_ords

    notes: dict[str, list] = {}
    for card in cards.values():
        notes.setdefault(card["note_id"], []).append(card)
    states = memory_states(path)
    compared = memory_ok = due_ok = 0
    for note_id, group in notes.items():
        for card_id, ord_ in anki_ords(sorted(group, key=lambda c: (c["ord"], c["grp"] or 0, c["id"]))).items():
            state, card = states.get((genanki.guid_for(note_id), ord_)), cards[card_id]
            if state is None or state["computed"][0] is None:
                continue
            compared += 1
            memory_ok += close_enough(card["stability"], state["computed"][0]) and \
                close_enough(state["stability"], state["computed"][0])
            due = datetime.fromisoformat(card["due"])
            if state["queue"] in (2, 3) or state["type"] == 2 and state["queue"] != 1:
                due_ok += calendar.days_until(due, now) + state["today"] == state["due"]
            else:  # learning queue: a time in seconds
                due_ok += abs(due.timestamp() - state["due"]) <= 300
    return compared, memory_ok, due_ok


@pytest.mark.slow
def test_a_phone_review_synced_after_a_push_is_repaired(tmp_path, server, monkeypatch):  # noqa: F811
    monkeypatch.setenv("ANKI_BASE", str(tmp_path / "no-anki-here"))
    root = make_wiki(tmp_path / "wiki")
    desk, phone = desk_and_phone(root, tmp_path, server)

    answer(phone, 1)  # every card back to a 1-minute step, on the phone
    assert sync(phone, server) in NORMAL_SYNC_OR_NONE and sync(desk, server) in NORMAL_SYNC_OR_NONE
    run_json(root, "anki", "pull", str(desk))
    unsynced = answer(phone, 1, limit=3)  # the phone answers again, and does not sync yet
    desk_time = datetime.now(timezone.utc) + timedelta(minutes=2)
    assert review_due(root, desk_time, lambda card: 3) > 0  # the desk studies the same cards ...
    pushed = run_json(root, "anki", "push", str(desk), now=desk_time)  # ... and pushes: newer card rows
    assert pushed["revlog_added"] > 0
    for _ in range(2):
        assert sync(desk, server) in NORMAL_SYNC_OR_NONE and sync(phone, server) in NORMAL_SYNC_OR_NONE
    assert set(stale(desk)) & set(unsynced)  # the harm: Anki's row says what its history does not

    dry = run_json(root, "anki", "push", str(desk), "--dry-run", now=desk_time)
    assert dry["waiting_for_pull"] == len(unsynced)  # mlwiki lacks the phone's answers: pull first
    pulled = run_json(root, "anki", "pull", str(desk), now=desk_time)
    assert pulled["reviews_added"] == len(unsynced)
    dry = run_json(root, "anki", "push", str(desk), "--dry-run", now=desk_time)
    assert dry["cards_repaired"] >= len(set(stale(desk)) & set(unsynced)) and dry["revlog_added"] == 0
    repaired = run_json(root, "anki", "push", str(desk), now=desk_time)
    assert repaired["cards_repaired"] == dry["cards_repaired"]
    for _ in range(2):
        assert sync(desk, server) in NORMAL_SYNC_OR_NONE and sync(phone, server) in NORMAL_SYNC_OR_NONE
    assert stale(desk) == [] and stale(phone) == []
    compared, memory_ok, due_ok = agreement(root, desk, desk_time)
    assert compared == 6 and memory_ok == compared and due_ok == compared
    assert run_json(root, "anki", "push", str(desk), "--dry-run", now=desk_time)["cards_updated"] == 0
