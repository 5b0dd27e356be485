"""Cards of the labelled items of a list a section's card holds whole: a list whose items each define a named thing
("- Recall@k: whether the relevant item is among the first k", "- MRR: the mean of one over the rank of …") asks,
on the section's card, which things there are; each definition is a card of its own ("… › Recall@k"), which a
learner studies alone, and the section's card keeps only what no item card holds. Numbered steps are not split: their
order is part of what is learnt."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from mlwiki.extract.blocks import Block, line_of, text_of, top_items
from mlwiki.extract.closings import FORM
from mlwiki.extract.defining import BULLET, LABELLED_FORM, labelled_item, under
from mlwiki.extract.fact_parts import split_term_items
from mlwiki.extract.label_cuts import weighed
from mlwiki.extract.label_parts import opens_next_label
from mlwiki.extract.labels import GENERIC_LABELS
from mlwiki.extract.lines import LIST_ITEM, NUMBERED_ITEM, TEXT, Line
from mlwiki.extract.prose import clean_prose

MIN_ITEMS = 2  # labelled items in one list: one alone is a remark on the section, not a list of definitions
MAX_ITEMS = 8  # … more, and the list is an outline whose labels name parts, not things
MAX_WORDS = 70  # an item's back, with what is nested under it: a definition and a remark on it, not a passage
MAX_NAME_WORDS = 5  # the name of a thing whose pros and cons a list item weighs
MAX_GLOSSARY = 40  # one-line definitions on a page, each a card: a longer list is a reference to look things up in
MIN_LIST_WORDS = 40  # a shorter list ("- H0: the means are equal", "- H1: …") is one fact the section's card asks well
_WORD = re.compile(r"[\w@]+")
_CITED = re.compile(r"(?:1[89]|20)\d\d\b")  # a label that cites a paper ("Smith & Lee 2017"): no named thing
# A label that only says where something is ("p. 312", "pp. 40–42", "§3.2", "Fig. 4"): it names nothing to recall
_LOCATOR = re.compile(r"(?i)(?:pp?\.|pages?|§+|sec(?:tion)?\.?|ch(?:apter)?\.?|fig(?:ure)?\.?|eq(?:uation)?\.?"
                      r"|slides?|lec(?:ture)?\.?)?\s*\d[\d.]*(?:\s*[-–—]\s*\d[\d.]*)?")
# A back that defines nothing: it goes on from elsewhere ("but if …"), gives an example, points elsewhere ("look at …"), or at what follows
_NO_DEFINITION = re.compile(r"(?i)(?:(?:but|and|or|so|also|see|look|check|eg)\b|e\.g\.|for example\b)"
                            r"|.*\b(?:this|these|below|follows?)\W*$", re.S)


def listed_item_cards(ex, first: int, listed: list[tuple[str, list[Block], str]]) -> None:
    """The definition cards of the labelled items of each list a section's part was made one card of (`listed`: its
    path, blocks and back; the section's cards start at index `first`), when that card still holds the whole list:
    a grab bag split into a card per fact (`grabbag`) has carded its items already. The list's card then keeps
    only what no item card holds: which items there are, and what the list says beside them."""
    for path, blocks, back in listed:
        k = next((k for k in range(first, len(ex.drafts)) if ex.drafts[k][0][0].form == FORM
                  and ex.drafts[k][0][0].back == back), None)
        if k is None or not (labels := item_definition_cards(ex, path, blocks)):
            continue
        draft = ex.drafts[k][0][0]
        kept, bare = _without_carded(back, labels)
        if not kept or bare and all(_key(label) in _key(draft.front) or label.casefold() in GENERIC_LABELS
                                    for label in labels):
            ex.drop_draft(k)  # ("Pros and Cons" over "Pros", "Cons": the side cards say it all)
        else:
            ex.drafts[k] = ([replace(draft, back=kept)], ex.drafts[k][1])


def long_term_list_cards(ex, path: str, blocks: list[Block]) -> bool:
    """A card "path › term" of each item of a list among `blocks` whose every item opens on its own term and explains
    it ("- **Covariate shift** — $P(x)$ changes …"), when the section's part was too long to be one card (a glossary
    of eight such lines): each definition is short enough to recall alone. Whether any card was made."""
    made = False
    for block in blocks:
        if LIST_ITEM.match(first := block.lines[0].text) and not NUMBERED_ITEM.match(first) \
                and (parts := split_term_items(path, text_of(block), MAX_GLOSSARY)):  # (numbered: steps in order)
            for front, back in parts[1:]:  # (the first, which terms there are, is nothing to learn of a glossary)
                line = line_of([block], back, block.lines[0].no)
                made |= bool(ex.add_card(FORM, front, back, line, id_front=front))
    return made


def _key(text: str) -> str:
    """A label as compared: its words, cased alike, without markup."""
    return " ".join(_WORD.findall(clean_prose(text).casefold()))


def _without_carded(back: str, labels: list[str]) -> tuple[str, bool]:
    """`back` (a list) with each top-level item a card holds cut to its label, and whether nothing but the labels
    is left (then joined on one line)."""
    keys = [_key(label) for label in labels]
    out: list[str] = []
    cutting = False
    for line in back.split("\n"):
        if LIST_ITEM.match(line) and line[:1] not in " \t":
            head = _key(LIST_ITEM.sub("", line, count=1))
            hit = next((labels[j] for j, key in enumerate(keys) if head == key or head.startswith(key + " ")), None)
            cutting = hit is not None
            if hit is None or not is_locator(hit):  # (a page it was on is no part of what the section teaches)
                out.append(f"- {clean_prose(hit)}" if hit is not None else line)
        elif not line.strip():
            cutting = False
            out.append(line)
        elif not cutting:
            out.append(line)
    rest = [line for line in out if line.strip()]
    if all(line.startswith("- ") and _key(line[2:]) in keys for line in rest):
        return ", ".join(line[2:] for line in rest), True  # (which metrics there are: "Precision@k, Diversity")
    return "\n".join(out).strip(), False


def is_locator(label: str) -> bool:
    """Whether a label only says where its item is ("p. 312", "§3.2", "Fig. 4") rather than naming a thing."""
    return _LOCATOR.fullmatch(clean_prose(label).strip()) is not None


def item_definition_cards(ex, path: str, blocks: list[Block]) -> list[str]:
    """A card of each top-level item of a list among `blocks` (a section the walk made one card of) that opens
    with a label and defines it, when two or more items of that list do: front the label under the heading path,
    back its definition with the short items nested under it ("- Cons: ignores the position"); the labels carded.
    An item whose back another's repeats (neither says which), or names a sibling ("unlike Recall@k, …": it
    is read beside it), stays on the list's card alone."""
    if ex.day:
        return []  # (a day's notes: "- lecture 9: …" logs what happened, it defines nothing)
    carded: list[str] = []
    for block in blocks:
        if not LIST_ITEM.match(block.lines[0].text) or block.lines[0].text[:1] in " \t":
            continue  # (the cheap test first: most blocks are prose)
        if sum(len(ln.text.split()) for ln in block.lines) < MIN_LIST_WORDS:
            continue
        items = top_items(block.lines)
        if any(NUMBERED_ITEM.match(item[0].text) for item in items):
            continue  # ("1. warm-up: …", "2. steady state: …": the steps in order, one card; none split off)
        if (done := _aspect_groups(ex, path, items) or _weighed_items(ex, path, items)):
            carded += done
            continue
        found = [(item, labelled) for item in items if (labelled := _labelled(item)) is not None]
        if not MIN_ITEMS <= len(found) <= MAX_ITEMS or len({clean_prose(lab) for _, (lab, _) in found}) < len(found):
            continue
        backs = Counter(back for _, (_, back) in found)
        for item, (label, back) in found:
            if backs[back] > 1 or any(other != label and _names(back, other) for _, (other, _) in found):
                continue
            named = under(path, clean_prose(label))  # (its id, whatever the front shows: "… › train vs eval")
            front, back = weighed(path, clean_prose(label), back) or (named, back)
            if ex.add_card(LABELLED_FORM, front, back, item[0].no, id_front=named):
                carded.append(label)
            if (paired := _paired(item, back)) is not None \
                    and ex.add_card(LABELLED_FORM, under(path, clean_prose(paired[0])), paired[1], item[0].no):
                carded.append(paired[0])  # ("- Masking: … Swamping: normal points …": the pair's other term)
    return carded


