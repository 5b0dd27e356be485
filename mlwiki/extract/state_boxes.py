"""A box that only says the page's state: an untitled note, tip or warning (MyST's `:::{note}`, a Quarto or Obsidian
callout) holding "**Draft.** Filling in from the book's ch. 18 + the review paper." or "WIP: more after the lab", or
one titled by that state (Docusaurus' `:::note[Draft]` over "Numbers need checking against the paper.").
It is the writer's housekeeping, no card; read as text, its bold label titled the section's next cards ("Matching ›
Draft › What it says"). Short and without a formula: a box that goes on to state what the page teaches after its
label is read as it was. Pure."""

from __future__ import annotations

import re

from mlwiki.extract.lines import TEXT

_STATE = re.compile(r"(?i)[*_]*(?:draft|wip|work in progress|unfinished|half[- ]finished|stub)[*_]*[ \t]*[.!:—–]")
_STATE_TITLE = re.compile(r"(?i)[*_]*(?:draft|wip|work in progress|unfinished|half[- ](?:finished|written)|stub|"
                          r"to ?do|status)[*_.!:]*")  # (a Docusaurus `:::note[Draft]`, a callout titled "WIP")
_MAX_WORDS = 25
_KINDS = frozenset(("note", "tip", "important", "info", "warning", "caution", "attention", "hint", "admonition",
                    "callout-note", "callout-tip", "callout-important", "callout-warning", "callout-caution"))


def says_page_state(div) -> bool:
    """Whether a div (a `blocks.Block`, its children built) is an untitled box of prose that only says the page's
    state."""
    attrs = div.attrs or {}
    title = attrs.get("title", "").strip()
    if title and not _STATE_TITLE.fullmatch(title) or not _KINDS.intersection(attrs.get("classes", ())) \
            or not div.children or any(child.kind != TEXT for child in div.children):
        return False  # (a box titled by what it says is the subject's; "Draft" titles the page's state)
    text = " ".join(line.text for child in div.children for line in child.lines if line.kind == TEXT).strip()
    return "$" not in text and len(text.split()) <= _MAX_WORDS and (bool(title) or _STATE.match(text) is not None)


def skipped_page_state(blocks) -> bool:
    """Whether a box of the blocks (or of the divs among them) was left out as the page's state: the fronts of the
    cards after it change (its label titled them), and they keep the ids they had."""
    stack = [iter(blocks)]
    while stack:
        block = next(stack[-1], None)
        if block is None:
            stack.pop()
        elif block.attrs and block.children is not None:
            if block.attrs.get("page_state"):
                return True
            stack.append(iter(block.children))
    return False
