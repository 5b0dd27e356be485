"""A section written as an outline of branches ("- why" / "- setup" / "- tuning", each over the items nested under
it) is a tree of facts: each branch is a card asked by its label, not one card of the whole section, which would be
a page to reread rather than an answer to recall. When the branches are the kinds or parts the heading lists
("## Methods of compression" over "- Pruning", "- Quantization", each explained), the section's card asks for their
names, and each branch's card for what it says. Pure: `mlwiki.extract.parts` and `mlwiki.extract.outline_cards` ask
it of a section's blocks."""

from __future__ import annotations

from mlwiki.extract.blocks import Block
from mlwiki.extract.facets import is_facet
from mlwiki.extract.lines import LIST_ITEM, TEXT, Line
from mlwiki.extract.outline import bold_named, is_tree, item_label, outline_items
from mlwiki.extract.passages import NO_SUBJECT, passage
from mlwiki.extract.prose import clean_prose


def tree_labels(blocks: list[Block], declined: bool) -> list[str] | None:
    """The labels of the top branches of the outline among a section's blocks (`outline.is_tree`) when each branch
    is a card of its own: its nested text reads as an answer (`passage`; "- user-based kNN" / "- item-based kNN" are
    names, no answer, and the section's card keeps them); None when no block is such an outline."""
    for block in blocks:
        lines = [ln.text for ln in block.lines if ln.text.strip()]
        if not is_tree(lines):
            continue
        margin = [k for k, text in enumerate(lines) if text[:1] not in " \t"]
        top = [k for k, end in zip(margin, [*margin[1:], len(lines)]) if end > k + 1
               and (item_label(lines[k])[0] or bold_named(lines[k], lines[k + 1:end]) is not None)]  # (the
        # branches; a plain item among them is one of its own)
        labels = [item_label(lines[k]) for k in top]
        if any(said for _, said in labels) or all(label and is_facet(label) for label, _ in labels):
            continue  # ("- Hit rate: …" defines a term, "- Pros" / "- Cons" weigh the heading: their own cards)
        found = {k: back for _, back, k in outline_items(list(enumerate(lines)), _vague)}
        if all(k in found and passage([Block(TEXT, [Line(k, text, TEXT) for text in found[k].split("\n")])],
                                      True, declined) is not None for k in top):
            return [clean_prose(label or LIST_ITEM.sub("", lines[k], count=1)) for k, (label, _) in zip(top, labels)]
    return None


def _vague(label: str) -> bool:
    """Whether a label names no subject ("Others", "Misc"), as `outline_cards.vague` says."""
    return bool(NO_SUBJECT.fullmatch(clean_prose(label)))


def names_listed(labels: list[str]) -> str | None:
    """The back of a card asking for the branches' names, when they name kinds or parts ("Pruning", "Knowledge
    distillation": each a name written as one, capitalised, none a facet such as "Pros"); None for labels that only
    sort the facts ("why", "setup", "tuning"), which a learner would not recall as a list."""
    if any(not label[:1].isupper() or is_facet(label) or _vague(label) for label in labels):
        return None
    return "\n".join(f"- {label}" for label in labels)
