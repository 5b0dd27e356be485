"""Commands that move data in and out: export to Anki, backup, restore, the review log."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mlwiki.commands.common import (AppContext, echo_errors, echo_json, filter_options, nothing_matches, pass_app,
                                    selection_from, synced)
from mlwiki.errors import MlwikiError
from mlwiki.textsafe import inert, plural


@click.command()
@filter_options
@click.option("-o", "--output", type=click.Path(file_okay=False),
              help="Write the .apkg files into this folder (default: `decks` in mlwiki.toml).")
@click.option("--json", "as_json", is_flag=True, help="Print the export report as JSON.")
@pass_app
def export(app: AppContext, deck, tag, paths, output, as_json) -> None:
    """Write Anki decks: one .apkg per top-level deck, into decks/ (or --output).

    Importing a newer export into Anki updates the notes already there and keeps their review history.
    Each card carries its schedule and review history: tick "Import any learning progress" in Anki's import
    dialog and a card new to Anki arrives where mlwiki has it (suspended cards stay suspended). Cards Anki
    already has are never changed by an import: `mlwiki anki push` brings their new reviews. A card changed
    between one-way (::) and two-way (:::) needs "Merge note types" ticked.

    \b
    Examples:
        mlwiki export
        mlwiki export --deck ML::optimization -o ~/anki-decks
    """
    from mlwiki.anki.edits import remembered_edits
    from mlwiki.export.package import export_decks

    selection = selection_from(app, deck, tag, paths)
    store, scan_report = synced(app)
    with store:
        echo_errors(scan_report)
        if nothing_matches(store, selection) and not as_json:
            return
        edited = remembered_edits(store)
        for e in edited:  # before anything is written: importing this export overwrites Anki's version
            click.echo(inert(f"Warning: {e['source']}: card {e['card_id']} was edited in Anki (\"{e['anki_text']}\"); "
                             "importing this export puts the note's text back — copy the change into the note "
                             "first"), err=True)
        report = export_decks(store, app.config, app.now, out_dir=output, selection=selection)
        report.warnings += [f"{e['source']}: card {e['card_id']} was edited in Anki" for e in edited] if as_json \
            else []
    if as_json:
        echo_json(report.to_dict())
        return
    for warning in report.warnings:
        click.echo(inert(f"Warning: {warning}"), err=True)
    if not report.files:
        raise MlwikiError("nothing exported: no cards yet")
    for f in report.files:
        suspended = f", {f.suspended} suspended" if f.suspended else ""
        history = (f", {f.scheduled} with their schedule and {plural(f.reviews, 'review')}" if f.reviews
                   else "")
        click.echo(inert(f"Wrote {f.path}: {plural(f.notes, 'note')}, {plural(f.cards, 'card')}{history}, "
                         f"{plural(f.media, 'media file')}{suspended}"))


@click.command()
@click.argument("path", required=False, type=click.Path(dir_okay=True))
@click.option("--list", "list_only", is_flag=True, help="List the automatic backups instead.")
@pass_app
def backup(app: AppContext, path: str | None, list_only: bool) -> None:
    """Back up the database now (to PATH, or into .mlwiki/backups/)."""
    from mlwiki.store.backup import backup_now, list_backups
    from mlwiki.store.opening import open_store

    if list_only:
        for item in list_backups(app.config):
            click.echo(f"{item.taken_at:%Y-%m-%d %H:%M}  {item.path}")
        return
    with open_store(app.config, create=False) as store:
        target = backup_now(store, app.config, "manual", Path(path) if path else None, app.now)
    click.echo(f"Backed up to {target}")


@click.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--yes", is_flag=True, help="Do not ask first.")
@pass_app
def restore(app: AppContext, path: str, yes: bool) -> None:
    """Replace the database with a backup (the current one is backed up first)."""
    from mlwiki.store.opening import restore as restore_backup

    if not yes and sys.stdin.isatty():
        click.confirm(f"Replace the database with {path}?", abort=True)
    safety = restore_backup(app.config, Path(path), app.now)
    click.echo(f"Restored {path}" + (f" (previous database saved as {safety})" if safety else ""))


@click.group()
def log() -> None:
    """Export or import the review log (your history, in open formats)."""


@log.command("export")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), help="Default: from the file suffix.")
@pass_app
def log_export(app: AppContext, path: str, fmt: str | None) -> None:
    """Write every review to PATH as CSV or JSON Lines."""
    from mlwiki.review.logfile import export_log
    from mlwiki.store.opening import open_store

    fmt = fmt or ("csv" if path.lower().endswith(".csv") else "jsonl")
    with open_store(app.config, create=False) as store:
        count = export_log(store, Path(path), fmt)
    click.echo(f"Wrote {plural(count, 'review')} to {path}")


@log.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@pass_app
def log_import(app: AppContext, path: str) -> None:
    """Load a review log into an empty database and rebuild every card's schedule from it."""
    from mlwiki.review.logfile import import_log
    from mlwiki.studyday import StudyCalendar

    store, _ = synced(app)
    with store:
        reviews, cards, unknown = import_log(store, Path(path), StudyCalendar.from_settings(app.config.review),
                                             app.now)
    click.echo(f"Imported {plural(reviews, 'review')}; rebuilt {plural(cards, 'card')}"
               + (f"; the reviews of {plural(unknown, 'card')} not in these notes are kept in the log" if unknown
                  else ""))

COMMANDS = [export, backup, restore, log]