def _paired(item, back: str) -> tuple[str, str] | None:
    """(label, back) of the second term an item defines after its first one's definition (`back`), the other of a
    pair named together ("- Novelty detection: train on clean data … Outlier detection: find the anomalies …");
    None when the item says nothing after that definition, or no term opens what it says."""
    text = " ".join(ln.text.strip() for ln in item if not (ln.text[:1] in " \t" and LIST_ITEM.match(ln.text)))
    at = text.find(back.split("\n", 1)[0])
    rest = text[at + len(back.split("\n", 1)[0]):].strip() if at >= 0 else ""
    if not rest or not opens_next_label(rest):
        return None
    return labelled_item(rest, BULLET)


def _names(back: str, label: str) -> bool:
    """Whether `back` names the thing `label` does."""
    key = _key(label)
    return bool(key) and f" {key} " in f" {_key(back)} "


def _aspect_groups(ex, path: str, items: list[list[Line]]) -> list[str]:
    """Whether every top-level item is a bare aspect label with items nested under it ("- Pros" over three, "-
    Cons" over two); if so, each group is a card "path › Pros" of its nested items (one side of the comparison
    the section's card asks whole)."""
    if len(items) < MIN_ITEMS or any(len(item) < 2 for item in items):
        return []
    labels = [LIST_ITEM.sub("", item[0].text, count=1).strip().strip("*").rstrip(":").strip() for item in items]
    if not all(label.casefold() in GENERIC_LABELS for label in labels) or len(set(labels)) < len(labels):
        return []
    for label, item in zip(labels, items):
        cut = min(len(ln.text) - len(ln.text.lstrip()) for ln in item[1:])
        ex.add_card(LABELLED_FORM, under(path, label), "\n".join(ln.text[cut:] for ln in item[1:]), item[0].no)
    return labels


def _weighed_items(ex, path: str, items: list[list[Line]]) -> list[str]:
    """Whether two or more top-level items name a thing ("- CTR: clicks over views", "- Completion rate") over nested
    items that each open with an aspect label ("- Cons: …"); if so, each such item is a card "path › CTR" of what
    it says (the section's card weighs several things at once), unless it says nothing of its own ("- Completion
    rate" over "- Cons: …" alone: a card of its cons would not say what they are cons of); the names carded."""
    weighed = [(name, item) for item in items if len(item) > 1 and (name := _weighed_name(item)) is not None]
    if len(weighed) < MIN_ITEMS:
        return []
    carded = []
    for name, item in weighed:
        head = LIST_ITEM.sub("", item[0].text, count=1).strip()
        said = head[len(name):].lstrip(" :-–—").strip()
        if not said:
            continue
        cut = min(len(ln.text) - len(ln.text.lstrip()) for ln in item[1:])
        back = "\n".join([said] + [ln.text[cut:] for ln in item[1:]])
        if ex.add_card(LABELLED_FORM, under(path, name), back, item[0].no):
            carded.append(name)
    return carded


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
