"""The text right after a display formula that no card holds: it finishes the formula's sentence, or says what the
formula gives, when it holds, what its cases are. Quick notes write it in lower case on the line under the formula
("$$Q = V + (A - \\bar A)$$" / "subtract the mean because otherwise V and A are not identifiable"), or as a fragment
("— rank $m$.", "independent of $\\mu$.", "n=1 → TD(0), n=∞ → MC."), which neither `remarks` (a remark names a part
of the formula or points back at it) nor the section's other forms take: left alone, the fact is on no card.

    Key object is the Nyström approximation
    $$K_{nn} \\approx K_{nm}K_{mm}^{-1}K_{mn}$$
    — rank $m$, so every method below costs $O(nm^2)$.
      →  the formula card's back goes on with it

    ## Dueling
    split the head in two streams:
    $$Q(s,a) = V(s) + A(s,a) - \\overline{A}(s)$$
    subtract the mean because V and A would not be identifiable otherwise …
      →  … › Dueling › What it says  (the formula under it)  /  the text

A text that finishes the formula's sentence, or one too short to stand alone, goes on the formula card's back; a
longer one is a remark card of its own (the formula on its front, as `remarks` makes them); so is a list right after
the formula that a card held under the bare heading path ("… › residual block"). What works an example
("e.g. $I = 16$, … → 32"), narrates or points elsewhere stays off. Pure: `ex` is the walk over the note
(`mlwiki.extract.walk.Extractor`), which `lists.close_section` hands in with the part it closes.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, text_of, top_items
from mlwiki.extract.claims import DOES
from mlwiki.extract.closings import FORM as SECTION_FORM, FORMULA_FORMS, last_card_line, opens_with_math, works_example
from mlwiki.extract.draft import Draft
from mlwiki.extract.formula_cases import with_case
from mlwiki.extract.lines import LIST_ITEM, TEXT, Line
from mlwiki.extract.leftovers import labelled_leftovers, loose_leftovers, opening_list_card
from mlwiki.extract.margins import only_beside
from mlwiki.extract.midblock import texts_between
from mlwiki.extract.openers import is_opener, opens_with_opener
from mlwiki.extract.passages import NO_SUBJECT, narrates, passage, without_named_pointer
from mlwiki.extract.prose import clean_prose, sentences
from mlwiki.extract.remarks import (FORM as REMARK_FORM, MIN_WORDS, displays_first, ends_with_display,
                                    formula_card_above, list_remark, quantity_names, remark_cue, speaks_of_formula)
from mlwiki.extract.subject import sets_example_values, sets_up_example

MAX_LABEL_WORDS = 3
MAX_GAP = 2  # lines between a formula and the paragraph after it: one blank line
MAX_FRAGMENT_WORDS = 4  # "independent of $\mu$.", "range $(-1, 1]$; loss $1 - \text{GIoU}$.": the formula's sentence ends
# A text that goes on with the formula's own sentence: a dash or a clause after it ("— rank $m$", "and $\text{EI} = 0$
# when …", "in $[0, 1]$, scale invariant", "equivalently $D(R) = …$", the formula as its subject: "is used to …", "holds
# for every …"), or an aside in brackets on it
_GOES_ON = re.compile(r"[—–,;()]|(?:and|or|but|so|with|where|which|whose|in|on|for|of|over|since|because|as|when|if|while|"
                      r"whereas|i\.e\.|hence|thus|then|equivalently|giving|yielding|plus|respectively|provided|"
                      r"assuming|given|up to|is|are|holds?|equals?|denotes?|becomes?|gives?|yields?)\b")
# A short label the text opens on ("temperature τ: …", "adaptive β: …", "**Key takeaway:** …"), not a legend's
# symbol ("$\mu$: the mean") nor a sentence's clause
_LABEL = re.compile(r"[*_]*([^\W\d_][^:$\n.;,()]{0,30}?)[*_]*:[*_]*[ \t]+(?=\S)")
_WRONG = re.compile(r"(?i)problems?|issues?")  # ("Problem: it only cares whether …": what goes wrong, no exercise)
# (a Markdown link, an image, a to-do: `passage` cleans those; a wiki link shows its page's name, as on any back:
# "(as in [[expectation]])" after a formula says no less for it)
_POINTS_AWAY = re.compile(r"\]\(|!\[|https?:|TODO|\bFIXME\b")
# An aside that only points to where more is said: "(→ OOB error, [Oct 5](2026-10-05.qmd))", "(see [notes](x.md))"
_LINK_ASIDE = re.compile(r"[ \t]*\((?:→|->|see\b|cf\.?)[^()\n]*\]\([^()\s]*\)[ \t]*\)(?=[ \t]*[.;,]?[ \t]*$)", re.I)
_ENDS = re.compile(r"[.!)]\W*$")  # (a sentence that ends, not one a list or a formula goes on with)
# (a tutorial's narration to its reader, "You can imagine …", "On the basis of it, you can update …"; not "whether
# you improve")
_TO_READER = re.compile(r"(?i)^(?:you|we|let['’]s|let us)\b|\b(?:you|we) (?:can(?!['’]t|not)|could|should|will|would|need|must|may|"
                        r"might|want|see|get|try)\b|\b(?:allows?|lets?|helps?) us\b")
_FOR_EXAMPLE = re.compile(r"(?i)[(*_]*(?:e\.g\.|eg[.,:]|for (?:example|instance)\b|example\b)")  # ("e.g. $n = 3$ → 9")
# A reader's lead-in to what a formula shows ("We can see from the math above that …", "Note that …", "Notice how …"):
# the clause after it is the fact, the lead-in narration
_SEES = re.compile(r"(?i)(?:(?:so|thus|hence|here|now),?[ \t]+)?"
                   r"(?:(?:we|you|one)[ \t]+(?:can[ \t]+|could[ \t]+|may[ \t]+)?(?:see|notice|observe|tell|note)"
                   r"|note|notice|observe|it[ \t]+(?:is|can[ \t]+be)[ \t]+seen)"
                   r"(?:[ \t]+(?:from|in|by|on)[ \t]+[^,.;:$]{1,40}?)?,?[ \t]+(?:that|how)[ \t]+([*_]*)[ \t]*(.+)",
                   re.S)
_AFTER_DISPLAY = re.compile(r"\$\$[ \t]*[,;]?[ \t]*([^$\s][^$]*(?:\$[^$]+\$[^$]*)*)$", re.M)  # (what a line
# says after its last display formula: "…$$, where $t_j = w^T x_j$, which penalises …")
_SEES_FIRST = frozenset("SsTtHhNnWwYyOoIi")
_WORD = re.compile(r"[^\W\d_][\w-]*")
_MATH = re.compile(r"\$[^$\n]*\$")
_POINTER = re.compile(r"(?i)\b(?:it|its|this|these|that's|it's)\b|^(?:=|≈|→|<|>|≤|≥)")
# An item saying how the section's topic is done, its subject left out: "solved with …", "computed by …"
_NAMES_ITSELF = re.compile(r"[ \t]*(?:[→⇒][ \t]*)?(?:\*\*|__|[^\W\d_][^:\n]{0,30}:[ \t])")  # (its bold term, its label)
_DONE_BY = re.compile(r"(?:[a-z]+ly )?[a-z]+(?:ed|en)\b (?:with|by|via|using|through|in|from)\b")
# An item that gives the formula's value in a case: "$= +\infty$ if …", "= 0 when …", "→ 1 as …"
_VALUE_CASE = re.compile(r"\$?\s*(?:=(?!=)|≈|→|\\to|\\approx)\s*(?P<value>[^$\n]{1,20}?)\s*\$?,?\s+"
                         r"(?:if|iff|when|whenever|as)\b")


def trailing_cards(ex, first: int, path: str, blocks: list[Block], taken: set[int], declined: bool) -> None:
    """Card the text right after each display formula card of a section's part (of the cards from index `first` on)
    that no card holds: the lines a formula's paragraph goes on with, or the paragraph after it."""
    for k, block in enumerate(blocks):
        last = last_card_line(block, taken)
        if last is not None:  # (a paragraph of formula cards: the lines after its last formula)
            _nested_remarks(ex, first, block, taken, declined)
            _same_line_tails(ex, first, block, declined)
            _between(ex, first, block, taken, declined)
            tail = _tail(block.lines[last + 1:])
            if tail and (draft := formula_card_above(ex, first, Block(block.kind, block.lines[:last + 1]))):
                _place(ex, first, draft, tail, len(tail) < len(block.lines) - last - 1, declined)
        elif k and opens_with_opener(block) and _next_to(ex, blocks[k - 1], block) \
                and (remark := _remark_of(ex, first, blocks[k - 1])) is not None:
            _say_on(ex, remark, block, declined)  # ("Either way: want $m \gg p$." after the remark it goes on from)
        elif not k or block.lines[0].kind != TEXT or not _next_to(ex, blocks[k - 1], block) \
                or (draft := _formula_card_of(ex, first, blocks[k - 1])) is None:
            continue  # (not after a box or a table the part leaves out: right after the formula)
        elif LIST_ITEM.match(block.lines[0].text):
            if block.lines[0].text[:1] in " \t":  # (the items nested under the formula's own item, after the formula
                # set apart by blank lines, as a Logseq formula block is)
                _item_remarks(ex, first, draft, _dedented(_nested_lines(block.lines, 0), taken), taken, declined)
            _list_front(ex, first, draft, block, declined)
        else:
            tail = _tail(block.lines)
            leads_on = len(tail) < len(block.lines) or k + 1 < len(blocks) and blocks[k + 1].start - \
                block.lines[-1].no <= MAX_GAP and (LIST_ITEM.match(blocks[k + 1].lines[0].text) or
                                                   opens_with_math(blocks[k + 1]))
            _place(ex, first, draft, tail, leads_on, declined)
    labelled_leftovers(ex, path, blocks, taken, declined)  # (what no closing card held: "Cost of that: …")
    loose_leftovers(ex, path, blocks, taken, declined)
    opening_list_card(ex, path, blocks, taken, declined)  # ("**Special cases:**" / its items / a formula)


