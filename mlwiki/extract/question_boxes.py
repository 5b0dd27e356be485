"""Statement boxes under a question heading. A math note asks "## When are they necessary / sufficient?" and answers
with a titled box per result (`> [!theorem] Necessity under strong duality`, `> [!theorem] Sufficiency for convex
problems`), a folded proof between them, then a line that sums up ("**Bottom line**: …"). Read whole, the section was
one card holding two theorems, a proof and the summary. Each titled statement box is now a card of its own, asked by
its title under the question; a proof box is no part of the answer (its formulas are carded as the walk cards
them); the question keeps the section's own text. A section that is only boxes stays one answer.

Any other titled box after the answer ("## Does the schedule shape matter?" / its answer / a warning box "PyTorch
scheduler pitfalls", a folded "Derivation") says what its title names, not the answer: the section's cards make it
a card of its own under its title (`set_apart`), as they do under a heading that asks nothing."""

from __future__ import annotations

from mlwiki.extract.blocks import Block, join_blocks
from mlwiki.extract.lines import DIV_OPEN
from mlwiki.extract.prose import clean_prose, heading_text
from mlwiki.extract.untitled_statements import CLASS_NAMES
from mlwiki.models import CardKind

FORM = "question-heading"
_STATEMENTS = frozenset(CLASS_NAMES) | {"remark"}  # (a titled remark states a result as a theorem does)
# (boxes that are cards or no cards by their kind: the walk's, never a part of the section's text)
_NOT_ASIDES = frozenset(("proof", "card", "no-card", "question", "faq", "help", "example", "exercise", "solution"))


def split_boxes(section: list[Block]) -> tuple[list[Block], list[Block]]:
    """(the blocks that answer the question, the titled statement boxes to card apart), or (section, []) when the
    section has no such box or holds nothing else to answer with."""
    boxes = [block for block in section if _titled_statement(block)]
    rest = [block for block in section if not _titled_statement(block) and not _proof(block)]
    if not boxes or not join_blocks(rest, skip_cards=True).strip():
        return section, []
    return rest, boxes


def set_apart(section: list[Block]) -> tuple[list[Block], list[Block]]:
    """(the blocks that answer the question, the titled boxes after the first of them left to the section's cards),
    or (section, []) when there is no such box. A box that asks (a question callout) or works an example is the
    walk's already; a statement box, `split_boxes`'."""
    asides = [block for k, block in enumerate(section) if k and _titled_aside(block)]
    if not asides or not join_blocks([b for b in section if b not in asides], skip_cards=True).strip():
        return section, []
    return [block for block in section if block not in asides], asides


def _titled_aside(block: Block) -> bool:
    """A box with a title of its own that neither asks nor states a result: a warning, a tip, a folded derivation."""
    title = block.attrs.get("title", "").strip() if block.kind == DIV_OPEN else ""
    return bool(title) and not title.endswith("?") and not _kinds(block) & (_STATEMENTS | _NOT_ASIDES)


def box_cards(ex, question: str, boxes: list[Block]) -> None:
    """A card per titled statement box of a question's section: "… › <question> › <box title>", its text."""
    path = ex.heading_path()
    for box in boxes:
        back = join_blocks(box.children or [], skip_cards=True).strip()
        if back:
            front = f"{path} › {heading_text(question)} › {clean_prose(box.attrs['title'].strip())}"
            ex.add_pair(CardKind.BASIC, front.lstrip(" ›"), back, box.start, form=FORM, quiet=True)


def _kinds(block: Block) -> set[str]:
    """The kinds of a callout or div ("theorem" of `callout-theorem` or `.theorem`)."""
    return {c.removeprefix("callout-").casefold() for c in block.attrs.get("classes", ())}


def _titled_statement(block: Block) -> bool:
    """A box with a title of its own that states a result: a theorem, definition, lemma … or a remark."""
    return block.kind == DIV_OPEN and bool(block.attrs.get("title", "").strip()) \
        and not block.attrs.get("title", "").strip().endswith("?") and bool(_kinds(block) & _STATEMENTS)


def _proof(block: Block) -> bool:
    """A proof box (`> [!proof]-`, `::: {.proof}`): how a result is shown, no part of what it says."""
    return block.kind == DIV_OPEN and "proof" in _kinds(block)
