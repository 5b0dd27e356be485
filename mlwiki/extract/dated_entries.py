"""A paragraph the writer opened on the day they wrote it: "12–14 Feb. Paper: …, ICDM 2008.", "8 Feb (Saturday
session). The most obvious definition …", "Started 3 Feb. First notebook of the block.", "5 Mar, evening, tired.
Wanted one place where …". A day stamped at the head of a paragraph, as its own sentence, makes the paragraph an
entry of the writer's log: when they sat down, what they read, how the session went. The subject's facts are
written without a date (a fact dated in its sentence, "In June 2017 the Transformer paper …", opens on no stamp).
A rule on the form of the paragraph's first sentence, not on its words. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.blocks import divs_in, text_of
from mlwiki.extract.daily import MONTH, WEEKDAY
from mlwiki.extract.line_kinds import TEXT
from mlwiki.extract.tidy import AUTHORED

_MIN_WORDS = 3  # (a stretch this long of a dated paragraph is taken from it, not said again elsewhere)

_DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{MONTH}|{MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?)"
_SPAN = rf"(?:\d{{1,2}}[ \t]*[–—-][ \t]*\d{{1,2}}[ \t]+{MONTH}|{MONTH}[ \t]+\d{{1,2}}[ \t]*[–—-][ \t]*\d{{1,2}}|" \
        rf"{_DAY}(?:[ \t]*[–—-][ \t]*{_DAY})?)"
# The day as a sentence of its own: maybe started on it ("Started 3 Feb."), with its year, what the session was in
# brackets ("(Saturday session)") and a word or two of the writer's state ("5 Mar, evening, tired.")
_STAMP = re.compile(rf"(?i)[ \t*_]*(?:(?:started|begun|began|written|updated|last[ \t]+updated)[ \t]+(?:on[ \t]+)?)?"
                    rf"{WEEKDAY}{_SPAN}(?:,?[ \t]+\d{{4}})?[ \t*_]*(?:\([^()\n]{{1,40}}\))?"
                    rf"(?:,[ \t]*[^\W\d][^.,;:!?\n]{{0,20}}){{0,2}}[.!][ \t*_]*(?:\n|[ \t]+(?=\S)|$)")


def opens_on_day(paragraph: str) -> bool:
    """Whether a paragraph opens on a day stamped as its own sentence (a log entry of the writer's)."""
    return paragraph[:1] != "-" and bool(_STAMP.match(paragraph))


def without_dated_entries(drafts: list, blocks: list) -> list:
    """The (sibling drafts, heading path) pairs with no paragraph that opens on the day it was written (see the
    module's docstring), nor a part of one (a sentence another pass made a card of), on a card read out of prose; a
    card that held nothing else is dropped. `blocks`: the note's, where its dated paragraphs are."""
    entries = [_flat(text_of(b)) for b in _paragraphs(blocks) if opens_on_day(text_of(b))]
    if not entries:
        return drafts
    out = []
    for siblings, path in drafts:
        kept = [_undated(d, entries) for d in siblings]
        if all(d is not None for d in kept):
            out.append((kept, path))
    return out


def _paragraphs(blocks: list):
    """The paragraphs among `blocks` and inside their divs."""
    yield from (b for b in blocks if b.kind == TEXT)
    for div in divs_in(blocks):
        yield from (b for b in div.children or () if b.kind == TEXT)


def _undated(draft, entries: list[str]):
    """`draft` without the parts of its back that are dated paragraphs or part of one; None when nothing else was
    on it, or when its front shows one (a sentence of a dated paragraph, asked with the others shown)."""
    if draft.form in AUTHORED:
        return draft
    if any(_dated(part, entries) for part in draft.front.split("\n\n")[1:]):
        return None
    parts = draft.back.split("\n\n")
    kept = [part for part in parts if not _dated(part, entries)]
    if len(kept) == len(parts):
        return draft
    return replace(draft, back="\n\n".join(kept)) if kept else None


def _dated(part: str, entries: list[str]) -> bool:
    """Whether a paragraph of a card opens on a day, or is a stretch of a dated paragraph (a few words at least)."""
    flat = _flat(part)
    return opens_on_day(part) or len(flat.split()) >= _MIN_WORDS and any(flat in entry for entry in entries)


def _flat(text: str) -> str:
    return " ".join(text.split())
