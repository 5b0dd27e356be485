"""A definition written as a note writes one: a phrase with no verb, right under the heading it defines.

    ## Dropout
    Random zeroing of hidden units during training. Rate 0.1–0.5; off at test time, outputs rescaled …
      →  the heading's term is "Dropout", the phrase "Random zeroing of hidden units during training." says what
         it is ("Dropout is random zeroing …" with the "Dropout is" left to the heading)

Such a phrase is the answer to "What is <heading>?", and the sentences after it are other facts; under the bare
heading a learner recalls them all at once. `definition_first` parts the phrase off as a "Define: <heading>" card.
A phrase says what the heading is only when it has no verb or clause of its own (no "is", "has", "can", no
pronoun, no "that"/"which"), is not a citation ("Smith & Lee 2019."), not the writer's talk of the notes ("Last
lecture of the block.", "Raw, not cleaned up."), not a list of names ("BERT, RoBERTa, DeBERTa.": instances of the
heading's kind), not a clause about the heading's own term ("Skip-gram" over
"Skipgram works the other way round.") and not an order ("Keep the B best …", "Start from a …": a first
word followed by an article or a preposition is a verb). Pure: a sentence and a heading path in, a term out.
"""

from __future__ import annotations

import re

from mlwiki.extract.facets import is_facet
from mlwiki.extract.labels import GENERIC_LABELS
from mlwiki.extract.prose import clean_prose

MIN_WORDS, MAX_WORDS = 3, 14
# Words of a clause: a finite verb of its own, a pronoun subject, a clause's opening word, a negation
_CLAUSE_WORDS = frozenset(
    "is are was were be been being has have had do does did can could will would should may might must shall "
    "isn't aren't wasn't don't doesn't can't won't it it's its this these those they we i you he she there here "
    "that which who whom whose when where while because since although though if then so but not my our your "
    "me us see".split())
# Words after a first word that make it a verb: an article, a determiner, a preposition ("Push a …", "Start from")
_AFTER_VERB = frozenset("a an the each every all some any one two more most many both from with to into onto for "
                        "on in at by over through up out off away back everything nothing something".split())
# First words that open no noun phrase: a negation ("No exact … for …": what it lacks), an adverb ("Only random
# crops."), a comparative ("Bigger nets, deeper heads": what changed, not what it is)
_NOT_OPENING = frozenset("no none only just mostly also even still usually often more less bigger smaller larger "
                         "deeper wider faster slower cheaper better worse simpler higher lower longer shorter stronger "
                         "weaker easier harder".split())
# Determiners: inside a noun phrase only after a preposition ("transforms of the images"); after any other word
# that word is a verb ("Detectors output many boxes", "Signal propagates cleanly both ways")
_DETERMINERS = frozenset("a an the each every all some any many both its their".split())
_PREPOSITIONS = frozenset("of with for in on at by to from into over under through between without within across "
                          "per via about like than as and or nor during before after around near along against "
                          "toward towards among inside outside beyond upon onto".split())
# Common irregular past verbs (a clause's verb the "-ed" test misses: "Stacking layers made the error go up")
_IRREGULAR_PAST = frozenset("made gave took got went came found won lost became led saw kept held left brought "
                            "began meant grew showed shown knew thought felt told said ran".split())
# Talk of the notes or the course, not the subject: "Last lecture of …", "Half-written", "Notes on …"
_NOTES_TALK = re.compile(r"(?i)\b(?:lectures?|notes?|week|chapter|page|section|slides?|todo|draft|written|"
                         r"cleaned|unfinished|wip|homework|assignment|exam|course|class|reading|continuation|"
                         r"follow-up|sequel)\b")
_CITATION = re.compile(r"\b(?:1[89]|20)\d\d\b|\bet al\b|&")
# Marks of a sentence that is not one plain phrase: a label, a formula, an arrow, a question, an aside in brackets
_NOT_PLAIN = re.compile(r"[:;=→?!$`\[\]()/+&]|\s[—–-]\s|\.\.\.|…")
# A word in "-s" before a word that no preposition opens: a verb of the third person ("OLS uses factor 1",
# "Follows straight on from …"), where a plural noun goes on with a preposition ("layers with …", "transforms of")
_S_VERB = re.compile(r"\b[A-Za-z][a-z]*[^su\W]s[ \t]+(?!(?:of|with|for|in|on|at|by|to|from|into|over|under|"
                     r"through|between|without|within|across|per|via|about|like|than|as|and|or|nor|during|before|"
                     r"after|around|near|along|against|towards?|among|inside|outside|beyond|upon|onto|whose)\b)[a-z]")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_ASIDE = re.compile(r"\s*\([^()]*\)|\*\*?|(?<!\w)_+|_+(?!\w)")
