"""The subject of a claim the writer emphasised whole, shown on the front that asks by that emphasis:

    Rule of thumb: the ==effective horizon is about $1/(1-\\gamma)$== steps.
      →  Rule of thumb: the effective horizon is about … steps.     (not "Rule of thumb: the … steps.")

`emphasis_fronts` hides the phrase a short back sets in bold or highlight. When that phrase is a whole claim — its
subject, a verb of being, what it is — hiding it all hides what the claim is about, and the front asks for nothing
a learner could name. The subject and its verb are what the sentence is about, not what it says of it: they stay
shown, and what follows them is the blank. Only a phrase that opens the sentence's subject after its label or an
article: in "uses the **gradient is noisy** …" the phrase is an object and stays hidden whole. Pure: text in, text
out.
"""

from __future__ import annotations

import re

MAX_SUBJECT_WORDS = 5
# A claim: up to five words (or a formula) as its subject, a verb of being (or "="), and at least a word after it
# ("effective horizon is about $1/(1-\gamma)$", "the KL term is zero", "$\hat\beta$ = …")
_CLAIM = re.compile(r"(?P<subject>(?:\$[^$\n]{1,40}\$|[^\W\d_][\w'’-]*)"
                    r"(?:[ \t]+(?:\$[^$\n]{1,40}\$|[\w'’-]+)){0,4}?"
                    r"[ \t]+(?:is|are|was|were|becomes|equals|=|≈)(?:[ \t]+(?:about|roughly|approximately|around|"
                    r"only|always|never|not|at[ \t]+(?:most|least)))?)[ \t]+(?=\S)")
# All its sentence says before a phrase that opens the sentence's subject: a label ("Rule of thumb:"), an article or
# both (a whole sentence in bold stays as `emphasis_fronts` leaves it: no words of its own before the blank)
_BEFORE_SUBJECT = re.compile(r"[ \t]*(?:[^\W\d_][^.;!?:\n]{0,40}:[ \t]*)?(?:(?:the|a|an|its|their|each|every)[ \t]+)?",
                             re.I)
_SENTENCE_END = re.compile(r".*[.!?;][ \t]", re.S)
_PRONOUN = frozenset("it this that they these those there which what".split())


def subject_shown(text: str, start: int, end: int, phrase: str) -> tuple[str, int, int, str]:
    """(text, start, end, phrase) with the emphasised phrase from `start` to `end` narrowed to what it says of its
    subject when the phrase is a whole claim that opens its sentence's subject (see the module's doc); as given
    otherwise."""
    found = _CLAIM.match(phrase)
    before = text[:start]
    before = before[_SENTENCE_END.match(before).end():] if _SENTENCE_END.match(before) else before
    if not found or found.end() >= len(phrase) or not before.strip() or not _BEFORE_SUBJECT.fullmatch(before) \
            or found["subject"].split()[0].casefold() in _PRONOUN:
        return text, start, end, phrase
    subject, rest = found["subject"], phrase[found.end():]
    mark = "==" if text.startswith("==", start) else "**"
    narrowed = f"{text[:start]}{subject} {mark}{rest}{mark}"
    return f"{narrowed}{text[end:]}", len(narrowed) - len(rest) - 2 * len(mark), len(narrowed), rest
