"""A table row's card asks the columns it shows ("BERT pretraining: warmup, source?") and answers each on a line of
its own ("- warmup: 10k steps", "- source: Devlin et al. 2019"). The cuts that take the writer's talk off a prose
card's back (a line that only says where something comes from, a pointer to another note) would take such a cell
off too, and leave a front that asks a column its back no longer answers: the cells a front asks are the answer,
whatever they hold, and stay. Pure: text in, text out."""

from __future__ import annotations

import re

TABLE_ROW = "table-row"  # (the form of `table_cards`' cards)
_ASKS = re.compile(r": ([^:\n?]+)\?\Z")  # (the front's last words: "…: warmup, source?")
_CELL = re.compile(r"[ \t]*[-*+][ \t]+([^:\n]+?)[ \t]*:")  # ("- source: …": a cell's line, its column first)


def asked_columns(front: str) -> set[str]:
    """The columns a table row's front asks, in lower case ("…: warmup, source?" → {"warmup", "source"}); empty for
    any other front."""
    found = _ASKS.search(front.rstrip())
    return {name.strip().casefold() for name in found.group(1).split(",")} if found else set()


def with_asked_cells(front: str, before: str, after: str) -> str:
    """`after`, a back some cut made of `before`, with the lines of `before` that answer a column `front` asks put
    back where they were (in the order of `before`); `after` itself when no such line was cut."""
    asked = asked_columns(front)
    if not asked or after == before:
        return after
    kept = set(after.split("\n"))
    lines = before.split("\n")
    if not kept <= set(lines):
        return after  # (the cut reworded a line rather than took it off: its wording stands)
    out = [line for line in lines if line in kept or (cell := _CELL.match(line)) is not None
           and cell.group(1).strip().casefold() in asked]
    return "\n".join(out)


def cells_kept(siblings: list, written: list[str]) -> None:
    """Each table row's card of `siblings` (form `TABLE_ROW`) given back the cells its front asks that a cut took
    off (`with_asked_cells`); `written`: the backs they had before the cuts."""
    for draft, back in zip(siblings, written):
        if draft.form == TABLE_ROW and draft.back != back:
            draft.back = with_asked_cells(draft.front, back, draft.back)
