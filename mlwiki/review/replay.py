"""Replaying the log: rebuild cards' cached schedules from their reviews (after an import, a pull from Anki or an
upgrade of the scheduling rule), and find cards whose cached schedule differs from a replay.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from mlwiki.config import Config
from mlwiki.errors import MlwikiError
from mlwiki.models import RESET_RATING, CardState, Problem, Severity, State, utc_time
from mlwiki.review.columns import review_values, state_values
from mlwiki.review.reschedule_events import events_after, with_reschedules
from mlwiki.review.schedule import Scheduler, recorded_due, same_state
from mlwiki.store.anki_history import update_review_steps
from mlwiki.store.db import REPLAY_PENDING, Store
from mlwiki.store.reviews import (REVIEW_COLUMNS, add_review_rows, cards_by_id, reschedules_by_card, reviews_by_card,
                                  scheduled_cards, set_replayed_state, settings_json)
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


def log_steps(scheduler_for, card_id: str, reviews: list, start: CardState | None = None, moves=()):
    """Each row of a card's log with the state before and after it, from `start` (a new card by default);
    `moves`, the card's reschedule events (at, detail), apply before the first review made after each.

    Rating 0 is a reset pulled from Anki ("Forget"): the card starts afresh there, as Anki's FSRS does. A review
    made in Anki keeps the due date Anki gave it (`anki_ivl`, its revlog interval: Anki's own fuzz and load
    balancing), so mlwiki and Anki agree on when the card is due; one made here keeps its recorded due (the
    scheduler's `recorded_due`)."""
    state = start or CardState()
    previous = state.last_review
    for row in reviews:
        when = utc_time(row["reviewed_at"])
        for event in events_after(moves, previous, when) if moves else ():
            state = event.apply(state)
        previous = when
        before = state
        if row["rating"] == RESET_RATING:
            state = CardState()
        else:
            anki_ivl = (row["anki_ivl"] if "anki_ivl" in row.keys() else None) or 0
            state = scheduler_for(row["settings_id"]).review(card_id, state, row["rating"], when,
                                                             recorded_due=recorded_due(row),
                                                             given_days=anki_ivl if anki_ivl > 0 else None)
            if anki_ivl < 0:
                state = _at_anki_step(state, when, -anki_ivl)
        yield row, before, state


def _at_anki_step(state: CardState, when: datetime, seconds: int) -> CardState:
    """A (re)learning card answered in Anki, due when Anki's step (revlog ivl, in seconds) says; Anki's days for a
    review card went to the scheduler as `given_days`."""
    if state.state not in (State.LEARNING, State.RELEARNING):
        return state
    return CardState(state.state, state.step, state.stability, state.difficulty, when + timedelta(seconds=seconds),
                     state.last_review, state.reps, state.lapses)  # (dataclasses.replace costs more in a long pull)


def replay(scheduler_for, card_id: str, reviews: list, start: CardState | None = None, moves=()) -> CardState:
    """A card's state rebuilt from its review log (rows in time order) and its reschedule events, as `log_steps`
    replays it."""
    state = start or CardState()
    for _, _, state in log_steps(scheduler_for, card_id, reviews, start, moves):
        pass
    return with_reschedules(state, moves) if moves else state


def verify_replay(store: Store, calendar: StudyCalendar) -> list[str]:
    """Ids of cards whose cached state is not what replaying their log gives."""
    lookup = scheduler_lookup(store, calendar)
    bad = []
    reviews = reviews_by_card(store)
    moved = reschedules_by_card(store)
    for card in scheduled_cards(store):
        expected = replay(lookup, card["id"], reviews.get(card["id"], []), moves=moved.get(card["id"], []))
        if not same_state(expected, CardState.from_row(card)):
            bad.append(card["id"])
    return bad


def repair_drift(store: Store, calendar: StudyCalendar) -> list[str]:
    """Replay every card whose cached schedule differs from its log (`mlwiki check --repair`), found and rewritten
    inside one write transaction. Returns their ids."""
    with store.write() as conn:
        drifted = verify_replay(store, calendar)
        rebuild_cards(store, conn, set(drifted), calendar)
    return drifted


def database_problems(store: Store, config: Config, scanned: list[Problem]) -> list[Problem]:
    """The database half of `mlwiki check`: re-link ambiguities among the problems of the scan that opened
    `store`, and cards whose cached state differs from a replay of the log."""
    found = [p for p in scanned if p.code == "ambiguous-relink"]
    for card_id in verify_replay(store, StudyCalendar.from_settings(config.review)):
        found.append(Problem(config.relative(config.db_path), None,
                             f"card {card_id}: cached schedule differs from a replay of its review log "
                             "(`mlwiki check --repair` replays it)",
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
        for row, before, state in log_steps(lookup, card_id, rows, moves=moved.get(card_id, [])):
            steps.append(_step_columns(card_id, row, before, state))
        count += set_replayed_state(conn, card_id, state_values(with_reschedules(state, moved.get(card_id, []))))
    update_review_steps(conn, steps)
    return count


def add_reviews(store: Store, conn, new: list[dict], calendar: StudyCalendar) -> int:
    """Add reviews made elsewhere (dicts with the log's columns: card_id, reviewed_at, rating, duration_ms,
    content_hash, settings_id, source, anki_id, anki_ivl) and bring their cards up to date, inside the caller's
    write transaction. Each review is written once, with the scheduler's view before and after it.

    A card whose new reviews all come after its cached last review continues from its cached state (a pull of
    today's reviews replays only those); any other card is replayed from its whole log, the new reviews merged
    in by time (reviews from Anki that interleave with mlwiki's), and its older reviews' columns rewritten."""
    by_card: dict[str, list[dict]] = {}
    for review in sorted(new, key=lambda r: r["reviewed_at"]):
        by_card.setdefault(review["card_id"], []).append(review)
    cached = {row["id"]: CardState.from_row(row) for row in cards_by_id(conn, list(by_card))}
    moved = reschedules_by_card(store, list(by_card))  # (a cached due a reschedule moved is no replay's state)
    extend = {card_id for card_id, rows in by_card.items() if card_id in cached and card_id not in moved and
              cached[card_id].last_review is not None and
              datetime.fromisoformat(rows[0]["reviewed_at"]) > cached[card_id].last_review}
    older = reviews_by_card(store, set(by_card) - extend)
    lookup = scheduler_lookup(store, calendar)
    inserted: list[tuple] = []
    updates: list[tuple] = []
    count = 0
    for card_id, rows in by_card.items():
        start = cached[card_id] if card_id in extend else None
        merged = rows if start else sorted([*older.get(card_id, []), *rows], key=lambda r: (r["reviewed_at"],))
        state = start or CardState()
        for row, before, state in log_steps(lookup, card_id, merged, start, moved.get(card_id, [])):
            if isinstance(row, dict):
                values = review_values(card_id, datetime.fromisoformat(row["reviewed_at"]), row["rating"],
                                       row["duration_ms"], row["content_hash"], row["settings_id"], before, state)
                values.update(source=row["source"], anki_id=row["anki_id"], anki_ivl=row["anki_ivl"])
                inserted.append(tuple(values[c] for c in REVIEW_COLUMNS))
            else:
                updates.append(_step_columns(card_id, row, before, state))
        count += set_replayed_state(conn, card_id, state_values(with_reschedules(state, moved.get(card_id, []))))
    add_review_rows(conn, sorted(inserted, key=lambda row: row[1]))  # in time order: the indexes' order
    update_review_steps(conn, updates)
    return count


def _step_columns(card_id: str, row, before: CardState, state: CardState) -> tuple:
    """A review's state columns after a replay (the order `update_review_steps` takes)."""
    when = utc_time(row["reviewed_at"])
    v = review_values(card_id, when, row["rating"], 0, "", "", before, state)  # one rule for the columns
    return (v["state_before"], v["state"], v["step"], v["stability"], v["difficulty"], v["due"], v["elapsed_days"],
            v["scheduled_days"], row["id"])


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
                state = replay(lookup, card_id, rows, moves=moves.get(card_id, []))
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
