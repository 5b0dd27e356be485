"""Heading-only fronts over a back that opens by saying what a term the front does not name is: "features ›
Multi-step strategies" over "DirRec = direct models that also take …", "MoCo › Queue" over "The dictionary is a FIFO
queue of …". The heading names the section's topic; the back answers what the term is, so the card asks that:
"What is DirRec?".

A first sentence asks only when it reads as a definition: a short name (a name of its own, "DirRec", "HR@k", or a
noun after its article, "The dictionary") before "=" or "is a/an/the …", which neither sets two names equal
("ATE = ATT if …", "GroupNorm with 1 group = LayerNorm") nor judges ("is a bit better", "is the best …", "is the
weird one"), nor opens a list (it ends on ":"), nor is one of several definitions side by side ("Actor = …. Critic
= …"). A term that "is a …" only under the condition after it ("A detection is a true positive if its IoU …") is
asked when it is that: "When is a detection a true positive?". Pure: text in, text out.
"""

from __future__ import annotations

import re

from mlwiki.extract.asked_names import names_a_thing, sets_a_value
from mlwiki.extract.defining import stems
from mlwiki.extract.prose import clean_prose, sentences
from mlwiki.extract.setting_asks import led_to_question

MAX_TERM_WORDS = 4
MAX_BARE_WORDS = 3  # (a name without its article: "Partial autocorrelation $\alpha_k$", "Forecast error")
# A sentence's opening term, then what says what it is: "=" or "is/are a|an|the <word>"; a term is words and
# whole inline formulas ("Partial autocorrelation $\alpha_k$"), an aside in brackets after it is skipped
_TERM = r"(?:[^\s*=:,.;()$`\"'+→≈<>|][^*=:,.;()$`\n+→≈<>|]{0,40}?|`[^`\n]{1,30}`)(?:\s*\$[^$\n]{1,30}\$)?"
_OPENS = re.compile(rf"(?:\*\*|__)?(?P<term>{_TERM})(?:\*\*|__)?(?:\s+\([^()\n]{{1,40}}\))?\s*"
                    r"(?:=\s+(?P<rhs>\S[^\n]*)|\s(?P<verb>is|are)\s+(?P<art>a|an|the)\s+(?P<next>[\w-]+))")
# A right side that is another name, with a condition or a second clause after it: "ATT if …", "LayerNorm, with …"
_NAME_SET_EQUAL = re.compile(r"(?:[A-Z][\w-]*[A-Z][\w-]*|[A-Z]{2,}\w*)"
                             r"(?=\s+(?:if|when|only|for|with|iff)\b|\s*[,.;]|$)")
# Words after "is a/the" that judge or compare, not say what a thing is
_JUDGES = frozenset("bit lot little few same best worst most least only first last weird one other way reason good "
                    "bad big great strong weak huge nice simple crucial whole point usual standard default common "
                    "main key right wrong hard easy real".split())
# Words that make an opening a clause, not a name: "Saving only the learned parameters is …"
_CLAUSE_WORDS = frozenset("only just also not always never usually often still even".split())
# Words a sentence opens on that begin a clause, not a name
_NOT_NAMES = frozenset("we you i they it this that these those there here when if let for note only most apply how so "
                       "then thus also but and or each every all some any one both first total output result results "
                       "note the a an".split())
_PREPOSITIONS = frozenset("with for to from in on at by if when that because instead as".split())
# What a term "is a …" only under a condition that follows: "a true positive if …", "an outlier when …" (the
# sentence says when the term is that kind, not what the term is)
_CONDITIONED = re.compile(r"(?P<kind>(?:a|an|the)\s+[\w-]+(?:\s+[\w-]+){0,3}?)\s+(?:only\s+)?(?:if|iff|when|whenever)\b")
_SETS = re.compile(r"[^.;:=\n]{1,40}?\s=\s")  # (a sentence that sets a name equal to what it is)
_ARTICLE = re.compile(r"(?i)(?:the|an?)\s+")
# A sentence that draws the back's point from the one before it: the first says a premise, not what is asked
_CONCLUDES = re.compile(r"\s*(?:So|Thus|Hence|Therefore)\b")
# A second clause set beside the first in its sentence (", the log prior is one term"): two things said side by side
_SECOND_CLAUSE = re.compile(r"[,;]\s+(?!(?:which|that|who|it|this|there|what|where|and|but)\b)(?:the\s+)?[\w-]+"
                            r"(?:\s+[\w-]+)?\s+(?:is|are)\s")  # (not a clause about the term: ", which is …")