def _next_to(ex, before: Block, block: Block) -> bool:
    """Whether a paragraph comes right after the block before it: a blank line apart, or only margin notes between
    (a note beside the text is no part of its flow)."""
    end = before.lines[-1].no
    return block.start - end <= MAX_GAP or only_beside(ex.blocks, end, block.start) \
        or block.start - end == MAX_GAP + 1 and not _starts_between(ex.blocks, end, block.start)
    # (two blank lines apart, as a writer leaves them or an equation's label taken out leaves one more: still next)


def _starts_between(blocks: list[Block], after: int, before: int) -> bool:
    """Whether a block of the note (`blocks`, in order) starts strictly between line `after` and line `before`."""
    return any(after < b.start < before for b in blocks)


def _between(ex, first: int, block: Block, taken: set[int], declined: bool) -> None:
    """Card the text right after a formula that is not its paragraph's last (`midblock`), as the text after its last
    formula is; an item only when it speaks of the formula (not the next fact of a list)."""
    for draft, lines, item in texts_between(ex, first, block, taken):
        if not item or _reads(lines[0].text, displays_first(draft.back)):
            _place(ex, first, draft, lines, False, declined)


def _remark_of(ex, first: int, block: Block) -> Draft | None:
    """The remark card (of the cards from index `first` on) made of this paragraph; None when it made none."""
    lines = {ln.no for ln in block.lines}
    return next((drafts[0] for drafts, _ in reversed(ex.drafts[first:])
                 if drafts[0].form == REMARK_FORM and drafts[0].line in lines), None)


