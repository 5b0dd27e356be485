"""Definitions inside long prose: the sentences of an article's paragraphs that name a term or say what one is,
wherever they stand in the paragraph.

    The assumption of a statistical test is called the null hypothesis. It is often called the default …
      →  Hypothesis testing  /  Define: null hypothesis   →   The assumption of a statistical test is called …
    … can be approximated using a small collection of different models, called an ensemble.
      →  …  /  Define: ensemble
    During training … Co-adaptation is a situation in which a unit relies on the behaviour of a few others.
      →  …  /  Define: Co-adaptation

Articles clipped from the web (tutorials, essays) explain in long paragraphs with no bold term, label or question;
the terms they introduce are named in the middle of a paragraph ("This is called dropout", "referred to as the
step size") or defined in a sentence of their own ("Warmup is a schedule that starts …"). `defining` takes a
paragraph's opening sentence when its term is one the headings speak of; this module takes the others, and so
asks more of them: a naming verb ("called", "known as", "referred to as", "termed"), or a definition whose genus
is followed by what sets it apart ("is a situation in which", "is an optimization algorithm that", "refers to").
A sentence that names "it" or "this" gets the sentence before it on its back, which says what "it" is.
Pure: a paragraph's text in, (term, back) pairs out.
"""

from __future__ import annotations

import re

from mlwiki.extract.prose import clean_prose, sentences

MAX_TERM_WORDS = 6
MIN_BACK_WORDS = 8
MAX_BACK_WORDS = 70
MIN_DESCRIPTION_WORDS = 4  # what comes before "is called": a description, not a name ("The function is called")
# "… is (often) called the null hypothesis", "… , called an ensemble", "(called global optima)", "known as", "referred
# to as", "referred to by the technical name"
_NAMING = re.compile(r"(?:\b(?:is|are|was|were)[ \t]+(?:(?:also|often|sometimes|usually|commonly|typically|then|"
                     r"simply|generally|collectively|formally)[ \t]+)?(?:called|known[ \t]+as|referred[ \t]+to[ \t]+as|"
                     r"referred[ \t]+to[ \t]+by[ \t]+the[ \t]+(?:\w+[ \t]+)?name|termed|named)|"
                     r"(?:,|\()[ \t]*(?:often[ \t]+)?(?:called|known[ \t]+as|termed)|"
                     r"(?<=[a-z])[ \t]+called(?=[ \t]+(?:the|an?)[ \t]))"  # ("… a fixed length vector called a …")
                     r"[ \t]+(?:the[ \t]+|an?[ \t]+)?", re.I)
# Where a named term ends: at a comma, a clause, a bracket or the sentence's end
_TERM_END = re.compile(r"[,;:()]|\.(?:\s|$)|\s(?:and|that|which|who|because|since|when|where|as|in|for|to|is|are|"
                       r"was|were|with|by|from|if|but|so|after|before)\b|$")
# What a naming or defining sentence holds one of: "is called", ", known as", "is (simply) a", "refers to", ") is"
_CUE = re.compile(r"(?:called|known|referred|termed|named|refers?|denotes|defined|which says|which states) |"
                  r"\*\*,? (?:if|when|whenever|iff)\b|"
                  r"(?:\)| is| are| was) (?:\w+ )?(?:a|an|the) ")
# (_CUE's words, and what follows its "is", "are", "was" or ")": found by `_has_cue` without trying its second branch at
# every space of the text, which was most of the time of a paragraph without a definition)
_CUE_WORDS = ("called ", "known ", "referred ", "termed ", "named ", "refer ", "refers ", "denotes ", "defined ",
              "which says ", "which states ")
