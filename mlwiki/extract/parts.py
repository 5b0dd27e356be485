"""A section's parts: its own text, each paragraph that opens with only a bold label (`**Adapters**`, and such a
line inside a paragraph) with what follows it, and each titled box (a callout's title, a Jupyter Book grid card):
`mlwiki.extract.lists` makes a card of each part."""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block
from mlwiki.extract.lines import DIV_OPEN, HEADING, TEXT, Line
from mlwiki.extract.prose import clean_prose
from mlwiki.extract.questions import QUESTION_CALLOUTS
from mlwiki.extract.subject import EXAMPLE_CLASSES, is_example_title

# A paragraph's first line that only says **Label**: a part of the section of its own
_BOLD_LABEL = re.compile(r"[ \t]*\*\*([^*\n]{2,80}?):?\*\*:?[ \t]*")
# Untitled callouts whose text goes on with the section's own (a note or tip beside a formula), in Quarto
# (`.callout-note`), MyST (```{note}```) and Obsidian (`> [!tip]`)
_ASIDE_CALLOUTS = frozenset(("note", "tip", "important", "info", "remark"))
_BOX = {"box": True}  # (the attributes of a titled box made a part of its section)
_BOX_RULE = re.compile(r"[ \t]*\^{3,}[ \t]*")  # the line under a grid card's title
# "**Problems:**" over "- the vectors are sparse …": what goes wrong with the section's subject, not an exercise
_ISSUES_LABEL = re.compile(r"(?i)(?:(?:main|key|common)\s+)?(?:problems?|solutions?)")
_BULLET = re.compile(r"[ \t]*[-*+][ \t]")


def exercise_part(label: str, blocks: list[Block]) -> bool:
    """Whether a part's bold label opens a worked example or an exercise ("**Example**", "**Problem 3**"); a bare
    "**Problems:**" or "**Solutions:**" over a bulleted list names a subject's problems or their fixes."""
    if not is_example_title(label):
        return False
    return not (_ISSUES_LABEL.fullmatch(label) and blocks and _BULLET.match(blocks[0].lines[0].text))


def titled_boxes(div: Block) -> list[Block]:
    """The boxes of a div that carry a title: a callout's (`> [!info] Parameters`) or one underlined with `^^^`
    (Jupyter Book's grid cards: "Deep Learning", `^^^^`, what it is), each as a `**Title**` paragraph: a part of
    the section of its own; the paragraphs of an untitled note or tip, as the section's own. Question callouts,
    exercises and card divs are cards (or not) of their own."""
    title = div.attrs.get("title", "").strip()
    classes = div.attrs.get("classes", ())
    if title and not title.endswith("?") and not {"card", "no-card"}.intersection(classes) \
            and not EXAMPLE_CLASSES.intersection(classes) and not any(c in QUESTION_CALLOUTS for c in classes):
        text = [child for child in div.children or [] if child.kind == TEXT]
        if text:
            lines = [line for block in text for line in block.lines]
            return [Block(TEXT, [Line(div.start, f"**{clean_prose(title)}**", TEXT), *lines], attrs=_BOX)]
    children = div.children or []
    if not title and any(c.removeprefix("callout-") in _ASIDE_CALLOUTS for c in classes) \
            and not any(child.kind == HEADING for child in children):  # (a callout titled by its "## Why …?")
        return [child for child in children if child.kind == TEXT]  # ("X is invertible only when …")
    boxes: list[Block] = []
    stack = [div]
    while stack:
        for child in reversed(stack.pop().children or []):
            if child.kind == DIV_OPEN:
                stack.append(child)
            elif child.kind == TEXT and len(child.lines) > 2 and _BOX_RULE.fullmatch(child.lines[1].text) \
                    and child.lines[0].kind == TEXT and child.lines[0].text.strip():
                title = child.lines[0]
                boxes.append(Block(TEXT, [Line(title.no, f"**{title.text.strip()}**", TEXT), *child.lines[2:]],
                                   attrs=_BOX))
    return sorted(boxes, key=lambda box: box.start)


def section_parts(body: list[Block], line: int) -> list[tuple[str | None, int, list[Block]]]:
    """(bold label or None, line, blocks) of a section: a paragraph whose first line is only a bold label
    ("**Adapters**", "**Issues of permutation probability**") starts a part that runs to the next one; a titled box
    is a part by itself (the text after it goes on with the section's own part)."""
    parts: list[tuple[str | None, int, list[Block]]] = [(None, line, [])]
    current = parts[0][2]
    for block in (piece for whole in body for piece in _at_labels(whole)):
        first = block.lines[0]
        match = _BOLD_LABEL.fullmatch(first.text) if first.kind == TEXT and "**" in first.text else None
        if not match:
            current.append(block)
            continue
        rest = [Block(TEXT, block.lines[1:])] if len(block.lines) > 1 else []
        parts.append((clean_prose(match.group(1)), first.no, rest))
        current = parts[0][2] if block.attrs is _BOX else parts[-1][2]
    return [part for part in parts if part[2]]


def _at_labels(block: Block) -> list[Block]:
    """A paragraph cut before each line after its first that is only a bold label (`**Pros**` / list / `**Cons**` /
    list, written without blank lines): each label starts a part of its own."""
    cuts = [k for k, ln in enumerate(block.lines) if k and ln.kind == TEXT and "**" in ln.text
            and _BOLD_LABEL.fullmatch(ln.text)]
    if not cuts or block.attrs is _BOX:
        return [block]
    edges = [0, *cuts, len(block.lines)]
    return [Block(TEXT, block.lines[a:b]) for a, b in zip(edges, edges[1:])]
