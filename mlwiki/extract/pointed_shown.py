"""A card asked by a label that points at what stands above it shows what it points at.

Notes remark on a formula, a table or a piece of code by its place in it:

    $$\\sum_t \\eta_t = \\infty, \\qquad \\sum_t \\eta_t^2 < \\infty$$
    - first one: the steps can still travel arbitrarily far
      →  "… › First one" / "first one: the steps can still travel arbitrarily far"

    | kind | what it implies |  …  |
    How to derive row 2: $\\alpha_i < C \\Rightarrow \\mu_i > 0$ …
      →  "… › How to derive row 2?"

Alone, such a card asks "first one" of what, "row 2" of which table. Its front now shows the formula above, the
table's head and the row it names, or the code's end that "the last line" is; its id stays the one of the front it
had. A card whose label reads a figure by place ("Left to right: ℓ = 0.3 (wiggly), …" under an image) is no card:
the figure is not on it, and what the figure shows is the text's to say. Pure: cards and the note's blocks in,
cards out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.blocks import Block, all_lines
from mlwiki.extract.draft import Draft, written_by_hand
from mlwiki.extract.lines import CODE, HEADING, MATH, TEXT

# A part of something named by its place: "first one", "fourth term", "the last line", "row 2", "left to right"
_PLACE = (r"(?:first|second|third|fourth|fifth|sixth|last|final|top|bottom|middle|left|right)")
_PART = (r"(?:ones?|terms?|lines?|rows?|columns?|panels?|plots?|conditions?|cases?|halves|half|factors?|bullets?|"
         r"cells?)")
_POINTER = re.compile(rf"(?i)(?:^|.*\s)(?:(?:the[ \t]+)?{_PLACE}[ \t]+{_PART}|(?P<kind>row|column|line|panel)"
                      rf"[ \t]+(?P<n>\d{{1,2}})|left[ \t]+to[ \t]+right|right[ \t]+to[ \t]+left|"
                      r"top[ \t]+to[ \t]+bottom)\b"
                      r"(?:[ \t]+[\w'’]+){0,2}[^\w]*$")  # (its verb after it: "Why row 3 holds?")
_LABEL_WORDS = 6  # a label longer than this says what it asks of itself
_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,2}[.)])[ \t]+")
_LAST_LINE = re.compile(r"(?i)\blast[ \t]+lines?\b")
# a line that is only an image: Markdown's, a wiki embed's or HTML's
_IMAGE = re.compile(r"[ \t]*(?:!\[[^\]\n]*\]\([^)\n]*\)|!\[\[[^\]\n]+\]\]|<img\b[^>\n]*>)[ \t]*")
FIGURE = "\x00figure"  # what `_above` finds when a figure stands there: the card cannot show it
_SHOWN_FORMULA_CHARS = 400  # (a formula longer than this is a derivation of its own, no part of a front)
_SHOWN_CODE_LINES = 12
_CODE_REACH = 8  # the lines back from a "last line" remark its code may end at, past a paragraph on its output
_CODE_TAIL = 3  # the lines "the last line" of a longer piece of code shows: it and the two before it


def with_pointed_shown(drafts: list[tuple[list[Draft], str]], blocks: list[Block]) -> list[tuple[list[Draft], str]]:
    """The cards, each whose front ends on a label pointing at a place in the formula, table or code right above
    it (in its section) with that shown under its front."""
    if not any(_label(d) for ds, _ in drafts for d in ds):
        return drafts  # (the common case, said cheaply)
    lines = sorted(all_lines(blocks), key=lambda line: line.no)
    shown = []
    for ds, path in drafts:
        out = []
        for draft in ds:
            label = _label(draft)
            above = _above(lines, _own_line(lines, draft.line, label), label) if label else ""
            if above is FIGURE:
                continue  # (what it reads off a figure by place, "Left to right: …", asks nothing without it)
            if above and above not in draft.front and above not in draft.back:
                draft = replace(draft, front=f"{draft.front}\n\n{above}", id_front=draft.id_front or draft.front)
            out.append(draft)
        if out:
            shown.append((out, path))
    return shown


def _label(draft: Draft) -> str:
    """The label a card's front ends on when it points at a place ("… › First one"); '' otherwise."""
    if "\n\n" in draft.front or written_by_hand(draft):
        return ""
    label = draft.front.rsplit(" › ", 1)[-1].strip()
    if len(label.split()) > _LABEL_WORDS or not _POINTER.match(label):
        return ""
    return label


