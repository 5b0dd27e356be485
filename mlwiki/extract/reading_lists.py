"""A reading list: the works a note's writer reads, one an item, under a line that says so or none.

    Main sources I'm working from:

    - ESL (Hastie, Tibshirani, Friedman), ch. 9.2, 8.7, 10, 15
    - Friedman (2001), *Greedy function approximation*
    - Ke et al. (2017), *LightGBM: …*
    - lecture slides weeks 6–8

A hub or a course's first note opens with one. Each item names a work (its authors and year, a book and its
chapters, a course's slides), and asked one by one ("ISLR ch. 8 [...]") the learner recalls a bibliography, not the
subject: the list is on no card. An item may name several works of one topic, "Sutskever et al. 2014; Cho et al.
2014 (seq2seq)". An item that says something of the subject beside the work ("Breiman (2001) — random forests
decorrelate the trees") is no bare reference, and the list stays. Pure: a back in, a bool out.
"""

from __future__ import annotations

import re

from mlwiki.extract.draft import backs_cut
from mlwiki.extract.lines import LIST_ITEM
from mlwiki.extract.page_origin import names_sources

MIN_ITEMS = 2
# A work cited: authors (a name, "A & B", "A, B and C", "X et al.") or a book's short name, then a year in brackets
# or its chapters; a title in italics or quotes may follow, and an aside in brackets may end it
_NAME = r"[A-Z][\w'’.-]*"
_AUTHORS = rf"{_NAME}(?:(?:,?[ \t]+(?:&|and)[ \t]+|,[ \t]+){_NAME}){{0,6}}(?:[ \t]+et[ \t]+al\.?)?(?:[ \t]+\([^()\n]{{1,60}}\))?"
_WHEN = r"\(?(?:19|20)\d\d[a-z]?(?:,[ \t]*(?:19|20)\d\d[a-z]?)*\)?"  # (two of one author's: "2013a, 2013b")
_CHAPTERS = r"(?:ch(?:apters?|s)?\.?|§|sec(?:tions?|s)?\.?|pp?\.)[ \t]*\d+(?:[.–-]\d+)*(?:[ \t]*,[ \t]*\d+(?:[.–-]\d+)*)*"
_TITLE = r"(?:\*[^*\n]+\*|_[^_\n]+_|\"[^\"\n]+\"|“[^”\n]+”)"
_WORK = re.compile(rf"{_AUTHORS},?[ \t]+(?:{_WHEN}|{_CHAPTERS})(?:,?[ \t]*{_TITLE})?[.]?(?:[ \t]+\([^()\n]{{1,60}}\))?[ \t]*")
# The line over the list that says it lists sources: "Main sources I'm working from:", "Reading:", "References:"
_READING = re.compile(r"\(?(?:19|20)\d\d\b|\bch(?:apters?|s)?\.?[ \t]*\d|§|\bet[ \t]+al\b")  # (a back that may hold one)
_LEAD = re.compile(r"(?i)[^\n:]{0,40}\b(?:sources?|readings?|references?|literature|bibliography|books?|papers?)\b"
                   r"[^\n:]{0,40}:[ \t]*")


def is_reading_list(back: str) -> bool:
    """Whether a back is a reading list alone (see the module's doc): list items, `MIN_ITEMS` or more, each a work
    cited or a course's sources named (`page_origin.names_sources`), under at most a line that says they are
    sources."""
    lines = [line for line in back.strip().split("\n") if line.strip()]
    if lines and not LIST_ITEM.match(lines[0]) and _LEAD.fullmatch(lines[0].strip()):
        lines = lines[1:]
    if len(lines) < MIN_ITEMS or "$" in back:
        return False
    for line in lines:
        found = LIST_ITEM.match(line)
        item = line[found.end():].strip() if found else ""
        if not item or not (all(_WORK.fullmatch(work.strip()) for work in item.split(";")) or names_sources(item)
                            or names_sources(_without_aside(item))):  # (works of one topic an item: "A 2014; B 2014")
            return False
    return True


def _without_aside(item: str) -> str:
    """An item without the aside in brackets that ends it ("ISLR ch. 8 (easier version of the same story)")."""
    return re.sub(r"[ \t]*\([^()\n]{1,60}\)[ \t.]*$", "", item)


def without_reading_lists(drafts: list) -> list:
    """The drafts (sibling groups with their heading paths) with the reading lists off their backs (a list and the
    line over it that says it lists sources), and the cards that held only one dropped; a card's id is its front's:
    kept."""
    return backs_cut(drafts, _without_lists, lambda draft: bool(_READING.search(draft.back)))


def _without_lists(back: str) -> str:
    """A back without the paragraphs that make a reading list (a lead line's paragraph goes with the list under it)."""
    paragraphs = back.strip().split("\n\n")
    kept: list[str] = []
    for paragraph in paragraphs:
        if is_reading_list(paragraph):
            if kept and _LEAD.fullmatch(kept[-1].strip()):
                kept.pop()
            continue
        kept.append(paragraph)
    return back if len(kept) == len(paragraphs) else "\n\n".join(kept)
