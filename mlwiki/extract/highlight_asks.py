"""The question a highlighted passage of a paper answers, asked from its own words.

A literature note's imported annotation is titled by its kind and page (`zotero`: "Paper › Annotations ›
Highlight (p. 4)"): a page number asks nothing. The highlight is a sentence of the paper, and its form says what a
learner recalls of it:

    Global BN: pool the statistics over all devices.        →  Define: Global BN
    A queue decouples the dictionary size from the batch.    →  What decouples the dictionary size from the batch?
    Images are natural signals with heavy redundancy.        →  What are natural signals with heavy redundancy?
    We hypothesise that large dictionaries help.             →  What do the authors hypothesise?
    Without stop-gradient the optimizer finds a collapse.    →  What happens without stop-gradient?
    hypothesis: the gate learns a clustering.                →  What is the authors' hypothesis?

The subject is asked (its verb and the rest of its first clause shown), so the answer is the highlight's own
subject; a subject that is a pronoun, or a question that points at what its path does not name ("these
properties"), is no question. A highlight no form reads keeps its front (a wrong question is worse than a vague
one). The question goes under the path; the card keeps the id of its bare path (`id_front`). Pure: drafts in,
drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.claim_asks import unresolved
from mlwiki.extract.draft import asked_anew
from mlwiki.extract.prose import sentences
from mlwiki.models import CardKind

# The title `zotero` gives an annotation's callout: its kind and page
KIND_PAGE = re.compile(r"(?i)(?:highlight|underline|annotation|quote|image|note|comment)[ \t]+\(p\. [\divxlc–-]+\)")
# "Global BN: pool …": a term of a few words, a name's capital first, and what it is
_TERM = re.compile(r"(?P<term>[A-Z][\w-]*(?: [\w-]+){0,2}):[ \t]+(?=\S)")
# "hypothesis: …", "Key finding: …": what the authors put forward, labelled by its kind
_CLAIM = re.compile(r"(?i)(?:main |key |central )?(?P<label>hypothesis|claim|finding|observation|conclusion|insight|"
                    r"conjecture|intuition):[ \t]+(?=\S)")
# "We hypothesise that …", after an opening clause ("While …, we observe that …")
_WE_THAT = re.compile(r"(?:[^,;:]{3,80}, )?[Ww]e (?P<adverb>[a-z]+ly )?(?P<verb>[a-z]{4,}?)s? that ")
# "Without stop-gradient the optimizer …": the condition the rest holds without
_WITHOUT = re.compile(r"Without (?P<what>[\w-]+(?: [\w-]+){0,2}),? (?:the|a|an|its|their) ")
# A verb that says of the subject what it is or can ("is", "can"): the subject before it, the rest after
_AUX = frozenset("is are was were can cannot must should will may might does has have".split())
# What follows a verb in the present ("decouples the …", "acts as a …", "tries to …"): a plural noun is seldom
# followed so ("results lag" is no verb)
_AFTER_VERB = frozenset("a an the its their this these each every both some any no all only as to".split())
_PRONOUNS = frozenset("it this that they we these those there he she one which who".split())
# A clause's subordinator ("When colour is removed, …"): its subject is not the sentence's; a relative pronoun
# inside the words before a verb ("encoders that assign …") makes them no subject either
_NOT_IN_SUBJECT = frozenset("when if while as since because although though once unless whereas that which who "
                            "where whose".split())
# Where the first clause ends: the question asks only what it says
_CLAUSE_END = re.compile(r";|, (?:and|but|which|while|whereas|so) ")
MAX_SUBJECT_WORDS = 10
MIN_REST_WORDS = 3


def highlights_asked(drafts: list) -> list:
    """The drafts, each annotation card titled only by its kind and page asking what its highlight says (see the
    module's examples), its id the one of the bare path."""
    return asked_anew(drafts, asked_front)


def asked_front(draft) -> str:
    """The front of an annotation card titled by its kind and page: the path and the question its highlight
    answers; '' for any other card, or a highlight no form reads."""
    path, _, titled = draft.front.partition("\n\n")  # (a question's callout, "> [!question] Highlight": its title
    # under the path, as a question's)
    front = f"{path} › {titled}" if titled else path
    if draft.kind != CardKind.BASIC or "\n" in titled or "\n" in path \
            or not KIND_PAGE.fullmatch(front.rpartition(" › ")[2]):
        return ""
    first = _first_sentence(draft.back)
    question = first and _question(first)
    if not question or unresolved(question, front):
        return ""
    return f"{front}\n\n{question}"


def _first_sentence(back: str) -> str:
    """The highlight's first sentence on one line, its closing stop off ('' for a back that opens on no prose)."""
    text = back.strip()
    if not text or text.startswith(("$$", "```", "|", ">", "-", "*")):
        return ""
    found = sentences(" ".join(text.split("\n\n", 1)[0].split()))
    return found[0].strip().rstrip(".") if found else ""


def _question(sentence: str) -> str:
    """The question `sentence`'s form asks, '' when none does."""
    if claim := _CLAIM.match(sentence):
        return f"What is the authors' {claim['label'].casefold()}?"
    if term := _TERM.match(sentence):
        return f"Define: {term['term']}"
    if we := _WE_THAT.match(sentence):
        return f"What do the authors {we['adverb'] or ''}{we['verb']}?"
    if without := _WITHOUT.match(sentence):
        return f"What happens without {without['what']}?"
    return _subject_asked(_CLAUSE_END.split(sentence, 1)[0])


def _subject_asked(clause: str) -> str:
    """'What <verb> <rest>?' for a clause that opens on its subject: the subject is the answer."""
    words = clause.split(" ")
    for k in range(1, min(len(words), MAX_SUBJECT_WORDS + 1)):
        word = words[k].casefold()
        nxt = words[k + 1].casefold() if k + 1 < len(words) else ""
        if word in _AUX or (len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
                            and word.isalpha() and nxt in _AFTER_VERB):
            break
    else:
        return ""
    subject, rest = words[:k], words[k:]
    if len(rest) < MIN_REST_WORDS or subject[0].casefold() in _PRONOUNS or not subject[0][:1].isalpha() \
            or subject[0].endswith(",") or any(w.casefold() in _NOT_IN_SUBJECT for w in subject):
        return ""
    return f"What {' '.join(rest)}?"
