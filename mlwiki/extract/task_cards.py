"""Cards whose answer is only the writer's task boxes ("- [ ] try the method on another dataset"), taken off once
the walk is done. `selfnotes` drops task lines from the text a form reads, but a back cut later (a heading's card
left with the list under a table once the table's rows became cards of their own, then a cloze per item) can
still be nothing but chores: no fact to recall. A task that states a fact on its way (a formula with a relation)
keeps its card."""

from __future__ import annotations

import re

from mlwiki.extract.selfnotes import _STATES as STATES  # (a formula with a relation: a fact)

_TASK_LINE = re.compile(r"[ \t]*(?:[-*+][ \t]+)?\[[ xX]\][ \t]+\S")


def without_task_cards(drafts: list) -> list:
    """The (sibling drafts, heading path) pairs without the cards whose back is task boxes only."""
    kept = [([d for k, d in enumerate(siblings) if k == 0 or not _only_tasks(d.back)], path)
            for siblings, path in drafts]  # (a group's first card names its note: it goes only with the group)
    return [(siblings, path) for siblings, path in kept if not all(_only_tasks(d.back) for d in siblings)]


def _only_tasks(back: str) -> bool:
    lines = [line for line in back.strip().split("\n") if line.strip()]
    return bool(lines) and all(_TASK_LINE.match(line) for line in lines) and not STATES.search(back)
