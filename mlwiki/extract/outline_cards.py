"""Outline cards of a section (see `mlwiki.extract.outline` for the tree of bullets they are read from): a card per
labelled branch whose nested items read as prose, the loose items no branch card holds, and the branches a formula
or definition card took part of. `ex` is the walk over the note (`mlwiki.extract.walk.Extractor`)."""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, text_of
from mlwiki.extract.defining import definition_sentence_cards, on_a_back
from mlwiki.extract.draft import Draft
from mlwiki.extract.lines import LIST_ITEM, TEXT, Line
from mlwiki.extract.mixed_lists import mixed_list_card
from mlwiki.extract.nested_steps import nested_steps_back
from mlwiki.extract.outline import FORMULA_LABEL, loose_items, outline_items, predicated_subject
from mlwiki.extract.passages import NO_SUBJECT, passage
from mlwiki.extract.prose import clean_prose
from mlwiki.extract.steps import steps_front
from mlwiki.extract.subject import is_example_title
from mlwiki.extract.trees import names_listed, tree_labels
from mlwiki.models import CardKind

FORM = "outline"  # a labelled bullet and the items nested under it, in a section too long for one card
NAMES_FORM = "section"  # (the card of a tree's branch names stands for the section: its card's form and id)
_NUMBERED_LABEL = re.compile(r"[A-Z][a-z]+ \d{1,2}")  # "Method 3", "Option 2": which one of a series, no name
# The name a numbered label's text opens with: "Multi-task classifier (see …). We treat …", "Single binary classifier"
_OWN_NAME = re.compile(r"(?P<name>[^.()\n:;$]{3,60}?)[ \t]*(?:\([^()\n]*\))?[ \t]*(?:[.:;][ \t]+|\n|$)")
MAX_NAME_WORDS = 6
MIN_OUTLINE_LINES = 20  # a list this long that opens a note is the note, written as an outline


def item_groups(block: Block) -> list[list[Line]] | None:
    """The top-level list items of a block (with what is nested under them), and the lines of text between its
    formulas, each a group; None when the block has no list item at the left margin."""
    if not any(ln.text[:1] == "-" or ln.text[:1] == "*" or ln.text[:1].isdigit() for ln in block.lines):
        return None  # (no list item at the left margin: said cheaply)
    groups: list[list[Line]] = []
    for ln in block.lines:
        if ln.kind != TEXT or not groups or groups[-1][-1].kind != TEXT or \
                (ln.text[:1] not in " \t" and LIST_ITEM.match(ln.text)):
            groups.append([ln])  # (a formula, the text after it, and each top-level item: a group of its own)
        else:
            groups[-1].append(ln)
    return groups


def untaken_items(block: Block, taken: set[int]) -> Block | None:
    """The top-level list items of a block (with what is nested under them), and the lines of text between its
    formulas, that hold no line another form made a card of and no formula; None when the block has no list or
    nothing is left."""
    kept: list[Line] = []
    item_free = True  # (whether the item a formula's indented text goes on with is left)
    for group in item_groups(block) or []:
        free = not any(ln.no in taken or ln.kind != TEXT for ln in group)
        if group[0].kind == TEXT and group[0].text[:1] in " \t" and not LIST_ITEM.match(group[0].text):
            free = free and item_free  # ("- **APPNP**: … $$…$$ ␣␣The teleport term …": the card of APPNP's item
            # holds it, not the next item's)
        elif group[0].kind == TEXT:
            item_free = free
        if free:
            kept += group
    return Block(TEXT, kept) if kept else None


def branches_with_terms(ex, block: Block, taken: set[int], whole: set[int]) -> Block | None:
    """The top-level items of a block whose nested items a definition card took some of, and that hold items no card
    holds ("- Properties of implicit data" over "- **no negative signal**: …" and "- the numbers measure
    *confidence*, not preference"): an outline's branch is one thing to recall, its terms among its facts."""
    kept: list[Line] = []
    for group in item_groups(block) or []:
        carded = [ln for ln in group if ln.no in taken]
        if not carded or group[0].no in taken or any(ln.kind != TEXT for ln in group) \
                or not all(ln.no in whole and LIST_ITEM.match(ln.text) for ln in carded):
            continue
        if any(ln.no not in taken and not on_a_back(ex, LIST_ITEM.sub("", ln.text, count=1).strip())
               for ln in group[1:]):
            kept += group
    return Block(TEXT, kept) if kept else None


