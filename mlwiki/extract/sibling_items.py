"""The items of a list of `**Term**: …` definitions that are not read as definitions themselves: a label that reads as
a step ("**Running mean of the squared steps:** …"), a labelled value ("**Window**: 10 steps"), a label the text
only speaks of. Alone, such a list is an ordinary list and its own rules card it; once a sibling item becomes a
definition card the list is taken, and those items were on no card at all. Each is held until the note is walked;
then one that no card holds (a section's card, a later pass) gets a card of its own, asked by its label under the
heading path, as a label that names no term is asked. Pure: the walk's drafts in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.draft import Draft
from mlwiki.extract.prose import clean_prose
from mlwiki.extract.subject import label_front
from mlwiki.models import CardKind

FORM = "sibling-item"
KEY_CHARS = 40  # the opening of an item's text that a card holding it shows
_SPACE = re.compile(r"\s+")
_NOTE = re.compile(r"(?i)(?:notes?|tip|important|remark|warning|summary|tl;?dr|in short|bottom line)\.?")


def noted(label: str, text: str, line: int) -> list[tuple[str, str, int]]:
    """[('', text, line)] for an item labelled as a note ("**Note**: both are applied per channel"): the fact it
    states is asked under the heading path alone (a front "… › Note" asks nothing); [] for any other label."""
    if not _NOTE.fullmatch(label.strip()) or not text.strip() or text.rstrip().endswith(":"):
        return []
    return [("", text, line)]


def hold_siblings(ex, left: list[tuple[str, str, int]]) -> None:
    """Keep (label, text, line) of each item of a list whose other items made definition cards, with the heading
    path it stands under, for `with_sibling_cards` once the note is walked."""
    if ex.in_example():
        return  # ("- **Error**: $1 - 0 = 1$" beside "- **Update**: …": a worked example's numbers, no fact)
    path = ex.heading_path()
    ex.siblings += [(path, label, text, line) for label, text, line in left if text.strip()]


def with_sibling_cards(ex) -> list:
    """The walk's drafts with a card `<heading path> › <label>` for each held item no card holds, placed among them
    by its line (the passes after it read cards in the note's order)."""
    drafts = ex.drafts
    for path, label, text, line in ex.siblings:
        if _held(drafts, text):
            continue
        front = " › ".join(part for part in (path, label and label_front(label)) if part)
        same = [d for ds, _ in drafts for d in ds if d.front == front]
        if same and same[0].form == FORM:  # (two notes under one heading: one card says both)
            same[0].back += "\n\n" + text.strip()
        if same:
            continue  # (two cards of one front: neither says which is asked)
        draft = Draft(CardKind.BASIC, front, text.strip(), line, form=FORM)
        at = next((k for k, (ds, _) in enumerate(drafts) if ds[0].line > line), len(drafts))
        drafts = [*drafts[:at], ([draft], path), *drafts[at:]]
    return drafts


def _held(drafts: list, text: str) -> bool:
    """Whether a card's back holds the item's words (their opening, spacing and marks aside)."""
    key = _key(text)[:KEY_CHARS]
    return not key or any(key in _key(d.back) for ds, _ in drafts for d in ds)


def _key(text: str) -> str:
    return _SPACE.sub(" ", clean_prose(text)).strip().casefold()