def _say_on(ex, remark: Draft, block: Block, declined: bool) -> None:
    """Put a paragraph that goes on from a remark with an opener ("Either way: …", "Still: …") on the remark's
    back: alone it would ask nothing (its opener names nothing), and it says more of the same formula."""
    said = passage([block], declined=declined)
    if said is not None and not _held(ex, said) and not narrates(said):
        _join(remark, said)


def _nested_remarks(ex, first: int, block: Block, taken: set[int], declined: bool) -> None:
    """Card the items nested under a list item right after its display formula that no card holds ("- objective
    $$…$$" over "- a large C: low bias, high variance", "- a small C: …"): what the formula says, the formula on its
    front, as a list after a formula is (`list_remark`); the items' indentation made them no card of the section's."""
    if not ("\n " in (text := text_of(block)) or "\n\t" in text):
        return  # (nothing nested: said cheaply)
    lines = block.lines
    for drafts, _ in ex.drafts[first:]:
        draft = drafts[0]
        k = next((j for j, ln in enumerate(lines) if ln.no == draft.line), None)
        if draft.form not in FORMULA_FORMS or k is None:
            continue
        owner = next((ln for ln in reversed(lines[:k + 1]) if ln.kind == TEXT and LIST_ITEM.match(ln.text)), None)
        if owner is None or "$$" not in lines[k].text and (k + 1 >= len(lines) or lines[k + 1].kind == TEXT):
            continue  # (no item holds the formula, or its line only introduces a formula elsewhere)
        k += 1
        while k < len(lines) and lines[k].kind != TEXT:
            k += 1  # (the formula's own lines)
        _item_remarks(ex, first, draft, _dedented(_nested_lines(lines[k:], _indent(owner.text)), taken), taken,
                      declined)