_NAME_CUT = re.compile(r"\s+[—–]\s+|:\s|\s+\(")
# A phrase that only names instances, capitalised names in a row ("BERT, RoBERTa, DeBERTa." under "Encoder-only",
# "GPT, Llama and Mistral."): what belongs to the heading's kind, not what it is
_NAMES_ONLY = re.compile(r"[A-Z][\w.-]*(?:[ \t]+[A-Z0-9][\w.-]*)?(?:(?:,[ \t]*|,?[ \t]+(?:and|or)[ \t]+)"
                         r"[A-Z][\w.-]*(?:[ \t]+[A-Z0-9][\w.-]*)?)+(?:,?[ \t]+etc)?")


def elliptic_term(sentence: str, path: str) -> str | None:
    """The heading's term when `sentence` (a back's first) is a verbless phrase that says what it is (see the
    module's doc); None for any other sentence, or a heading that names no subject of one to four words."""
    term = _heading_term(path)
    if not term or not sentence.rstrip().endswith("."):
        return None
    plain = clean_prose(sentence)
    said = _ASIDE.sub("", plain).strip().rstrip(".").strip()
    words = _WORD.findall(said)
    if not MIN_WORDS <= len(words) <= MAX_WORDS or _NOT_PLAIN.search(said) or _CITATION.search(plain) \
            or _NAMES_ONLY.fullmatch(said):
        return None
    lower = [w.casefold() for w in words]
    if _CLAUSE_WORDS.intersection(lower) or _IRREGULAR_PAST.intersection(lower) or lower[1] in _AFTER_VERB \
            or _NOTES_TALK.search(said) or _has_verb_before_determiner(lower) or _S_VERB.search(said):
        return None
    if lower[0].endswith("ed") or lower[0] in _AFTER_VERB or lower[0] in _NOT_OPENING or not said[:1].isupper():
        return None  # ("Added in v2 …": a past verb; "In practice …": a sentence's opening, not a noun)
    return None if _opens_on_term(said, words, term) else term


def _opens_on_term(said: str, words: list[str], term: str) -> bool:
    """Whether the phrase opens on the heading's own words and goes on as a clause about them ("Skip-gram" over
    "Skipgram works the other way round …": the words after the term are its verb); a term set off by a comma
    ("Ridge regression, kernelised.") opens a phrase still."""
    named = re.sub(r"[^a-z0-9]", "", term.casefold())
    count = 0
    for word in words:
        plain = re.sub(r"[^a-z0-9]", "", word.casefold())
        if len(plain) < 3 or (plain not in named and plain.rstrip("s") not in named):
            break
        count += 1
    if not count:
        return False
    after = said[said.find(words[count - 1]) + len(words[count - 1]):]
    return not after.lstrip().startswith(",")


def _has_verb_before_determiner(words: list[str]) -> bool:
    """Whether a determiner follows a word that is no preposition: that word is a clause's verb."""
    return any(word in _DETERMINERS and before not in _PREPOSITIONS for before, word in zip(words, words[1:]))


def _heading_term(path: str) -> str:
    """The last heading's name, without an aside or a subtitle ("Pooling (downsampling)" → "Pooling"); '' when it
    is no name of one to four words (a question, a label, a sentence, a numbered one: "Trick 1 — replay")."""
    last = clean_prose(path.split(" › ")[-1]).strip()
    name = _NAME_CUT.split(last, 1)[0].strip().rstrip(".:")
    words = name.split()
    if ":" in last or " and " in name or "&" in name or any(w.isdigit() for w in words) or \
            not 1 <= len(words) <= 4 or name.endswith("?") or any(c in name for c in "=$`") or \
            _CLAUSE_WORDS.intersection(w.casefold() for w in words) or _NOTES_TALK.search(name) or \
            name.casefold() in GENERIC_LABELS or is_facet(name):  # ("Overview", "Caveats": no subject)
        return ""
    return name
