"""Fronts still only a heading path that ends on a writer's label, once every other pass is done: a label names what
kind of remark its text is ("… › Key insight", "… › Note", "… › advice", "… › caveat"), not what is asked, so the
learner sees a path and no question. `heading_asks` asks such a label while the sections are read; the labels later
passes reach bare (a notebook's cells, a label only a later pass leaves alone) are asked here as `remark_kinds`
asks its kind of the subject above it:

    Leakage hunting › ✅ 5. Checklist › Key insight    →  What is the key insight about leakage hunting?
    Seq2seq › Encoder–decoder › Trick from the paper  →  What is the trick in Encoder–decoder?
    Multi-step forecasts › Note  over "⚠️ Validate …"  →  What should you watch out for with multi-step forecasts?

A label an earlier pass chose ("… › caveat", "… › advice" from `lone_remarks`, "… › X › Problem") and a callout's
kind are fronts by design and stay.

A label that only says "a note" ("Note", "Side note to self", "Remark") is asked by what its text does, as
`lone_remarks.remark_role` reads it (a warning, an advice); a note of any other kind keeps its front. The card keeps
the id of the bare path (`id_front`), so its review history is kept. Pure: the drafts in, the drafts out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.lone_remarks import remark_role
from mlwiki.extract.prose import clean_prose
from mlwiki.extract.remark_kinds import _subject, names_a_remark, remark_question
from mlwiki.models import CardKind

# The labels `lone_remarks` gives a remark, as the kind of remark `remark_kinds` asks ("caveat" is a warning)
_ROLE_KINDS = {"caveat": "Warning", "advice": "Tip", "tip": "Tip"}
# A label that says only that its text is a note, not which kind: asked by what the text does
_NOTE = re.compile(r"(?i)(?:(?:a|one|quick|small|short|side|important)\s+)?(?:notes?|nb|n\.b\.|remarks?)"
                   r"(?:\s+to\s+(?:self|myself))?")
_SIGNS = re.compile(r"^[^\w$`(\[]+")  # (an emoji or mark before the label: "📌 Key insight", "💡 Note")
# Headings that frame a section, not name a subject: a label under them is about the subject above
_FRAME = re.compile(r"(?i)(?:(?:a|the|quick|short|final|other|some)\s+)?(?:check\s?lists?|cheat\s?sheets?|comparisons?|"
                    r"recap|wrap[- ]up|summary\s+table|variants|variations|extensions)")
# A text that says the page is unfinished, not a fact: "WIP for the wrap-up …", "Draft (…).", "🚧 Stopped at …"
_UNFINISHED = re.compile(r"(?i)[\W_]*(?:wip|draft|todo|work in progress|unfinished|stopped|incomplete)\b")
# A trick's label, with where it comes from: "Trick", "Neat trick", "Trick from the paper" (not "Trick 1: replay",
# which names the trick)
_TRICK = re.compile(r"(?i)(?:(?:the|a|one|key|neat|main|nice)\s+)?trick(?:\s+(?:from|in|of)\s+(?:the\s+)?"
                    r"(?:paper|lecture|book|talk|authors|course))?")
_NUMBER = re.compile(r"(?:\d+(?:\.\d+)*[.)]?|[IVX]+\.)\s+(?=\S)")  # ("5. Checklist": a section's number, no name)


def labels_asked(drafts: list, subject: str = "") -> list:
    """The drafts with each basic card whose front is only a heading path ending on a writer's label asked what
    that kind of remark says of the subject above it (`label_question`), under the path; its id stays the path's.
    `subject`, the note's, is the one asked of when no heading on the path names one ("Checklist › Key insight")."""
    asked = []
    for siblings, path in drafts:
        draft = siblings[0]
        question = len(siblings) == 1 and draft.kind == CardKind.BASIC and _bare(draft.front) \
            and _own_front(draft) and draft.form != "callout" \
            and label_question(_under(subject, draft.front), draft.back)  # (a label an earlier pass chose, "… ›
        # caveat", "… › shared-batch negatives › Problem", and a callout's kind are fronts by design: kept)
        if question:
            siblings = [replace(draft, front=f"{draft.front}\n\n{question}", id_front=draft.id_front or draft.front)]
        asked.append((siblings, path))
    return asked


def label_question(path: str, back: str) -> str | None:
    """The question a heading path that ends on a writer's label asks of its back ("… › Key insight": "What is the
    key insight about …?"); None when the last heading is no label, or the label or subject does not say what is
    asked."""
    head, _, last = path.rpartition(" › ")
    label = _SIGNS.sub("", clean_prose(last)).strip()
    if head and _TRICK.fullmatch(label) and not _UNFINISHED.match(back):
        return _trick_question([_name(heading) for heading in head.split(" › ")])
    if not head or not label or not (_NOTE.fullmatch(label) or label.lower() in _ROLE_KINDS
                                     or names_a_remark(label)) or _UNFINISHED.match(back):
        return None  # (a heading that names a subject; a page's "Warning: WIP" is no remark on one)
    if _NOTE.fullmatch(label):
        role = remark_role(back, path)
        label = _ROLE_KINDS.get(role or "", "")
    label = _ROLE_KINDS.get(label.lower(), label)
    headings = [name for name in map(_name, head.split(" › ")) if not _FRAME.fullmatch(name)]
    question = remark_question(" › ".join([*headings, label]), back) if label else None
    return None if question and "…" in question and "…" not in path else question  # (a subject whose math
    # was cut, "… -strongly convex", names nothing)


def _trick_question(headings: list[str]) -> str | None:
    """What a trick under a subject is asked as ("Encoder–decoder › Trick from the paper": "What is the trick in
    encoder–decoder?"); None when no heading above names a subject."""
    subject = _subject([name for name in headings if not _FRAME.fullmatch(name)])[0]
    if not subject or "trick" in subject.lower():
        return None  # ("The kernel trick › The trick": the subject is the trick)
    return f"What is the trick in {subject}?"


def _name(heading: str) -> str:
    """A heading without the signs and number before its name ("⏪ 1. Lags & the horizon rule": "Lags & the horizon
    rule"), so that a generic one ("✅ 5. Checklist") is seen as one."""
    named = _SIGNS.sub("", heading)
    return _NUMBER.sub("", named, count=1) if _NUMBER.match(named) else named or heading


def _under(subject: str, path: str) -> str:
    """A card's heading path under the note's subject, which the cards' fronts are given after these passes."""
    return f"{subject} › {path}" if subject and not path.startswith(subject) else path


def _own_front(draft) -> bool:
    """Whether a card's front is the path its notes give it, not one an earlier pass chose (its id keeps the path
    it had: "section: Ridge › Scaling" under "Ridge › Scaling › advice")."""
    return not draft.id_front or draft.front.endswith(draft.id_front.split(": ", 1)[-1])


def _bare(front: str) -> bool:
    """Whether a front is only a heading path: one line, more than one heading, no question of its own."""
    return "\n" not in front and " › " in front and not front.rstrip().endswith("?")
