"""The subject of its own a heading-only card's back opens on: under a heading that names the topic, not the
sentence's subject, the first sentence of a paragraph often names what it claims something of itself:

    … › MAP           /  The evidence doesn't depend on θ, so …     →  What does the evidence not depend on?
    … › Ovens         /  Fan ovens can't brown a crust evenly …     →  What can't fan ovens brown?

`heading_claims` asks such a sentence only when it opens on the heading's words; this module finds the subject a
sentence opens on otherwise: an article and up to three words, or one name, right before the verb. The question
itself is `claim_asks.pointed_question`'s (a sentence no form reads is asked nothing). Pure: text in, text out.
"""

from __future__ import annotations

import re

from mlwiki.extract.claim_asks import pointed_question
from mlwiki.extract.claims import DOES, NOT_VERBS

MAX_SUBJECT_WORDS = 3  # after the article: longer, it is a clause, not a name
# The words that open the verb: a copula, an auxiliary with or without its negation, a modal
_AUXILIARIES = frozenset("is are does do doesn't don't can't cannot can won't isn't aren't".split())
# Words no subject holds: pronouns, function words, adverbs a sentence opens on
_NOT_SUBJECT = frozenset("it this that these those there here they we you i he she one each every all some any "
                         "which what who when where why how if so then also only not no but and or as because since "
                         "still often usually always never its their our your for in on at of with to by from a an the "
                         "both either neither most many few none others".split())
# "… is said to …", "… are known to …": a report of what is held of the subject, whose verb is what is claimed
_REPORTED = re.compile(r"(?:is|are) (?:[a-z]+ly )?(?:said|known|thought|believed|assumed|supposed|expected|"
                       r"considered|called|named)\b")
# "… does not rescue a model": the negation `pointed_question` reads contracted ("What doesn't more data rescue?")
_NOT_DONE = re.compile(r"^ (does|do) not (?=[a-z]{3,} )")
_CONTRACTED = {"does": " doesn't ", "do": " don't "}
# "… is chosen to make its …": a participle and the verb of its purpose, then that verb's object
_PURPOSE = re.compile(r" (?:is|are) (?:[a-z]+ly )?[a-z]{3,}(?:ed|en|wn) to [a-z]{2,} (?:a|an|the|its|their|each|every|all|some|"
                      r"this|these|that|those)\b")
_OBJECT_ASKED = re.compile(r"What (?:does|do|doesn't|don't|can't|won't|couldn't) ")
_WORD = re.compile(r"[A-Za-z][\w-]*|\$[^$\n]{1,20}\$")


def subject_question(sentence: str, path: str, text: str = "") -> str:
    """The question `pointed_question` asks of `sentence` (one line) about the subject it opens on, one the
    headings `path` above it let a learner read; '' when it opens on no subject of that form, no form reads it or
    it reports what is said of the subject ("X is said to follow …": what it is said to do is the claim)."""
    subject = opening_subject(sentence)
    if not subject or _REPORTED.match(sentence, len(subject) + 1):
        return ""
    said = _as_asked(subject, text or sentence)
    rest = _NOT_DONE.sub(lambda found: _CONTRACTED[found[1]], sentence[len(subject):], count=1)
    if _PURPOSE.match(rest):
        return ""  # ("is chosen to make its children pure": "What is it chosen to?" asks a verb, not an object)
    question = pointed_question(said, said + rest, path)
    return question if _OBJECT_ASKED.match(question) else ""  # (only what a verb does or can't do to its object,
    # or its own preposition's: "What are the beams rebuilt from?", "Why is …?", "Which is worse: …?" ask a side of
    # a remark the heading above it did not name)


def opening_subject(sentence: str) -> str:
    """The words `sentence` opens on before its verb, when they are a subject: "The evidence", "Fan ovens",
    "$C$"; '' otherwise (a sentence that opens on a verb, a pronoun, a clause). An auxiliary ("is", "can't")
    marks the verb surely; a word in -s only after a singular noun ("Evidence depends", not "Fan ovens")."""
    words = sentence.split(" ", MAX_SUBJECT_WORDS + 2)
    start = 1 if words[0] in ("The", "A", "An") else 0
    end = min(len(words) - 1, start + MAX_SUBJECT_WORDS)
    if not all(_subject_word(word, k > start) for k, word in enumerate(words[start:end], start)):
        end = next((k for k in range(start, end) if not _subject_word(words[k], k > start)), start)
    for k in range(start, end):
        if words[k + 1] in _AUXILIARIES:
            return " ".join(words[:k + 1])
    for k in range(start, end):
        verb, singular = words[k + 1], not words[k].endswith("s") or words[k].endswith("ss")
        if singular and DOES.fullmatch(verb) and verb not in NOT_VERBS:
            return " ".join(words[:k + 1])
    return ""


def _subject_word(word: str, inner: bool) -> bool:
    """Whether `word` can be part of a subject: a word or a short formula, no pronoun nor function word, and past
    the first in lower case ("Fan Ovens": a title's words, not a noun phrase)."""
    return bool(_WORD.fullmatch(word)) and word.casefold() not in _NOT_SUBJECT \
        and word.casefold() not in _AUXILIARIES and (not inner or word[:1].islower() or word[:1] == "$")


def _as_asked(subject: str, text: str) -> str:
    """A subject as a question says it: a sentence's capital off its article ("An MLP"), off a common noun phrase
    ("Momentum resampling") and off a single word `text` (the card's back) writes in lower case elsewhere
    ("Calibration … you need calibration"); a name as it is ("Adam", "PyTorch")."""
    words = subject.split()
    if words[0] in ("The", "A", "An") and len(words) > 1:
        return words[0].lower() + subject[len(words[0]):]
    if len(words) == 1 and words[0][1:].islower() and re.search(rf"(?<![\w-]){re.escape(words[0].lower())}(?![\w-])", text):
        return words[0].lower()
    if len(words) > 1 and words[0][1:].islower() and all(w[:1].islower() or w[:1] == "$" for w in words[1:]):
        return words[0].lower() + subject[len(words[0]):]
    return subject
