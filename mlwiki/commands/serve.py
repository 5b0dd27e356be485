"""`mlwiki serve`: review, stats and a card browser in the browser (imports its web framework only when run)."""

from __future__ import annotations

import click

from mlwiki.commands.common import (AppContext, auto_backup, echo_errors, filter_options, hint_when_empty,
                                    nothing_matches, pass_app, selection_from, synced)


@click.command()
@filter_options
@click.option("--limit", type=click.IntRange(min=0), help="Stop after this many cards.")
@click.option("--new", "new", type=click.IntRange(min=0), help="Allow N new cards today (overrides new_per_day).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. 0.0.0.0: reachable from a phone on the same network (the link then "
                   "carries a token; anyone with the link can review).")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--open/--no-open", "open_browser", default=True, show_default=True,
              help="Open the review page in the default browser.")
@pass_app
def serve(app: AppContext, deck, tag, paths, limit, new, host, port, open_browser) -> None:
    """Review in the browser: math typeset, images shown, the same keys, queue and undo as `mlwiki review`;
    also the stats page and a card browser. Ctrl-C stops it.

    \b
    Keys: space/enter reveal · 1-4 rate · u undo · s suspend · b bury · ? help
    Examples:
        mlwiki serve
        mlwiki serve --deck ML::optimization --no-open
        mlwiki serve --host 0.0.0.0          # review on a phone on the same network
    """
    from mlwiki.commands.optimize import retention_costs_html
    from mlwiki.review.queue import Filters
    from mlwiki.review.session import ReviewSession, session_clock
    from mlwiki.scan.sync import scan
    from mlwiki.serve.app import Site, build_app
    from mlwiki.serve.engine import Engine
    from mlwiki.serve.run import plan_address, serve as run_server
    from mlwiki.stats.compute import compute_stats
    from mlwiki.stats.html import render_html

    selection = selection_from(app, deck, tag, paths)
    address = plan_address(host, port)
    store, report = synced(app)
    with store:
        echo_errors(report)
        if nothing_matches(store, selection) or hint_when_empty(store, app):
            return
        clock = session_clock(app.fixed_now)
        session = ReviewSession(store, app.config, clock, Filters(selection, limit=limit, new=new))

        def rescan() -> bool:
            found = scan(store, app.config, clock())
            echo_errors(found)
            return found.changed

        def stats_html() -> str:
            return render_html(compute_stats(store, app.config, clock(), selection),
                               extra=retention_costs_html(app))

        site = Site(Engine(session, rescan), address.policy, stats_html)
        run_server(build_app(site), address, open_browser, click.echo)
        click.echo(f"Reviewed {session.summary.reviewed} cards.")
        auto_backup(store, app)


COMMANDS = [serve]