def _item_remarks(ex, first: int, draft: Draft, items: Block | None, taken: set[int], declined: bool) -> None:
    """Card the items nested under the item of a formula card's display formula (`items`, moved to the left margin):
    a list of them as what the formula says (`list_remark`), one item as a line under the formula would be."""
    heading = draft.front.split("\n\n", 1)[0]
    if items is not None and len(top := top_items(items.lines)) == 1 and len(top[0]) > 1 \
            and len((label := LIST_ITEM.sub("", top[0][0].text, count=1).strip()).split()) <= MAX_LABEL_WORDS \
            and not label.endswith((".", ":")):  # ("- slack values" over "- $\xi = 0$: …": what they name)
        heading, items = f"{heading} › {clean_prose(label)}", _dedented(top[0][1:], taken)
    found = list_remark(heading, items, displays_first(draft.back), declined) if items is not None else None
    if found is not None and not ex.has_front(found[0]) and not _held(ex, LIST_ITEM.sub("", items.lines[0].text)):
        ex.add_card(REMARK_FORM, *found, items.lines[0].no)
    elif found is None and items is not None and len(items.lines) == 1:  # (one item: what it says of the formula,
        _place(ex, first, draft, [Line(items.lines[0].no, LIST_ITEM.sub("", items.lines[0].text, count=1), TEXT)],
               False, declined)  # as a line under it would)


def _dedented(nested: list[Line], taken: set[int]) -> Block | None:
    """The first nested items of these lines that no card holds (up to one that a card took: "- one common option
    is … $$…$$"), moved to the left margin; None when that is no list."""
    if not nested or not LIST_ITEM.match(nested[0].text):
        return None
    depth = _indent(nested[0].text)
    kept: list[Line] = []
    for item in top_items([Line(ln.no, ln.text[depth:] if _indent(ln.text) >= depth else ln.text.lstrip(), TEXT)
                           for ln in nested]):
        if any(ln.no in taken for ln in item):
            break
        kept += item
    return Block(TEXT, kept) if kept else None


