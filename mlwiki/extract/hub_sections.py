"""A map of content that also explains: a hub note ("Unsupervised Learning MOC", "Object Detection — Map of
Content") is kept to find the notes it links to, so only the forms written for mlwiki make cards of it; but many
hubs open a section or two on what ties their notes together ("## What the task actually is", "## Recurring themes")
in sentences of their own, which a learner cards as any note's. Such a hub is read as a note, and of its cards only
those of its own words stay: a card whose text links to another note (the hub's lists of links and their gists), a
table's (its timeline, its notation) and its opening's (what the hub covers, how the course runs) go. Rules on the
form of the text, not its subject. Pure: text in, a verdict out; drafts in, drafts out.
"""

from __future__ import annotations

import re
from dataclasses import replace

_LINK = re.compile(r"\]\(|\[\[")  # (a Markdown link or a wikilink: to another note, in a hub)
_HEADING = re.compile(r"#{1,6}[ \t]")
_TABLE_OR_ITEM = re.compile(r"[ \t]*(?:\||[-*+][ \t]|\d+[.)][ \t]|>)")
MIN_EXPLAINING_WORDS = 25  # (a paragraph this long, with no link, under a heading: the hub explains something)
_TABLE_FORMS = ("table-row", "table-column")


def explains(body: str) -> bool:
    """Whether a hub's text holds, under one of its headings, a paragraph of its own words: prose of
    `MIN_EXPLAINING_WORDS` words or more with no link, not a table, a list item or a quote."""
    headed = False
    for paragraph in re.split(r"\n[ \t]*\n", body):
        paragraph = paragraph.strip()
        if _HEADING.match(paragraph):
            headed = True
            continue
        if headed and not _TABLE_OR_ITEM.match(paragraph) and not _LINK.search(paragraph) \
                and len(paragraph.split()) >= MIN_EXPLAINING_WORDS:
            return True
    return False


def hub_cards_kept(drafts: list, subject: str) -> list:
    """The drafts (`(siblings, heading path)` pairs) of a hub read as a note, without the cards of its links, its
    tables and its opening (see the module's docstring)."""
    kept = []
    for siblings, heading in drafts:
        left = [d if d.explicit_id else replace(d, id_front=f"{d.form}: {d.front}") for d in siblings
                if d.explicit_id or not (_LINK.search(d.front) or _LINK.search(d.back) or d.form in _TABLE_FORMS
                                         or d.front.split("\n\n", 1)[0] == subject)]
        if left:  # (each id made of its whole front, the hub's path in it: a glossary line of the hub, "Define:
            kept.append((left, heading))  # Stride", is no copy of the note that explains the term, whose card stays)
    return kept
