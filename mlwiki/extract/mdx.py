"""An MDX page (Docusaurus, and any site built on MDX) read as the Markdown it shows, line for line.

MDX is Markdown with JavaScript furniture the reader never sees: `import`/`export` statements (an `export const`
component may run over several lines, up to a blank line, as MDX reads it), comments `{/* … */}`, and JSX
components. A component that wraps text shows its text: `<Highlight color="…">only for SGD</Highlight>` is "only
for SGD", and a `<Tabs>` of `<TabItem label="PyTorch">` is a tab set whose tabs are titled by their labels, as a
MyST `{tab-set}` is (walk.tabs_as_headings); an `<Aside>` (Starlight) or `<Admonition>` (Docusaurus) is a
callout of its `type`, titled by its `title`, and so are Nextra's `<Callout type="warning">` (its tabs, `<Tabs
items={['PyTorch', 'JAX']}>` of `<Tabs.Tab>`s, are titled by the items in order) and Mintlify's `<Warning>`, `<Tip>`,
`<Note>`, and a heading's own id (Nextra's `## Axes [#axes]`) shows nothing; one whose content is only a script value (`<CodeBlock>{Step}
</CodeBlock>`) or that closes itself (`<CodeBlock … />`) shows nothing. Docusaurus reads its `.md` pages as MDX too,
so their comments and the blog's `<!-- truncate -->` marker are left out there as well; statements and components
only in `.mdx` pages (in plain Markdown `List<T>` is text, and an `import` line may be a page's `<script>`'s). Every
line keeps its number.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

# An ESM statement at the margin: `import X from '…'`, `import '…'`, `export const X = …`, `export default …`
_ESM = re.compile(r"(?:import[ \t]+(?:['\"]|[\w*{][^'\"\n]*[ \t]from[ \t]*['\"])"
                  r"|export[ \t]+(?:const|let|var|function|class|async|default|\{|\*))")
_TRUNCATE = re.compile(r"[ \t]*(?:<!--[ \t]*truncate[ \t]*-->|\{/\*[ \t]*truncate[ \t]*\*/\})[ \t]*")
# A component's tag, opening, closing or closing itself: a capital letter after `<` (lower case is HTML)
_TAG = re.compile(r"</?[A-Z][\w.]*(?:[ \t][^<>\n]*)?/?>")
_OWN_LINE = re.compile(r"[ \t]*(</?)([A-Z][\w.]*)([^<>\n]*?)(/?)>[ \t]*")
_EXPRESSION_ONLY = re.compile(r"[ \t]*(?:<[A-Z][^<>\n]*>)?\{[^{}\n]*\}(?:</[A-Z][\w.]*>)?[ \t]*")
_ATTR = re.compile(r"""\b(label|value)=(?:"([^"\n]*)"|'([^'\n]*)'|\{["'`]([^"'`\n]*)["'`]\})""")
# Starlight's `<Aside type="caution" title="…">`, Docusaurus's `<Admonition type="tip" title="…">` and Nextra's
# `<Callout type="warning">`: callouts of their type; Mintlify's are named by their kind (`<Warning>`, `<Tip>`)
_BOXES = ("Aside", "Admonition", "Callout")
_KIND_BOXES = {"Note": "note", "Tip": "tip", "Warning": "warning", "Info": "info", "Check": "success",
               "Danger": "danger"}
_ONE_LINE_BOX = re.compile(r"[ \t]*<(Aside|Admonition|Callout|Note|Tip|Warning|Info|Check|Danger)\b([^<>\n]*)>"
                           r"([^<>\n]+)</\1>[ \t]*")
# Nextra's tabs: `<Tabs items={['PyTorch', 'JAX']}>`, each `<Tabs.Tab>` titled by the next of its items
_TAB_ITEMS = re.compile(r"""[ \t]*<Tabs[ \t][^<>\n]*\bitems=\{\[([^\]\n]*)\]\}[^<>\n]*>[ \t]*""")
_QUOTED = re.compile(r"""["'`]([^"'`\n]*)["'`]""")
# Nextra's kinds of callout, as mlwiki's
_CALLOUT_KINDS = {"default": "note", "error": "danger"}
_BOX_ATTR = re.compile(r"""\b(type|title)=(?:"([^"\n]*)"|'([^'\n]*)')""")
# A heading's own id, as Nextra writes it: `## Attention distance [#axes]`
_HEADING_ID = re.compile(r"(?<=\S)[ \t]+\[#[\w-]+\][ \t]*$")
_OPEN_TAG_START = re.compile(r"[ \t]*<[A-Z][\w.]*(?:[ \t][^<>\n]*)?$")  # an opening tag whose attributes run on


def as_markdown(body: str, mdx: bool) -> str:
    """`body` with its MDX furniture made plain Markdown (`mdx`: a `.mdx` page, components and all), each line
    where it was; `body` itself when it holds none."""
    if not mdx and not ("{/*" in body or "truncate" in body):
        return body  # (nearly every Markdown note, said cheaply)
    lines = body.split("\n")
    _drop_comments(lines)
    esm = open_tag = False
    titles: list[str] = []  # (the items of the Nextra tab set being read, for its tabs in order)
    for k, fenced in enumerate(fenced_lines(lines)):
        line = lines[k]
        if fenced:
            continue
        if esm or open_tag:  # (the rest of a statement, or of a tag's attributes)
            esm, open_tag = esm and bool(line.strip()), open_tag and ">" not in line
            lines[k] = ""
            continue
        if mdx and line[:1] in "ie" and _ESM.match(line):
            esm, lines[k] = True, ""
        elif _TRUNCATE.fullmatch(line):
            lines[k] = ""
        elif mdx and line[:1] == "#" and "[#" in line:
            lines[k] = _HEADING_ID.sub("", line)
        elif mdx and "<Tabs" in line and (_TAB_ITEMS.fullmatch(line) or line.strip() == "<Tabs.Tab>"):
            lines[k] = _nextra_tab(line, titles)
        elif mdx and "<" in line:
            lines[k], open_tag = _component_line(line)
    return "\n".join(lines)


def _drop_comments(lines: list[str]) -> None:
    """Blank the `{/* … */}` comments, in place: a comment's lines are left empty (a line only spaces are left on,
    too), the text around one within a line stays. (A comment in a code span or block is rare enough to be left
    to this.)"""
    text = "\n".join(lines)
    if "{/*" not in text:
        return
    parts, pos = [], 0
    while (start := text.find("{/*", pos)) >= 0 and (end := text.find("*/}", start + 3)) >= 0:
        parts += [text[pos:start], "\n" * text.count("\n", start, end)]  # (found, not matched: an unclosed one
        pos = end + 3  # costs one scan, not one per character)
    text = "".join(parts) + text[pos:]
    lines[:] = [new if new.strip() or new == old else "" for new, old in zip(text.split("\n"), lines)]


def _component_line(line: str) -> tuple[str, bool]:
    """A line with JSX on it as Markdown, and whether it opens a tag whose attributes go on below."""
    if _EXPRESSION_ONLY.fullmatch(line):
        return "", False
    if box := _ONE_LINE_BOX.fullmatch(line):  # (`<Aside type="tip">GRUs train faster …</Aside>`: a callout)
        return f"> [!{_box_kind(box.group(2), _KIND_BOXES.get(box.group(1), ''))}] {box.group(3).strip()}", False
    if own := _OWN_LINE.fullmatch(line):
        return _tab_fence(own), False
    if _OPEN_TAG_START.fullmatch(line):
        return "", True
    if "`" in line:  # (tags inside code spans are code: kept)
        parts = line.split("`")
        return "`".join(_TAG.sub("", part) if k % 2 == 0 else part for k, part in enumerate(parts)), False
    return _TAG.sub("", line), False


def _nextra_tab(line: str, titles: list[str]) -> str:
    """Nextra's `<Tabs items={[…]}>` (its items kept in `titles`) as a tab set's fence, a `<Tabs.Tab>` as the fence
    of a tab titled by the next item."""
    if items := _TAB_ITEMS.fullmatch(line):
        titles[:] = _QUOTED.findall(items.group(1))
        return "::::{tab-set}"
    return ":::{tab-item} " + titles.pop(0) if titles else ":::{tab-item}"


def _tab_fence(tag: re.Match) -> str:
    """A tag alone on its line: `<Tabs>` and `<TabItem label="…">` as the fences of a MyST tab set and its tabs
    (their closing tags as closing fences), any other component as nothing."""
    closing, name, attrs = tag.group(1) == "</", tag.group(2), tag.group(3)
    if (name in _BOXES or name in _KIND_BOXES) and not tag.group(4):
        return ":::" if closing else _box_fence(attrs, _KIND_BOXES.get(name, ""))
    if tag.group(4) or name not in ("Tabs", "TabItem", "Tabs.Tab"):
        return ""
    if closing:
        return "::::" if name == "Tabs" else ":::"
    if name == "Tabs":
        return "::::{tab-set}"
    found = {m.group(1): m.group(2) or m.group(3) or m.group(4) or "" for m in _ATTR.finditer(attrs)}
    title = (found.get("label") or found.get("value") or "").strip()
    return ":::{tab-item} " + title if title else ":::{tab-item}"


def _box_attrs(attrs: str) -> dict[str, str]:
    return {m.group(1): (m.group(2) or m.group(3) or "").strip() for m in _BOX_ATTR.finditer(attrs)}


def _box_kind(attrs: str, named: str = "") -> str:
    """The callout kind of a box: the one its name says (Mintlify's `<Warning>`), else its `type`, else "note"."""
    kind = named or _box_attrs(attrs).get("type") or "note"
    return _CALLOUT_KINDS.get(kind, kind)


def _box_fence(attrs: str, named: str = "") -> str:
    """`<Aside type="caution" title="Reset gate">` as the container `:::caution[Reset gate]` (Docusaurus's form,
    read as a callout of that kind and title)."""
    title = _box_attrs(attrs).get("title", "")
    return f":::{_box_kind(attrs, named)}" + (f"[{title}]" if title else "")
