"""A Logseq journal's entries: a journal page is titled by its day and names no subject; the writer titles what the
day held with a top-level block over the blocks nested under it, as a heading would:

    - Lecture 4 — convolutions #[[Deep learning]] #lecture      →   ## Lecture 4 — convolutions
    	- a 3x3 kernel sees …                                              - a 3x3 kernel sees …
    - log                                                          →   ## log
    	- ran the notebook again                                           - ran the notebook again

Read as a list, such an entry's items sat under a day with no subject, and only those that name their own subject
were cards; read as the section it is, they are asked under its title ("Lecture 4 — convolutions › …"), and a
"log" entry is a day's log (its facts only). The block's tags (`#lecture`, `#[[Deep learning]]`) are Logseq's
metadata, shown as pills, not words of the title.

A top-level block is no entry's title when it is a task (`TODO`, `DONE` …: the writer's to-do), a question, a
sentence (a claim with its details under it), longer than a title, or the writer's own day ("Study group — I present
the LSTM", "bit me today:"): those stay the list items they were. Pure: text in, text out.
"""

from __future__ import annotations

import re

from mlwiki.extract.daily import is_date
from mlwiki.extract.lines import HEADING

# Tags at the end of a block: " #lecture", " #[[Advanced topics]]" (Logseq shows them as pills)
_TAGS = re.compile(r"(?:[ \t]+#(?:\[\[[^\]\n]*\]\]|[^\s#\[\]]+))+[ \t]*$")
_TASK = re.compile(r"(?:TODO|DOING|LATER|NOW|WAITING|WAIT|IN-PROGRESS|DONE|CANCELED|CANCELLED)\b")
# The writer's own day ("I present the LSTM", "bit me today"): a diary line, not a title of what was learnt
_DIARY = re.compile(r"(?i)\b(?:i|i'm|i've|my|me|we|our|us|today|yesterday|tomorrow)\b")
_SENTENCE_END = re.compile(r"[.!?][\"'’”)*_]*$")
_ON_ITS_OWN = re.compile(r"(?:\$\$|```|~~~|\||>|#)")  # a formula, code, a table, a quote, a heading written
MAX_TITLE_WORDS = 12


def is_journal(title: str) -> bool:
    """Whether a Logseq page is a journal page: its title is only a day ("2026_03_14", "Mar 14th, 2026")."""
    return is_date(title)


def without_tags(text: str) -> str:
    """A block's text without the tags that end it."""
    return _TAGS.sub("", text) if "#" in text else text


def entry_title(text: str) -> str:
    """The title a journal's top-level block (its shown first line, `text`) gives the blocks nested under it, without
    its tags and a colon that ends it; "" when the block is no title (see the module's docstring)."""
    title = without_tags(text.strip()).rstrip(":").strip()
    if not title or _TASK.match(title) or _ON_ITS_OWN.match(title) or title.endswith("?") \
            or _SENTENCE_END.search(title) or len(title.split()) > MAX_TITLE_WORDS or _DIARY.search(title):
        return ""
    return title


def day_opening(blocks: list) -> list:
    """A journal's blocks before its first entry's heading: the day's own text, what may say what the day is about
    (an entry's text speaks of its entry: a page it links to is no subject of the day)."""
    first = next((k for k, block in enumerate(blocks) if block.kind == HEADING), len(blocks))
    return blocks[:first]