def _own_line(lines: list, start: int, label: str) -> int:
    """The line that opens on the label, from the card's first line on (a section's card starts at its heading);
    `start` when none does."""
    words = " ".join(re.sub(r"[*_`]", "", label).rstrip("?:. ").split()).casefold()
    for line in lines:
        if line.no >= start and line.kind == TEXT:
            text = " ".join(re.sub(r"[*_`]", "", _ITEM.sub("", line.text, 1)).split()).casefold()
            if text.startswith(words):
                return line.no
        elif line.no > start and line.kind == HEADING:
            break
    return start


def _above(lines: list, at: int, label: str) -> str:
    """What stands right above line `at` (past the list items beside the card's own): a formula, a table or code,
    as a front shows it; '' when it is none of these, or a heading comes first."""
    before = [line for line in lines if line.no < at]
    own = next((line for line in lines if line.no == at), None)
    k = len(before) - 1
    if own is not None and _ITEM.match(own.text):
        while k >= 0 and before[k].kind == TEXT and _ITEM.match(before[k].text):
            k -= 1  # (the items before it in its list: "second one" after "first one")
    if _LAST_LINE.search(label):
        while k >= 0 and before[k].kind == TEXT and at - before[k].no < _CODE_REACH:
            k -= 1  # (a remark on the run's output may stand between: "lines" are code's, not a paragraph's)
        if k < 0 or before[k].kind != CODE:
            return ""
    if k < 0 or before[k].kind == HEADING:
        return ""
    if before[k].kind == TEXT and _IMAGE.fullmatch(before[k].text):
        return FIGURE
    kind, end = before[k].kind, k
    table = kind == TEXT and before[k].text.lstrip().startswith("|")
    while k >= 0 and before[k].kind == kind and (not table or before[k].text.lstrip().startswith("|")) \
            and (before[k].no == before[k + 1].no - 1 if k < end else True):
        k -= 1
    run = [line.text for line in before[k + 1:end + 1]]
    if kind == MATH:
        return _formula(run)
    if kind == CODE:
        return _code(run, label)
    return _row(run, label) if table else ""


def _formula(run: list[str]) -> str:
    body = "\n".join(run).strip()
    inner = body.removeprefix("$$").removesuffix("$$").strip() if body.startswith("$$") else body
    if not inner or len(inner) > _SHOWN_FORMULA_CHARS:
        return ""
    return f"$${inner}$$"


def _code(run: list[str], label: str) -> str:
    if len(run) < 3:
        return ""
    fence, body, close = run[0], run[1:-1], run[-1]
    if len(body) > _SHOWN_CODE_LINES:
        if not _LAST_LINE.search(label):
            return ""
        body = ["…"] + [line for line in body if line.strip()][-_CODE_TAIL:]
    return "\n".join([fence, *body, close])


def _row(run: list[str], label: str) -> str:
    """The table's head and the row a label names by number ("row 2": the second under the head); '' when it
    names none."""
    match = _POINTER.match(label)
    if not match or match.group("kind") is None or match.group("kind").lower() != "row":
        return ""
    rows = [line.strip() for line in run if re.search(r"[^|\s:-]", line)]  # (no rule line, no empty head)
    number = int(match.group("n"))
    if len(rows) <= number or number < 1:
        return ""
    return "\n".join([rows[0], "| --- " * (rows[0].count("|") - 1) + "|", rows[number]])
