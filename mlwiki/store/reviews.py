"""The review log in the store: append-only `reviews`, the scheduler `settings` each review names, `events`
(suspend, bury, leech, drop, relink), and the cached scheduling columns of `cards` that a replay of the log rebuilds.

Scheduling decisions live in mlwiki.review; this module only reads and writes their results.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from mlwiki.errors import StoreError
from mlwiki.store.db import REPLAY_PENDING, Store

# The scheduling columns of `cards`: what an answer changes and an undo puts back.
STATE_COLUMNS = ("state", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses",
                 "suspended", "leech", "buried_until", "dropped")
# What a replay rebuilds (the first eight of STATE_COLUMNS).
REPLAYED_COLUMNS = STATE_COLUMNS[:8]
REVIEW_COLUMNS = ("card_id", "reviewed_at", "rating", "duration_ms", "content_hash", "settings_id",
                  "state_before", "state", "step", "stability", "difficulty", "due", "elapsed_days", "scheduled_days",
                  "source", "anki_id", "anki_ivl")


def settings_json(store: Store, settings_id: str) -> str | None:
    """The JSON of the scheduler settings stored under `settings_id`."""
    row = store.conn.execute("SELECT json FROM settings WHERE id = ?", (settings_id,)).fetchone()
    return row[0] if row else None


def all_settings(store: Store) -> dict[str, str]:
    return {r["id"]: r["json"] for r in store.query("SELECT id, json FROM settings")}


def save_settings(conn: sqlite3.Connection, settings_id: str, text: str) -> None:
    conn.execute("INSERT OR IGNORE INTO settings(id, json) VALUES (?, ?)", (settings_id, text))


def card_for_answer(conn: sqlite3.Connection, card_id: str) -> sqlite3.Row | None:
    """The card's scheduling columns and content hash."""
    return conn.execute(f"SELECT {', '.join(STATE_COLUMNS)}, content_hash FROM cards WHERE id = ?",
                        (card_id,)).fetchone()


