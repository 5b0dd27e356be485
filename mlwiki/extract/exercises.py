"""Exercises and their answers set apart, so that, like every MyST `{exercise}` and `{solution}`, they are on no card:
an exercise is the author's practice, set apart (issue 23: worked examples and exercises are not cards). Pure:
blocks in, blocks out. The forms written for mlwiki (`Q:`/`A:`, `::`, card divs, clozes) still make cards in them.

- a MyST solution written `{solution-start} label` … `{solution-end}` (sphinx-exercise's gated form) is read as the
  `{solution}` directive it stands for;
- a Quarto exercise or example numbered for cross-references (`::: {#exr-…}`, `::: {#exm-…}`) is read as one;
- a paragraph (a notebook's markdown cell) that opens on an emphasised label of a task (`**Exercise 2.1**`,
  `**Problem 3.**`, `✏️ *Your turn*`, `**Try it:**`) is an exercise, up to the next heading or block that is not
  its answer;
- what answers an exercise right after it, set apart in its turn: a box titled Solution, Answer or Hint (by its
  title or first heading: Quarto's `::: {.callout-tip collapse="true"}` over `## Solution`), a fold that only
  says it unfolds (`<details><summary>Answer</summary>`), a paragraph that opens on `Answer:` or `**Solution.**`,
  and the code between.
"""

from __future__ import annotations

import re

from mlwiki.extract.chore_boxes import set_aside as set_chores_aside
from mlwiki.extract.named_examples import read_as_statements
from mlwiki.extract.blocks import Block, card_text_lines
from mlwiki.extract.lines import CODE, COMMENT, DIV_OPEN, HEADING, LIST_ITEM, TEXT, Line
from mlwiki.extract.subject import EXAMPLE_CLASSES, is_example_title

FORM = "exercise"  # (what `check` counts as set apart: each exercise, example or solution the walk steps into)
_GATED = re.compile(r"[ \t]*(`{3,}|:{3,})\{solution-start\}[ \t]*(\S*)")
_GATED_END = re.compile(r"[ \t]*(`{3,}|:{3,})\{solution-end\}")
# Quarto's cross-reference prefixes of exercises and examples, and the class each is read as
_NUMBERED = {"exr-": "exercise", "exm-": "example"}
# A label that sets a task, emphasised at a paragraph's start (after an emoji, "✏️"): "**Exercise 2.1**",
# "**Exercises:**", "**Problem 3.**", "*Your turn*", "**Try it yourself:**"; not "**Problem:**" (what goes wrong)
_TASK = re.compile(r"[ \t]*(?:[^\w\s*_$\[(<>|#-]{1,3}[ \t]*)?(\*\*|__|\*|_)[ \t]*((?:exercises?|excercises?|"
                   r"(?:problem|quiz|homework)[ \t]*\d|your[ \t]+turn|try[ \t]+(?:it|this)\b)[^*_\n]{0,60}?)[ \t]*"
                   r"\1(?![*_])", re.I)
# An answer's opening: "Answer: …", "**Solution.** …", "*Hint*: …", "My answer — …"
_ANSWER = re.compile(r"[ \t]*(?:[^\w\s*_$\[(<>|#-]{1,3}[ \t]*)?(\*\*|__|\*|_)?[ \t]*(?:my[ \t]+)?(?:answers?|"
                     r"solutions?|hints?|sol|ans)\b[ \t]*(?:\d[\w.]*[ \t]*)?(?:[:.—–-]|\1(?![*_]))", re.I)
# A box's title that says it holds an exercise's answer ("Solution", "Show the answer", "Hint 2")
_ANSWER_TITLE = re.compile(r"(?i)[\W_]*(?:(?:show|see|reveal|click\s+for|the|my)\s+)*(?:answers?|solutions?|hints?)"
                           r"\b.*")
# A plain label of a task the writer sets themself, at a paragraph's start: "Exercise for myself: compute …", "Try it
# yourself: …" (not "Exercise:" alone, nor an emphasised one, which `_TASK` reads)
_OWN_TASK = re.compile(r"(?i)[ \t]*()((?:exercises?|practice|try (?:it|this)(?: out)?) for (?:me|myself|future me)|try "
                       r"(?:it|this) (?:myself|yourself))[ \t]*:[ \t]")
_CHEAP = ("xercise", "xample", "{#ex", "roblem", "our turn", "ry it", "ry this", "uiz", "omework")


