"""Replaying the log: rebuild cards' cached schedules from their reviews (after an import, a pull from Anki or an
upgrade of the scheduling rule), and find cards whose cached schedule differs from a replay.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone

from mlwiki.config import Config
from mlwiki.errors import MlwikiError
from mlwiki.models import CardState, Problem, Severity
from mlwiki.review.answering import review_values, state_values
from mlwiki.review.schedule import Scheduler, replay, replay_steps, same_state
from mlwiki.store.anki_history import update_review_steps
from mlwiki.store.db import REPLAY_PENDING, Store
from mlwiki.review.reschedule import with_reschedules
from mlwiki.store.reviews import reschedules_by_card, reviews_by_card, scheduled_cards, set_replayed_state, settings_json
from mlwiki.studyday import StudyCalendar


def scheduler_lookup(store: Store, calendar: StudyCalendar):
    """settings id → Scheduler (on the learner's study days), cached, for replays across settings changes."""
    cache: dict[str, Scheduler] = {}

    def get(sid: str) -> Scheduler:
        if sid not in cache:
            text = settings_json(store, sid)
            if text is None:
                raise MlwikiError(f"review log names unknown scheduler settings {sid}")
            cache[sid] = Scheduler(json.loads(text), calendar)
        return cache[sid]

    return get


def verify_replay(store: Store, calendar: StudyCalendar) -> list[str]:
    """Ids of cards whose cached state is not what replaying their log gives."""
    lookup = scheduler_lookup(store, calendar)
    bad = []
    reviews = reviews_by_card(store)
    moved = reschedules_by_card(store)
    for card in scheduled_cards(store):
        expected = with_reschedules(replay(lookup, card["id"], reviews.get(card["id"], [])), moved.get(card["id"], []))
        if not same_state(expected, CardState.from_row(card)):
            bad.append(card["id"])
    return bad


def database_problems(store: Store, config: Config, scanned: list[Problem]) -> list[Problem]:
    """The database half of `mlwiki check`: re-link ambiguities among the problems of the scan that opened
    `store`, and cards whose cached state differs from a replay of the log."""
    found = [p for p in scanned if p.code == "ambiguous-relink"]
    for card_id in verify_replay(store, StudyCalendar.from_settings(config.review)):
        found.append(Problem(config.relative(config.db_path), None,
                             f"card {card_id}: cached schedule differs from a replay of its review log",
                             Severity.ERROR, "replay"))
    return found


def rebuild_cards(store: Store, conn, card_ids: set[str], calendar: StudyCalendar) -> int:
    """Replay the logs of `card_ids` in time order (reviews pulled from Anki interleave with mlwiki's) into
    the cards' cached states and each review's state columns, inside the caller's write transaction."""
    lookup = scheduler_lookup(store, calendar)
    steps: list[tuple] = []
    count = 0
    moved = reschedules_by_card(store, card_ids)
    for card_id, rows in reviews_by_card(store, card_ids).items():
        state = CardState()
        for row, before, state in replay_steps(lookup, card_id, rows):
            when = datetime.fromisoformat(row["reviewed_at"]).astimezone(timezone.utc)
            v = review_values(card_id, when, row["rating"], 0, "", "", before, state)  # one rule for the columns
            steps.append((v["state_before"], v["state"], v["step"], v["stability"], v["difficulty"], v["due"],
                          v["elapsed_days"], v["scheduled_days"], row["id"]))
        count += set_replayed_state(conn, card_id, state_values(with_reschedules(state, moved.get(card_id, []))))
    update_review_steps(conn, steps)
    return count


@dataclass(frozen=True)
class Rebuilt:
    """What replaying the whole log did: cards replayed, how many of their due times changed, and cards left as
    they were because their reviews name settings the database lacks."""

    cards: int
    moved: int
    skipped: int = 0


def rebuild_states(store: Store, calendar: StudyCalendar, done_meta: str | None = None) -> Rebuilt:
    """Replay the log into the cards' cached states (after an import, or an upgrade of the scheduling rule);
    `done_meta` names a meta key to delete in the same transaction. The log itself is not touched. With
    `done_meta` (an upgrade), a card whose reviews name unknown settings keeps its cached state (counted in
    `skipped`) instead of stopping the command."""
    lookup = scheduler_lookup(store, calendar)
    reviews = reviews_by_card(store)
    moves = reschedules_by_card(store)
    old_due = {row["id"]: row["due"] for row in scheduled_cards(store)}
    with store.write() as conn:
        count = moved = skipped = 0
        for card_id, rows in reviews.items():
            try:
                state = with_reschedules(replay(lookup, card_id, rows), moves.get(card_id, []))
            except MlwikiError:
                if not done_meta:
                    raise
                skipped += 1
                continue
            values = state_values(state)
            moved += card_id in old_due and old_due[card_id] != values[4]
            count += set_replayed_state(conn, card_id, values)
        if done_meta:
            store.delete_meta(done_meta)
    return Rebuilt(count, moved, skipped)


def replay_pending(store: Store, calendar: StudyCalendar) -> Rebuilt | None:
    """Finish an upgrade that changed the scheduling rule (store migration `006_replay_on_study_days`): replay every card from
    the log, once. None when no replay is pending."""
    if not store.meta(REPLAY_PENDING):
        return None
    return rebuild_states(store, calendar, done_meta=REPLAY_PENDING)
