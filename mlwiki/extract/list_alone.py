"""The card of a section that holds only a list too long for a section card (`lists.close_section`): its items are
what the section says, and without a card of the list they were on no card at all.

- A list of names or short lines under a heading that says what it lists ("## Methods to deal with overfitting"):
  one card of its top-level items (`outline.long_list`).
- A list of a few long explanations ("## What the temperature does" over three bullets of 50 words): the section's
  card of the whole list, which `list_clozes` asks item by item with the others shown by their opening words
  (`brief_items`); none when it would not (a list of steps, an outline, items a learner cannot tell apart), nor
  when its items are led by labels, each a card of its own (`defining.labelled_item`).

`ex` is the walk over the note (`mlwiki.extract.walk.Extractor`)."""

from __future__ import annotations

from mlwiki.extract.blocks import Block, text_of
from mlwiki.extract.closings import FORM
from mlwiki.extract.defining import BULLET, NUMBERED, defining_sentence, labelled_item
from mlwiki.extract.lines import LIST_ITEM, TEXT
from mlwiki.extract.list_cards import LIST_FORM
from mlwiki.extract.list_clozes import asked_apart
from mlwiki.extract.outline import long_list
from mlwiki.extract.outline_cards import vague
from mlwiki.extract.passages import MAX_WORDS, passage


def list_alone_card(ex, path: str, block: Block, line: int) -> None:
    """The card of a section's only block when it is a list too long for the section's card (see the module's doc);
    nothing for any other block."""
    if (back := long_list([ln.text for ln in block.lines if ln.kind == TEXT], vague)) is not None:
        ex.add_card(LIST_FORM, path, back, line)  # (a long list, all its section says: its branches still cards)
    elif LIST_ITEM.match(block.lines[0].text) and all(ln.kind == TEXT for ln in block.lines) \
            and len(text_of(block).split()) > MAX_WORDS and (back := _as_passage(block, path)) is not None \
            and asked_apart(back):
        ex.add_card(FORM, path, back, line)  # (its items asked one by one: `list_clozes`)


def _as_passage(block: Block, path: str) -> str | None:
    """The list as a section card's back would hold it, read item by item: None when an item does not read as an
    explanation (a formula left alone, a table, a link, a to-do), or defines a term the path speaks of (a book's long
    bullets, "- Multi-armed bandits are algorithms that …": each such item is a definition card of its own)."""
    items: list[list] = []
    for ln in block.lines:
        if LIST_ITEM.match(ln.text) and ln.text[:1] not in " \t" or not items:
            items.append([])
        items[-1].append(ln)
    if any(labelled_item(" ".join(ln.text.strip() for ln in item).split(None, 1)[-1],
                         NUMBERED if item[0].text.lstrip()[:1].isdigit() else BULLET) for item in items):
        return None  # ("- **Scale invariance.** Multiply the loss …": asked by its label, the walk's card)
    if any(defining_sentence(" ".join(ln.text.strip() for ln in item).split(None, 1)[-1], path) for item in items):
        return None
    kept = [passage([Block(TEXT, item)], declined=True) for item in items]
    return None if any(item is None for item in kept) else "\n".join(kept)
