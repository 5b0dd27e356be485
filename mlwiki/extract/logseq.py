"""A Logseq page read as the Markdown document Logseq shows: an outline where every block is a bullet becomes the
headings, lists, paragraphs, formulas, tables and code the rest of extraction reads.

    title:: rnn/lstm                          (the page's properties: its title, tags; never shown)
    - ## Idea                           →     ## Idea
    	- a separate **cell state** …             - a separate **cell state** …
    - ## Equations                            ## Equations
    	- $$c_t = f_t \\odot c_{t-1} + …$$
    	  id:: 66f2…                              $$c_t = f_t \\odot c_{t-1} + …$$
    - ## Algorithm                            ## Algorithm
    	- start with `<bos>`                      - start with `<bos>`
    	  logseq.order-list-type:: number         - …

- A heading block (`- ## Goal`, or a block with `heading:: true`) whose parents are headings too is a heading, its
  children its section's text; property lines (`collapsed::`, `id::`, `heading::`, …) are metadata.
- A block that is only a display formula, a table or a code block is that, on its own (no bullet before it); its
  children go on the list it stands in.
- `logseq.order-list-type:: number` (Logseq numbers the blocks) is metadata like any property: the blocks are
  items of the list as any are (read as a numbered list, mlwiki's steps card refuses steps that state a formula,
  and the other steps were on no card); `TODO`/`DONE` … make a block a task item.
- A block reference shows the referenced block's text when it is on the page, else nothing; macros nothing.
- A template (a block with `template::`) is a blank to fill in, not text: left out with its children; so is a
  question with no answer under it (the writer's open question, which would end the list it stands in).

The document may have more lines than the page (a blank line before a heading or a formula): `origins` gives
each of its lines the page's line it comes from. Pure: text in, text out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from urllib.parse import unquote

from mlwiki.extract.context import NoteContext, clean_tag
from mlwiki.extract.logseq_journal import entry_title, is_journal
from mlwiki.extract.logseq_inline import (BLOCK_REF, DRAWER_END, DRAWER_OPEN, as_task, inline_ref, is_planning,
                                          shown)
from mlwiki.extract.logseq_outline import PROPERTY, OutlineBlock, parse
from mlwiki.extract.roam import as_logseq, looks_like_roam

_HEADING = re.compile(r"(#{1,6})[ \t]+(\S.*)")
# The lead to what is under a block ("… the product in the middle of this:"), when nothing under it shows: it
# points at nothing, the sentence stands without it
_LEAD_TO_NOTHING = re.compile(r"[ \t]+(?:of|in|like|as|from|to)[ \t]+(?:this|these|that|the following|below)[ \t]*:"
                              r"[ \t]*$")
_TABLE_LINE = re.compile(r"[ \t]*\|")
_CARRIES_ON = re.compile(r"(?:…|\.\.\.)[ \t]*$")  # (a block's text that ends on an ellipsis …
_CARRIED_ON = re.compile(r"[ \t]*(?:…|\.\.\.)[ \t]*\S")  # … and the next one's that opens on one)
_TABLE_RULE = re.compile(r"[ \t]*\|?[ \t]*:?-{3,}")  # (the line under a table's header: `|---|---|`)
_LABEL = re.compile(r"[^.!?:\n]{1,60}:")  # (a block's title over what is nested under it: "open tasks across all:")
_ON_ITS_OWN = re.compile(r"[ \t]*(?:\$\$|```|~~~|\|)")  # a display formula, a code block, a table
# What only a Logseq page holds: a block's id or one of Logseq's own properties, a block reference or embed, a
# property line under a bullet
_LOGSEQ_MARK = re.compile(r"^[ \t]+(?:id::[ \t]+[0-9a-f]{8}-|collapsed::[ \t]+true|logseq\.[\w.-]+::|heading::[ \t]+"
                          r"(?:true|[1-6]))|\(\([0-9a-f]{8}-[0-9a-f]{4}-|\{\{embed ", re.MULTILINE)


@dataclass
class LogseqPage:
    """A Logseq page as a Markdown document: its text, for each of its lines the page's line (1-based) it comes
    from, and the page's title and tags from its properties."""

    text: str
    origins: list[int]
    title: str
    tags: tuple[str, ...]


