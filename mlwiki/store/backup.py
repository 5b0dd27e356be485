"""Backups of the database: taken with SQLite's online backup API, checked, and thinned over time.

Automatic backups happen at most once a day when reviews changed, and before every migration. They live in
`.mlwiki/backups/` and are thinned to 7 daily, 4 weekly and 12 monthly copies.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from mlwiki.errors import StoreError
from mlwiki.store.db import create_private

BACKUP_DIR = "backups"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime


def backup_dir(config) -> Path:
    return config.data_dir / BACKUP_DIR


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy a live database with the backup API (consistent even while another process writes), then check it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    try:
        partial.unlink(missing_ok=True)
        create_private(partial)
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")  # a self-contained file: reading it makes no -wal/-shm
            ok = dest.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dest.close()
        if ok != "ok":
            raise StoreError(f"backup failed its check ({ok}); the database may be damaged", path=str(target))
        partial.replace(target)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"backup failed: {exc}", path=str(target)) from None
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"backup failed ({exc.strerror}); is the disk full?", path=str(target)) from None


def backup_now(store, config, reason: str = "manual", target: Path | None = None,
               when: datetime | None = None) -> Path:
    """Take a backup now; into `target` if given, else into the backups folder."""
    when = when or datetime.now(timezone.utc)
    if target is None:
        stamp = when.strftime("%Y%m%dT%H%M%SZ")
        target = backup_dir(config) / f"mlwiki-{stamp}-{reason}.db"
    elif target.is_dir():
        target = target / f"mlwiki-{when.strftime('%Y%m%dT%H%M%SZ')}.db"
    copy_database(store.conn, target)
    return target


def list_backups(config) -> list[BackupFile]:
    """Backups in the data folder, oldest first."""
    found = []
    for path in sorted(backup_dir(config).glob("mlwiki-*.db")):
        try:
            taken = datetime.strptime(path.name.split("-")[1], "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
        except (ValueError, IndexError):
            continue
        found.append(BackupFile(path, taken))
    return sorted(found, key=lambda b: b.taken_at)


def thin(backups: list[BackupFile]) -> list[BackupFile]:
    """Which backups to delete: keep the newest of each of the last 7 days, 4 weeks and 12 months."""
    keep: set[Path] = set()
    for key_of, limit in ((lambda d: d.date(), KEEP_DAILY),
                          (lambda d: tuple(d.isocalendar())[:2], KEEP_WEEKLY),
                          (lambda d: (d.year, d.month), KEEP_MONTHLY)):
        newest: dict = {}
        for backup in backups:
            newest[key_of(backup.taken_at)] = backup  # later ones overwrite: newest per period
        for period in sorted(newest, reverse=True)[:limit]:
            keep.add(newest[period].path)
    return [b for b in backups if b.path not in keep and "before-migration" not in b.path.name]


def auto_backup(store, config, now: datetime) -> Path | None:
    """At most one automatic backup a day, and only when reviews were added since the last one."""
    last = store.meta("last_backup_reviews")
    count = str(store.query("SELECT coalesce(max(id), 0) FROM reviews")[0][0])
    backups = list_backups(config)
    if count == last or count == "0":
        return None
    if backups and backups[-1].taken_at.date() == now.date():
        return None
    path = backup_now(store, config, "daily", when=now)
    with store.write():
        store.set_meta("last_backup_reviews", count)
    for old in thin(list_backups(config)):
        old.path.unlink(missing_ok=True)
    return path
