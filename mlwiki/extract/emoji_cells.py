"""A table cell that is only a thumb read as the word it stands for: a row of pros labelled 👍 and one of cons
labelled 👎. A card asks a row by its name: "👍" named nothing, and the table was read as if its first cell of words
were the row's name ("… › stale regimes can hurt" → "👎 / …"). Marks in cells (✓, ✗) read as they are.
Only Markdown table rows (`| … |`) outside code. Pure: a note's text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import map_unfenced

_WORDS = {"👍": "pros", "👎": "cons"}
_CELL = re.compile("(?<=\\|)([ \\t]*)(" + "|".join(_WORDS) + ")[\\ufe0f\\U0001f3fb-\\U0001f3ff]*([ \\t]*)(?=\\|)")


def as_emoji_cells_read(body: str) -> str:
    """`body` with each table cell that is only 👍 or 👎 written as its word."""
    if "|" not in body or not any(emoji in body for emoji in _WORDS):
        return body
    return map_unfenced(body, _read)


def _read(line: str) -> str:
    if not line.lstrip().startswith("|"):
        return line
    return _CELL.sub(lambda m: f"{m.group(1)}{_WORDS[m.group(2)]}{m.group(3)}", line)
