"""The items of a list that holds display math, which no card holds (issue 23). A formula card takes the lines of its
formula and introduction only, and the rest of such a list went on no card: the plain bullets before the formula's item
("- the flat prior is not invariant: flat on θ is not flat on log θ"), and the sub-bullets written under the formula
("- **Jeffreys prior** …:" + `$$…$$` over "- Bernoulli: … = Beta(½, ½)"). A list of facts does not turn into a
derivation because one of its bullets shows a formula: each such item is a card, as an orphan item beside carded
siblings is (`orphan_items`), the sub-bullets under the label of the item that holds the formula (with that item's
own words, when no card shows them). Numbered lists stay off (their steps say little alone), a step in words is not
asked by the bare heading, and what another card holds stays off. The sentences a paragraph opens with over a list
that a term's card took items of are a card of the heading too, and the list's other items are looked at as any
list's. Pure: `ex` is the walk over the note (`mlwiki.extract.walk.Extractor`).
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, text_of, top_items
from mlwiki.extract.closings import FORM
from mlwiki.extract.defining import on_a_back
from mlwiki.extract.draft import Draft
from mlwiki.extract.formulas import RELATION
from mlwiki.extract.leftovers import narrated as _narrated
from mlwiki.extract.lines import LIST_ITEM, MATH, TEXT, Line, indent_width
from mlwiki.extract.masking import mask_inline
from mlwiki.extract.orphan_items import (_LINK, _MATH_SPAN, MIN_WORDS, _card, _held, _intro, _orphan,
                                        _said, orphan_item_cards)
from mlwiki.extract.outline import item_label
from mlwiki.extract.outline_cards import vague
from mlwiki.extract.passages import narrates, passage
from mlwiki.extract.prose import clean_prose, has_words, prefix_heading, sentence_around
from mlwiki.models import CardKind

MIN_EQUATION = 8  # (characters of an equation worth a card: "$x = 1$" is a value, no statement)
_BULLET = re.compile(r"[-*+][ \t]")  # (an unordered item at the left margin: a numbered one is a step)
# What the writer set off in an item ("… posterior **correlations** → ==underestimates the variance==") says what a
# card under the bare heading is about (`lists._name_shared_fronts` names it so); a step in words has none ("- Make
# an initial prediction, 0.5 as default"), and one step would stand for the whole section
_EMPHASIS = re.compile(r"\*\*[^*]|__[^_]|==[^=]")
_LINK_WORD = re.compile(r"(?i)(?:so|hence|thus|therefore)\b,?[ \t]+(?=\S)")  # ("- so the noise …" after a formula)
_BOLD = re.compile(r"\*\*([^*]+)\*\*|__([^_]+)__")  # (the term an item's line sets in bold)


def list_item_cards(ex, first: int, path: str, blocks: list[Block], lines: tuple[set[int], set[int]]) -> None:
    """The cards of a part's list items that no card holds: beside carded siblings (`orphan_item_cards`), and in
    a list of bullets that holds display math or a formula card's lines (`math_list_cards`)."""
    orphan_item_cards(ex, first, path, blocks, lines)
    taken, whole = lines
    for k, block in enumerate(blocks):
        if lead := _lead_lines(block, taken):
            _lead_card(ex, first, path, block, lead, lines)
            continue
        if _BULLET.match(block.lines[0].text) and any(
                ln.kind == MATH or ln.no in taken and ln.no not in whole for ln in block.lines):
            math_list_cards(ex, first, path, block, _intro(blocks[k - 1]) if k else "", taken)


def _lead_lines(block: Block, taken: set[int]) -> int:
    """How many lines of prose a paragraph opens with before a list at the left margin in the same paragraph, when
    a card took lines of that list and none of them; 0 otherwise (the common case: no list, or one of its own)."""
    if LIST_ITEM.match(block.lines[0].text) or not any(ln.no in taken for ln in block.lines):
        return 0
    end = next((j for j, ln in enumerate(block.lines) if ln.kind == TEXT and _BULLET.match(ln.text)), 0)
    return end if end and not any(ln.no in taken or ln.kind != TEXT for ln in block.lines[:end]) else 0


