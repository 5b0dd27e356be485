"""`mlwiki reschedule`: move review cards' due dates to what the current settings give (Anki's "Reschedule cards
on change"), after a change of desired retention, parameters or presets."""

from __future__ import annotations

import click

from mlwiki.commands.common import AppContext, auto_backup, echo_json, filter_options, pass_app, selection_from, synced
from mlwiki.textsafe import inert, plural


@click.command()
@filter_options
@click.option("--dry-run", is_flag=True, help="Show what would move; change nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the moves as JSON.")
@pass_app
def reschedule(app: AppContext, deck, tag, paths, dry_run: bool, as_json: bool) -> None:
    """Give review cards the due dates their deck's settings give now.

    After changing `desired_retention`, a deck preset or the parameters (`mlwiki optimize`), cards keep the due
    dates they were given until they are next reviewed — as in Anki, unless you ask. This recomputes each
    selected review card's interval from its last review (its stability, its preset's retention, Anki's fuzz
    range and load balancer) and says how many due dates move and by how much. The review log is not
    rewritten; each move is recorded as an event, so replays and `check` keep it.

    \b
    Examples:
        mlwiki reschedule --dry-run
        mlwiki reschedule --deck "ML::math"
    """
    from mlwiki.review.reschedule import apply_reschedule, plan_reschedule

    selection = selection_from(app, deck, tag, paths)
    store, _ = synced(app)
    with store:
        moves = plan_reschedule(store, app.config, app.now, selection)
        if moves and not dry_run:
            auto_backup(store, app)
            apply_reschedule(store, moves, app.now)
    if as_json:
        echo_json({"dry_run": dry_run, "moved": len(moves), "moves": [m.to_dict() for m in moves]})
        return
    click.echo(summary(moves, dry_run))
    for m in moves[:20]:
        sign = "+" if m.days > 0 else ""
        click.echo(inert(f"  {m.card_id}  {m.deck}  {m.old:%Y-%m-%d} → {m.new:%Y-%m-%d} ({sign}{m.days}d)"))
    if len(moves) > 20:
        click.echo(f"  … and {len(moves) - 20} more (--json lists all)")


def summary(moves, dry_run: bool) -> str:
    """'12 due dates would move: 7 later (median +3 days), 5 earlier (median -2 days).'"""
    if not moves:
        return "No due date moves: every review card already has the date its settings give."
    later = sorted(m.days for m in moves if m.days > 0)
    earlier = sorted(m.days for m in moves if m.days < 0)
    parts = []
    if later:
        parts.append(f"{len(later)} later (median +{later[len(later) // 2]} days, at most +{later[-1]})")
    if earlier:
        parts.append(f"{len(earlier)} earlier (median {earlier[len(earlier) // 2]} days, at most {earlier[0]})")
    verb = "would move" if dry_run else "moved"
    return f"{plural(len(moves), 'due date')} {verb}: {', '.join(parts) or 'within the same day'}."


COMMANDS = [reschedule]
