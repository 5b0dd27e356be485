"""A one-line card the writer wrote, `front :: back` (or `front ::: back`), shown on another card: a list's card
under its heading, a cloze of that list, the items around an item asked. Its `::` is mlwiki's syntax (and RemNote's
and the spaced-repetition plugin's), which no card made from that line shows; on another card it reads as what the
writer means by it, the term and what it is: "Saddle-free Newton :: rescale …" shows "Saddle-free Newton: rescale
…" (a front that ends in a question or a stop is followed by a space only). Code, math and fenced blocks keep it as
written (`f :: Int -> Int`), and so does an analogy ("man : king :: woman : queen"), which is read as written,
and a card the writer wrote (a card div, a cloze), which shows what they wrote. A front so mended keeps its id.
Pure: drafts in, drafts out.
"""

from __future__ import annotations

from mlwiki.extract.draft import with_sides
from mlwiki.extract.forms import INLINE_SEPARATOR
from mlwiki.extract.masking import mask_inline
from mlwiki.extract.tidy import AUTHORED
from mlwiki.render.spans import map_unfenced

_STOPS = ("?", "!", ".", ":")


def inline_cards_read(drafts: list) -> list:
    """The (sibling drafts, heading path) pairs with each shown one-line card read as its term and what it is."""
    return [([_read_draft(d) for d in siblings], path) for siblings, path in drafts]


def _read_draft(draft):
    if "::" not in draft.front + draft.back or draft.form in AUTHORED:
        return draft  # (the writer's own card shows what they wrote: "x :: y" inside a card div, a cloze's words)
    return with_sides(draft, read_inline_cards(draft.front), read_inline_cards(draft.back))


def read_inline_cards(text: str) -> str:
    """`text` with each line's one-line card separator read as the writer's "term: what it is"."""
    if "::" not in text:
        return text
    return map_unfenced(text, lambda line: _read_line(line) if "::" in line and not line.lstrip().startswith("|")
                        else line)


def _read_line(line: str) -> str:
    found = INLINE_SEPARATOR.search(mask_inline(line)[0])
    if not found:
        return line
    front, back = line[:found.start()].rstrip(), line[found.end():].lstrip()
    if not front.strip(" \t-*+") or (" : " in front and " : " in back):
        return line  # (no term before it; an analogy, read as written)
    if not back:
        return front if front.endswith(_STOPS) else front + ":"
    return front + (" " if front.endswith(_STOPS) else ": ") + back
