"""The text right after a display formula that is not its paragraph's last (issue 23). `trailing` asks what follows a
paragraph's last formula; a paragraph of several formulas also says things between them, which no form takes:

    3. **APPNP**: predict first, then propagate:
    $$Z^{(k+1)} = (1-\\alpha)\\hat A Z^{(k)} + \\alpha H$$
       the teleport term $\\alpha H$ keeps each node near its own prediction.
    4. **GCNII**: …
    $$…$$

    GIN, the architecture of that paper:
    $$h_v = \\mathrm{MLP}\\big((1 + \\epsilon) h_v + \\sum_u h_u\\big)$$
    - $\\epsilon$ learnable or fixed; the $(1+\\epsilon)$ factor tells the node from its neighbours.
    - **readout**: sum the node vectors per layer, concat:
    $$h_G = …$$

The line the first formula goes on with (up to the next item or formula), or an item right after it that speaks of it
and holds no formula of its own, is the text `trailing` places on that formula's card or on a remark card beside it.
Pure: `ex` is the walk over the note (`mlwiki.extract.walk.Extractor`).
"""

from __future__ import annotations

from mlwiki.extract.blocks import Block
from mlwiki.extract.closings import FORMULA_FORMS, last_card_line
from mlwiki.extract.draft import Draft
from mlwiki.extract.lines import LIST_ITEM, TEXT, Line


def texts_between(ex, first: int, block: Block, taken: set[int]) -> list[tuple[Draft, list[Line], bool]]:
    """For each formula card of the section (from index `first` on) made in this block before its last card line:
    the card, the text lines right after its formula that no card took, and whether they are one list item (its
    marker cut, its nested lines joined)."""
    lines = block.lines
    last = last_card_line(block, taken)
    if last is None or not any(ln.kind != TEXT or "$$" in ln.text for ln in lines[:last]):
        return []  # (one formula at most before the last card line: said cheaply)
    found = []
    for drafts, _ in ex.drafts[first:]:
        draft = drafts[0]
        k = _after_formula(lines, draft) if draft.form in FORMULA_FORMS else None
        if k is None or k > last or lines[k].no in taken or lines[k].kind != TEXT:
            continue
        if LIST_ITEM.match(lines[k].text):
            item = _item(lines[k:], taken)
            if item is not None:
                found.append((draft, item, True))
        elif text := _continuation(lines[k:], taken):
            found.append((draft, text, False))
    return found


def _after_formula(lines: list[Line], draft: Draft) -> int | None:
    """The index of the first line after the formula of this card, when the block holds it; None when it does not,
    or when its line only introduces a formula elsewhere."""
    k = next((j for j, ln in enumerate(lines) if ln.no == draft.line), None)
    if k is None or lines[k].kind == TEXT and "$$" not in lines[k].text \
            and (k + 1 >= len(lines) or lines[k + 1].kind == TEXT):
        return None
    k += 1
    while k < len(lines) and lines[k].kind != TEXT:
        k += 1  # (the formula's own lines)
    return k if k < len(lines) else None


def _continuation(lines: list[Line], taken: set[int]) -> list[Line]:
    """The text lines at the start of `lines` up to an item, a formula or a line a card took; none when a formula
    follows them (they introduce it)."""
    kept: list[Line] = []
    for line in lines:
        if line.kind != TEXT:
            return []
        if line.no in taken or LIST_ITEM.match(line.text) or not line.text.strip():
            break
        kept.append(line)
    return kept


def _item(lines: list[Line], taken: set[int]) -> list[Line] | None:
    """The list item at the start of `lines` as one line of text without its marker, when it holds no formula, no
    line a card took (an item with a formula of its own is that formula's introduction) and no items of its own."""
    indent = len(lines[0].text) - len(lines[0].text.lstrip(" \t"))
    item = [lines[0]]
    for line in lines[1:]:
        if line.kind == TEXT and (LIST_ITEM.match(line.text) and len(line.text) - len(line.text.lstrip(" \t")) <= indent
                                  or not line.text.strip()):
            break
        item.append(line)
    if any(ln.kind != TEXT or ln.no in taken or "$$" in ln.text for ln in item) \
            or any(LIST_ITEM.match(ln.text) for ln in item[1:]):
        return None  # (items nested under it: a list `trailing` asks as one, under the item's label)
    text = " ".join(ln.text.strip() for ln in item)
    return [Line(item[0].no, LIST_ITEM.sub("", text, count=1), TEXT)]
