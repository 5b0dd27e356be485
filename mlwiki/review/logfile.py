"""The log file: every review and card event written to CSV or JSON Lines (`mlwiki log export`) and read back
into an empty database (`mlwiki log import`), each card's schedule and flags rebuilt from it.

A log file holds every review and every card event (suspend, unsuspend, bury, leech, drop, undrop …), so an
import into a fresh wiki gives each card its schedule, its flags and its review history back. In CSV an event is a row with
`event` set and no rating; in JSON Lines it is a record with an "event" key. Files from before events were
written (no `event` column) import as reviews only.
"""

from __future__ import annotations

import csv
import json
from datetime import datetime, timezone
from pathlib import Path

from mlwiki.errors import MlwikiError
from mlwiki.models import CardState, utc_time
from mlwiki.review.columns import review_values, state_values
from mlwiki.review.logcheck import DUE_FIELD, EVENT_FIELDS, LOG_FIELDS, SYNC_FIELDS, read_log
from mlwiki.review.replay import log_steps
from mlwiki.review.schedule import Scheduler
from mlwiki.store.db import Store, create_private, utc_iso
from mlwiki.store.reviews import (REVIEW_COLUMNS, all_settings, event_rows, known_card_keys, log_rows, review_count,
                                  write_imported_log)
from mlwiki.studyday import StudyCalendar


def export_log(store: Store, target: Path, fmt: str) -> int:
    """Write every review and card event as CSV or JSON Lines (settings inline). Returns the review count."""
    settings = all_settings(store)
    rows = log_rows(store)
    events = event_rows(store)
    try:
        target.unlink(missing_ok=True)  # created anew, so it is readable by the learner only (it holds reviews)
        create_private(target)
    except OSError as exc:
        raise MlwikiError(f"cannot write the log ({exc.strerror})", path=str(target)) from None
    with open(target, "w", encoding="utf-8", newline="") as out:
        if fmt == "csv":
            writer = csv.writer(out)
            writer.writerow(LOG_FIELDS + SYNC_FIELDS + EVENT_FIELDS + (DUE_FIELD,))
            writer.writerows((r["card_id"], r["reviewed_at"], r["rating"], r["duration_ms"], r["content_hash"],
                              settings[r["settings_id"]], r["source"], r["anki_id"], r["anki_ivl"], "", "",
                              r["due"] or "") for r in rows)
            writer.writerows((e["card_id"], e["at"], "", "", "", "", "", "", "", e["action"], e["detail"], "")
                             for e in events)
            return len(rows)
        for r in rows:
            record = dict(zip(LOG_FIELDS + SYNC_FIELDS, (r["card_id"], r["reviewed_at"], r["rating"], r["duration_ms"],
                                                         r["content_hash"], json.loads(settings[r["settings_id"]]),
                                                         r["source"], r["anki_id"], r["anki_ivl"])))
            record[DUE_FIELD] = r["due"]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        for e in events:
            record = {"card_id": e["card_id"], "at": e["at"], "event": e["action"], "detail": e["detail"]}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(rows)


