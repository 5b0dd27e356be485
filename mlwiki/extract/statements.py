"""A theorem's or definition's statement, whole, as one card under its title. A book states them in boxes: a Quarto
`::: {#thm-ar1}` (or `#lem-`, `#cor-`, `#prp-`, `#cnj-`, `#def-`) titled by `## Title` first inside it or by its
`name="…"`, and sphinx-proof's ```` ```{prf:theorem} Title ````. A statement of one paragraph of prose is its
section's text already ("… › Weak duality"); one that holds a display formula or a list of conditions was cut into
formula cards, the last condition alone on one ("… › Weak stationarity / Formula" → "Var < ∞"). Then the box is one
card: "… › AR(1) stationarity", its back the statement as written, formulas and conditions all; a proof after it
is carded by its idea (`proofs`)."""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.blocks import Block
from mlwiki.extract.formulas import math_end, strip_delimiters
from mlwiki.extract.lines import DIV_OPEN, HEADING, LIST_ITEM, MATH, TEXT
from mlwiki.extract.prose import clean_prose, heading_text
from mlwiki.extract.tidy import AUTHORED
from mlwiki.extract.untitled_statements import statement_front, statement_text, untitled_kind
from mlwiki.models import CardKind

FORM = "statement-box"
# Quarto's cross-reference prefixes of the statements a book numbers (examples and exercises are no statements)
QUARTO_KINDS = frozenset(("thm", "lem", "cor", "prp", "cnj", "def"))
# sphinx-proof's statements with a title
MYST_KINDS = frozenset("prf:theorem prf:lemma prf:proposition prf:corollary prf:property prf:criterion prf:definition "
                       "prf:axiom prf:conjecture".split())
_EQ_LABEL = re.compile(r"[ \t]*\{#eq-[\w-]+\}")


def is_quarto_statement(block: Block) -> bool:
    """Whether a div is a Quarto theorem, lemma, … or definition (`::: {#thm-ar1}`)."""
    return block.kind == DIV_OPEN and block.attrs.get("id", "").split("-", 1)[0] in QUARTO_KINDS


def statement_title(block: Block | None, kinds: frozenset = MYST_KINDS) -> str:
    """The title of a statement box: sphinx-proof's `{prf:theorem} Weak duality` (of one of `kinds`), a Quarto
    `::: {#thm-weak name="Weak duality"}` or one with `## Weak duality` first inside; "" when it has none."""
    if block is None or block.kind != DIV_OPEN:
        return ""
    attrs = block.attrs
    if attrs.get("myst") in kinds:
        return clean_prose(attrs.get("title") or "")
    if not is_quarto_statement(block):
        return ""
    title = attrs.get("name") or attrs.get("title") or ""
    first = block.children[0] if block.children else None
    if not title and first is not None and first.kind == HEADING:
        title = heading_text(first.lines[0].text)
    return clean_prose(title)


def note_box(ex, block: Block) -> None:
    """Remember a titled Quarto statement box: its card is made once the sections are closed (`add_statement_cards`;
    a box of prose alone only when no card holds its words).
    sphinx-proof's boxes keep the formula cards mlwiki has always made of them: a card of the whole statement in
    their place would have other ids, and the reviews of those cards would start again."""
    title = statement_title(block, kinds=frozenset())  # (Quarto's only)
    if not title and ex.ctx.sections and not ex.in_example():
        _note_untitled(ex, block)
    if not title or not ex.ctx.sections or ex.in_example():
        return
    body = block.children[1:] if block.children and block.children[0].kind == HEADING else block.children or []
    if not body or any(b.kind != TEXT for b in body):
        return  # (a heading or box inside it: read as the walk reads them)
    back = "\n\n".join(filter(None, (_text(b) for b in body))).strip()
    path = ex.heading_path()
    front = path if path.endswith(title) else f"{path} › {title}" if path else title
    if back:
        prose = not any(_not_prose(ln) for b in body for ln in b.lines)
        ex.statement_boxes.append((front, back, block.start, block.end or body[-1].lines[-1].no, prose))