def append_review(conn: sqlite3.Connection, values: dict) -> int:
    """Append one review (keys: any of REVIEW_COLUMNS); returns its id."""
    columns = [c for c in REVIEW_COLUMNS if c in values]
    cursor = conn.execute(f"INSERT INTO reviews({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                          [values[c] for c in columns])
    return cursor.lastrowid


def add_review_rows(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    """Append reviews given as REVIEW_COLUMNS tuples."""
    conn.executemany(f"INSERT INTO reviews({', '.join(REVIEW_COLUMNS)}) VALUES ({', '.join('?' * len(REVIEW_COLUMNS))})",
                     rows)


def set_replayed_state(conn: sqlite3.Connection, card_id: str, values: tuple) -> int:
    """Write the REPLAYED_COLUMNS of one card; returns 1 if the card exists."""
    assignments = ", ".join(f"{c} = ?" for c in REPLAYED_COLUMNS)
    return conn.execute(f"UPDATE cards SET {assignments} WHERE id = ?", (*values, card_id)).rowcount


def restore_state(conn: sqlite3.Connection, card_id: str, before: dict) -> None:
    """Put every STATE_COLUMNS value back as `before` has it."""
    assignments = ", ".join(f"{c} = ?" for c in STATE_COLUMNS)
    conn.execute(f"UPDATE cards SET {assignments} WHERE id = ?", (*[before[c] for c in STATE_COLUMNS], card_id))


def mark_leech(conn: sqlite3.Connection, card_id: str, at: str, detail: str) -> None:
    """Suspend the card as a leech, and record why."""
    conn.execute("UPDATE cards SET leech = 1, suspended = 1 WHERE id = ?", (card_id,))
    add_event(conn, card_id, at, "leech", detail)


def add_event(conn: sqlite3.Connection, card_id: str, at: str, action: str, detail: str = "") -> None:
    conn.execute("INSERT INTO events(card_id, at, action, detail) VALUES (?, ?, ?, ?)", (card_id, at, action, detail))


def drop_review(conn: sqlite3.Connection, review_id: int) -> None:
    conn.execute("DELETE FROM reviews WHERE id = ?", (review_id,))


def drop_last_event(conn: sqlite3.Connection, card_id: str, action: str | None = None) -> None:
    """Remove the card's newest event (of `action`, if given): the undo of `add_event`."""
    if action is None:
        conn.execute("DELETE FROM events WHERE id = (SELECT max(id) FROM events WHERE card_id = ?)", (card_id,))
    else:
        conn.execute("DELETE FROM events WHERE id = (SELECT max(id) FROM events WHERE card_id = ? AND action = ?)",
                     (card_id, action))


FLAG_COLUMNS = ("suspended", "buried_until", "dropped")  # what suspend, bury and drop change (leech: answering)


def flags(conn: sqlite3.Connection, card_id: str) -> dict | None:
    """The card's FLAG_COLUMNS, or None for an unknown card."""
    row = conn.execute(f"SELECT {', '.join(FLAG_COLUMNS)} FROM cards WHERE id = ?", (card_id,)).fetchone()
    return None if row is None else {c: row[c] for c in FLAG_COLUMNS}


def set_flags(conn: sqlite3.Connection, card_id: str, values: dict) -> None:
    """Write the FLAG_COLUMNS `values` holds."""
    columns = [c for c in FLAG_COLUMNS if c in values]
    conn.execute(f"UPDATE cards SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
                 (*[values[c] for c in columns], card_id))


def reviews_by_card(store: Store, card_ids: Iterable[str] | None = None,
                    columns: tuple[str, ...] | None = None) -> dict[str, list[sqlite3.Row]]:
    """card id → its reviews (every column, or `columns` and card_id) in time order, for the given cards or all
    (reviews pulled from Anki come later in the table than mlwiki's reviews made after them, so the order is by
    time, then id)."""
    selected = "*" if columns is None else ", ".join(("card_id", *columns))
    if card_ids is None:
        rows = store.query(f"SELECT {selected} FROM reviews ORDER BY card_id, reviewed_at, id")
    else:
        rows = store.query(f"SELECT {selected} FROM reviews WHERE card_id IN (SELECT value FROM json_each(?)) "
                           "ORDER BY card_id, reviewed_at, id", (json.dumps(sorted(set(card_ids))),))
    grouped: dict[str, list] = {}
    for row in rows:
        grouped.setdefault(row["card_id"], []).append(row)
    return grouped


def cards_by_id(conn: sqlite3.Connection, card_ids: list[str]) -> list[sqlite3.Row]:
    """The cards rows of these ids (inside the caller's transaction)."""
    return conn.execute("SELECT * FROM cards WHERE id IN (SELECT value FROM json_each(?))",
                        (json.dumps(card_ids),)).fetchall()


def reviews_of(store: Store, card_id: str) -> list[sqlite3.Row]:
    """One card's reviews, oldest first: when, rating, the state before and after, the interval given."""
    return store.query("SELECT reviewed_at, rating, state_before, state, due, scheduled_days, duration_ms, source "
                       "FROM reviews WHERE card_id = ? ORDER BY reviewed_at, id", (card_id,))


def scheduled_cards(store: Store) -> list[sqlite3.Row]:
    """Cards that have left the new state or been reviewed."""
    return store.query("SELECT * FROM cards WHERE reps > 0 OR state > 0")


def log_rows(store: Store) -> list[sqlite3.Row]:
    """The log for export: card, time, rating, duration, content hash, settings id, where it was made and its
    Anki revlog id, in order."""
    return store.query("SELECT card_id, reviewed_at, rating, duration_ms, content_hash, settings_id, source, anki_id, "
                       "due, anki_ivl FROM reviews ORDER BY id")


def known_card_keys(store: Store) -> tuple[set[str], set[str]]:
    """(every card id and old id, every content hash) of the wiki's cards, retired ones included."""
    ids = {r[0] for r in store.query("SELECT id FROM cards UNION SELECT alias FROM aliases")}
    hashes = {r[0] for r in store.query("SELECT content_hash FROM cards WHERE content_hash IS NOT NULL")}
    return ids, hashes


def review_count(store: Store) -> int:
    return store.query("SELECT count(*) FROM reviews")[0][0]


def migration_replay_on_study_days(db) -> None:
    """Migration 006, FSRS on study days and review cards due by study day (issue 15): every card's cached schedule
    is to be replayed from the log with the new rule. Replaying needs the scheduler, which the store must not
    import, so this marks the database and `mlwiki.review.replay.replay_pending` does it when a command next opens it
    (after the backup `migrate` takes first). The log is not touched."""
    if db["reviews"].count:
        db["meta"].upsert({"key": REPLAY_PENDING, "value": "study-days"}, pk="key")


def migration_replay_anki_intervals(db) -> None:
    """Migration 009, review intervals as Anki's FSRS sets them (Hard < Good < Easy, the fuzz kept inside its range,
    the load balancer's day kept in each review row): replay every card once, as migration 006 does. A due a
    review recorded stays when the new rule allows it."""
    if db["reviews"].count:
        db["meta"].upsert({"key": REPLAY_PENDING, "value": "anki-intervals"}, pk="key")


def event_rows(store: Store) -> list[sqlite3.Row]:
    """Every card event (suspend, unsuspend, bury, leech, relink …), in the order they happened."""
    return store.query("SELECT card_id, at, action, detail FROM events ORDER BY id")


def write_imported_log(store: Store, settings: dict[str, str], reviews: list[tuple], events: list[tuple],
                       cards: dict[str, tuple], renames: list[tuple[str, str, str]] = ()) -> int:
    """In one transaction: each (new id, old id, time) of `renames` made an alias of the old id (the card a fresh scan
    made under its new id takes the old one, whose history the log holds), the settings records, the reviews
    (REVIEW_COLUMNS order), the events (card_id, at, action, detail) and each card's rebuilt STATE_COLUMNS.
    Returns how many cards of the store were updated (cards no longer in the notes keep only their log)."""
    marks = ", ".join("?" * len(REVIEW_COLUMNS))
    assignments = ", ".join(f"{c} = ?" for c in STATE_COLUMNS)
    with store.write() as conn:
        if conn.execute("SELECT 1 FROM reviews LIMIT 1").fetchone():  # re-read inside the transaction
            raise StoreError("the database got reviews while the log was read (a review session?); nothing was "
                             "imported — import into an empty database", path=str(store.path))
        for new_id, old_id, at in renames:
            _adopt_old_id(conn, new_id, old_id, at)
        conn.executemany("INSERT OR IGNORE INTO settings(id, json) VALUES (?, ?)", settings.items())
        conn.executemany(f"INSERT INTO reviews({', '.join(REVIEW_COLUMNS)}) VALUES ({marks})", reviews)
        conn.executemany("INSERT INTO events(card_id, at, action, detail) VALUES (?, ?, ?, ?)", events)
        return sum(conn.execute(f"UPDATE cards SET {assignments} WHERE id = ?", (*values, card_id)).rowcount
                   for card_id, values in cards.items())


def _adopt_old_id(conn: sqlite3.Connection, new_id: str, old_id: str, at: str) -> None:
    """Card `new_id` is renamed `old_id` (unless that id is taken), and `new_id` becomes its alias."""
    taken = conn.execute("SELECT 1 FROM cards WHERE id = ?", (old_id,)).fetchone()
    if not taken:
        conn.execute("UPDATE cards SET id = ? WHERE id = ?", (old_id, new_id))
        conn.execute("UPDATE card_sources SET card_id = ? WHERE card_id = ?", (old_id, new_id))
        conn.execute("UPDATE cards SET note_id = ? WHERE note_id = ?", (old_id, new_id))  # as a scan maps it
    conn.execute("INSERT OR REPLACE INTO aliases(alias, card_id, created_at) VALUES (?, ?, ?)", (new_id, old_id, at))


def resolve_card_ids(store: Store, ids: list[str]) -> dict[str, str]:
    """Each id that names a card (directly, or as the old id of an edited card) → the card's id."""
    found = {}
    for given in ids:
        row = store.query("SELECT id FROM cards WHERE id = ? UNION ALL "
                          "SELECT card_id FROM aliases WHERE alias = ? LIMIT 1", (given, given))
        if row:
            found[given] = row[0][0]
    return found


def unsuspend_cards(store: Store, card_ids: list[str], at: str) -> list[str]:
    """Clear the suspended and leech marks of these cards, with an 'unsuspend' event for each card that had one
    (as suspending records 'suspend'). Dropped cards stay as they are (`undrop_cards` brings them back). Returns
    the ids that changed."""
    changed = []
    with store.write() as conn:
        for card_id in dict.fromkeys(card_ids):
            row = conn.execute("SELECT suspended, leech, dropped FROM cards WHERE id = ?", (card_id,)).fetchone()
            if row is None or row["dropped"] or not (row["suspended"] or row["leech"]):
                continue
            conn.execute("UPDATE cards SET suspended = 0, leech = 0 WHERE id = ?", (card_id,))
            add_event(conn, card_id, at, "unsuspend", "leech" if row["leech"] else "")
            changed.append(card_id)
    return changed


def undrop_cards(store: Store, card_ids: list[str], at: str) -> list[str]:
    """Take back the "not a card" mark of these cards (a leech stays suspended), with an 'undrop' event each.
    Returns the ids that were dropped."""
    changed = []
    with store.write() as conn:
        for card_id in dict.fromkeys(card_ids):
            row = conn.execute("SELECT dropped FROM cards WHERE id = ?", (card_id,)).fetchone()
            if row is None or not row["dropped"]:
                continue
            conn.execute("UPDATE cards SET dropped = 0, suspended = leech WHERE id = ?", (card_id,))
            add_event(conn, card_id, at, "undrop")
            changed.append(card_id)
    return changed


RESCHEDULE = "reschedule"  # event: `mlwiki reschedule` changed the card (detail: `review.reschedule_events`)


def reschedules_by_card(store: Store, card_ids: Iterable[str] | None = None) -> dict[str, list[tuple[str, str]]]:
    """card id → its reschedule events (at, detail), oldest first."""
    rows = store.query("SELECT card_id, at, detail FROM events WHERE action = ? ORDER BY at, id", (RESCHEDULE,))
    wanted = set(card_ids) if card_ids is not None else None
    found: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        if wanted is None or row["card_id"] in wanted:
            found.setdefault(row["card_id"], []).append((row["at"], row["detail"]))
    return found


def write_reschedules(store: Store, changes: list[tuple[str, str, float, float, str]], at: str) -> None:
    """Set each (card id, due, stability, difficulty) and record it as a reschedule event with `detail`, in one
    transaction; reviews untouched."""
    with store.write() as conn:
        for card_id, due, stability, difficulty, detail in changes:
            conn.execute("UPDATE cards SET due = ?, stability = ?, difficulty = ? WHERE id = ?",
                         (due, stability, difficulty, card_id))
            add_event(conn, card_id, at, RESCHEDULE, detail)
