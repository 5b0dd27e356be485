"""extract: a note's text in, cards and problems out. Pure: no IO, no database.

Of render it uses only `render.spans`, the one finder of math and code spans.

imports: config, errors, ids, models, render, textsafe

The parser works in three passes: `lines` marks every line (text, heading, code, math, comment, div fence), so
nothing in code, comments or math is read as card syntax; `blocks` groups lines into paragraphs, headings and
divs; `walk` visits the blocks and hands each to the card forms: `forms` (the syntax written for mlwiki),
`questions` (question headings, callouts and bold questions), `formula_cards` (with `formulas` and `prose` for
the formula and its introducing sentence) and `clozes`. `context` works out a note's deck and tags.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from mlwiki.extract.context import NoteContext, clean_tag, note_context
from mlwiki.extract.walk import Extractor
from mlwiki.models import ExtractResult

__all__ = ["NoteContext", "clean_tag", "count_forms", "extract", "note_context", "walked"]


def extract(body: str, ctx: NoteContext) -> ExtractResult:
    """All cards of one note body (front matter already removed), and the problems found on the way."""
    extractor = walked(body, ctx)
    return ExtractResult(cards=extractor.cards(), problems=extractor.problems)


def walked(body: str, ctx: NoteContext) -> Extractor:
    """The walk over a note body, done: its `cards()`, or the fields of each (`finished()`, what a scan stores);
    its `problems` are complete once either was read."""
    extractor = Extractor(body, ctx)
    extractor.walk()
    return extractor


def count_forms(body: str, ctx: NoteContext) -> tuple[Counter, Counter]:
    """How many cards each form would make in this note with every form switched on, and how many it matched
    but left out ({(form, why): count}), for `mlwiki check` and `mlwiki init`, which say what the notes hold
    and which setting turns it into cards."""
    extractor = Extractor(body, replace(ctx, formulas="inline", definitions=True, highlight_cloze=True,
                                        question_headings=True, question_callouts=True, bold_questions=True,
                                        sections=True))
    extractor.walk()
    return extractor.forms(), extractor.skipped
