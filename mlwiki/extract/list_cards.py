"""List cards of a section: a list the sentence before it introduces ("… in two parts:", "… satisfy KKT if"), a
short list right after a display formula (what its symbols mean, what it says of it), the explanations a section
holds beside its formula cards, and a flat list of statements no other card holds. `ex` in every function is the
walk over the note (`mlwiki.extract.walk.Extractor`); `mlwiki.extract.lists` calls them as it closes a section."""

from __future__ import annotations

import re

from mlwiki.extract.asking import MIN_INTRO_WORDS
from mlwiki.extract.blocks import Block, card_text_lines, list_items, text_of, writes_algorithm
from mlwiki.extract.closings import (FORM, READS_FORMULA, is_legend, last_card_line, later_steps_only, leaves_out,
                                     opens_with_math)
from mlwiki.extract.counted import FORM as COUNTED_FORM, counted_list, counts
from mlwiki.extract.defining import on_a_back
from mlwiki.extract.labelled_items import labelled_items_cards
from mlwiki.extract.forms import DEFINITION
from mlwiki.extract.labels import introduces_list, label_lines, lead_in_label, list_label
from mlwiki.extract.lines import LIST_ITEM, NUMBERED_ITEM, TEXT, Line
from mlwiki.extract.number_asides import without_number_asides
from mlwiki.extract.outline import LABELLED_ITEM
from mlwiki.extract.passages import ABOUT_PAGE, names_list, narrates, passage
from mlwiki.extract.remarks import FORM as REMARK_FORM, formula_above, list_remark
from mlwiki.extract.prose import clean_prose, last_sentence, sentences
from mlwiki.extract.steps import FRONT as STEPS, step_names
from mlwiki.extract.subject import sets_up_example

LIST_FORM = "list"  # a list introduced by a sentence ending in ":", in a section too long for one card
MIN_REST_ITEMS = 2  # beside formula cards, a list of explanations: at least two items …
MIN_REST_ITEM_WORDS = 4  # … each a sentence, not a label ("Derivation of the loss (MLE)")
MAX_LABELLED_ITEMS, MAX_LABELLED_WORDS = 6, 120  # a list of labelled formulas on one card: what can be recalled
# A list item that bids the reader do something: an exercise or a worked example, no fact
_BIDS = re.compile(r"(?i)(?:find|try|read|write|implement|imagine|suppose|consider|check|look|go|make sure|think)\b")
_WHERE = re.compile(r"(?i)[ \t]*(?:where|with|here)[ \t]*:?[ \t]*")  # (a formula's legend follows)
_ANNOUNCES = re.compile(r"\s*(?:as follows|the following|below)\s*:$", re.I)  # (the list it announces is the back)


def formula_list_cards(ex, first: int, path: str, blocks: list[Block], taken: set[int], declined: bool) -> None:
    """A card of each short list right after a display formula card (of the cards from index `first` on), of its items
    no card holds: what the formula's symbols mean, or what the list says of it (`remarks.list_remark`). Such a list
    ("$$PE = …$$" over "- wavelengths form a geometric progression …") was on no card: no sentence introduces it, and
    its items name no term (one that does, "- RetinaNet = …", is a card of its own and stays off)."""
    carded = taken | {d.line for drafts, _ in ex.drafts[first:] for d in drafts}  # ("2. Edge - An edge connects …":
    for k, block in enumerate(blocks):  # a definition card of its own, made after `taken` was gathered)
        if k and LIST_ITEM.match(block.lines[0].text):
            listed, formula = block, _formula_read(ex, first, blocks, k)
        elif (tail := _legend_tail(block, taken)) is not None:  # ("$$…$$" / "where" / "- $k$ is …")
            listed, formula = tail[1], formula_above(ex, first, tail[0])
        else:
            continue
        if formula is None or (listed := _uncarded_items(ex, listed, carded)) is None:
            continue
        if (found := list_remark(path, listed, formula, declined)) is not None:
            ex.add_card(REMARK_FORM, *found, listed.start)


