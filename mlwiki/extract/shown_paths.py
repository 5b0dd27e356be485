"""The heading path a card shows above its front (the review screen's line, `mlwiki serve`'s, an Anki note's
Source field): the note's own headings, never a label a card form put after them.

    ## Reverse process          →  a remark card "… › Reverse process › What it says" (the formula under it)
    $$ … $$                        shows "… › Reverse process" as its path, not "… › What it says": that is the
    - Ho et al. fix …              question its front asks, no heading of the note

A card made of a label under a heading ("… › Failure modes › mode collapse: what you see, why?", "… › Drawback",
"Define: …" under the path) took its whole front's first line as its path, and a card a later pass split off or
reworded kept the path of the card it came from. Each path is cut back to the longest path of the note's headings
it starts with. Pure: the paths the walk went through in, the card's path out.
"""

from __future__ import annotations

import re

SEP = " › "
# An emoji at a heading's start: pictographs, dingbats, the emoji of Misc Technical (⌛ ⏳ ⏱ ⏩), 〽
ICON = re.compile(r"^[\u3030\u303d\u231a\u231b\u23e9-\u23f3\u23f8-\u23fa\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]"
                  r"[\ufe0f\u200d\U0001f3fb-\U0001f3ff]*[ \t]*")


def real_path(shown: str, known: set[str]) -> str:
    """`shown` (a card's path, or its front's first paragraph) cut back to the longest heading path of the note
    (`known`: every path the walk stood under) it starts with; its first paragraph as it is when it starts with
    none (a late card of a section whose path was never asked, a margin note's)."""
    head = shown.split("\n\n", 1)[0]  # (a definition's "path\n\nDefine: term": the path alone)
    if head in known or SEP not in head:
        return head
    parts = head.split(SEP)
    for k in range(len(parts) - 1, 0, -1):
        if (prefix := SEP.join(parts[:k])) in known:
            return prefix
    return head


def with_real_paths(drafts: list, known: set[str]) -> list:
    """The (sibling drafts, path) pairs of a walked note, each path cut back to the note's headings, and a
    heading's leading icon ("🧮 Lag features", as Kaggle and Notion pages write them) left off the path and the
    front: the words name the section, the icon only decorates it (the card keeps its id)."""
    return [(_without_icons(group), _iconless(real_path(path, known))) for group, path in drafts]


def _iconless(path: str) -> str:
    """`path` with each heading's leading emoji off ("📈 Walk-forward › 🧮 Lags" → "Walk-forward › Lags")."""
    if path.isascii():
        return path
    return SEP.join(ICON.sub("", part, count=1) or part for part in path.split(SEP))


def _without_icons(group: list) -> list:
    for draft in group:
        head, sep, rest = draft.front.partition("\n\n")
        shown = _iconless(head)
        if shown != head:
            draft.id_front = draft.id_front or draft.front  # (the card keeps its id, and so its history)
            draft.front = shown + sep + rest
    return group
