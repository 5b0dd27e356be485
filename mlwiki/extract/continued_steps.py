"""A numbered list of steps that a display formula breaks at the margin and that goes on after it:

    1. Draw a sample …
    2. For $b = 1..B$: …
    3. Take the spread:

    $$ … $$

    4. Report the estimate …

Read paragraph by paragraph, the steps before the formula are one list and those after it another: the steps card
held the first steps only, or none, and the later steps went on a card of the formula ("What it says" → "4. Report
…"). Read as one list, the formula indented under the step that leads into it (as Markdown would nest it), the
steps are one card in order, and the formula keeps its own card. Pure: blocks in, the back and the blocks it took
out.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block
from mlwiki.extract.lines import TEXT, Line
from mlwiki.extract.steps import goes_on_later, steps_back, steps_front

_STEP = re.compile(r"(\d+)[.)][ \t]")  # (a step at the left margin)
MAX_BLOCKS = 8  # (of paragraphs and formulas the list may run over)


def continued_steps(block: Block, later: list[Block], taken: set[int]) -> tuple[str, int] | None:
    """The back of one steps card for `block`'s numbered list and the paragraphs after it that go on with it
    across display formulas (each formula right after a step that leads into it with a colon, the next paragraph
    opening with the next number), and how many of `later` it took; None when the list does not go on after a
    formula, or is no list of steps."""
    lines, used, number = list(block.lines), 0, _last_step(block.lines)
    while number and used + 1 < len(later) and used < MAX_BLOCKS and _only_math(later[used]) \
            and lines[-1].text.rstrip().endswith(":") and _opens_step(later[used + 1], number + 1):
        # (the step before it leads into the formula, "3. Average:"; a formula no step introduces is a step of its
        # own, "$w \leftarrow …$" between "2. Predict" and "3. Repeat", which the steps card would leave out)
        lines += [Line(ln.no, "   " + ln.text, ln.kind) for ln in later[used].lines]  # (under the step before it)
        lines += later[used + 1].lines
        used, number = used + 2, _last_step(later[used + 1].lines)
    if not used:
        return None
    back = steps_back(lines, taken)
    return (back, used) if back is not None else None


def _last_step(lines: list[Line]) -> int:
    """The number of the last step at the margin of a paragraph (0 when it has none)."""
    found = [int(m.group(1)) for ln in lines if ln.kind == TEXT and (m := _STEP.match(ln.text))]
    return found[-1] if found else 0


def _only_math(block: Block) -> bool:
    """Whether a paragraph is a display formula at the left margin and nothing else (one indented under a step is
    that step's already, as the list is read)."""
    return bool(block.lines) and all(ln.kind != TEXT and ln.text[:1] not in " \t" for ln in block.lines)


def _opens_step(block: Block, number: int) -> bool:
    """Whether a paragraph opens with step `number` at the margin."""
    first = block.lines[0] if block.lines else None
    return first is not None and first.kind == TEXT and (m := _STEP.match(first.text)) is not None \
        and int(m.group(1)) == number


def whole_steps(block: Block, later: list[Block], taken: set[int], path: str) -> tuple[str, int] | None:
    """The back of the steps card of `block` under `path` (with the steps it goes on with after a formula) and how
    many of `later` it took; None when `block` is no list of steps, or one that goes on in a way not read here."""
    if steps_front(path) != path and (found := continued_steps(block, later, taken)) is not None:  # (not under
        # "Properties": a numbered list of sides, no steps, whose items are read one by one)
        return found
    back = steps_back(block.lines, taken)
    return (back, 0) if back is not None and not goes_on_later(back, [after.lines for after in later]) else None