def _formula_read(ex, first: int, blocks: list[Block], k: int) -> str | None:
    """The display formula (of a card from index `first` on) the list at block `k` says something of: the one right
    above it, or above a line that says the list reads it ("Reading it:") and an aside in brackets under the formula
    ("($G$ = true gradient, …)", its card's)."""
    if not (k > 1 and READS_FORMULA.fullmatch(text_of(blocks[k - 1]).strip())):
        return formula_above(ex, first, blocks[k - 1])
    aside = text_of(blocks[k - 2]).strip()
    if k > 2 and aside[:1] == "(" and aside.rstrip(".")[-1:] == ")" and "\n" not in aside:
        return formula_above(ex, first, blocks[k - 3])
    return formula_above(ex, first, blocks[k - 2])


def _uncarded_items(ex, block: Block, carded: set[int]) -> Block | None:
    """The items of a list that no card holds (the list, when that is all of them); None when every item is on a
    card. ("- RetinaNet = ResNet + FPN + focal loss" a card of its own: the items before it still say what the formula
    above does.)"""
    kept = [item for item in list_items(block.lines) if not any(ln.no in carded for ln in item)
            and not any(on_a_back(ex, LIST_ITEM.sub("", ln.text, count=1).strip()[:60])
                        for ln in item if ln.kind == TEXT and ln.text.strip())]
    if len(kept) == len(list_items(block.lines)):
        return block
    return Block(TEXT, [ln for item in kept for ln in item]) if kept else None


def _legend_tail(block: Block, taken: set[int]) -> tuple[Block, Block] | None:
    """(the paragraph up to its last display formula, the list it ends with) when that list follows the formula, right
    after it or after a "where" line ("$$BIC = k\\ln n - 2\\ln\\hat L$$" / "where" / "- $n$ is the number of data
    points"); None for any other paragraph."""
    last = last_card_line(block, taken)
    if last is None or block.lines[last].kind == TEXT:
        return None
    tail = block.lines[last + 1:]
    if tail and tail[0].kind == TEXT and _WHERE.fullmatch(tail[0].text):
        tail = tail[1:]
    if not tail or not LIST_ITEM.match(tail[0].text):
        return None
    return Block(block.kind, block.lines[:last + 1]), Block(TEXT, tail)


def loose_list_card(ex, first: int, path: str, blocks: list[Block], taken: set[int]) -> None:
    """A card of the heading path for a list of explanations that no card holds and no sentence introduces, when the
    section made no card of that front ("aka dual encoder." / a diagram / "- two separate networks, which meet only
    in a dot product" / "- so item vectors can be computed ahead …"): what the section says, item by item (the
    `rest_card` a list beside formula cards makes). Items another card holds (a labelled "- price: …") stay off it."""
    held = next((k for k in range(first, len(ex.drafts)) if ex.drafts[k][0][0].front == path), None)
    if held is not None and (len(ex.drafts[held][0]) > 1 or ex.drafts[held][0][0].form != FORM):
        return
    for k, block in enumerate(blocks):
        if not LIST_ITEM.match(block.lines[0].text) or any(ln.kind != TEXT or ln.no in taken for ln in block.lines) \
                or k and introduces_list(blocks[k - 1].lines[-1].text) or not _plain_list(block) \
                or k + 1 < len(blocks) and opens_with_math(blocks[k + 1]) \
                or block.lines[0].text[:1].isdigit() and any(b.lines[0].text[:1].isdigit() for b in blocks[k + 1:]):
            continue  # (steps 1 and 2 of an algorithm whose formulas break its list: its later steps come after; the
            # list a formula follows leads to it, under a heading that says where it stands: "Terminology")
        items = [item for item in list_items(block.lines) if not _item_carded(ex, item[0].text, first)]
        rest = Block(TEXT, [ln for item in items for ln in item])
        if len(items) < MIN_REST_ITEMS:
            continue
        if held is None and rest_card(ex, path, rest):
            return
        if held is not None and _held_after(ex.drafts[held][0][0], blocks, k) and (back := _rest_back(rest)):
            draft = ex.drafts[held][0][0]  # (a paragraph after it has the section's front, "Expressivity: …" after
            draft.back = f"{back}\n\n{draft.back}"  # callouts: the list the section opens with goes first on it)
            return
        if held is not None and k and blocks[k - 1].lines[-1].kind != TEXT and (back := _rest_back(rest)):
            draft = ex.drafts[held][0][0]  # (the list after the code its opening paragraph leads to, "- `returns`
            draft.back = f"{draft.back}\n\n{back}"  # must not carry gradient": what it says of that code, after it)
            return


