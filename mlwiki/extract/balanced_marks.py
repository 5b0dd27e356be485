"""Emphasis marks a cut left open, taken off every side of a card once the walk is done. A front or a back is cut
out of the note's text in many places (a cloze's blank, a heading path made of a parent bullet, a label cut at a
sentence's end), and a cut through `**bold**` or `==highlight==` leaves one mark with no partner
("==forgetting x = [...]", "For **plain SGD they agree"), which a renderer shows raw or lets run to the end.
Each paragraph (and each part of a heading path) whose marks of a kind do not pair loses the marks left over;
the marks that pair, and everything in code or math, stay as written. A front so mended keeps its id."""

from __future__ import annotations

import re

from mlwiki.extract.draft import with_sides
from mlwiki.render.spans import code_spans, math_spans

_MARK = re.compile(r"\*{2,3}|={2,}")  # (a run of stars or of equals signs: only `**`/`***` and `==` are marks)
_FENCE = re.compile(r"^[ \t]*(?:```|~~~)", re.M)
_PATH_GAP = " › "


def balanced_marks(drafts: list) -> list:
    """The (sibling drafts, heading path) pairs with no unpaired `**` or `==` on any card's front or back."""
    return [([_balanced_draft(d) for d in siblings], path) for siblings, path in drafts]


def _balanced_draft(draft):
    if "**" not in draft.front + draft.back and "==" not in draft.front + draft.back:
        return draft
    return with_sides(draft, balanced(draft.front), balanced(draft.back))


def balanced(text: str) -> str:
    """The text with the unpaired emphasis marks of each paragraph (and heading-path part) taken off."""
    if "**" not in text and "==" not in text:
        return text
    return "\n\n".join(_balanced_paragraph(p) for p in text.split("\n\n"))


def _balanced_paragraph(paragraph: str) -> str:
    if _FENCE.search(paragraph):
        return paragraph  # (a code block's text is the code's: its stars are operators)
    return _PATH_GAP.join(_balanced_part(part) for part in paragraph.split(_PATH_GAP))


def _balanced_part(text: str) -> str:
    shielded = code_spans(text) + math_spans(text)
    marks = [m for m in _MARK.finditer(text) if _is_mark(text, m) and not _inside(m.start(), shielded)]
    drop: list[re.Match] = []
    for kind in ("*", "="):
        same = [m for m in marks if m.group()[0] == kind]
        if len(same) % 2:
            drop += _unpaired(text, same)
    for m in sorted(drop, key=lambda m: m.start(), reverse=True):
        text = text[: m.start()] + text[m.start() + 2:]  # (of `***`, the bold pair: the italic star stays)
    return text


def _is_mark(text: str, m: re.Match) -> bool:
    """Whether a run is an emphasis mark: `==` exactly (not `===`), and not standing alone between spaces
    ("a == b", "2 ** 3")."""
    if m.group()[0] == "=" and len(m.group()) != 2:
        return False
    before = text[m.start() - 1] if m.start() else " "
    after = text[m.end()] if m.end() < len(text) else " "
    return not (before.isspace() and after.isspace())


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _unpaired(text: str, marks: list[re.Match]) -> list[re.Match]:
    """The marks of one kind no partner closes: a mark after a word closes the last one open; one before a word
    opens; a closer with none open, and the openers still open at the end, are left over."""
    waiting: list[re.Match] = []
    left: list[re.Match] = []
    for m in marks:
        after = text[m.end()] if m.end() < len(text) else " "
        before = text[m.start() - 1] if m.start() else " "
        if waiting and not before.isspace():
            waiting.pop()  # (it closes the last one open)
        elif not after.isspace():
            waiting.append(m)
        else:
            left.append(m)
    return left + waiting


def sentences_ended(drafts: list) -> list:
    """The (sibling drafts, heading path) pairs with a back that a cut left ending on a comma or semicolon ("…
    comes from it," once ", see [[experiments]]." went) ended as the sentence it now is."""
    return [([_ended(d) for d in siblings], path) for siblings, path in drafts]


def _ended(draft):
    back = draft.back.rstrip()
    if back[-1:] not in (",", ";") or back[-2:-1] in (",", ";") or "\n" in back[-80:] and back.rsplit("\n", 1)[1][:1] in "|$`":
        return draft
    return with_sides(draft, draft.front, back[:-1] + ".")
