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
from mlwiki.textsafe import inert, one_line


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


def synced(app: AppContext):
    """Open the wiki's database, scanned up to date, and say whether it sits somewhere risky."""
    from mlwiki.scan.sync import open_synced

    store, report = open_synced(app.config, app.now, _progress_bar())
    for warning in store.warnings:
        click.echo(f"Warning: {warning}", err=True)
    return store, report


def _progress_bar():
    """A progress callback for long scans, drawn on stderr only when it is a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total >= 200 and (done % 50 == 0 or done == total):
            width = 30
            filled = width * done // total
            sys.stderr.write(f"\rScanning notes [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            if done == total:
                sys.stderr.write("\r" + " " * 60 + "\r")
            sys.stderr.flush()

    return show


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


def filter_options(command):
    """--deck, --tag and --path: the one card filter, with the same meaning on every command."""
    options = [
        click.option("--deck", help="Only this deck and its sub-decks (case-insensitive, like Anki's deck:D)."),
        click.option("--tag", help="Only cards with this tag or a child tag (T::x), case-insensitive."),
        click.option("--path", "paths", multiple=True, metavar="PATH",
                     help="Only notes under PATH, a file or folder (relative to here, else to the wiki root)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _selection(app: AppContext, deck: str | None, tag: str | None, paths) -> "CardFilter":  # noqa: F821
    from mlwiki.store.cards import CardFilter, resolve_paths

    return CardFilter(deck=deck, tag=tag, paths=resolve_paths(app.config, paths))


def _nothing_matches(store, selection, include_retired: bool = False) -> bool:
    """Say so (exit status stays 0) when a filter selects no card."""
    from mlwiki.store.cards import selected_ids

    if selection.is_empty or selected_ids(store, selection, include_retired):
        return False
    click.echo(inert(f"No cards match {selection.describe()}."), err=True)
    return True


@cli.command()
@click.argument("files", nargs=-1, metavar="[PATH]...")
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of cards.")
@click.option("--all", "include_retired", is_flag=True, help="Include retired cards (deleted from notes).")
@pass_app
def cards(app: AppContext, files, deck, tag, paths, as_json: bool, include_retired: bool) -> None:
    """List every reviewable card with its id, kind, deck and source.

    \b
    Examples:
        mlwiki cards
        mlwiki cards notes/optimization --json | jq '.[].front'
    """
    from mlwiki.store.cards import list_cards

    selection = _selection(app, deck, tag, files + paths)
    store, _ = synced(app)
    with store:
        rows = list_cards(store, selection, include_retired)
        if _nothing_matches(store, selection, include_retired) and not as_json:
            return
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        front = " ".join(row["front"].split())
        click.echo(inert(f"{row['id']}  {row['kind']:<10} {one_line(row['source']['path'])}:{row['source']['line']}  "
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
    from mlwiki.scan.check import run_checks

    report = run_checks(app.config, _paths(paths), app.now)
    if as_json:
        echo_json([p.to_dict() for p in report.problems])
    else:
        for problem in report.problems:
            click.echo(inert(str(problem)))
        click.echo(report.summary, err=True)
    if report.errors:
        sys.exit(1)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the scan report as JSON.")
@pass_app
def scan(app: AppContext, as_json: bool) -> None:
    """Index the notes into the database (.mlwiki/mlwiki.db); only changed files are read.

    Other commands scan by themselves first; run this to see what changed and the warnings.
    """

    store, report = synced(app)
    store.close()
    if as_json:
        echo_json(report.to_dict())
        return
    for problem in report.problems:
        click.echo(inert(str(problem)), err=True)
    click.echo(report.summary())


@cli.command()
@filter_options
@click.option("--limit", type=click.IntRange(min=0), help="Stop after this many cards.")
@click.option("--new", "new", type=click.IntRange(min=0), help="Allow N new cards today (overrides new_per_day).")
@click.option("--plain", is_flag=True, help="Line-oriented mode for scripts (automatic when stdin is not a terminal).")
@pass_app
def review(app: AppContext, deck, tag, paths, limit, new, plain) -> None:
    """Study the cards due now: reveal, then rate 1 Again, 2 Hard, 3 Good, 4 Easy.

    \b
    Keys: space/enter reveal · 1-4 rate · u undo · s suspend · b bury until tomorrow
          e edit the note at the card's line · o open the card in the browser · ? help · q quit
    Plain mode (--plain, or stdin not a terminal) prints the front, reads a line (empty: reveal),
    prints the back, reads 1-4, u, s, b or q.
    """
    from mlwiki.review.tui import TerminalUI, run_plain
    from mlwiki.review.session import ReviewSession, session_clock
    from mlwiki.scan.sync import scan as rescan

    from mlwiki.review.queue import Filters

    selection = _selection(app, deck, tag, paths)
    store, report = synced(app)
    with store:
        _echo_errors(report)
        if _nothing_matches(store, selection):
            return
        clock = session_clock(parse_now(app.now_text) if app.now_text else None)
        session = ReviewSession(store, app.config, clock, Filters(selection, limit=limit, new=new))
        if plain or not sys.stdin.isatty():
            run_plain(session, sys.stdin, click.echo)
        else:
            def after_edit() -> int:
                """Rescan, rebuild the queue, and count the syntax errors the edit may have made."""
                report = rescan(store, app.config, clock())
                session.reload()
                return sum(p.severity.value == "error" for p in report.problems)

            TerminalUI(session, rescan=after_edit).run()
        _auto_backup(store, app)


def _auto_backup(store, app: AppContext) -> None:
    from mlwiki.store.backup import auto_backup

    try:
        auto_backup(store, app.config, app.now)
    except MlwikiError as exc:
        click.echo(f"Warning: automatic backup failed: {exc}", err=True)


@cli.command()
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_app
def due(app: AppContext, deck, tag, paths, as_json: bool) -> None:
    """How many cards are due now, per deck: learning, review and new."""
    from mlwiki.review.queue import due_counts

    selection = _selection(app, deck, tag, paths)
    store, _ = synced(app)
    with store:
        if _nothing_matches(store, selection) and not as_json:
            return
        rows = due_counts(store, app.config.review, app.now, selection)
    if as_json:
        echo_json(rows)
        return
    width = max([len(r["deck"]) for r in rows] + [4])
    click.echo(f"{'deck':<{width}}  learning  review  new")
    for r in rows:
        click.echo(inert(f"{r['deck']:<{width}}  {r['learning']:>8}  {r['review']:>6}  {r['new']:>3}"))
    total = {k: sum(r[k] for r in rows) for k in ("learning", "review", "new")}
    click.echo(f"{'total':<{width}}  {total['learning']:>8}  {total['review']:>6}  {total['new']:>3}")


@cli.command()
@filter_options
@click.option("-o", "--output", type=click.Path(file_okay=False),
              help="Write the .apkg files into this folder (default: `decks` in mlwiki.toml).")
@click.option("--json", "as_json", is_flag=True, help="Print the export report as JSON.")
@pass_app
def export(app: AppContext, deck, tag, paths, output, as_json) -> None:
    """Write Anki decks: one .apkg per top-level deck, into decks/ (or --output).

    Importing a newer export into Anki updates the notes already there and keeps their review history.
    Suspended cards arrive suspended only when "Import any learning progress" is ticked in Anki's import
    dialog; a card changed between one-way (::) and two-way (:::) needs "Merge note types" ticked.

    \b
    Examples:
        mlwiki export
        mlwiki export --deck ML::optimization -o ~/anki-decks
    """
    from mlwiki.export.package import export_decks

    selection = _selection(app, deck, tag, paths)
    store, scan_report = synced(app)
    with store:
        _echo_errors(scan_report)
        if _nothing_matches(store, selection) and not as_json:
            return
        report = export_decks(store, app.config, app.now, out_dir=output, selection=selection)
    if as_json:
        echo_json(report.to_dict())
        return
    for warning in report.warnings:
        click.echo(inert(f"Warning: {warning}"), err=True)
    if not report.files:
        raise MlwikiError("nothing exported: no cards yet")
    for f in report.files:
        suspended = f", {f.suspended} suspended" if f.suspended else ""
        click.echo(inert(f"Wrote {f.path}: {f.notes} notes, {f.cards} cards, {f.media} media files{suspended}"))


def _echo_errors(report) -> None:
    """Syntax errors found while scanning, so a user sees why a card is missing (warnings: `mlwiki check`)."""
    for problem in report.problems:
        if problem.severity.value == "error":
            click.echo(inert(str(problem)), err=True)


@cli.command()
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print every figure as JSON.")
@click.option("--html", "html_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write a self-contained HTML report (charts, works offline) to FILE.")
@click.option("--open", "open_page", is_flag=True,
              help="Open the HTML report in the browser (default file: .mlwiki/stats.html).")
@pass_app
def stats(app: AppContext, deck, tag, paths, as_json, html_file, open_page) -> None:
    """Progress: cards by state, what is due, reviews per day and streak, true retention, memory, weak spots.

    Figures are for the study day holding now (or --now); see `mlwiki/stats.py` for how each is defined.

    \b
    Examples:
        mlwiki stats
        mlwiki stats --deck ML::optimization --json | jq .true_retention_30d
        mlwiki stats --html report.html --open
    """
    from mlwiki.stats.compute import compute_stats

    selection = _selection(app, deck, tag, paths)
    store, _ = synced(app)
    with store:
        if _nothing_matches(store, selection) and not as_json:
            return
        result = compute_stats(store, app.config, app.now, selection)
    if html_file or open_page:
        from mlwiki.stats.view import render_html

        target = Path(html_file) if html_file else app.config.data_dir / "stats.html"
        try:
            target.write_text(render_html(result), encoding="utf-8")
        except OSError as exc:
            raise MlwikiError(f"cannot write {target}: {exc.strerror}") from None
        click.echo(f"Wrote {target}", err=as_json)
        if open_page:
            import webbrowser

            webbrowser.open(target.resolve().as_uri())
    if as_json:
        echo_json(result.to_dict())
    elif not (html_file or open_page):
        from rich.console import Console

        from mlwiki.stats.view import render_terminal

        render_terminal(result, Console(highlight=False))


@cli.command()
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--purge", is_flag=True, help="Delete retired cards and their history (asks first).")
@click.option("--yes", is_flag=True, help="Do not ask before purging.")
@pass_app
def orphans(app: AppContext, deck, tag, paths, as_json: bool, purge: bool, yes: bool) -> None:
    """List retired cards: deleted from the notes, history kept. They come back if their text returns."""
    from mlwiki.store.orphans import list_orphans, purge_orphans

    selection = _selection(app, deck, tag, paths)
    store, _ = synced(app)
    with store:
        rows = list_orphans(store, selection)
        if as_json and not purge:
            echo_json(rows)
            return
        for row in rows:
            click.echo(inert(f"{row['id']}  {row['kind']:<10} last in {one_line(row['source']['path'])}:"
                             f"{row['source']['line']}  {row['reviews']} reviews  {' '.join(row['front'].split())[:60]}"))
        click.echo(f"{len(rows)} retired cards", err=True)
        if purge and rows:
            if not yes and not click.confirm(f"Delete {len(rows)} retired cards and their review history?",
                                             default=False):
                raise MlwikiError("nothing purged")
            from mlwiki.store.backup import backup_now

            saved = backup_now(store, app.config, "before-purge", when=app.now)
            count = purge_orphans(store, selection)
            click.echo(f"Purged {count} cards (backup: {saved}).")


@cli.command()
@click.argument("card_ids", nargs=-1, required=True)
@pass_app
def unsuspend(app: AppContext, card_ids: tuple[str, ...]) -> None:
    """Unsuspend cards (and clear their leech mark)."""
    from mlwiki.store.db import open_store
    from mlwiki.store.reviews import unsuspend as unsuspend_card

    with open_store(app.config) as store, store.write() as conn:
        changed = sum(unsuspend_card(conn, cid) for cid in card_ids)
    click.echo(f"Unsuspended {changed} card(s).")


@cli.command()
@click.argument("path", required=False, type=click.Path(dir_okay=True))
@click.option("--list", "list_only", is_flag=True, help="List the automatic backups instead.")
@pass_app
def backup(app: AppContext, path: str | None, list_only: bool) -> None:
    """Back up the database now (to PATH, or into .mlwiki/backups/)."""
    from mlwiki.store.backup import backup_now, list_backups
    from mlwiki.store.db import open_store

    if list_only:
        for item in list_backups(app.config):
            click.echo(f"{item.taken_at:%Y-%m-%d %H:%M}  {item.path}")
        return
    with open_store(app.config, create=False) as store:
        target = backup_now(store, app.config, "manual", Path(path) if path else None, app.now)
    click.echo(f"Backed up to {target}")


@cli.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--yes", is_flag=True, help="Do not ask first.")
@pass_app
def restore(app: AppContext, path: str, yes: bool) -> None:
    """Replace the database with a backup (the current one is backed up first)."""
    from mlwiki.store.backup import restore as restore_backup

    if not yes and sys.stdin.isatty():
        click.confirm(f"Replace the database with {path}?", abort=True)
    safety = restore_backup(app.config, Path(path), app.now)
    click.echo(f"Restored {path}" + (f" (previous database saved as {safety})" if safety else ""))


@cli.group()
def log() -> None:
    """Export or import the review log (your history, in open formats)."""


@log.command("export")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), help="Default: from the file suffix.")
@pass_app
def log_export(app: AppContext, path: str, fmt: str | None) -> None:
    """Write every review to PATH as CSV or JSON Lines."""
    from mlwiki.review.log import export_log
    from mlwiki.store.db import open_store

    fmt = fmt or ("csv" if path.lower().endswith(".csv") else "jsonl")
    with open_store(app.config, create=False) as store:
        count = export_log(store, Path(path), fmt)
    click.echo(f"Wrote {count} reviews to {path}")


@log.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@pass_app
def log_import(app: AppContext, path: str) -> None:
    """Load a review log into an empty database and rebuild every card's schedule from it."""
    from mlwiki.review.log import import_log

    store, _ = synced(app)
    with store:
        reviews, cards = import_log(store, Path(path))
    click.echo(f"Imported {reviews} reviews; rebuilt {cards} cards")


def main() -> None:
    cli(prog_name="mlwiki")