# The end of a line that breaks off a sentence: a word or a comma, no mark that ends one
_WRAPPED = re.compile(r"[\w,]$")


def _held_after(draft, blocks: list[Block], k: int) -> bool:
    """Whether the card that has the section's front holds text that comes after the list `blocks[k]`: made from a
    line below it, or, for a list right under its heading (k = 0: the heading introduces it), an opening card (made
    at the heading's line) whose back is the paragraph right below the list and sums it up ("Overall, …")."""
    if draft.line > blocks[k].lines[-1].no:
        return True
    start = " ".join(draft.back.split())[:_SAME_START]
    return not k and len(start) == _SAME_START and len(blocks) > 1 and _SUMS_UP.match(start) is not None \
        and " ".join(text_of(blocks[1]).split()).startswith(start)


# The words a paragraph opens on when it sums up the list above it: the list and it are one passage
_SUMS_UP = re.compile(r"(?i)(?:overall|all in all|altogether|in (?:short|sum|summary|a nutshell)|to (?:sum up|summari[sz]e))\b")
_SAME_START = 40  # characters: a back that starts as a paragraph does, so far, is that paragraph's


def _plain_list(block: Block) -> bool:
    """Whether a block is one flat list of statements: no nested items (an outline's branches), no paragraph after
    it, no item that asks ("What content modes? text, …": a requirements interview) or bids the reader do something
    ("Find an example of …", "Imagine you have three classifiers …": exercises, a worked example)."""
    before = ""
    for ln in block.lines:
        if ln.text[:1].isspace():
            if LIST_ITEM.match(ln.text):
                return False
        elif not LIST_ITEM.match(ln.text) and not (before and _WRAPPED.search(before)) \
                or _BIDS.match(LIST_ITEM.sub("", ln.text, count=1)):
            return False  # (a line under an item cut mid-sentence, "… has a space complexity of" / "$O(|V|^2)$ …",
        before = ln.text  # is that item's, wrapped without an indent as CommonMark allows, not a paragraph after it)
    return "?" not in text_of(block)


def _item_carded(ex, line: str, first: int) -> bool:
    """Whether a card (of the cards from index `first` on) holds a list item's words, or what its label says ("-
    price: no feature crosses …" on the card "… › price")."""
    said = LIST_ITEM.sub("", line, count=1).strip()
    return on_a_back(ex, said[:60], first) or ": " in said and on_a_back(ex, said.split(": ", 1)[1][:60], first)


def rest_card(ex, path: str, rest: Block, whole: Block | None = None) -> bool:
    """The explanations a section holds beside its formula cards ("The higher the β, the smoother the curve",
    "Computationally cheap"): a section card of the heading path, when they read as a passage of sentences; whether
    it was made. Items that only ask ("- DoRA: worth it?") are no explanation: left out. A label line right before
    them in `whole` (the lines no formula card took: "Problems:" over the list after the formula) says what they are:
    it stays on the front ("… › Spectral convolution › Problems"), where the heading path alone would not say it."""
    if labelled_items_cards(ex, path, list_items(rest.lines)):
        return True  # ("- Inference: …" / "- Training: …": two facts, each asked by its label)
    back = _rest_back(rest)
    if back is None:
        return False
    label = lead_in_label(whole, rest) if whole is not None else None
    return ex.add_card(FORM, f"{path} › {label}" if label else path, back, rest.start, path if label else "")  # (the
    # id of the front it had before its label: its history stays)


def _as_kept(item: list[Line]) -> list[Line]:
    """An item as a rest card keeps it: without a bracket that works its rule out on numbers (`number_asides`)."""
    return without_number_asides(item) or item


