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

from mlwiki.errors import MlwikiError
from mlwiki.review.schedule import CardState, Scheduler, replay, same_state
from mlwiki.store.db import Store, utc_iso

LOG_FIELDS = ("card_id", "reviewed_at", "rating", "duration_ms", "content_hash", "settings")


@dataclass(frozen=True)
class Answer:
    """What recording an answer did, so it can be undone exactly."""

    review_id: int
    card_id: str
    before: dict  # the card row's scheduling columns before the answer
    leech: bool


STATE_COLUMNS = ("state", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses",
                 "suspended", "leech", "buried_until")


def _state_values(state: CardState) -> tuple:
    return (state.state, state.step, state.stability, state.difficulty,
            utc_iso(state.due) if state.due else None,
            utc_iso(state.last_review) if state.last_review else None, state.reps, state.lapses)


def scheduler_lookup(store: Store):
    """settings id → Scheduler, cached, for replays across settings changes."""
    cache: dict[str, Scheduler] = {}

    def get(sid: str) -> Scheduler:
        if sid not in cache:
            row = store.conn.execute("SELECT json FROM settings WHERE id = ?", (sid,)).fetchone()
            if row is None:
                raise MlwikiError(f"review log names unknown scheduler settings {sid}")
            cache[sid] = Scheduler(json.loads(row[0]))
        return cache[sid]

    return get


def record_answer(store: Store, scheduler: Scheduler, card_id: str, rating: int, when: datetime,
                  duration_ms: int, leech_threshold: int) -> Answer:
    """Append a review and update the card, in one committed transaction. Returns what undo needs."""
    with store.write() as conn:
        row = conn.execute(f"SELECT {', '.join(STATE_COLUMNS)}, content_hash FROM cards WHERE id = ?",
                           (card_id,)).fetchone()
        if row is None:
            raise MlwikiError(f"card {card_id} is not in the database")
        before = {c: row[c] for c in STATE_COLUMNS}
        state = CardState.from_row(row)
        after = scheduler.review(card_id, state, rating, when)
        conn.execute("INSERT OR IGNORE INTO settings(id, json) VALUES (?, ?)",
                     (scheduler.id, json.dumps(scheduler.data, sort_keys=True)))
        elapsed = (when - state.last_review).total_seconds() / 86400 if state.last_review else 0.0
        cursor = conn.execute(
            "INSERT INTO reviews(card_id, reviewed_at, rating, duration_ms, content_hash, settings_id, "
            "state_before, state, step, stability, difficulty, due, elapsed_days, scheduled_days) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (card_id, utc_iso(when), rating, duration_ms, row["content_hash"], scheduler.id, state.state,
             after.state, after.step, after.stability, after.difficulty, utc_iso(after.due), elapsed,
             (after.due - when).total_seconds() / 86400))
        leech = rating == 1 and after.lapses > state.lapses and after.lapses >= leech_threshold \
            and not row["leech"]
        conn.execute("UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, "
                     "last_review = ?, reps = ?, lapses = ? WHERE id = ?", (*_state_values(after), card_id))
        if leech:
            conn.execute("UPDATE cards SET leech = 1, suspended = 1 WHERE id = ?", (card_id,))
            conn.execute("INSERT INTO events(card_id, at, action, detail) VALUES (?, ?, 'leech', ?)",
                         (card_id, utc_iso(when), f"{after.lapses} lapses"))
        return Answer(cursor.lastrowid, card_id, before, leech)


def undo_answer(store: Store, answer: Answer) -> None:
    """Remove the review row and restore the card's columns exactly as they were."""
    with store.write() as conn:
        conn.execute("DELETE FROM reviews WHERE id = ?", (answer.review_id,))
        if answer.leech:
            conn.execute("DELETE FROM events WHERE card_id = ? AND action = 'leech' AND id = "
                         "(SELECT max(id) FROM events WHERE card_id = ? AND action = 'leech')",
                         (answer.card_id, answer.card_id))
        assignments = ", ".join(f"{c} = ?" for c in STATE_COLUMNS)
        conn.execute(f"UPDATE cards SET {assignments} WHERE id = ?",
                     (*[answer.before[c] for c in STATE_COLUMNS], answer.card_id))


def set_flag(store: Store, card_id: str, action: str, when: datetime, until: datetime | None = None) -> dict:
    """Suspend or bury a card (recorded as an event). Returns the previous flags, for undo."""
    with store.write() as conn:
        row = conn.execute("SELECT suspended, buried_until FROM cards WHERE id = ?", (card_id,)).fetchone()
        before = {"suspended": row["suspended"], "buried_until": row["buried_until"]}
        if action == "suspend":
            conn.execute("UPDATE cards SET suspended = 1 WHERE id = ?", (card_id,))
        else:
            conn.execute("UPDATE cards SET buried_until = ? WHERE id = ?", (utc_iso(until), card_id))
        conn.execute("INSERT INTO events(card_id, at, action, detail) VALUES (?, ?, ?, '')",
                     (card_id, utc_iso(when), action))
    return before


