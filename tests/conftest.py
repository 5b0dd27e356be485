"""Shared test helpers: the mlwiki command line (`run`), wikis in tmp_path (`wiki`, `make_wiki`), a fixed clock,
and an environment that cannot reach the developer's own Anki, home folder or mlwiki settings."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, settings

# Property tests judge what the code does, not how fast a shared CI machine draws their inputs: under load,
# Hypothesis's "input generation is slow" check failed a test whose inputs were fine (a deadline likewise)
settings.register_profile("mlwiki", suppress_health_check=[HealthCheck.too_slow], deadline=None)
settings.load_profile("mlwiki")

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=timezone.utc)
DEFAULT_CONFIG = 'name = "T"\n[review]\ntimezone = "UTC"\n'


def run(root: Path | str | None, *args, now: datetime | str | None = NOW, input: str | None = None,
        env: dict | None = None, ok: bool = False, catch_exceptions: bool = False) -> Result:
    """`mlwiki --root ROOT --now NOW ARGS…` through click's runner, as a user types it. `root=None` leaves out
    --root (the working directory decides), `now=None` leaves out --now (the real clock). With `ok`, anything but
    exit 0 fails the test with the command's output."""
    from mlwiki.cli import cli

    head = ["--root", str(root)] if root is not None else []
    if now is not None:
        head += ["--now", now if isinstance(now, str) else now.isoformat()]
    result = CliRunner().invoke(cli, head + [str(a) for a in args], input=input, env=env,
                                catch_exceptions=catch_exceptions)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def db_rows(root: Path, sql: str, params=()) -> list[tuple]:
    """Rows of a query on a wiki's database, read as any SQLite client would (closed again at once)."""
    conn = sqlite3.connect(root / ".mlwiki" / "mlwiki.db")
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


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


def new_wiki(root: Path, notes: dict[str, str] | None = None, config: str = DEFAULT_CONFIG) -> Path:
    """A wiki at `root`: mlwiki.toml holding `config`, and each of `notes` (path below notes/ → text)."""
    (root / "notes").mkdir(parents=True, exist_ok=True)
    (root / "mlwiki.toml").write_text(config, encoding="utf-8")
    for rel, text in (notes or {}).items():
        write(root / "notes", rel, text)
    return root


def made_by_note(cards: list[dict], rel: str) -> dict[str, str]:
    """{front: back} of the cards (`cards --json`) of the note `rel` (its path below notes/)."""
    return {c["front"]: c["back"] for c in cards if c["source"]["path"] == f"notes/{rel}"}


def note_text(made: dict[str, str]) -> str:
    """Every front and back of `made_by_note`'s cards, one text to search."""
    return "\n".join(made) + "\n" + "\n".join(made.values())


def backs_by_front(root) -> dict[str, str]:
    """`mlwiki cards --json` of the wiki as {front: back}: what a learner is asked and shown."""
    import json

    return {c["front"]: c["back"] for c in json.loads(run(root, "cards", "--json", ok=True).output)}


@pytest.fixture
def make_wiki(tmp_path: Path) -> Callable[..., Path]:
    """A factory of wikis in tmp_path: `make_wiki({"a.md": "Q: …"}, config=…, name="wiki")`."""
    def make(notes: dict[str, str] | None = None, config: str = DEFAULT_CONFIG, name: str = "") -> Path:
        return new_wiki(tmp_path / name if name else tmp_path, notes, config)

    return make


@pytest.fixture
def wiki(make_wiki) -> Path:
    """An empty wiki: mlwiki.toml with name T, UTC study days, and a notes folder."""
    return make_wiki()


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture(scope="session")
def homes_root(tmp_path_factory) -> Path:
    """Where each test's home folder is made (`isolated_environment`)."""
    return tmp_path_factory.mktemp("homes")


@pytest.fixture(autouse=True)
def isolated_environment(homes_root, monkeypatch):
    """No test reads or writes the developer's home, Anki profiles or mlwiki settings: HOME and ANKI_BASE point
    into a temporary folder of its own and every MLWIKI_* variable is unset. (The folder is named at random: a
    numbered one, as tmp_path_factory.mktemp makes, costs a listing of pytest's whole base folder, which holds a
    folder per test, and every test makes one.)"""
    home = Path(tempfile.mkdtemp(dir=homes_root))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("ANKI_BASE", str(home / "Anki2"))
    for name in [n for n in os.environ if n.startswith("MLWIKI_")]:
        monkeypatch.delenv(name)
