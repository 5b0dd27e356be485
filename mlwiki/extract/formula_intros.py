"""A card whose back is only the words that lead into a display formula ("Random Fourier features use exactly this:
sample frequencies …, phases …, and set") is no card of its own: the words end where the formula begins, so the
back is a fragment, and the formula's card shows the same words on its front, the formula on its back. A card
reading such a paragraph another way (as a labelled paragraph, a bold term's) is left out when a formula card of
the note carries its words. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.models import CardKind

# The end of words that go on into a formula: a colon, a comma, a conjunction or verb left open
_OPEN_END = re.compile(r"(?:[:,]|\b(?:and|or|set|sets|is|are|be|gives?|get|gets|becomes?|reads?|yields?|by|with|to|"
                       r"of|the|as|where|then|so|that|obtain|define|write|when|if))\s*$", re.IGNORECASE)


def without_formula_intros(drafts: list) -> list:
    """The (sibling drafts, path) pairs without a card whose back is only a formula card's lead-in words."""
    fronts = [_words(d.front) for group, _ in drafts for d in group if d.kind == CardKind.FORMULA]
    if not fronts:
        return drafts
    out = []
    for group, path in drafts:
        kept = [d for d in group if d.kind == CardKind.FORMULA or not _leads_in(d.back, fronts)]
        if kept:
            out.append((kept, path))
    return out


def _leads_in(back: str, formula_fronts: list[str]) -> bool:
    text = back.strip()
    if "\n\n" in text or "$$" in text or not _OPEN_END.search(text) or text.endswith((".", "!", "?", ")")):
        return False
    words = _words(text)
    return len(words) > 20 and any(words in front for front in formula_fronts)


def _words(text: str) -> str:
    """`text` as a run of its words and formulas, marks and spacing off: what two cards must both show."""
    return " ".join(re.sub(r"[*_`]", "", text).split())