def restore_flags(store: Store, card_id: str, before: dict) -> None:
    with store.write() as conn:
        conn.execute("UPDATE cards SET suspended = ?, buried_until = ? WHERE id = ?",
                     (before["suspended"], before["buried_until"], card_id))
        conn.execute("DELETE FROM events WHERE id = (SELECT max(id) FROM events WHERE card_id = ?)", (card_id,))


def verify_replay(store: Store) -> list[str]:
    """Ids of cards whose cached state is not what replaying their log gives."""
    lookup = scheduler_lookup(store)
    bad = []
    reviews: dict[str, list] = {}
    for row in store.query("SELECT card_id, reviewed_at, rating, settings_id FROM reviews ORDER BY card_id, id"):
        reviews.setdefault(row["card_id"], []).append(row)
    for card in store.query("SELECT * FROM cards WHERE reps > 0 OR state > 0"):
        expected = replay(lookup, card["id"], reviews.get(card["id"], []))
        if not same_state(expected, CardState.from_row(card)):
            bad.append(card["id"])
    return bad


# --- export and import ------------------------------------------------------------------------------------


def export_log(store: Store, target: Path, fmt: str) -> int:
    """Write every review as CSV or JSON Lines (with its scheduler settings inline). Returns the count."""
    settings = {r["id"]: r["json"] for r in store.query("SELECT id, json FROM settings")}
    rows = store.query("SELECT card_id, reviewed_at, rating, duration_ms, content_hash, settings_id "
                       "FROM reviews ORDER BY id")
    with open(target, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out) if fmt == "csv" else None
        if writer:
            writer.writerow(LOG_FIELDS)
        for row in rows:
            values = (row["card_id"], row["reviewed_at"], row["rating"], row["duration_ms"],
                      row["content_hash"], settings[row["settings_id"]])
            if writer:
                writer.writerow(values)
            else:
                record = dict(zip(LOG_FIELDS, values))
                record["settings"] = json.loads(record["settings"])
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(rows)


def _read_log(source: Path) -> list[dict]:
    text = source.read_text(encoding="utf-8")
    if source.suffix.lower() == ".csv" or text.startswith(",".join(LOG_FIELDS)):
        records = list(csv.DictReader(text.splitlines()))
        for record in records:
            record["settings"] = json.loads(record["settings"])
    else:
        records = [json.loads(line) for line in text.splitlines() if line.strip()]
    for n, record in enumerate(records, start=2):
        missing = [f for f in LOG_FIELDS if f not in record]
        if missing:
            raise MlwikiError(f"record lacks {', '.join(missing)}", path=str(source), line=n)
    return records


def import_log(store: Store, source: Path) -> tuple[int, int]:
    """Load a log into a database that has no reviews yet and rebuild every card's state by replay.

    Returns (reviews imported, cards rebuilt). Reviews of cards not in the notes are kept in the log.
    """
    if store.query("SELECT count(*) FROM reviews")[0][0]:
        raise MlwikiError("the database already holds reviews; import into an empty one "
                          "(move .mlwiki away first — or `mlwiki backup` it)")
    try:
        records = _read_log(source)
    except (ValueError, KeyError) as exc:
        raise MlwikiError(f"not a review log export ({exc})", path=str(source)) from None
    with store.write() as conn:
        for record in records:
            data = record["settings"]
            scheduler = Scheduler(data)
            conn.execute("INSERT OR IGNORE INTO settings(id, json) VALUES (?, ?)",
                         (scheduler.id, json.dumps(data, sort_keys=True)))
            when = datetime.fromisoformat(record["reviewed_at"]).astimezone(timezone.utc)
            conn.execute("INSERT INTO reviews(card_id, reviewed_at, rating, duration_ms, content_hash, "
                         "settings_id) VALUES (?, ?, ?, ?, ?, ?)",
                         (record["card_id"], utc_iso(when), int(record["rating"]),
                          int(record["duration_ms"] or 0), record["content_hash"], scheduler.id))
    return len(records), rebuild_states(store)


def rebuild_states(store: Store) -> int:
    """Replay the log into the cards' cached states (after an import)."""
    lookup = scheduler_lookup(store)
    reviews: dict[str, list] = {}
    for row in store.query("SELECT card_id, reviewed_at, rating, settings_id FROM reviews ORDER BY card_id, id"):
        reviews.setdefault(row["card_id"], []).append(row)
    with store.write() as conn:
        count = 0
        for card_id, rows in reviews.items():
            state = replay(lookup, card_id, rows)
            done = conn.execute("UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, "
                                "last_review = ?, reps = ?, lapses = ? WHERE id = ?",
                                (*_state_values(state), card_id))
            count += done.rowcount
    return count