def _same_line_tails(ex, first: int, block: Block, declined: bool) -> None:
    """Card the text a line goes on with after its display formula ("- Hinge loss $$…$$, where $t_j = …$, which
    penalises …", "$$K = …$$ which maps the data to $n^d$ dimensions"), as the lines after a formula are (`_place`)."""
    if "$$" not in (text := text_of(block)) or not _AFTER_DISPLAY.search(text):
        return  # (no text after a display formula on its line: said cheaply)
    for drafts, _ in ex.drafts[first:]:
        draft = drafts[0]
        line = next((ln for ln in block.lines if ln.no == draft.line and ln.kind == TEXT), None)
        if draft.form in FORMULA_FORMS and line is not None and (after := _AFTER_DISPLAY.search(line.text)):
            found = sentences(after.group(1).lstrip(",; \t"))
            said = found if len(found) < 2 or not narrates(" ".join(found[1:])) else found[:1]  # (not "Now we …")
            _place(ex, first, draft, [Line(line.no, " ".join(said), TEXT)], False, declined)


def _nested_lines(lines: list[Line], indent: int) -> list[Line]:
    """The text lines at the start of `lines` indented deeper than `indent` (an item's own nested lines)."""
    kept: list[Line] = []
    for line in lines:
        if line.kind != TEXT or not line.text.strip() or _indent(line.text) <= indent:
            break
        kept.append(line)
    return kept


def _indent(text: str) -> int:
    """How far a line is indented (a tab as four spaces' worth: a nested item either way)."""
    return len(text) - len(text.lstrip(" \t"))


def _formula_card_of(ex, first: int, block: Block) -> Draft | None:
    """The formula card a block ending with a display formula made (`formula_card_above`), or the one its formula
    joined when it shares that card's front (several displays under one introduction: one card, the first's line)."""
    if (found := formula_card_above(ex, first, block)) is not None or not ends_with_display(block):
        return found
    shown = next((text for ln in reversed(block.lines)
                  if ln.kind != TEXT and (text := ln.text.strip().strip("$").strip())), "")
    return next((drafts[0] for drafts, _ in reversed(ex.drafts[first:])
                 if shown and drafts[0].form in FORMULA_FORMS and shown in drafts[0].back), None)


def _list_front(ex, first: int, draft: Draft, block: Block, declined: bool) -> None:
    """The list right after a formula that a card holds under the bare heading path ("… › residual block" over "- if
    identity is optimal, push $F \\to 0$ …"): asked as what the formula says, the formula on its front."""
    heading = draft.front.split("\n\n", 1)[0]
    block = _items_left(ex, block)  # ("- continuous version: …" a card of its own: the items before it)
    formula = displays_first(draft.back)
    found = list_remark(heading, block, formula, declined) if block is not None else None
    if found is None and block is not None and len(block.lines) == 1 \
            and not _NAMES_ITSELF.match(LIST_ITEM.sub("", block.lines[0].text, count=1)) \
            and speaks_of_formula(text := clean_prose(LIST_ITEM.sub("", block.lines[0].text, count=1))) \
            and (said := passage([block], labelled=True, declined=declined)) is not None:  # (one item that speaks of
        found = f"{heading} › {_cue(None, sentences(text))}\n\n{formula}", said  # the formula: "- the last line is an
        # interpolation …"; not one that names its own topic, "- → **bias–variance balance**: …")
    if found is None or ex.has_front(found[0]) or (alone := _heading_card(ex, first, found[1])) is None:
        return
    items = [LIST_ITEM.sub("", " ".join(ln.text.strip() for ln in item), count=1) for item in top_items(block.lines)]
    if _DONE_BY.match(items[0]) and not any(_reads(item, formula) for item in items):
        return  # ("- solved with conjugate gradient …" / "- complicated, hard to combine …": how the section's
        # topic is done and what it is like, not what its formula says; its card under the heading path stays)
    made = _case_split(heading, formula, block, declined)
    if not made or any(ex.has_front(front) for front, _, _ in made):  # (no item of it lost to a front taken)
        made = [(found[0], found[1] if len(block.lines) > 1 else LIST_ITEM.sub("", found[1], count=1), block.start)]
    ex.drop_draft(alone)
    for front, back, line in made:
        ex.add_card(REMARK_FORM, front, back, line)


