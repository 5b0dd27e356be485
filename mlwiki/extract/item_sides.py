"""What a list's items carry besides their one point, for `list_clozes`: a numbered list is steps in their order,
one answer ("What are the steps of X?"), while its steps are bare; once most steps carry a side fact each (why the
step is there, when to skip it, what it equals: a second sentence or a remark in brackets), or the items are
claims numbered only to count them, the list is too much for one recall and is asked item by item. And an item
whose sentence runs over several lines (a wrapped paragraph) is one claim, not an outline's branch. Pure text in,
answers out."""

from __future__ import annotations

import re

from mlwiki.extract.lines import LIST_ITEM
from mlwiki.extract.prose import clean_prose, sentences

MIN_ASIDE_WORDS = 2  # a remark in brackets this long says something of its own ("(right singular vectors)")
MIN_SIDED = 2  # fewer items with a side fact than this: a list of steps, one answer
# A remark in brackets, inline ("(Optional)" is one word: a mark on the step, no fact)
_ASIDE = re.compile(r"\(([^()\n]{3,200})\)")
_MATH = re.compile(r"\$[^$\n]*\$")
_MARKS = re.compile(r"\*\*|__|==")  # (emphasis closing a bold lead sentence, "**Order is lost.** Two …")


def has_side_fact(item: str) -> bool:
    """Whether a list item says more than its one point: two sentences or more, or a remark in brackets of a few
    words ("Center the columns. (Without it the first component points at the mean.)")."""
    said = _MATH.sub("x", LIST_ITEM.sub("", item, count=1))
    if len([s for s in sentences(" ".join(_MARKS.sub("", clean_prose(said)).split())) if len(s.split()) >= 2]) >= 2:
        return True
    return any(len(clean_prose(found[1]).split()) >= MIN_ASIDE_WORDS for found in _ASIDE.finditer(said))


def steps_with_sides(items: list[str]) -> bool:
    """Whether a numbered list's items are asked apart: at least `MIN_SIDED` of them, and at least half, carry a
    side fact (`has_side_fact`); bare steps stay one card, the procedure recalled in order."""
    sided = sum(map(has_side_fact, items))
    return sided >= MIN_SIDED and 2 * sided >= len(items)


def wrapped(nested: list[str]) -> bool:
    """Whether the lines under an item's first line are that item's sentence wrapped on (indented, no blank line,
    no list marker): one claim over several lines, not the branch of an outline."""
    return all(line.strip() and line[:1].isspace() and not LIST_ITEM.match(line) for line in nested)


# A line opening on a pro or con sign ("\+ robust to outliers\", "− slow on large data"): Outline and other editors
# write a list of strengths and weaknesses as such lines joined by hard breaks, not as a Markdown list
_SIGNED = re.compile(r"(?:\\\+|\+|[−–])[ \t]+\S")
_HARD_BREAK = re.compile(r"[ \t]*\\$")


def signed_list(back: str) -> str:
    """A back of two or more pro/con lines and nothing else ("\\+ finds any shape\\", "− one global radius"), as the
    Markdown list it is ("- \\+ finds any shape", "- − one global radius"), each sign kept on its item; '' when the
    back is anything else."""
    lines = back.strip().split("\n")
    if len(lines) < 2 or not all(_SIGNED.match(line) for line in lines):
        return ""
    return "\n".join(f"- {_HARD_BREAK.sub('', line)}" for line in lines)
