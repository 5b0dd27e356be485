"""Pass 2 of extraction: group classified lines into a tree of paragraphs (runs of lines up to a blank line
outside code and math), headings and divs; and small helpers to read text back out of blocks."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from mlwiki.extract.lines import (BLANK, CODE, COMMENT, DIV_CLOSE, DIV_OPEN, HEADING, LIST_ITEM, MYST_PROSE, NO_CARD,
                                  TEXT, Line, problem)
from mlwiki.extract.state_boxes import says_page_state
from mlwiki.models import Problem, Severity
from mlwiki.render.spans import FENCE

_NOT_IN_PARAGRAPH = frozenset((BLANK, HEADING, DIV_OPEN, DIV_CLOSE, NO_CARD))
_ATTR_TOKEN = re.compile(r'([#.])([\w:-]+)|([\w-]+)=(?:"([^"]*)"|\'([^\']*)\'|(\S+))')
_MYST_SPEC = re.compile(r"\{([\w:-]+)\}[ \t]*(.*)$")
# a line that is only an image, an Obsidian embed, a table row or a comment: not prose that could introduce a formula
_NOT_PROSE = re.compile(r"^[ \t]*(?:!\[\[[^\]]*\]\]|!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>|\|.*\||[-|: ]+|<!--.*-->|%%.*%%)"
                        r"[ \t]*$")
_NOT_PROSE_FIRST = frozenset("!<|-:%")
# MyST's notes beside the text, `:::{margin}` (the colon fence of ```` ```{margin} ````): read as margin notes
_MYST_ASIDES = frozenset(("margin", "sidebar", "aside"))


@dataclass(slots=True)
class Block:
    """A paragraph (kind TEXT), heading, or div (DIV_OPEN). Only divs have children and attributes: there are
    many paragraphs, and making empty lists and dicts for each of them is measurably slow. `skip`: a
    `<!-- no-card -->` line stands right before it. `joined`: its lines' text, once `text_of` was asked for it."""

    kind: int
    lines: list[Line]
    children: list["Block"] = None  # type: ignore[assignment]
    attrs: dict = None  # type: ignore[assignment]
    end: int = 0
    skip: bool = False
    joined: str | None = None

    @property
    def start(self) -> int:
        return self.lines[0].no


# A VitePress, VuePress or Docusaurus container: `::: tip`, `::: warning Watch out`, `::: details Proof`, `:::tip[Title]`
_CONTAINER = re.compile(r"([A-Za-z]+)(?:\[([^\]\n]*)\]|[ \t]+(.+))?")
_CONTAINERS = {"tip": "callout-tip", "info": "callout-note", "note": "callout-note", "warning": "callout-warning",
               "danger": "callout-warning", "caution": "callout-caution", "important": "callout-important",
               "details": "details"}


def parse_attrs(spec: str) -> dict:
    """Pandoc attributes `{#id .a .b key="v"}` (or a bare class word) → {'id', 'classes', key: value}; a MyST
    directive `{note} Title` → {'classes': ['note'], 'title': 'Title', 'myst': 'note'}."""
    spec = spec.strip()
    if spec.startswith("{") and (myst := _MYST_SPEC.match(spec)) and myst.group(1) == "figure":
        return {"classes": ["figure"], "myst": "figure"}  # (its argument is the image's path: no title)
    if spec.startswith("{") and (myst := _MYST_SPEC.match(spec)) and (myst.group(2) or myst.group(1) in MYST_PROSE
                                                                       or myst.group(1) in _MYST_ASIDES):
        return {"classes": [myst.group(1)], "title": myst.group(2).strip(), "myst": myst.group(1)}
    if spec.startswith("{") and spec.endswith("}"):
        spec = spec[1:-1]
    elif re.fullmatch(r"[\w-]+", spec) and spec.lower() not in _CONTAINERS:
        return {"classes": [spec]}
    elif (container := _CONTAINER.fullmatch(spec)) and container.group(1).lower() in _CONTAINERS:
        kind, title = container.group(1).lower(), (container.group(2) or container.group(3) or "").strip()
        return {"classes": [_CONTAINERS[kind]], "title": title} if title else {"classes": [_CONTAINERS[kind]]}
    attrs: dict = {"classes": []}
    for match in _ATTR_TOKEN.finditer(spec):
        sigil, name, key = match.group(1), match.group(2), match.group(3)
        if sigil == "#":
            attrs["id"] = name
        elif sigil == ".":
            attrs["classes"].append(name)
        elif key:
            attrs[key] = next(v for v in match.group(4, 5, 6) if v is not None)
    return attrs


