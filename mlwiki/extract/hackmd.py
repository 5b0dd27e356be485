"""HackMD's tags line: `###### tags: `ml` `compression`` under a note's title is how HackMD (and CodiMD/HedgeDoc)
tag a note; the page shows it as the note's tags, no section. Read as a heading it titled the line after it (the
session's presenter and date) as a card. Each such line is blanked where it stands, so line numbers stay."""

from __future__ import annotations

import re

# A heading of any level whose text is "tags:" and the tags: code spans, #hashtags or plain words between commas
_TAGS_HEADING = re.compile(r"(?im)^[ \t]{0,3}#{1,6}[ \t]+tags[ \t]*:[ \t]*(?:`[^`\n]*`|#?[\w/.-]+|[ \t,]+)*[ \t]*$")


def without_tags_heading(body: str) -> str:
    """The body with each HackMD tags heading line blanked (a cheap test first: most notes have none)."""
    if "tags" not in body:
        return body
    return _TAGS_HEADING.sub("", body)
