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
from mlwiki.models import RESET_RATING, CardState
from mlwiki.review.answering import review_values, state_values
from mlwiki.review.schedule import Scheduler, replay_steps
from mlwiki.store.db import Store, utc_iso
from mlwiki.store.reviews import REVIEW_COLUMNS, all_settings, event_rows, log_rows, review_count, write_imported_log
from mlwiki.studyday import StudyCalendar

LOG_FIELDS = ("card_id", "reviewed_at", "rating", "duration_ms", "content_hash", "settings")
# Written after LOG_FIELDS and optional on import (older exports lack them): where each review was made and its
# Anki revlog id, so a pull after an import does not add Anki's reviews a second time.
SYNC_FIELDS = ("source", "anki_id")
# Also optional: the due each answer was given (the load balancer's day depends on other cards, so a replay
# keeps the recorded one; without it the seeded fuzz decides).
DUE_FIELD = "due"

EVENT_FIELDS = ("event", "detail")


def export_log(store: Store, target: Path, fmt: str) -> int:
    """Write every review and card event as CSV or JSON Lines (settings inline). Returns the review count."""
    settings = all_settings(store)
    rows = log_rows(store)
    events = event_rows(store)
    with open(target, "w", encoding="utf-8", newline="") as out:
        if fmt == "csv":
            writer = csv.writer(out)
            writer.writerow(LOG_FIELDS + SYNC_FIELDS + EVENT_FIELDS + (DUE_FIELD,))
            writer.writerows((r["card_id"], r["reviewed_at"], r["rating"], r["duration_ms"], r["content_hash"],
                              settings[r["settings_id"]], r["source"], r["anki_id"], "", "", r["due"] or "")
                             for r in rows)
            writer.writerows((e["card_id"], e["at"], "", "", "", "", "", "", e["action"], e["detail"], "")
                             for e in events)
            return len(rows)
        for r in rows:
            record = dict(zip(LOG_FIELDS + SYNC_FIELDS, (r["card_id"], r["reviewed_at"], r["rating"], r["duration_ms"],
                                                         r["content_hash"], json.loads(settings[r["settings_id"]]),
                                                         r["source"], r["anki_id"])))
            record[DUE_FIELD] = r["due"]
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
    if review_count(store):
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
            if record["rating"] not in (RESET_RATING, 1, 2, 3, 4):  # a reset pulled from Anki, or a rating
                raise ValueError(f"line {record['line']}: rating {record['rating']} is not 0-4")
        records.sort(key=lambda record: _when(record["reviewed_at"]))  # replay in time order (stable)
        reviews, states = _replayed_reviews(records, _scheduler_lookup_from(settings, calendar))
        flags = _replayed_flags(events)
    except (ValueError, KeyError, TypeError) as exc:
        raise MlwikiError(f"not a review log export ({exc})", path=str(source)) from None
    from mlwiki.review.reschedule import with_reschedules

    moves: dict[str, list] = {}
    for e in events:
        if e["event"] == "reschedule":
            moves.setdefault(e["card_id"], []).append((utc_iso(_when(e["at"])), e.get("detail") or ""))
    cards = {}
    for card_id in states.keys() | flags.keys():
        state = state_values(with_reschedules(states.get(card_id, CardState()), moves.get(card_id, [])))
        cards[card_id] = (*state, *flags.get(card_id, NO_FLAGS))
    event_values = [(e["card_id"], utc_iso(_when(e["at"])), e["event"], e.get("detail") or "") for e in events]
    # a card edited in the old wiki kept its first id there; a fresh scan named it after its new text
    renames = [(e["detail"], e["card_id"], utc_iso(_when(e["at"]))) for e in events
               if e["event"] == "relink" and e.get("detail")]
    return len(reviews), write_imported_log(store, settings, reviews, event_values, cards, renames)


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
            buried = utc_iso(_when(event["detail"]))
        else:
            continue  # relinks and the like say nothing about flags
        flags[event["card_id"]] = (suspended, leech, buried, dropped)
    return flags
