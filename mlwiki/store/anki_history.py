"""The review-log SQL of Anki sync: where each review came from (`source`, `anki_id`), pulled rows, the Anki
ids given to mlwiki's own reviews, and the export stamp. Schema: migration 007_review_sources
(`migration_review_sources`, registered in migrations.py)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from mlwiki.store.db import Store

EXPORT_STAMP_KEY = "anki_export_stamp"


def mapping_cards(store: Store) -> list:
    """Every card with what maps it to an Anki card (note id, kind, cloze group), live ones in export order."""
    return store.query("SELECT id, note_id, kind, grp, retired, content_hash, suspended FROM cards "
                       "ORDER BY retired, path, ord, grp, id")


def card_rows(store: Store, card_ids: list[str]) -> list:
    """The cards rows of these ids."""
    import json

    return store.query("SELECT * FROM cards WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(card_ids),))


def anki_id_owners(store: Store) -> dict[int, tuple[int, str]]:
    """Anki id → (review id, card id) of every review that has one."""
    return {r[0]: (r[1], r[2]) for r in store.query("SELECT anki_id, id, card_id FROM reviews "
                                                      "WHERE anki_id IS NOT NULL")}


def known_anki_ids(store: Store) -> set[int]:
    return {r[0] for r in store.query("SELECT anki_id FROM reviews WHERE anki_id IS NOT NULL")}


def unkeyed_reviews(conn) -> dict[tuple[str, int], list[tuple[int, int]]]:
    """(card id, rating) → [(time in ms, review id)] of every review that has no Anki id (its id was lost by a
    restore or an import of an older log), so a pull can recognise them in Anki's revlog."""
    out: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for review_id, card_id, rating, reviewed_at in conn.execute(
            "SELECT id, card_id, rating, reviewed_at FROM reviews WHERE anki_id IS NULL"):
        ms = int(datetime.fromisoformat(reviewed_at).timestamp() * 1000)
        out.setdefault((card_id, rating), []).append((ms, review_id))
    return out


def owners_in(conn) -> dict[int, tuple[int, str]]:
    """Anki id → (review id, card id), read inside the caller's transaction."""
    return {r[0]: (r[1], r[2]) for r in conn.execute("SELECT anki_id, id, card_id FROM reviews "
                                                       "WHERE anki_id IS NOT NULL")}


def pulled_review_ids(conn, anki_ids: list[int]) -> dict[int, int]:
    """Anki id → review id, for these Anki ids."""
    import json

    return {r[0]: r[1] for r in conn.execute("SELECT anki_id, id FROM reviews WHERE anki_id IN "
                                               "(SELECT value FROM json_each(?))", (json.dumps(anki_ids),))}


def assign_anki_ids(store: Store) -> int:
    """Give every review that has no Anki id one: its time in ms, moved on by 1 ms while taken. Returns how many.

    Kept in the log, so the same review has the same revlog id in every export and push (Anki skips revlog
    ids it already has)."""
    missing = store.query("SELECT id, reviewed_at FROM reviews WHERE anki_id IS NULL ORDER BY reviewed_at, id")
    if not missing:
        return 0
    taken = known_anki_ids(store)
    updates = []
    for row in missing:
        ms = int(datetime.fromisoformat(row["reviewed_at"]).timestamp() * 1000)
        while ms in taken:
            ms += 1
        taken.add(ms)
        updates.append((ms, row["id"]))
    with store.write() as conn:
        conn.executemany("UPDATE reviews SET anki_id = ? WHERE id = ?", updates)
    return len(updates)


def set_anki_ids(store: Store, updates: list[tuple[int, int]], conn=None) -> None:
    """(new anki_id, review id) pairs: ids that turned out to be taken in a collection (inside the caller's
    transaction when `conn` is given)."""
    if conn is not None:
        conn.executemany("UPDATE reviews SET anki_id = ? WHERE id = ?", updates)
        return
    with store.write() as conn:
        conn.executemany("UPDATE reviews SET anki_id = ? WHERE id = ?", updates)


def update_review_steps(conn, rows: Iterable[tuple]) -> None:
    """Per-review state after a replay: (state_before, state, step, stability, difficulty, due, elapsed_days,
    scheduled_days, review id)."""
    conn.executemany("UPDATE reviews SET state_before = ?, state = ?, step = ?, stability = ?, difficulty = ?, "
                     "due = ?, elapsed_days = ?, scheduled_days = ? WHERE id = ?", rows)


def next_export_stamp(store: Store, now_seconds: int) -> int:
    """A note modification time later than the previous export's (Anki updates only from strictly newer notes)."""
    with store.write():
        last = int(store.meta(EXPORT_STAMP_KEY, "0"))
        stamp = max(now_seconds, last + 1)
        store.set_meta(EXPORT_STAMP_KEY, str(stamp))
    return stamp


def migration_review_sources(db) -> None:
    """Where each review was made: `source` 'mlwiki' or 'anki' (pulled from Anki), and `anki_id`, the Anki
    revlog id it has — Anki's own for pulled reviews, its time in ms (kept unique) for mlwiki's once exported or
    pushed — so a review is never added twice on either side. An index on (source, reviewed_at) counts the
    reviews of each place for stats."""
    columns = db["reviews"].columns_dict
    if "source" not in columns:  # (a database rebuilt from an older schema by hand may have them already)
        db["reviews"].add_column("source", str, not_null_default="mlwiki")
    if "anki_id" not in columns:
        db["reviews"].add_column("anki_id", int)
    db.execute("CREATE UNIQUE INDEX IF NOT EXISTS idx_reviews_anki_id ON reviews(anki_id) WHERE anki_id IS NOT NULL")
    db["reviews"].create_index(["source", "reviewed_at"], index_name="idx_reviews_source", if_not_exists=True)


def migration_anki_intervals(db) -> None:
    """`anki_ivl`: the interval Anki gave a pulled review (revlog ivl: days when > 0, seconds when < 0), so a
    card last reviewed in Anki keeps the due date Anki chose (its fuzz and load balancing) in every replay."""
    if "anki_ivl" not in db["reviews"].columns_dict:
        db["reviews"].add_column("anki_ivl", int)
