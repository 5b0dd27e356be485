"""The "same card in two notes" marks in the store: each card's back key, and which card a duplicate repeats.

`cards.back_key` is a hash of the normalized back (`ids.back_key`), written by the scan with the rest of a card's
content; `cards.duplicate_of` is the id of the card studied in its place, or NULL. Which cards are duplicates is
decided in mlwiki.scan.duplicates; this module only reads the candidates and writes the marks. A duplicate keeps
its row and its history: clearing the mark brings it back as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from mlwiki.store.db import Store

_CHUNK = 500  # keys per IN (…): well under SQLite's host-parameter limit
# What the rule reads of a candidate (mlwiki.scan.duplicates.Candidate, in this order).
CANDIDATE_COLUMNS = "id, back_key, kind, front, path, line, reps, created_at"


def migration_duplicates(db) -> None:
    """Migration 012: the back key and the duplicate mark. Existing cards start with neither (every card is
    studied, as before); the extraction version that comes with it makes the next scan read every note again,
    which writes the keys and marks the duplicates. No review, schedule or flag is touched."""
    columns = db["cards"].columns_dict
    for name in ("back_key", "duplicate_of"):
        if name not in columns:  # (a database that lost its migration records has them)
            db["cards"].add_column(name, str)
    db["cards"].create_index(["back_key"], index_name="idx_cards_back_key", if_not_exists=True)


def _chunks(items: list) -> Iterable[list]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


def back_keys_of(conn: sqlite3.Connection, card_ids: list[str]) -> set[str]:
    """The back keys these cards have now (before a scan rewrites or retires them)."""
    found: set[str] = set()
    for part in _chunks(card_ids):
        rows = conn.execute(f"SELECT DISTINCT back_key FROM cards WHERE id IN ({','.join('?' * len(part))}) "
                            "AND back_key IS NOT NULL", part)
        found.update(r[0] for r in rows)
    return found


# Live cards not dropped. (`+` keeps SQLite from looking them up through idx_cards_retired_state, which it prefers
# to the back key's index without statistics: 100-150 ms for the keys of one note of 2,000, 0.3 ms by back key.)
_LIVE = "+retired = 0 AND +dropped = 0"
_SHARED = f"{_LIVE} GROUP BY back_key HAVING count(DISTINCT path) > 1"


def candidates(conn: sqlite3.Connection, keys: Iterable[str] | None) -> list[tuple]:
    """The live cards, not dropped, of those back keys (None: of all) that more than one note holds
    (CANDIDATE_COLUMNS)."""
    if keys is None:  # (one pass over the table: a first scan's keys are all of them)
        shared = [r[0] for r in conn.execute(f"SELECT back_key FROM cards WHERE back_key IS NOT NULL AND {_SHARED}")]
    else:
        shared = []
        for part in _chunks(sorted(keys)):
            shared += [r[0] for r in conn.execute(
                f"SELECT back_key FROM cards WHERE back_key IN ({','.join('?' * len(part))}) AND {_SHARED}", part)]
    rows: list[tuple] = []
    for part in _chunks(shared):
        rows += conn.execute(f"SELECT {CANDIDATE_COLUMNS} FROM cards WHERE back_key IN "
                             f"({','.join('?' * len(part))}) AND {_LIVE}", part).fetchall()
    return [tuple(r) for r in rows]


def write_marks(conn: sqlite3.Connection, keys: Iterable[str] | None, marks: dict[str, str]) -> None:
    """Mark the cards of `keys` (None: all) anew: {duplicate id: id of the card studied instead}; every other card
    of those keys (retired ones too) is studied."""
    if keys is None:
        conn.execute("UPDATE cards SET duplicate_of = NULL WHERE duplicate_of IS NOT NULL")
    for part in _chunks(sorted(keys or ())):
        conn.execute(f"UPDATE cards SET duplicate_of = NULL WHERE back_key IN ({','.join('?' * len(part))}) "
                     "AND duplicate_of IS NOT NULL", part)
    conn.executemany("UPDATE cards SET duplicate_of = ? WHERE id = ?", [(kept, dup) for dup, kept in marks.items()])


def duplicate_sources(store: Store) -> list:
    """(path, line, front, kept_path, kept_line, kept_id, id) of every live duplicate, in note order: what
    `check` reports."""
    return store.query(
        "SELECT d.path, d.line, d.front, k.path AS kept_path, k.line AS kept_line, k.id AS kept_id, d.id "
        "FROM cards d JOIN cards k ON k.id = d.duplicate_of WHERE d.retired = 0 AND d.duplicate_of IS NOT NULL "
        "ORDER BY d.path, d.line, d.id")


def formula_twin_rows(conn: sqlite3.Connection) -> list[tuple]:
    """(id, kind, front, back, path) of the live formula cards and the basic cards whose back opens and ends on a
    formula: what `scan.formula_twins` reads."""
    return [tuple(r) for r in conn.execute(
        "SELECT id, kind, front, back, path FROM cards WHERE +retired = 0 AND +dropped = 0 AND "
        "(kind = 'formula' OR (kind = 'basic' AND back LIKE '$%$%' AND back NOT LIKE '%$$%'))")]


def marked_basic_copies(conn: sqlite3.Connection) -> dict[str, str]:
    """{id: the id it copies} of the basic cards marked as duplicates."""
    return {r[0]: r[1] for r in conn.execute(
        "SELECT id, duplicate_of FROM cards WHERE duplicate_of IS NOT NULL AND kind = 'basic'")}


def write_twin_marks(conn: sqlite3.Connection, unmark: list[str], marks: dict[str, str]) -> None:
    """Unmark the cards `unmark`, then mark each unmarked card of `marks` as a copy of its card."""
    conn.executemany("UPDATE cards SET duplicate_of = NULL WHERE id = ?", [(cid,) for cid in unmark])
    conn.executemany("UPDATE cards SET duplicate_of = ? WHERE id = ? AND duplicate_of IS NULL",
                     [(kept, cid) for cid, kept in marks.items()])


# A restatement's mark (scan.near_twins): a card marked as a copy of a card of another back, not a formula card's.
_NEAR_MARK = ("d.duplicate_of IS NOT NULL AND k.kind != 'formula' AND "
              "(k.back_key IS NULL OR d.back_key IS NULL OR k.back_key != d.back_key)")


def near_twin_rows(conn: sqlite3.Connection, kinds: tuple[str, ...]) -> list[tuple]:
    """(id, front, back, path) of the live cards of these kinds the tool wrote from prose (`explicit` 0), not marked
    as a copy by another rule: what `scan.near_twins` reads."""
    return [tuple(r) for r in conn.execute(
        f"SELECT d.id, d.front, d.back, d.path FROM cards d LEFT JOIN cards k ON k.id = d.duplicate_of "
        f"WHERE +d.retired = 0 AND +d.dropped = 0 AND d.explicit = 0 AND d.kind IN ({','.join('?' * len(kinds))}) "
        f"AND (d.duplicate_of IS NULL OR {_NEAR_MARK})", kinds)]


def marked_near_twins(conn: sqlite3.Connection) -> dict[str, str]:
    """{id: the id it restates} of the cards marked by `scan.near_twins`."""
    return {r[0]: r[1] for r in conn.execute(
        f"SELECT d.id, d.duplicate_of FROM cards d JOIN cards k ON k.id = d.duplicate_of WHERE {_NEAR_MARK}")}