def read_page(body: str, ctx: NoteContext, as_before: bool = False) -> tuple[str, NoteContext, list[int] | None]:
    """A note's body and context as extraction reads them: a Logseq page (in a graph, `ctx.logseq`, or by its
    form) as the document it shows, titled and tagged by its properties, with the page line of each line (None
    for any other note, and with `as_before`: the page as mlwiki read it before, for the ids of its cards)."""
    logseq = bool(ctx.logseq) or looks_like_logseq(body)
    roam = not as_before and not logseq and looks_like_roam(body, ctx.path)
    if as_before or not (roam or logseq):
        return body, ctx, None
    if roam:  # (a Roam page: read as the Logseq page it is written as)
        text, lines_of = as_logseq(body)
        page = as_markdown(text, ctx.path, False, lines_of)
    else:
        page = as_markdown(body, ctx.path, ctx.logseq == "legacy")
    tags = tuple(dict.fromkeys((*ctx.tags, *(clean_tag(t) for t in page.tags))))
    return page.text, replace(ctx, title=ctx.title or page.title, tags=tags, line_offset=0,
                              line_map=[ctx.file_line(no) for no in page.origins]), page.origins


def looks_like_logseq(body: str) -> bool:
    """Whether a note with no Logseq graph around it is a Logseq page all the same (copied out of its graph): an
    outline, every line a bullet or under one, that holds a mark only Logseq writes (a block's `id::`,
    `collapsed:: true`, a block reference)."""
    if "::" not in body and "((" not in body and "{{" not in body:
        return False  # (nearly every note, said cheaply)
    if not _LOGSEQ_MARK.search(body):
        return False
    lines = [line for line in body.split("\n") if line.strip()]
    first = next((k for k, line in enumerate(lines) if line.lstrip().startswith("- ")), None)
    return first is not None and all(PROPERTY.fullmatch(line) for line in lines[:first]) and \
        all(line[:1] in "-\t " for line in lines[first:])


def page_title(path: str, props: dict[str, str], legacy: bool = False) -> str:
    """The page's name: its `title::`, else its file name as Logseq names pages (`rnn___lstm.md` and
    `rnn%2Flstm.md` are `rnn/lstm`; in a graph of the older file names, `rnn.lstm.md` too)."""
    if props.get("title", "").strip():
        return props["title"].strip()
    stem = PurePosixPath(path).stem
    if legacy and "." in stem and "___" not in stem:
        stem = stem.replace(".", "/")
    return unquote(stem.replace("___", "/"))


def as_markdown(body: str, path: str, legacy: bool = False, lines_of: list[int] | None = None) -> LogseqPage:
    """The page as Markdown (see the module's docstring). `lines_of`: the line of the file each line of `body` comes
    from, when `body` is a Roam page written as Logseq writes it (`roam`)."""
    outline = parse(body)
    title = page_title(path, outline.props, legacy)
    writer = _Writer(_references(outline.blocks), is_journal(title))
    writer.blocks(outline.blocks, 0, 1)
    tags = tuple(t.strip().strip("[]#").strip() for t in re.split(r",", outline.props.get("tags", "")) if t.strip())
    origins = [lines_of[no - 1] for no in writer.origins] if lines_of else writer.origins
    return LogseqPage("\n".join(writer.lines), origins or [1], title, tuple(t for t in tags if t))


def _references(blocks: list[OutlineBlock]) -> dict[str, str]:
    """The text of each block with an `id::`, as a reference to it shows it."""
    refs: dict[str, str] = {}
    stack = list(blocks)
    while stack:
        block = stack.pop()
        stack.extend(block.children)
        if "id" in block.props:
            text = _HEADING.sub(r"\2", block.lines[0][1].strip())
            refs[block.props["id"].strip().lower()] = inline_ref(text)
    for key, text in refs.items():
        refs[key] = BLOCK_REF.sub("", text)  # (a reference in a referenced block: not followed)
    return refs


