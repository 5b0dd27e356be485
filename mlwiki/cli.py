"""The `mlwiki` command line: thin click commands over the library.

Each command parses its options, calls one domain function and renders the result, as text or `--json`.
This is the only place that turns `MlwikiError` into a one-line message and an exit status. Heavy modules
(genanki, rich, fsrs, sqlite-utils) are imported inside the commands that need them, so `mlwiki --help` and
`mlwiki due` start fast.
"""

from __future__ import annotations

import click

from mlwiki import __version__
from mlwiki.commands import anki, data, docs, notes, optimize, reschedule, study
from mlwiki.commands.common import AppContext, parse_now
from mlwiki.errors import MlwikiError
from mlwiki.textsafe import inert


class MlwikiGroup(click.Group):
    """Turns expected failures into one line on stderr, without a traceback."""

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



for module in (notes, study, data, optimize, anki, docs, reschedule):
    for command in module.COMMANDS:
        cli.add_command(command)


def main() -> None:
    cli(prog_name="mlwiki")