def _reads(item: str, formula: str) -> bool:
    """Whether a list item after a formula speaks of it: holds math, points back at it ("it", "this"), names one of
    its parts or the quantity it defines, or goes on from it ("= …", "→ …")."""
    return "$" in item or bool(_POINTER.search(item)) or speaks_of_formula(item) \
        or any(name in item for name in quantity_names(formula))


def _case_split(heading: str, formula: str, block: Block, declined: bool) -> list[tuple[str, str, int]]:
    """Two cards or more for a list after a formula when an item gives the formula's value in a case of its own
    ("- $= +\\infty$ if $q(x) = 0$ where $p(x) > 0$ …"): that item asked by its value ("When is it $+\\infty$?"),
    the other items what the formula says; none when no item does, or what is left does not speak of the formula."""
    cases, rest = [], []
    for item in top_items(block.lines):
        text = LIST_ITEM.sub("", " ".join(ln.text.strip() for ln in item), count=1)
        value = _VALUE_CASE.match(text)
        if value and len(clean_prose(text).split()) >= MIN_WORDS \
                and (said := passage([Block(TEXT, [Line(item[0].no, text, TEXT)])], labelled=True,
                                     declined=declined)) is not None:
            cases.append((f"{heading} › When is it {_as_math(value['value'])}?\n\n{formula}", said, item[0].no))
        else:
            rest.append((item, text))
    if not cases or not rest or not any(_reads(text, formula) for _, text in rest):
        return []
    if len(rest) == 1:
        item, text = rest[0]
        said = passage([Block(TEXT, [Line(item[0].no, text, TEXT)])], labelled=True, declined=declined)
    else:
        said = passage([Block(TEXT, [ln for item, _ in rest for ln in item])], labelled=True, declined=declined)
    if said is None or len(clean_prose(said).split()) < MIN_WORDS:
        return []
    return [(f"{heading} › What it says\n\n{formula}", said, rest[0][0][0].no), *cases]


def _as_math(value: str) -> str:
    """A value as the front shows it: in math when it is written in TeX ("+\\infty" → "$+\\infty$")."""
    value = value.strip()
    return f"${value}$" if "\\" in value or "^" in value or "_" in value else value


def _items_left(ex, block: Block) -> Block | None:
    """The top-level items of a list (with what is nested under them) that no card holds but one under a bare
    heading path; None when no item is left."""
    def elsewhere(text: str) -> bool:
        return any(text in d.back for drafts, _ in ex.drafts for d in drafts
                   if not (d.form == SECTION_FORM and "\n\n" not in d.front))
    items = top_items(block.lines)  # (a nested item goes with the item it is under)
    said = [LIST_ITEM.sub("", item[0].text, count=1).strip() for item in items]  # (a labelled item's card holds
    kept = [item for item, text in zip(items, said)  # what follows its label: "- pre-activation: normalise …")
            if not elsewhere(text[:60]) and not (": " in text and elsewhere(text.split(": ", 1)[1][:60]))]
    if len(kept) == len(items):
        return block
    return Block(TEXT, [ln for item in kept for ln in item]) if kept else None


def _tail(lines: list[Line]) -> list[Line]:
    """The text lines at the start of `lines`, up to a list or a formula."""
    kept: list[Line] = []
    for line in lines:
        if line.kind != TEXT or LIST_ITEM.match(line.text):
            break
        kept.append(line)
    return kept


# The word a remark after a formula adds one more fact of it with
_ONE_MORE = re.compile(r"(?:Also|Moreover|Furthermore|In addition),?[ \t]+")


