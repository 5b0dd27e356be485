"""Cards of the labelled items of a list a section's card holds whole: a list whose items each define a named thing
("- Recall@k: whether the relevant item is among the first k", "- MRR: the mean of one over the rank of …") asks,
on the section's card, which things there are; each definition is also a card of its own ("… › Recall@k"), which a
learner studies alone. The section's card stays: the list the heading asks for."""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, top_items
from mlwiki.extract.closings import FORM
from mlwiki.extract.defining import BULLET, LABELLED_FORM, labelled_item, under
from mlwiki.extract.labels import GENERIC_LABELS
from mlwiki.extract.lines import LIST_ITEM, TEXT, Line
from mlwiki.extract.prose import clean_prose

MIN_ITEMS = 2  # labelled items in one list: one alone is a remark on the section, not a list of definitions
MAX_ITEMS = 8  # … more, and the list is an outline whose labels name parts, not things
MAX_WORDS = 70  # an item's back, with what is nested under it: a definition and a remark on it, not a passage
MAX_NAME_WORDS = 5  # the name of a thing whose pros and cons a list item weighs
MIN_LIST_WORDS = 40  # a shorter list ("- H0: the means are equal", "- H1: …") is one fact the section's card asks well
_CITED = re.compile(r"(?:1[89]|20)\d\d\b")  # a label that cites a paper ("Smith & Lee 2017"): no named thing
# A back that defines nothing: it goes on from elsewhere ("but if …"), gives an example, or points at what follows
_NO_DEFINITION = re.compile(r"(?i)(?:(?:but|and|or|so|also|see|eg)\b|e\.g\.|for example\b)"
                            r"|.*\b(?:this|these|below|follows?)\W*$", re.S)


def listed_item_cards(ex, first: int, listed: list[tuple[str, list[Block], str]]) -> None:
    """The definition cards of the labelled items of each list a section's part was made one card of (`listed`: its
    path, blocks and back; the section's cards start at index `first`), when that card still holds the whole list:
    a grab bag split into a card per fact (`grabbag`) has carded its items already."""
    if not listed:
        return
    backs = {d.back for drafts, _ in ex.drafts[first:] for d in drafts if d.form == FORM}
    for path, blocks, back in listed:
        if back in backs:
            item_definition_cards(ex, path, blocks)


def item_definition_cards(ex, path: str, blocks: list[Block]) -> None:
    """A card of each top-level item of a list among `blocks` (a section the walk made one card of) that opens
    with a label and defines it, when two or more items of that list do: front the label under the heading path,
    back its definition with the short items nested under it ("- Cons: ignores the position")."""
    if ex.day:
        return  # (a day's notes: "- lecture 9: …" logs what happened, it defines nothing)
    for block in blocks:
        if not LIST_ITEM.match(block.lines[0].text) or block.lines[0].text[:1] in " \t":
            continue  # (the cheap test first: most blocks are prose)
        if sum(len(ln.text.split()) for ln in block.lines) < MIN_LIST_WORDS:
            continue
        items = top_items(block.lines)
        if _aspect_groups(ex, path, items) or _weighed_items(ex, path, items):
            continue
        found = [(item, labelled) for item in items if (labelled := _labelled(item)) is not None]
        if not MIN_ITEMS <= len(found) <= MAX_ITEMS or len({clean_prose(lab) for _, (lab, _) in found}) < len(found):
            continue
        for item, (label, back) in found:
            named = under(path, clean_prose(label))
            ex.add_card(LABELLED_FORM, named, back, item[0].no, id_front=named)


def _aspect_groups(ex, path: str, items: list[list[Line]]) -> bool:
    """Whether every top-level item is a bare aspect label with items nested under it ("- Pros" over three, "-
    Cons" over two); if so, each group is a card "path › Pros" of its nested items (one side of the comparison
    the section's card asks whole)."""
    if len(items) < MIN_ITEMS or any(len(item) < 2 for item in items):
        return False
    labels = [LIST_ITEM.sub("", item[0].text, count=1).strip().strip("*").rstrip(":").strip() for item in items]
    if not all(label.casefold() in GENERIC_LABELS for label in labels) or len(set(labels)) < len(labels):
        return False
    for label, item in zip(labels, items):
        cut = min(len(ln.text) - len(ln.text.lstrip()) for ln in item[1:])
        ex.add_card(LABELLED_FORM, under(path, label), "\n".join(ln.text[cut:] for ln in item[1:]), item[0].no)
    return True


def _weighed_items(ex, path: str, items: list[list[Line]]) -> bool:
    """Whether two or more top-level items name a thing ("- CTR: clicks over views", "- Completion rate") over nested
    items that each open with an aspect label ("- Cons: …"); if so, each such item is a card "path › CTR" of what
    it says (the section's card weighs several things at once)."""
    weighed = [(name, item) for item in items if len(item) > 1 and (name := _weighed_name(item)) is not None]
    if len(weighed) < MIN_ITEMS:
        return False
    for name, item in weighed:
        head = LIST_ITEM.sub("", item[0].text, count=1).strip()
        said = head[len(name):].lstrip(" :-–—").strip()
        cut = min(len(ln.text) - len(ln.text.lstrip()) for ln in item[1:])
        back = "\n".join(([said] if said else []) + [ln.text[cut:] for ln in item[1:]])
        ex.add_card(LABELLED_FORM, under(path, name), back, item[0].no)
    return True


def _weighed_name(item: list[Line]) -> str | None:
    """The name an item opens with when everything nested under it is an aspect of it ("- Pros: …", "- Cons: …")."""
    for ln in item[1:]:
        aspect = LIST_ITEM.sub("", ln.text, count=1).strip().strip("*").split(":", 1)
        if not LIST_ITEM.match(ln.text) or len(aspect) < 2 or aspect[0].strip().casefold() not in GENERIC_LABELS:
            return None
    head = LIST_ITEM.sub("", item[0].text, count=1).strip()
    name = head.split(":", 1)[0].strip()
    return name if 0 < len(name.split()) <= MAX_NAME_WORDS and not name.endswith((".", "?")) else None


def _labelled(item) -> tuple[str, str] | None:
    """(label, back) of a list item that defines what its label names, with its nested items on the back; None for
    one that does not, or says too much for one card."""
    if any(ln.kind != TEXT for ln in item):
        return None  # (code, a formula or a table inside the item: not a definition to recall as it stands)
    cut = next((k for k, ln in enumerate(item) if k and ln.text[:1] in " \t" and LIST_ITEM.match(ln.text)), len(item))
    head, nested = item[:cut], []
    for ln in item[cut:]:  # (a nested item's own lines go on it)
        if LIST_ITEM.match(ln.text) or not nested:
            nested.append(ln.text.strip())
        else:
            nested[-1] += " " + ln.text.strip()
    text = " ".join(ln.text.strip() for ln in head)
    found = labelled_item(LIST_ITEM.sub("", text, count=1).strip(), BULLET)
    if found is None or _CITED.search(found[0]) or _NO_DEFINITION.match(found[1]):
        return None
    back = "\n".join([found[1], *nested])
    return (found[0], back) if len(back.split()) <= MAX_WORDS else None
