"""Answering a card: append the review to the log and update the card's cached state in one transaction, undo it
exactly, and the flags a learner sets during review (suspend, bury, drop) or after it (unsuspend, undrop).

The log is the source of truth. Each answer appends one row (card, UTC time, rating, duration, content hash,
scheduler settings) and updates the card's cached state in the same transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from mlwiki.errors import MlwikiError
from mlwiki.models import CardState
from mlwiki.review.columns import review_values, state_values
from mlwiki.review.replay import rebuild_cards
from mlwiki.review.intervals import DayPicker
from mlwiki.review.schedule import Scheduler
from mlwiki.store.db import Store, utc_iso
from mlwiki.store.reviews import (STATE_COLUMNS, add_event, append_review, card_for_answer, drop_last_event,
                                  drop_review, flags, mark_leech, resolve_card_ids, restore_state, save_settings,
                                  set_flags, set_replayed_state, undrop_cards, unsuspend_cards)


@dataclass(frozen=True)
class Answer:
    """What recording an answer did, so it can be undone exactly."""

    review_id: int
    card_id: str
    before: dict  # the card row's scheduling columns before the answer
    leech: bool
    calendar: object = None  # the scheduler's study days, to replay the card when its log changed meanwhile


def record_answer(store: Store, scheduler: Scheduler, card_id: str, rating: int, when: datetime,
                  duration_ms: int, leech_threshold: int, picker: DayPicker | None = None) -> Answer:
    """Append a review and update the card, in one committed transaction. Returns what undo needs. `picker`
    chooses a review card's day (the load balancer; default the seeded fuzz): the row keeps the due it chose."""
    with store.write() as conn:
        row = card_for_answer(conn, card_id)
        if row is None:
            raise MlwikiError(f"card {card_id} is not in the database")
        before = {c: row[c] for c in STATE_COLUMNS}
        state = CardState.from_row(row)
        after = scheduler.review(card_id, state, rating, when, picker)
        save_settings(conn, scheduler.id, json.dumps(scheduler.data, sort_keys=True))
        review_id = append_review(conn, review_values(card_id, when, rating, duration_ms, row["content_hash"],
                                                          scheduler.id, state, after))
        leech = rating == 1 and after.lapses > state.lapses and after.lapses >= leech_threshold \
            and not row["leech"]
        set_replayed_state(conn, card_id, state_values(after))
        if leech:
            mark_leech(conn, card_id, utc_iso(when), f"{after.lapses} lapses")
        return Answer(review_id, card_id, before, leech, scheduler.calendar)


def undo_answer(store: Store, answer: Answer) -> None:
    """Remove the review row and restore the card's columns as they were, then replay its schedule from the log in
    the same transaction (another process may have added reviews of the card meanwhile: an `anki pull`)."""
    with store.write() as conn:
        drop_review(conn, answer.review_id)
        if answer.leech:
            drop_last_event(conn, answer.card_id, "leech")
        restore_state(conn, answer.card_id, answer.before)
        if answer.calendar is not None:
            rebuild_cards(store, conn, {answer.card_id}, answer.calendar)


# What each flag action writes: suspend and drop take the card out of every queue until taken back (a dropped
# card is suspended too); bury hides it until a time.
FLAG_ACTIONS = {"suspend": {"suspended": 1}, "drop": {"suspended": 1, "dropped": 1}, "bury": {}}


def set_flag(store: Store, card_id: str, action: str, when: datetime, until: datetime | None = None) -> dict:
    """Suspend, drop ("not a card") or bury a card, recorded as an event. Returns the previous flags, for undo."""
    with store.write() as conn:
        before = flags(conn, card_id)
        values = dict(FLAG_ACTIONS[action])
        if action == "bury":
            values["buried_until"] = utc_iso(until)
        set_flags(conn, card_id, values)
        # a bury keeps its end in the event, so a log import can bury the card again
        add_event(conn, card_id, utc_iso(when), action, utc_iso(until) if action == "bury" else "")
    return before


def restore_flags(store: Store, card_id: str, before: dict) -> None:
    """Undo `set_flag`."""
    with store.write() as conn:
        set_flags(conn, card_id, before)
        drop_last_event(conn, card_id)


def unsuspend(store: Store, ids: list[str], when: datetime) -> list[str]:
    """Unsuspend cards (leeches included), recorded as 'unsuspend' events. Every id must name a card — the id
    `mlwiki cards` shows, or an old id of an edited card — else nothing changes. Returns the ids unsuspended."""
    return unsuspend_cards(store, _named_cards(store, ids, "`mlwiki cards`", "unsuspended"), utc_iso(when))


def undrop(store: Store, ids: list[str], when: datetime) -> list[str]:
    """Bring cards marked "not a card" back to the queue, recorded as 'undrop' events; ids as for `unsuspend`
    (every one must name a card, else nothing changes). Returns the ids undropped."""
    return undrop_cards(store, _named_cards(store, ids, "`mlwiki cards --dropped`", "undropped"), utc_iso(when))


def _named_cards(store: Store, ids: list[str], listing: str, done: str) -> list[str]:
    """The card ids `ids` name (current or old ids); raises, naming the unknown ones, when any names no card."""
    found = resolve_card_ids(store, ids)
    unknown = [given for given in ids if given not in found]
    if unknown:
        raise MlwikiError(f"no card has the id {', '.join(unknown)} (see {listing}); nothing {done}")
    return list(found.values())
