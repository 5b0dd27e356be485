"""Where cards are stored: the SQLite database in `.mlwiki/mlwiki.db`.

The schema is created and migrated with sqlite-utils; hot paths use plain SQL on the same connection.
Every write runs in one `BEGIN IMMEDIATE` transaction, so a crash leaves the database as it was before the
write or after it, never in between. The review log (`reviews`) is append-only and is the source of truth for
scheduling; the scheduling columns of `cards` are a cache of it.
"""

from __future__ import annotations

import sqlite3
import sys
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from mlwiki.errors import StoreError


def import_sqlite_utils():
    """sqlite-utils, imported without numpy and pandas. It imports them whenever they are installed (numpy is,
    for most people who keep ML notes: 120 ms) only to accept their types as column types, which mlwiki never
    passes; and it is imported to create or migrate a database, as a first scan does."""
    if "sqlite_utils" not in sys.modules:
        hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
        sys.modules.update(dict.fromkeys(hidden))  # None there: `import numpy` fails, as if it were not installed
        try:
            import sqlite_utils  # noqa: F401
        finally:
            for name in hidden:
                if name in sys.modules and sys.modules[name] is None:
                    del sys.modules[name]
    import sqlite_utils

    return sqlite_utils


def utc_iso(when: datetime) -> str:
    """The one text form of times in the database: UTC, ISO 8601, seconds precision with microseconds."""
    return when.astimezone(timezone.utc).isoformat()


class Store:
    """An open database. Use `open_store()`; close with `.close()` or as a context manager. (A plain class: every
    command makes one, and a dataclass costs every start ~0.3 ms to build.)"""

    def __init__(self, path: Path, conn: sqlite3.Connection, warnings: list[str] | None = None):
        self.path = path
        self.conn = conn
        self.warnings: list[str] = warnings if warnings is not None else []

    @property
    def db(self):
        """The sqlite-utils view of the same connection (imported lazily: it is slow to import)."""
        return import_sqlite_utils().Database(self.conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def write(self, durable: bool = True):
        """One write transaction, taken at once (BEGIN IMMEDIATE) so it never fails half-way on a lock.

        `durable=False` commits without waiting for the disk (WAL with synchronous=NORMAL: a power cut may undo
        the transaction, never corrupt the file), for writes that the next scan redoes if they are lost. Ten
        such commits of a first scan took 0.13-0.2 s where durable ones took 0.5-1.4 s. The log is still copied
        into the database as it grows (SQLite's automatic checkpoint): a first scan's writes happen while its
        workers extract, and left to the durable write at its end they made it 0.1-0.15 s longer."""
        if not durable:
            self.conn.execute("PRAGMA synchronous = NORMAL")
        try:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise StoreError(_explain(exc), path=str(self.path)) from None
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                self._rollback()
                raise StoreError(_explain(exc), path=str(self.path)) from None
            except BaseException:
                self._rollback()
                raise
        finally:
            if not durable:
                self.conn.execute("PRAGMA synchronous = FULL")

    def _rollback(self) -> None:
        # SQLite rolls back by itself on some errors (a full disk, for one): only roll back what is still open
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def query(self, sql: str, params=()) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise StoreError(_explain(exc), path=str(self.path)) from None

    def data_version(self) -> int:
        """Changes whenever another connection (another mlwiki process) commits to the database."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def delete_meta(self, key: str) -> None:
        self.conn.execute("DELETE FROM meta WHERE key = ?", (key,))


REPLAY_PENDING = "replay_pending"  # meta key: the cached schedules await a replay of the log (migration 006)


def _explain(exc: Exception) -> str:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return "the database is busy in another mlwiki process; try again in a moment"
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return ("the database file is damaged or not an mlwiki database; restore a backup with "
                "`mlwiki restore` (see `mlwiki backup --list`)")
    if "readonly" in text or "read-only" in text:
        return "the database is read-only; check the permissions of the .mlwiki folder"
    if "disk is full" in text or "full" in text:
        return "the disk is full; nothing was written — free some space and try again"
    if "unable to open" in text:
        return "cannot open the database; check that the .mlwiki folder exists and is writable"
    return f"database error: {text}"


def connect(path: Path, readonly: bool = False, wal: bool = True) -> sqlite3.Connection:
    """A connection with the settings that keep reviews safe: WAL, synchronous=FULL, a 10 s busy timeout.

    `wal=False` leaves the journal mode alone, so a file can be inspected before mlwiki changes anything.
    """
    uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=10.0, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 10000")
        if wal and not readonly:
            enable_wal(conn)
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        raise StoreError(_explain(exc), path=str(path)) from None
    return conn


PRIVATE_MODE = 0o600  # review data is the learner's own: files that hold it are readable by them only


def create_private(path: Path) -> None:
    """Create `path` empty with mode 0600 unless it exists (SQLite gives its -wal and -shm the same mode)."""
    import os

    try:
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_MODE))
    except FileExistsError:
        pass


def enable_wal(conn: sqlite3.Connection) -> None:
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal":
        raise sqlite3.OperationalError("cannot switch to WAL journal")


SYNCED_FOLDER_NAMES = ("dropbox", "onedrive", "google drive", "googledrive", "icloud", "mobile documents",
                       "nextcloud", "owncloud", "pcloud", "syncthing", "box sync")
NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "davfs", "fuse.rclone",
                       "fuse.gcsfuse", "fuse.s3fs"}


def synced_folder_warnings(path: Path) -> list[str]:
    """SQLite's locking is unreliable on network filesystems and cloud-synced folders: say so once."""
    lowered = str(path).lower()
    if any(name in lowered for name in SYNCED_FOLDER_NAMES):
        return [f"the database {path} is in a cloud-synced folder; sync tools can corrupt SQLite files that are "
                "in use. Keep reviews on one machine at a time, or move the wiki out of the synced folder"]
    fstype = _filesystem_type(path.parent)
    if fstype in NETWORK_FILESYSTEMS:
        return [f"the database {path} is on a network filesystem ({fstype}); SQLite locking is unreliable there"]
    return []


def _filesystem_type(folder: Path) -> str | None:
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    best, kind = "", None
    target = str(folder.resolve())
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3 and (target == parts[1] or target.startswith(parts[1].rstrip("/") + "/")) \
                and len(parts[1]) > len(best):
            best, kind = parts[1], parts[2]
    return kind


def schema_version(conn: sqlite3.Connection) -> int:
    """How many migrations the database has had (0: a new, empty file)."""
    has_meta = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    if not has_meta:
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
        if tables:
            raise StoreError("this SQLite file is not an mlwiki database (no meta table); leaving it untouched")
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    return int(row[0]) if row else 0