def _rest_back(rest: Block) -> str | None:
    """The back of a rest card of these items (see `rest_card`); None when they make none."""
    back = passage([rest], declined=True)  # (`**Term**:` items too: no other card took them)
    if back is None:  # (one item working out numbers or opening on a formula need not cost the others their card)
        kept = [item for item in map(_as_kept, list_items(rest.lines)) if passage([Block(TEXT, item)], declined=True)]
        back = passage([Block(TEXT, [ln for item in kept for ln in item])], declined=True) if kept else None
    if back is None or is_legend(LIST_ITEM.sub("", back, count=1)) or later_steps_only(back) or leaves_out(back):
        return None  # (what a formula's symbols mean, steps 2 and 3 of a list the formula broke, a gap)
    items = [line for line in back.split("\n") if line[:1] not in " \t" and LIST_ITEM.match(line)]
    if len(items) < MIN_REST_ITEMS or not all(len(item.split()) > MIN_REST_ITEM_WORDS for item in items) \
            or any(sentences(clean_prose(item))[0].rstrip().endswith("?") for item in items):
        return None
    return back


def following_items(blocks: list[Block], free: list[bool], whole: set[int] | None = None) -> list:
    """The lines of the list that starts the blocks after a paragraph: its items may stand a blank line apart. With
    `whole` (the lines of cards that took a whole paragraph or item), a list from which only formula cards took its
    lines' inline math goes on the card too ("4. **stationarity**: $\\nabla f_0(x^\\star) + … = 0$": the list of
    conditions is still asked for as a whole)."""
    lines: list = []
    for block, unused in zip(blocks, free):
        if not unused and whole is not None:
            unused = all(ln.kind == TEXT and ln.no not in whole for ln in block.lines)
        items = _list_after(card_text_lines(block.lines)) if unused else []
        if not items or lines and bool(NUMBERED_ITEM.match(items[0].text)) != bool(NUMBERED_ITEM.match(lines[0].text)):
            break  # (nothing more, or a list of the other kind: "1. Train …" steps, then "- **Sliding window** …")
        lines += items
        if len(items) < len(block.lines):
            break  # (the paragraph goes on after its list)
    return lines


def list_cards(ex, path: str, block: Block, after: list, declined: bool) -> None:
    """A card per list a sentence introduces ("Machine learning is a game of two parts:" and its items): the
    sentence is the front, under the heading path; the list the back. The list may follow in the same paragraph
    or right after it. Its `**Term**: …` items belong to it whatever `definitions` says: the paragraph is one no
    definition card took from ("… by alternating two steps:", `1. **E-step**: …`)."""
    labels = label_lines(block.lines) or _label_over(block, after)
    if not labels and not introduces_list(block.lines[-1].text) and (":" not in text_of(block) or not any(
            ln.text.rstrip().endswith(":") for ln in block.lines)):
        return  # (the common case, said cheaply: no sentence here introduces anything)
    lines = [ln for ln in card_text_lines(block.lines) if ln.kind == TEXT]
    for k, ln in enumerate(lines):
        label = labels.get(ln.no)
        if not (label or introduces_list(ln.text)) or LIST_ITEM.match(ln.text):
            continue  # (a line cut off, "… satisfy KKT if", introduces a list as one ending in ":" does)
        items = _list_after(lines[k + 1:]) or (after if k == len(lines) - 1 else [])
        if not items:
            continue
        if label:  # "Algorithm:", "Pros / cons": a heading of its own, written as a line
            back = passage([Block(TEXT, items)], declined=True)
            if back is not None and LIST_ITEM.match(back):
                ex.add_card(LIST_FORM, f"{path} › {label}", back, ln.no)
            continue
        intro = _own_intro(last_sentence(clean_prose(" ".join(x.text for x in lines[:k + 1]
                                                            if not LIST_ITEM.match(x.text)))))
        if (term := DEFINITION.match(lines[0].text)) and term.group(1).strip().casefold() not in intro.casefold():
            intro = f"{clean_prose(term.group(1)).strip()}: {intro}"  # ("Beam search: … Two known issues:")
        # (a list of names, "- Lasso", "- Random forest", when the sentence says what kind they are: "Algorithms
        # that select features as they learn, for example:")
        back = passage([Block(TEXT, items)], declined=True) or names_list([Block(TEXT, items)], intro) \
            or _labelled_back(items)
        if back is None or len(intro.split()) < MIN_INTRO_WORDS and not counts(intro) \
                and not writes_algorithm([x.text for x in items]) or ABOUT_PAGE.search(intro) \
                or narrates(_ANNOUNCES.sub("", intro)) or sets_up_example(intro) or not LIST_ITEM.match(back):
            if (counted := counted_list(intro, items)) is not None:
                ex.add_card(COUNTED_FORM, f"{path}\n\n{counted[0]}", counted[1], ln.no)  # ("… three methods:")
            elif (named := step_names(items)) is not None:  # ("Here's how it works:" over "1. **Define the problem**:
                ex.add_card(LIST_FORM, f"{path} › {STEPS}", named, ln.no)  # …" and five more: the steps in order)
            continue
        ex.add_card(LIST_FORM, f"{path}\n\n{intro}", back, ln.no)


