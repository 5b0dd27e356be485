"""To-do callouts: an Obsidian `> [!todo] Draft` holding "Tidy up after problem sheet 3. Proof not written." is the
writer's list of chores for the note, titled or not; nothing in it is to recall. It is set aside whole, as a fold
that answers another card is (no part of its section, no card of its own)."""

from __future__ import annotations

from mlwiki.extract.blocks import Block, divs_in

_TODO = "callout-todo"
_CHEAP = "[!todo]"


def set_aside(blocks: list[Block], body: str) -> None:
    """Mark, in place, every to-do callout of a note as skipped. `body`: the note's text, which says cheaply whether
    there can be any."""
    if _CHEAP not in body.casefold():
        return
    for block in divs_in(blocks):
        if _TODO in block.attrs.get("classes", ()):
            block.skip = True
