"""The body of a loose list item that is only a label: "- **Step decay:**", a blank line, then the item's text on an
indented paragraph of its own ("  Halve the rate every ten epochs."). Beside items of the same list that hold a
formula (formula cards take those), each such item is a part the section names: the label is what it asks
("… › Step decay"), the indented paragraph the answer. Left alone, neither the label block (a label says nothing)
nor the paragraph (no subject) is a card of the section's.

    Common schedules:

    - **Linear cooling:**

      $$T_k = T_0 - a k$$

    - **Staircase cooling:**

      Cut $T$ in half after a fixed number of moves.
      →  … › Staircase cooling  /  Cut $T$ in half after a fixed number of moves.

So is the prose a paragraph opens with before the sentence that introduces its list of formula items ("A soft
margin accepts a few mistakes to widen the margin. It weighs two goals:" over "- widen the margin $$…$$", …): the
formula cards' fronts hold the items, the opening paragraph (which introduces them) is no card, and what the first
sentences say of the subject is on none.

So too are the sentences a section's one paragraph opens with before those its formula card takes as the formula's
introduction ("Multiply the rate with the batch. Warm up first. Past a critical batch … one estimates it by
$B = …$"): the front holds the last, the first were on no card.

Pure: blocks in, a front and a back out.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block
from mlwiki.extract.lines import LIST_ITEM, TEXT
from mlwiki.extract.passages import narrates, reads_as_prose
from mlwiki.extract.prose import clean_prose, sentences

_FORMULA_FORMS = frozenset(("formula", "lone-formula"))  # (closings.FORMULA_FORMS but the inline ones, whose
# introduction is the sentence the formula stands in)
MIN_BODY_WORDS = 3  # ("Uses a cosine." still says what the item is; "See below." is no answer)
MAX_BODY_WORDS = 80  # (one paragraph of an item: more is a section's text, not one item's)
# An item that is only a label, in bold or ending with a colon: "- **Step decay:**", "1. __Warm-up__", "- Warm-up:"
_LABEL_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]+(?:(?:\*\*|__)(?P<bold>[^*_:\n]{1,50}?)[ \t]*:?[ \t]*(?:\*\*|__)"
                         r"[ \t]*:?|(?P<plain>[^\W\d_][^*_:$\n]{0,49}?)[ \t]*:)[ \t]*")
# A sentence that sets up notation, after a statement's label and source too ("**Definition**. ([[Tu]]) Let $X$ …")
_SETS_UP_SENTENCE = re.compile(r"(?:^|[.:)*][ \t]+)(?:Let|Suppose|Assume|Consider|Given|Imagine)\b")
_SETS_UP = re.compile(r"(?i)\s*(?:let|suppose|assume|consider|given|imagine)\b")  # ("Suppose we have samples …": the
# notation the items use, set up for them, no fact of the subject's)


def label_body(path: str, blocks: list[Block], k: int) -> tuple[str, str] | None:
    """(front, back) of block `k` when it is a list item that is only a label and block `k + 1` is its indented
    paragraph: "path › Label" over that paragraph; None otherwise, or when the paragraph introduces what follows
    (ends with ":"), narrates or is too short or long to be the item's answer."""
    block = blocks[k]
    if len(block.lines) != 1 or block.kind != TEXT or k + 1 >= len(blocks) \
            or not (item := _LABEL_ITEM.fullmatch(block.lines[0].text)):
        return None
    body = blocks[k + 1]
    lines = body.lines
    if body.kind != TEXT or any(ln.kind != TEXT or not ln.text[:1].isspace() for ln in lines) \
            or LIST_ITEM.match(lines[0].text) or lines[0].no - block.lines[-1].no > 2:
        return None  # (not the item's own paragraph: a nested list, a formula, a paragraph of the section's)
    back = " ".join(ln.text.strip() for ln in lines)
    words = len(clean_prose(back).split())
    if not MIN_BODY_WORDS <= words <= MAX_BODY_WORDS or back.endswith(":") or narrates(back):
        return None
    label = clean_prose(item.group("bold") or item.group("plain")).strip()
    return (f"{path} › {label}", back) if label else None


def lead_before_items(block: Block, taken: set[int]) -> str | None:
    """The sentences a paragraph opens with before its last one, which ends in ":" and introduces the list of items
    below it in the same paragraph that cards took lines of (`taken`): what they say of the subject, when no card
    took a line of them and they read as prose (`passages.reads_as_prose`); None otherwise."""
    lines = block.lines
    end = next((j for j, ln in enumerate(lines) if ln.kind != TEXT or LIST_ITEM.match(ln.text)), len(lines))
    if not end or end == len(lines) or any(ln.no in taken for ln in lines[:end]) \
            or not any(ln.no in taken for ln in lines[end:]):
        return None  # (no prose before a list, or a card took it: its front; or no card took from the items)
    text = " ".join(ln.text.strip() for ln in lines[:end])
    if not text.endswith(":") or ": " in text:
        return None  # (the cheap test first: no sentence introduces the list)
    found = sentences(text)
    lead = " ".join(part.strip() for part in found[:-1])
    return lead if len(found) > 1 and not _SETS_UP.match(lead) and reads_as_prose(lead) and not narrates(lead) \
        else None


def lead_before_formula(blocks: list[Block], drafts: list) -> str | None:
    """The sentences a section's first paragraph opens with before those its formula card took as the formula's
    introduction (the paragraph ends on the formula, or introduces it right below): "Multiply the batch by k,
    multiply the rate by k. Warm up first." over "Past a critical batch … one estimates it by $B = …$" is on no
    card otherwise, the paragraph being the formula card's front. None when no formula card of `drafts` (the
    section's) took the formula, its front holds every sentence, or what is left does not read as prose."""
    lines = blocks[0].lines
    end = next((j for j, ln in enumerate(lines) if ln.kind != TEXT or ln.text.lstrip()[:1] == "$"), len(lines))
    below = blocks[1].lines if end == len(lines) and len(blocks) == 2 else []
    if len(blocks) > (2 if below else 1):
        return None  # (more text in the section: its cards, as before; this is the paragraph a section is)
    numbers = {ln.no for ln in lines[end:] + below}
    card = next((d for d in drafts if d.line in numbers and d.form in _FORMULA_FORMS and "\n\n" in d.front), None)
    opening = {ln.no for ln in lines[:end]}
    if card is None or not end or any(LIST_ITEM.match(ln.text) for ln in lines[:end]) \
            or any(d.line in opening for d in drafts):  # (a card took a line of the opening: a labelled fact's)
        return None
    intro = " ".join(clean_prose(card.front.rsplit("\n\n", 1)[1]).split())
    found = sentences(" ".join(ln.text.strip() for ln in lines[:end]))
    lead = []
    for sentence in found:
        if " ".join(clean_prose(sentence).split()) in intro:
            break
        lead.append(sentence.strip())
    text = " ".join(lead)
    said = " ".join(clean_prose(text).split())
    if any(d is not card and d.back.strip() and " ".join(clean_prose(d.back).split()) in said for d in drafts):
        return None  # (a card holds it already: a labelled fact's, "Trouble with …: the queue grows …")
    return text if lead and len(lead) < len(found) and reads_as_prose(text) and not narrates(text) \
        and not _SETS_UP_SENTENCE.search(clean_prose(text)) else None