def term_question(path: str, back: str) -> str | None:
    """"What is X?" for a heading-only front whose back's first sentence says what a term X the front does not
    name is; None for any other back (see the module's doc)."""
    lead = back.lstrip()
    if not lead[:1].isalpha() and not lead.startswith(("**", "__", "`")):
        return None  # (a list, a formula, a table: no sentence to read)
    if "\n\n" in lead.rstrip() and " › " not in path:
        return None  # (a note's lead of paragraphs: what the term is answers only its first)
    said = sentences(clean_prose(lead.split("\n\n", 1)[0]))
    if not said or said[0].rstrip().endswith(":"):
        return None
    found = _OPENS.match(said[0])
    if not found or not _defines(found) or any(_SETS.match(s) or _CONCLUDES.match(s) for s in said[1:3]) \
            or _SECOND_CLAUSE.search(said[0], found.end()):
        return None  # (not a definition, or one of several side by side: "… = 0.2. $\\Vert$ = concatenation.";
        # or a premise of the back's point: "The log-likelihood is a sum of n terms, the log prior is one term. So …")
    term = found["term"].strip()
    if not _names_a_term(term) or _named_in(term, path) or not names_a_thing(term) \
            or found["rhs"] is not None and sets_a_value(term):
        return None  # (a clause's start, "Because $P$ is …"; a symbol given a value, "With $d$ = 1 this is …")
    article = _ARTICLE.match(term)
    shown = f"{article[0].lower()}{term[article.end():]}" if article else term
    first, _, rest = shown.partition(" ")
    if rest and first[1:].islower() and first.isalpha() and not any(w[:1].isupper() for w in rest.split()):
        # ("Partial autocorrelation …": a sentence's capital, not a name's "Monte Carlo simulation")
        shown = f"{first.lower()} {rest}"
    if found["rhs"] is not None and (led := led_to_question(shown, _plural(term))):
        return led  # ("Fewer parameters = less overfitting": what the setting leads to)
    verb = found["verb"] or ("are" if _plural(term) else "is")
    if found["verb"] and (kind := _CONDITIONED.match(said[0], found.start("art"))):
        return f"When {verb} {shown} {kind['kind']}?"  # ("A detection is a true positive if IoU ≥ …": when it is)
    return f"What {verb} {shown}?"


def _defines(found: re.Match) -> bool:
    """Whether the matched opening says what its term is, rather than setting it equal to another name or judging
    it."""
    if found["rhs"] is not None:
        return not _NAME_SET_EQUAL.match(found["rhs"].lstrip("*_"))
    return found["next"].lower() not in _JUDGES and not found["next"].lower().endswith("est")


def _names_a_term(term: str) -> bool:
    """Whether a sentence's opening words are a short name: a name of its own ("DirRec", "HR@k", "SAGE"), or words
    after their article ("The dictionary", "A conv kernel") or of a phrase ("Partial autocorrelation $\\alpha_k$"),
    none of them a clause's word."""
    words = term.split()
    bare = _ARTICLE.sub("", term, count=1).split()
    if not bare or len(words) > MAX_TERM_WORDS + 1 or words[0].lower() in _NOT_NAMES - {"the", "a", "an"}:
        return False
    if any(word.lower() in _PREPOSITIONS or word.lower() in _CLAUSE_WORDS for word in words[1:]):
        return False
    if not _ARTICLE.match(term) and (len(bare) > MAX_BARE_WORDS or len(bare) > 1 and bare[0].endswith("ing")):
        return False  # (a phrase with no article is a short name, not "Saving the weights …")
    if len(bare) == 1 and len(words) == 1:  # (a single word: a name of its own, not "Output" or "Total")
        word = bare[0]
        return bool(re.search(r"[A-Z0-9@]", word[1:])) or word.startswith("`")
    return not (bare[0].lower() in _NOT_NAMES)


def _named_in(term: str, path: str) -> bool:
    """Whether the front names the term already (its words, or the term as written: "EM" in "Link to EM")."""
    bare = _ARTICLE.sub("", term, count=1).strip("` ")
    if re.search(rf"(?<![\w-]){re.escape(bare.lower())}(?![\w-])", path.lower()):
        return True
    named = stems(bare)
    return bool(named) and named <= stems(path)


def _plural(term: str) -> bool:
    """Whether a term names many ("Anchors", not "Loss", nor a name of its own "HR@k")."""
    head = term.split(" of ", 1)[0].split()[-1]
    return bool(re.fullmatch(r"[a-z]+[a-z](?<![siu])s", head))
