"""The review log: append an answer, undo it, replay it, export and import it.

The log is the source of truth. Each answer appends one row (card, UTC time, rating, duration, content hash,
scheduler settings) and updates the card's cached state in the same transaction.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from mlwiki.config import Config
from mlwiki.errors import MlwikiError
from mlwiki.models import Problem, Severity
from mlwiki.review.schedule import CardState, Scheduler, replay, replay_steps, same_state
from mlwiki.store import reviews as log
from mlwiki.store.db import REPLAY_PENDING, Store, utc_iso
from mlwiki.store.reviews import REVIEW_COLUMNS, STATE_COLUMNS
from mlwiki.studyday import StudyCalendar

LOG_FIELDS = ("card_id", "reviewed_at", "rating", "duration_ms", "content_hash", "settings")
# Written after LOG_FIELDS and optional on import (older exports lack them): where each review was made and its
# Anki revlog id, so a pull after an import does not add Anki's reviews a second time.
SYNC_FIELDS = ("source", "anki_id")


@dataclass(frozen=True)
class Answer:
    """What recording an answer did, so it can be undone exactly."""

    review_id: int
    card_id: str
    before: dict  # the card row's scheduling columns before the answer
    leech: bool


def _state_values(state: CardState) -> tuple:
    return (state.state, state.step, state.stability, state.difficulty,
            utc_iso(state.due) if state.due else None,
            utc_iso(state.last_review) if state.last_review else None, state.reps, state.lapses)


def scheduler_lookup(store: Store, calendar: StudyCalendar):
    """settings id → Scheduler (on the learner's study days), cached, for replays across settings changes."""
    cache: dict[str, Scheduler] = {}

    def get(sid: str) -> Scheduler:
        if sid not in cache:
            text = log.settings_json(store, sid)
            if text is None:
                raise MlwikiError(f"review log names unknown scheduler settings {sid}")
            cache[sid] = Scheduler(json.loads(text), calendar)
        return cache[sid]

    return get


def record_answer(store: Store, scheduler: Scheduler, card_id: str, rating: int, when: datetime,
                  duration_ms: int, leech_threshold: int) -> Answer:
    """Append a review and update the card, in one committed transaction. Returns what undo needs."""
    with store.write() as conn:
        row = log.card_for_answer(conn, card_id)
        if row is None:
            raise MlwikiError(f"card {card_id} is not in the database")
        before = {c: row[c] for c in STATE_COLUMNS}
        state = CardState.from_row(row)
        after = scheduler.review(card_id, state, rating, when)
        log.save_settings(conn, scheduler.id, json.dumps(scheduler.data, sort_keys=True))
        review_id = log.append_review(conn, review_values(card_id, when, rating, duration_ms, row["content_hash"],
                                                          scheduler.id, state, after))
        leech = rating == 1 and after.lapses > state.lapses and after.lapses >= leech_threshold \
            and not row["leech"]
        log.set_replayed_state(conn, card_id, _state_values(after))
        if leech:
            log.mark_leech(conn, card_id, utc_iso(when), f"{after.lapses} lapses")
        return Answer(review_id, card_id, before, leech)


def review_values(card_id: str, when: datetime, rating: int, duration_ms: int, content_hash: str,
                  settings_id: str, state: CardState, after: CardState) -> dict:
    """The review row of an answer: what was answered, and the scheduler's view before and after it (a reset,
    rating 0, leaves no due date)."""
    elapsed = (when - state.last_review).total_seconds() / 86400 if state.last_review else 0.0
    return {"card_id": card_id, "reviewed_at": utc_iso(when), "rating": rating, "duration_ms": duration_ms,
            "content_hash": content_hash, "settings_id": settings_id, "state_before": state.state,
            "state": after.state, "step": after.step, "stability": after.stability, "difficulty": after.difficulty,
            "due": utc_iso(after.due) if after.due else None, "elapsed_days": elapsed,
            "scheduled_days": (after.due - when).total_seconds() / 86400 if after.due else None}


def undo_answer(store: Store, answer: Answer) -> None:
    """Remove the review row and restore the card's columns exactly as they were."""
    with store.write() as conn:
        log.drop_review(conn, answer.review_id)
        if answer.leech:
            log.drop_last_event(conn, answer.card_id, "leech")
        log.restore_state(conn, answer.card_id, answer.before)


def set_flag(store: Store, card_id: str, action: str, when: datetime, until: datetime | None = None) -> dict:
    """Suspend or bury a card (recorded as an event). Returns the previous flags, for undo."""
    with store.write() as conn:
        before = log.flags(conn, card_id)
        if action == "suspend":
            log.set_flags(conn, card_id, 1, before["buried_until"])
        else:
            log.set_flags(conn, card_id, before["suspended"], utc_iso(until))
        # a bury keeps its end in the event, so a log import can bury the card again
        log.add_event(conn, card_id, utc_iso(when), action, utc_iso(until) if action == "bury" else "")
    return before


def restore_flags(store: Store, card_id: str, before: dict) -> None:
    """Undo `set_flag`."""
    with store.write() as conn:
        log.set_flags(conn, card_id, before["suspended"], before["buried_until"])
        log.drop_last_event(conn, card_id)


def verify_replay(store: Store, calendar: StudyCalendar) -> list[str]:
    """Ids of cards whose cached state is not what replaying their log gives."""
    lookup = scheduler_lookup(store, calendar)
    bad = []
    reviews = log.reviews_by_card(store)
    for card in log.scheduled_cards(store):
        expected = replay(lookup, card["id"], reviews.get(card["id"], []))
        if not same_state(expected, CardState.from_row(card)):
            bad.append(card["id"])
    return bad


def database_problems(config: Config, now: datetime) -> list[Problem]:
    """Re-link ambiguities recorded by scans, and cards whose cached state differs from a replay of the log."""
    from mlwiki.scan.sync import open_synced

    store, report = open_synced(config, now)
    with store:
        found = [p for p in report.problems if p.code == "ambiguous-relink"]
        for card_id in verify_replay(store, StudyCalendar.from_settings(config.review)):
            found.append(Problem(config.relative(config.db_path), None,
                                 f"card {card_id}: cached schedule differs from a replay of its review log",
                                 Severity.ERROR, "replay"))
    return found


# --- unsuspend -------------------------------------------------------------------------------------------


def unsuspend(store: Store, ids: list[str], when: datetime) -> list[str]:
    """Unsuspend cards (leeches included), recorded as 'unsuspend' events. Every id must name a card — the id
    `mlwiki cards` shows, or an old id of an edited card — else nothing changes. Returns the ids unsuspended."""
    found = log.resolve_card_ids(store, ids)
    unknown = [given for given in ids if given not in found]
    if unknown:
        raise MlwikiError(f"no card has the id {', '.join(unknown)} (see `mlwiki cards`); nothing unsuspended")
    return log.unsuspend_cards(store, list(found.values()), utc_iso(when))


# --- export and import ------------------------------------------------------------------------------------
# A log file holds every review and every card event (suspend, unsuspend, bury, leech …), so an import into a
# fresh wiki gives each card its schedule, its flags and its review history back. In CSV an event is a row with
# `event` set and no rating; in JSON Lines it is a record with an "event" key. Files from before events were
# written (no `event` column) import as reviews only.

EVENT_FIELDS = ("event", "detail")


def export_log(store: Store, target: Path, fmt: str) -> int:
    """Write every review and card event as CSV or JSON Lines (settings inline). Returns the review count."""
    settings = log.all_settings(store)
    rows = log.log_rows(store)
    events = log.event_rows(store)
    with open(target, "w", encoding="utf-8", newline="") as out:
        if fmt == "csv":
            writer = csv.writer(out)
            writer.writerow(LOG_FIELDS + SYNC_FIELDS + EVENT_FIELDS)
            writer.writerows((r["card_id"], r["reviewed_at"], r["rating"], r["duration_ms"], r["content_hash"],
                              settings[r["settings_id"]], r["source"], r["anki_id"], "", "") for r in rows)
            writer.writerows((e["card_id"], e["at"], "", "", "", "", "", "", e["action"], e["detail"])
                             for e in events)
            return len(rows)
        for r in rows:
            record = dict(zip(LOG_FIELDS + SYNC_FIELDS, (r["card_id"], r["reviewed_at"], r["rating"], r["duration_ms"],
                                                         r["content_hash"], json.loads(settings[r["settings_id"]]),
                                                         r["source"], r["anki_id"])))
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        for e in events:
            record = {"card_id": e["card_id"], "at": e["at"], "event": e["action"], "detail": e["detail"]}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(rows)


def _read_log(source: Path) -> tuple[list[dict], list[dict]]:
    """(reviews, events) of a log file, each a list of dicts in file order."""
    text = source.read_text(encoding="utf-8")
    reviews, events = [], []
    if source.suffix.lower() == ".csv" or text.startswith(",".join(LOG_FIELDS)):
        for n, record in enumerate(csv.DictReader(text.splitlines()), start=2):
            if record.get("event"):
                events.append({"card_id": record["card_id"], "at": record["reviewed_at"],
                               "event": record["event"], "detail": record.get("detail") or "", "line": n})
            else:
                reviews.append({**record, "settings": json.loads(record["settings"]), "line": n})
    else:
        for n, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                record = {**json.loads(line), "line": n}
                (events if "event" in record else reviews).append(record)
    for record in reviews:
        _require(record, LOG_FIELDS, source)
    for record in events:
        _require(record, ("card_id", "at", "event"), source)
    return reviews, events


def _require(record: dict, fields: tuple[str, ...], source: Path) -> None:
    missing = [f for f in fields if record.get(f) is None]
    if missing:
        raise MlwikiError(f"record lacks {', '.join(missing)}", path=str(source), line=record["line"])


def import_log(store: Store, source: Path, calendar: StudyCalendar) -> tuple[int, int]:
    """Load a log into a database that has no reviews yet: every review with the scheduler's view before and after
    it (as answering recorded it), every event, and each card's schedule and flags rebuilt from them.

    Returns (reviews imported, cards rebuilt). Reviews of cards not in the notes are kept in the log.
    """
    if log.review_count(store):
        raise MlwikiError("the database already holds reviews; import into an empty one "
                          "(move .mlwiki away first — or `mlwiki backup` it)")
    try:
        records, events = _read_log(source)
        settings = {}
        for record in records:
            scheduler = Scheduler(record["settings"], calendar)
            settings[scheduler.id] = json.dumps(record["settings"], sort_keys=True)
            record["settings_id"] = scheduler.id
            record["rating"] = int(record["rating"])
            if record["rating"] not in (0, 1, 2, 3, 4):  # 0: a reset pulled from Anki
                raise ValueError(f"line {record['line']}: rating {record['rating']} is not 0-4")
        records.sort(key=lambda record: _when(record["reviewed_at"]))  # replay in time order (stable)
        reviews, states = _replayed_reviews(records, _scheduler_lookup_from(settings, calendar))
        flags = _replayed_flags(events)
    except (ValueError, KeyError, TypeError) as exc:
        raise MlwikiError(f"not a review log export ({exc})", path=str(source)) from None
    cards = {}
    for card_id in states.keys() | flags.keys():
        state = _state_values(states.get(card_id, CardState()))
        cards[card_id] = (*state, *flags.get(card_id, (0, 0, None)))
    event_values = [(e["card_id"], utc_iso(_when(e["at"])), e["event"], e.get("detail") or "") for e in events]
    # a card edited in the old wiki kept its first id there; a fresh scan named it after its new text
    renames = [(e["detail"], e["card_id"], utc_iso(_when(e["at"]))) for e in events
               if e["event"] == "relink" and e.get("detail")]
    return len(reviews), log.write_imported_log(store, settings, reviews, event_values, cards, renames)


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(timezone.utc)


def _scheduler_lookup_from(settings: dict[str, str], calendar: StudyCalendar):
    """settings id → Scheduler (on the learner's study days), from settings records not yet stored."""
    cache = {sid: Scheduler(json.loads(text), calendar) for sid, text in settings.items()}
    return cache.__getitem__


def _replayed_reviews(records: list[dict], scheduler_for) -> tuple[list[tuple], dict[str, CardState]]:
    """Each review as a row of `REVIEW_COLUMNS` (in the given order, each card replayed through its own), and
    each card's final state."""
    by_card: dict[str, list[tuple[int, dict]]] = {}
    for n, record in enumerate(records):
        by_card.setdefault(record["card_id"], []).append((n, record))
    numbered, states = [], {}
    for card_id, items in by_card.items():
        state = CardState()
        for (n, record), (_, before, state) in zip(items, replay_steps(scheduler_for, card_id,
                                                                        [r for _, r in items])):
            values = review_values(card_id, _when(record["reviewed_at"]), record["rating"],
                                   int(record["duration_ms"] or 0), record["content_hash"], record["settings_id"],
                                   before, state)
            values["source"] = record.get("source") or "mlwiki"
            values["anki_id"] = int(record["anki_id"]) if record.get("anki_id") not in (None, "") else None
            numbered.append((n, tuple(values[c] for c in REVIEW_COLUMNS)))
        states[card_id] = state
    return [row for _, row in sorted(numbered, key=lambda item: item[0])], states


def _replayed_flags(events: list[dict]) -> dict[str, tuple]:
    """Each card's (suspended, leech, buried_until) after its events, in order."""
    flags: dict[str, tuple] = {}
    for event in events:
        suspended, leech, buried = flags.get(event["card_id"], (0, 0, None))
        action = event["event"]
        if action == "suspend":
            suspended = 1
        elif action == "leech":
            suspended, leech = 1, 1
        elif action == "unsuspend":
            suspended, leech = 0, 0
        elif action == "bury" and event.get("detail"):
            buried = utc_iso(_when(event["detail"]))
        else:
            continue  # relinks and the like say nothing about flags
        flags[event["card_id"]] = (suspended, leech, buried)
    return flags


def rebuild_cards(store: Store, conn, card_ids: set[str], calendar: StudyCalendar) -> int:
    """Replay the logs of `card_ids` in time order (reviews pulled from Anki interleave with mlwiki's) into
    the cards' cached states and each review's state columns, inside the caller's write transaction."""
    from mlwiki.store.anki_history import reviews_by_card, update_review_steps

    lookup = scheduler_lookup(store, calendar)
    steps: list[tuple] = []
    count = 0
    for card_id, rows in reviews_by_card(store, card_ids).items():
        state = CardState()
        for row, before, state in replay_steps(lookup, card_id, rows):
            when = datetime.fromisoformat(row["reviewed_at"]).astimezone(timezone.utc)
            v = review_values(card_id, when, row["rating"], 0, "", "", before, state)  # one rule for the columns
            steps.append((v["state_before"], v["state"], v["step"], v["stability"], v["difficulty"], v["due"],
                          v["elapsed_days"], v["scheduled_days"], row["id"]))
        count += log.set_replayed_state(conn, card_id, _state_values(state))
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
    reviews = log.reviews_by_card(store)
    old_due = {row["id"]: row["due"] for row in log.scheduled_cards(store)}
    with store.write() as conn:
        count = moved = skipped = 0
        for card_id, rows in reviews.items():
            try:
                state = replay(lookup, card_id, rows)
            except MlwikiError:
                if not done_meta:
                    raise
                skipped += 1
                continue
            values = _state_values(state)
            moved += card_id in old_due and old_due[card_id] != values[4]
            count += log.set_replayed_state(conn, card_id, values)
        if done_meta:
            store.delete_meta(done_meta)
    return Rebuilt(count, moved, skipped)


def replay_pending(store: Store, calendar: StudyCalendar) -> Rebuilt | None:
    """Finish an upgrade that changed the scheduling rule (store migration `study_days`): replay every card from
    the log, once. None when no replay is pending."""
    if not store.meta(REPLAY_PENDING):
        return None
    return rebuild_states(store, calendar, done_meta=REPLAY_PENDING)
