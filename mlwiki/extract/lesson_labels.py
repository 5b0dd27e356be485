"""A lesson the writer labels as learnt, not by what it is about: "Learned the hard way: `requires_grad_(False)` on a
module does not put batch norm in eval mode." carded under "Study log › Learned the hard way" asks nothing a learner
can tell ("learned what?"). The sentence's subject names it: the front gains it, "… › Learned the hard way ›
`requires_grad_(False)` on a module", and keeps its id. A subject as long as the claim gives the answer away and is
not added. A rule on the form of the label and of the sentence, never on its words. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.daily import LEARNT
from mlwiki.extract.topics import passage_topic
from mlwiki.models import CardKind

# "TIL", "Learned the hard way", "Also learnt the hard way", "Lesson", "Lessons learned", "Gotcha"
_LABEL = re.compile(rf"(?i)[\W\d_]*(?:also[ \t]+)?(?:(?:{LEARNT})(?:[ \t]+the[ \t]+hard[ \t]+way)?|"
                    r"lessons?(?:[ \t]+learn(?:ed|t))?|gotcha)[\W\d_]*")
_LEAD = re.compile(r"([^:\n]{2,40}):[ \t]+")
_MAX_TOPIC_WORDS = 6


def lessons_named(drafts: list) -> list:
    """The drafts (`(siblings, heading path)` pairs), each lesson card under a bare learnt-label front named by its
    sentence's subject (see the module's doc)."""
    for siblings, _ in drafts:
        for draft in siblings:
            if draft.kind == CardKind.BASIC and "\n" not in draft.front and " › " in draft.front \
                    and _LABEL.fullmatch(draft.front.rsplit(" › ", 1)[1]) and (topic := _topic(draft.back)):
                draft.id_front, draft.front = draft.id_front or draft.front, f"{draft.front} › {topic}"
    return drafts


def _topic(back: str) -> str:
    """The subject of a one-line lesson, when it is a short part of it; '' otherwise."""
    if "\n" in back.strip():
        return ""
    if (label := _LEAD.match(back)) and _LABEL.fullmatch(label.group(1)):
        back = back[label.end():]  # (the item's own label, "Learned the hard way: …", is no subject)
    topic = passage_topic(back)
    return topic if topic and len(topic.split()) <= _MAX_TOPIC_WORDS and 2 * len(topic) < len(back) else ""