_CUE_VERBS = (") ", " is ", " are ", " was ")
_CUE_ARTICLE = re.compile(r"(?:\w+ )?(?:a|an|the) ")
_CUE_BOLD = re.compile(r"\*\*,? (?:if|when|whenever|iff)\b")  # (_CUE's second branch: "… is **calibrated** if …")
_POSSESSIVE = re.compile(r"(?:its|their|our|your)[ \t]+(?=\S)", re.I)
# Words that say a name is no term: a function call ("is called on every batch"), a pointer ("is called this")
_NOT_A_NAME = frozenset("""on by with from when in during for to upon at after before once each every this that it
these those them one its their twice again""".split())
# A subject that points back ("This is called …", "If this type of error is made, it is called …"): the
# sentence before says what it is
# ("this class of methods is called …", "Stopping the training there …", "It is called …", "…, it is called …"; not
# the object of a verb: "… squeezes it into a vector called …")
_POINTS_BACK = re.compile(r"(?i)\b(?:this|these|such|there)\b|^[ \t]*(?:it|they)\b|\b(?:it|they)[ \t]*$")
# "A classifier is **calibrated** if …", "A matrix is said to be **orthogonal** when …"
_CONDITIONAL = re.compile(r"(?:an?|the|two|any)[ \t]+[^*.:;]{1,40}?[ \t]+(?:is|are)[ \t]+(?:said[ \t]+to[ \t]+be[ \t]+|called[ \t]+)?"
                          r"(?:an?[ \t]+)?\*\*(?P<term>[^*\n]{2,40})\*\*,?[ \t]+(?:if|when|whenever|iff)\b", re.I)
_CLAUSE_BREAK = re.compile(r",[ \t]+(?:and|but|so|while|whereas)[ \t]+|;[ \t]+")
# An opening phrase before the subject of a definition ("In statistics, ", "Specifically, ")
_LEAD_IN = re.compile(r"(?:(?:in|for|within)[ \t]+(?!example|instance)[\w -]{2,30}|here|specifically|formally|in general|in short|simply put|"
                      r"put simply|in other words|informally|technically|strictly speaking),[ \t]+", re.I)
# "<Term> is a/an <genus> that|which|in which …", "<Term> refers to …", "<Term> is defined as …"
_DEFINITION = re.compile(
    r"(?:(?P<article>(?i:the|a|an))[ \t]+)?(?P<term>[^\W\d_][\w'’-]*(?:[ \t]+[^\W_][\w'’-]*){0,3}?)"
    r"(?:[ \t]+\((?P<acronym>[A-Z][A-Za-z0-9-]*[A-Z0-9]s?)\))?(?P<aside>,[ \t]+(?:short|also known|also called|"
    r"or)[^,.\n]{1,50},)?[ \t]+"
    r"(?:(?P<copula>is|are|was)[ \t]+(?:(?:simply|essentially|basically|just|usually|typically|generally|often|"
    r"in[ \t]+fact|indeed)[ \t]+)?(?:(?:a|an|the)[ \t]+)(?P<genus>(?:[\w'’-]+[ \t]+){0,6}?[\w'’-]+)"
    r"(?P<apart>[ \t]+(?:that|which|who|whose|where|in[ \t]+which|by[ \t]+which|used[ \t]+(?:to|for|in)|"
    r"designed[ \t]+to|drawn|built[ \t]+to|trained[ \t]+to|(?:just[ \t]+)?(?:before|after|at[ \t]+which))\b|"
    r"[ \t]*\.$)|"
    r"(?:refers?[ \t]+to|is[ \t]+defined[ \t]+as|are[ \t]+defined[ \t]+as|denotes)[ \t]+)")
# "… the distributional hypothesis of Zellig Harris, which says that …": a named principle and what it states
_PRINCIPLE = re.compile(r"(?P<term>(?:[\w'’-]+[ \t]+){0,3}(?:hypothesis|law|principle|theorem|rule|assumption|"
                        r"conjecture|lemma|paradox)(?:[ \t]+of(?:[ \t]+[\w'’-]+){1,3})?),?"
                        r"[ \t]+which[ \t]+(?:says|states|holds|claims|asserts)[ \t]+that[ \t]")
