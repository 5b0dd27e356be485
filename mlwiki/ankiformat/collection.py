"""The SQL that reads and writes Anki's own files (collections, package databases). mlwiki.anki and
mlwiki.export call these; nothing else in mlwiki writes Anki SQL.

Two kinds of connection come in: `sqlite3.Connection` for private copies and package databases, and the
`anki` package's `col.db` (a DBProxy: `.all(sql, *args)`, `.execute(sql, *args)`) for a collection opened
through Anki, whose writes sync. Functions say which they take.
"""

from __future__ import annotations

import json
import sqlite3

from mlwiki.errors import MlwikiError

REQUIRED_TABLES = {"col", "notes", "cards", "revlog"}
TESTED_SCHEMA = 18  # col.ver of the collections Anki 2.1.50 to 26.9 write: what pull and push are tested on


def open_copy(path, shown: str) -> sqlite3.Connection:
    """A connection to a private copy of a collection; raises, naming `shown` (the file the user gave), for a
    file that is not an Anki collection."""
    try:
        conn = sqlite3.connect(str(path), isolation_level=None)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise MlwikiError(f"not an Anki collection ({exc})", path=shown) from None
    if not REQUIRED_TABLES <= tables:
        conn.close()
        raise MlwikiError("not an Anki collection (no revlog, cards or notes table)", path=shown)
    try:
        version = schema_of(conn)
    except (sqlite3.DatabaseError, TypeError, ValueError):
        conn.close()
        raise MlwikiError("not an Anki collection (its col table has no schema version)", path=shown) from None
    if version > TESTED_SCHEMA:
        conn.close()
        raise MlwikiError(f"this collection has schema {version}, newer than the {TESTED_SCHEMA} mlwiki is tested "
                          "with; update mlwiki — nothing was read or written", path=shown)
    return conn


def schema_of(conn: sqlite3.Connection) -> int:
    """The collection's schema version (col.ver)."""
    return int(conn.execute("SELECT ver FROM col").fetchone()[0])


def revlog_with_cards(conn: sqlite3.Connection, shown: str) -> list[tuple]:
    """Every revlog row with its card's note GUID and ord (None, None when the card is gone), by id."""
    try:
        return conn.execute(
            "SELECT r.id, r.cid, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type, n.guid, c.ord "
            "FROM revlog r LEFT JOIN cards c ON c.id = r.cid LEFT JOIN notes n ON n.id = c.nid "
            "ORDER BY r.id").fetchall()
    except sqlite3.DatabaseError as exc:
        raise MlwikiError(f"cannot read the collection's review log ({exc})", path=shown) from None


def notes_with_mod(conn: sqlite3.Connection, shown: str) -> list[tuple]:
    """(GUID, modification time in seconds, fields) of every note."""
    try:
        return conn.execute("SELECT guid, mod, flds FROM notes").fetchall()
    except sqlite3.DatabaseError as exc:
        raise MlwikiError(f"cannot read the collection's notes ({exc})", path=shown) from None


def collection_guid_ords(db) -> dict[int, tuple]:
    """card id → (note GUID, ord), through the anki package's DBProxy."""
    return {r[0]: (r[1], r[2]) for r in db.all("SELECT c.id, n.guid, c.ord FROM cards c JOIN notes n ON n.id = c.nid")}


# --- package databases (genanki's collection.anki2, before it is zipped) --------------------------------------


def insert_package_rows(conn: sqlite3.Connection, mod: int, notes: list[tuple], cards: list[tuple],
                        revlog: list[tuple]) -> None:
    """Bulk-insert into a package database the rows genanki writes for notes and cards (all modified at `mod`, usn
    −1, no flags), its indexes dropped meanwhile and then made again with the same SQL (a third faster than updating
    them row by row).

    notes: (id, guid, mid, tags, flds, sfld); cards: (id, nid, did, ord, type, queue, due, ivl, factor, reps,
    lapses, left, data), with the card's scheduling; revlog: as `insert_revlog`. The columns every row shares are
    written by the statement, not bound row by row."""
    indexes = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                           "AND tbl_name IN ('notes', 'cards', 'revlog')").fetchall()
    for name, _ in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    mod = int(mod)
    conn.executemany("INSERT INTO notes(id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data) "
                     f"VALUES (?, ?, ?, {mod}, -1, ?, ?, ?, 0, 0, '')", notes)
    conn.executemany("INSERT INTO cards(id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, "
                     f"left, odue, odid, flags, data) VALUES (?, ?, ?, ?, {mod}, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)",
                     cards)
    insert_revlog(conn, revlog)
    for _, sql in indexes:
        conn.execute(sql)


def package_decks_and_models(conn: sqlite3.Connection) -> tuple[str, str]:
    """The `decks` and `models` JSON text of a package database's `col` row, as written."""
    return conn.execute("SELECT decks, models FROM col").fetchone()


def set_package_decks_and_models(conn: sqlite3.Connection, decks: str, models: str) -> None:
    conn.execute("UPDATE col SET decks = ?, models = ?", (decks, models))


def package_crt(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT crt FROM col").fetchone()[0]


def update_package_conf(conn: sqlite3.Connection, changes: dict) -> None:
    """Merge `changes` into the package's col.conf JSON (e.g. schedVer 2, so Anki reads eases as written)."""
    conf = json.loads(conn.execute("SELECT conf FROM col").fetchone()[0] or "{}")
    conf.update(changes)
    conn.execute("UPDATE col SET conf = ?", (json.dumps(conf),))


def insert_revlog(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    """rows: (id, cid, usn, ease, ivl, lastIvl, factor, time, type)."""
    conn.executemany("INSERT INTO revlog(id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


# --- an open collection, through the anki package (col.db) -----------------------------------------------------


def collection_cards(db) -> list[tuple]:
    """(card id, note GUID, ord) of every card, through the anki package's DBProxy."""
    return [tuple(r) for r in db.all("SELECT c.id, n.guid, c.ord FROM cards c JOIN notes n ON n.id = c.nid")]


def collection_revlog_ids(db) -> dict[int, int]:
    """revlog id → card id, through the anki package's DBProxy."""
    return {rid: cid for rid, cid in db.all("SELECT id, cid FROM revlog")}


def add_revlog(db, rows: list[tuple]) -> None:
    """Insert revlog rows (id, cid, usn, ease, ivl, lastIvl, factor, time, type) with usn −1, so they sync."""
    db.executemany("INSERT INTO revlog(id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def package_deck_configs(conn: sqlite3.Connection) -> tuple[dict, dict]:
    """(decks, dconf) JSON of a package database's `col` row."""
    decks, dconf = conn.execute("SELECT decks, dconf FROM col").fetchone()
    return json.loads(decks or "{}"), json.loads(dconf or "{}")


def set_package_deck_configs(conn: sqlite3.Connection, decks: dict, dconf: dict) -> None:
    conn.execute("UPDATE col SET decks = ?, dconf = ?", (json.dumps(decks), json.dumps(dconf)))


def collection_schedules(db) -> dict[int, tuple]:
    """card id → (type, queue, due, ivl, data) of every card, through the anki package's DBProxy."""
    return {row[0]: tuple(row[1:]) for row in db.all("SELECT id, type, queue, due, ivl, data FROM cards")}


def collection_revlog(db) -> list[tuple]:
    """Every revlog row (id, cid, ease, ivl, lastIvl, factor, time, type), through the anki package's DBProxy."""
    return [tuple(r) for r in db.all("SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog")]