def _label_over(block: Block, after: list) -> dict[int, str]:
    """{line: label} of a paragraph that is only a label too short to ask anything as an introduction over the
    numbered list in the paragraph after it ("Training loop:", a blank line, "1. Sample a minibatch …"), as
    `label_lines` reads one over a list right under it. (A longer line, "Facts (Burda et al. 2016):", introduces its
    list as a sentence does.)"""
    if len(block.lines) != 1 or not after or not block.lines[0].text.rstrip().endswith(":") \
            or not NUMBERED_ITEM.match(after[0].text) and not _loose(after):
        return {}  # (steps in order, "1. … 2. …", are one card; a bullet list under a label has its own ways, but
        # one whose items stand a blank line apart, as Capacities writes every list, heads it as a tight one does)
    label = list_label([block.lines[0], after[0]])
    return {block.lines[0].no: label} if label and len(label.split()) < MIN_INTRO_WORDS else {}


def _own_intro(intro: str) -> str:
    """The sentence that introduces a list, alone, when the sentence before it, which `last_sentence` joined to it
    for being short, walks the reader on ("You may meet other orders. Some rules of thumb:"): that story is no part of
    what the list answers. As it was when the sentence alone narrates too or is too short to ask anything."""
    if not narrates(intro):
        return intro  # (the common case, said cheaply)
    found = sentences(intro)
    last = found[-1].strip()
    return last if len(found) > 1 and len(last.split()) >= MIN_INTRO_WORDS and not narrates(last) else intro


def _labelled_back(items: list[Line]) -> str | None:
    """The back of a list each of whose items is one labelled line ("1. **primal feasibility**: $f_i(x) \\le 0$"), as
    written, when `passage` refuses it for its math: each label says what its formula is. None for any other list,
    one too long to recall, or one that points elsewhere."""
    lines = [ln for ln in items if ln.text.strip()]
    if not MIN_REST_ITEMS <= len(lines) <= MAX_LABELLED_ITEMS or any(
            ln.kind != TEXT or not LABELLED_ITEM.match(ln.text) or ln.text[:1].isspace() or "](" in ln.text
            or "http" in ln.text for ln in lines) \
            or sum(len(clean_prose(ln.text).split()) for ln in lines) > MAX_LABELLED_WORDS:
        return None
    return "\n".join(ln.text.strip() for ln in lines)


def _list_after(lines) -> list:
    """The list items (with their continuation lines) at the start of `lines`; [] when they do not start a list."""
    if not lines or lines[0].kind != TEXT or not LIST_ITEM.match(lines[0].text):
        return []
    end = len(lines)
    for k, ln in enumerate(lines):
        if ln.kind == TEXT and not LIST_ITEM.match(ln.text) and not ln.text[:1].isspace():
            end = k  # an unindented line that is no item ends the list
            break
    return lines[:end]


def _loose(items: list[Line]) -> bool:
    """Whether a bulleted list's items (`following_items`' lines) stand a blank line apart, every one of them."""
    firsts = [line.no for line in items if LIST_ITEM.match(line.text)]
    return len(firsts) > 1 and all(b - a > 1 for a, b in zip(firsts, firsts[1:]))
