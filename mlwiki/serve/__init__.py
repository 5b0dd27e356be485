"""`mlwiki serve`: the review session, the stats page and a card browser as a local web app (Starlette, uvicorn).

One review engine: the app drives `review.session.ReviewSession`, as the terminal does (`engine`). Cards are
rendered by the card page's renderer (sanitized Markdown, MathML with the wiki's macros, `review.card_page`);
images are served only from inside the wiki, by the export's rules (`export.media`). `guard` keeps the app safe
by default: Host checked (DNS rebinding), a per-run token on every state-changing request (CSRF), a strict
Content-Security-Policy. Starlette and uvicorn are imported only here, so `mlwiki --help` and `due` never load them.

The stats page and the rescan come in as functions from the command (commands/serve.py), so this package needs
neither `stats` nor `scan`.

imports: errors, export, models, render, review, sources, store, studyday
"""
