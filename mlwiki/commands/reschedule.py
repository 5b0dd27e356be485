"""`mlwiki reschedule`: recompute memory states under the current parameters and move review cards' due dates to
what the current settings give (Anki's "Reschedule cards on change"), after a change of desired retention,
parameters or presets."""

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
    """Recompute memory states and give review cards the due dates their deck's settings give now.

    After changing `desired_retention`, a deck preset or the parameters (`mlwiki optimize`), cards keep the
    memory states and due dates they were given until they are next reviewed, unless you ask. As Anki does on a
    change of FSRS parameters with "Reschedule cards on change", this recomputes each selected card's stability
    and difficulty from its whole review log under its preset's parameters now, then each review card's
    interval from its last review (its preset's retention, Anki's fuzz range and load balancer), and says how
    many due dates move and by how much. The review log is not rewritten; each change is recorded as an
    event, so replays and `check` keep it.

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
    moved = [m for m in moves if m.moves_due]
    if as_json:
        echo_json({"dry_run": dry_run, "moved": len(moved), "recomputed": len(moves) - len(moved),
                   "moves": [m.to_dict() for m in moved],
                   "memory_only": [m.to_dict() for m in moves if not m.moves_due]})
        return
    click.echo(summary(moved, dry_run))
    if len(moves) > len(moved):
        click.echo(memory_summary(moves, dry_run))
    for m in moved[:20]:
        sign = "+" if m.days > 0 else ""
        click.echo(inert(f"  {m.card_id}  {m.deck}  {m.old:%Y-%m-%d} → {m.new:%Y-%m-%d} ({sign}{m.days}d)"))
    if len(moved) > 20:
        click.echo(f"  … and {len(moved) - 20} more (--json lists all)")


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


def memory_summary(moves, dry_run: bool) -> str:
    """'5 cards would get a new memory state only (...): each keeps its due date (...).'"""
    only = [m for m in moves if not m.moves_due]
    ratios = sorted(m.stability[1] / m.stability[0] - 1 for m in moves if m.stability[0] and m.stability[1])
    median = f" (stability of all changed cards: median {ratios[len(ratios) // 2]:+.0%})" if ratios else ""
    verb = "would get" if dry_run else "got"
    return (f"{plural(len(only), 'card')} {verb} a new memory state only{median}: each keeps its due date "
            "(learning, suspended, or already in its new range).")


COMMANDS = [reschedule]
