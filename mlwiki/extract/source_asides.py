"""The writer's asides about where they met a subject, not about the subject: what a source they read offers ("The
Distill article has an interactive plot where you slide α and β and watch the ringing."), how its notation maps onto
theirs ("Their β = my μ, their α = my η."), and how much of it their exam asks ("only conceptual knowledge of HMC
needed for the exam"). A learner a month on recalls the subject, not which article had a slider, whose letters were
whose, or what the exam left out: such a sentence is taken off a card's back, and a card it was all of is none.

A rule on a sentence's form, never its subject's words: a source (an article, a video, a notebook …) said to have a
demo or a plot; a sentence made only of "their X = my Y" clauses; a sentence that says what an exam needs or leaves
out. A sentence that goes on to state a fact ("The paper shows that the bound is tight") has no such form and stays.
The writer's own cards stay as written. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.draft import written_by_hand
from mlwiki.extract.prose import sentences

_HINT = re.compile(r"(?i)interactive|animat|plot|demo|visuali[sz]|widget|applet|slider|playground|\bmy\b|exam")
_SOURCE = r"(?:article|post|blog|paper|video|lecture|notebook|book|site|page|tutorial|course|slides?|explainer|talk)"
_SHOWN = r"(?:interactive|animation|animated|plot|demo|visuali[sz]ation|widget|applet|slider|playground)"
# A source said to offer something to look at: "The Distill article has an interactive plot where …", "3b1b's video
# shows an animation of …", "Karpathy's notebook comes with a demo"
_SOURCE_DEMO = re.compile(rf"(?i)(?:the|this|that|[\w.-]+['’]s?)[ \t]+(?:[\w.-]+[ \t]+){{0,3}}{_SOURCE}\b[^.!?]{{0,40}}?"
                          rf"\b(?:has|have|had|shows?|showed|includes?|contains?|comes[ \t]+with|offers?)\b[^.!?]{{0,40}}?"
                          rf"\b{_SHOWN}\b[^\n]*")
_SYMBOL = r"(?:\$[^$\n]{1,30}\$|[^\s,;.$]{1,12})"
# Another source's notation mapped onto the writer's: "Their $\beta$ = my $\mu$, their $\alpha$ = my $\eta$."
_NOTATION_MAP = re.compile(rf"(?i)(?:(?:and[ \t]+)?(?:their|his|her|the[ \t]+(?:paper|book|article)['’]s)[ \t]+{_SYMBOL}"
                           rf"[ \t]*(?:=|is|→)[ \t]*(?:my|our)[ \t]+{_SYMBOL}[ \t]*[,;]?[ \t]*)+[.!]?")
_EXAM = r"(?:exams?|midterms?|finals?|quiz(?:zes)?)"
# What an exam asks of the subject: "only conceptual knowledge of HMC needed for the exam — noted … anyway", "not on
# the midterm", "won't be examined", "not examinable"
_EXAM_SCOPE = re.compile(rf"(?i)[^.!?\n]{{0,60}}?\b(?:(?:needed|required|asked|tested|examined|expected)[ \t]+(?:for|on|in)"
                         rf"[ \t]+the[ \t]+{_EXAM}|(?:is|are|isn['’]t|aren['’]t|not|won['’]t[ \t]+be)[ \t]+(?:on|in)"
                         rf"[ \t]+the[ \t]+{_EXAM}|(?:not[ \t]+|un)?examinable|won['’]t[ \t]+be[ \t]+examined)\b[^\n:]*")  # (not "This is on
# the exam: the ELBO …", a fact the writer stresses)


def is_source_aside(sentence: str) -> bool:
    """Whether a sentence is only the writer's aside on a source or their exam (see the module's doc)."""
    text = sentence.strip()
    if not _HINT.search(text):
        return False
    return bool(_SOURCE_DEMO.fullmatch(text) or _NOTATION_MAP.fullmatch(text) or _EXAM_SCOPE.fullmatch(text))


def without_source_asides(drafts: list) -> list:
    """The drafts (`(siblings, heading path)` pairs) with such asides off the backs of the cards read out of prose;
    a card they were all of dropped, and a group left with no card."""
    out = []
    for siblings, path in drafts:
        kept = []
        for draft in siblings:
            back = draft.back if written_by_hand(draft) or not _HINT.search(draft.back) else _without_asides(draft.back)
            if back.strip():
                if back != draft.back:
                    draft.back = back
                kept.append(draft)
        if kept:
            out.append((kept, path))
    return out


def _without_asides(back: str) -> str:
    """The back without its aside sentences, paragraph by paragraph (a list, a formula or code as written)."""
    out = []
    for paragraph in back.split("\n\n"):
        if "\n" in paragraph.strip() or "$$" in paragraph or "`" in paragraph:
            out.append(paragraph)
            continue
        found = sentences(paragraph.strip())
        said = [s for s in found if not is_source_aside(s)]
        if said:
            out.append(paragraph if len(said) == len(found) else " ".join(said))
    return "\n\n".join(out)
