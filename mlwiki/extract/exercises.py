"""An exercise the author answers right under it: a MyST `{exercise}` and the `{solution}` that names it (sphinx-
exercise; often `:class: dropdown`, or written `{solution-start}` … `{solution-end}`) is one card, front the
exercise's question under its heading path, back the solution as written.

A book puts in its exercises what it wants a reader to be able to answer ("Why does a hash table double its array
rather than grow it by a constant?", "Show that …"); its worked examples stay out all the same: an exercise whose
solution works numbers out (`$12 / 16 = 0.75$`, `$\log_2 8 = 3$` bits) practises a formula on made-up values and
makes no card, nor does one too long to recall or one that holds code. Pure: blocks in, a card out.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, card_text_lines
from mlwiki.extract.formulas import is_worked_example
from mlwiki.extract.lines import CODE, COMMENT, DIV_OPEN, MATH, TEXT, Line
from mlwiki.extract.subject import computes_numbers
from mlwiki.render.spans import SIMPLE_INLINE_MATH

FORM = "exercise"
MAX_QUESTION_WORDS = 80
MAX_SOLUTION_WORDS = 150
_LABEL = re.compile(r"[ \t]*:label:[ \t]*(\S+)")
_GATED = re.compile(r"[ \t]*(`{3,}|:{3,})\{solution-start\}[ \t]*(\S*)")
_GATED_END = re.compile(r"[ \t]*(`{3,}|:{3,})\{solution-end\}")
_DISPLAY = re.compile(r"\$\$(.+?)\$\$", re.S)
# Arithmetic written out in prose or math: "0.1 \cdot 1 = 0.1", "3 + 4 = 7" (not "13 deltas + 13 delta-deltas")
_ARITHMETIC = re.compile(r"\d[ \t]*(?:[+*/×=]|\\cdot|\\times)[ \t]*\d")


def exercise_card(ex, blocks: list[Block], i: int) -> int | None:
    """The card of the `{exercise}` at blocks[i] with the solution right after it; the index of the block after
    that solution, or None when they make no card (no solution, one that works numbers out, too long)."""
    exercise = blocks[i]
    if i + 1 >= len(blocks) or not (ex.ctx.sections or ex.ctx.question_callouts):
        return None
    label, question = _exercise_text(exercise)
    solution = _solution_lines(blocks[i + 1], label)
    if not question or not solution:
        return None
    back = "\n".join(ln.text for ln in solution).strip()
    if not _worth_a_card(question, back):
        return None
    title = exercise.attrs.get("title", "").strip()  # ("{exercise} Ridge": what it is about)
    front = f"{ex.heading_path()}{f' › {title}' if title else ''}\n\n{question}"
    ex.add_card(FORM, front, back, exercise.start)
    return i + 2


def _exercise_text(div: Block) -> tuple[str, str]:
    """(label, question) of an exercise directive: its `:label:` option and its text."""
    label, lines = "", []
    for child in div.children or []:
        if child.kind != TEXT:
            return label, ""  # (a heading, a box or a fold inside: more than one question)
        for ln in child.lines:
            if ln.kind == COMMENT and (match := _LABEL.match(ln.text)):
                label = match.group(1)
            elif ln.kind in (TEXT, MATH):
                lines.append(ln)
            elif ln.kind == CODE:
                return label, ""
    return label, _joined(lines)


def _solution_lines(block: Block, label: str) -> list[Line]:
    """The text and math lines of the solution `block` is, when it answers the exercise labelled `label` (a
    solution that names no exercise answers the one before it); [] for any other block."""
    if block.kind != DIV_OPEN or block.attrs.get("myst") != "solution" or (block.attrs.get("title") or label) != label:
        return []
    lines = [ln for child in block.children or [] if child.kind == TEXT for ln in child.lines]
    if len(lines) != sum(len(child.lines) for child in block.children or []) or any(ln.kind == CODE for ln in lines):
        return []  # (a heading, a box or code inside: not one answer to recall)
    return [ln for ln in lines if ln.kind in (TEXT, MATH)]


def gated_solutions(blocks: list[Block]) -> None:
    """Read each solution written between `{solution-start} label` and `{solution-end}` (one paragraph: its fences
    are code lines) as the `{solution}` directive it stands for, in place: a div of its text, which no section
    takes as its own (it answers the exercise, on that card, or is an example's work, on none)."""
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


def _joined(lines: list[Line]) -> str:
    """Lines of a question as one text: its sentences on one line, a display formula on lines of its own."""
    if any(ln.kind == MATH for ln in lines):
        return "\n".join(ln.text for ln in lines).strip()
    return " ".join(ln.text.strip() for ln in lines if ln.text.strip())


def _worth_a_card(question: str, back: str) -> bool:
    """Whether a question and its solution are short enough to recall, and the solution states something rather
    than works numbers out."""
    if len(question.split()) > MAX_QUESTION_WORDS or len(back.split()) > MAX_SOLUTION_WORDS or not back:
        return False
    formulas = [m.group(1) for m in _DISPLAY.finditer(back)] + \
        [m.group(1) for m in SIMPLE_INLINE_MATH.finditer(_DISPLAY.sub(" ", back))]
    if any(is_worked_example(f) or computes_numbers(f) or _ARITHMETIC.search(f) for f in formulas):
        return False
    return not _ARITHMETIC.search(SIMPLE_INLINE_MATH.sub(" ", _DISPLAY.sub(" ", back)))
