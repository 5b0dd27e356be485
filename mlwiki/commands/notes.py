"""Commands over the notes: init, cards, check, scan, orphans, unsuspend."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mlwiki.commands.common import (AppContext, echo_form_census, echo_json, filter_options, nothing_matches, pass_app,
                                    selection_from, synced)
from mlwiki.errors import MlwikiError
from mlwiki.textsafe import inert, one_line, plural, shorten


@click.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False), default=".")
def init(directory: str) -> None:
    """Write a commented mlwiki.toml into DIRECTORY (default: here).

    Notices a Quarto project by its _quarto.yml, and reads the notes to switch on the card forms they are
    written in (definitions, inline formulas). Never overwrites an existing config.
    """
    from mlwiki.config import CONFIG_NAME, config_from_dict, notes_folder_of, render_config_template
    from mlwiki.scan.check import infer_settings

    folder = Path(directory).resolve()
    target = folder / CONFIG_NAME
    if target.exists():
        raise MlwikiError(f"{target} already exists; edit it instead")
    folder.mkdir(parents=True, exist_ok=True)
    settings = infer_settings(config_from_dict(folder, {"notes": notes_folder_of(folder)}))
    target.write_text(render_config_template(folder, settings), encoding="utf-8")
    click.echo(f"Wrote {target}")
    for key, (value, why) in settings.items():
        click.echo(f"  {key} = {value}  ({why})")


@click.command()
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

    selection = selection_from(app, deck, tag, files + paths)
    store, _ = synced(app)
    with store:
        rows = list_cards(store, selection, include_retired)
        if nothing_matches(store, selection, include_retired) and not as_json:
            return
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        click.echo(inert(f"{row['id']}  {row['kind']:<10} {one_line(row['source']['path'])}:{row['source']['line']}  "
                         f"{shorten(row['front'], 80)}"))
    click.echo(plural(len(rows), "card"), err=True)
    if not rows and selection.is_empty:
        echo_form_census(app.config)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print problems as a JSON array.")
@pass_app
def check(app: AppContext, paths: tuple[str, ...], as_json: bool) -> None:
    """Lint card syntax: unclosed fences, Q: without A:, empty sides, duplicate ids, broken clozes …

    Prints `path:line: severity: message` per problem and exits 1 when any is an error.
    """
    from mlwiki.review.replay import database_problems
    from mlwiki.scan.check import run_checks
    from mlwiki.scan.sync import open_synced

    report = run_checks(app.config, [Path(p) for p in paths] or None)
    if app.config.db_path.exists():
        store, scanned = open_synced(app.config, app.now)
        with store:
            report.add(database_problems(store, app.config, scanned.problems))
    if as_json:
        echo_json([p.to_dict() for p in report.problems])
    else:
        for problem in report.problems:
            click.echo(inert(str(problem)))
        click.echo(report.summary, err=True)
        echo_form_census(app.config, report.made, report.possible)
    if report.errors:
        sys.exit(1)


@click.command()
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


@click.command()
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--purge", is_flag=True, help="Delete retired cards and their history (asks first).")
@click.option("--yes", is_flag=True, help="Do not ask before purging.")
@pass_app
def orphans(app: AppContext, deck, tag, paths, as_json: bool, purge: bool, yes: bool) -> None:
    """List retired cards: deleted from the notes, history kept. They come back if their text returns."""
    from mlwiki.store.orphans import list_orphans, purge_orphans

    selection = selection_from(app, deck, tag, paths)
    store, _ = synced(app)
    with store:
        if nothing_matches(store, selection, include_retired=True) and not as_json:
            return
        rows = list_orphans(store, selection)
        if as_json and not purge:
            echo_json(rows)
            return
        for row in rows:
            click.echo(inert(f"{row['id']}  {row['kind']:<10} last in {one_line(row['source']['path'])}:"
                             f"{row['source']['line']}  {plural(row['reviews'], 'review')}  "
                             f"{shorten(row['front'], 60)}"))
        click.echo(plural(len(rows), "retired card"), err=True)
        if purge and rows:
            if not yes and not click.confirm(f"Delete {plural(len(rows), 'retired card')} and their review history?",
                                             default=False):
                raise MlwikiError("nothing purged")
            from mlwiki.store.backup import backup_now

            saved = backup_now(store, app.config, "before-purge", when=app.now)
            count = purge_orphans(store, selection)
            click.echo(f"Purged {plural(count, 'card')} (backup: {saved}).")


@click.command()
@click.argument("card_ids", nargs=-1, required=True)
@pass_app
def unsuspend(app: AppContext, card_ids: tuple[str, ...]) -> None:
    """Unsuspend cards (and clear their leech mark). An id that names no card is an error; nothing changes then."""
    from mlwiki.review.answering import unsuspend as unsuspend_cards

    store, _ = synced(app)
    with store:
        changed = unsuspend_cards(store, list(card_ids), app.now)
    unchanged = len(set(card_ids)) - len(changed)
    click.echo(f"Unsuspended {plural(len(changed), 'card')}" +
               (f" ({plural(unchanged, 'was', 'were')} not suspended)." if unchanged else "."))

COMMANDS = [init, cards, check, scan, orphans, unsuspend]
