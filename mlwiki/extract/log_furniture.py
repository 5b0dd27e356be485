"""A log's own furniture, off the cards: the writer's plan ("**Plan** (Feb): ch 9 → 8.7 → 15", "**Next**: finish the
draft") says what they mean to read, and a dated entry's "lesson" that states nothing that holds beyond their day
("Workaround for now: write `\\_` inside math.", "Added it to the scaffold so new posts get it.") tells what they did
to their own tools. A lesson is kept when it says how things are (`lab_entries.GENERAL`). A rule on the form of a
card's label and of its lesson, not on their words. Pure: a draft in, a verdict out.
"""

from __future__ import annotations

import re

from mlwiki.extract.lab_entries import GENERAL

# The label of what the writer means to do: "Plan", "Plan (Feb)", "Next", "Next up", "To do", "Goals for March"
_PLAN = re.compile(r"(?i)(?:define:[ \t]*)?[*_ \t]*(?:plans?|next(?:[ \t]+(?:up|steps?))?|to-?[ \t]?dos?|goals?)"
                   r"(?:[ \t]+for[ \t]+[\w \t]{1,20})?[ \t]*(?:\([^()\n]{1,20}\))?[*_ \t:]*")
_WHY = " Why?"
# A question of the writer's list, its task box shown: "[x] Is the gap always the KL?" (what they meant to ask)
_BOXED = re.compile(r"[ \t]*(?:[-*+][ \t]+)?\[[ xX]\][ \t]+\S")


def asked_lesson(draft) -> bool:
    """Whether a card asks a dated entry's lesson ("Study log › Loss went flat. Why?")."""
    return draft.front.split("\n\n", 1)[0].endswith(_WHY)


def log_furniture(draft) -> bool:
    """Whether a card of a log is the writer's plan, a question of their list ("[x] Is …?") or a lesson that
    states no fact (see the module's docstring)."""
    if asked_lesson(draft):
        return not GENERAL.search(draft.back)
    label = draft.front.rpartition("\n\n")[2].rpartition(" › ")[2]
    return bool(_PLAN.fullmatch(label) or _BOXED.match(label))
