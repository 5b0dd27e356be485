"""A Zettelkasten's hub (structure) notes as a learner takes their cards: a hub's list of links by id, each with the
linked note's title and a one-line summary (`- [[202611031020]] Title — what it says`), is a table of contents,
not a question: every line of it is the gist of a note that has cards of its own. A back made of such a list only
(with at most the writer's to-do for notes not written yet) goes on no card. A hub's way up (`Sub-hub of [[id]]
Title.`, `Up: [[id]]`) is navigation: off the back it opens. Runs before the links are shown as titles, while a
link by id still says it is one. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re
from dataclasses import replace

_ID = r"(?:19|20)\d{8}(?:\d{2}){1,2}"
# A list item that opens on a link by id (the note's title and summary after it)
_LINK_ITEM = re.compile(rf"[ \t]*(?:[-*+]|\d{{1,3}}[.)])[ \t]+\[\[{_ID}\]\]")
# The writer's to-do for notes still to come ("Not written yet: Isomap, LLE", "TODO: …", "To write: …")
_TO_WRITE = re.compile(r"[ \t]*(?:not (?:yet )?written(?: yet)?|to write|still to write|todo|to do)\b", re.I)
# A hub's way up, a paragraph of its own: "Sub-hub of [[id]] Title.", "Up: [[id]]", "Parent: [[id]]"
_WAY_UP = re.compile(rf"(?:(?:sub-?hub|part|child) of|up|parent)[ \t]*:?[ \t]*\[\[{_ID}\]\][^\n]*(?:\n|\Z)\n*",
                     re.I)


def without_hub_lists(drafts: list) -> list:
    """The (sibling drafts, heading path) pairs without the cards whose back is a hub's list of links by id, and
    with no hub's way up opening a back (the first card of a group goes only with its group)."""
    kept = [([_no_way_up(d) for k, d in enumerate(siblings) if k == 0 or not _hub_list(d.back)], path)
            for siblings, path in drafts]
    return [(siblings, path) for siblings, path in kept if not all(_hub_list(d.back) for d in siblings)]


def _hub_list(back: str) -> bool:
    """Whether a back is a list of links by id, with nothing else but a to-do."""
    lines = [line for line in back.strip().split("\n") if line.strip()]
    links = sum(1 for line in lines if _LINK_ITEM.match(line))
    return links >= 1 and all(_LINK_ITEM.match(line) or _TO_WRITE.match(line) for line in lines)


def _no_way_up(draft):
    back = _WAY_UP.sub("", draft.back.lstrip(), count=1) if _WAY_UP.match(draft.back.lstrip()) else draft.back
    return replace(draft, back=back) if back != draft.back and back.strip() else draft