def heading_level(block: OutlineBlock, above: int) -> int:
    """The level of the heading a block is (`- ## Goal`: 2; `heading:: true`: one under the heading `above` it,
    at least 2, the page's title being 1), or 0."""
    written = _HEADING.fullmatch(block.lines[0][1].strip())
    if written:
        return len(written.group(1))
    level = block.props.get("heading", "").strip().lower()
    if level.isdigit() and 1 <= int(level) <= 6:
        return int(level)
    return max(above + 1, 2) if level == "true" else 0


def _carried_on(blocks: list[OutlineBlock]) -> list[OutlineBlock]:
    """Sibling blocks, a sentence the writer carried on from one block to the next ("… across chunk boundaries…" /
    "…but stop the gradient at the boundary") written as one block: each half alone is a fragment."""
    joined: list[OutlineBlock] = []
    for block in blocks:
        before = joined[-1] if joined else None
        if before is not None and not before.children and _CARRIES_ON.search(before.lines[-1][1]) \
                and _CARRIED_ON.match(block.lines[0][1]):
            joined[-1] = replace(before, lines=before.lines + block.lines, children=block.children)
        else:
            joined.append(block)
    return joined


def _loose_first(blocks: list[OutlineBlock], level: int) -> list[OutlineBlock]:
    """Sibling blocks in the order their sections need: a heading block with blocks nested under it holds them as
    its section, so a plain block written beside it after that (`- ## Pitfalls` with its items, then `- see also
    [[X]]`) is no part of it but of the heading above both, the page's own text: it goes before the first heading
    among them, where Markdown keeps it out of every section. A heading with nothing nested under it titles the
    blocks that follow it, as the outline shows them (a flat page's `- ## Setup`, `- step one`, `- step two`)."""
    loose, kept, held = [], [], False
    for block in blocks:
        if heading_level(block, level):
            held = bool(block.children)
        elif held:
            loose.append(block)
            continue
        kept.append(block)
    if not loose:
        return blocks
    first = next(k for k, block in enumerate(kept) if heading_level(block, level))
    return kept[:first] + loose + kept[first:]