# "TP (true positive) is the number of …": an abbreviation spelled out says it is a term, whatever follows
_SPELLED_OUT = re.compile(r"(?P<short>[A-Z][A-Z0-9]{1,6}s?)[ \t]+\((?P<long>[A-Za-z][\w'’ -]{3,50})\)[ \t]+"
                          r"(?:is|are)[ \t]+(?:a|an|the)[ \t]+\w")
# First words that make a subject a pointer, a quantity or a judgement, not a term ("One approach is …", "A common
# value is a probability of 0.5 for …")
_NOT_A_TERM = frozenset("""this that these those it its they them their there here we you i he she our your my his
her each every some many most much one another such which what why how when where who whom all both other any no
none if so but and or because since while although though however thus hence then also only first second third last
next final main key basic overall same common typical good simple popular default standard possible important
alternative natural easy better best usual general different new big small large similar related useful great
major minor simplest easiest problem result goal idea way approach reason answer example opposite former latter
previous following above below remaining current resulting corresponding""".split())
# A next sentence that says more about the term just defined ("It adds a second source of randomness …")
_GOES_ON_ABOUT = re.compile(r"(?:It|They)[ \t]+(?!is[ \t]+(?:also|often)?[ \t]*(?:called|known))[a-z]+")
_CLAUSE_WORDS = frozenset("""is are was were be been being can could will would should may might must has have had
do does did not""".split())


def _has_cue(text: str) -> bool:
    """`_CUE.search(text)`: what every naming or defining sentence holds (tests/test_extract_rewrites.py checks the
    equality)."""
    if any(map(text.__contains__, _CUE_WORDS)) or "**" in text and _CUE_BOLD.search(text):
        return True
    for verb in _CUE_VERBS:
        at = text.find(verb)
        while at >= 0:
            if _CUE_ARTICLE.match(text, at + len(verb)):
                return True
            at = text.find(verb, at + 1)
    return False


def naming_definitions(text: str, named_only: bool = False) -> list[tuple[str, str]]:
    """(term, back) for each sentence of a paragraph that names a term or defines one (see the module's
    docstring); the back is that sentence, with the one before it when it names "it" or "this", and with the
    one after it when that goes on about the term ("It is often called the default assumption"). `named_only`:
    only the sentences that name a term or spell out an abbreviation."""
    if not _has_cue(text):
        return []  # (the common case, said cheaply: one search for what every form below needs)
    found = sentences(" ".join(text.split()))
    cards: list[tuple[str, str]] = []
    appended = -1  # the sentence a card took as its follow-on ("It is often called …"): no card of its own
    for k, sentence in enumerate(found):
        named = None if k == appended else _named(sentence) or _defined(sentence, spelled_only=named_only) \
            or _conditional(sentence)
        if named is None:
            continue
        term, points_back, needs_next = named
        back = sentence.strip()
        if needs_next:
            if k + 1 == len(found) or not _GOES_ON_ABOUT.match(found[k + 1]):
                continue
            back, appended = f"{back} {found[k + 1].strip()}", k + 1
        if points_back:
            if k == 0 or found[k - 1].lstrip().startswith("("):
                continue  # ("This is called …" opening a paragraph, or after a bracket that goes on from a formula,
                # "(an integral for continuous $x$). This is called …": what "this" is was said before it)
            back = f"{found[k - 1].strip()} {back}"
            if k >= 2 and _POINTS_BACK.search(found[k - 1]):  # ("… to predict these words. This is also called …":
                back = f"{found[k - 2].strip()} {back}"  # which words, the sentence before that says)
        if k + 1 < len(found) and re.match(r"(?:It|They)[ \t]+(?:is|are)[ \t]+(?:also[ \t]+|often[ \t]+)?"
                                           r"(?:called|known)\b", found[k + 1]):
            back, appended = f"{back} {found[k + 1].strip()}", k + 1
        words = len(back.split())
        if MIN_BACK_WORDS <= words <= MAX_BACK_WORDS and not back.endswith((":", "?", ",", ";")):
            cards.append((term, back))
    return cards


