"""A bold mark left alone on a front by a question cut out of a sentence inside its bold words ("λ trades bias vs
variance **only because V is approximate**" → "Why does λ trade bias vs variance **only?"), taken off once the walk
is done: the question without it, its id kept (the front as it was). (A footnote's mark, `[^x]`, stays on a back as
written: the source, which no renderer shows.)"""

from __future__ import annotations

from dataclasses import replace


def without_stray_marks(drafts: list) -> list:
    """The (sibling drafts, heading path) pairs without a lone bold mark in each asked question."""
    return [([_unmarked(d) for d in siblings], path) for siblings, path in drafts]


def _unmarked(draft):
    path, gap, asked = draft.front.rpartition("\n\n")
    if gap and asked.count("**") % 2 and asked.endswith("?") and "`" not in asked and not draft.explicit_id:
        head, _, tail = asked.rpartition("**")
        return replace(draft, front=f"{path}{gap}{head}{tail}", id_front=draft.id_front or draft.front)
    return draft
