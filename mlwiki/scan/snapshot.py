"""A rescan that need not walk the notes folder.

Most scans find nothing changed (every `due` and `review` starts with one). The walk behind them lists every
folder and runs the ignore rules on every entry; but which note files exist can only change when a folder's
entries change (a file added, removed or renamed: the folder's modification time moves) or when an ignore rule
does (a .gitignore's times, or mlwiki.toml, whose settings are part of the key). So after a walk the store keeps
the times of every folder listed and every .gitignore read, and the next scan, when none of them moved, takes the
note files to be exactly those the store knows, and only `stat`s each of them for its size and mtime, as the walk
would have.

Like git's index, this trusts no time that is too fresh to be told apart from a change made in the same clock
tick: a walk whose folders changed in the last `RACY_NS` is not kept, so the next scan walks again. A walk that
met problems (an unreadable folder, a broken symlink) is not kept either: those can mend without any folder
changing.
"""

from __future__ import annotations

import json
import os
import time

from mlwiki.config import Config
from mlwiki.store.db import Store

SNAPSHOT_KEY = "walk_snapshot"  # meta key
WALK_RULES = 1  # raise when the walk's rules change: a stored snapshot then no longer applies
RACY_NS = 2_000_000_000  # coarser than any file system's timestamps (FAT: 2 s)


def _key(config: Config) -> list:
    """What, besides the folders and .gitignore files, decides which files the walk finds."""
    return [WALK_RULES, str(config.root), str(config.notes_dir), str(config.decks_dir), str(config.data_dir),
            list(config.exclude)]


def _times(path: str) -> list[int]:
    try:
        stat = os.stat(path)
    except OSError:
        return [-1, -1]
    return [stat.st_mtime_ns, stat.st_ctime_ns]


def known_files_stand(store: Store, config: Config) -> bool:
    """Whether the files the store knows are still all the note files: no folder the last walk listed and no
    .gitignore it read has changed since."""
    text = store.meta(SNAPSHOT_KEY)
    if not text:
        return False
    try:
        snapshot = json.loads(text)
        if snapshot["key"] != _key(config):
            return False
        return all(_times(path) == times for path, times in snapshot["watched"].items())
    except (ValueError, KeyError, TypeError, AttributeError):
        return False


def restat(config: Config, known: dict[str, tuple]) -> list[tuple[str, str, int, int]] | None:
    """(path, rel, size, mtime_ns) of each known note file, sorted as the walk sorts; None when one is gone."""
    prefix = os.path.join(str(config.root), "")  # root + separator: joined by hand, os.path.join costs ~40 % here
    found = []
    for rel in sorted(known):
        path = prefix + rel
        try:
            stat = os.stat(path)
        except OSError:
            return None
        found.append((path, rel, stat.st_size, stat.st_mtime_ns))
    return found


def snapshot_after_walk(config: Config, watched: dict[str, list[int]], walk_problems: list) -> str | None:
    """The snapshot to keep after a walk (as stored text), or None when this walk must not be trusted later."""
    if walk_problems or not watched:
        return None
    fresh_from = time.time_ns() - RACY_NS
    if any(times[0] >= fresh_from or times[1] >= fresh_from or times[0] < 0 for times in watched.values()):
        return None
    return json.dumps({"key": _key(config), "watched": watched}, separators=(",", ":"))
