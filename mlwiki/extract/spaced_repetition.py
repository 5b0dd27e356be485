"""Notes written for the Obsidian Spaced Repetition plugin, read as the plugin reads them.

A note is one of the plugin's flashcard notes when it carries its tag, `#flashcards` or `#flashcards/deck`, in
its text or its front matter tags (the plugin's default). In such a note every line with `::` is a card, written
without spaces (`Question::Answer`) as the plugin documents it, and `:::` makes it both ways; `==highlights==` are
clozes (the plugin's default). A card line stands alone: it is no part of the paragraph, list or section around it,
whose cards would otherwise show it with its `::` (and its answer) in their text.

The plugin's scheduling comments (`<!--SR:!2024-03-18,5,270-->`, several dates in one for a cloze's siblings) are
its own bookkeeping: they leave every note before it is read, so no card shows them.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block
from mlwiki.extract.lines import COMMENT, DIV_OPEN, LIST_ITEM, TEXT, Line
from mlwiki.extract.masking import mask_inline
from mlwiki.models import CardKind

FORM = "one-line"  # (the form of mlwiki's own `front :: back` cards: the same card, written the plugin's way)
# `#flashcards` or `#flashcards/dl/optim` as a tag: after a space or a line's start, ending the word
_TAG = re.compile(r"(?:^|(?<=[\s(]))#flashcards(?:/[\w./-]*)?(?![\w-])", re.IGNORECASE)
_SCHEDULE = re.compile(r"[ \t]*<!--SR:[^\n>]*-->")
_HIGHLIGHT = re.compile(r"==(?=\S)[^=\n]+?(?<=\S)==")  # (a cloze, as `clozes` finds one)
_FIELD = re.compile(r"[ \t]*(?:[-*+][ \t]+)?[A-Za-z]")  # (a Dataview field's start, `key:: value`)


def is_flashcard_note(body: str, tags: tuple[str, ...]) -> bool:
    """Whether the plugin reads the note's cards: it is tagged `#flashcards` (or a deck under it)."""
    if any(t.lower() == "flashcards" or t.lower().startswith("flashcards/") for t in tags):
        return True
    return ("lashcards" in body or "LASHCARDS" in body) and _TAG.search(body) is not None  # (a test first: fast)


def without_schedules(body: str) -> str:
    """The note without the plugin's `<!--SR:…-->` scheduling comments (lines kept, so line numbers hold)."""
    return _SCHEDULE.sub("", body) if "<!--SR:" in body else body


def as_cards_read(lines: list[Line]) -> None:
    """In a flashcard note, a `key:: value` line is a card, not a Dataview field: read it as text."""
    for line in lines:
        if line.kind == COMMENT and "::" in line.text and _FIELD.match(line.text) and "<!--" not in line.text:
            line.kind = TEXT


def separator(line: Line) -> tuple[int, int] | None:
    """Where a card line's `::` (or `:::`) is, outside code and math; None when the line is no card."""
    if line.kind != TEXT or "::" not in line.text or line.text.lstrip().startswith(("|", ":::")):
        return None  # (a table row's cells, a div's fence)
    masked = mask_inline(line.text)[0]
    start = masked.find(":::")
    if start < 0:
        start = masked.find("::")
    if start < 0:
        return None
    return start, start + (3 if masked.startswith(":::", start) else 2)


def _is_card(block: Block) -> bool:
    """Whether a paragraph is one of the plugin's cards: a `?`/`??` card, or a cloze (`==highlights==`) that is no
    list (a list's other items are cards of their own, which its section makes)."""
    if any(ln.kind == TEXT and ln.text.strip() in ("?", "??") for ln in block.lines):
        return True
    return not LIST_ITEM.match(block.lines[0].text) and any(
        ln.kind == TEXT and "==" in ln.text and _HIGHLIGHT.search(mask_inline(ln.text)[0]) for ln in block.lines)


def set_apart(blocks: list[Block]) -> None:
    """Each card line its own paragraph, in place (divs' paragraphs too), and each paragraph that is a card marked as
    one, so no other form (a section's, a question heading's) reads it as its text."""
    k = 0
    while k < len(blocks):
        block = blocks[k]
        if block.kind == DIV_OPEN and block.children:
            set_apart(block.children)
        if block.kind != TEXT or block.attrs is not None:
            k += 1  # (a paragraph in a box keeps its marks: read as it was)
            continue
        parts: list[Block] = []
        run: list[Line] = []
        for line in block.lines:
            if separator(line) is None:
                run.append(line)
                continue
            if run:
                parts.append(_marked(Block(TEXT, run)))
            parts.append(Block(TEXT, [line], attrs={"plugin_card": True}))
            run = []
        if run:
            parts.append(_marked(Block(TEXT, run)) if parts else _marked(block))
        parts[0].skip = block.skip  # (a `<!-- no-card -->` before the paragraph: its first part)
        blocks[k:k + 1] = parts
        k += len(parts)


def _marked(block: Block) -> Block:
    """The paragraph, marked as a card when it is one of the plugin's."""
    if _is_card(block):
        block.attrs = {"plugin_card": True}
    return block


def line_card(ex, block: Block) -> bool:
    """The card of a paragraph that is one card line (see `set_apart`); whether it was one."""
    if len(block.lines) != 1 or (at := separator(block.lines[0])) is None:
        return False
    text = block.lines[0].text
    front = LIST_ITEM.sub("", text[:at[0]], count=1).strip()
    ex.add_pair(CardKind.BASIC, front, text[at[1]:].strip(), block.start, both_ways=at[1] - at[0] == 3, form=FORM,
                quiet=True)
    return True
