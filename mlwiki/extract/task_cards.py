"""Cards whose answer is only the writer's task boxes ("- [ ] try the method on another dataset"), taken off once
the walk is done. `selfnotes` drops task lines from the text a form reads, but a back cut later (a heading's card
left with the list under a table once the table's rows became cards of their own, then a cloze per item) can
still be nothing but chores: no fact to recall. A task that states a fact on its way (a formula with a relation)
keeps its card. A question the writer ticked as answered ("- [x] why normalise the embeddings? → …"), asked on a
front, is asked without its box: the box is the writer's check list, not the question."""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.selfnotes import _STATES as STATES  # (a formula with a relation: a fact)

_TASK_LINE = re.compile(r"[ \t]*(?:[-*+][ \t]+)?\[[ xX]\][ \t]+\S")
# A front's line that is a question in a task box: "[x] why …?" (its bullet gone or not)
_BOXED_QUESTION = re.compile(r"(?m)^([ \t]*(?:[-*+][ \t]+)?)\[[ xX]\][ \t]+(?=[^\n]*\?[*_]*[ \t]*$)")


def without_task_cards(drafts: list) -> list:
    """The (sibling drafts, heading path) pairs without the cards whose back is task boxes only."""
    kept = [([d for k, d in enumerate(siblings) if k == 0 or not _only_tasks(d.back)], path)
            for siblings, path in drafts]  # (a group's first card names its note: it goes only with the group)
    return [(siblings, path) for siblings, path in kept if not all(_only_tasks(d.back) for d in siblings)]


def _only_tasks(back: str) -> bool:
    lines = [line for line in back.strip().split("\n") if line.strip()]
    return bool(lines) and all(_TASK_LINE.match(line) for line in lines) and not STATES.search(back)


def without_question_boxes(drafts: list) -> list:
    """The (sibling drafts, heading path) pairs with no task box before a question asked on a front (the front as it
    was keeps the card's id)."""
    return [([_unboxed(d) for d in siblings], path) for siblings, path in drafts]


def _unboxed(draft):
    if "]" not in draft.front or draft.explicit_id:
        return draft
    front = _BOXED_QUESTION.sub(r"\1", draft.front)
    if front == draft.front:
        return draft
    return replace(draft, front=front, id_front=draft.id_front or draft.front)
