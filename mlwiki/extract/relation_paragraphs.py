"""A paragraph that states several relations inline, the last one wrapped onto a line of its own
(`wrapped_math`), is one card: the heading path (and the bold title the paragraph opens with) on the front, the
paragraph on the back, every relation in it. No formula card asks it with its last relation as the answer.

    So to keep the forward signal: $a = 1/n$. The backward pass wants $a = 1/m$. Both hold only when
    $n = m$.
      →  Init › Variance  /  To keep the forward signal: $a = 1/n$. … Both hold only when $n = m$.

A paragraph that goes on from a box above it opens on the word that links them ("So", "Hence"): read alone on a
card, without it. Pure: the paragraph and the heading path in, (front, back) out.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block
from mlwiki.extract.lines import TEXT, Line
from mlwiki.extract.passages import passage
from mlwiki.extract.prose import clean_prose

FORM = "relations"
_LINK = re.compile(r"(?:So|Hence|Thus|Therefore|Then)\b,?[ \t]+(?=\S)")
_TITLE = re.compile(r"\*\*(?P<title>[^*\n]{2,80}?)[.:]?\*\*[.:]?[ \t]+(?=\S)")


def relation_card(path: str, block: Block) -> tuple[str, str] | None:
    """(front, back) of a paragraph of inline relations; None when its text does not read as a passage."""
    lines = [ln for ln in block.lines if ln.kind == TEXT]
    if not lines or not path:
        return None
    first = lines[0].text
    front = path
    if title := _TITLE.match(first):  # ("**Why the factor 2, more carefully.** The output …": its title asks)
        front, first = f"{path} › {clean_prose(title.group('title')).rstrip('.:')}", first[title.end():]
    if link := _LINK.match(first):
        first = first[link.end():]
        first = first[:1].upper() + first[1:]
    back = passage([Block(TEXT, [Line(lines[0].no, first, TEXT), *lines[1:]])], labelled=True, declined=True)
    return (front, back) if back else None
