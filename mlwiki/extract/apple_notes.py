"""A note imported from Apple Notes by the Obsidian Importer, read as Apple Notes showed it, line for line.

The importer writes a highlight's colour as an emoji inside its marks (`==🟠ARIMA needs a stationary series==`,
purple 🟣, pink 🔴, orange 🟠, mint 🟢, blue 🔵): the colour is the highlight's look, not a word of the note, and on a
card it read as an emoji before the sentence. A list started indented comes out as an item holding only `&nbsp;`
before the text: the text is the item's. Pure: text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import map_unfenced

_COLOURED_HIGHLIGHT = re.compile(r"==[🟣🔴🟠🟢🔵🟡][ \t]?(?=[^=\n]*==)")
_NBSP_ITEM = re.compile(r"^([ \t]*[-*+][ \t]+)(?:&nbsp;[ \t]*)+")


def as_apple_notes_shows(body: str) -> str:
    """`body` without the importer's highlight colours and `&nbsp;` item artefacts; `body` itself when it holds
    none."""
    if "==" not in body and "&nbsp;" not in body:
        return body
    return map_unfenced(body, _read_line)


def _read_line(line: str) -> str:
    if "==" in line:
        line = _COLOURED_HIGHLIGHT.sub("==", line)
    if "&nbsp;" in line:
        line = _NBSP_ITEM.sub(r"\1", line)
    return line
