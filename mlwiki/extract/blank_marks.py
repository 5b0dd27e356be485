"""Lines that show as an empty line: a line holding only a backslash (Outline's Markdown export writes each empty
paragraph so), only `&nbsp;`, or only `<br>` (editors' spacers). Markdown shows a lone backslash as a literal "\\":
left in, it ended a card's back. So does a heading with no words (`##   `: a rich-text editor's empty line left in a
heading's style, as UpNote's export writes it): it shows nothing, but read as a heading it opened a section with no
name, and the paragraphs under it made no card. Code is never touched. Pure: a note's text in, the same number of
lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import map_unfenced

_BLANK = re.compile(r"(?i)[ \t]*(?:\\|&nbsp;|<br[ \t]*/?>|#{1,6})[ \t]*")
_EMPTY_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]*$", re.M)


def without_blank_marks(body: str) -> str:
    """`body` with each line that only marks an empty line made empty."""
    if "\\\n" not in body and "&nbsp;" not in body and "<br" not in body.lower() and not body.endswith("\\") \
            and not ("#" in body and _EMPTY_HEADING.search(body)):
        return body
    return map_unfenced(body, lambda line: "" if len(line) < 12 and _BLANK.fullmatch(line) else line)
