"""A list that mixes plain items with items that open on a term in bold or code and explain it at length below it
("- **epsilon-greedy**" over its sub-items, "- **UCB** (Auer 2002)" over its own, beside "- softmax: …" and "- the
dilemma: …"): each such term is a card of its own ("path › term", an outline card), and the heading's card keeps
the plain items and which terms there are (the list as a whole, each carded term cut to its name). Without it the
plain items, too few or too short for a card of their own once the terms are cut out, are on no card.

`ex` is the walk over the note (`mlwiki.extract.walk.Extractor`).
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, top_items
from mlwiki.extract.closings import FORM
from mlwiki.extract.draft import Draft
from mlwiki.extract.labels import GENERIC_LABELS
from mlwiki.extract.lines import LIST_ITEM, TEXT
from mlwiki.models import CardKind

# "- **UCB** (Auer 2002):", "1. `in-batch` —": the term an item opens on (what it says after it is cut off)
_TERM_HEAD = re.compile(r"(?P<mark>(?:[-*+]|\d+[.)])[ \t]+)(?P<term>\*\*[^*\n]{1,40}?\*\*|`[^`\n]{1,40}`)")


def mixed_list_card(ex, path: str, block: Block, outlined: set[int]) -> Block | None:
    """The heading's card of a list (`block`) some of whose items explain their own term under it and are carded
    (`outlined`: the lines those cards start at) beside plain items no card holds: the list as it stands, each
    carded term cut to its name; the plain items left (for the cards any list's items get), None for any other
    list, or when a card of the heading path is there already."""
    items = top_items(block.lines)
    if any(ln.kind != TEXT or not (LIST_ITEM.match(ln.text) or ln.text[:1] in " \t") for ln in block.lines):
        return None  # (more than a list: prose, a formula or code around it)
    carded = {d.line for drafts, _ in ex.drafts for d in drafts}
    terms = [_TERM_HEAD.match(item[0].text) for item in items]
    plain = [item for term, item in zip(terms, items) if term is None and not carded & {ln.no for ln in item}]
    if not plain or not any(term is not None and item[0].no in outlined for term, item in zip(terms, items)) \
            or any(d.front == path for drafts, _ in ex.drafts for d in drafts):
        return None
    back = [f"{term['mark']}{term['term']}" if term is not None and item[0].no in carded
            else "\n".join(ln.text for ln in item) for term, item in zip(terms, items)]
    ex.drafts.append(([Draft(CardKind.BASIC, path, "\n".join(back), block.lines[0].no, form=FORM,
                             id_front=f"{FORM}: {path}")], path))  # (not `add_card`: the front the list's cards
    return Block(TEXT, [ln for item in plain for ln in item])  # were cut from, if one was, is free again)


MIN_ITEMS, MAX_ITEMS = 3, 8
MAX_TERM_WORDS = 4
MIN_LONG_WORDS = 15  # an item that explains its term at this length, or with items under it, is a fact to ask alone
_TOP = re.compile(r"[-*+][ \t]")
# "- **UCB** (Auer 2002)" over items, "- **downsampling factor** $f$: a … image → …", "- **SortPool** (DGCNN) — …":
# the item's term, an aside or symbol after it, then its separator and text (or nothing: its text is under it)
_EXPLAINS = re.compile(r"[-*+][ \t]+\*\*(?P<term>[^*\n]{1,40}?)\*\*(?P<aside>[ \t]+(?:\([^()\n]{1,60}\)|\$[^$\n]{1,40}\$))?"
                       r"(?:[ \t]*(?::|[ \t][—–-])[ \t]+(?P<rest>\S.*)|[ \t]*:?[ \t]*)")


# A plain item labelled as the bold ones are ("- negative: IoU < 0.3 …"): the list's items are cases of one rule
_PLAIN_LABEL = re.compile(r"[ \t]*[-*+][ \t]+[^\W\d][\w' -]{0,24}:[ \t]")


def split_mixed_items(path: str, back: str) -> list[tuple[str, str]] | None:
    """(path, the back with each explained term cut to its name), then ("path › term", the item) per item that
    explains its own term at length (`MIN_LONG_WORDS`, or items under it), for a back that holds one bulleted list
    mixing such items with plain ones; None for any other back or a front that asks a question. (A list whose every
    item opens on a term is `fact_parts.split_term_items`'s.)"""
    if "**" not in back or "\n\n" in path or path.rstrip().endswith("?"):
        return None  # (the cheap test first: most backs hold no term in bold)
    lines = back.split("\n")
    starts = [k for k, line in enumerate(lines) if _TOP.match(line)]
    if not MIN_ITEMS <= len(starts) <= MAX_ITEMS:
        return None
    end = starts[-1] + 1
    while end < len(lines) and lines[end].strip() and lines[end][:1].isspace():
        end += 1
    if any(not lines[k].strip() or not lines[k][:1].isspace() for k in range(starts[0], end) if k not in starts):
        return None  # (one list, its items next to one another, what is under an item indented under it)
    items = [lines[a:b] for a, b in zip(starts, [*starts[1:], end])]
    found = [_EXPLAINS.fullmatch(item[0]) for item in items]
    long = [m is not None and (len(item) > 1 if m["rest"] is None else _words(item) >= MIN_LONG_WORDS)
            for m, item in zip(found, items)]
    terms = [m["term"].strip() for m, is_long in zip(found, long) if is_long]
    if any(m is None and _PLAIN_LABEL.match(item[0]) for m, item in zip(found, items)):
        return None  # ("- **positive**: IoU > 0.7 …" / "- negative: IoU < 0.3" / "- in between: …": one rule's cases)
    if not terms or all(m is not None for m in found) or any(len(t.split()) > MAX_TERM_WORDS for t in terms) \
            or len({t.casefold() for t in terms}) < len(terms) or any(t.casefold() in GENERIC_LABELS for t in terms):
        return None  # (no plain item: the terms the heading asks for, split_term_items'; "**advantage**": a label)
    cut = [f"- **{m['term'].strip()}**" if is_long else "\n".join(item) for m, is_long, item in zip(found, long, items)]
    kept = "\n".join([*lines[:starts[0]], *cut, *lines[end:]]).strip()
    base = path.split("\n\n", 1)[0]
    return [(path, kept)] + [(f"{base} › {m['term'].strip()}", _back(item))
                             for m, is_long, item in zip(found, long, items) if is_long]


def _words(item: list[str]) -> int:
    """The words of an item after its term, a formula one word."""
    return len(re.sub(r"\$[^$\n]+\$", "x", " ".join(item)).split()) - 1


def _back(item: list[str]) -> str:
    """An item as a card's back: its text without its marker, the items under it dedented to a list of their own."""
    return "\n".join([LIST_ITEM.sub("", item[0], count=1).strip(), *(line.strip() for line in item[1:])])
