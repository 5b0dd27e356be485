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


def heads_a_section(ex, card_front: str, front: str) -> bool:
    """Whether a part split off the card `card_front` as `front`, "card_front › name", names a heading of the note
    other than its title (`ex`: the walk over the note); a part asked as a question of the card's own heading
    ("… \n\nDefine: …") takes no section's front."""
    if not front.startswith(card_front + " › ") or "\n\n" in front:
        return False
    name = front[len(card_front) + 3:].strip()  # (as written: two fronts differing in case are two cards)
    return any(block.kind == HEADING and (said := heading_text(block.lines[0].text).strip()) == name
               and said != ex.first_h1 for block in ex.blocks)


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
