"""`mlwiki serve`: review, stats and a card browser in the browser (imports its web framework only when run)."""

from __future__ import annotations

import click

from mlwiki.commands.common import AppContext, echo_errors, filter_options, pass_app, study_session
from mlwiki.textsafe import plural


@click.command()
@filter_options
@click.option("--limit", type=click.IntRange(min=0), help="Stop after this many cards.")
@click.option("--new", "new", type=click.IntRange(min=0),
              help="Up to N new cards in this session, whatever is left of new_per_day today.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. 0.0.0.0: reachable from a phone on the same network (the link then "
                   "carries a token; anyone with the link can review).")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--open/--no-open", "open_browser", default=True, show_default=True,
              help="Open the review page in the default browser.")
@pass_app
def serve(app: AppContext, deck, tag, paths, limit, new, host, port, open_browser) -> None:
    """Review in the browser: math typeset, images shown, the same keys, queue and undo as `mlwiki review`;
    also the stats page and a card browser. Ctrl-C stops it.

    \b
    Keys: space/enter reveal · 1-4 rate · u undo · s suspend · b bury
          x not a card · ? keys
    Examples:
        mlwiki serve
        mlwiki serve --deck ML::optimization --no-open
        mlwiki serve --host 0.0.0.0    # a phone on the same network
    """
    import threading

    from mlwiki.commands.optimize import retention_costs_html
    from mlwiki.scan.sync import scan
    from mlwiki.serve.app import Site, build_app
    from mlwiki.serve.engine import Engine
    from mlwiki.serve.run import plan_address, serve as run_server, watch
    from mlwiki.stats.compute import compute_stats
    from mlwiki.stats.html import render_html
    from mlwiki.store.opening import open_store

    address = plan_address(host, port)
    with study_session(app, deck, tag, paths, limit, new) as session, open_store(app.config) as own:
        if session is None:
            return

        def rescan() -> None:  # on a connection of its own: the page sees its changes as any other writer's
            report = scan(own, app.config, session.clock())
            if report.changed:
                echo_errors(report)

        def stats_html() -> str:
            stats = compute_stats(session.store, app.config, session.clock(), session.filters.selection)
            return render_html(stats, extra=retention_costs_html(app))

        stop = threading.Event()
        watcher = watch(rescan, stop)
        try:
            run_server(build_app(Site(Engine(session), address.policy, stats_html)), address, open_browser,
                       click.echo)
        finally:
            stop.set()
            watcher.join(10)
        click.echo(f"Reviewed {plural(session.summary.reviewed, 'card')}.")


COMMANDS = [serve]
