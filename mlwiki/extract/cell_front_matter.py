"""A notebook's front matter written in its first Markdown cell, as MyST (Jupyter Book 2) reads it: a `---` block of
`title:`, `date:`, `tags:` lines opening the cell, where a Markdown page has its front matter above its text. It is
the page's metadata, no card ("… › title" over "title: …, date: …"); its `title` names the notebook as a page's
title does ("Propensity scores and IPW", not the file name "propensity-ipw"). The cards keep the ids they had
under the file name (the walk reads the note as before to find them). Pure."""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.context import NoteContext

_MAX_LINES = 40  # (front matter is a few keys; a longer run is no metadata block)
_KEY = re.compile(r"[A-Za-z_][\w-]*:(?:[ \t]|$)")  # `title: …`, `tags:` over its items
_VALUE_LINE = re.compile(r"[ \t]+\S|-[ \t]")  # an item or a value wrapped under its key
_TITLE = re.compile(r"title:[ \t]*(.*?)[ \t]*$")


def front_matter_lines(body: str) -> tuple[int, str] | None:
    """(number of lines, title) of the front matter a notebook's body opens on, closing `---` included; None when
    it opens on none (a horizontal rule over prose, a `---` never closed)."""
    if not body.startswith("---"):
        return None
    lines = body.split("\n", _MAX_LINES + 2)[:_MAX_LINES + 2]
    if lines[0].rstrip() != "---":
        return None
    title = ""
    for n, line in enumerate(lines[1:], start=1):
        if line.rstrip() == "---":
            return (n + 1, title) if n > 1 else None
        if not (_KEY.match(line) or _VALUE_LINE.match(line)):
            return None
        if found := _TITLE.match(line):
            title = found.group(1).strip("\"'").strip()
    return None


def without_cell_front_matter(body: str, ctx: NoteContext, as_before: bool) -> tuple[str, NoteContext, bool]:
    """A notebook's body with its first cell's front matter made a comment (its lines kept, so every card keeps its
    line) and the context titled by it; whether it had one. Any other note, or the walk `as_before` (which reads
    the note as mlwiki read it before, for the ids), is returned as it is."""
    if as_before or ctx.file_type != "ipynb" or (found := front_matter_lines(body)) is None:
        return body, ctx, False
    count, title = found
    lines = body.split("\n", count)
    lines[0], lines[count - 1] = "<!--", "-->"  # (a comment where it stood: the opening section starts there still,
    # and its card keeps the line, and so the id, it had)
    return "\n".join(lines), (replace(ctx, title=title) if title and not ctx.title else ctx), True
