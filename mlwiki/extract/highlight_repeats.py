"""A paper's highlighted sentence that the reader's own summary in the same note already says: the summary's card
wins, the highlight's is not made.

A literature note holds the reader's summary of a paper and, under it, the annotations imported from Zotero
(`zotero`: "Paper › Annotations › Highlight (p. 3)"). A reader often summarises exactly what they highlighted:
"Queue of keys: … the dictionary size is decoupled from the batch size" over the highlight "A queue decouples the
dictionary size from the mini-batch size." Asked twice, the fact is one card too many; the summary, in the reader's
words and with its context, is the card to keep. Only a highlight whose every word (a word's stem: "decouples",
"decoupled") is in one other card goes, a comment under it included: a word of its own is a fact that card may
not hold. Pure: drafts in, drafts out."""

from __future__ import annotations

import re

from mlwiki.extract.highlight_asks import KIND_PAGE
from mlwiki.models import CardKind

_MATH = re.compile(r"\$\$[^$]+\$\$|\$[^$\n]+\$")
_LINK = re.compile(r"\]\([^)\s]*\)")  # (a highlight's link back to its page in the PDF: no words of the paper)
_WORD = re.compile(r"[^\W\d_]{4,}")
STEM = 5  # (letters of a word that name it: "decouples" and "decoupled" are one word)
MIN_WORDS = 4  # (a shorter highlight, "Table on batch size", is too short to weigh)
MIN_SHARED = 0.9  # (of the highlight's words, how many the summary's card holds)


def without_highlight_repeats(drafts: list) -> list:
    """The (sibling drafts, heading path) pairs without a highlight's card whose words one other card of the note,
    not a highlight's, holds (see the module's doc)."""
    summaries = [_stems(f"{d.front}\n{d.back}") for siblings, _ in drafts for d in siblings if not _highlight(d)]
    if not summaries:
        return drafts
    return [(siblings, path) for siblings, path in drafts
            if not (len(siblings) == 1 and _highlight(siblings[0]) and _said(siblings[0], summaries))]


def _highlight(draft) -> bool:
    """Whether a draft is an imported annotation's, titled by its kind and page."""
    path, _, titled = draft.front.partition("\n\n")
    last = (titled or path).rpartition(" › ")[2]
    return draft.kind == CardKind.BASIC and bool(KIND_PAGE.fullmatch(last.strip()))


def _said(draft, summaries: list[set[str]]) -> bool:
    """Whether nearly every word of a highlight's card is in one of the summary cards."""
    words = _stems(draft.back)
    return len(words) >= MIN_WORDS and any(len(words & other) >= MIN_SHARED * len(words) for other in summaries)


def _stems(text: str) -> set[str]:
    """The stems of a text's words (a formula and a link's address left out)."""
    return {w.casefold()[:STEM] for w in _WORD.findall(_LINK.sub(" ", _MATH.sub(" ", text)))}