class _Writer:
    """The document as it is written: its lines and the page line of each."""

    def __init__(self, refs: dict[str, str], journal: bool = False):
        self.refs = refs
        self.journal = journal  # (a journal page: its top-level blocks over others may title them)
        self.lines: list[str] = []
        self.origins: list[int] = []

    def put(self, text: str, no: int) -> None:
        self.lines.append(text)
        self.origins.append(no)

    def gap(self, no: int) -> None:
        """A blank line, unless the document is empty or ends on one."""
        if self.lines and self.lines[-1].strip():
            self.put("", no)

    def blocks(self, blocks: list[OutlineBlock], column: int, level: int | None) -> None:
        """Write sibling blocks at `column`; `level`: the heading level they are under while every block above
        them is a heading (None below a bullet: a heading written there is a bullet's text)."""
        after_heading = False
        blocks = _carried_on(blocks)
        if self.journal and level == 1 and not column:  # (the day's own blocks first: an entry ends at a heading only)
            entries = [bool(self._entry(block, self._shown(block), column, level)) for block in blocks]
            blocks = [b for b, entry in zip(blocks, entries) if not entry] + [b for b, e in zip(blocks, entries) if e]
        if level is not None:
            blocks = _loose_first(blocks, level)
        for block in blocks:
            if "template" in block.props or "template-including-parent" in block.props:
                continue  # (a template: blanks to fill in)
            if after_heading and not heading_level(block, level or 0):
                self.gap(block.no)  # (a block beside a heading's: no item of the list that ends its section)
            after_heading = level is not None and bool(heading_level(block, level))
            self.block(block, column, level)

    def block(self, block: OutlineBlock, column: int, level: int | None) -> None:
        heading = heading_level(block, level) if level is not None else 0
        lines = self._shown(block)
        if not heading and (title := self._entry(block, lines, column, level)):
            heading, lines = 2, [(lines[0][0], title)]  # (a journal's entry: the section of what is under it)
        if heading:
            self.gap(block.no)
            self.put("#" * heading + " " + _HEADING.sub(r"\2", lines[0][1].strip()), block.no)
            self.gap(block.no)
            self._paragraph(lines[1:], 0)
            self.blocks(block.children, 0, heading)
            return
        if not any(text.strip() for _, text in lines):
            self.blocks(block.children, column, None)  # (a block left empty: a query, a property alone)
            return
        if not block.children and len(lines) == 1 and lines[0][1].rstrip().endswith("?"):
            return  # (a question with no answer under it: the writer's open question, no item of the list it ends)
        if _ON_ITS_OWN.match(lines[0][1]):
            self.gap(block.no)
            self._paragraph(lines, column)
            self.gap(lines[-1][0])
            self.blocks(block.children, column, None)
            return
        if block.children and not any(self._shows(child) for child in block.children):
            if len(lines) == 1 and _LABEL.fullmatch(lines[0][1].strip()):
                return  # ("open tasks:" over a query: a title over nothing)
            lines = [(lines[0][0], _LEAD_TO_NOTHING.sub("", lines[0][1])), *lines[1:]]
        marker = "- "  # (numbered blocks too: as a numbered list, a step stating a formula kept the others off cards)
        first = _HEADING.sub(r"\2", lines[0][1].strip())
        self.put(" " * column + marker + as_task(first), block.no)
        self._text(lines[1:], column + len(marker))
        self.blocks(block.children, column + len(marker), None)

    def _text(self, lines: list[tuple[int, str]], column: int) -> None:
        """A block's lines after its first: a table among them set apart by blank lines, as a table block nested
        under it is (a table run on from a list item's text is no table to the paragraph reader)."""
        start = next((k for k in range(len(lines) - 1) if _TABLE_LINE.match(lines[k][1])
                      and _TABLE_RULE.match(lines[k + 1][1])), None)
        if start is None:
            self._paragraph(lines, column)
            return
        end = next((k for k in range(start, len(lines)) if not _TABLE_LINE.match(lines[k][1])), len(lines))
        self._paragraph(lines[:start], column)
        self.gap(lines[start][0])
        self._paragraph(lines[start:end], column)
        self.gap(lines[end - 1][0])
        self._paragraph(lines[end:], column)

    def _entry(self, block: OutlineBlock, lines: list[tuple[int, str]], column: int, level: int | None) -> str:
        """The title a journal's top-level block gives the blocks under it (`logseq_journal`), or ""."""
        if not self.journal or level != 1 or column or len(lines) != 1 or not block.children:
            return ""
        return entry_title(lines[0][1]) if any(self._shows(child) for child in block.children) else ""

    def _shows(self, block: OutlineBlock) -> bool:
        """Whether a block shows anything: its text, or a child's (an embed of another page's block shows
        nothing here)."""
        if any(text.strip() for _, text in self._shown(block)):
            return True
        return any(self._shows(child) for child in block.children)

    def _paragraph(self, lines: list[tuple[int, str]], column: int) -> None:
        for no, text in lines:
            self.put(" " * column + text if text.strip() else "", no)

    def _shown(self, block: OutlineBlock) -> list[tuple[int, str]]:
        """The block's lines as Logseq shows them: references resolved, macros, dates and drawers left out, and
        its last blank lines."""
        shown_lines, drawer = [], False
        for no, text in block.lines:
            if drawer or DRAWER_OPEN.fullmatch(text):
                drawer = not DRAWER_END.fullmatch(text)
                continue
            if is_planning(text):
                continue
            shown_lines.append((no, shown(text, self.refs)))
        while len(shown_lines) > 1 and not shown_lines[-1][1].strip():
            shown_lines.pop()
        return shown_lines
