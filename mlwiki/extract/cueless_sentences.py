"""A sentence that keeps no cue when hidden is asked with the sentence before it (`sentence_clozes`): "… shrinks
with depth. [...]" or "Exact GP: $O(n^3)$ time. [...]" shows a blank after a sentence and nothing of what fills it,
so any remark could. Such a sentence ("It also grows during training.", "Dead beyond a few thousand points.") has
no subject of its own: it goes on about what the sentence before said, so that sentence's cue leads to both.

    Exact GP costs $O(n^3)$ time. Dead beyond a few thousand points.  →  Exact GP costs [...]  (back: both sentences)

A sentence that opens on a formula, a term in bold, a label or a subject ("The …") of its own is a claim of its
own and keeps its card. The first sentence asked keeps its blank bare (the heading asks it); a cue-less sentence after one shown and not
asked (an aside, a citation) keeps its own card, and so does one whose joining would leave a single card over the
whole paragraph (`sentence_clozes`: that is the heading's card, which later passes ask by other rules). The card asked by both keeps the id the first of them had. Pure:
drafts in, drafts out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.closings import FORM
from mlwiki.extract.draft import Draft
from mlwiki.extract.list_clozes import HIDDEN

# A sentence that opens on its own formula, term in bold or label ("$P(Y \\mid do(t))$: …"): one of parallel
# claims, asked on its own card, not a remark going on from the sentence before
_OWN_OPENING = re.compile(r"[$*_`]|[^.:;\n]{1,60}:[ \t]|(?:The|A|An)[ \t]")  # (… or a subject of its own,
# "The two settings only agree when …": a claim of its own, not a remark going on from the one before)


def joined_parts(parts: list[tuple[str, bool]], hide) -> tuple[list[tuple[str, bool]], dict[str, str]]:
    """The parts with each asked sentence that `hide` leaves no cue joined to the asked sentence before it, and a
    map from each joined text to the text of its first sentence (whose card's id it keeps)."""
    out: list[tuple[str, bool]] = []
    firsts: dict[str, str] = {}
    for text, ask in parts:
        if ask and out and out[-1][1] and hide(text) == HIDDEN and not _OWN_OPENING.match(text):
            before = out.pop()[0]
            joined = f"{before} {text}"
            firsts[joined] = firsts.pop(before, before)
            out.append((joined, True))
            continue
        out.append((text, ask))
    return out, firsts


def kept_ids(draft: Draft, cards: list[Draft], firsts: dict[str, str]) -> list[Draft]:
    """The cards with each card asking joined sentences given the id its first sentence's card had (the first card
    keeps the section's, as it did)."""
    out = []
    for k, card in enumerate(cards):
        first = firsts.get(card.back)
        if first is not None and k:
            card = replace(card, id_front=f"{FORM}: {draft.front}\n\n{HIDDEN} {first}")
        out.append(card)
    return out
