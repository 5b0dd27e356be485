"""A question whose back only asks more is the writer's open question, no card.

A box of the writer's doubts (MkDocs' `!!! question "Open"`, a callout of questions) read as a question and its
answer cut the doubt in two: "If most of the gradient takes the short paths, why do deeper nets still help?" over
"Capacity of the long paths anyway?". A learner cannot study a card whose answer is a guess asked back; a back whose
every sentence asks (a "?" in each) answers nothing, and the card goes. A back that says anything (one sentence
without a "?") stays. Pure: drafts in, drafts out.
"""

from __future__ import annotations

from mlwiki.extract.prose import sentences


def without_unanswered(drafts: list) -> list:
    """The drafts (`(siblings, heading path)` pairs) without the cards that ask a question over a back of questions
    only (see the module's docstring)."""
    if not any("?" in d.back for ds, _ in drafts for d in ds):
        return drafts  # (the common case, said cheaply)
    kept = []
    for siblings, path in drafts:
        left = [d for d in siblings if not _asked_back(d.front, d.back)]
        if left:
            kept.append((left if len(left) < len(siblings) else siblings, path))
    return kept


def _asked_back(front: str, back: str) -> bool:
    """Whether a card asks a question (its front ends on "?") and its back asks only more (each sentence holds a
    "?"), with no formula, list or code that could answer it."""
    if not front.rstrip().endswith("?") or "?" not in back or any(mark in back for mark in ("$", "`", "\n- ", "|")):
        return False
    said = sentences(" ".join(back.split()))
    return bool(said) and all("?" in sentence for sentence in said)
