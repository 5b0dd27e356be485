"""Marks a card would show wrongly, taken off once the walk is done:

- a footnote's mark on a back, `[^gae]` after a sentence whose footnote the page writes below (`[^gae]: Schulman et
  al. …`). No renderer shows it (a card has no foot), so the back is stored without it, as a learner, an export or
  a search meets the card. A mark with no footnote text on the page is left as written (it may be code: `[^ab]`);
- a bold mark left alone on a front by a question cut out of a sentence inside its bold words ("λ trades bias vs
  variance **only because V is approximate**" → "Why does λ trade bias vs variance **only?"): the question without
  it, its id kept (the front as it was).
"""

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


def without_stray_marks(drafts: list, blocks: list) -> list:
    """The (sibling drafts, heading path) pairs without the marks of the page's footnotes on each back, and without
    a lone bold mark in each asked question."""
    labels = footnote_labels(blocks) if any("[^" in d.back for siblings, _ in drafts for d in siblings) else ()
    return [([_unmarked(d, labels) for d in siblings], path) for siblings, path in drafts]


def _unmarked(draft, labels):
    if labels and "[^" in draft.back:
        back = _MARK.sub(lambda m: "" if m.group(1) in labels else m.group(0), draft.back)
        draft = replace(draft, back=back) if back != draft.back else draft
    path, gap, asked = draft.front.rpartition("\n\n")
    if gap and asked.count("**") % 2 and asked.endswith("?") and "`" not in asked and not draft.explicit_id:
        head, _, tail = asked.rpartition("**")
        draft = replace(draft, front=f"{path}{gap}{head}{tail}", id_front=draft.id_front or draft.front)
    return draft
