"""A MyST solution written `{solution-start} label` … `{solution-end}` (sphinx-exercise's gated form) read as the
`{solution}` directive it stands for, so that, like every `{exercise}` and `{solution}`, it is on no card: an
exercise is the author's practice, set apart (issue 23: worked examples and exercises are not cards). Pure: blocks
in, blocks out.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, card_text_lines
from mlwiki.extract.lines import CODE, DIV_OPEN, TEXT, Line

_GATED = re.compile(r"[ \t]*(`{3,}|:{3,})\{solution-start\}[ \t]*(\S*)")
_GATED_END = re.compile(r"[ \t]*(`{3,}|:{3,})\{solution-end\}")


def gated_solutions(blocks: list[Block]) -> None:
    """Read each solution written between `{solution-start} label` and `{solution-end}` (one paragraph: its fences
    are code lines) as the `{solution}` directive it stands for, in place: a div of its text, which no section
    takes as its own."""
    stack = [blocks]
    while stack:
        level = stack.pop()
        for k, block in enumerate(level):
            if block.kind == DIV_OPEN:
                stack.append(block.children or [])
            elif block.kind == TEXT and (match := _GATED.match(block.lines[0].text)) and (lines := _gated(block.lines)):
                level[k] = Block(DIV_OPEN, block.lines[:1], [Block(TEXT, lines)],
                                 {"classes": ["solution"], "title": match.group(2), "myst": "solution"})


def _gated(lines: list[Line]) -> list[Line]:
    """The lines between `{solution-start}` and `{solution-end}`, when the paragraph ends with that end; else []."""
    for k, ln in enumerate(lines):
        if ln.kind == CODE and _GATED_END.match(ln.text):
            rest = lines[k + 1:]
            if len(rest) > 1 or any(r.kind != CODE or r.text.strip().strip("`:") for r in rest):
                return []  # (text after the solution's end: a paragraph of its own, not handled here)
            return [x for x in card_text_lines(lines[:k]) if x.kind != CODE]
    return []
