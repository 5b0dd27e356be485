"""The daily commands: review, due, stats."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mlwiki.commands.common import (AppContext, echo_json, filter_options, hint_when_empty, nothing_matches, pass_app,
                                    selection_from, study_session, synced)
from mlwiki.errors import MlwikiError
from mlwiki.textsafe import inert, plural


@click.command()
@filter_options
@click.option("--limit", type=click.IntRange(min=0), help="Stop after this many cards.")
@click.option("--new", "new", type=click.IntRange(min=0),
              help="Up to N new cards in this session, whatever is left of new_per_day today.")
@click.option("--plain", is_flag=True, help="Line-oriented mode for scripts (automatic when stdin is not a terminal).")
@pass_app
def review(app: AppContext, deck, tag, paths, limit, new, plain) -> None:
    """Study the cards due now: reveal, then rate 1 Again, 2 Hard, 3 Good, 4 Easy.

    \b
    Keys: space/enter reveal · 1-4 rate · u undo · s suspend · b bury
          x not a card (drop it for good; `mlwiki undrop ID`)
          e edit the note at the card's line · o open in the browser
          ? keys · q quit
    Plain mode (--plain, or stdin not a terminal) prints the front, reads
    a line (empty: reveal), prints the back, reads 1-4, u, s, b, x or q.
    """
    from mlwiki.review.tui import TerminalUI, run_plain
    from mlwiki.scan.sync import scan as rescan

    with study_session(app, deck, tag, paths, limit, new) as session:
        if session is None:
            return
        use_wiki_macros(app)  # the terminal's math knows the wiki's macros
        if plain or not sys.stdin.isatty():
            run_plain(session, sys.stdin, click.echo)
        else:
            def after_edit() -> int:
                """Rescan, rebuild the queue, and count the syntax errors the edit may have made."""
                report = rescan(session.store, app.config, session.clock())
                session.reload(keep_current=True)
                return sum(p.severity.value == "error" for p in report.problems)

            TerminalUI(session, rescan=after_edit, page_images=page_images(app.config)).run()


def page_images(config):
    """The `o` page's images: by the export's rules (inside the wiki only), linked as their files on disk;
    notebook attachments inline. Built on the first `o`, so a session that never opens a page pays nothing."""
    images = None

    def prepare(card):
        nonlocal images
        if images is None:
            from mlwiki.export.media import Media
            from mlwiki.serve.images import CardImages

            media = Media(config)
            images = CardImages(media, link=lambda name: media.files[name].resolve().as_uri())
        return images.prepare(card)

    return prepare


@click.command()
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_app
def due(app: AppContext, deck, tag, paths, as_json: bool) -> None:
    """What is due now, per deck: learning cards (due within the learn-ahead limit), review cards due today, and
    new cards for today, counted as a review session would show them; then when the next card falls due.

    `--json` prints the totals, `decks`, `later_today` (learning cards due later this study day), `next_due`,
    `new_waiting` and `matched` (the cards the filter selects).
    """
    from mlwiki.review.queue import Filters, due_summary, next_due_text

    selection = selection_from(app, deck, tag, paths)
    store, _ = synced(app)
    with store:
        if not as_json and (nothing_matches(store, selection) or hint_when_empty(store, app)):
            return
        summary = due_summary(store, app.config.review, app.now, Filters(selection), config=app.config)
    if as_json:
        echo_json(summary.to_dict())
        return
    rows = summary.decks
    width = max([len(r["deck"]) for r in rows] + [5])
    presets = bool(app.config.deck_options)  # then each deck's retention, which its preset sets
    click.echo(f"{'deck':<{width}}  learning  review  new" + ("  retention" if presets else ""))
    for r in rows:
        retention = f"  {r['desired_retention']:>9.0%}" if presets else ""
        click.echo(inert(f"{r['deck']:<{width}}  {r['learning']:>8}  {r['review']:>6}  {r['new']:>3}{retention}"))
    click.echo(f"{'total':<{width}}  {summary.learning:>8}  {summary.review:>6}  {summary.new:>3}")
    later = f"{plural(summary.later_today, 'learning card')} due later today. " if summary.later_today else ""
    click.echo(later + next_due_text(summary, app.now, counts=False))


@click.command()
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print every figure as JSON.")
@click.option("--html", "html_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write a self-contained HTML report (charts, works offline) to FILE.")
@click.option("--open", "open_page", is_flag=True,
              help="Open the HTML report in the browser (default file: .mlwiki/stats.html).")
@click.option("--simulate", is_flag=True,
              help="Add the reviews expected on each of the next 30 days if you study every day, simulated with "
                   "your scheduler (deck presets, load balancing, easy days, new cards): slower on big wikis.")
@pass_app
def stats(app: AppContext, deck, tag, paths, as_json, html_file, open_page, simulate) -> None:
    """Progress: cards by state, what is due, reviews per day and streak, true retention, memory, weak spots.

    Figures are for the study day holding now (or --now); the README's Stats section says how each is defined.
    The forecast counts the due dates cards have now, as Anki's Future Due graph; --simulate adds what a month
    of daily study would bring (reviews of cards answered meanwhile, new cards), as `optimize --simulate`.

    \b
    Examples:
        mlwiki stats
        mlwiki stats --deck ML::optimization --json | jq .true_retention_30d
        mlwiki stats --html report.html --open
    """
    from mlwiki.stats.compute import compute_stats

    selection = selection_from(app, deck, tag, paths)
    store, _ = synced(app)
    with store:
        if nothing_matches(store, selection) and not as_json:
            return
        result = compute_stats(store, app.config, app.now, selection)
        workload = _simulated_forecast(store, app, selection, len(result.forecast)) if simulate else None
    if html_file or open_page:
        from mlwiki.commands.optimize import retention_costs_html
        from mlwiki.stats.html import render_html

        target = Path(html_file) if html_file else app.config.data_dir / "stats.html"
        try:
            extra = retention_costs_html(app) + (_workload_html(workload) if workload else "")
            target.write_text(render_html(result, extra=extra), encoding="utf-8")
        except OSError as exc:
            raise MlwikiError(f"cannot write {target}: {exc.strerror}") from None
        click.echo(f"Wrote {target}", err=as_json)
        if open_page:
            import webbrowser

            webbrowser.open(target.resolve().as_uri())
    if as_json:
        echo_json(result.to_dict() | ({"forecast_simulated": workload.to_dict()} if workload else {}))
    elif not (html_file or open_page):
        from rich.console import Console

        from mlwiki.stats.view import render_terminal

        use_wiki_macros(app)
        render_terminal(result, Console(highlight=False))
        if workload:
            from mlwiki.commands.optimize import workload_lines

            click.echo("\n".join(["", "Simulated (you study every morning):", *workload_lines(workload)]))


def _workload_html(workload) -> str:
    """The simulated days ahead as a section of the stats page (the terminal's lines, escaped)."""
    import html

    from mlwiki.commands.optimize import workload_lines

    lines = html.escape("\n".join(workload_lines(workload)))
    return f'<section id="simulated-forecast"><h2>Simulated: you study every morning</h2><pre>{lines}</pre></section>'


def _simulated_forecast(store, app: AppContext, selection, days: int):
    """The days ahead walked with the scheduler mlwiki answers with (`mlwiki.optimize.workload`)."""
    from mlwiki.optimize.workload import simulate_workload

    return simulate_workload(store, app.config, app.now, days, selection)



def use_wiki_macros(app: AppContext) -> None:
    """Let the terminal's math know the wiki's macros file, as the Anki export and the card page do."""
    from mlwiki.render.latex_text import use_macros
    from mlwiki.render.macros import read_macros

    use_macros(read_macros(app.config)[0])


COMMANDS = [review, due, stats]
