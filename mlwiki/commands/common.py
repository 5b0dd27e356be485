"""What every command shares: the wiki and the clock (`AppContext`), the one card filter's options, the
synced store, JSON output, and the progress bar. Commands are thin: parse options, call one domain function,
render the result."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from datetime import datetime, timezone

import click

from mlwiki.errors import MlwikiError
from mlwiki.textsafe import inert


class AppContext:
    """What every command gets, resolved once: where the wiki is and what time it is. `fixed_now` is the
    `--now` time (None: the real clock); `now` is the moment the command started. (A plain class, as are the
    imports here: `mlwiki --help` pays for every line of this module.)"""

    def __init__(self, root: str | None, fixed_now: datetime | None):
        self.root = root
        self.fixed_now = fixed_now
        self.now = fixed_now or datetime.now(timezone.utc)
        self._config = None

    @property
    def config(self):
        if self._config is None:
            from mlwiki.config import load_config

            self._config = load_config(self.root)
            for warning in self._config.warnings:  # every command says so, not only `check`
                click.echo(f"Warning: {inert(warning)}", err=True)
        return self._config


def parse_now(text: str | None) -> datetime:
    """`--now` / MLWIKI_NOW as an aware UTC datetime; naive times are local. Without one: the real clock."""
    if not text:
        return datetime.now(timezone.utc)
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        raise click.BadParameter(f"{text!r} is not an ISO date or datetime (e.g. 2026-11-24T08:00)",
                                 param_hint="--now") from None
    if not NOW_YEARS[0] <= when.year <= NOW_YEARS[1] - 1:
        raise click.BadParameter(f"{text!r} is outside the years {NOW_YEARS[0]}-{NOW_YEARS[1]}", param_hint="--now")
    try:
        if when.tzinfo is None:
            when = when.astimezone()  # local time, like `date`
        return when.astimezone(timezone.utc)
    except (OverflowError, ValueError, OSError):
        raise click.BadParameter(f"{text!r} is outside the years {NOW_YEARS[0]}-{NOW_YEARS[1]}",
                                 param_hint="--now") from None


NOW_YEARS = (1970, 2200)  # what `--now` accepts: dates a study clock can hold, and Anki's day numbers too


def echo_json(data) -> None:
    import json

    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


pass_app = click.make_pass_decorator(AppContext)


def synced(app: AppContext):
    """Open the wiki's database, scanned up to date, and say whether it sits somewhere risky."""
    from mlwiki.scan.sync import open_synced

    store, report = open_synced(app.config, app.now, progress_bar())
    for warning in store.warnings:
        click.echo(f"Warning: {warning}", err=True)
    finish_upgrade(store, app)
    return store, report


def finish_upgrade(store, app: AppContext) -> None:
    """After an upgrade that changed the scheduling rule, replay every card from the log (once) and say so."""
    from mlwiki.store.db import REPLAY_PENDING

    rule = store.meta(REPLAY_PENDING)
    if not rule:  # the everyday case: no import of the scheduler
        return
    from mlwiki.review.replay import replay_pending
    from mlwiki.store.backup import list_backups
    from mlwiki.studyday import StudyCalendar

    done = replay_pending(store, StudyCalendar.from_settings(app.config.review))
    taken = [b.path for b in list_backups(app.config) if "before-migration" in b.path.name]
    newest = max(taken, key=lambda path: path.stat().st_mtime, default=None)  # names carry --now's date
    saved = f" Backup from before the upgrade: {newest}." if newest else ""
    skipped = f" {done.skipped} cards kept their schedule (their reviews name unknown settings)." \
        if done.skipped else ""
    what = "study days" if rule == "study-days" else "Anki's review intervals"
    click.echo(f"Upgraded scheduling to {what}: replayed {done.cards} cards from the review log (the log is "
               f"unchanged); {done.moved} cards' due dates moved.{skipped}{saved}", err=True)


def progress_bar():
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


def selection_from(app: AppContext, deck: str | None, tag: str | None, paths) -> "CardFilter":  # noqa: F821
    from mlwiki.store.cards import CardFilter, resolve_paths

    return CardFilter(deck=deck, tag=tag, paths=resolve_paths(app.config, paths))


def nothing_matches(store, selection, include_retired: bool = False) -> bool:
    """Say so (exit status stays 0) when a filter selects no card."""
    from mlwiki.store.cards import selected_ids

    if selection.is_empty or selected_ids(store, selection, include_retired):
        return False
    click.echo(inert(f"No cards match {selection.describe()}."), err=True)
    return True


EMPTY_WIKI = ("No cards yet — write `Q:`/`A:` lines or a heading ending in `?`;\n"
              "`mlwiki check` shows what was found.")


def hint_when_empty(store, app: AppContext) -> bool:
    """When the wiki has no card at all, say how to write one, what its notes hold by card form and which setting
    would make cards of it; whether it was empty."""
    from mlwiki.store.cards import CardFilter, selected_ids

    if selected_ids(store, CardFilter()):
        return False
    click.echo(EMPTY_WIKI)
    echo_form_census(app.config)
    return True


def echo_form_census(config, made=None, possible=None) -> None:
    """`cards by form: …` and one `hint:` line per setting that would turn more of the notes into cards."""
    from mlwiki.scan.check import describe_forms, form_census, form_hints

    if made is None:
        made, possible = form_census(config)
    if made:
        click.echo(f"cards by form: {describe_forms(dict(made.most_common()))}", err=True)
    for hint in form_hints(made, possible, config):
        click.echo(f"hint: {hint}", err=True)


@contextmanager
def study_session(app: AppContext, deck, tag, paths, limit, new):
    """A review session over the filter on the freshly scanned store (`review` and `serve` study through it), or
    None when no card matches (said why). The automatic backup runs when the session ends normally."""
    from mlwiki.review.queue import Filters
    from mlwiki.review.session import ReviewSession, session_clock

    selection = selection_from(app, deck, tag, paths)
    store, report = synced(app)
    with store:
        echo_errors(report)
        if nothing_matches(store, selection) or hint_when_empty(store, app):
            yield None
            return
        yield ReviewSession(store, app.config, session_clock(app.fixed_now), Filters(selection, limit=limit, new=new))
        auto_backup(store, app)


def auto_backup(store, app: AppContext) -> None:
    from mlwiki.store.backup import auto_backup

    try:
        auto_backup(store, app.config, app.now)
    except MlwikiError as exc:
        click.echo(f"Warning: automatic backup failed: {exc}", err=True)


def echo_errors(report) -> None:
    """Syntax errors found while scanning, so a user sees why a card is missing (warnings: `mlwiki check`)."""
    for problem in report.problems:
        if problem.severity.value == "error":
            click.echo(inert(str(problem)), err=True)