def _place(ex, first: int, draft: Draft, lines: list[Line], leads_on: bool, declined: bool) -> None:
    """The text of these lines on the formula card's back, or on a remark card of its own, when no card holds it and
    it reads as something to recall (`leads_on`: a list or a formula follows it in its paragraph)."""
    found = sentences(" ".join(" ".join(ln.text for ln in lines).split()))
    if found and (found[-1].rstrip().endswith((":", "?", ",")) or leads_on and not _ENDS.search(found[-1])):
        found = found[:-1]  # (it introduces what follows, "where" over a legend, or asks what a list answers)
        lines = [Line(lines[0].no, " ".join(found), TEXT)]
    if found and found[0][:1] in _SEES_FIRST and (seen := _SEES.match(found[0])) and len(seen.group(2).split()) > 2:
        found = [_capitalised(seen.group(1) + seen.group(2)), *found[1:]]  # ("We can see from the math above that
        lines = [Line(lines[0].no, " ".join(found), TEXT)]  # **it never looks at the batch.**": what is seen)
    elif found and found[0].startswith("Then ") and len(found[0].split()) > MAX_FRAGMENT_WORDS:
        found = [_capitalised(found[0][5:].lstrip()), *found[1:]]  # ("Then $\mathbb E[z^\top z'] = k$ (unbiased),
        lines = [Line(lines[0].no, " ".join(found), TEXT)]  # …": what the formula gives, said without its "Then")
    text = " ".join(found)
    if narrates(text) and not narrates(named := without_named_pointer(text)):  # ("… the independences below.")
        text, found, lines = named, sentences(named), [Line(lines[0].no, named, TEXT)]
    opening = clean_prose(found[0]) if found else ""
    label = _LABEL.match(text)
    if not opening or _works_example(opening, text, label) or narrates(text):
        return  # ("e.g. $I = 16$ … → 32": a worked example; "The figure below shows …")
    said = passage([Block(TEXT, lines)], labelled=True, declined=declined)  # (a legend line by line keeps its lines)
    if said is None and (also := _ONE_MORE.match(text)) and passage([Block(TEXT, [Line(lines[0].no, text[also.end():],
                                                                                       TEXT)])], labelled=True):
        said = text  # ("Also $\mathrm{KL} = H(p, q) - H(p)$: …": one more fact of the formula, no sentence going on
        # from another one: a remark, its "Also" kept)
    goes_on = _goes_on(opening)  # ("— rank $m$. …" alone under the heading: the formula's sentence, to go on the
    alone = _heading_card(ex, first, said) if goes_on and said is not None else None  # formula's card instead)
    if alone is None and _held(ex, text):
        return
    if len(clean_prose(text).split()) < MIN_WORDS:  # (too short to stand alone: "ε = 0.2 in the paper.")
        placed = _join(draft, said or text)
    elif goes_on:  # (the formula's sentence ends; what follows it may say more, a card of its own)
        rest = found[1:]
        if len(clean_prose(" ".join(rest)).split()) < MIN_WORDS or rest[0].startswith("(") \
                or not _remark(ex, draft, rest, lines[-1].no, None, declined):
            rest = []
        placed = _join(draft, " ".join(found[:len(found) - len(rest)]))
    else:
        placed = _remark(ex, draft, found, lines[0].no, label, declined, said)
    if placed and alone is not None:
        ex.drop_draft(alone)


def _capitalised(text: str) -> str:
    """The text with its first letter (after any emphasis marks) in upper case."""
    k = len(text) - len(text.lstrip("*_"))
    return text[:k] + text[k:k + 1].upper() + text[k + 1:]


def _works_example(opening: str, text: str, label: re.Match | None) -> bool:
    """Whether the text after a formula works an example ("e.g. $n = 3$, $k = 2$ → 9"), not what the formula says; a
    "Problem:" label says what goes wrong with it, no exercise."""
    if _FOR_EXAMPLE.match(opening) or sets_up_example(opening) or sets_example_values(opening[:1].upper() + opening[1:]):
        return True
    return works_example(text[label.end():] if label and _WRONG.fullmatch(label.group(1)) else text)