def outline_cards(ex, path: str, block: Block, declined: bool, alone: bool = False,
                  whole: Block | None = None) -> Block | None:
    """A card per labelled branch of an outline (see `mlwiki.extract.outline`) whose nested text reads as prose;
    `alone` (no other card came from the block): and of its items no branch card holds. When the branches carded
    are terms beside plain items (`mixed_list_card`; the list is `whole`, or `block`), the plain items left."""
    text = text_of(block)  # (a nested item's line starts with a space or tab: the whole text is tested first)
    if not (text[:1] in " \t" or "\n " in text or "\n\t" in text) or \
            not any(ln.text[:1] in " \t" and LIST_ITEM.match(ln.text) for ln in block.lines):
        return None  # (the common case, said cheaply: nothing nested, no outline)
    if (labels := tree_labels([block], declined)) is not None and (names := names_listed(labels)) is not None:
        ex.add_card(NAMES_FORM, path, names, block.start)  # ("Methods of …" over a branch per method: their names)
    lines = [(ln.no, ln.text) for ln in block.lines if ln.kind == TEXT]
    if (steps := nested_steps_back(block, whole)) is not None:
        _steps_card(ex, path, steps, lines, block.start)  # (a loop among steps: one card of them all, in order)
        return None
    before, carded = len(ex.drafts), set()
    for labels, nested, line in outline_items(lines, vague):
        labels = [clean_prose(label) for label in labels]
        if any(NO_SUBJECT.fullmatch(label) or is_example_title(label) for label in labels):
            continue
        if labels[-1] == FORMULA_LABEL and nested.startswith("$$"):  # (a formula item over its legend)
            if _formula_item_card(ex, " › ".join([path, *labels[:-1]]), nested, line):
                carded.add(line)
            continue
        back = passage([Block(TEXT, [Line(line, text, TEXT) for text in nested.split("\n")])], True, declined)
        if back is None:
            continue
        introduced = labels[-1].endswith(":")  # (a sentence that introduces the items)
        id_front = ""
        if not introduced and (named := numbered_name(labels[-1], back)) is not None:
            id_front = " › ".join([path, *labels])  # (its id keeps the front it had: its history stays)
            labels[-1], back = named  # ("- Method 3: Multi-task classifier …": "Method 3" alone names nothing)
        elif not introduced and (subject := predicated_subject(labels[-1], back)) is not None:
            id_front = " › ".join([path, *labels])  # (its id keeps the front it had: its history stays)
            labels[-1] = subject  # ("Finding the optimal ordering is **NP-hard**": asked by what is NP-hard)
        front = f"{' › '.join([path, *labels[:-1]])}\n\n{labels[-1]}" if introduced else " › ".join([path, *labels])
        if ex.add_card(FORM, front, back, line, id_front):
            carded.add(line)
    if alone:
        _loose_item_cards(ex, path, lines, carded, ex.drafts[before:])
    return mixed_list_card(ex, path, whole or block, carded) if carded else None  # (after the loose items' cards)


def _formula_item_card(ex, path: str, back: str, line: int) -> bool:
    """The formula card of an outline's item that is one display formula (`outline.formula_item`), asked by the
    labels above it, the items under it (what its symbols are) on its back; whether it made one."""
    body = back[2:back.index("$$", 2)].strip()
    key = " ".join(body.split())
    if key in ex.formulas_seen:
        return False
    ex.formulas_seen[key] = ""
    draft = Draft(CardKind.FORMULA, f"{path}\n\n{FORMULA_LABEL}", back, line, form="formula", formulas=[body])
    return ex.add_formula_draft(draft)


def _steps_card(ex, path: str, back: str, lines: list[tuple[int, str]], line: int) -> None:
    """The steps card of a numbered list with a loop in it (`nested_steps`); its id is that of the card its one loop
    made as an outline's branch, which it holds now (its history stays)."""
    branches = [labels for labels, _, _ in outline_items(lines, vague)]
    was = " › ".join([path, *(clean_prose(label) for label in branches[0])]) if len(branches) == 1 else ""
    ex.add_card(FORM, steps_front(path), back, line, id_front=was)


def _loose_item_cards(ex, path: str, lines: list[tuple[int, str]], carded: set[int], made: list) -> None:
    """The items of an outline that no branch card holds, tried one by one as the items of any list are (a labelled
    item, a bold term said something of, a named thing and what it equals), under the labels above them: a label
    whose words after its colon are the note's subject ("- reading group: calibration" in a day's note about
    calibration) adds nothing. Items under a sentence are left out: no label says what they are about. The top
    level of an outline no branch card came from is `definition_sentence_cards`'s already."""
    backs = [d.back for drafts, _ in made for d in drafts]
    subject = path.split(" › ", 1)[0].casefold()
    for labels, positions in loose_items(lines, carded):
        if not labels and not carded or any(label is None for label, _ in labels):
            continue
        names = [clean_prose(label) for label, said in labels if label and clean_prose(said).casefold() != subject]
        if any(vague(name) or is_example_title(name) for name in names):
            continue
        kept = [Line(lines[k][0], lines[k][1], TEXT) for k in positions
                if LIST_ITEM.sub("", lines[k][1], count=1).strip() not in "\n".join(backs)]
        if kept:
            definition_sentence_cards(ex, " › ".join([path, *names]), Block(TEXT, kept), claims=True)


def vague(label: str) -> bool:
    """Whether a list's label names no subject ("Others", "Misc")."""
    return bool(NO_SUBJECT.fullmatch(clean_prose(label)))


def numbered_name(label: str, back: str) -> tuple[str, str] | None:
    """(label, back) for a numbered label ("Method 3") whose text opens with the method's own name ("Multi-task
    classifier (see …). We treat each …"): the name joins the label ("Method 3: Multi-task classifier"), the rest is
    the back; None for another label, or a text that is the name alone (nothing left to ask for)."""
    if not _NUMBERED_LABEL.fullmatch(label) or (found := _OWN_NAME.match(back)) is None \
            or len(found["name"].split()) > MAX_NAME_WORDS:
        return None
    rest = back[found.end():].strip()
    return (f"{label}: {found['name'].strip()}", rest) if rest else None


def opens_outline(text: str) -> bool:
    """Whether a note's first block is a whole outline (a list of `MIN_OUTLINE_LINES` lines or more, as an outliner's
    export is): a first item about the notes ("How I use this outline") is one branch of it, not an opening remark
    the note's text is furniture around."""
    return bool(LIST_ITEM.match(text)) and text.count("\n") + 1 >= MIN_OUTLINE_LINES
