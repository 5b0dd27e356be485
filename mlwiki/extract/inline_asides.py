"""A Quarto margin span inside a sentence, `…beats solving the QP.[sklearn's SGDClassifier is this.]{.aside}` (also
`{.column-margin}`), read as the writer's side remark it is: on a card it reads in brackets after its sentence,
"(sklearn's SGDClassifier is this.)", where it showed raw. A paragraph that is only such a span is a margin card of
its own (`extract.margins`). Code is never touched. Pure: a note's text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import map_unfenced

_ASIDE = re.compile(r"(?<=\S)[ \t]*\[([^\[\]\n]+)\]\{\.(?:aside|column-margin)\}")


def as_inline_asides_read(body: str) -> str:
    """`body` with each margin span inside a sentence read in brackets."""
    if "]{." not in body:
        return body
    return map_unfenced(body, lambda line: _ASIDE.sub(lambda m: f" ({m.group(1).strip()})", line) if "]{." in line
                        else line)
