"""A Joplin note's links to its own items, read as Joplin shows them.

Joplin links a note or an attachment by its item id, `[Seq2seq](:/a1b2…)` (32 hex digits) and `![plot](:/…)` or
`<img src=":/…">`: its Markdown export rewrites those into files, but a note copied out of Joplin (or synced to a
folder) keeps them, and no address outside Joplin opens them. A link to a note shows its text; a picture no card can
show is left out. Pure: text in, text out, line for line.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import map_unfenced

_ITEM = r":/[0-9a-f]{32}"
_PICTURE = re.compile(r"!\[[^\[\]\n]*\]\(" + _ITEM + r"\)|<img\b[^<>\n]*\bsrc=[\"']" + _ITEM + r"[\"'][^<>\n]*>")
_LINK = re.compile(r"\[([^\[\]\n]*)\]\(" + _ITEM + r"(?:#[\w-]*)?\)")


def as_joplin_shows(body: str) -> str:
    """`body` with each link to a Joplin item as its text and each picture of one left out; `body` itself when it
    has none."""
    if "(:/" not in body and '":/' not in body and "':/" not in body:
        return body
    return map_unfenced(body, lambda text: _LINK.sub(lambda found: found.group(1), _PICTURE.sub("", text)))
