"""The `mlwiki` command line: thin click commands over the library.

Each command parses its options, calls one domain function and renders the result, as text or `--json`.
This is the only place that turns `MlwikiError` into a one-line message and an exit status. Heavy modules
(genanki, rich, fsrs, sqlite-utils) are imported inside the commands that need them, so `mlwiki --help` and
`mlwiki due` start fast.
"""

from __future__ import annotations

from importlib import import_module

import click

from mlwiki import __version__
from mlwiki.commands.common import AppContext, parse_now
from mlwiki.errors import MlwikiError
from mlwiki.textsafe import inert

# The modules of mlwiki.commands, each with its COMMANDS, and where each command lives: a command runs with only
# its own module imported (`mlwiki due` needs none of the others). `--help` imports them all, and so does a name
# missing here, so this table only ever makes a command start faster (tests/test_startup.py keeps it complete).
COMMAND_MODULES = ("notes", "study", "data", "optimize", "anki", "docs", "reschedule", "serve")
COMMAND_HOMES = {"init": "notes", "cards": "notes", "check": "notes", "scan": "notes", "orphans": "notes",
                 "unsuspend": "notes", "undrop": "notes", "review": "study", "due": "study", "stats": "study",
                 "export": "data", "backup": "data", "restore": "data", "log": "data", "optimize": "optimize",
                 "anki": "anki", "help": "docs", "reschedule": "reschedule", "serve": "serve"}


def _add_commands(commands: dict, module: str) -> None:
    for command in import_module(f"mlwiki.commands.{module}").COMMANDS:
        commands.setdefault(command.name, command)


class _Commands(dict):
    """The root group's commands: a lookup by name (`get_command`) loads that command's module; listing, counting
    or walking them (`--help`, or code reading `cli.commands`) loads them all first."""

    def _all(self) -> None:
        if not getattr(self, "complete", False):
            self.complete = True
            for module in COMMAND_MODULES:
                _add_commands(self, module)

    def __iter__(self):
        self._all()
        return super().__iter__()

    def __len__(self) -> int:
        self._all()
        return super().__len__()

    def keys(self):
        self._all()
        return super().keys()

    def values(self):
        self._all()
        return super().values()

    def items(self):
        self._all()
        return super().items()


class MlwikiGroup(click.Group):
    """Loads each command's module when it is asked for, and turns expected failures into one line on stderr,
    without a traceback."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.commands = _Commands(self.commands)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands:
            home = COMMAND_HOMES.get(name)
            for module in [home] if home else COMMAND_MODULES:
                _add_commands(self.commands, module)
        return super().get_command(ctx, name)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except MlwikiError as exc:
            click.echo(f"Error: {inert(str(exc))}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("\nInterrupted.", err=True)
            ctx.exit(130)


@click.group(cls=MlwikiGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mlwiki")
@click.option("--root", type=click.Path(file_okay=False), envvar="MLWIKI_ROOT",
              help="The wiki root (default: the nearest folder upwards holding mlwiki.toml or .mlwiki/).")
@click.option("--now", "now_text", metavar="DATETIME", envvar="MLWIKI_NOW",
              help="Act as if it were this time (ISO 8601; also MLWIKI_NOW). For tests and previews.")
@click.pass_context
def cli(ctx: click.Context, root: str | None, now_text: str | None) -> None:
    """mlwiki: flashcards and formula cards from your ML notes, scheduled with FSRS.

    \b
    Daily use:
        mlwiki review          study what is due today
        mlwiki due             how much is due, per deck
        mlwiki stats           retention, forecast, streak, weak spots
        mlwiki export          Anki .apkg decks in decks/
        mlwiki help syntax     how to write cards in your notes
    """
    ctx.obj = AppContext(root, parse_now(now_text) if now_text else None)




def main() -> None:
    cli(prog_name="mlwiki")
