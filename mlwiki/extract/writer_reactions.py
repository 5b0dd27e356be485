"""The writer's reaction to what a note just said, or their plan, in a sentence of its own with no subject of its own:
"Took me a minute to trust that.", "Really surprised the first time.", "Not worth it for CartPole.", "Next week:
continuous actions, then SAC." Diaries and quick notes drop the "I" ("(I was) really surprised"), so `voice` (the
first person as a word) misses them. They lean on the sentence before and say how the writer felt about it, whether
it paid off in their own project, or what they will do next: shown beside the claim they follow, asked on no card.

A rule on a sentence's form, never its subject's words: a feeling or a verdict worded without a subject, short, no
formula; a sentence that goes on to say something of the subject ("Surprised me that the dual has no slack
variables: they vanish because …") is longer than a reaction and stays. Pure: text and drafts in, a bool and drafts
out.
"""

from __future__ import annotations

import re

from mlwiki.extract.draft import backs_cut
from mlwiki.extract.lines import LIST_ITEM
from mlwiki.extract.prose import sentences
from mlwiki.models import CardKind

MAX_WORDS = 9  # ("Took me a minute to trust that." 7; "Really surprised the first time." 5)
# How long the writer took, or that they were glad to see it, runs longer and says nothing more of the subject: "Took
# me embarrassingly long to notice this convention is consistent." (10), "Took me ages to figure out why my bands were
# cone-shaped." (11), "Good to see the two courses' chapters are one idea." (10)
MAX_LONG_WORDS = 12
_LONG = re.compile(r"(?i)[\W_]*(?:(?:it[ \t]+)?took[ \t]+me|(?:good|nice)[ \t]+to[ \t]+(?:see|know|remember))\b")
_GOES_ON = re.compile(r":|[ \t][—–][ \t]|[ \t]--[ \t]")  # ("Took me a while to see this: it's a decision problem …")
_DEGREE = r"(?:(?:really|quite|so|very|a[ \t]+bit|a[ \t]+little|pretty|honestly|genuinely|totally|still)[ \t]+)?"
# A feeling, the subject left out: "Really surprised …", "Confused me for a while.", "Took me ages to see it."
_FEELING = (rf"{_DEGREE}(?:surprised|surprising|confused|confusing|shocked|amazed|stuck|annoyed|annoying|baffled|"
            r"puzzled|relieved|impressed|mind-?blown)\b|(?:it[ \t]+)?took[ \t]+me\b|(?:it[ \t]+)?(?:confused|"
            r"tripped|bit|fooled|surprised|puzzled)[ \t]+me\b")
# Whether it paid off in the writer's own work: "Not worth it for CartPole.", "Worth the trouble here.", or how much
# it matters to them
_WORTH = (r"(?:(?:not|probably[ \t]+not|hardly|never|definitely|totally)[ \t]+)?worth[ \t]+(?:it|the[ \t]+(?:effort|trouble|"
          r"hassle)|(?:worrying|bothering)[ \t]+about)\b|(?:good|nice)[ \t]+to[ \t]+(?:know|see|remember)\b(?![ \t]*:)")  # ("Good
# to know, not worth worrying about.", "Good to see the two courses' chapters are one idea.": no "Good to know: …", a
# label over a fact)
# What the writer will do next: "Next week: …", "Tomorrow: …", "Next session: …"
_PLAN = r"(?:next[ \t]+(?:week|time|session|sprint|month|step|steps|up)|tomorrow|later|this[ \t]+weekend)[ \t]*:"
_REACTION = re.compile(rf"(?i)[\W_]*(?:{_FEELING}|{_WORTH}|{_PLAN})")


def reacts(sentence: str) -> bool:
    """Whether a sentence (markup and all) is only the writer's reaction to what came before, or their plan (see the
    module's doc): opens on a subjectless feeling, a verdict on whether it was worth it, or a "Next week:" label,
    and is short and holds no formula (a plan is a label's line: any length)."""
    text = sentence.strip()
    found = _REACTION.match(text)
    if not found or "$" in text:
        return False
    words = len(text.split())
    return found.group(0).rstrip().endswith(":") or words <= MAX_WORDS \
        or words <= MAX_LONG_WORDS and _LONG.match(text) is not None and not _GOES_ON.search(text)


def without_reactions(drafts: list) -> list:
    """The drafts (sibling groups with their heading paths) with the reactions that end a basic card's back cut off
    (see the module's doc), and the cards whose whole back is one dropped: the rest of the back is the fact, the
    reaction shown on it would be one more thing to recall. A card's id is its front's: kept."""
    return backs_cut(drafts, _without_last_reactions, lambda draft: draft.kind == CardKind.BASIC)


def _without_last_reactions(back: str) -> str:
    """A back without the reaction sentences that end it (after a claim on its last line: a list or a formula's
    line is left whole), or "" when it is one reaction alone. A bracket the reaction closed ("(… by one.
    Annoying.)") stays closed."""
    head, _, last = back.rstrip().rpartition("\n")
    if last.lstrip().startswith(("```", "~~~", "|", "$$", ">", "<")) or LIST_ITEM.match(last):
        return back
    said = [s for s in sentences(last.strip()) if s.strip()]
    closes = ""
    while said and reacts(said[-1].rstrip(")]").rstrip()):
        text = said.pop().rstrip()
        unmatched = text.count(")") - text.count("(") + text.count("]") - text.count("[")  # (its own "(…)": off)
        closes = text[len(text.rstrip(")]")):][:max(unmatched, 0)] + closes
    if not closes and len(said) == len(sentences(last.strip())):
        return back
    if said and closes:
        said[-1] = said[-1].rstrip() + closes
    if not said:
        return head  # (a last line of reactions alone: the lines above it, with no empty line left after them)
    return (head + "\n" if head else "") + " ".join(s.strip() for s in said)