def _note_untitled(ex, block: Block) -> None:
    """Remember an untitled statement box of prose (`untitled_statements`): a card under its kind at the end, when
    no card holds its words (its text is no part of its section's, so none may)."""
    kind = untitled_kind(block)
    back = statement_text(block) if kind else ""
    if back and (path := ex.heading_path()):
        last = block.end or block.start
        ex.statement_boxes.append((statement_front(path, kind, back), back, block.start, last, True))


def add_statement_cards(ex) -> None:
    """The cards of the statement boxes met on the walk: the cards the box's lines made (its formulas, a condition
    alone, "What it says") give way to the statement's, whole; a term it defines keeps its card."""
    for front, back, first, last, prose in ex.statement_boxes:
        if prose:
            _add_prose_statement(ex, front, back, first)
            continue
        kept = [(drafts, path) for drafts, path in ex.drafts if not _inside(drafts[0], first, last)]
        if any(d.front == front for drafts, _ in kept for d in drafts):
            continue  # (a card outside the box asks the same: the box's own cards stay)
        gone = [drafts[0] for drafts, _ in ex.drafts if _inside(drafts[0], first, last)]
        if len(gone) == 1 and gone[0].front == front and gone[0].back.split() == back.split():
            continue  # (its one card says it whole already: a lone formula's, under the box's title)
        ex.keep_drafts(kept, free=frozenset((front,)))
        if ex.add_card(FORM, front, back, first) and (same := [d for d in gone if d.front == front and
                                                             d.kind == CardKind.BASIC]):
            drafts, path = ex.drafts[-1]  # (the box's card as its section read it, whole or in part: its id stays)
            ex.drafts[-1] = ([replace(drafts[0], id_front=same[0].id_front)], path)


def _add_prose_statement(ex, front: str, back: str, line: int) -> None:
    """A statement box of prose alone: its section's card holds it where sections are cards; where no card holds
    its words (section cards off, or the section read otherwise), it is a card of its own under its title."""
    words = " ".join(back.split())[:60]
    if any(words in " ".join(d.back.split()) or words in " ".join(d.front.split())
           for drafts, _ in ex.drafts for d in drafts):
        return
    asked = "\n\n" in front  # (an untitled box's question under its path: the path's id, as `heading_asks` keeps it)
    path = front.split("\n\n", 1)[0]
    if asked and path.rsplit(" › ", 1)[-1].casefold().rstrip("s") == "definition":
        path = f"{path} › Definition"  # (under "## Definition" it was "… › Definition › Definition": its id)
    ex.add_card(FORM, front, back, line, id_front=path if asked else "")


def _inside(draft, first: int, last: int) -> bool:
    """Whether a card was read out of a statement box's lines, by a form that the statement's card stands for."""
    return first <= draft.line <= last and draft.form not in AUTHORED and not draft.form.startswith("definition") \
        and "question" not in draft.form


def _not_prose(line) -> bool:
    return line.kind == MATH or line.kind == TEXT and line.text[:1] in "-*+0123456789" and bool(LIST_ITEM.match(line.text))


def _text(block: Block) -> str:
    """A paragraph of the statement as the note writes it, its display formulas as `$$…$$` without their labels."""
    out: list[str] = []
    math: list = []
    for line in block.lines:
        if line.kind != MATH:
            if math:  # (a formula never closed: its lines as they are)
                out.extend(ln.text for ln in math)
                math = []
            if line.kind == TEXT:
                out.append(line.text)
            continue
        math.append(line)
        if (end := math_end(math)) >= 0:
            raw = "\n".join([ln.text for ln in math[:-1]] + [math[-1].text[:end]])
            tail = _EQ_LABEL.sub("", math[-1].text[end:]).strip()
            out.append(f"$${strip_delimiters(_EQ_LABEL.sub('', raw))}$$" + (f" {tail}" if tail else ""))
            math = []
    out.extend(ln.text for ln in math)
    return "\n".join(out).strip()
