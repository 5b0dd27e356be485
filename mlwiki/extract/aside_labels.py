"""A front that ends on the writer's label for where a remark came from or what kind of remark it is ("prof's
aside", "side note", "TA's tip"), over a back that opens by naming its subject ("Chi-square test for independence:
statistic Σ (O − E)²/E, …"): the label names no subject, so a learner shown "Lecture 6 › prof's aside" does not know
what is asked. The front asks the subject the back names; the back keeps the rest. The card keeps its id. Pure:
drafts in, drafts out."""

from __future__ import annotations

import re
from dataclasses import replace

# who said it (optional) and the kind of remark: "prof's aside", "side note", "the lecturer's tangent", "TA tip"
_ASIDE = re.compile(r"(?i)(?:(?:the|my|our)[ \t]+)?(?:(?:prof(?:essor)?|lecturer|teacher|instructor|tutor|ta|"
                    r"speaker|guest)(?:['’]s)?[ \t]+)?(?:aside|side[ \t-]?note|digression|tangent|tip|remark|"
                    r"comment|fun fact|trivia)[ \t]*:?")
# the back's opening that names its subject: a few words, no number or formula, then a colon and the rest
_SUBJECT = re.compile(r"(?P<subject>[^\W\d_][^:\n.;!?$=\d]{2,80}?)[ \t]*:[ \t]+(?P<rest>\S.*)", re.S)
_MAX_SUBJECT_WORDS = 10


def asides_asked(drafts: list) -> list:
    """The drafts (`(siblings, heading path)` pairs) with a front ending on an aside's label asked by the subject
    its back names (see the module's doc)."""
    for siblings, _ in drafts:
        for k, draft in enumerate(siblings):
            if asked := _asked(draft.front, draft.back):
                front, back = asked
                siblings[k] = replace(draft, front=front, back=back, id_front=draft.id_front or draft.front)
    return drafts


def _asked(front: str, back: str) -> tuple[str, str] | None:
    """(the front asking the subject, the back without it), or None when the front ends on no aside's label or its
    back names no subject first."""
    if "\n\n" in front or " › " not in front:
        return None
    path, _, last = front.rpartition(" › ")
    if not _ASIDE.fullmatch(last.strip()) or not (named := _SUBJECT.match(back.strip())):
        return None
    subject = named.group("subject").strip()
    if len(subject.split()) > _MAX_SUBJECT_WORDS:
        return None
    rest = named.group("rest")
    return f"{path} › {subject}", rest[:1].upper() + rest[1:]
