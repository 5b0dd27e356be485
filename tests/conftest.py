"""Shared fixtures: a tiny wiki in tmp_path, a fixed clock, and helpers to review cards for real."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=timezone.utc)


def write(root: Path, rel: str, text: str) -> Path:
    """Write a note (creating folders) and return its path."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def bump_mtime(path: Path) -> None:
    """Make sure a rewrite is seen as a change even within the filesystem's mtime resolution."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


@pytest.fixture
def wiki(tmp_path: Path) -> Path:
    """An empty wiki: mlwiki.toml with name T, UTC study days, and a notes folder."""
    (tmp_path / "notes").mkdir()
    (tmp_path / "mlwiki.toml").write_text('name = "T"\n[review]\ntimezone = "UTC"\n', encoding="utf-8")
    return tmp_path


@pytest.fixture
def now() -> datetime:
    return NOW
