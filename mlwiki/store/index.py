"""The note index in the store: which files were seen (size, mtime, hash), their problems, and the cards with
their sources and aliases. The scan (mlwiki.scan.sync) decides what changed; this module only reads and writes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator

from mlwiki.problems import Problem, Severity
from mlwiki.store.db import Store

CARD_CONTENT_COLUMNS = ("note_id", "kind", "front", "back", "text", "grp", "deck", "tags", "heading", "path",
                        "line", "ord", "explicit", "content_hash", "back_key")
_CHUNK = 500  # ids per IN (…): well under SQLite's host-parameter limit
# The secondary indexes of `cards` dropped for a first scan's bulk insert, as {name: CREATE sql}, until they are
# built again (once its last thousand files are left to read; or, after a crash, at the start of the next scan).
DEFERRED_INDEXES_KEY = "deferred_card_indexes"
BULK_CACHE_KIB = 8 * 1024  # SQLite's page cache during a first scan's bulk insert (see defer_indexes)


def file_states(store: Store) -> dict[str, tuple[int, int, str]]:
    """{path: (size, mtime_ns, hash)} of every note file the last scan saw."""
    return {path: (size, mtime_ns, digest)
            for path, size, mtime_ns, digest in store.query("SELECT path, size, mtime_ns, hash FROM files")}


def has_cards(store: Store) -> bool:
    """Whether the store holds any card, live or retired."""
    return bool(store.query("SELECT 1 FROM cards LIMIT 1"))


def stored_problems(store: Store) -> list[Problem]:
    """The problems the scans recorded, in note order."""
    return [Problem(r["path"], r["line"], r["message"], Severity(r["severity"]), r["code"])
            for r in store.query("SELECT * FROM problems ORDER BY path, line")]


def restore_deferred_indexes(store: Store) -> None:
    """Build the indexes a first scan dropped and could not build again (it was killed): a query is all it
    costs when there are none."""
    if store.meta(DEFERRED_INDEXES_KEY) is not None:
        with store.write() as conn:
            IndexWriter(conn).restore_indexes()


def _chunks(items: list, size: int = _CHUNK) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _in(conn: sqlite3.Connection, sql: str, ids: Iterable[str]) -> Iterator[sqlite3.Row]:
    """Rows of `sql` (which holds one `IN ({marks})`) for all `ids`, a chunk at a time."""
    for chunk in _chunks(list(ids)):
        yield from conn.execute(sql.format(marks=",".join("?" * len(chunk))), chunk)


class IndexWriter:
    """The writes of one scan, on a connection inside `Store.write()`."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    # files and problems
    def touch_files(self, files: list[tuple[int, int, str]]) -> None:
        """(mtime_ns, size, path) of files whose bytes did not change."""
        self.conn.executemany("UPDATE files SET mtime_ns = ?, size = ? WHERE path = ?", files)

    def replace_files(self, seen: list[tuple[str, int, int, str, int]], removed: list[str]) -> None:
        """(path, size, mtime_ns, hash, skipped) of files read; paths of files gone. Their problems go too."""
        self.conn.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in removed])
        self.conn.executemany("INSERT OR REPLACE INTO files(path, size, mtime_ns, hash, skipped) VALUES (?, ?, ?, ?, ?)",
                              seen)
        self.conn.executemany("DELETE FROM problems WHERE path = ?", [(s[0],) for s in seen] + [(p,) for p in removed])

    def add_problems(self, problems: Iterable[Problem]) -> None:
        self.conn.executemany("INSERT INTO problems(path, line, severity, code, message) VALUES (?, ?, ?, ?, ?)",
                              [(p.path, p.line, p.severity.value, p.code, p.message) for p in problems])

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def delete_meta(self, key: str) -> None:
        self.conn.execute("DELETE FROM meta WHERE key = ?", (key,))

    def defer_indexes(self) -> None:
        """Drop the secondary indexes of `cards` and `card_sources` (their primary keys stay) for a bulk insert into
        an empty store: six indexes kept up to date row by row cost 0.6 s for 50,000 cards, built once after it
        0.15 s (and card_sources' path index 0.08 s of 0.35 for 10,000 notes' sources, 0.03 s built after). What
        they were is kept in the same transaction, for `restore_indexes`. (The bulk insert asks nothing of them:
        a streamed scan looks up no source by path.)

        The bulk insert also gets a bigger page cache than SQLite's 2 MB: the primary keys of `cards` and
        `card_sources` take ids in random order, and with 2 MB their pages were evicted and read back again and
        again (10,000 notes: 0.65 s of CPU inserting, 0.5 s with 8 MB; 16 or 32 MB made little difference). The
        connection holds it until it closes: 8 MB at most, whatever the size of the wiki."""
        self.conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
        deferred = json.loads(self._meta(DEFERRED_INDEXES_KEY) or "{}")
        for name, sql in self.conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                                           "tbl_name IN ('cards', 'card_sources') AND sql IS NOT NULL").fetchall():
            deferred[name] = sql
            self.conn.execute(f'DROP INDEX "{name}"')
        self.set_meta(DEFERRED_INDEXES_KEY, json.dumps(deferred))

    def restore_indexes(self) -> None:
        """Build again the indexes `defer_indexes` dropped (those another scan has not built already)."""
        deferred = json.loads(self._meta(DEFERRED_INDEXES_KEY) or "{}")
        for name, sql in deferred.items():
            if not self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
                                     (name,)).fetchone():
                self.conn.execute(sql)
        self.delete_meta(DEFERRED_INDEXES_KEY)

    def _meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    # sources and identity
    def ids_at(self, paths: list[str]) -> list[str]:
        """Ids of the cards that had a source in one of these files."""
        found: dict[str, None] = {}
        for row in _in(self.conn, "SELECT card_id FROM card_sources WHERE path IN ({marks})", paths):
            found[row[0]] = None
        return list(found)

    def drop_sources(self, paths: list[str]) -> None:
        self.conn.executemany("DELETE FROM card_sources WHERE path = ?", [(p,) for p in paths])

    def aliases(self, card_ids: list[str]) -> dict[str, str]:
        """{alias: card id} for those of `card_ids` that an earlier re-link made aliases."""
        return dict(_in(self.conn, "SELECT alias, card_id FROM aliases WHERE alias IN ({marks})", card_ids))

    def has_aliases(self) -> bool:
        """Whether any card was ever re-linked (a store without one needs no alias lookup)."""
        return self.conn.execute("SELECT 1 FROM aliases LIMIT 1").fetchone() is not None

    def existing(self, card_ids: Iterable[str]) -> dict[str, bool]:
        """{id: retired?} for the ids already in the store."""
        return {r[0]: bool(r[1]) for r in _in(self.conn, "SELECT id, retired FROM cards WHERE id IN ({marks})",
                                              card_ids)}

    def still_sourced(self, card_ids: list[str]) -> set[str]:
        return {r[0] for r in _in(self.conn, "SELECT DISTINCT card_id FROM card_sources WHERE card_id IN ({marks})",
                                  card_ids)}

    def sources_of(self, card_ids: list[str]) -> list[tuple[str, str]]:
        """(card id, path) of every source of these cards."""
        return [(r[0], r[1]) for r in _in(self.conn, "SELECT card_id, path FROM card_sources WHERE card_id IN ({marks})",
                                          card_ids)]

    def cards(self, card_ids: list[str]) -> list[sqlite3.Row]:
        """id, kind, front, path, note_id, back_key and the back's length of these cards."""
        return list(_in(self.conn, "SELECT id, kind, front, path, note_id, back_key, length(back) AS back_length "
                                   "FROM cards WHERE id IN ({marks})",
                        card_ids))

    def relink(self, new_id: str, old_id: str, stamp: str) -> None:
        """`new_id` is from now on another name of `old_id` (whose history it inherits)."""
        self.conn.execute("INSERT OR REPLACE INTO aliases(alias, card_id, created_at) VALUES (?, ?, ?)",
                          (new_id, old_id, stamp))
        self.conn.execute("INSERT INTO events(card_id, at, action, detail) VALUES (?, ?, 'relink', ?)",
                          (old_id, stamp, new_id))

    # card content
    def write_cards(self, inserts: list[tuple], updates: list[tuple], sources: list[tuple[str, str, int]]) -> None:
        """New cards (id, *content, created_at), changed ones (*content, id) — both back to life — and sources."""
        columns = ", ".join(CARD_CONTENT_COLUMNS)
        self.conn.executemany(f"INSERT INTO cards(id, {columns}, created_at) VALUES "
                              f"(?, {', '.join('?' * len(CARD_CONTENT_COLUMNS))}, ?)", inserts)
        assignments = ", ".join(f"{c} = ?" for c in CARD_CONTENT_COLUMNS)
        self.conn.executemany(f"UPDATE cards SET {assignments}, retired = 0, retired_at = NULL WHERE id = ?",
                              updates)
        self.conn.executemany("INSERT OR IGNORE INTO card_sources(card_id, path, line) VALUES (?, ?, ?)", sources)

    def repoint(self, card_ids: list[str]) -> None:
        """Cards that left a changed file but live on in an unchanged one: their main source moves there."""
        self.conn.executemany(
            "UPDATE cards SET (path, line) = (SELECT path, line FROM card_sources WHERE card_id = ? "
            "ORDER BY path, line LIMIT 1) WHERE id = ?", [(cid, cid) for cid in card_ids])

    def retire(self, card_ids: list[str], stamp: str) -> int:
        """Mark cards gone from every note; returns how many were live."""
        done = self.conn.executemany("UPDATE cards SET retired = 1, retired_at = ? WHERE id = ? AND retired = 0",
                                     [(stamp, c) for c in card_ids])
        return max(done.rowcount, 0)
