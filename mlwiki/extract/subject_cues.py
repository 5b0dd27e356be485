"""A hidden sentence's whole subject and its verb as its blank's cue, where its first words cut the subject short
(`sentence_cues`): "The absolute [...]" or "A categorical feature [...]" says neither what the sentence is about
nor what is asked of it, where the subject whole and its verb do.

    The absolute and Huber losses make the fit robust to outliers.  →  The absolute and Huber losses make [...]
    A categorical feature with $q$ levels has $2^{q-1}-1$ splits.  →  A categorical feature with $q$ levels has [...]

A writer names a claim's subject first, often with what qualifies it ("with $q$ unordered levels", "and Huber"),
then the verb that says which of its properties follows; the first verb of a small closed set (`_VERBS`: the verbs
of claims, "is", "has", "makes", "gives", "needs", …, singular or plural) ends the subject. The subject opens on no
pronoun or conjunction (a clause's "If it is …" is no subject), runs over no comma or sign (a clause or an
enumeration, not a subject), holds a word that is no article, and with its verb stays at most half of the sentence
(`MAX_SHARE`), no number and no stated formula shown, so what the sentence says of the subject stays hidden. Pure:
text in, text out.
"""

from __future__ import annotations

import re

MAX_SUBJECT_WORDS = 8  # (a longer opening before a verb is a clause or a sentence of its own, no subject)
MAX_SHARE = 0.5  # the cue's words, at most this share of the sentence's: the predicate, the fact, stays the larger
# The verbs a claim's subject is followed by: being, having, making, giving, needing; singular and plural
_VERBS = frozenset("""is are was were has have make makes give gives need needs use uses mean means can cannot can't
does doesn't do don't must will won't would should may might become becomes stay stays remain remains require
requires depend depends help helps hurt hurts lead leads let lets keep keeps cause causes produce produces
assume assumes behave behaves converge converges""".split())
# Words a subject cannot open on: pronouns, conjunctions, the words of a clause
_NOT_SUBJECT = frozenset("""it this that these those they there we you i he she each all both one which what if when
whenever while since because as although though unless once given so but and or then thus hence for in on at with by
to after before under""".split())
# Words opening a clause within: the sentence's own verb or subject came before ("comparing ELBOs … as if they were")
_CLAUSES = frozenset("that which who whom whose whether where if as when because since while unless than so".split())
_COUNTING = frozenset("each all both".split())  # (words of `_NOT_SUBJECT` that open a subject before its noun)
_ARTICLES = frozenset("a an the its their our my your some any no every".split())
# A word, a formula, a code span or a bold phrase, each one token with where it ends
_TOKEN = re.compile(r"\$[^$\n]+\$|`[^`\n]{1,40}`|\*\*[^*\n]{1,40}\*\*|\*[^*\n]{1,40}\*|\S+")
_BREAKS = re.compile(r"[,;:.!?]$|^[^\w$`*]+$|[()\[\]]")  # (a word ending a clause, a sign, "=", "→", "—", or an
# aside in brackets: "Peer disagreement (Smith and Jones) keeps" is cued by its words before the aside)
_PLAIN = re.compile(r"[A-Za-z'’]+")  # (a verb as written, no mark of emphasis or end of clause on it)
_DIGIT = re.compile(r"\d")
_MATH = re.compile(r"\$[^$\n]*\$|`[^`\n]*`")
_STATES = re.compile(r"\$[^$\n]*(?:=|<|>|\\(?:le|ge|leq|geq|approx|to|sim|propto|neq|in)\b)[^$\n]*\$")


def subject_cue(text: str) -> str:
    """A sentence's subject and verb with the space after them ("The absolute and Huber losses make "); '' when it
    opens otherwise or the cue would show too much of it (see the module's doc)."""
    tokens = list(_TOKEN.finditer(text))
    if not tokens or _bare(tokens[0].group(0)) in _NOT_SUBJECT | _VERBS:  # (nor on a verb: "Use a …" bids)
        return ""
    for k, token in enumerate(tokens[:MAX_SUBJECT_WORDS + 1]):
        word = _bare(token.group(0))
        if k and word in _VERBS and _PLAIN.fullmatch(token.group(0)):
            subject = [_bare(t.group(0)) for t in tokens[:k]]
            cue = text[:token.end()]
            if all(w in _ARTICLES for w in subject) or k + 1 > MAX_SHARE * len(tokens) \
                    or _DIGIT.search(_MATH.sub("", cue)) or _STATES.search(cue):
                return ""
            return cue + " "
        if _BREAKS.search(token.group(0)) or k and word in _CLAUSES:
            return ""  # (a verb of its own before "that" ends the subject: "A negative exponent indicates that …")
    return ""


def fuller(cue: str, text: str) -> str:
    """`cue`, a sentence's or an item's first words, or its subject and verb (`subject_cue`) when they run further:
    first words that end inside the subject ("The absolute ") give way to the subject whole; no cue stays none."""
    subject = subject_cue(text) if cue.strip() else ""  # (a sentence with no first words to show, "RAdam was …",
    # stays unasked: its subject alone would be no better a cue)
    return subject if len(subject.split()) > len(cue.split()) else cue


def verb_cue(text: str) -> str:
    """A sentence's subject and verb found by where its verb stands, with the space after them ("Each row sums ",
    "SGD estimates "); '' when none is found (see `verb_cues`)."""
    from mlwiki.extract.verb_cues import verb_at  # (its own module: the verb by the sentence's structure)
    tokens = list(_TOKEN.finditer(text))
    if not tokens or _bare(tokens[0].group(0)) in (_NOT_SUBJECT - _COUNTING) | _VERBS or text[:1].islower():
        return ""  # ("Each row sums …" opens on its subject: a count of it, no pronoun; a sentence in lower case
        # goes on from a line before it, "despite the name it's …")
    k = verb_at([t.group(0) for t in tokens[:MAX_SUBJECT_WORDS + 2]], _VERBS, _BREAKS, _CLAUSES | _NOT_SUBJECT)
    if not k:
        return ""
    cue = text[:tokens[k].end()]
    subject = [_bare(t.group(0)) for t in tokens[:k]]
    if all(w in _ARTICLES for w in subject) or k + 1 > MAX_SHARE * len(tokens) \
            or _DIGIT.search(_MATH.sub("", cue)) or _STATES.search(cue):
        return ""
    return cue + " "


def said_of(rest: str) -> str:
    """The subject and verb the words after a sentence's label open on ("deep nets need "), with the space after
    them: a label names a kind of remark or a topic, its rest says what is asked of what; '' when the rest opens on
    no subject with its verb."""
    text = rest[:1].upper() + rest[1:]  # (the rest opens in lower case after its label: no sentence going on)
    cue = subject_cue(text) or verb_cue(text)
    return rest[:len(cue)] if cue else ""


def _bare(word: str) -> str:
    """A word in lower case without the marks around it."""
    return word.strip("*_\"'()").casefold()