def _lead_card(ex, first: int, path: str, block: Block, end: int, lines: tuple[set[int], set[int]]) -> None:
    """The cards of a paragraph's opening sentences over a list a card took items of ("A common line: a prior that
    rules out absurd values …" over "- examples" and a term's item), which no card holds: a card of the heading path
    when they read as a passage; and of the list's items, as any list's (`list_item_cards`). Not when they end in
    ":" and introduce the list: that is the lead-in's (`item_bodies.lead_before_items`)."""
    lead, items = Block(TEXT, block.lines[:end]), Block(TEXT, block.lines[end:])
    if text_of(lead).rstrip().endswith(":"):
        return
    said = passage([lead], declined=True)
    if said is not None and not on_a_back(ex, said[:60], first) and not _made_from(ex, first, lead.start):
        ex.add_card(FORM, path, said, lead.start)
    list_item_cards(ex, first, path, [items], lines)


def math_list_cards(ex, first: int, path: str, block: Block, intro: str, taken: set[int]) -> None:
    """Card each top-level item of a list holding formulas that holds no formula and no line a card took, and that
    reads as a fact alone; and each item nested under an item's formula or under a carded item that no card holds,
    under that item's label."""
    shown = False  # (the item before shows a display formula)
    for item in top_items(block.lines):
        item, shown = (_without_link(item) if shown else item), any(ln.kind == MATH for ln in item)
        if any(ln.kind != TEXT or ln.no in taken for ln in item):
            last = max(k for k, ln in enumerate(item) if ln.kind != TEXT or ln.no in taken)
            _nested_cards(ex, first, path, item, item[last + 1:])  # (what is written under its formula)
        elif _held(ex, item, first) or _made_from(ex, first, item[0].no):
            _nested_cards(ex, first, path, item, item[1:])  # (a card holds the item: maybe not all under it)
        elif _orphan(ex, item) and (len(_MATH_SPAN.sub("", _said(item)).split()) >= MIN_WORDS
                                    or item_label(item[0].text)[1]):  # (its words or its label, not symbols alone)
            _item_card(ex, path, item, intro, bare=_EMPHASIS.search(item[0].text) is not None)


def _without_link(item: list[Line]) -> list[Line]:
    """An item that draws its conclusion from the formula in the item before ("- so the noise **std scales like
    $1/\\sqrt{B}$**: …" under the covariance's `$$…$$`), without the word that links it: a fact alone."""
    bullet = LIST_ITEM.match(item[0].text)
    link = _LINK_WORD.match(item[0].text, bullet.end()) if bullet else None
    if link is None:
        return item
    return [Line(item[0].no, item[0].text[:bullet.end()] + item[0].text[link.end():], item[0].kind), *item[1:]]


def _nested_cards(ex, first: int, path: str, item: list[Line], after: list[Line]) -> None:
    """Card each item nested in `after` (the lines of `item` after its formula, or its own line) that no card
    holds, under the item's label ("… › Jeffreys prior" over "- Bernoulli: …"), or its path when it names none; a
    nested item that holds a formula or a carded line is looked into in turn."""
    nested = [ln for ln in after if ln.text.strip()]
    start = next((k for k, ln in enumerate(nested) if ln.kind == TEXT and LIST_ITEM.match(ln.text)), None)
    if start is None:
        return
    nested = nested[start:]
    depth = min(indent_width(ln.text) for ln in nested if ln.kind == TEXT)
    dedented = [Line(ln.no, ln.text.expandtabs(4)[depth:], ln.kind) if ln.kind == TEXT else ln for ln in nested]
    label = _label(item[0].text)
    under = f"{path} › {label}" if label else path
    if label and _branch_lead(ex, first, under, item, dedented):
        return
    for child in top_items(dedented):
        if any(ln.kind != TEXT for ln in child) or _held(ex, child, first) or _made_from(ex, first, child[0].no):
            _nested_cards(ex, first, under, child, child[1:])
        elif _fact(child):
            named, _ = item_label(child[0].text) if label else (None, "")
            if named and not vague(named):  # ("- Bernoulli: … = Beta(½, ½)": the case of the term it names)
                ex.add_card(FORM, f"{under} › {clean_prose(named).strip()}", _said(child), child[0].no)
            else:  # (under an item that names nothing, the bare heading would ask for all of them)
                _item_card(ex, under, child, "", bare=bool(label) or _EMPHASIS.search(child[0].text) is not None)


