"""A footnote's mark on a card's back: `[^gae]` after a sentence whose footnote the page writes below
(`[^gae]: Schulman et al. …`). No renderer shows it (a card has no foot), so the back's text is stored without it,
as a learner, an export or a search meets the card. A mark with no footnote text on the page is left as written
(it may be code: the regex class `[^ab]`)."""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.line_kinds import TEXT

_FOOTNOTE_TEXT = re.compile(r"[ \t]{0,3}\[\^([^\]\s]+)\]:")
_MARK = re.compile(r"\[\^([^\]\s]+)\]")


def footnote_labels(blocks: list) -> frozenset[str]:
    """The labels of the footnotes a page writes (`[^x]: …` at a line's start, in its paragraphs)."""
    return frozenset(found.group(1) for block in blocks if block.kind == TEXT for line in block.lines
                     if "[^" in line.text and (found := _FOOTNOTE_TEXT.match(line.text)))


def without_footnote_marks(drafts: list, blocks: list) -> list:
    """The (sibling drafts, heading path) pairs with the marks of the page's footnotes taken off each back."""
    if not any("[^" in d.back for siblings, _ in drafts for d in siblings) or not (labels := footnote_labels(blocks)):
        return drafts
    return [([_unmarked(d, labels) for d in siblings], path) for siblings, path in drafts]


def _unmarked(draft, labels: frozenset[str]):
    if "[^" not in draft.back:
        return draft
    back = _MARK.sub(lambda m: "" if m.group(1) in labels else m.group(0), draft.back)
    return replace(draft, back=back) if back != draft.back else draft