def _named(sentence: str) -> tuple[str, bool, bool] | None:
    """(term, whether the subject points back) when the sentence names a term ("… is called X", ", called X")."""
    if "called" not in sentence and "known" not in sentence and "referred" not in sentence \
            and "termed" not in sentence and "named" not in sentence:
        return None  # (most sentences: said before the pattern is searched)
    match = _NAMING.search(sentence)
    if match is None:
        return None
    before = sentence[:match.start()]
    rest = clean_prose(sentence[match.end():]).replace("**", "").replace("__", "").lstrip("\"“‘'_*")
    rest = _POSSESSIVE.sub("", rest, count=1)  # ("… are called its out-of-bag examples")
    end = _TERM_END.search(rest)
    term = " ".join(rest[:end.start()].replace("“", "").replace("”", "").replace('"', "").strip("‘’'_*.! ").split())
    words = term.split()
    if not words or len(words) > MAX_TERM_WORDS or words[0].casefold() in _NOT_A_NAME \
            or len(term.replace("$", "")) < 2 or not any(c.isalpha() for c in term):
        return None
    points_back = bool(_POINTS_BACK.search(before))
    clauses = _CLAUSE_BREAK.split(before)  # (", and the methods that achieve it are called …": what "it" is, the
    if points_back and len(clauses) > 1 and not _POINTS_BACK.search(" ".join(clauses[:-1])) \
            and len(" ".join(clauses[:-1]).split()) >= MIN_DESCRIPTION_WORDS:  # sentence's first part says)
        points_back = False
    if not points_back and len(before.split()) < MIN_DESCRIPTION_WORDS:
        return None  # ("Bagging is known as …", "A slot machine is known as …": a name for a name)
    return term, points_back, False


def _conditional(sentence: str) -> tuple[str, bool, bool] | None:
    """(term, False, False) when the sentence defines a bold word by a condition ("A classifier is **calibrated**
    if, among its predictions made with confidence $p$, a fraction $p$ are correct")."""
    match = _CONDITIONAL.match(sentence.strip())
    return (clean_prose(match.group("term")), False, False) if match else None


def _defined(sentence: str, spelled_only: bool = False) -> tuple[str, bool, bool] | None:
    """(term, False, whether the next sentence must say more) when the sentence says what a term is and what sets
    it apart ("Warmup is a schedule that starts …", "Standardization refers to rescaling …"), or only what it is
    ("Random forest is the best-known bagging method."), which the next sentence must then go on about ("It adds
    …"). `spelled_only`: only an abbreviation spelled out ("TP (true positive) is the number of …").
    """
    text = sentence.strip()
    if " is " not in text and " are " not in text and " was " not in text and " refer" not in text \
            and " denotes " not in text and " which " not in text:
        return None  # (no verb a definition is written with)
    if lead := _LEAD_IN.match(text):
        text = text[lead.end():]
    if "which" in text and (principle := _PRINCIPLE.search(text)):
        words = principle.group("term").split()
        while words and words[0].casefold() in _NOT_A_NAME | {"the", "a", "an", "in", "of"} | _NOT_A_TERM:
            words = words[1:]  # ("… is grounded in the distributional hypothesis": from where its name starts)
        if len(words) > 1:
            return " ".join(words), False, False
    if spelled := _SPELLED_OUT.match(text):
        return f"{spelled.group('long').strip()} ({spelled.group('short')})", False, False
    match = None if spelled_only else _DEFINITION.match(text)
    if match is None:
        return None
    term = match.group("term")
    words = term.split()
    if words[0].casefold() in _NOT_A_TERM or any(w.casefold() in _CLAUSE_WORDS for w in words) \
            or (len(words) == 1 and (len(term) < 3 or (match.group("article") or "").casefold() == "the")):
        return None  # ("The interpretation is …": the one spoken of before, not a term)
    if match.group("acronym"):
        term = f"{term} ({match.group('acronym')})"
    return clean_prose(term), False, bool(match.group("apart") and match.group("apart").strip() == ".")
