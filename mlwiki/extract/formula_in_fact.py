"""A formula card that a card of the same paragraph holds whole: the paragraph's card wins.

A paragraph that states a formula inline and goes on ("In vector form: $\\alpha_t = b_t \\odot A^\\top \\alpha_{t-1}$,
where $b_t$ is … Cost $O(K^2)$ per step.") is read twice: as a formula card (its lead-in over the formula, the
remark after it) and as the paragraph's own card (`lone_facts`). When every word of the formula card, its lead-in
and its remark, and its formula are on the paragraph's card, the learner would recall one fact twice; the
paragraph's card, which says more, stays. Only a paragraph `lone_facts` made and asked by the formula's own label
("… › In vector form") is weighed: the two cards ask one question (a paragraph's card asked by the terms it sets in
bold, "› topic matrix, topic weights", asks another, and the formula card asks its formula better). A formula card
with a word of its own stays. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.closings import FORMULA_FORMS
from mlwiki.extract.formula_writings import plain
from mlwiki.extract.lone_facts import FORM as LONE_FACT
from mlwiki.models import CardKind

_BREAK = "\n\n"  # (between a front's heading path and the lead-in it shows)
_PATH = " › "
_MATH = re.compile(r"\$\$([^$]+)\$\$|\$([^$\n]+)\$")
_WORD = re.compile(r"[^\W\d_]{3,}")


def without_formulas_in_facts(drafts: list) -> list:
    """The (sibling drafts, heading path) pairs without a lone formula card whose formula and words the lone-fact
    card of the same line holds (see the module's doc)."""
    prose: dict[int, list] = {}
    for siblings, _ in drafts:
        if len(siblings) == 1 and siblings[0].kind == CardKind.BASIC and siblings[0].form == LONE_FACT:
            prose.setdefault(siblings[0].line, []).append(siblings[0])
    if not prose:
        return drafts
    return [(siblings, path) for siblings, path in drafts
            if not (len(siblings) == 1 and any(_holds(fact, siblings[0]) for fact in prose.get(siblings[0].line, ())))]


def _holds(fact, card) -> bool:
    """Whether a paragraph's card asks what a formula card asks (by its label) and shows all of it: each of its
    formulas, and each word of its lead-in and remark."""
    if card.form not in FORMULA_FORMS or _BREAK not in card.front:
        return False
    lead = card.front.split(_BREAK, 1)[1]
    if not fact.front.endswith(f"{_PATH}{lead.strip().rstrip(':').strip()}"):
        return False  # (the paragraph's card asks something else: "› topic matrix, topic weights")
    shown = f"{lead}\n{card.back}"
    formulas = _formulas(shown)
    told = _formulas(fact.back)
    return bool(formulas) and formulas <= told and _words(shown) <= _words(fact.back)


def _formulas(text: str) -> set[str]:
    """The formulas of a text, each `plain` (its writing's spacing and sizing off)."""
    return {plain(m.group(1) or m.group(2)).rstrip(",;.") for m in _MATH.finditer(text)}


def _words(text: str) -> set[str]:
    """The words of a text's prose, case aside."""
    return {w.casefold() for w in _WORD.findall(_MATH.sub(" ", text))}
