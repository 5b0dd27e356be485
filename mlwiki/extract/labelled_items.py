"""A list left over beside the other cards of its section whose every item names its subject first and explains it
("- Inference: run the box head first, then the mask head on the top 100 boxes." / "- Training: mask loss only on
positive RoIs …"): each item is a fact of its own, asked by its label under the heading path, as the same items
written as paragraphs are. Only the heading path would ask the items all at once, for two things that are not one.
`ex` is the walk over the note (`mlwiki.extract.walk.Extractor`)."""

from __future__ import annotations

from mlwiki.extract.defining import BULLET, LABELLED_FORM, labelled_item, under
from mlwiki.extract.lines import LIST_ITEM, TEXT
from mlwiki.extract.prose import clean_prose

MAX_ITEMS = 4  # (a longer list of labelled items is a glossary or an outline: other forms read it)


def labelled_items_cards(ex, path: str, items: list) -> bool:
    """A card "path › label" of each item (a list of lines) when two to `MAX_ITEMS` one-line items each open with a
    label of their own and explain it; whether they were made (none is, unless all are)."""
    if not 2 <= len(items) <= MAX_ITEMS or any(len(item) != 1 or item[0].kind != TEXT for item in items):
        return False
    said = [LIST_ITEM.sub("", item[0].text, count=1).strip() for item in items]
    if any(text[:2] in ("**", "__") for text in said):
        return False  # ("- **Recording:** …": a bold term, the term forms' to card)
    found = [labelled_item(text, BULLET) for text in said]
    if any(f is None for f in found) \
            or len({clean_prose(f[0]).casefold() for f in found}) < len(found):
        return False
    for item, (label, back) in zip(items, found):
        ex.add_card(LABELLED_FORM, under(path, clean_prose(label)), back, item[0].no)
    return True
