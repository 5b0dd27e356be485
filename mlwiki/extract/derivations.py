"""Derivations written step by step ("**Step 1.** Split off the noise …", "**Step 2 — differentiate.**" and a
formula each): one card, its front the section that says what is derived, its back every step, the result included.

Carded step by step, a learner meets "Step 2. Add and subtract f̄" with no idea of what is being derived, and the
step after it on the back; the steps only mean something together.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, text_of
from mlwiki.extract.draft import Draft
from mlwiki.extract.lines import COMMENT, HEADING, TEXT
from mlwiki.extract.prose import clean_prose
from mlwiki.models import CardKind

FORM = "derivation"
# "**Step 1.**", "**Step 2 — differentiate.**", "*Step 3:*", "Step 4." at the start of a paragraph
_STEP = re.compile(r"[ \t]*(?:[*_]{1,2})?[ \t]*Step[ \t]+(\d{1,2})[ \t]*(?:[.:)—–-]|[*_])", re.I)
# what a derivation's last word opens with ("So the MLE is just …", "That's the monotonicity guarantee: …")
_CONCLUDES = re.compile(r"[ \t]*(?:so|thus|hence|therefore|that(?:'|’)?s|this (?:shows|proves|is why)|in short|"
                        r"i\.e\.|which (?:shows|proves))\b", re.I)
_DISPLAY = re.compile(r"\$\$|\\\[|\\begin\{")
_NAMES_DERIVATION = re.compile(r"(?i)\b(?:deriv\w*|proofs?|prove\w*|why it works|showing)\b")
_SETUP_WORDS = 90  # the section's text before its first step (its setting, its shorthand), kept while this short
_LABEL = re.compile(r"[ \t]*\{#[\w:.-]+\}")


def step_number(block: Block) -> int | None:
    """The number of the step a paragraph starts, if it starts one."""
    first = block.lines[0].text if block.lines and block.kind == TEXT else ""
    if "tep" not in first[:12]:
        return None
    match = _STEP.match(first)
    return int(match.group(1)) if match else None


def derivation_card(ex, blocks: list[Block], i: int) -> int | None:
    """If blocks[i] starts the first step of a derivation of two steps or more (in one section), its card; the
    index of the block after its last step, or None (no derivation starts here)."""
    if step_number(blocks[i]) != 1 or ex.in_example() or (ex.ctx.formulas == "none" and not ex.ctx.sections):
        return None
    steps, last, k = 1, i, i + 1
    while k < len(blocks) and blocks[k].kind != HEADING:
        number = step_number(blocks[k])
        if number == steps + 1:
            steps, last = number, k
        elif number is not None:
            break
        k += 1
    if steps < 2 or not any(_DISPLAY.search(text_of(block)) for block in blocks[i:last + 1]):
        return None  # (numbered steps without a formula: a procedure, which other forms card)
    if last + 1 < len(blocks) and blocks[last + 1].kind == TEXT and _CONCLUDES.match(blocks[last + 1].lines[0].text):
        last += 1  # (its result, said in words)
    setup = _setup(ex, blocks, i)
    taken = setup + blocks[i:last + 1]
    back = _without_diary("\n\n".join(_source(block) for block in taken if block.kind == TEXT))
    path = ex.heading_path()
    front = path if _NAMES_DERIVATION.search(path.rsplit(" › ", 1)[-1]) else f"{path} › Derivation"
    draft = Draft(CardKind.BASIC, front, back, blocks[i].start, form=FORM, id_front=f"{FORM}: {ex.id_path()}")
    _drop_cards_of(ex, setup)
    ex.emit([draft])
    if ex.section is not None:  # (its steps are on this card: no section card shows them again)
        ex.section.body = [b for b in ex.section.body if not any(b is t for t in taken)]
    _drop_cards_of(ex, setup)
    ex.separate()
    return last + 1


def _setup(ex, blocks: list[Block], i: int) -> list[Block]:
    """The paragraphs of the section right before its first step (its setting: "Coin flips $x_i$ with …", "For any
    distribution $q(z)$:"), while they are short: what the steps need to be read."""
    setup: list[Block] = []
    words = 0
    k = i - 1
    while k >= 0 and blocks[k].kind == TEXT:
        words += len(clean_prose(text_of(blocks[k])).split())
        if words > _SETUP_WORDS:
            break
        setup.insert(0, blocks[k])
        k -= 1
    return setup


def _drop_cards_of(ex, setup: list[Block]) -> None:
    """The cards made of the setup's paragraphs as the walk went through them (a formula card "Model: …"): the
    derivation's card holds them now."""
    lines = {ln.no for block in setup for ln in block.lines}
    if lines:
        ex.drafts[:] = [(drafts, path) for drafts, path in ex.drafts
                        if not (drafts[0].form != FORM and drafts[0].line in lines)]
        ex.formula_fronts = {front: d for front, d in ex.formula_fronts.items() if d.line not in lines}
        ex._fronts, ex._fronts_of = set(), 0  # (the fronts gathered so far: gathered again)


def _source(block: Block) -> str:
    """A paragraph as written (its formulas included), without Quarto labels (`{#eq-…}`, for cross-references)."""
    return "\n".join(_LABEL.sub("", ln.text) for ln in block.lines if ln.kind != COMMENT)


def _without_diary(text: str) -> str:
    """The derivation without the sentences it opens with that speak of its writer ("This is the part I wanted to
    understand."): a learner recalls the derivation, not the diary."""
    while (match := _FIRST_SENTENCE.match(text)) and _FIRST_PERSON.search(match.group(0)):
        text = text[match.end():]
    return text


_FIRST_SENTENCE = re.compile(r"[^$\n]*?[.!](?:[ \t]+|\n(?!\n))(?=[A-Z*$])")  # (no math, one paragraph)
_FIRST_PERSON = re.compile(r"\b(?:I|I['’]\w+|my|me)\b")
