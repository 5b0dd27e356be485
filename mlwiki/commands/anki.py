"""`mlwiki anki pull` and `mlwiki anki push`: one review history with Anki (thin: the work is in mlwiki.anki)."""

from __future__ import annotations

import click

from mlwiki.commands.common import AppContext, echo_json, pass_app, synced
from mlwiki.textsafe import inert


@click.group()
def anki() -> None:
    """One review history with Anki: pull its reviews in, push mlwiki's out.

    \b
    The daily loop (pull first, so neither side repeats a card the other studied):
        (sync the phone and Anki, close Anki)
        mlwiki anki pull              Anki's reviews come into mlwiki's log
        mlwiki review                 at the desk
        mlwiki anki push              mlwiki's reviews go into Anki's collection
        (open Anki, sync)
    """


def _anki_source_options(func):
    func = click.option("--profile", metavar="NAME", help="The Anki profile, when there are several.")(func)
    func = click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")(func)
    return click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")(func)


@anki.command("pull")
@click.argument("source", required=False, type=click.Path())
@_anki_source_options
@pass_app
def anki_pull(app: AppContext, source: str | None, profile: str | None, dry_run: bool, as_json: bool) -> None:
    """Read Anki's reviews of this wiki's cards into mlwiki's log, then replay the cards they touch.

    SOURCE is a collection.anki2, a profile folder, a .colpkg backup or an .apkg exported with scheduling;
    without it, Anki's standard profile folder. A collection open in Anki is read from its newest backup.
    Anki's files are only read. Pulling again adds nothing.

    \b
    Examples:
        mlwiki anki pull
        mlwiki anki pull --profile Phone --dry-run
        mlwiki anki pull ~/Downloads/collection.colpkg --json
    """
    from mlwiki.anki.pull import pull

    store, _ = synced(app)
    with store:
        report = pull(store, app.config, source, profile, dry_run=dry_run)
    if as_json:
        echo_json(report.to_dict())
        return
    for line in report.lines():
        click.echo(inert(line))


@anki.command("push")
@click.argument("collection", required=False, type=click.Path())
@_anki_source_options
@pass_app
def anki_push(app: AppContext, collection: str | None, profile: str | None, dry_run: bool, as_json: bool) -> None:
    """Write mlwiki's reviews of cards Anki already has into a closed Anki collection.

    Needs the anki package (pip install 'mlwiki[anki]'). Refuses while Anki has the collection open; makes
    Anki's own backup first; adds the missing reviews to Anki's log and sets each touched card's memory
    state (Anki's own replay), last review and due date; rewrites any card whose row disagrees with its
    whole history; suspends cards whose text left the notes (deletes them after `orphans --purge`). Note
    types are never touched, so the next sync is an ordinary one. Pull first, so both sides end with the
    same history.

    \b
    Examples:
        mlwiki anki push --dry-run
        mlwiki anki push ~/.local/share/Anki2/User\\ 1/collection.anki2
    """
    from mlwiki.anki.push import push

    store, _ = synced(app)
    with store:
        report = push(store, app.config, collection, profile, now=app.now, dry_run=dry_run)
    if as_json:
        echo_json(report.to_dict())
        return
    for line in report.lines():
        click.echo(inert(line))


COMMANDS = [anki]
