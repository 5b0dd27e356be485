"""A loose list read as the one list it is. Block editors that export to Markdown (Heptabase, Craft, Bear …) write a
blank line between every two blocks, list items too:

    1. Sort boxes by score.

    2. Take the top box.

       - a nested item

    3. Repeat.

Markdown reads that as one list (a "loose" one: its items are paragraphs), but a blank line ends a paragraph, so
each item would be a paragraph of its own: the steps of an algorithm cut after step 1, a bold label's list lost.
Here the paragraphs that are each one item of the same list, one right after another, become one paragraph, as the
same list written without blank lines is. An item with a paragraph indented under it (a toggle, a
question's answer) ends the run: its text is read as the item's, by `toggles` and `toggle_titles`; so does an item
that introduces the display formula after it, which the formula's card takes. Pure: blocks in, blocks out.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, block_lists
from mlwiki.extract.lines import LIST_ITEM, MATH, NUMBERED_ITEM, TEXT

_MARKER = re.compile(r"[ \t]*([-*+]|\d+([.)]))[ \t]")
_ITEM_FIRST = "-*+0123456789"
_LABEL = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]+[*_]*[^\W\d][\w-]*(?:[ \t]+[\w-]+){0,2}[*_]*:[ \t]")  # ("- Cost-based: …")


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" \t"))


def _one_item(block: Block) -> bool:
    """Whether a paragraph is one list item and nothing else (its text may wrap over lines): how a block editor
    writes each item. (A paragraph of several items is a list written tight: a writer's, read as written.)"""
    if block.kind != TEXT or block.skip or not LIST_ITEM.match(block.lines[0].text):
        return False
    return all(ln.kind == TEXT and not LIST_ITEM.match(ln.text) for ln in block.lines[1:]) and block.lines[0].kind == TEXT


def _marker(text: str) -> str:
    """The kind of an item's marker: its bullet character, or an ordered item's delimiter."""
    found = _MARKER.match(text)
    return "" if found is None else (found.group(2) or found.group(1))


def _continues(first: str, block: Block) -> bool:
    """Whether `block` (a paragraph of items) goes on with the list whose first item is `first`: an item nested
    deeper, or an item at its level with the same marker (a `+` after `-` items starts another list)."""
    opening = block.lines[0].text
    if _indent(opening) > _indent(first):
        return True
    return _indent(opening) == _indent(first) and _marker(opening) == _marker(first)


def with_loose_lists_joined(blocks: list[Block]) -> list[Block]:
    """The blocks (and those of every box) with each run of paragraphs that are items of one loose list joined into
    one paragraph (see the module's doc); `blocks` itself when there is none."""
    for children in block_lists(blocks):
        k = 0
        while k < len(children):
            block = children[k]
            if block.kind == TEXT and block.lines[0].text.lstrip()[:1] in _ITEM_FIRST and _one_item(block):
                _join_run(children, k)
            k += 1
    return blocks


def _leads_formula(children: list[Block], k: int) -> bool:
    """Whether the item children[k] introduces the display formula right after it: it ends on a colon or on no
    sentence's end ("- Box loss combines L1 and GIoU:", "- the center-ness branch predicts"), or names the term the
    formula gives ("- Cost-based: minimise the expected cost."), or is a numbered step, which the formula carries
    out. The formula's card takes it, and the items before it are facts of their own; a statement before a formula
    ("- Unmatched boxes are false negatives.") is the list's."""
    if k + 1 >= len(children) or children[k + 1].kind != TEXT or children[k + 1].lines[0].kind != MATH:
        return False
    text = children[k].lines[-1].text.rstrip(" *_")
    return text.endswith(":") or text[-1:] not in ".!?)" or bool(_LABEL.match(children[k].lines[0].text)) \
        or bool(NUMBERED_ITEM.match(children[k].lines[0].text))  # (a step the formula carries out: "4. All $P_i$ …")


def _join_run(children: list[Block], k: int) -> None:
    """Join to children[k] the paragraphs right after it that go on with its list (up to an item that introduces a
    formula, which stays with it)."""
    first = children[k].lines[0].text
    end = k + 1
    while end < len(children) and _one_item(children[end]) and _continues(first, children[end]) \
            and not _leads_formula(children, end) and not _leads_formula(children, k):
        end += 1
    if end > k + 1:
        children[k:end] = [Block(TEXT, [ln for b in children[k:end] for ln in b.lines], skip=children[k].skip)]
