"""A titled toggle: a list item that is only a short name, with paragraphs and formulas indented under it after a
blank line, as Notion exports a toggle block ("- GloVe (toggle from lecture)", then its text indented):

    - Skip-gram (toggle from class)

        Mikolov et al. 2013. Predict the context from the word:

        $$J = …$$

      →  the formula's front "… › Limitations › Skip-gram / Mikolov et al. 2013. Predict the context …:"

The name is what the indented text is about; without it, a card of that text is filed under the heading above
and says nothing of its subject. Such an item becomes a box titled with its name (a fold hint, "(toggle …)", left
off), whose title leads the fronts of the cards in it, as a callout's does. A toggle that asks a question is a card
of its own (`toggles`). Pure: blocks in, blocks out.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block
from mlwiki.extract.lines import DIV_OPEN, LIST_ITEM, TEXT, Line
from mlwiki.extract.loose_lists import with_loose_lists_joined
from mlwiki.extract.prose import clean_prose
from mlwiki.extract.subject import is_example_title
from mlwiki.extract.toggles import with_toggles_joined

MAX_TITLE_WORDS = 5  # a name, not a claim ("- One vector per word type → …")
MAX_HINTED_WORDS = 8  # (a name its fold hint says is a toggle's: "Derivation of the M-step for $\pi_k$ (toggle)")
MAX_EXAMPLE_WORDS = 16  # a worked example's or an exercise's title may say what it works out
# A fold's hint after its name: "(toggle)", "(toggle from lecture)", "(click to expand)"
_HINT = re.compile(r"(?i)[ \t]*\((?:toggle|click|expand|collapsed?)\b[^()\n]*\)[ \t]*$")
# The writer's aside after a toggle's name, "+ Worked example (did this by hand to convince myself)", "+ Selective
# Search in 4 lines (from my journal, 2025-03-03)": what the toggle holds is named before it
_ASIDE = re.compile(r"[ \t]+\([^()\n]*\)[ \t]*$")
_NOT_A_NAME = re.compile(r"\.(?![a-z]\.|[ \t]+[a-z])|[:;,!?→$=]|\[\[|\]\(")  # a sentence, a label over items, a formula,
# a link ("w.r.t. the logit" is a name)
# A symbol in a name, `$\sigma_i$`, `$\pi_k$`: short inline math that relates nothing (no `=`, `<`, `\le`, …)
_SYMBOL = re.compile(r"\$(?!\$)[^$\n=<>]{1,20}(?<![\\ ])\$")
_RELATION = re.compile(r"\\(?:le|ge|leq|geq|neq|approx|sim|to|in|propto|mid)(?![a-zA-Z])")
# A toggle that checks numbers: "+ Quick check of the formula", "+ Sanity check: how well can 9 anchors …", "+ Centerness
# quick check" (a heading "Sanity checks before a long run" is a checklist: only a toggle's title says so)
_CHECKS_NUMBERS = re.compile(r"(?i)(?:.*\b)?(?:quick|sanity)[ -]check(?!s)\b")
_ITEM_FIRST = "-*+"


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" \t"))


def toggle_title(item: str) -> str:
    """The name a list item's line gives the text indented under it (its fold hint left off), or '' when it is no
    short name."""
    found = LIST_ITEM.match(item)
    if found is None:
        return ""
    text = item[found.end():].strip()
    hinted = _HINT.search(text) or _ASIDE.search(text)
    name = clean_prose(text[:hinted.start()] if hinted else text).strip()
    if name and (is_example_title(name) or _CHECKS_NUMBERS.match(name)) and len(name.split()) <= MAX_EXAMPLE_WORDS:
        return name  # ("+ Worked example: labeling 4 anchors …", "+ Exercise I did: how does …?": a box to leave out)
    said = _SYMBOL.sub(lambda found: "x" if not _RELATION.search(found.group(0)) else "=", name) \
        if hinted and "$" in name else name  # (what the name says, its symbols as words)
    if not name or _NOT_A_NAME.search(said) or len(said.split()) > (MAX_HINTED_WORDS if hinted else MAX_TITLE_WORDS):
        return ""
    return name


def joined_and_titled(blocks: list[Block], titled: bool = True) -> tuple[list[Block], bool]:
    """The blocks with each toggle that asks a question joined to its answer (`toggles.with_toggles_joined`) and,
    when `titled` (not when the note is read as before, for the ids its cards had), each titled toggle as a titled
    box; and whether one was (its cards' fronts gained its name: they keep their ids)."""
    blocks = with_toggles_joined(blocks)
    toggled = titled and _titles_any(blocks)
    if toggled:
        blocks = with_titled_toggles(blocks)
    return with_loose_lists_joined(blocks), toggled  # (a block editor's list, a blank line after each item: one list)


def _titles_any(blocks: list[Block]) -> bool:
    """Whether a top-level paragraph ends on a titled toggle's line with text indented under it."""
    return any(block.kind == TEXT and block.lines[-1].text.lstrip()[:1] in _ITEM_FIRST and _toggle_end(blocks, k)
               for k, block in enumerate(blocks))


def with_titled_toggles(blocks: list[Block]) -> list[Block]:
    """The top-level blocks with each titled toggle (see the module's doc) as a titled box holding its text."""
    k = 0
    while k < len(blocks):
        block = blocks[k]
        if block.kind == TEXT and block.lines[-1].text.lstrip()[:1] in _ITEM_FIRST:
            _take_toggle(blocks, k)
        k += 1
    return blocks


def _toggle_end(blocks: list[Block], k: int) -> int:
    """The end of the blocks indented under the titled toggle that ends blocks[k]; 0 when it ends on none."""
    last = blocks[k].lines[-1]
    if blocks[k].skip or last.kind != TEXT or not toggle_title(last.text):
        return 0
    depth, end = _indent(last.text), k + 1
    while end < len(blocks) and blocks[end].kind == TEXT and not blocks[end].skip \
            and all(_indent(ln.text) > depth for ln in blocks[end].lines if ln.text.strip()):
        end += 1
    if end == k + 1 or all(LIST_ITEM.match(b.lines[0].text) for b in blocks[k + 1:end]):
        return 0  # (items nested under it after a blank line, and nothing else: an outline's branch, read as its list)
    return end


def _take_toggle(blocks: list[Block], k: int) -> None:
    """Replace the toggle ending blocks[k], if any, and the blocks indented under it by a box titled with its name."""
    if not (end := _toggle_end(blocks, k)):
        return
    last, title = blocks[k].lines[-1], toggle_title(blocks[k].lines[-1].text)
    inside = _dedented(blocks[k + 1:end])
    classes = ["example"] if is_example_title(title) or _CHECKS_NUMBERS.match(title) else []  # (a worked example folded away: left out, as one)
    box = Block(DIV_OPEN, [Line(last.no, "", DIV_OPEN, "")], inside, {"classes": classes, "title": title},
                end=inside[-1].end or inside[-1].lines[-1].no)
    kept = blocks[k].lines[:-1]
    blocks[k:end] = ([Block(TEXT, kept)] if kept else []) + [box]


def _dedented(inside: list[Block]) -> list[Block]:
    """The paragraphs of a toggle's text without the indent that put them under its line: a box's text, read as
    written at its margin (its steps a list of their own, not the lazy lines of the toggle's item)."""
    depth = min((_indent(ln.text) for b in inside for ln in b.lines if ln.text.strip()), default=0)
    if not depth:
        return inside
    return [Block(b.kind, [Line(ln.no, ln.text[depth:] if _indent(ln.text) >= depth else ln.text.lstrip(), ln.kind,
                                ln.attrs) for ln in b.lines], skip=b.skip) for b in inside]