def _remark(ex, draft: Draft, found: list[str], line: int, label: re.Match | None, declined: bool,
            said: str | None = None) -> bool:
    """A remark card of these sentences at this line (`said`: their passage, when the caller has it), the formula on
    its front; whether it was made."""
    if said is None:
        said = passage([Block(TEXT, [Line(line, " ".join(found), TEXT)])], labelled=True, declined=declined)
    if said is None or _TO_READER.search(found[0]):  # (not a tutorial's "You can imagine …")
        return False
    heading = draft.front.split("\n\n", 1)[0]  # (the formula's own path: a box's title may lead it)
    shown, kept = with_case(ex, f"{heading} › {_cue(label, found)}\n\n{displays_first(draft.back)}")
    return ex.add_card(REMARK_FORM, shown, said, line, kept)


def _cue(label: re.Match | None, found: list[str]) -> str:
    """What the text speaks of: the label it opens on ("temperature τ: τ → 0 greedy …" → "Temperature τ",
    "Problem: …"), unless that names nothing ("note: …"); else what `remarks` reads in its first sentence."""
    if label is not None and len((name := clean_prose(label.group(1)).strip()).split()) <= MAX_LABEL_WORDS \
            and not NO_SUBJECT.fullmatch(name) and not is_opener(name.split()):  # ("Either way: …" names nothing)
        return name[:1].upper() + name[1:]
    cue = remark_cue(found)
    after = clean_prose(found[0])[len(cue):].split(None, 1)
    if len(cue.split()) == 2 and after and DOES.fullmatch(after[0]):  # ("the transition probabilities $P$ don't
        return "What it says"  # …": a plural read as the verb would leave "The transition")
    return cue


def _goes_on(sentence: str) -> bool:
    """Whether the first sentence of the text after a formula finishes the formula's own sentence: it opens on a
    dash or a clause, or is a fragment in lower case of a few words ("independent of $\\mu$.")."""
    if _GOES_ON.match(sentence):
        return True
    return sentence[:1].islower() and len(_WORD.findall(_MATH.sub(" ", sentence))) <= MAX_FRAGMENT_WORDS


def _join(draft: Draft, text: str) -> bool:
    """Put the text on the formula card's back, after what it holds (the draft itself: a later formula of its front
    joins the same card); not a text that needs a link or an image `passage` would clean."""
    text = _LINK_ASIDE.sub("", text) if "](" in text else text  # ("… out-of-bag (→ OOB error, [Oct 5](…)).")
    if not text or _POINTS_AWAY.search(text):
        return False
    end = draft.back.rfind("$$") + 2
    if text[:1].islower() and 2 <= end < len(draft.back.rstrip()):  # (the rest of the formula's own sentence goes
        draft.back = f"{draft.back[:end]}\n\n{text}{draft.back[end:]}"  # right under it, before what a closing
        return True  # text put there first: "$$…$$ / with $\beta_k = …$ achieves … / In the strongly convex case …")
    draft.back += f"\n\n{text}"
    return True


def _heading_card(ex, first: int, back: str) -> int | None:
    """The index of a card of the section (from index `first` on) that holds only this text under a bare heading
    path (no question, no term)."""
    for k in range(first, len(ex.drafts)):
        drafts = ex.drafts[k][0]
        d = drafts[0]
        if len(drafts) == 1 and d.form == SECTION_FORM and d.back == back and "\n\n" not in d.front:
            return k
    return None


def _held(ex, text: str) -> bool:
    """Whether a card of the note holds the text already, on its back or (an introduction) on its front."""
    start = clean_prose(text)[:40]
    raw = text[:40]
    return any(raw in d.back or start in d.front or start in clean_prose(d.back)
               for drafts, _ in ex.drafts for d in drafts)
