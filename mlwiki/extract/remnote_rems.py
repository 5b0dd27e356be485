"""Which rems of a RemNote outline are asked, and what a descriptor rem is asked about.

A descriptor (`label ;; value`) is a property of the rem it sits under, and RemNote asks it with that rem's name
over it ("Adam" › "paper"): asked alone, "paper" or "update rule" says nothing of what it is the paper or the rule
of. `with_subjects` writes the rem it belongs to before its label, and lifts a descriptor under a card to the card's
own level when all under it are descriptors (a card's answer is its own text; they are cards of their own).

A journal (a daily document, or a template: `##daily`, `##journal`, `##template`) is a diary around the few cards
written into it: `unasked` names the rems of its entries that hold no card (the day's plan, a mood, a log of a
mock), which are asked nowhere; an entry's notes beside a card stay, as the card's context.

Pure: rems in, rems out.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_JOURNAL = re.compile(r"(?<!\S)##(?:daily|journal|template)(?![\w/-])", re.IGNORECASE)
_DESCRIPTOR = re.compile(r"(?P<label>\S.*?)[ \t];;[ \t](?P<value>\S.*)")
_SIDES = re.compile(r"[ \t](>>|<<|<>|::)[ \t]")
_TAG = re.compile(r"(?<!\S)##[\w/-]+")
_ASIDE = re.compile(r"[ \t]*\([^()\n]*\)$")  # ("BFGS (Broyden–Fletcher–Goldfarb–Shanno, 1970)": named by "BFGS")
MAX_SUBJECT_WORDS = 8

Rems = dict[int, tuple[int, str]]  # (line → (depth, text))


def journal(body: str) -> bool:
    """Whether an outline is a journal (a daily document or a template), by its tags."""
    return bool(_JOURNAL.search(body))


def unasked(order: list[int], rems: Rems, is_card: Callable[[str], bool], headings: list[int] = ()) -> list[int]:
    """The lines of a journal's rems that no card is in, under, over or beside (same parent, or the same section
    under one of `headings`, the lines of the Markdown headings a journal's outline may already be shown under):
    its diary entries."""
    parents = _parents(order, rems)
    for k in order:
        if parents[k] is None:  # (a rem at the top: in the section of the heading over it)
            parents[k] = -1 - max((h for h in headings if h < k), default=-1)
    holds = {k: is_card(rems[k][1]) for k in order}
    for k in reversed(order):  # (children come after their parent: a card deep down marks every rem over it)
        if holds[k] and parents[k] >= 0:
            holds[parents[k]] = True
    carded_under = {parents[k] for k in order if is_card(rems[k][1])}
    return [k for k in order if not holds[k] and parents[k] not in carded_under
            and (parents[k] < 0 or not is_card(rems[parents[k]][1]))]  # (what is under a card: its answer)


def with_subjects(order: list[int], rems: Rems) -> Rems:
    """`rems` with each descriptor's label led by the name of the rem it describes ("Adam › paper ;; …"), and a
    descriptor under a card at the card's depth."""
    parents, shown = _parents(order, rems), dict(rems)
    mixed = {parents[k] for k in order if not _DESCRIPTOR.fullmatch(rems[k][1])}  # (rems with other children:
    # those stay under it, and the descriptors with them, as the note wrote them)
    for k in order:
        depth, text = rems[k]
        if (found := _DESCRIPTOR.fullmatch(text)) is None or (parent := parents[k]) is None:
            continue
        subject, is_card = _name(rems[parent][1])
        if not subject:
            continue
        lifted = is_card and parent not in mixed
        shown[k] = (rems[parent][0] if lifted else depth, f"{subject} › {found['label']} ;; {found['value']}")
    return shown


def _name(text: str) -> tuple[str, bool]:
    """(what a rem names: a card's asked side, or a heading rem's text without its closing aside; '' when it is
    a cloze, a `>>>` question or too long to lead a front; whether the rem is a card)."""
    text = _TAG.sub("", text).strip()
    if "{{" in text or text.endswith(">>>") or ";;" in text:
        return "", True
    if found := _SIDES.search(text):
        side = text[found.end():] if found.group(1) == "<<" else text[:found.start()]
        name, is_card = side.strip().strip("*").strip(), True
    else:
        name, is_card = _ASIDE.sub("", text).strip().strip("*").strip(), False
    return (name if 0 < len(name.split()) <= MAX_SUBJECT_WORDS else ""), is_card


def _parents(order: list[int], rems: Rems) -> dict[int, int | None]:
    """Each rem's line → the line of the rem it is under (None at the top)."""
    parents: dict[int, int | None] = {}
    above: list[int] = []
    for k in order:
        while above and rems[above[-1]][0] >= rems[k][0]:
            above.pop()
        parents[k] = above[-1] if above else None
        above.append(k)
    return parents
