"""A Quarto margin span inside a sentence, `…beats solving the QP.[sklearn's SGDClassifier is this.]{.aside}` (also
`{.column-margin}`), read as the writer's side remark it is: on a card it reads in brackets after its sentence,
"(sklearn's SGDClassifier is this.)", where it showed raw. A paragraph that is only such a span is a margin card of
its own (`extract.margins`). Pandoc's inline footnote, `…is singular.^[Why ridge was first proposed.]` (Quarto,
R Markdown, Obsidian), is read the same way, or left out when it only cites ("^[Hoerl and Kennard, 1970.]"): the
renderers set its text at the page's foot, behind a mark. Code is never touched. Pure: a note's text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.extract.footnotes import cites
from mlwiki.render.spans import map_unfenced

_ASIDE = re.compile(r"(?<=\S)[ \t]*\[([^\[\]\n]+)\]\{\.(?:aside|column-margin)\}")
_INLINE_NOTE = re.compile(r"(?<=\S)[ \t]*\^\[((?:[^\[\]\n]|\[[^\[\]\n]*\])+)\]")  # (a link or `[@key]` inside)


def as_inline_asides_read(body: str) -> str:
    """`body` with each margin span and inline footnote inside a sentence read in brackets (a citing footnote:
    nothing)."""
    if "]{." not in body and "^[" not in body:
        return body
    return map_unfenced(body, _read_asides)


def _read_asides(line: str) -> str:
    if "]{." in line:
        line = _ASIDE.sub(lambda m: f" ({m.group(1).strip()})", line)
    if "^[" in line:
        line = _INLINE_NOTE.sub(lambda m: "" if cites(m.group(1)) else f" ({m.group(1).strip()})", line)
    return line
