"""A book's description in the note that records it. A reference manager's note on a book (Obsidian's Zotero and
citation plugins, a hand-kept `References/` folder) opens with the book's record in its front matter (`authors`,
`publisher`, `isbn`) and often its publisher's blurb under the title:

    # An introduction to statistical learning
    An Introduction to Statistical Learning provides an accessible overview of the field … This book presents …

A card of such a sentence ("What does An Introduction to Statistical Learning provide?" → "… an accessible overview
of the field …", "Define: Data Science Design Manual" → "… is a source of practical insights …") describes the
book, not what it teaches: its back opens on the book itself, its title or "this book", "the text". Such a card is left
out; what the note takes from the book (a definition it copies, a reader's summary) opens on its own subject and
stays. Only a note whose front matter records a book (`NoteContext.records_book`) is read so: a paper's note says
what the paper shows in the same words ("This paper introduces the Transformer …"), and that is what it teaches.
Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.prose import clean_prose, sentences

# The book named by what it is: "This book", "The textbook", "this second edition", "The text"
_THE_BOOK = re.compile(r"(?i)(?:this|the)[ \t]+(?:(?:new|second|third|revised|present|\w+-edition)[ \t]+)?"
                       r"(?:book|textbook|text|volume|edition|monograph|handbook|guide)\b")
_ARTICLE = re.compile(r"(?i)(?:the|an?)[ \t]+")
_VERB = re.compile(r"[ \t]+(?:is|are|was|provides|presents|covers|offers|focuses|introduces|features|contains|"
                   r"includes|assumes|serves|targets|reveals|highlights|emphasi[sz]es|describes|gives|explains|"
                   r"aims|takes|has|can|will)\b")


def without_book_blurbs(drafts: list, title: str) -> list:
    """The drafts without a card whose back opens on the book the note records (`title`, the note's subject): its
    publisher's description of the book."""
    name = _ARTICLE.sub("", clean_prose(title).strip(), count=1).casefold() if title else ""
    return [(siblings, path) for siblings, path in drafts
            if not any(_describes(draft.back, name) for draft in siblings)]


def _describes(back: str, name: str) -> bool:
    """Whether a back's first sentence opens on the book: its title (`name`, without its article) or "this book",
    and a verb right after."""
    said = sentences(clean_prose(back.strip()))
    if not said:
        return False
    first = said[0].strip(" *_")
    found = _THE_BOOK.match(first)
    if found is None and name:
        opened = first[_ARTICLE.match(first).end():] if _ARTICLE.match(first) else first
        if opened.casefold().startswith(name):
            return bool(_VERB.match(opened, len(name)))
    return found is not None and bool(_VERB.match(first, found.end()))
