"""A card whose answer is only the bold title its front already ends on (or under the note's title alone), with at most
the writer's aside in brackets ("… › Gradient descent – rough notes" over "**Gradient descent – rough notes** (fill in
from the recording!!)"): a title line a document export set in bold, and the writer's note on it, state no fact.
Read once the walk's cuts are done (a back left with the title line alone once the lists after it became cards). A
rule on the form of the back, not on its words. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re

# A bold line and what the writer put after it in brackets: "**Title** (to do)", "**Title**"
_BOLD_LINE = re.compile(r"[ \t]*\*\*([^*\n]{1,120})\*\*[ \t]*(?:\([^()\n]{0,120}\)[ \t!.]*)?")
_SPACE = re.compile(r"\s+")


def without_bare_titles(drafts: list) -> list:
    """The (sibling drafts, heading path) pairs without the cards whose back is their front's title in bold."""
    kept = [([d for d in siblings if not _bare_title(d.front, d.back)], path) for siblings, path in drafts]
    return [(siblings, path) for siblings, path in kept if siblings]


def _bare_title(front: str, back: str) -> bool:
    if "**" not in back[:8] or not (line := _BOLD_LINE.fullmatch(back.strip())):
        return False  # (nearly every back, said cheaply)
    if "\n\n" not in front and " › " not in front:
        return True  # (under the note's title alone: a title line of the document, no answer to any question)
    label = front.rpartition("\n\n")[2].rpartition(" › ")[2]
    return _SPACE.sub(" ", line.group(1)).strip(" :").casefold() == _SPACE.sub(" ", label).strip(" :").casefold()
