"""A Logseq page read as the outline it is: every block a bullet, its children indented one tab under it.

    title:: rnn/lstm                 page properties: the lines before the first bullet
    - ## Idea                        a block: its first line …
      collapsed:: true               … its own lines (here a block property), indented two spaces past its dash
    	- the cell state $c_t$ …     a child block, one tab deeper

`parse` gives the page's properties and its blocks as a tree; each block keeps the body line numbers of its lines,
so what is made of it can say where it came from. A fenced code block inside a block is read whole (a `- ` inside
the code is no bullet). Pure: text in, dataclasses out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_BULLET = re.compile(r"([ \t]*)-(?:[ \t]+|$)")
# A property line, `collapsed:: true`, `logseq.order-list-type:: number`, `id:: 66f2…`: the block's metadata
PROPERTY = re.compile(r"[ \t]*([A-Za-z][\w.-]*)::(?:[ \t]+(.*?))?[ \t]*$")
_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")


@dataclass
class OutlineBlock:
    """One bullet: its text lines as (body line, text without the outline's indentation), its properties, its
    children. `lines[0]` is the bullet's own line, without its dash."""

    depth: int
    lines: list[tuple[int, str]]
    props: dict[str, str] = field(default_factory=dict)
    children: list["OutlineBlock"] = field(default_factory=list)

    @property
    def no(self) -> int:
        return self.lines[0][0]


@dataclass
class Outline:
    """A page: its properties (the lines before its first bullet, or a first bullet of nothing else), the lines
    of them, and its top blocks."""

    props: dict[str, str]
    prop_lines: list[int]
    blocks: list[OutlineBlock]


def parse(body: str) -> Outline:
    """The page's properties and its blocks as a tree (see the module's docstring)."""
    raw = body.split("\n")
    unit = _indent_unit(raw)
    props: dict[str, str] = {}
    prop_lines: list[int] = []
    roots: list[OutlineBlock] = []
    stack: list[OutlineBlock] = []
    fence = ""
    for no, line in enumerate(raw, start=1):
        bullet = None if fence else _BULLET.match(line)
        if bullet is None:
            if stack:
                text = _dedent(line, stack[-1].depth, unit)
                stack[-1].lines.append((no, text))
                fence = _fenced(text, fence)
            elif (prop := PROPERTY.fullmatch(line)) is not None:
                props[prop.group(1).lower()] = prop.group(2) or ""
                prop_lines.append(no)
            continue
        depth = _depth(bullet.group(1), unit)
        block = OutlineBlock(depth, [(no, line[bullet.end():])])
        fence = _fenced(block.lines[0][1], "")
        while stack and stack[-1].depth >= depth:
            stack.pop()
        (stack[-1].children if stack else roots).append(block)
        stack.append(block)
    for block in _walk(roots):
        _take_properties(block)
    if roots and not prop_lines and _only_properties(roots[0]):
        first = roots.pop(0)  # (a first block of nothing but properties: the page's, as older Logseq wrote them)
        props, prop_lines = first.props, [no for no, _ in first.lines]
        roots[:0] = first.children
    return Outline(props, prop_lines, roots)


def _walk(blocks: list[OutlineBlock]):
    stack = list(reversed(blocks))
    while stack:
        block = stack.pop()
        yield block
        stack.extend(reversed(block.children))


def _indent_unit(raw: list[str]) -> str:
    """What one level of the outline is indented by: a tab (Logseq's default), else the narrowest run of spaces
    before a bullet."""
    widths = [len(m.group(1)) for line in raw if (m := _BULLET.match(line)) and m.group(1) and "\t" not in m.group(1)]
    return " " * min(widths) if widths else "\t"


def _depth(indent: str, unit: str) -> int:
    if unit == "\t":
        return indent.count("\t") + indent.count(" ") // 4
    return len(indent.expandtabs(len(unit))) // len(unit)


def _dedent(line: str, depth: int, unit: str) -> str:
    """A block's own line without the indentation of its block and the two spaces past the dash."""
    for _ in range(depth):
        if line.startswith(unit):
            line = line[len(unit):]
        elif line.startswith("\t"):
            line = line[1:]
    return line[2:] if line.startswith("  ") else line.lstrip(" ") if not line.strip(" ") else line


def _fenced(text: str, fence: str) -> str:
    """The fence open after `text` (its marker), given the one open before it."""
    match = _FENCE.match(text)
    if match is None:
        return fence
    marker = match.group(1)
    if not fence:
        return marker if marker[0] not in text[match.end():] or marker[0] == "~" else ""
    return "" if marker.startswith(fence) and not text[match.end():].strip() else fence


def _take_properties(block: OutlineBlock) -> None:
    """Move the block's property lines (right under its first line, outside code) into `props`; a block that is
    only properties keeps its first line as them too."""
    kept, fence = [block.lines[0]], _fenced(block.lines[0][1], "")
    for no, text in block.lines[1:]:
        if not fence and (prop := PROPERTY.fullmatch(text)) is not None:
            block.props[prop.group(1).lower()] = prop.group(2) or ""
            continue
        kept.append((no, text))
        fence = _fenced(text, fence)
    block.lines = kept
    if (prop := PROPERTY.fullmatch(kept[0][1])) is not None and len(kept) == 1 and not block.children:
        block.props[prop.group(1).lower()] = prop.group(2) or ""
        block.lines = [(kept[0][0], "")]


def _only_properties(block: OutlineBlock) -> bool:
    return not block.lines[0][1] and bool(block.props) and len(block.lines) == 1
