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