def import_log(store: Store, source: Path, calendar: StudyCalendar, now: datetime | None = None
               ) -> tuple[int, int, int]:
    """Load a log into a database that has no reviews yet: every review with the scheduler's view before and after
    it (as answering recorded it), every event, and each card's schedule and flags rebuilt from them.

    Every record is checked first (`mlwiki.review.logcheck`); a bad one stops the import before anything is
    written. Returns (reviews imported, cards rebuilt, cards of the log not in this wiki).
    """
    if review_count(store):
        raise MlwikiError("the database already holds reviews; import into an empty one "
                          "(move .mlwiki away first — or `mlwiki backup` it)")
    known_ids, known_hashes = known_card_keys(store)
    # a day after now (or after the real clock, when --now is set to the past): later times are not reviews
    latest = max(now or datetime.now(timezone.utc), datetime.now(timezone.utc))
    log = read_log(source, known_ids, known_hashes, latest)
    records = sorted(log.reviews, key=lambda record: record.reviewed_at)  # replay in time order (stable)
    settings = {sid: json.dumps(data, sort_keys=True) for sid, data in log.settings.items()}
    moves: dict[str, list] = {}
    for e in sorted(log.events, key=lambda e: e["at"]):
        if e["event"] == "reschedule":
            moves.setdefault(e["card_id"], []).append((e["at"], e["detail"] or ""))
    try:
        reviews, states = _replayed_reviews(records, _scheduler_lookup_from(settings, calendar), moves)
    except (ValueError, KeyError, TypeError, OverflowError) as exc:
        raise MlwikiError(f"cannot replay the log's reviews ({type(exc).__name__}: {exc}); nothing was imported",
                          path=str(source)) from None
    flags = _replayed_flags(log.events)
    from mlwiki.review.reschedule_events import with_reschedules

    cards = {}
    for card_id in states.keys() | flags.keys():
        state = state_values(with_reschedules(states.get(card_id, CardState()), moves.get(card_id, [])))
        cards[card_id] = (*state, *flags.get(card_id, NO_FLAGS))
    event_values = [(e["card_id"], e["at"], e["event"], e["detail"]) for e in log.events]
    # a card edited in the old wiki kept its first id there; a fresh scan named it after its new text
    renames = [(e["detail"], e["card_id"], e["at"]) for e in log.events if e["event"] == "relink" and e["detail"]]
    rebuilt = write_imported_log(store, settings, reviews, event_values, cards, renames)
    return len(reviews), rebuilt, log.unknown_cards


def _scheduler_lookup_from(settings: dict[str, str], calendar: StudyCalendar):
    """settings id → Scheduler (on the learner's study days), from settings records not yet stored."""
    cache = {sid: Scheduler(json.loads(text), calendar) for sid, text in settings.items()}
    return cache.__getitem__


def _replayed_reviews(records: list[dict], scheduler_for, moves: dict[str, list]
                      ) -> tuple[list[tuple], dict[str, CardState]]:
    """Each review as a row of `REVIEW_COLUMNS` (in the given order, each card replayed through its own and its
    reschedule events), and each card's state after its last review."""
    by_card: dict[str, list[tuple[int, dict]]] = {}
    for n, record in enumerate(records):
        by_card.setdefault(record["card_id"], []).append((n, record))
    numbered, states = [], {}
    for card_id, items in by_card.items():
        state = CardState()
        for (n, record), (_, before, state) in zip(items, log_steps(scheduler_for, card_id,
                                                                        [r for _, r in items],
                                                                        moves=moves.get(card_id, []))):
            values = review_values(card_id, utc_time(record["reviewed_at"]), record["rating"],
                                   int(record["duration_ms"] or 0), record["content_hash"], record["settings_id"],
                                   before, state)
            values["source"] = record.get("source") or "mlwiki"
            values["anki_id"] = int(record["anki_id"]) if record.get("anki_id") not in (None, "") else None
            values["anki_ivl"] = int(record["anki_ivl"]) if record.get("anki_ivl") not in (None, "") else None
            numbered.append((n, tuple(values[c] for c in REVIEW_COLUMNS)))
        states[card_id] = state
    return [row for _, row in sorted(numbered, key=lambda item: item[0])], states


NO_FLAGS = (0, 0, None, 0)  # suspended, leech, buried_until, dropped: the last four of STATE_COLUMNS


def _replayed_flags(events: list[dict]) -> dict[str, tuple]:
    """Each card's (suspended, leech, buried_until, dropped) after its events, in order."""
    flags: dict[str, tuple] = {}
    for event in events:
        suspended, leech, buried, dropped = flags.get(event["card_id"], NO_FLAGS)
        action = event["event"]
        if action == "suspend":
            suspended = 1
        elif action == "leech":
            suspended, leech = 1, 1
        elif action == "unsuspend" and not dropped:
            suspended, leech = 0, 0
        elif action == "drop":
            suspended, dropped = 1, 1
        elif action == "undrop":
            suspended, dropped = leech, 0
        elif action == "bury" and event.get("detail"):
            buried = utc_iso(utc_time(event["detail"]))
        else:
            continue  # relinks and the like say nothing about flags
        flags[event["card_id"]] = (suspended, leech, buried, dropped)
    return flags
