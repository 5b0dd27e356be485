"""A part of a section's card that a later section of the note is about: an overview at a note's top ("Three
families: 1. **Random holdout**: … 3. **Global temporal split**: …") over a section of its own for one of them
("## Global temporal split"). Split off as a card "… › Global temporal split", the part takes the front that
section's card needs (two cards never share a front), and the section, which says more, is left with no card at
all; the part stays on its list's card instead. Pure: the walk's blocks are read, nothing is changed.
"""

from __future__ import annotations

import re

from mlwiki.extract.lines import HEADING
from mlwiki.extract.prose import heading_text


def heads_a_section(ex, front: str) -> bool:
    """Whether the last heading of `front` (a part's "path › name") names a heading of the note other than its
    title (`ex`: the walk over the note)."""
    name = front.split("\n\n", 1)[0].rsplit(" › ", 1)[-1].strip().casefold()
    if not name or " › " not in front:
        return False
    return any(block.kind == HEADING and heading_text(block.lines[0].text).strip().casefold() == name
               and heading_text(block.lines[0].text) != ex.first_h1 for block in ex.blocks)


_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]+")


def kept_in_place(first: str, parts: list[str]) -> str:
    """The card's own text `first` (its list cut to the items' names by the split) with each of `parts` (a part
    that stays on the card) back in its item, in place of its name ("3. **Global temporal split**" → "3. **Global
    temporal split**: cutoff …"); a part whose item is not found goes after it, as a paragraph of its own."""
    lines = first.split("\n")
    rest = []
    for part in parts:
        head = part.split("\n", 1)[0]
        at = next((k for k, line in enumerate(lines) if (item := _ITEM.match(line)) and len(line) > item.end()
                   and head.startswith(line[item.end():].rstrip())), None)
        if at is None:
            rest.append(part)
            continue
        lines[at] = lines[at][:_ITEM.match(lines[at]).end()] + " ".join(part.split())
    return "\n\n".join(p for p in ["\n".join(lines), *rest] if p)