def _branch_lead(ex, first: int, front: str, item: list[Line], nested: list[Line]) -> bool:
    """One card of an item's own words and the items nested under its formula, when no card holds those words
    ("- idea: update one component at a time from its full conditional" + `$$…$$` over "- i.e. always condition on
    the newest values"; "- Step 2: for each round:" over its steps, one of them a formula): the label asks for them
    all, as an outline's branch is asked; whether it was made. Not when the words introduce the formula ("- **Jeffreys
    prior** fixes it:" + `$$…$$`): the items under it are cases of it, each asked by its own label."""
    _, said = item_label(item[0].text)
    lead = said.strip()
    opens_list = len(item) > 1 and item[1].text[:1] in " \t" and LIST_ITEM.match(item[1].text.lstrip())
    if not lead or item[0].text.rstrip(" *_").endswith(":") and not opens_list \
            or any(lead[:40] in d.front or lead[:40] in d.back for drafts, _ in ex.drafts for d in drafts):
        return False  # (no words of its own, or they introduce the formula, or a card shows them)
    back = passage([Block(TEXT, nested)], declined=True)
    return back is not None and not on_a_back(ex, back[:60], first) \
        and ex.add_card(FORM, front, f"{lead}\n\n{back}", item[0].no)


def _item_card(ex, path: str, item: list[Line], intro: str, bare: bool = True) -> None:
    """The card of an item no card holds (`orphan_items`); when no front it could have is free (its words name no
    topic: "- and exactly: $\\log p = \\mathcal L + \\mathrm{KL}$ — the gap is the KL"), the card of the equation its
    words introduce with a colon, its sentence around the equation on the front, as an inline formula's card is
    (not "$w_i \\ge 0$" in "weighted sums $\\sum_i w_i f_i$, $w_i \\ge 0$": a condition, which the words say)."""
    made = len(ex.drafts)
    _card(ex, path, item, intro, bare)
    if len(ex.drafts) > made:
        return
    text = LIST_ITEM.sub("", " ".join(ln.text.strip() for ln in item), count=1)
    found = [(end - start, start, end) for start, end in mask_inline(text)[1]
             if text[start] == "$" and text[start + 1] != "$" and len(text[start + 1:end - 1].strip()) >= MIN_EQUATION
             and RELATION.search(text[start + 1:end - 1]) and text[:start].rstrip(" *_").endswith(":")]
    if not found:
        return
    _, start, end = max(found)  # (the longest equation: the one the item states)
    body = text[start + 1:end - 1]
    key = " ".join(body.split())
    sentence = clean_prose(sentence_around(text, start, end))
    front = prefix_heading(path, sentence)
    if key in ex.formulas_seen or not has_words(sentence) or ex.has_front(front):
        return
    ex.formulas_seen[key] = ""
    ex.emit([Draft(CardKind.FORMULA, front, f"${body}$", item[0].no, form="inline-formula", formulas=[body])])


def _made_from(ex, first: int, line: int) -> bool:
    """Whether a card (of those from index `first` on) was made from this line ("- setting: …", a label's card, whose
    back leaves the label off)."""
    return any(d.line == line for drafts, _ in ex.drafts[first:] for d in drafts)


def _fact(item: list[Line]) -> bool:
    """Whether a nested item says a fact of its own: some words, no question, not the writer's doings nor a list of
    links (a bold-led item too: the term forms passed it by)."""
    text = _said(item)
    prose = _MATH_SPAN.sub("x", text) if "$" in text else text
    if any("[[" in ln.text for ln in item) and len(" ".join(
            _LINK.sub("", LIST_ITEM.sub("", ln.text.strip(), count=1)) for ln in item).split()) <= MIN_WORDS:
        return False  # (links to other notes under a name: "- Neural models" over "- [[LSTM]]", "- [[GRU]]")
    return len(text.split()) >= 2 and "?" not in text and not narrates(prose) and not _narrated(prose)


def _label(text: str) -> str:
    """What an item that holds a formula names: its outline label, else the term its line sets in bold."""
    label, _ = item_label(text)
    if label and not vague(label):
        return clean_prose(label).strip()
    bold = _BOLD.search(text)
    return clean_prose(bold.group(1) or bold.group(2)).strip() if bold else ""
