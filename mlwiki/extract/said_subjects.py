"""A remark card under a display formula that still asks "… › What it says" is asked what its one-sentence prose
back says of the subject it opens on: a quantity the formula gives ("the expected number of crossings per unit
length is $1/(2\\pi\\ell)$"), or what a named operation does ("Differencing stabilises the **mean** …"). "What it
says" over such a sentence could ask for any property of the formula; the sentence's own subject says which.

    In 1-D, the expected number of crossings per unit length is $1/(2\\pi\\ell)$.
        →  "… › In 1-D, what is the expected number of crossings per unit length?"
    Differencing stabilises the **mean**; a log stabilises the variance.  →  "… › What does differencing stabilise?"
    In practice the step size is halved each time the loss rises.      →  "… › What is done in practice?"

A remark led by "In practice" is asked so whatever its length; any other, only a back of one sentence
(`MAX_WORDS` words), whose subject is a noun phrase of at most `MAX_SUBJECT_WORDS` words with no pronoun ("it",
"this"), no formula and no verb of its own; what it is or what it acts on follows.
The card keeps its id: only its front's wording changed. Runs after `said_effects` (a back that opens on the
effect itself). Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.prose import sentences
from mlwiki.extract.said_asks import prose_remark_front, says_remarks_asked

MAX_WORDS = 40
MAX_SUBJECT_WORDS = 10
# An opening condition the question keeps ("In 1-D, ", "For large $n$, ")
_CONDITION = re.compile(r"(?:In|For|With|When|Under|At)[ \t][^,;:.\n]{1,40},[ \t]+")
# A quantity named by "the …" and what it is, a formula or a value: "the expected number of … is $…$"
_VALUE = re.compile(r"[Tt]he[ \t]+(?P<subject>[^\W\d_][^$,;:.()\n]{2,80}?)[ \t]+(?:is|equals)[ \t]+"
                    r"(?:about[ \t]+|roughly[ \t]+|approximately[ \t]+|~[ \t]*)?(?=\$|\d)")
# An operation named by a word ending in "-ing" or "-ion" and the verb of what it does to something
_DOES = re.compile(r"(?P<subject>[A-Z][a-z]+(?:ing|ion))[ \t]+(?P<verb>stabili[sz]es|removes|reduces|increases|"
                   r"decreases|preserves|smooths|centres|centers|normali[sz]es|rescales|shrinks)[ \t]+(?=\S)")
# A remark on how the formula is used, led by "In practice": what it answers, whatever its length
_PRACTICE = re.compile(r"[*_]*In practice\b[*_]*,?[ \t]+(?=\S)")
_PRONOUN = re.compile(r"(?i)\b(?:it|this|that|these|those|they|its|which|who)\b")
_HAS_VERB = re.compile(r"(?i)\b(?:is|are|was|were|has|have|does|do|can|will)\b")


def said_subjects_asked(drafts: list) -> list:
    """The drafts with each "What it says" remark card whose one-sentence back says what a named quantity is or
    what a named operation does asked so (see the module's doc); any other draft as it was."""
    return says_remarks_asked(drafts, lambda front, back: prose_remark_front(front, back, subject_question))


def subject_question(text: str, name: str) -> str:
    """The question a one-sentence remark answers of the subject it opens on (see the module's doc); '' when it is
    longer, or opens otherwise. (`name`, what the note calls the formula, is not needed: the subject is named.)"""
    flat = " ".join(text.split())
    if _PRACTICE.match(flat):
        return "What is done in practice?"
    said = sentences(flat)
    if len(said) != 1 or len(flat.split()) > MAX_WORDS or "\n\n" in text.strip():
        return ""
    condition = _CONDITION.match(flat)
    rest = flat[condition.end():] if condition else flat
    if found := _VALUE.match(rest):
        subject = found["subject"].strip()
        if not _plain(subject):
            return ""
        lead = condition.group(0) if condition else ""
        return f"{lead}{'w' if lead else 'W'}hat is the {subject}?"
    if not condition and (found := _DOES.match(flat)):
        return f"What does {found['subject'].casefold()} {found['verb'][:-1]}?"  # ("stabilises" → "stabilise")
    return ""


def _plain(subject: str) -> bool:
    """Whether a subject is a short noun phrase: no pronoun, no formula, no verb of its own."""
    return len(subject.split()) <= MAX_SUBJECT_WORDS and not _PRONOUN.search(subject) \
        and not _HAS_VERB.search(subject) and "$" not in subject