def set_apart(blocks: list[Block], body: str) -> None:
    """Set apart, in place, the exercises of a note and their answers (see the module's docstring): each is read as
    a div of class `exercise` (`example`, `solution`), which no section takes as its own and the walk makes no
    card of. `body`: the note's text, which says cheaply whether there can be any."""
    read_as_statements(blocks, body)  # (`> [!example] Ridge regression`: a result, no exercise)
    set_chores_aside(blocks, body)  # (`> [!todo] Draft`: the writer's chores, no card)
    if "{solution-start}" in body:
        gated_solutions(blocks)
    if not any(word in body for word in _CHEAP):
        return
    stack = [blocks]
    while stack:
        level = stack.pop()
        k = 0
        while k < len(level):
            block = level[k]
            if block.kind == DIV_OPEN:
                stack.append(block.children or [])
                if _exercise_div(block):
                    k = _set_answers_apart(level, k + 1)
                    continue
            elif block.kind == TEXT and (_may_open(block.lines[0].text) and (label := _TASK.match(block.lines[0].text))
                                         or (label := _OWN_TASK.match(block.lines[0].text))):
                end = _answered_to(level, k + 1 + _prompt_list(level, k + 1))
                level[k:end] = [_div("exercise", level[k:end], label.group(2).strip(" :."))]
            k += 1


def _exercise_div(block: Block) -> bool:
    """Whether a div holds an exercise or a worked example (its class, its title, a Quarto `#exr-`/`#exm-` id,
    which makes it read as of that class)."""
    classes = block.attrs.setdefault("classes", [])
    number = block.attrs.get("id", "")[:4]
    if number in _NUMBERED and _NUMBERED[number] not in classes:
        classes.append(_NUMBERED[number])
    return bool(EXAMPLE_CLASSES.intersection(classes)) or is_example_title(block.attrs.get("title", ""))


def _set_answers_apart(level: list[Block], k: int) -> int:
    """Read each answer from k on as a solution (a box, of that class; a paragraph or code, in a div of it); the
    index of the first block after them."""
    end = _answered_to(level, k)
    for j in range(k, end):
        if level[j].kind != DIV_OPEN:
            level[j] = _div("solution", [level[j]])
        elif not EXAMPLE_CLASSES.intersection(classes := level[j].attrs.setdefault("classes", [])):
            classes.append("solution")
    return end


def _may_open(text: str) -> bool:
    """Whether a paragraph's first line may open on an emphasised label (after an emoji): asked before `_TASK`."""
    first = text.lstrip()[:1]
    return first in ("*", "_") or bool(first) and not first.isascii()


def _prompt_list(level: list[Block], k: int) -> int:
    """1 when the block at k is a list that goes on with the exercise's prompt before it (its parts, "1. Compute …"),
    else 0."""
    return int(k < len(level) and level[k].kind == TEXT and bool(LIST_ITEM.match(level[k].lines[0].text)))


def _answered_to(level: list[Block], k: int) -> int:
    """The index of the first block from k on that is no answer to the exercise before it (see `_answers`); code
    after the last answer is none of the exercise's (a figure's code under it)."""
    end = k
    while k < len(level) and (answer := _answers(level[k])):
        k += 1
        end = k if answer is True else end
    return end


_CODE = "code"  # (what `_answers` says of code: a block that goes on with the exercise, answering it only before one)


def _answers(block: Block) -> bool | str:
    """Whether a block right after an exercise (or its answers) answers it: a box titled as an answer or a fold that
    only says it unfolds, a paragraph that opens on an answer's label, or only code (the exercise's own)."""
    if block.kind == TEXT:
        return bool(_ANSWER.match(block.lines[0].text)) or \
            (all(ln.kind in (CODE, COMMENT) for ln in block.lines) and _CODE)
    if block.kind != DIV_OPEN:
        return False
    classes = block.attrs.get("classes", ())
    title = block.attrs.get("title", "").strip()
    if not title and block.children and block.children[0].kind == HEADING:
        title = block.children[0].lines[0].text
    return "solution" in classes or "details" in classes and not title or bool(_ANSWER_TITLE.fullmatch(title))


def _div(kind: str, blocks: list[Block], title: str = "") -> Block:
    """The blocks as one div of class `kind` (a line of its own at the first block's line, no text)."""
    return Block(DIV_OPEN, [Line(blocks[0].start, "", DIV_OPEN, "")], blocks, {"classes": [kind], "title": title},
                 end=blocks[-1].end or blocks[-1].lines[-1].no)


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
