"""A MyST `{tab-set}` or Quarto tabset: its tabs are sections side by side, each read as a heading over its text.
A set one of whose tabs holds code is the same thing in several libraries or sources ("PyTorch", "timm", "Paper
(original)"): its labels name no subject, and a tab's card names what its text is about (`tab_front`)."""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block
from mlwiki.extract.lines import CODE, HEADING, Line
from mlwiki.extract.topics import passage_topic

# A Quarto tabset's headings are its tabs, side by side: its first heading titles a tab, not the div.
TABSET_CLASSES = frozenset(("panel-tabset", "tab-set"))


def tabs_as_headings(div: Block, level: int) -> list[Block]:
    """A MyST `{tab-set}`'s blocks with each `{tab-item} Title` read as a heading over its text, as a Quarto
    tabset writes its tabs: "Forward KL" and "Reverse KL" are sections side by side, each a card of its own."""
    read: list[Block] = []
    tabs = [c for c in div.children if c.attrs and c.attrs.get("myst") == "tab-item" and c.attrs.get("title")]
    attrs = f"{level} {CODE_TAB}" if any(_holds_code(tab) for tab in tabs) else str(level)
    for child in div.children:
        if child in tabs:
            read.append(Block(HEADING, [Line(child.start, child.attrs["title"], HEADING, attrs)]))
            read.extend(child.children)
        else:
            read.append(child)
    return read


CODE_TAB = "code-tab"  # (a heading's attrs: a tab of a set that holds code)
_FENCED = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[ \t]*$", re.M | re.S)


def _holds_code(block: Block) -> bool:
    """Whether a block or one inside it holds a line of code."""
    return any(ln.kind == CODE for ln in block.lines) or any(_holds_code(c) for c in block.children or ())


def tab_front(path: str, back: str) -> str:
    """The front of a code tab's card: its path with what the tab's prose is about ("… › PyTorch: `AdamW`",
    "… › Paper (original): the decay"), the path alone when its prose names nothing."""
    topic = passage_topic(_FENCED.sub("", back).strip())
    return f"{path}: {topic}" if topic else path
