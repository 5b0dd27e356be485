"""A note's title heading: its first heading, when that is an H1 — or, in a note without an H1, a heading of any
level at the very top that no heading of its level or higher follows ("Kalman: A New Approach to Linear Filtering"
over `-----`, then `### Main idea`, `### My view`): the writer titled the note with it, as with an H1, so the note's
cards are rooted in it, not in the file name. Only when the file name is a slug of it (a word of `kalman-1960` in
it) or names nothing ("Overview"): under `Churn model.md` a lone "## Modelling" is a section of the churn model,
and the file name stays the root.

Such a title changes the fronts of the note's cards ("kalman-1960 › Kalman: … › Main idea" becomes "Kalman: … ›
Main idea"); `keep_ids` gives each card the id it had before, so its review history stays. Pure.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from mlwiki.extract.blocks import Block
from mlwiki.extract.daily import is_date
from mlwiki.extract.defining import stems
from mlwiki.extract.draft import Draft
from mlwiki.extract.lines import HEADING, TEXT, heading_level
from mlwiki.extract.prose import heading_text
from mlwiki.extract.subject import names_nothing, names_subject
from mlwiki.models import CardKind

_SEPARATORS = re.compile(r"[-_.]+")  # between a file name's words: "kalman-1960"
_SLUG = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)+")  # a file name made for a URL: lower case, words joined


def titled_apart(ctx, level: int, first_h1: str) -> bool:
    """Whether the front matter titles the note and its first H1 (`level` 1) is a section of it ("# Setting" under
    `title: Empirical risk minimisation`), as Pandoc and Quarto show a page (`ctx.title_apart`): the title is the
    subject, not the H1. (Docusaurus, Hugo and Obsidian show such an H1 as the page's title.)"""
    title = ctx.title.strip()
    return ctx.title_apart and bool(title) and bool(first_h1) and level == 1 and not is_date(title) \
        and not names_subject(first_h1, [title]) \
        and not names_subject(title, [first_h1])


def title_heading(blocks: list[Block], lone: bool = True, path: str = "") -> tuple[int, str]:
    """(level, text) of the note's title heading, or (1, '') when it has none; `lone`: a lower heading at the top
    that no heading of its level or higher follows, and that names the subject of the file `path`, counts too
    (`lone=False`: only an H1, as mlwiki read notes before)."""
    first = next((k for k, block in enumerate(blocks) if block.kind == HEADING), None)
    if first is None:
        return 1, ""
    level = heading_level(blocks[first].lines[0])
    if level == 1:
        return 1, heading_text(blocks[first].lines[0].text)
    if not lone or not _at_top(blocks[:first]) or any(
            block.kind == HEADING and heading_level(block.lines[0]) <= level for block in blocks[first + 1:]):
        return 1, ""
    text = heading_text(blocks[first].lines[0].text)
    return (level, text) if _titles(text, PurePosixPath(path).stem) else (1, "")


def _titles(heading: str, stem: str) -> bool:
    """Whether a lone heading at the top names the note better than its file name: the file name names nothing
    ("Overview"), or is a slug ("kalman-1960") of which the heading spells a word out. A file name written as
    a title ("Graph learning", "Tensors") names the note as its writer did, and a heading under it ("Citation
    graphs") is a section of it; a question or a generic heading ("Overview") names no note."""
    if heading.endswith("?") or names_nothing(heading):
        return False
    if names_nothing(stem):
        return True
    return _SLUG.fullmatch(stem) is not None and bool(stems(heading) & stems(_SEPARATORS.sub(" ", stem)))


def _at_top(before: list[Block]) -> bool:
    """Whether nothing a reader sees comes before the heading (comments at most)."""
    return all(block.kind == TEXT and all(ln.kind != TEXT for ln in block.lines) for block in before)


def keep_ids(drafts: list[tuple[list[Draft], str]], before: list[tuple[list[Draft], str]],
             origins: list[int] | None = None) -> None:
    """Give each card the id it had when its front was not yet reworded (`before`: the drafts of the note read as
    before: no lone heading its title, a fold's "(click)" kept, a Logseq page as its outline), matched by line,
    kind, form and place among the note's cards of that line: its old front becomes its `id_front`. `origins`: the
    line of the text read before that each line of the text read now comes from, when they differ (a Logseq page's
    outline read as the document it shows: other forms read it then, its outline's cards are sections', so a card
    is matched by its line and kind)."""
    old: dict[tuple, list[Draft]] = {}
    for sibling_drafts, _ in before:
        for d in sibling_drafts:
            old.setdefault(_key(d, d.line, origins is None), []).append(d)
    unmatched = []
    for sibling_drafts, _ in drafts:
        for d in sibling_drafts:
            line = origins[min(d.line, len(origins)) - 1] if origins and d.line > 0 else d.line
            if d.explicit_id or d.kind == CardKind.FORMULA and d.formulas:
                continue  # (an explicit id, or a formula card's formulas: the id does not see the front)
            matches = old.get(_key(d, line, origins is None))
            if matches:
                was = matches.pop(0)
                d.id_front = was.id_front or was.front
            elif origins is None:
                unmatched.append((d, line))
    _other_forms(old, unmatched)


def _other_forms(old: dict[tuple, list[Draft]], unmatched: list[tuple[Draft, int]]) -> None:
    """A card no card read before matched takes the id of the one card left at its line and of its kind that
    another form made from the same text (a labelled paragraph's card became its section's when the front matter
    above it stopped being read as text). None when there are several such cards, or its text is another."""
    places: dict[tuple, list[Draft]] = {}  # (line, kind, group) → the cards read there before, not taken
    for key, cards in old.items():
        places.setdefault(key[:3], []).extend(cards)
    for d, line in unmatched:
        left = places.get((line, d.kind, d.group), [])
        if len(left) == 1 and " ".join(left[0].back.split()[:6]) in " ".join(d.back.split()):
            was = left.pop()  # (its back's opening words are on this card's: the same text, read by another form)
            d.id_front = was.id_front or was.front


def _key(d: Draft, line: int, form: bool) -> tuple:
    return line, d.kind, d.group, d.form if form else ""