# Pandoc divs that only say how a page shows its text (reveal.js slides: a list shown item by item, the speaker's
# notes, a smaller font, a fragment; a centred block): no box, their text is the section's as if no div were there
_TRANSPARENT = frozenset(("incremental", "nonincremental", "fragment", "notes", "smaller", "center", "centered",
                          "r-fit-text", "r-stretch", "r-stack", "r-hstack", "r-vstack", "fragment-index",
                          "columns", "column", "grow", "shrink", "strike"))
# reveal.js's fragment styles beside `.fragment` (`::: {.fragment .fade-up}`, `.highlight-red`, `.semi-fade-out`)
_STYLES = ("fragment", "fade-", "highlight-", "semi-fade-", "current-visible", "r-")


def is_transparent(attrs: dict) -> bool:
    """Whether a div only says how its text is shown (`_TRANSPARENT` classes, no id, no title)."""
    if attrs.get("myst") == "figure":
        return True  # (`:::{figure} path`: its caption reads as the text under an image does, the section's)
    classes = attrs.get("classes") or ()
    return bool(classes) and all(c in _TRANSPARENT or c.startswith(_STYLES) for c in classes) \
        and "id" not in attrs and "title" not in attrs


def build_blocks(lines: list[Line], problems: list[Problem], path: str, to_file_line,
                 page_states: bool = True) -> list[Block]:
    """Group lines into a tree of paragraphs, headings and divs; with `page_states`, a box that only says the
    page's state ("**Draft.** …") makes no card (`state_boxes`)."""
    root = Block(DIV_OPEN, [], [], {"classes": []})
    stack = [root]
    children = root.children  # where the next block goes: the innermost open div's
    para: list[Line] = []
    skip = False  # a `<!-- no-card -->` line came: the next block makes no card
    opened: list[bool] = []  # for each div open, whether it is one (not a transparent one, `is_transparent`)
    for line in lines:
        kind = line.kind
        if kind not in _NOT_IN_PARAGRAPH:
            para.append(line)
            continue
        if para:
            children.append(Block(TEXT, para, None, None, 0, skip))  # (positional: one per paragraph)
            para, skip = [], False
        if kind == NO_CARD:
            skip = True
        elif kind == HEADING:
            children.append(Block(HEADING, [line], None, None, 0, skip))
            skip = False
        elif kind == DIV_OPEN:
            attrs = parse_attrs(line.attrs)
            opened.append(not is_transparent(attrs))
            if not opened[-1]:
                continue  # (a slide's `::: {.incremental}` or `::: {.notes}`: its text is the section's)
            div = Block(DIV_OPEN, [line], [], attrs, skip=skip)
            children.append(div)
            stack.append(div)
            children, skip = div.children, False
        elif kind == DIV_CLOSE:
            if opened and not opened.pop():
                continue
            if len(stack) > 1:
                closed = stack.pop()
                closed.end = line.no
                if page_states and says_page_state(closed):  # ("**Draft.** Filling in from …": no card)
                    closed.skip = closed.attrs["page_state"] = True
                children = stack[-1].children
            else:
                problems.append(problem(path, to_file_line(line.no), "':::' closes a div that was never "
                                                                     "opened", Severity.WARNING))
    if para:
        children.append(Block(TEXT, para, skip=skip))
    for div in stack[1:]:
        problems.append(problem(path, to_file_line(div.start), "fenced div ':::' is never closed"))
        div.end = len(lines)
    return root.children


def divs_in(blocks: list[Block]):
    """Every div among `blocks` and inside them, nested ones too (a stack, not recursion: divs may nest deep)."""
    stack = [blocks]
    while stack:
        for block in stack.pop():
            if block.kind == DIV_OPEN:
                yield block
                stack.append(block.children or [])


