"""Opening the database: create it, refuse a foreign or newer one, migrate an older one; or replace it with a
backup."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

from mlwiki.errors import StoreError
from mlwiki.store.db import (Store, _explain, connect, create_private, enable_wal, schema_version,
                             synced_folder_warnings)
from mlwiki.store.migrations import migrate, refuse_foreign_or_newer


# SQLite pages of 8 KiB, not 4: a first scan writes every card, its sources and seven indexes (100 MB for 10,000
# notes), and with pages twice the size its inserts, commits and index builds took 0.35-0.45 CPU-s less of 2.1.
PAGE_SIZE = 8192


def open_store(config, create: bool = True) -> Store:
    """Open (and create or migrate) the wiki's database."""
    path = config.db_path
    new = not path.exists() or not path.stat().st_size
    if not path.exists():
        if not create:
            raise StoreError("no database yet; run `mlwiki scan` first", path=str(path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the data folder ({exc.strerror}); is the wiki read-only? "
                             "Use --root on a writable copy", path=str(path.parent)) from None
        try:
            create_private(path)
        except OSError as exc:
            raise StoreError(f"cannot create the database ({exc.strerror})", path=str(path)) from None
    elif not path.is_file():
        raise StoreError("the database path is not a file", path=str(path))
    store = Store(path, connect(path, wal=False), warnings=synced_folder_warnings(path))
    try:
        refuse_foreign_or_newer(store)  # before anything writes to the file
        if new:  # (only an empty file takes a page size: a WAL database keeps the one it has)
            store.conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        enable_wal(store.conn)
        migrate(store, config)
    except sqlite3.DatabaseError as exc:
        store.close()
        raise StoreError(_explain(exc), path=str(path)) from None
    except BaseException:
        store.close()
        raise
    return store


def restore(config, source: Path, now: datetime) -> Path | None:
    """Replace the database with `source`, after backing up the current one. Returns that safety backup.

    The backup is read from a private copy, so no -wal or -shm file is ever left beside it."""
    if not source.is_file():
        raise StoreError("no such backup file", path=str(source))
    with tempfile.TemporaryDirectory(prefix="mlwiki-restore-") as folder:
        copy = _private_copy(source, Path(folder))
        try:
            check = sqlite3.connect(copy)
            try:
                ok = check.execute("PRAGMA quick_check").fetchone()[0]
                schema_version(check)
            finally:
                check.close()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"not a usable database ({exc}); nothing was changed", path=str(source)) from None
        if ok != "ok":
            raise StoreError(f"backup fails its integrity check ({ok}); nothing was changed", path=str(source))
        from mlwiki.store.backup import backup_now

        safety = None
        if config.db_path.exists():
            with open_store(config) as store:
                safety = backup_now(store, config, "before-restore", when=now)
        config.data_dir.mkdir(parents=True, exist_ok=True)
        create_private(config.db_path)
        src = sqlite3.connect(copy)
        dest = connect(config.db_path)
        try:
            src.backup(dest)
        finally:
            src.close()
            dest.close()
    open_store(config).close()  # migrate if the backup is older
    return safety


def _private_copy(source: Path, folder: Path) -> Path:
    """`source` (and its -wal, if a copy of a live database left one) copied into `folder`, mode 0600."""
    target = folder / "restore.db"
    for suffix in ("", "-wal"):
        origin = Path(f"{source}{suffix}")
        if origin.is_file():
            create_private(Path(f"{target}{suffix}"))
            shutil.copyfile(origin, f"{target}{suffix}")
    return target
