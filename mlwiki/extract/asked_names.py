"""Whether the words a made question would be built on name a thing: "What is X?" and "Define: X" read only when
X is a noun phrase, not the start of a clause the template cut out of a sentence.

    Because $P(X_1, …)$ is a product of CPDs, …      →  "because $P(X_1, …)$" opens on a conjunction: no "What is …?"
    The kernel must be PSD so that $K$ is a Gram matrix →  "kernel must be PSD so that $K$" holds a verb: no question
    tests γ = 0 (unit root) against γ < 0            →  "tests γ = 0" gives the symbol a value: an equation, no term
    Logistic vs LDA: both give linear boundaries     →  "Logistic vs LDA" sets two things side by side: no term
    Mini example: μ = 10, φ = 0.6 …                  →  "Mini example" names an example, no term to define

A phrase that fails is left to the front the card had before a question was made of it (its heading path, the label
under it): a plainer cue than a question that does not parse. Pure: text in, booleans out.
"""

from __future__ import annotations

import re

_ARTICLE = re.compile(r"(?i)(?:the|an?)\s+")
# Words a clause opens on, not a name: a conjunction, a preposition, a pronoun or a quantifier ("Because …", "In
# Bishop's notation …", "Each objective evaluation = …"); an adjective may open a name ("final objective")
_CLAUSE_START = frozenset("""because since while although though if when whenever unless once whereas as so but and or
then thus hence however also only just in on at by with without for from to into onto of beyond within through
during after before under over via between across this that these those it its they we you i he she there here
each every all some no any both either neither many most much such which what why how where who one""".split())
# A verb or a modal among a phrase's words makes it a clause ("the kernel must be positive semi-definite"); a
# pronoun does not ("disadvantage of this approach")
_VERBS = frozenset("""is are was were be been being can could will would should may might must has have had do does
did isn't aren't can't cannot won't doesn't don't""".split())
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)")
_ASIDE = re.compile(r"\s*\([^()]*\)")  # ("Lion (2023)", "AGC (Brock et al. 2021, NFNets)": the aside names no part)
_MATH = re.compile(r"\$[^$\n]*\$")
# Two things set side by side or one leading to another: "Logistic vs LDA", "AE → VAE", "sample ⇒ estimate"
_SIDE_BY_SIDE = re.compile(r"(?i)\s(?:vs\.?|versus)\s|→|->|⇒|=>|↔|<->")
# A lone symbol, as a formula's variable is written in prose: "γ", "m", "$\alpha$", "$d_k$", "x_t"
_SYMBOL = re.compile(r"(?:[A-Za-z\u0370-\u03ff](?:_\w+)?|\$\\?[A-Za-z]+(?:_\{?\w+\}?)?\$)")
# Words a symbol stands after when the phrase is a clause that goes on to give it a value ("SARIMA with m = 52",
# "beyond α = 1"), not a name followed by its symbol ("Partial autocorrelation $\alpha_k$ = …", "stride s = 2")
_BEFORE_VALUE = frozenset("with without from beyond at for to of in on by over under above below past than "
                          "tests reads means sets gives takes".split())
# A label that says what kind of remark follows, not which term ("Mini example", "Open question",
# "sklearn gotcha", "Pitfall — big one"): its card is the remark, no definition
_REMARK = re.compile(r"(?i)(?:[\w-]+\s+){0,2}(?:examples?|demo|illustration|question|observation|takeaway|"
                     r"lesson|reminder|gotchas?|pitfalls?|mistakes?|caveats?|traps?)(?:\s*[—–:-].*)?")
# A heading over what goes wrong ("Pitfalls (collected …)", "Caveats", "k-means checklist", "Common confusions"):
# its bold items name what a mistake is about ("**On-policy**: the gradient is only valid for …"), no term
_CHECKS = re.compile(r"(?i)(?:[\w'-]+\s+){0,3}(?:pitfalls|gotchas|caveats|mistakes|checklist|confusions|traps)"
                     r"(?:\s*\([^()]*\))?")  # (not "Pitfall 2: feature importance", a section on one, whose terms are)


def names_a_thing(phrase: str) -> bool:
    """Whether `phrase` (a question's subject, a label to define) reads as a name: a noun phrase, not a clause's
    start ("because …", "in Bishop's notation …"), a clause ("the kernel must be …"), two things set side by side
    ("Logistic vs LDA", "AE → VAE"), a quote or bracket left open ('thinking mean-field means "q'), or the kind of
    remark it labels ("Mini example", "Open question")."""
    bare = " ".join(_EMPHASIS.sub("", phrase).split())
    if bare.count('"') % 2 or bare.count("“") != bare.count("”") or bare.count("(") != bare.count(")"):
        return False  # (cut inside a quote or an aside)
    bare = _ASIDE.sub("", bare).strip()
    bare = bare[_ARTICLE.match(bare).end():] if _ARTICLE.match(bare) else bare
    words = _MATH.sub("x", bare).split()
    if not words or _SIDE_BY_SIDE.search(f" {bare} ") or _REMARK.fullmatch(bare):
        return False
    return words[0].casefold() not in _CLAUSE_START and not any(w.casefold() in _VERBS for w in words)


def sets_a_value(subject: str) -> bool:
    """Whether "`subject` = …" gives a symbol a value inside a clause rather than saying what a term is: the subject
    ends on a lone symbol after a preposition or a verb ("tests γ = 0", "SARIMA with m = 52", "beyond α = 1"), so
    the equation is the symbol's ("stride s = 2", a name with its symbol, is not)."""
    words = _EMPHASIS.sub("", subject).split()
    return len(words) >= 2 and bool(_SYMBOL.fullmatch(words[-1])) and words[-2].casefold() in _BEFORE_VALUE


def heads_checks(heading: str) -> bool:
    """Whether a heading is over what goes wrong ("Pitfalls", "Caveats", "k-means checklist"): a bold item under it
    names what a mistake is about, and its card asks under the heading, not "Define: …"."""
    return bool(_CHECKS.fullmatch(heading))