def all_lines(blocks: list[Block]):
    """Every line of the blocks, those in boxes too (an algorithm's steps, a callout's formula)."""
    stack = list(blocks)
    while stack:
        block = stack.pop()
        yield from block.lines
        stack.extend(block.children or [])


def block_lists(blocks: list[Block]):
    """`blocks` and the children of every div in them, nested ones too: each list of blocks a note holds, for the
    caller to rewrite in place (a stack, not recursion: divs may nest deep)."""
    stack = [blocks]
    while stack:
        children = stack.pop()
        yield children
        stack.extend(block.children or [] for block in children if block.kind == DIV_OPEN)


def join(lines: list[Line]) -> str:
    return "\n".join([ln.text for ln in lines])


def text_of(block: Block) -> str:
    """A block's lines joined, joined once: the walk reads each paragraph's text, and the section cards test it
    again, a substring test of the whole text before any test of its lines. (No one changes a block's lines.)"""
    joined = block.joined
    if joined is None:
        joined = block.joined = join(block.lines)
    return joined


def is_prose(block: Block) -> bool:
    """Whether a paragraph holds prose: not only code, comments, images, embeds or table rows (which stand
    between a formula and the sentence that introduces it without replacing it)."""
    for ln in block.lines:
        if ln.kind == TEXT:
            if ln.text.lstrip()[:1] not in _NOT_PROSE_FIRST or not _NOT_PROSE.match(ln.text):
                return True
        elif ln.kind != CODE and ln.kind != COMMENT:
            return True
    return False


def untaken(blocks: list[Block], lines: set[int]) -> list[bool]:
    """For each block, whether none of these line numbers is one of its lines."""
    if not lines:
        return [True] * len(blocks)  # (no line: said without a test per block)
    ordered = sorted(lines)
    return [(k := bisect_left(ordered, block.lines[0].no)) == len(ordered) or ordered[k] > block.lines[-1].no
            for block in blocks]


def find_line(lines: list[Line], pattern: re.Pattern, start: int = 0) -> int | None:
    """Index of the first text line from `start` on that `pattern` matches."""
    return next((k for k in range(start, len(lines)) if lines[k].kind == TEXT and pattern.match(lines[k].text)),
                None)


def split_block(blocks: list[Block], i: int, k: int) -> Block:
    """Cut the paragraph blocks[i] before its line k, in place, so the walk meets the second part next."""
    block = blocks[i]
    blocks[i:i + 1] = [Block(TEXT, block.lines[:k], skip=block.skip), Block(TEXT, block.lines[k:])]
    return blocks[i]


def after_marker(pattern: re.Pattern, text: str) -> str:
    match = pattern.match(text)
    return text[match.end():] if match else text


def is_card_div(block: Block) -> bool:
    return block.kind == DIV_OPEN and "card" in block.attrs.get("classes", [])


def is_plugin_card(block: Block) -> bool:
    """Whether a paragraph is a flashcard note's `Question::Answer` line (`spaced_repetition.set_apart`)."""
    return block.kind == TEXT and bool(block.attrs) and bool(block.attrs.get("plugin_card"))


def join_blocks(blocks: list[Block], skip_cards: bool = False) -> str:
    """The text of blocks, nested divs included (without their fences), one blank line between blocks; with
    `skip_cards`, without the card divs and card lines among them (they are cards of their own)."""
    parts = []
    stack = [iter(blocks)]  # not recursion: divs may nest thousands deep
    while stack:
        block = next(stack[-1], None)
        if block is None:
            stack.pop()
        elif block.kind == DIV_OPEN:
            if not (skip_cards and is_card_div(block)):
                stack.append(iter(block.children))
        elif block.kind == HEADING:
            parts.append(block.lines[0].text)
        elif not (skip_cards and is_plugin_card(block)):
            parts.append(join(card_text_lines(block.lines)))
    return "\n\n".join(p for p in parts if p.strip())


