"""Derivation steps told by what is done to the formula above ("Multiply through by $2\\sigma^2$:", "Exponentiate:",
"Take logs and drop the constant:", "Last step: …"): the formula after such words is the next step of the one
before, not a fact of its own. Carded alone, its front reads "› Multiply through by 2σ²:" or "› Last step:" and
points at a formula the card does not show; on the derivation's card it is a step in order, the result last.

A derivation that grows by such a step is asked as one: under its section and the sentence that opened it (where
it starts), "What does this give, step by step?". A formula introduced only as the one above reworked
("Rearranging,") is a card of its own: its front shows the formula it reworks. Pure: text and drafts in, out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.models import CardKind

# An operation done to the formula above, said as an order: the verb first, a few words of what on ("Multiply
# through by $2\sigma^2$", "Exponentiate", "Take the log", "Set the derivative to zero", "Differentiate w.r.t. $w$")
_OPERATION = re.compile(
    r"(?i)(?:now[ \t]+|then[ \t]+|next[ \t]*,?[ \t]+|finally[ \t]*,?[ \t]+)?"
    r"(?:multiply|divide|exponentiate|differentiate|integrate|take[ \t]+(?:the[ \t]+|an?[ \t]+)?(?:logs?|exp\w*|"
    r"expectations?|gradients?|derivatives?|limits?|square[ \t]+roots?|traces?|sum|mean|average|log-?\w+)|add|"
    r"subtract|set(?![ \t]+of\b)|solve|rearrange|substitute|plug|expand|complete[ \t]+the[ \t]+square|drop|"
    r"factori[sz]e|cancel|collect|combine|normali[sz]e|marginali[sz]e|invert|negate|apply|simplify|equate|isolate|"
    r"swap|pull|use)(?![-\w])")
# (no verb that is also a quantity's name over its formula: "Log marginal likelihood:", "Average precision:",
# "Sum of squares:", "Complete-data log-likelihood:")
# A step named by its place in the derivation ("Last step:", "Next step:", "Final step —")
_PLACE = re.compile(r"(?i)(?:the[ \t]+)?(?:last|next|final|second|third|one more)[ \t]+step\b")
_MAX_WORDS = 10  # an order longer than this says something of its own ("Use the fact that … to see that …")
_ASKS_DERIVATION = re.compile(r"(?i)\b(?:deriv\w*|proofs?|prove\w*|why)\b")
_DERIVATION_SECTION = re.compile(r"(?i)\b(?:deriv\w*|proofs?|proving)\b")
_ASIDE = re.compile(r"\([^()]*\)[.,;]?")  # ("(no linear term: the gradient is zero at the mode). Exponentiate:")
_NAME_WORDS = 3  # a step named in a derivation's section: "Pythagoras", "By Jensen", "Chain rule"
_SENTENCE_END = re.compile(r"(?<=[.!?)])[ \t]+(?=[A-Z(*_])")  # (not inside "w.r.t. the …", "e.g. the …")


def is_step(gap: str, section: str = "") -> bool:
    """Whether the words before a formula (its last sentence, ending in a colon) tell a step done to the formula
    above: an operation said as an order, or a step named by its place ("Last step:"); in a section whose heading
    names a derivation (`section`: "Derivation 2: minimum reconstruction error"), any step's short name too
    ("Pythagoras:", "By Jensen:")."""
    text = " ".join(gap.split())
    if not text.endswith(":"):
        return False
    said = _SENTENCE_END.split(text)
    last, before = said[-1].strip().lstrip("*_ ").rstrip(":*_ "), " ".join(said[:-1])
    if not last or len(last.split()) > _MAX_WORDS:
        return False
    if section and not before and _DERIVATION_SECTION.search(section) and len(last.split()) <= _NAME_WORDS \
            and last[:1].isalpha():
        return True  # (the gap is the step's name alone: "Pythagoras:", not a remark's sentences before a label)
    if before and not _ASIDE.fullmatch(before) and len(before.split()) > _MAX_WORDS:
        return False  # (sentences of their own before it: a remark, then a new formula's label)
    return bool(_PLACE.match(last)) or bool(_OPERATION.match(last))


def derivations_asked(drafts: list) -> list:
    """The (sibling drafts, path) pairs, each formula card whose back holds a step told by what is done to the
    formula above ("$$…$$ / Multiply through by $2\\sigma^2$: / $$…$$") asked as a derivation (`derivation_front`).
    Run last: every pass before reads a formula card's lead-in as its front's last paragraph."""
    out = []
    for group, path in drafts:
        out.append(([replace(d, front=derivation_front(d.front)) if _derives(d) else d for d in group], path))
    return out


def _derives(draft) -> bool:
    if draft.kind != CardKind.FORMULA or draft.back.count("$$") < 4:
        return False
    parts = draft.back.split("\n\n")
    return any(is_step(part) for k, part in enumerate(parts[1:-1], 1)
               if "$$" not in part and parts[k - 1].rstrip().endswith("$$") and parts[k + 1].lstrip().startswith("$$"))


def derivation_front(front: str) -> str:
    """The front of a formula card that has grown into a derivation: its section and the sentence that opened it
    (where it starts), then what is asked: what that gives, step by step ("Gaussian prior → L2 / Linear regression,
    … / What does this give, step by step?"). A front whose section or sentence asks for the derivation already
    stays."""
    path, _, intro = front.rpartition("\n\n") if "\n\n" in front else (front, "", "")
    heading = path.rsplit(" › ", 1)[-1].strip()
    if not heading or _ASKS_DERIVATION.search(heading) or _ASKS_DERIVATION.search(intro):
        return front
    return f"{front}\n\n{_ASK_FROM}" if intro.strip() else f"{front}\n\n{_ASK_BARE}"


_ASK_FROM = "What does this give, step by step?"  # (the sentence above says where it starts; the heading, of what)
_ASK_BARE = "How is it derived, step by step?"  # (no sentence opened it: the heading says what "it" is)


# An introduction that only says the formula before is worked on ("Rearranging,", "Substituting,", "Equivalently:")
_REWORKS = re.compile(r"(?i)(?:after[ \t]+)?(?:re-?arranging|substituting|simplifying|expanding|collecting[ \t]+terms|"
                      r"taking[ \t]+logs|equivalently|in[ \t]+matrix[ \t]+form)(?:[ \t]+(?:gives|we[ \t]+get|yields))?"
                      r"[ \t]*[:,.]?")
_SHOWN_STEP_CHARS = 160  # (a longer formula is no part of a front)


def shown_rework(sentence: str, before: str) -> str:
    """When an introduction only says the formula before is worked on ("Rearranging,"), that formula as its front
    shows it inline; '' otherwise, or when it is too long to show."""
    if not _REWORKS.fullmatch(sentence):
        return ""
    body = " ".join(before.split())
    return f"${body}$." if body and len(body) <= _SHOWN_STEP_CHARS and "$" not in body else ""
