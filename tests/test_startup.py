"""Startup stays fast: `mlwiki --help`, and `due`/`cards`/`scan` when no note changed, import none of the heavy
modules (the parser, YAML, rich, genanki, fsrs, Markdown, LaTeX). Checked in a fresh interpreter, by module
name rather than by time, so the test is exact on any machine."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # fresh interpreters: `pytest -m "not slow"` skips them

REPO = Path(__file__).resolve().parents[1]
HEAVY = ("anki", "zstandard", "genanki", "rich", "markdown_it", "pylatexenc", "yaml", "frontmatter", "math_core",
         "nh3", "fsrs", "sqlite_utils", "asyncio", "mlwiki.extract.walk", "mlwiki.export.package",
         "mlwiki.stats.compute", "fsrs_rs_python", "mlwiki.optimize")

PROBE = """
import sys
from mlwiki.cli import main

sys.argv = ["mlwiki", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print("imported:", *(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)
"""


def imported_by(*args: str) -> list[str]:
    proc = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY), *args], capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)
    (line,) = [ln for ln in proc.stderr.splitlines() if ln.startswith("imported:")]
    return line.split()[1:]


@pytest.fixture(scope="module")
def scanned_wiki(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("startup")
    shutil.copytree(REPO / "notes", root / "notes")
    shutil.copy(REPO / "mlwiki.toml", root / "mlwiki.toml")
    subprocess.run([sys.executable, "-m", "mlwiki", "--root", str(root), "scan"], check=True, capture_output=True,
                   stdin=subprocess.DEVNULL)
    return root


def test_help_imports_nothing_heavy():
    assert imported_by("--help") == []


@pytest.mark.parametrize("command", ["due", "cards", "scan"])
def test_commands_on_an_unchanged_wiki_import_nothing_heavy(scanned_wiki, command):
    assert imported_by("--root", str(scanned_wiki), command) == []


def test_the_probe_sees_heavy_imports(scanned_wiki):
    """The check above can fail: `export` does need genanki."""
    assert "genanki" in imported_by("--root", str(scanned_wiki), "export", "-o", str(scanned_wiki / "out"))


def test_the_probe_sees_the_optimizer(scanned_wiki):
    """`optimize` does load the optimizer, so its absence from --help and due above means something."""
    assert {"fsrs_rs_python", "mlwiki.optimize"} <= set(imported_by("--root", str(scanned_wiki), "optimize",
                                                                      "--simulate"))
