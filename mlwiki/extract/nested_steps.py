"""An algorithm written as a numbered list with a loop in it: steps, one of which holds sub-steps ("1. init the
weights", "2. for $m = 1..M$:" over "1. fit …", "2. weighted error" and its `$$…$$`, …, "3. output the sign of
the vote"), asked as one steps card, "… › steps" → the whole list in order, its formulas in place.

Read as an outline, the loop was a card of its own ("… › for $m = 1..M$" → its sub-steps) and the steps around it
(the initialisation, the output) were on no card; a sub-step whose formula is a card of its own was a bare label
there ("1. **pseudo-residuals**", "3. leaf line search: for each leaf"). Here every step keeps its text, and a
label over its formula keeps the formula under it (the formula's own card still asks for it alone). Pure: a
paragraph's lines in, the back out.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block
from mlwiki.extract.lines import LIST_ITEM, TEXT

MIN_STEPS, MAX_STEPS = 2, 9
MAX_WORDS = 160  # (of the steps' words, formulas aside: more is a page to reread, not a procedure to recall)
MAX_LINES = 24
_STEP = re.compile(r"(\d+)[.)][ \t]+")
_LINK_ONLY = re.compile(r"\[\[[^\]\n]*\]\]|\[[^\]\n]*\]\([^()\n]*\)")  # (a step that is only a link)


def nested_steps_back(block: Block, whole: Block | None = None) -> str | None:
    """The back of the steps card of a list as said above: numbered steps from 1 in order at the left margin, at
    least one of them holding numbered sub-steps (one level, none only a link) and at least one holding none, formulas only indented under a
    step; None for any other paragraph. `block`: the list's lines no other card took, of the list `whole` (the
    lines that introduce its formulas, and the formulas, are free to be steps)."""
    lines = (whole or block).lines
    if whole is not None and not _only_formulas_taken(block, whole):
        return None  # (a term or a claim in it is a card: the list is not read as steps alone)
    kept = [ln for ln in lines if ln.text.strip()]
    if not kept or kept[0].kind != TEXT or len(kept) > MAX_LINES:
        return None
    steps, nested, indents = 0, set(), set()  # (the steps, those with sub-steps under them, the sub-steps' margins)
    for ln in kept:
        if ln.kind == TEXT and _LINK_ONLY.fullmatch(_STEP.sub("", ln.text.strip(), 1)):
            return None  # ("1. [[#Interpret the p-value|…]]": a page's table of contents, no procedure)
        if ln.text[:1] not in " \t":
            match = _STEP.match(ln.text) if ln.kind == TEXT else None
            if match is None or int(match.group(1)) != steps + 1:
                return None  # (a paragraph, a formula or a bullet at the margin: no list of steps alone)
            steps += 1
        elif ln.kind == TEXT and LIST_ITEM.match(ln.text):
            if not _STEP.match(ln.text.lstrip()):
                return None  # (bullets under a step: its options or parts, an outline's branch to card alone)
            nested.add(steps)
            indents.add(ln.text[:len(ln.text) - len(ln.text.lstrip())])
    if not MIN_STEPS <= steps <= MAX_STEPS or not nested or len(nested) == steps or len(indents) > 1:
        return None  # (every step an outline's branch: each its own card, nothing is left out)
    if sum(len(ln.text.split()) for ln in kept if ln.kind == TEXT) > MAX_WORDS:
        return None
    return "\n".join(ln.text.rstrip() for ln in kept)  # (a formula's lines as written, indented under its step)


def _only_formulas_taken(block: Block, whole: Block) -> bool:
    """Whether each line of the list `whole` left out of `block` is a formula or the step right above one."""
    left = {ln.no for ln in block.lines}
    lines = [ln for ln in whole.lines if ln.text.strip()]
    return all(ln.no in left or ln.kind != TEXT or k + 1 < len(lines) and lines[k + 1].kind != TEXT
               for k, ln in enumerate(lines))
