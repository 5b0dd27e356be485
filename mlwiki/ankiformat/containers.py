"""Anki's containers: `.apkg` packages and `.colpkg` backups are zip files holding one collection database and
the media.

Modern packages and backups hold `collection.anki21b` (zstd-compressed SQLite, read with `zstandard`); legacy
ones hold `collection.anki21` or only `collection.anki2` (genanki's exports, and what mlwiki writes). The media
index (`media`) maps file numbers inside the zip to media names.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from mlwiki.errors import MlwikiError

PACKAGE_MEMBERS = ("collection.anki21b", "collection.anki21", "collection.anki2")
LEGACY_MEMBER = "collection.anki2"
# zlib's fastest level: for a 10,000-note collection (6.9 MB) 2.4× faster than the default 6 for 10 % more bytes
# (1.11 MB against 1.01 MB); stored (no compression) would be 6.9 MB to carry to a phone. Any level reads alike.
DEFLATE_LEVEL = 1


class AnkiSourceError(MlwikiError):
    """An Anki file or folder that cannot be read (missing, locked with no backup, corrupt, foreign)."""


def unpack_collection(package: Path, target: Path) -> None:
    """Write the collection database inside `package` (an .apkg or .colpkg) to `target`, decompressed."""
    try:
        with zipfile.ZipFile(package) as archive:
            names = set(archive.namelist())
            member = next((m for m in PACKAGE_MEMBERS if m in names), None)
            if member is None:
                raise AnkiSourceError("not an Anki package (no collection inside)", path=str(package))
            with archive.open(member) as raw, open(target, "wb") as out:
                if member.endswith("anki21b"):
                    _unzstd(raw, out, package)
                else:
                    shutil.copyfileobj(raw, out)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise AnkiSourceError(f"cannot read the package ({exc})", path=str(package)) from None


def _unzstd(raw, out, package: Path) -> None:
    try:
        import zstandard
    except ImportError:
        raise AnkiSourceError("this package is compressed with zstd; install the Anki extra: "
                              "pip install 'mlwiki[anki]'", path=str(package)) from None
    try:
        zstandard.ZstdDecompressor().copy_stream(raw, out)
    except zstandard.ZstdError as exc:
        raise AnkiSourceError(f"the package's collection is damaged ({exc})", path=str(package)) from None


def write_package(collection: bytes, target: Path, media: dict[str, Path]) -> None:
    """Zip a legacy collection database (its bytes: sqlite3's `Connection.serialize()`) and its media into the
    package `target`, atomically (a reader sees the old file or the new one, never half of one) and with the
    permissions of an ordinary file."""
    fd, tmp_path = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as raw:
            with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=DEFLATE_LEVEL) as archive:
                archive.writestr(LEGACY_MEMBER, collection)
                names = list(media)
                archive.writestr("media", json.dumps({str(i): name for i, name in enumerate(names)}))
                for i, name in enumerate(names):
                    archive.write(media[name], str(i))
            raw.flush()
            os.fsync(raw.fileno())
        os.chmod(tmp_path, 0o666 & ~_umask())  # mkstemp makes it private; a deck is an ordinary file
        os.replace(tmp_path, target)
    except BaseException:
        if os.path.exists(tmp_path):
            os.unlink(tmp_path)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
