"""The case a formula holds in, when its lead-in ends on it ("Formally, for $t' < t$," over "$$\\mathbb E[…] = 0$$"):
a remark card that shows the formula on its front ("… › What it says") shows that case with it, or the learner reads
an equation that is false in general ("So dropping those terms …" of which terms?). Pure: the walk's cards are read,
not changed."""

from __future__ import annotations

import re

from mlwiki.extract.closings import FORMULA_FORMS

# A lead-in that ends on a case in math: "…, for $t' < t$,", "If $x > 0$:", "when $n \to \infty$"
_CASE = re.compile(r"(?:^|[.,;:][ \t]+)((?:for|if|when|whenever)[ \t]+(?:all[ \t]+|any[ \t]+|every[ \t]+)?"
                   r"\$[^$\n]{1,40}\$)[ \t]*[,:]?[ \t]*$", re.I)
_BREAK = "\n\n"  # (between a front's heading path and what it shows)


def with_case(ex, front: str) -> tuple[str, str]:
    """(front, id_front) of a card whose front shows a display formula (`heading path\\n\\n$$…$$`): the front with the
    case its formula card's lead-in ends on before the formula, its id kept by the front it had; else the front as
    it is and "" (its own id)."""
    path, _, formula = front.partition(_BREAK)
    if not formula.startswith("$$"):
        return front, ""
    for drafts, _ in reversed(ex.drafts):
        card = drafts[0]
        if card.form in FORMULA_FORMS and card.back.startswith(formula) and _BREAK in card.front:
            case = _CASE.search(card.front.rsplit(_BREAK, 1)[1])
            if case is None:
                return front, ""
            said = case.group(1)
            return f"{path}{_BREAK}{said[:1].upper()}{said[1:]}:{_BREAK}{formula}", front
    return front, ""
