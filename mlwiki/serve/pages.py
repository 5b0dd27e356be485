"""The app's HTML: two small shells (review, cards) that load the package's own script and style files, and the
live stats page with the app's navigation added. Note-derived HTML never appears here: the scripts fetch it as
JSON, already sanitized and typeset by the card page's renderer."""

from __future__ import annotations

import html
from pathlib import Path

STATIC = Path(__file__).with_name("static")

NAV = [("/", "Review"), ("/cards", "Cards"), ("/stats", "Stats")]

SHELL = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="mlwiki-token" content="{token}">
<meta name="color-scheme" content="light dark">
<title>{title}</title>
<link rel="stylesheet" href="/static/nav.css"><link rel="stylesheet" href="/static/serve.css">
<link rel="stylesheet" href="/static/math.css">
<script src="/static/fit.js" defer></script><script src="/static/{script}" defer></script>
</head><body class="{page}">
{nav}
{body}
</body></html>
"""

REVIEW_BODY = """<main>
<p class="meta" id="meta"></p>
<p class="heading" id="heading"></p>
<section class="side front" id="front" aria-label="front"></section>
<section class="side back" id="back" aria-label="back" hidden></section>
<section class="side done" id="done" hidden></section>
<div class="bar" id="reveal-bar"><button id="reveal" class="primary">Show answer <kbd>Space</kbd></button></div>
<div class="bar ratings" id="ratings" hidden></div>
<div class="tools" id="tools">
<button data-act="undo">Undo <kbd>u</kbd></button><button data-act="bury">Bury <kbd>b</kbd></button>
<button data-act="suspend">Suspend <kbd>s</kbd></button><button data-act="drop">Not a card <kbd>x</kbd></button>
<button id="help-open">Keys <kbd>?</kbd></button>
</div>
<p class="message" id="message" role="status"></p>
<dialog id="help"><h2>Keys</h2><dl>
<dt><kbd>Space</kbd> <kbd>Enter</kbd></dt><dd>show the answer</dd>
<dt><kbd>1</kbd> <kbd>2</kbd> <kbd>3</kbd> <kbd>4</kbd></dt><dd>Again, Hard, Good, Easy (after the answer shows)</dd>
<dt><kbd>u</kbd></dt><dd>undo the last answer, bury or suspend</dd>
<dt><kbd>b</kbd></dt><dd>bury: hide the card until tomorrow</dd>
<dt><kbd>s</kbd></dt><dd>suspend: no more reviews until you unsuspend it (Cards page, or <code>mlwiki unsuspend</code>)</dd>
<dt><kbd>x</kbd></dt><dd>not a card: the extractor got it wrong; dropped for good, even after a rescan (Cards page, or
<code>mlwiki undrop</code>, brings it back)</dd>
<dt><kbd>?</kbd></dt><dd>this help; <kbd>Esc</kbd> closes it</dd>
</dl><form method="dialog"><button class="primary">Close</button></form></dialog>
</main>"""

CARDS_BODY = """<main class="wide">
<form class="filters" id="filters" role="search">
<label>Text <input name="q" type="search" placeholder="words in front or back" autocomplete="off"></label>
<label>Deck <input name="deck" list="decks" placeholder="ML::optimization" autocomplete="off"></label>
<label>Tag <input name="tag" list="tags" autocomplete="off"></label>
<label>Path <input name="path" placeholder="notes/optimization" autocomplete="off"></label>
<label>State <select name="state"><option value="">all but dropped</option><option>new</option><option>learning</option>
<option>review</option><option>suspended</option><option>leech</option><option>dropped</option></select></label>
</form>
<datalist id="decks"></datalist><datalist id="tags"></datalist>
<p class="meta" id="total" role="status"></p>
<table class="cards" id="cards"><thead><tr><th>Front</th><th>Deck</th><th>State</th><th>Due</th>
<th>Reviews</th><th></th></tr></thead><tbody></tbody></table>
</main>"""


def nav(current: str, counts: bool = False) -> str:
    links = "".join(f'<a href="{href}"{" aria-current=page" if href == current else ""}>{label}</a>'
                    for href, label in NAV)
    extra = '<span class="counts" id="counts"></span>' if counts else ""
    return f'<nav class="top">{links}{extra}</nav>'


def review_page(token: str) -> str:
    return SHELL.format(token=html.escape(token), title="mlwiki review", script="review.js", page="review",
                        nav=nav("/", counts=True), body=REVIEW_BODY)


def cards_page(token: str) -> str:
    return SHELL.format(token=html.escape(token), title="mlwiki cards", script="cards.js", page="browse",
                        nav=nav("/cards"), body=CARDS_BODY)


def stats_page(stats_html: str) -> str:
    """The `stats --html` page with the app's navigation at the top (the page itself runs no script)."""
    bar = '<link rel="stylesheet" href="/static/nav.css">' + nav("/stats")
    return stats_html.replace("<body>", "<body>" + bar, 1)
