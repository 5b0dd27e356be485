"""A remark card under a display formula that still asks "… › What it says" is asked what kind of remark its first
sentence makes, when that sentence says it. What follows a formula is often not "what it says" but a derivation of
it by another route, a condition it needs, what it costs, how it compares with the formula before it or
a consequence drawn from it; "What it says" over any of these lets many answers fit. ("Since …, …" is
left alone: it draws a consequence from a premise as often as it says why the formula holds.)

    ## From ridge to KRR                      →  "… › From ridge to KRR › How else is it derived?"
    $$\\alpha = (K + \\lambda I)^{-1} y$$         (the formula on the front, the remark on the back)
    Same result via the representer theorem: …

    $(I - A)$ is invertible for $\\|A\\| < 1$ …  →  "When is $(I - A)$ invertible?"
    Inverting $K$ costs $O(n^3)$ …             →  "What does inverting $K$ cost?"
    Same optimum, larger gradients early.      →  "How does it compare with the formula before?"
    So the normaliser cancels.                 →  "What follows from it?" (when the note gives the formula no name:
                                                   `said_asks` asks one it names)

Only a prose back is asked so (a list of facts is split or asked by `formula_facts` and `said_asks`). The card keeps
its id: only its front's wording changed. Pure.
"""

from __future__ import annotations

import re

from mlwiki.extract.said_asks import CONCLUDES, prose_remark_front, says_remarks_asked

# Another route to the same formula ("Same answer from the lemma directly", "The same result falls out of …")
_DERIVED = re.compile(r"(?i)(?:the\s+)?same\s+(?:answer|result|solution|formula|expression|estimator|update)\s+"
                      r"(?:from|via|by|through|using|falls\s+out|follows|comes)\b|(?:alternatively|another\s+"
                      r"(?:way|derivation|route))\b")
# An equivalent statement of it ("Equivalently: every Gram matrix is PSD")
_EQUIVALENT = re.compile(r"(?i)equivalently\b")
# A condition on a symbol of it ("$(I - A)$ is invertible for …", "$K$ is positive definite when …")
_CONDITION = re.compile(r"(?P<subj>\$[^$]{1,60}\$)\s+(?P<be>is|are)\s+(?:only\s+)?(?P<adj>[a-z][a-z-]{2,24})\s+"
                        r"(?:only\s+)?(?:for|when|whenever|if|iff|as\s+long\s+as|provided)\b")
# A condition on the formula itself ("It only holds when …", "This is exact if …")
_HOLDS = re.compile(r"(?i)(?:it|this|the\s+(?:formula|identity|bound|equation|equality))\s+(?:only\s+)?"
                    r"(?:holds|applies|is\s+valid|is\s+exact|works)\s+(?:only\s+)?"
                    r"(?:when|if|for|under|as\s+long\s+as)\b")
# What computing it costs ("Inverting $K$ costs $O(n^3)$", "With Woodbury, working with $Q$ costs …")
_COST = re.compile(r"(?:with\s[^,.]{1,60},\s+)?(?P<what>(?:computing|inverting|solving|evaluating|storing|"
                   r"working\s+with|forming|sampling)\s[^,.]{1,60}?)\s+costs\s+\$", re.IGNORECASE)
_COST_ONLY = re.compile(r"(?i)(?:the\s+)?(?:cost|complexity)(?:\s+is|:)\s+\$")
# A comparison with the formula before ("Same fixed point, much stronger gradients …")
_COMPARED = re.compile(r"(?i)same\s+[a-z-]+(?:\s+[a-z-]+)?\s*(?:,|;|—|but\b)")


def said_kinds_asked(drafts: list) -> list:
    """The drafts with each "What it says" remark card whose first sentence says what kind of remark it is asked
    so (see the module's doc); any other draft as it was."""
    return says_remarks_asked(drafts, lambda front, back: prose_remark_front(front, back, remark_question))


def remark_question(text: str, name: str) -> str:
    """The question a remark's text (`text`) answers about the formula before it, by what its first sentence opens
    with; `name`, what the note calls the formula ('' for "it"); '' when the sentence says no kind."""
    it = name or "it"
    text = text.lstrip("*_ ")
    if _DERIVED.match(text):
        return f"How else is {it} derived?"
    if _EQUIVALENT.match(text):
        return f"What is {it} equivalent to?"
    if found := _CONDITION.match(text):
        return f"When {found['be']} {found['subj']} {found['adj']}?"
    if _HOLDS.match(text):
        return f"When does {it} hold?"
    if found := _COST.match(text):
        return f"What does {found['what'][:1].lower()}{found['what'][1:]} cost?"
    if _COST_ONLY.match(text):
        return f"What does {it} cost?"
    if _COMPARED.match(text):
        return "How does it compare with the formula before?"
    if not name and CONCLUDES.match(text):
        return "What follows from it?"
    return ""
