"""A Wiki.js page's styled blockquotes read as the boxes Wiki.js shows.

Wiki.js styles a blockquote by a class line right under it: `> Drift alone is no harm.` then `{.is-warning}` shows
a warning box (`.is-info`, `.is-success`, `.is-danger` too). The box is read as the callout it is, `> [!warning]`
over the quote, so that it is carded as a caveat under its heading rather than glued onto the paragraph above it.
The class line takes the callout's first line: the quote's lines move down by one, and the page keeps its line
count. Its other attribute lines (`{.tabset}`, `{.links-list}`) are read elsewhere. Pure: text in, text out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

_CLASS_LINE = re.compile(r"[ \t]*\{\.is-(info|warning|success|danger)\}[ \t]*")
_KINDS = {"info": "info", "warning": "warning", "success": "success", "danger": "danger"}


def as_wikijs_shows(body: str) -> str:
    """`body` with each blockquote styled by a Wiki.js class line as a callout of that kind; `body` itself when it
    has none."""
    if "{.is-" not in body:
        return body
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    for k, line in enumerate(lines):
        if fenced[k] or not (found := _CLASS_LINE.fullmatch(line)) or not k or not lines[k - 1].lstrip().startswith(">"):
            continue
        start = k - 1
        while start > 0 and lines[start - 1].lstrip().startswith(">") and not fenced[start - 1]:
            start -= 1
        lines[start + 1:k + 1] = lines[start:k]
        lines[start] = f"> [!{_KINDS[found.group(1)]}]"
    return "\n".join(lines)
