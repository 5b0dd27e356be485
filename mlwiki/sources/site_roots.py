"""The root of the site or graph a note belongs to, found as git finds `.git`: the note's folder or the nearest folder
above it that a probe recognises (a Logseq graph's `logseq/config.edn`, a Jekyll site's `_config.yml`), never above
the wiki's root. Each folder is probed once per process."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable

# A probe: a folder → what it says of the site rooted there ("" when the folder roots none)
Probe = Callable[[str], str]


def nearest_site(probe: Probe, path: str | os.PathLike, rel: str) -> str:
    """What `probe` says of the nearest folder at or above the note's that it recognises; "" when none does. `path`:
    the note's file, `rel`: its path from the wiki's root (no folder above the root is a site the wiki holds)."""
    return _up(probe, os.path.dirname(os.path.abspath(path)), rel.count("/"))


@functools.lru_cache(maxsize=2048)
def _up(probe: Probe, folder: str, levels: int) -> str:
    found = probe(folder)
    if found or levels <= 0:
        return found
    return _up(probe, os.path.dirname(folder), levels - 1)
