"""Where a sentence's verb stands, found by its structure, not by a list of verbs: a hidden sentence cued by its
first words, "Each row [...]", "The weights [...]", asks "what did the notes say next?"; its subject and verb,
"Each row sums [...]", "SGD estimates [...]", say what is asked of what (`subject_cues.verb_cue`).

    Each row sums to one over the classes.              →  Each row sums
    SGD estimates the gradient from a minibatch.        →  SGD estimates
    Faithfulness fails when paths cancel exactly.       →  Faithfulness fails
    The standard error comes for free from the fit.      →  The standard error comes

A verb is the word after the subject's noun phrase and before what it says of it: the word that a word opening a
phrase of its own follows (an article, a preposition, a clause's word: "sums to", "estimates the", "fails when"),
itself a word in lower case that ends as a verb does with a singular subject ("-s", "-ed"), the first such word,
and that no article or preposition comes just before (those open a noun phrase: "the weights"). A plural subject's
verb ("terms accelerate") has no such ending and stays unfound: its cue stays the first words. A closed set of verbs of claims (`subject_cues`) counts wherever it stands. Pure: words in, index out.
"""

from __future__ import annotations

import re

# Words that open a phrase after a verb: an article or determiner, a preposition, a clause's word. Not "of", which
# follows nouns ("the cost of trees"), nor "and"/"or", which join them ("weights and biases")
_OPENS_PHRASE = frozenset("""a an the its their our my your some any no every this these those each all both
to on in at by with from into onto for over under through across about as than via between within without
when if because while unless whether that which so only""".split())
# Prepositions a subject runs over no further ("Loop over observed ratings in …" is no subject): but "of", "the
# cost of trees", which a subject holds
_PREPOSITIONS = frozenset("""to on in at by with from into onto for over under through across about as than via
between within without""".split())
_NOUN_ENDS = frozenset("a an the its their our my your some any no every this these those each all both of to on in at by with from into for over under as via per".split())  # (a word after these opens a noun phrase)
_COUNTS = frozenset("each all both".split())  # (a count standing for its subject: "Both are …")
_WORD = re.compile(r"[a-z][a-z'’-]{2,}")
_PLAIN = re.compile(r"[a-z][a-z'’-]*")  # (a verb as written: in lower case, no mark of emphasis or end of clause)
_NOT_VERB_ENDS = ("ss", "us", "is", "as", "ics", "ous", "ness", "ly", "ing", "sis")  # (nouns, adverbs, participles)


def verb_at(words: list[str], verbs: frozenset, breaks: re.Pattern, stops: frozenset) -> int:
    """The index of a sentence's verb among its first `words` (the subject before it), 0 when none is found:
    `verbs`, the closed set that counts wherever it stands; `breaks`, a word ending a clause or a sign, and `stops`,
    a clause's word, end the search (the subject runs over neither). Only the first word that ends as a verb does
    may be it: a later one ("Short runs favour larger lrs than") would take the verb's object into the cue."""
    bare = [w.strip("*_\"'()").casefold() for w in words]
    for k in range(1, len(words)):
        if breaks.search(words[k - 1]) or (bare[k - 1] in stops or bare[k - 1] in _PREPOSITIONS) and k > 1:
            return 0
        if bare[k] in verbs and _PLAIN.fullmatch(words[k]) and bare[k - 1] not in _NOUN_ENDS - _COUNTS:
            return k  # (but a word that an article opens is a noun: "the mean", "the use")
        if _verb_like(words[k], bare[k - 1]):
            after = bare[k + 1] if k + 1 < len(words) else ""
            return k if after in _OPENS_PHRASE else 0
    return 0


def _verb_like(word: str, before: str) -> bool:
    """Whether a word after `before` ends as a verb does with a singular subject ("sums", "changed"): in lower case,
    not after a word that opens a noun phrase ("the weights")."""
    if not _WORD.fullmatch(word) or before in _NOUN_ENDS or word.endswith(_NOT_VERB_ENDS):
        return False
    return word.endswith(("s", "ed"))
