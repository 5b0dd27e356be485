"""The items of a list of `**Term**: …` definitions that are not read as definitions themselves: a label that reads as
a step ("**Running mean of the squared steps:** …"), a labelled value ("**Window**: 10 steps"), a label the text
only speaks of. Alone, such a list is an ordinary list and its own rules card it; once a sibling item becomes a
definition card the list is taken, and those items were on no card at all. Each is held until the note is walked;
then one that no card holds (a section's card, a later pass) gets a card of its own, asked by its label under the
heading path, as a label that names no term is asked. Pure: the walk's drafts in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, list_items
from mlwiki.extract.draft import Draft
from mlwiki.extract.lines import LIST_ITEM, TEXT
from mlwiki.extract.prose import clean_prose
from mlwiki.extract.subject import label_front, points_away
from mlwiki.models import CardKind

FORM = "sibling-item"
KEY_CHARS = 40  # the opening of an item's text that a card holding it shows
_SPACE = re.compile(r"\s+")
_MARKS = re.compile(r"[$*_`]")
# A list item that opens on a bold label and says something after it on its line ("1. **Dual feasibility**: $…$")
_LABELLED = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]+\*\*([^*\n]{1,80}?)(?::\*\*|\*\*[ \t]*:)[ \t]*(\S[^\n]*)")
_NAMING = re.compile(r"[^\W\d_]{2,}")  # a label in words, not only a symbol (a legend's "**$k$**:")
_NOT_FACT = re.compile(r"(?i)(?:examples?|output|input|code|usage|syntax|solution|answer|result|source|see also|"
                       r"(?:step|case|iteration) \d+)\.?")  # (what labels a worked example's or a tutorial's part)
_NOTE = re.compile(r"(?i)(?:notes?|tip|important|remark|warning|summary|tl;?dr|in short|bottom line)\.?")


def noted(label: str, text: str, line: int) -> list[tuple[str, str, int]]:
    """[('', text, line)] for an item labelled as a note ("**Note**: both are applied per channel"): the fact it
    states is asked under the heading path alone (a front "… › Note" asks nothing); [] for any other label."""
    if not _NOTE.fullmatch(label.strip()) or not text.strip() or text.rstrip().endswith(":"):
        return []
    return [("", text, line)]


def hold_list_items(ex, block: Block) -> None:
    """Hold the labelled items of a list one of whose items' display formula made a card ("4. **Stationarity**:"
    over its formula): the other items ("1. **Primal feasibility**: $f_i(x) \\le 0$") go on no card of the list's,
    which the formula card took; those no card holds when the note is walked are asked by their labels."""
    left = []
    for item in list_items(block.lines):
        found = _LABELLED.match(item[0].text)
        if found is None or not _NAMING.search(found.group(1)) or _NOT_FACT.fullmatch(found.group(1).strip()):
            continue
        more = [ln.text.strip() for ln in item[1:] if ln.kind == TEXT and not LIST_ITEM.match(ln.text)]
        left.append((found.group(1).strip(), " ".join([found.group(2).strip(), *more]), item[0].no))
    hold_siblings(ex, left)


def hold_siblings(ex, left: list[tuple[str, str, int]]) -> None:
    """Keep (label, text, line) of each item of a list whose other items made definition cards, with the heading
    path it stands under, for `with_sibling_cards` once the note is walked."""
    if ex.in_example():
        return  # ("- **Error**: $1 - 0 = 1$" beside "- **Update**: …": a worked example's numbers, no fact)
    path = ex.heading_path()
    ex.siblings += [(path, label, text, line) for label, text, line in left
                    if text.strip() and not points_away(text)]  # ("same reason as above": no answer alone)


def with_sibling_cards(ex) -> list:
    """The walk's drafts with a card `<heading path> › <label>` for each held item no card holds, placed among them
    by its line (the passes after it read cards in the note's order)."""
    drafts = ex.drafts
    if not ex.page:
        return drafts  # (the walk of a page as read before, whose cards give the ids: these cards are new)
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
    """Whether a card's back holds the item's words (their opening, spacing and marks aside), as written or as
    prose (a link shown by its title; a formula on a card of its own is shown as a display formula)."""
    keys = [(_key(text, read)[:KEY_CHARS], read) for read in (False, True)]
    return not keys[1][0] or any(key and key in _key(d.back, read) for ds, _ in drafts for d in ds
                                 for key, read in keys)


def _key(text: str, read: bool) -> str:
    """Words and symbols of a text as compared: read as prose or not, no math or emphasis marks, no closing stop,
    spacing and case aside ("$g(x) \\le 0$." is on a card of "$$g(x) \\le 0$$")."""
    return _SPACE.sub(" ", _MARKS.sub("", clean_prose(text) if read else text)).strip().rstrip(".;,").casefold()
