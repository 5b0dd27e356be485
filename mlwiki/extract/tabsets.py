"""A MyST `{tab-set}` or Quarto tabset: its tabs are sections side by side, each read as a heading over its text."""

from __future__ import annotations

from mlwiki.extract.blocks import Block
from mlwiki.extract.lines import HEADING, Line

# A Quarto tabset's headings are its tabs, side by side: its first heading titles a tab, not the div.
TABSET_CLASSES = frozenset(("panel-tabset", "tab-set"))


def tabs_as_headings(div: Block, level: int) -> list[Block]:
    """A MyST `{tab-set}`'s blocks with each `{tab-item} Title` read as a heading over its text, as a Quarto
    tabset writes its tabs: "Forward KL" and "Reverse KL" are sections side by side, each a card of its own."""
    read: list[Block] = []
    for child in div.children:
        if child.attrs and child.attrs.get("myst") == "tab-item" and child.attrs.get("title"):
            read.append(Block(HEADING, [Line(child.start, child.attrs["title"], HEADING, str(level))]))
            read.extend(child.children)
        else:
            read.append(child)
    return read
