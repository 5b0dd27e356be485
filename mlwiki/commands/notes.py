"""Commands over the notes: init, cards, check, scan, orphans, unsuspend, undrop."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from mlwiki.commands.common import (AppContext, echo_form_census, echo_json, filter_options, nothing_matches, pass_app,
                                    selection_from, synced)
from mlwiki.errors import MlwikiError
from mlwiki.textsafe import inert, one_line, plural, shorten


@click.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False))
@pass_app
def init(app: AppContext, directory: str | None) -> None:
    """Write a commented mlwiki.toml into DIRECTORY (default: the --root given, else here).

    Notices a Quarto project by its _quarto.yml, an MkDocs one by its mkdocs.yml (the notes are its docs
    folder) and a Docusaurus site by its docusaurus.config.js (its docs/ and blog/, not src/ or static/), and reads the notes to switch on the card forms they are
    written in (definitions, inline formulas). Never overwrites an existing config.
    """
    from mlwiki.config import CONFIG_NAME, config_from_dict
    from mlwiki.scan.starter import decks_folder_of, notes_folder_of, render_config_template, site_excludes
    from mlwiki.scan.check import infer_settings

    folder = _init_folder(directory, app.root)
    target = folder / CONFIG_NAME
    if target.exists():
        raise MlwikiError(f"{target} already exists; edit it instead")
    folder.mkdir(parents=True, exist_ok=True)
    decks = decks_folder_of(folder)
    notes = notes_folder_of(folder, decks)
    settings = infer_settings(config_from_dict(folder, {"notes": notes, "decks": decks,
                                                        "exclude": site_excludes(folder)}))
    target.write_text(render_config_template(folder, settings, notes, decks), encoding="utf-8")
    click.echo(f"Wrote {target}")
    click.echo(f'  notes = "{notes}"  ({"the notes in " + notes + "/" if notes != "." else "every note under here"})')
    if decks != "decks":
        click.echo(f'  decks = "{decks}"  (decks/ holds notes: exported .apkg files go to {decks}/)')
    for key, (value, why) in settings.items():
        click.echo(f"  {key} = {value}  ({why})")


def _init_folder(directory: str | None, root: str | None) -> Path:
    """The folder `init` writes into: DIRECTORY, else `--root` (`mlwiki --root ~/wiki init`, as every other command
    reads it), else here; two different folders are a mistake to say, not to guess."""
    if directory is not None and root is not None and Path(directory).resolve() != Path(root).resolve():
        raise MlwikiError(f"init was given two folders: {directory} and --root {root}; give one")
    return Path(directory or root or ".").resolve()


@click.command()
@click.argument("files", nargs=-1, metavar="[PATH]...")
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of cards.")
@click.option("--all", "include_retired", is_flag=True, help="Include retired cards (deleted from notes).")
@click.option("--state", type=click.Choice(["new", "learning", "review", "suspended", "leech", "dropped", "duplicate"]),
              help="Only cards in this state (suspended: leeches too; duplicate: cards another note's card is "
                   "studied for).")
@click.option("--dropped", is_flag=True, help="Only cards marked 'not a card' (same as --state dropped).")
@pass_app
def cards(app: AppContext, files, deck, tag, paths, as_json: bool, include_retired: bool, state: str | None,
          dropped: bool) -> None:
    """List the cards (all but those dropped as 'not a card' and duplicates of another note's card) with id, kind,
    state and source.

    \b
    Examples:
        mlwiki cards
        mlwiki cards --state suspended
        mlwiki cards notes/optimization --json | jq '.[].front'
    """
    from mlwiki.store.cards import card_status, list_cards

    selection = selection_from(app, deck, tag, files + paths)
    store, _ = synced(app)
    with store:
        rows = list_cards(store, selection, include_retired, "dropped" if dropped else state)
        if nothing_matches(store, selection, include_retired) and not as_json:
            return
        if as_json:
            from mlwiki.review.order import add_retrievability

            rows = add_retrievability(rows, app.config, store, app.now)
    if as_json:
        echo_json(rows)
        return
    from mlwiki.render.terminal import listing_text

    for row in rows:
        click.echo(inert(f"{row['id']}  {row['kind']:<10} {card_status(row):<10} {one_line(row['source']['path'])}:"
                         f"{row['source']['line']}  {shorten(listing_text(row['front']), 80)}"))
    click.echo(plural(len(rows), "card"), err=True)
    if not rows and selection.is_empty and not (state or dropped):
        echo_form_census(app.config)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True), metavar="[PATH]...")
@click.option("--json", "as_json", is_flag=True, help="Print problems and counts per card form as JSON.")
@click.option("--repair", is_flag=True, help="Replay cards whose cached schedule differs from their review log.")
@pass_app
def check(app: AppContext, paths: tuple[str, ...], as_json: bool, repair: bool) -> None:
    """Lint card syntax: unclosed fences, Q: without A:, empty sides, duplicate ids, broken clozes …

    Prints `path:line: severity: message` per problem and exits 1 when any is an error. `--json` prints
    `problems`, the cards `made` per form, per form how many cards you `dropped` as "not a card", and per
    form what it `skipped` and why (worked examples, labelled values). With --repair, cards whose cached
    schedule drifted from the review log are replayed from it first. A card that repeats another note's card is a
    notice naming the copy studied (not an error): listed for the PATHs given; over the whole wiki only counted
    (`mlwiki cards --state duplicate` lists them), so the listing stays the problems to fix.
    """
    from mlwiki.problems import Severity
    from mlwiki.review.replay import database_problems, repair_drift
    from mlwiki.scan.check import describe_forms, describe_skipped, dropped_by_form, run_checks
    from mlwiki.scan.duplicates import notices as duplicate_notices
    from mlwiki.scan.sync import open_synced
    from mlwiki.store.cards import dropped_cards
    from mlwiki.studyday import StudyCalendar

    report = run_checks(app.config, [Path(p) for p in paths] or None)
    dropped = Counter()
    if app.config.db_path.exists():
        store, scanned = open_synced(app.config, app.now)
        with store:
            if repair:
                repaired = repair_drift(store, StudyCalendar.from_settings(app.config.review))
                click.echo(f"Repaired {len(repaired)} card(s) whose schedule differed from their review log", err=True)
            report.add(database_problems(store, app.config, scanned.problems))
            report.add(duplicate_notices(store, tuple(app.config.relative(Path(p).resolve()) for p in paths)))
            dropped = dropped_by_form(dropped_cards(store), report.form_of)
    if as_json:
        echo_json({"problems": [p.to_dict() for p in report.problems], "notes": report.notes,
                   "cards": report.cards, "made": dict(report.made.most_common()),
                   "dropped": dict(dropped.most_common()), "skipped": report.skipped_by_form()})
    else:
        for problem in report.problems:
            if paths or problem.severity != Severity.NOTICE:
                click.echo(inert(str(problem)))
        click.echo(report.summary, err=True)
        if report.notices and not paths:
            click.echo("hint: `mlwiki cards --state duplicate` lists the cards that repeat another note's card, "
                       "and `mlwiki check PATH` names them in a note", err=True)
        echo_form_census(app.config, report.made, report.possible)
        if dropped:
            click.echo(f"dropped as 'not a card' in review: {describe_forms(dict(dropped.most_common()))}", err=True)
        if report.skipped:
            click.echo(f"not cards: {describe_skipped(report.skipped)}", err=True)
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
@click.argument("card_ids", nargs=-1, metavar="[ID]...")
@click.option("--all", "every", is_flag=True, help="Every suspended card the filters select (all without filters).")
@filter_options
@pass_app
def unsuspend(app: AppContext, card_ids: tuple[str, ...], every: bool, deck, tag, paths) -> None:
    """Unsuspend cards (and clear their leech mark): the ids `mlwiki cards --state suspended` lists, or --all.
    An id that names no card is an error; nothing changes then. Dropped cards need `mlwiki undrop`.

    \b
    Examples:
        mlwiki unsuspend 3f9c2a1b7d4e
        mlwiki unsuspend --all --deck ML::optimization
    """
    from mlwiki.review.answering import unsuspend as unsuspend_cards
    from mlwiki.store.cards import dropped_cards, list_cards

    if bool(card_ids) == every:
        raise click.UsageError("give card ids or --all (with --deck/--tag/--path to narrow it), not both")
    selection = selection_from(app, deck, tag, paths)
    store, _ = synced(app)
    with store:
        ids = list(card_ids) or [row["id"] for row in list_cards(store, selection, state="suspended")]
        changed = unsuspend_cards(store, ids, app.now)
        dropped = {name for cid, (_, aliases) in dropped_cards(store).items() for name in (cid, *aliases)}
    held = [i for i in dict.fromkeys(ids) if i in dropped]
    unchanged = len(set(ids)) - len(changed) - len(held)
    click.echo(f"Unsuspended {plural(len(changed), 'card')}" +
               (f" ({plural(unchanged, 'was', 'were')} not suspended)." if unchanged else "."))
    if held:
        click.echo(f"Dropped as 'not a card', left as they are: {', '.join(held)} (`mlwiki undrop` brings them "
                   "back).")


@click.command()
@click.argument("card_ids", nargs=-1, required=True, metavar="ID...")
@pass_app
def undrop(app: AppContext, card_ids: tuple[str, ...]) -> None:
    """Bring back cards dropped as 'not a card' (`x` in review); `mlwiki cards --dropped` lists them.
    An id that names no card is an error; nothing changes then."""
    from mlwiki.review.answering import undrop as undrop_cards

    store, _ = synced(app)
    with store:
        changed = undrop_cards(store, list(card_ids), app.now)
    unchanged = len(set(card_ids)) - len(changed)
    click.echo(f"Undropped {plural(len(changed), 'card')}" +
               (f" ({plural(unchanged, 'was', 'were')} not dropped)." if unchanged else "."))

COMMANDS = [init, cards, check, scan, orphans, unsuspend, undrop]
