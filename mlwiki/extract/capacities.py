"""What Capacities' Markdown export writes around an object's text, read as Capacities shows it.

Capacities exports each object (a page, a daily note, a person, a weblink) as a Markdown file and writes a link to
another object as a relative link to its file, which reads as any link does. A link to one block of an object is a
link into the app, `[that block on Voronoi cells](https://app.capacities.io/<space>/<object>?bid=<block>)`: no
address outside Capacities opens it, and on a card its address is the app's ids. It shows its text, as Capacities
shows it. Fenced code is left as written. Pure: text in, text out, line for line.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import map_unfenced

_APP_LINK = re.compile(r"(?<!!)\[([^\[\]\n]*)\]\(https://app\.capacities\.io/[^()\s]*\)")


def as_capacities_shows(body: str) -> str:
    """`body` with each link into the Capacities app as its text; `body` itself when it has none."""
    if "app.capacities.io" not in body:
        return body
    return map_unfenced(body, lambda line: _APP_LINK.sub(lambda found: found.group(1), line)
                        if "app.capacities.io" in line else line)
