"""Every `--help` fits an 80-column terminal, and arguments are named the same way everywhere (issue 28.9)."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from mlwiki.cli import cli


def every_command(group: click.Command = cli, path: tuple[str, ...] = ()):
    """(path, command) of the root and of every command and subcommand, however deep."""
    yield path, group
    if isinstance(group, click.Group):
        for name, command in sorted(group.commands.items()):
            yield from every_command(command, (*path, name))


COMMANDS = list(every_command())


def test_the_commands_are_all_found():
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"", "review", "check", "cards", "stats", "optimize", "log export", "anki push"} <= names
    assert len(COMMANDS) >= 20


@pytest.mark.parametrize("columns", ["80", "200"])
@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=lambda p: " ".join(p) if isinstance(p, tuple) else "")
def test_help_fits_80_columns(path, command, columns):
    """In an 80-column terminal, and in a wide one (click then wraps at 80 columns too, except `\\b` blocks)."""
    result = CliRunner().invoke(cli, [*path, "--help"], prog_name="mlwiki", env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    too_wide = [line for line in result.output.splitlines() if len(line) > 80]
    assert too_wide == []


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=lambda p: " ".join(p) if isinstance(p, tuple) else "")
def test_arguments_are_named_alike(path, command):
    """One name for one thing: a list of files or folders is `[PATH]...` (never PATHS or FILES), and a list of
    anything is NAME... in the singular."""
    for param in command.params:
        if not isinstance(param, click.Argument):
            continue
        metavar = param.make_metavar(click.Context(command))
        if param.nargs == -1:
            assert re.fullmatch(r"\[?[A-Z_]+\]?\.\.\.", metavar), metavar
            assert not re.search(r"S\]?\.\.\.$", metavar), f"{metavar}: a list is named in the singular"
        if isinstance(param.type, click.Path) and param.nargs == -1:
            assert metavar in ("PATH...", "[PATH]..."), metavar


def test_path_lists_read_the_same_in_cards_and_check():
    usages = {name: CliRunner().invoke(cli, [name, "--help"], prog_name="mlwiki").output.splitlines()[0]
              for name in ("cards", "check")}
    assert usages == {"cards": "Usage: mlwiki cards [OPTIONS] [PATH]...",
                      "check": "Usage: mlwiki check [OPTIONS] [PATH]..."}


REPO = __import__("pathlib").Path(__file__).resolve().parent.parent


def test_help_syntax_prints_the_syntax_reference():
    result = CliRunner().invoke(cli, ["help", "syntax"], prog_name="mlwiki")
    assert result.exit_code == 0
    assert result.output == (REPO / "docs" / "syntax.md").read_text(encoding="utf-8")


def test_help_lists_topics_and_shows_a_commands_help():
    runner = CliRunner()
    assert "syntax" in runner.invoke(cli, ["help"], prog_name="mlwiki").output
    shown = runner.invoke(cli, ["help", "review"], prog_name="mlwiki").output
    assert shown == runner.invoke(cli, ["review", "--help"], prog_name="mlwiki").output
    wrong = runner.invoke(cli, ["help", "sintax"], prog_name="mlwiki")
    assert wrong.exit_code == 2 and "no help topic or command 'sintax'; try one of: syntax" in wrong.output


@pytest.mark.slow
def test_a_built_wheel_ships_the_syntax_reference(tmp_path):
    """`pip install .` (not editable) must carry docs/syntax.md: the wheel holds it as a file of its own, and
    `mlwiki help syntax` reads it from the installed package, away from this checkout."""
    import subprocess
    import sys
    import zipfile

    import shutil

    source = tmp_path / "source"  # a copy: building in place would leave build/ in the checkout
    for name in ("mlwiki", "docs"):
        shutil.copytree(REPO / name, source / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w",
                            str(tmp_path / "wheel")], capture_output=True, text=True, cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "wheel").glob("mlwiki-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        assert archive.read("mlwiki/syntax.md") == (REPO / "docs" / "syntax.md").read_bytes()
        archive.extractall(tmp_path / "site")
    shown = subprocess.run([sys.executable, "-c", "from mlwiki.commands.docs import topic_text; import mlwiki; "
                            "print(mlwiki.__file__); print(topic_text('syntax')[:13])"],
                           capture_output=True, text=True, cwd=tmp_path, env={"PYTHONPATH": str(tmp_path / "site")})
    assert shown.stdout.splitlines() == [str(tmp_path / "site" / "mlwiki" / "__init__.py"), "# Card syntax"]
