"""Lines that show as an empty line: a line holding only a backslash (Outline's Markdown export writes each empty
paragraph so), only `&nbsp;`, or only `<br>` (editors' spacers). Markdown shows a lone backslash as a literal "\\":
left in, it ended a card's back. Code is never touched. Pure: a note's text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import map_unfenced

_BLANK = re.compile(r"(?i)[ \t]*(?:\\|&nbsp;|<br[ \t]*/?>)[ \t]*")


def without_blank_marks(body: str) -> str:
    """`body` with each line that only marks an empty line made empty."""
    if "\\\n" not in body and "&nbsp;" not in body and "<br" not in body.lower() and not body.endswith("\\"):
        return body
    return map_unfenced(body, lambda line: "" if len(line) < 12 and _BLANK.fullmatch(line) else line)