def card_text_lines(lines: list[Line]) -> list[Line]:
    """The lines of a paragraph that may be card text: not comments, not MyST directives (```` ```{margin} ````,
    `{figure}`, `{code-cell}`: page furniture, not what the note says)."""
    for line in lines:
        if line.kind == CODE or line.kind == COMMENT:
            break
    else:
        return lines  # (most paragraphs: nothing to leave out, and no caller changes the list it is given)
    kept, directive = [], None
    for line in lines:
        if line.kind == CODE and line.text.lstrip()[:1] in "`~" and (fence := FENCE.match(line.text)):
            if directive is None and fence.group(2).strip().startswith("{"):
                directive = fence.group(1)
                continue
            if directive is not None and fence.group(1)[0] == directive[0] and \
                    len(fence.group(1)) >= len(directive) and not fence.group(2).strip():
                directive = None
                continue
        if directive is None and line.kind != COMMENT:
            kept.append(line)
    return kept


# A line that breaks off inside its sentence, on an article, a preposition or a conjunction ("… with its own mean
# and a"): the line under it goes on with that sentence, whatever it opens with
_GOES_ON = re.compile(r"(?i)(?<![\w-])(?:a|an|the|of|and|or|with|to|in|on|for|by|from|its|their|each|every)[ \t]*$")


def list_items(lines: list[Line], also: re.Pattern | None = None) -> list[list[Line]]:
    """Split a paragraph into list items (or keep it whole when it is not a list); a line that `also` matches
    starts an item too (`**Term**:` lines written one under the other, without bullets), unless the line above
    breaks off inside its sentence (`_GOES_ON`: "… and a" over "**common scale**: …" is one sentence wrapped)."""
    items: list[list[Line]] = []
    for line in lines:
        if not items or line.kind == TEXT and (LIST_ITEM.match(line.text) or also and also.match(line.text)
                                               and not _GOES_ON.search(items[-1][-1].text)):
            items.append([line])
        else:
            items[-1].append(line)
    return items


def top_items(lines: list[Line]) -> list[list[Line]]:
    """The top-level items of a list's lines, each with what is nested under it (lines before the first item go
    with it)."""
    items: list[list[Line]] = []
    for ln in lines:
        if not items or ln.kind == TEXT and ln.text[:1] not in " \t" and LIST_ITEM.match(ln.text):
            items.append([ln])
        else:
            items[-1].append(ln)
    return items


def items_without(block: Block, carded: set[int]) -> Block | None:
    """The top-level items of a list holding none of the `carded` lines (those cards were made from), with what is
    nested under them; None when the block is no list, or when all its items or none of them are cards."""
    if not LIST_ITEM.match(block.lines[0].text) or block.lines[0].text[:1] in " \t":
        return None
    items = top_items(block.lines)
    kept = [item for item in items if not any(ln.no in carded for ln in item)]
    return Block(TEXT, [ln for item in kept for ln in item]) if 0 < len(kept) < len(items) else None


_ITEM_MATH = re.compile(r"\$[^$\n]*\$")


def algorithm_list(block: Block) -> bool:
    """Whether a paragraph is an algorithm written as a list: three items or more, some only a formula ("2. $t \\sim
    \\text{Uniform}\\{1..T\\}$"), others steps in words ("4. gradient step on …", "return $x_0$"). Its formulas are
    steps, not formulas to learn each alone."""
    return writes_algorithm([ln.text for ln in block.lines if ln.kind == TEXT])


def writes_algorithm(lines: list[str]) -> bool:
    """`algorithm_list` of a paragraph's text lines."""
    items = [text for text in lines if text[:1] not in " \t" and LIST_ITEM.match(text)]
    if len(items) < 3:
        return False
    words = [len(_ITEM_MATH.sub(" ", LIST_ITEM.sub("", item, count=1)).split()) for item in items]
    return any(n == 0 for n in words) and any(n >= 2 for n in words)


def line_of(body: list[Block], text: str, default: int) -> int:
    """The line of `body` where a card's back (`text`) starts, found by its first line's words; else `default`."""
    first = text.split("\n", 1)[0].strip()[:40]
    return next((ln.no for block in body for ln in block.lines if first and first in ln.text), default)
