"""Where Anki's history is read from: a collection file, a profile folder, a backup, a `.colpkg` or an `.apkg`.

Nothing in Anki's folders is ever written. Even a read-only SQLite connection leaves `-wal`/`-shm` files beside
a collection in WAL mode, so every source is first copied (or unpacked) into a private temporary folder and read
there. Anki holds its open collection under an exclusive lock; that is detected from the file locks before
anything is copied, and the newest automatic backup (`<profile>/backups/*.colpkg`) is read instead.

Packages and backups are unpacked by `mlwiki.ankiformat.containers`.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from mlwiki.ankiformat.containers import AnkiSourceError, unpack_collection

COLLECTION_NAME = "collection.anki2"


@dataclass
class Snapshot:
    """A private copy of an Anki collection as SQLite, plus a line saying where it came from."""

    path: Path
    origin: str
    notes: list[str] = field(default_factory=list)
    _tmp: tempfile.TemporaryDirectory | None = field(default=None, repr=False)

    def close(self) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> "Snapshot":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def anki_base() -> Path:
    """Anki's data folder: $ANKI_BASE, else the platform's standard place (as Anki itself chooses)."""
    if os.environ.get("ANKI_BASE"):
        return Path(os.environ["ANKI_BASE"]).expanduser()
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / "Anki2"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Anki2"
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "Anki2"


def profiles(base: Path) -> list[Path]:
    """Profile folders under an Anki data folder: those holding a collection."""
    if not base.is_dir():
        return []
    return sorted(p for p in base.iterdir() if p.is_dir() and (p / COLLECTION_NAME).is_file())


def find_collection(source: str | None, profile: str | None) -> Path:
    """The collection file (or package) that SOURCE and --profile name."""
    if source is not None:
        path = Path(source).expanduser()
        if not path.exists():
            raise AnkiSourceError("no such file or folder", path=str(path))
        if path.is_dir():
            return _collection_in_folder(path, profile)
        return path
    base = anki_base()
    return _collection_in_folder(base, profile)


def _collection_in_folder(folder: Path, profile: str | None) -> Path:
    if (folder / COLLECTION_NAME).is_file() and profile is None:
        return folder / COLLECTION_NAME
    found = profiles(folder)
    if profile is not None:
        for candidate in found:
            if candidate.name == profile:
                return candidate / COLLECTION_NAME
        names = ", ".join(p.name for p in found) or "none"
        raise AnkiSourceError(f"no Anki profile named {profile!r} (profiles: {names})", path=str(folder))
    if len(found) == 1:
        return found[0] / COLLECTION_NAME
    if not found:
        raise AnkiSourceError("no Anki collection here (expected collection.anki2 or profile folders); "
                              "name the collection, profile folder or package", path=str(folder))
    names = ", ".join(p.name for p in found)
    raise AnkiSourceError(f"several Anki profiles ({names}); choose one with --profile NAME", path=str(folder))


def is_locked(path: Path) -> bool:
    """True while another process (Anki) holds SQLite's exclusive lock on the collection file.

    Asks the OS which lock would block a reader (SQLite's shared byte range) without taking any lock.
    Where that cannot be asked (Windows), opening the copy will tell instead.
    """
    try:
        import fcntl
        import struct
    except ImportError:
        return False
    pending = 0x40000000
    try:
        with open(path, "rb") as handle:
            for start, length in ((pending, 1), (pending + 2, 510)):
                query = struct.pack("hhqqi", fcntl.F_RDLCK, os.SEEK_SET, start, length, 0)
                answer = fcntl.fcntl(handle.fileno(), fcntl.F_GETLK, query)
                if struct.unpack("hhqqi", answer)[0] != fcntl.F_UNLCK:
                    return True
    except OSError:
        return False
    return False


def newest_backup(collection: Path) -> Path | None:
    """The newest automatic backup of a profile's collection, if any."""
    folder = collection.parent / "backups"
    if not folder.is_dir():
        return None
    backups = [p for p in folder.iterdir() if p.suffix in (".colpkg", ".apkg") and p.is_file()]
    return max(backups, key=lambda p: (p.stat().st_mtime, p.name), default=None)


def open_snapshot(path: Path) -> Snapshot:
    """A private SQLite copy of the collection in `path` (a collection file or a package)."""
    tmp = tempfile.TemporaryDirectory(prefix="mlwiki-anki-")
    target = Path(tmp.name) / "collection.sqlite"
    try:
        notes: list[str] = []
        if zipfile.is_zipfile(path):
            unpack_collection(path, target)
            origin = f"{path}"
        else:
            if is_locked(path):
                backup = newest_backup(path)
                if backup is None:
                    raise AnkiSourceError("the collection is open in Anki (locked) and it has no backups; "
                                          "close Anki and try again", path=str(path))
                notes.append(f"the collection is open in Anki; read its newest backup {backup.name} instead "
                             "(reviews since then come with the next pull)")
                unpack_collection(backup, target)
                origin = str(backup)
            else:
                _copy_collection(path, target)
                origin = str(path)
        return Snapshot(target, origin, notes, tmp)
    except BaseException:
        tmp.cleanup()
        raise


def _copy_collection(path: Path, target: Path) -> None:
    with open(path, "rb") as handle:
        head = handle.read(16)
    if head != b"SQLite format 3\x00":
        raise AnkiSourceError("not an Anki collection or package (neither SQLite nor zip)", path=str(path))
    shutil.copyfile(path, target)
    wal = path.with_name(path.name + "-wal")
    if wal.is_file():  # Anki was killed: its last changes are still in the write-ahead log
        shutil.copyfile(wal, target.with_name(target.name + "-wal"))
