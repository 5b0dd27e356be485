"""Startup stays fast: `mlwiki --help`, and `due`/`cards`/`scan` when no note changed, import none of the heavy
modules (the parser, YAML, rich, genanki, fsrs, Markdown, LaTeX, web frameworks). Checked in a fresh interpreter,
by module name rather than by time, so the test is exact on any machine. (The times: benchmarks/ratios.py.)"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # fresh interpreters: `pytest -m "not slow"` skips them

REPO = Path(__file__).resolve().parents[1]
HEAVY = ("anki", "zstandard", "genanki", "rich", "markdown_it", "pylatexenc", "yaml", "frontmatter", "math_core",
         "nh3", "fsrs", "sqlite_utils", "asyncio", "mlwiki.extract.walk", "mlwiki.export.package",
         "mlwiki.stats.compute", "fsrs_rs_python", "mlwiki.optimize", "rich.markdown", "starlette", "flask",
         "uvicorn", "segno", "mlwiki.serve")
# What a start with nothing changed does not even need: the walk (its ignore rules), the parser, the pool, the other
# commands, the migrations, TOML. Absent only once the scan's snapshot lets it skip the walk (mlwiki.scan.snapshot).
UNCHANGED = ("pathspec", "mlwiki.sources.notes", "mlwiki.scan.pool", "mlwiki.ids", "mlwiki.store.backup",
             "mlwiki.store.parameters", "mlwiki.commands.notes", "mlwiki.commands.data", "mlwiki.commands.anki",
             "tomllib",
             # the card dataclasses: `due` needs only the states and problems (mlwiki.states, mlwiki.problems)
             "mlwiki.models")

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


def imported_by(*args: str, watch: tuple[str, ...] = HEAVY) -> list[str]:
    proc = subprocess.run([sys.executable, "-c", PROBE.format(heavy=watch), *args], capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)
    (line,) = [ln for ln in proc.stderr.splitlines() if ln.startswith("imported:")]
    return line.split()[1:]


@pytest.fixture(scope="module")
def scanned_wiki(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("startup")
    shutil.copytree(REPO / "notes", root / "notes")
    shutil.copy(REPO / "mlwiki.toml", root / "mlwiki.toml")
    (root / ".gitignore").write_text("drafts/\n", encoding="utf-8")  # ignore rules to load, if it walked
    subprocess.run([sys.executable, "-m", "mlwiki", "--root", str(root), "scan"], check=True, capture_output=True,
                   stdin=subprocess.DEVNULL)
    return root


@pytest.fixture(scope="module")
def settled_wiki(scanned_wiki) -> Path:
    """The wiki once its folders are older than the snapshot's racy margin, scanned again to keep a snapshot."""
    from mlwiki.scan.snapshot import RACY_NS

    time.sleep(RACY_NS / 1e9 + 0.1)
    subprocess.run([sys.executable, "-m", "mlwiki", "--root", str(scanned_wiki), "scan"], check=True,
                   capture_output=True, stdin=subprocess.DEVNULL)
    return scanned_wiki


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


@pytest.mark.parametrize("command", ["due", "scan"])
def test_an_unchanged_start_skips_the_walk_and_the_other_commands(settled_wiki, command):
    from mlwiki.cli import COMMAND_HOMES

    watch = tuple(m for m in UNCHANGED if m != f"mlwiki.commands.{COMMAND_HOMES[command]}")
    assert imported_by("--root", str(settled_wiki), command, watch=watch) == []


def test_the_unchanged_probe_sees_a_walk(settled_wiki):
    """The check above can fail: a new note makes the scan walk (and read it)."""
    (settled_wiki / "notes" / "new.md").write_text("Q: Walked?\nA: Yes.\n", encoding="utf-8")
    try:
        assert {"pathspec", "mlwiki.sources.notes"} <= set(imported_by("--root", str(settled_wiki), "due",
                                                                        watch=UNCHANGED))
    finally:
        (settled_wiki / "notes" / "new.md").unlink()


def test_every_command_is_where_the_cli_looks_first():
    """cli.COMMAND_HOMES names each command's module, so that a command imports only its own."""
    from importlib import import_module

    from mlwiki import cli

    homes = {command.name: module for module in cli.COMMAND_MODULES
             for command in import_module(f"mlwiki.commands.{module}").COMMANDS}
    assert cli.COMMAND_HOMES == homes


def test_the_parsed_config_never_outlives_an_edit(tmp_path):
    """mlwiki.toml is read from its parsed copy (config.read_toml) only while its text is the same."""
    from mlwiki.config import load_config

    (tmp_path / "notes").mkdir()
    (tmp_path / ".mlwiki").mkdir()
    toml = tmp_path / "mlwiki.toml"
    toml.write_text('name = "First"\n[review]\nnew_per_day = 7\n', encoding="utf-8")
    assert load_config(tmp_path).name == "First"
    assert (tmp_path / ".mlwiki" / "config.json").is_file()
    toml.write_text('name = "Second"\n[review]\nnew_per_day = 7\n', encoding="utf-8")  # same size, same second
    assert load_config(tmp_path).name == "Second"
    toml.write_text('name = "Dated"\nwhen = 2026-03-02\n', encoding="utf-8")  # no JSON for a date: parsed
    config = load_config(tmp_path)
    assert config.name == "Dated" and any("when" in w for w in config.warnings)
    assert load_config(tmp_path).name == "Dated"


def test_a_first_scan_does_not_import_numpy_or_pandas(tmp_path):
    """Creating the database imports sqlite-utils, which imports numpy and pandas whenever they are installed
    (120 ms of a first scan, for column types mlwiki never passes): mlwiki hides them from it."""
    shutil.copytree(REPO / "notes", tmp_path / "notes")
    shutil.copy(REPO / "mlwiki.toml", tmp_path / "mlwiki.toml")
    watch = ("numpy", "pandas", "sqlite_utils")
    assert imported_by("--root", str(tmp_path), "scan", watch=watch) == ["sqlite_utils"]
    assert (tmp_path / ".mlwiki" / "mlwiki.db").is_file()
