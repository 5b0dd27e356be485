"""What a list too long to show whole beside its blank shows of its other items (`list_clozes`). A section that
explains in a few long bullets ("What does $\\epsilon$ actually do?" over four items of 30–60 words, "Clipping with
Adam" over three) was one card asking four facts at once: every item shown in full beside the one asked would make a
front of a page, so the list stayed whole. Each of its items is now asked on a card of its own, as a shorter list's
are, and the others are shown by their opening words, enough to tell them apart and to see which one is asked:

    - When $\\sqrt{\\hat v} \\ll \\epsilon$, the update becomes …      (an item's first words)
    - **fp16 pitfall:** …                                            (an item led by a label in bold: the label)

A list stays one card when even one of its items is a passage (`MAX_BRIEF_PART_WORDS`) or the whole too long to
study item by item (`MAX_BRIEF_WORDS`). Pure: text in, text out."""

from __future__ import annotations

import re

from mlwiki.extract.lines import LIST_ITEM

MAX_BRIEF_PART_WORDS = 90  # an item longer than this is a passage of its own, however its siblings are shown
MAX_BRIEF_WORDS = 320  # a list this long is read, not recalled item by item
BRIEF_WORDS = 7  # the opening words that tell an item apart from its siblings
ELLIPSIS = "…"
# An item led by a label in bold ("**fp16 pitfall:** …", "**Size.** …", "**Direction is preserved**, only …")
_BOLD_LEAD = re.compile(r"(?:\*\*|__)[^*_\n]{1,80}?(?:\*\*|__)[:.]?")
_TOKEN = re.compile(r"\$[^$\n]*\$|`[^`\n]*`|\S+")  # (a word, or a formula or code span kept whole)


def fits_briefly(words: list[int]) -> bool:
    """Whether parts of these word counts can be asked one by one with the others shown briefly: none a passage,
    all of them short enough together to study item by item."""
    return bool(words) and max(words) <= MAX_BRIEF_PART_WORDS and sum(words) <= MAX_BRIEF_WORDS


def brief(text: str) -> str:
    """A list item as a front shows it beside another item's blank: its marker and its bold label, or else its
    first `BRIEF_WORDS` words (a formula or code span counted as one and never cut), then "…"; only its first line
    (what is nested under it is its own). Text that is no list item stays as it is."""
    first = text.split("\n", 1)[0]
    marker = LIST_ITEM.match(first)
    if marker is None:
        return text
    said = first[marker.end():]
    if lead := _BOLD_LEAD.match(said):
        return f"{first[:marker.end()]}{lead.group(0)} {ELLIPSIS}" if said[lead.end():].strip() else first
    tokens = list(_TOKEN.finditer(said))
    if len(tokens) <= BRIEF_WORDS + 2:  # (a short item says itself: no cut two words before its end)
        return first
    end = tokens[BRIEF_WORDS - 1].end()
    if said.count("**", 0, end) % 2 and (close := said.find("**", end)) >= 0:
        end = close + 2  # (never cut inside a bold phrase: its closing mark would be lost)
    if end >= len(said.rstrip()):
        return first
    return f"{first[:marker.end()]}{said[:end].rstrip(',;:')} {ELLIPSIS}"
