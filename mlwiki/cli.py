"""The `mlwiki` command line: thin click commands over the library.

Each command parses its options, calls one domain function and renders the result, as text or `--json`.
This is the only place that turns `MlwikiError` into a one-line message and an exit status. Heavy modules
(genanki, rich, fsrs, sqlite-utils) are imported inside the commands that need them, so `mlwiki --help` and
`mlwiki due` start fast.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import click

from mlwiki import __version__
from mlwiki.errors import MlwikiError
from mlwiki.textsafe import inert


@dataclass
class AppContext:
    """What every command gets: where the wiki is and what time it is."""

    root: str | None
    now_text: str | None
    _config: object = field(default=None, repr=False)

    @property
    def config(self):
        if self._config is None:
            from mlwiki.config import load_config

            self._config = load_config(self.root)
        return self._config

    @property
    def now(self) -> datetime:
        return parse_now(self.now_text)


def parse_now(text: str | None) -> datetime:
    """`--now` / MLWIKI_NOW as an aware UTC datetime; naive times are local. Without one: the real clock."""
    if not text:
        return datetime.now(timezone.utc)
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        raise click.BadParameter(f"{text!r} is not an ISO date or datetime (e.g. 2026-11-24T08:00)",
                                 param_hint="--now") from None
    if when.tzinfo is None:
        when = when.astimezone()  # local time, like `date`
    return when.astimezone(timezone.utc)


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


def echo_json(data) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


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
    """
    if now_text:
        parse_now(now_text)  # fail early on a bad value
    ctx.obj = AppContext(root, now_text)


pass_app = click.make_pass_decorator(AppContext)


@cli.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False), default=".")
def init(directory: str) -> None:
    """Write a commented mlwiki.toml into DIRECTORY (default: here).

    Notices a Quarto project by its _quarto.yml. Never overwrites an existing config.
    """
    from mlwiki.config import CONFIG_NAME, render_config_template

    folder = Path(directory).resolve()
    target = folder / CONFIG_NAME
    if target.exists():
        raise MlwikiError(f"{target} already exists; edit it instead")
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(render_config_template(folder), encoding="utf-8")
    click.echo(f"Wrote {target}")


def _paths(paths: tuple[str, ...]) -> list[Path] | None:
    return [Path(p) for p in paths] if paths else None


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of cards.")
@click.option("--all", "include_retired", is_flag=True, help="Include retired cards (deleted from notes).")
@pass_app
def cards(app: AppContext, paths: tuple[str, ...], as_json: bool, include_retired: bool) -> None:
    """List every reviewable card with its id, kind, deck and source.

    \b
    Examples:
        mlwiki cards
        mlwiki cards notes/optimization --json | jq '.[].front'
    """
    from mlwiki.listing import list_cards

    rows = list_cards(app.config, _paths(paths), app.now, include_retired)
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        front = " ".join(row["front"].split())
        click.echo(inert(f"{row['id']}  {row['kind']:<10} {row['source']['path']}:{row['source']['line']}  "
                         f"{front[:80]}"))
    click.echo(f"{len(rows)} cards", err=True)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print problems as a JSON array.")
@pass_app
def check(app: AppContext, paths: tuple[str, ...], as_json: bool) -> None:
    """Lint card syntax: unclosed fences, Q: without A:, empty sides, duplicate ids, broken clozes …

    Prints `path:line: severity: message` per problem and exits 1 when any is an error.
    """
    from mlwiki.checks import run_checks

    report = run_checks(app.config, _paths(paths), app.now)
    if as_json:
        echo_json([p.to_dict() for p in report.problems])
    else:
        for problem in report.problems:
            click.echo(inert(str(problem)))
        click.echo(report.summary, err=True)
    if report.errors:
        sys.exit(1)


def main() -> None:
    cli(prog_name="mlwiki")
