"""A paragraph that is only a bold phrase titles what follows it, as a heading would.

Notes title a part of a section with a bold line instead of a heading, in slides' columns and in plain prose alike:

    **Xavier / Glorot** [@glorot2010]

    Compromise between the two:
    $$\\sigma_w^2 = \\frac{2}{n_\\text{in}+n_\\text{out}}$$

The formula's card asked "Init › Compromise between the two:", naming neither Xavier nor Glorot. Read as a heading
below every real one, the bold line puts its name on the fronts of what it titles, up to the next
heading, the next such line or the end of the box it stands in; a paragraph that opens on a bold name of its own
("**Expected improvement** — …") is a sibling of the title, so the line titles nothing and its paragraphs are parts of
their section (`mlwiki.extract.parts`). Only a title: a short phrase, no sentence's end, no
question (a bold question is asked as one), no colon or list after it (a bold label over a list is the list's label).

Pure: lines in, the same lines with those titles marked as headings.
"""

from __future__ import annotations

import re

from mlwiki.extract.lines import BLANK, DIV_CLOSE, DIV_OPEN, HEADING, LIST_ITEM, MATH, TEXT, Line
from mlwiki.extract.passages import RULE

# The bold phrase alone on its line, maybe with a citation or a short bracket after it
_BOLD_TITLE = re.compile(r"\*\*(?P<title>[^*\n]{2,60}?)\*\*[ \t]*(?:\[@[^\]\n]{1,60}\]|\([^()\n]{1,40}\))?[ \t]*")
MAX_WORDS = 8
# Below every real heading: the next heading of any level ends what a bold title titles, and none is its child
BOLD_TITLE_LEVEL = "7"
# A paragraph led by a bold name and a dash, bracket or colon: a part beside the one a bold title titles, not in it
_PARALLEL_LEAD = re.compile(r"\*\*[^*\n]{2,60}?\*\*[ \t]*(?:—|--|\(|:)")
_NOT_PROSE = frozenset("|<!")  # (a table's row, an HTML tag, an image: what a bold line over them captions)
_NOT_TITLE_END = frozenset(".!?:;,")


def mark_bold_titles(lines: list[Line]) -> bool:
    """Turn each bold-title line (see the module's docstring) into a heading; whether any was."""
    marked = False
    for i, line in enumerate(lines):
        if line.kind == TEXT and line.text[:2] == "**" and _is_title(lines, i):
            title = _BOLD_TITLE.fullmatch(line.text.strip()).group("title").strip()
            lines[i] = Line(line.no, title, HEADING, BOLD_TITLE_LEVEL)
            marked = True
    return marked


def _is_title(lines: list[Line], i: int) -> bool:
    """Whether line i is a bold title (`_looks_like_title`) whose part ends cleanly (`_ends_cleanly`)."""
    return _looks_like_title(lines, i) and _ends_cleanly(lines, i)


def _looks_like_title(lines: list[Line], i: int) -> bool:
    """Whether line i reads as a bold title: alone between blank lines (or a box's edges), a short phrase, prose or
    a formula after it, not a list (a bold label over a list is its label) nor code or a table (it is their
    caption)."""
    match = _BOLD_TITLE.fullmatch(lines[i].text.strip())
    if match is None:
        return False
    title = match.group("title").strip()
    if title[-1:] in _NOT_TITLE_END or len(title.split()) > MAX_WORDS or "$" in title:
        return False
    before = lines[i - 1].kind if i else BLANK
    after = lines[i + 1].kind if i + 1 < len(lines) else BLANK
    if before not in (BLANK, HEADING, DIV_OPEN) or after not in (BLANK, DIV_CLOSE):
        return False
    following = next((ln for ln in lines[i + 1:] if ln.kind != BLANK), None)
    return following is not None and (following.kind == MATH or following.kind == TEXT and
                                      following.text.lstrip()[:1] not in _NOT_PROSE and
                                      not LIST_ITEM.match(following.text))


def _ends_cleanly(lines: list[Line], i: int) -> bool:
    """Whether what the bold title at line i would title ends at a heading, the next bold title or the end of its
    box: a rule (`---`) or a bold line over a list ("**Summary**") in between starts a part it does not title."""
    depth = 0
    for j in range(i + 1, len(lines)):
        line = lines[j]
        if line.kind == HEADING or line.kind == DIV_CLOSE and depth == 0:
            return True
        depth += line.kind == DIV_OPEN
        depth -= line.kind == DIV_CLOSE
        if line.kind == TEXT and line.text[:2] == "**" and _BOLD_TITLE.fullmatch(line.text.strip()):
            return _looks_like_title(lines, j)  # (the next title ends it; a bold label over a list does not)
        if line.kind == TEXT and RULE.fullmatch(line.text):
            return False
        if line.kind == TEXT and line.text[:2] == "**" and lines[j - 1].kind == BLANK \
                and _PARALLEL_LEAD.match(line.text):
            return False  # ("**Expected improvement** — …" after "**Probability of improvement**": a sibling part)
    return True
