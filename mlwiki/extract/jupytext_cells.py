"""A notebook kept as text by Jupytext in MyST Markdown (`format_name: myst`), read as the notebook it stands for.

Jupytext writes the break between two Markdown cells as a line `+++`, with the next cell's metadata after it when it
has any: `+++ {"tags": ["remove-cell"]}`. The breaks are no text of the notebook (left in, "+++" ended a card's
back). A cell tagged `remove-cell` is one the book built from the notebook leaves out (the writer's scratch), and
so does mlwiki: its lines show nothing, up to the next cell. Code cells (```` ```{code-cell} ````) are code already.
A page is read so only when it holds a code cell or a cell break with metadata. Pure: a note's text in, the same
number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

_BREAK = re.compile(r"\+\+\+[ \t]*(\{.*\})?[ \t]*")
_REMOVED = re.compile(r"""["'](?:remove-cell|remove_cell)["']""")
_CODE_CELL = re.compile(r"[ \t]*(`{3,}|:{3,})[ \t]*\{code-cell\}")


def as_notebook_shows(body: str) -> str:
    """`body` with Jupytext's cell breaks left out, and the Markdown cells tagged `remove-cell` with them."""
    if "+++" not in body or not ("{code-cell}" in body or "+++ {" in body):
        return body
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    removed = False  # (inside a Markdown cell the book removes)
    for k, line in enumerate(lines):
        if fenced[k]:
            if _CODE_CELL.match(line):
                removed = False  # (a code cell ends the Markdown cell before it)
            continue
        if found := _BREAK.fullmatch(line):
            removed = bool(found.group(1) and _REMOVED.search(found.group(1)))
            lines[k] = ""
        elif removed:
            lines[k] = ""
    return "\n".join(lines)
