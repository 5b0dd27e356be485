"""Statement boxes with no title: a Quarto `::: {#def-backdoor}` or `::: {#thm-x}` with no name, an Obsidian
`> [!definition]` or `> [!theorem]` with no title, a class-only `::: {.definition}` (what Pandoc's theorem filters
read, and what an HTML `<div class="definition">` becomes). A titled box is a part of its section under its title
(`parts.titled_boxes`); one with no title is no part of its section's text, and its paragraphs alone make no card.
So its statement, when it is prose and no card holds it, is a card of its own: "… › Backdoor criterion ›
Definition", its back the statement; one that says what the section's subject is, asked so ("What is an
instrument?")."""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block
from mlwiki.extract.defining import stems
from mlwiki.extract.facets import defined_question
from mlwiki.extract.lines import DIV_OPEN, LIST_ITEM, TEXT

# Quarto's cross-reference prefixes of the statements a book numbers, with the name Quarto titles the box with
QUARTO_NAMES = {"def": "Definition", "thm": "Theorem", "lem": "Lemma", "cor": "Corollary", "prp": "Proposition",
                "cnj": "Conjecture"}
# The kinds of a class-only div or an Obsidian callout that state a fact (a remark, an example or a proof do not)
CLASS_NAMES = {"definition": "Definition", "theorem": "Theorem", "lemma": "Lemma", "corollary": "Corollary",
               "proposition": "Proposition", "conjecture": "Conjecture", "axiom": "Axiom", "property": "Property",
               "criterion": "Criterion"}
# A statement that opens on what it says its subject is: "A Gaussian process is …"
_OWN_SUBJECT = re.compile(r"(?:An?|The)[ \t]+([^\s,.;:()$*_][^,.;:()$*_\n]{1,58}?)[ \t]+(?:is|are)[ \t]")
MAX_WORDS = 120  # (a statement to recall at once; a longer box is read as the walk reads its paragraphs)


def untitled_kind(block: Block) -> str:
    """The kind an untitled statement box is shown with ("Definition", "Theorem"), or "" for any other block:
    a titled box, one with a heading first inside (that titles it), or a div of any other kind."""
    if block.kind != DIV_OPEN:
        return ""
    attrs = block.attrs
    if attrs.get("name") or attrs.get("title", "").strip() or attrs.get("myst"):
        return ""
    children = block.children or []
    if children and children[0].kind != TEXT:
        return ""  # (`## Title` first inside titles it; a box in a box: the walk reads it)
    kind = QUARTO_NAMES.get(attrs.get("id", "").split("-", 1)[0], "") if "-" in attrs.get("id", "") else ""
    for cls in attrs.get("classes", ()):
        kind = kind or CLASS_NAMES.get(cls.removeprefix("callout-").casefold(), "")
    return kind


def statement_text(block: Block) -> str:
    """The statement of an untitled box, its paragraphs as written, when it is short prose ("" when it holds a
    formula display, a list, code or a nested box: the walk's forms card those as they always have)."""
    body = block.children or []
    if not body or any(b.kind != TEXT or b.skip for b in body):
        return ""
    if any(ln.kind != TEXT or LIST_ITEM.match(ln.text) for b in body for ln in b.lines):
        return ""
    back = "\n\n".join("\n".join(ln.text for ln in b.lines).strip() for b in body).strip()
    return back if 0 < len(back.split()) <= MAX_WORDS else ""


def statement_front(path: str, kind: str, back: str) -> str:
    """The front of an untitled box's card: the question its statement answers when it says what the section's
    subject is ("## Instruments" over "An instrument is …": "What is an instrument?", under the path, as
    `heading_asks` asks a section's), or, under a heading "Definition", what the subject it opens on is; else the
    path with the box's kind ("… › Backdoor criterion › Definition")."""
    heading = path.rsplit(" › ", 1)[-1]
    question = defined_question(heading, back) if kind == "Definition" else None
    if not question and kind == "Definition" and heading.casefold().rstrip("s") == "definition":
        question = _own_subject_question(path, back)  # ("## Definition" over the box: the heading names no subject)
    return f"{path}\n\n{question}" if question else f"{path} › {kind}"


def _own_subject_question(path: str, back: str) -> str | None:
    """Under a heading that only names the box's kind ("… › Definition"), the question a definition answers when
    the subject it opens on ("A Gaussian process is …") shares a word with the headings above: the page's subject."""
    found = _OWN_SUBJECT.match(back.lstrip())
    above = path.rsplit(" › ", 1)[0] if " › " in path else ""
    return defined_question(found[1], back) if found and stems(found[1]) & stems(above) else None
