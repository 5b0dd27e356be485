"""`mlwiki optimize`: fit FSRS parameters to the review log, go back to the defaults, or see what each desired
retention costs. The optimizer (fsrs-rs-python) is imported inside the command only."""

from __future__ import annotations

import click

from mlwiki.commands.common import AppContext, echo_json, pass_app
from mlwiki.errors import UsageError


@click.command()
@click.option("--dry-run", is_flag=True, help="Fit and report, but keep the parameters in use.")
@click.option("--reset", is_flag=True, help="Go back to FSRS's default parameters for new answers.")
@click.option("--simulate", is_flag=True,
              help="Show what each desired retention (0.70-0.97) costs in a simulated year (reviews and minutes "
                   "a day, cards remembered) and the lowest one worth using (needs 100 reviews).")
@click.option("--deck", "deck", metavar="DECK",
              help="Only the deck preset ([deck_options.\"…\"]) DECK uses: fit, reset or simulate it alone.")
@click.option("--days", type=click.IntRange(1, 365), default=30, show_default=True,
              help="With --simulate: days of daily workload to simulate with your scheduler.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_app
def optimize(app: AppContext, dry_run: bool, reset: bool, simulate: bool, deck: str | None, days: int,
             as_json: bool) -> None:
    """Fit FSRS parameters to your own review history; keep them when they predict better.

    Fits on the earlier 80 % of your reviews and measures on the latest 20 %: log loss and RMSE for the
    defaults and for the fitted parameters. New answers use the fitted parameters only when they are better;
    reviews already logged keep the parameters they were scheduled with. Needs a few hundred reviews.
    With --deck, only the reviews of the cards whose deck uses the same preset as DECK (Anki fits each preset).

    --simulate also walks the next --days days with the scheduler you answer with (deck presets, load
    balancing, easy days) and shows each day's reviews.

    \b
    Examples:
        mlwiki optimize --dry-run
        mlwiki optimize --json | jq .kept
        mlwiki optimize --deck "ML::math"
        mlwiki optimize --simulate
        mlwiki optimize --reset
    """
    from mlwiki.store.opening import open_store

    if reset and (dry_run or simulate):
        raise UsageError("--reset cannot be combined with --dry-run or --simulate")
    preset = preset_of_option(app, deck)
    with open_store(app.config, create=False) as store:
        if simulate:
            from mlwiki.optimize.simulate import render_text, simulate_store
            from mlwiki.optimize.workload import simulate_workload

            result = simulate_store(store, app.config, preset=preset)
            workload = simulate_workload(store, app.config, app.now, days)
            if as_json:
                echo_json(result.to_dict() | {"preset": preset, "workload": workload.to_dict()})
            else:
                click.echo("\n".join(render_text(result) + [""] + workload_lines(workload)))
            return
        if reset:
            from mlwiki.optimize.fit import reset_store

            before = reset_store(store, app.now, preset)
            changed = bool(before and before.values)
            if as_json:
                echo_json({"reset": changed, "parameters": None})
            else:
                click.echo("New answers now use FSRS's default parameters." if changed
                           else "Already using FSRS's default parameters; nothing changed.")
            return
        from mlwiki.optimize.fit import optimize_store

        result = optimize_store(store, app.config, app.now, dry_run=dry_run, preset=preset)
    if as_json:
        echo_json(result.to_dict() | {"preset": preset})
    else:
        click.echo("\n".join(report_lines(result, dry_run)))


def preset_of_option(app: AppContext, deck: str | None) -> str | None:
    """The preset `--deck` means (None without --deck); a deck without one is a usage error."""
    if deck is None:
        return None
    preset = app.config.preset_of(deck)
    if preset is None:
        raise UsageError(f"--deck {deck}: no [deck_options.\"…\"] preset names this deck or a parent, so it uses "
                         "[review]; drop --deck, or add a preset")
    return preset


def workload_lines(workload) -> list[str]:
    """The simulated days ahead as text: reviews a day with a bar, and the figures that say how even they are."""
    data = workload.to_dict()
    names = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    most = max(workload.reviews, default=0) or 1
    balance = "on" if workload.load_balance else "off"
    easy = ", ".join(f"{names[d]} {share:g}" for d, share in enumerate(workload.easy_days) if share != 1.0)
    lines = [f"The next {data['days']} days with your scheduler (load balancing {balance}"
             f"{', easy days ' + easy if easy else ''}):",
             f"mean {data['mean']} reviews a day, peak {data['peak']}, variation (CV) {data['cv']:.2f}"]
    for n, (reviews, weekday) in enumerate(zip(workload.reviews, workload.weekdays)):
        lines.append(f"  day {n:>3} {names[weekday]}  {reviews:>5}  {'█' * round(reviews / most * 40)}")
    return lines


def report_lines(result, dry_run: bool) -> list[str]:
    """The optimize report as text."""
    rows = [("defaults", result.default)] + ([("in use", result.current)] if result.current else []) + \
        [("fitted", result.fitted)]
    lines = [f"Fitted FSRS-6 parameters to {result.reviews:,} reviews ({result.items:,} training items): "
             f"fitted on the earliest {result.train_items:,}, measured on the latest {result.test_items:,}.",
             f"  {'':<9}  {'log loss':>8}  {'RMSE (bins)':>11}"]
    lines += [f"  {name:<9}  {m.log_loss:>8.4f}  {m.rmse * 100:>10.2f}%" for name, m in rows]
    if not result.kept:
        lines.append("Not kept: the fitted parameters predict your later reviews no better than those in use.")
    elif dry_run:
        lines.append("Would keep them (dry run: nothing changed). Run `mlwiki optimize` to use them.")
    else:
        lines.append("Kept: new answers use the fitted parameters. `mlwiki optimize --reset` goes back to the "
                     "defaults.")
    return lines


def retention_costs_html(app: AppContext) -> str:
    """The `optimize --simulate` table as a section of the stats page (whole wiki, parameters in use)."""
    from mlwiki.optimize.simulate import PAGE_RETENTIONS, TooFewReviews, render_html, simulate_store, too_few_html
    from mlwiki.store.opening import open_store

    with open_store(app.config, create=False) as store:
        try:
            return render_html(simulate_store(store, app.config, PAGE_RETENTIONS))
        except TooFewReviews as exc:
            return too_few_html(str(exc))


COMMANDS = [optimize]
