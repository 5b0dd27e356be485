"""A Hugo site's pages that hold no notes of their own, read as templates are (only the forms written for mlwiki).

Hugo keeps the skeletons of new pages in `archetypes/` (`title = '{{ replace .File.ContentBaseName … }}'`, empty
`## Refs` headings): blanks to fill in, like a `Templates` folder's notes. A section's `_index.md` is its list page:
a line or two on what the section holds ("Longer write-ups.", "Reference pages, roughly in the order I studied
them") over the list of its pages; one with headings or display math holds a section of study text and is read as
any note is.
"""

from __future__ import annotations

import re

ARCHETYPES = "archetypes"
_SECTION_PAGE = "_index.md"
MAX_BLURB_WORDS = 120  # (a list page's blurb: a few sentences; longer, it is a page of text)
_STUDY_TEXT = re.compile(r"(?m)^[ \t]{0,3}(?:#{1,6}[ \t]|\$\$|\\\[|```\{)")


def is_site_furniture(folders: list[str], rel: str, body: str) -> bool:
    """Whether a note is an archetype or a section's list page of a few lines (see the module docstring)."""
    if ARCHETYPES in folders:
        return True
    if not rel.endswith(_SECTION_PAGE) or rel.rpartition("/")[2] != _SECTION_PAGE:
        return False
    return not _STUDY_TEXT.search(body) and len(body.split()) <= MAX_BLURB_WORDS
