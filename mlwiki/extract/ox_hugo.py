r"""An Org note exported to Hugo Markdown by ox-hugo, read as the site shows it.

ox-hugo writes Org's furniture as HTML: a heading's to-do state as `<span class="org-todo todo TODO">TODO</span>`
(or the bare keyword) and its progress cookie as `<code>[1/2]</code>`; a timestamp as
`<span class="timestamp-wrapper"><span class="timestamp">[2026-11-05 Thu]</span></span>`; a table's caption as
`<div class="table-caption">` with its `<span class="table-number">Table 1:</span>`; the table of contents as
`<div class="ox-hugo-toc toc">` up to `<!--endtoc-->`; an Org special block (`#+begin_theorem`) as
`<div class="theorem">` … `</div>` on lines of their own. The site shows none of the state, cookies, stamps or
contents on the page's facts, so neither does a card: a heading is its words, a stamp nothing, a caption the line
that announces its table, a special block the box of its kind (`::: {.callout-warning}` for Org's warning, note,
tip…, `::: {.theorem}` for a statement of sentences), any other block (a statement of a list or a formula, a
caption) only its text, read as its section's. Its math escapes underscores
and set braces (`\\( p\_k \\)`, `\\{0,1\\}`, so that Markdown keeps them): the math is read as written in Org.
Pure: text in, text out, line for line.
"""

from __future__ import annotations

import re

from mlwiki.extract.ox_hugo_tasks import without_open_tasks
from mlwiki.render.spans import FENCE, fence_closes

# What marks a page as ox-hugo's output (its HTML classes, its contents' end)
_OX_HUGO = re.compile(r'class="(?:org-todo|timestamp-wrapper|ox-hugo-toc|table-caption)|<!--endtoc-->')
# ...or, on a page with none of those, an Org footnote's label (`[^fn:1]`) or an Org special block's `<div>` alone on
# its line before a blank one, as ox-hugo writes it (a page written for Hugo by hand has neither: Hugo shows no raw
# HTML unless told to, and its footnotes have no `fn:` prefix)
_OX_HUGO_TOO = re.compile(r'\[\^fn:\d+\]|^<div class="(?:' + "|".join(
    ("note", "tip", "warning", "important", "caution", "theorem", "lemma", "proposition", "corollary", "definition",
     "remark", "proof", "example", "exercise", "details")) + r')">\n\n', re.M)
_TODO_SPAN = re.compile(r'<span class="org-todo[^"<>]*">[^<>]*</span>[ \t]*')
_TIMESTAMP = re.compile(r'[ \t]*<span class="timestamp-wrapper">(?:<span class="timestamp(?:-kwd)?">[^<>]*</span>'
                        r'[ \t]*)+</span>')
# A heading's Org keyword, priority and progress cookie, as ox-hugo leaves them when not in a span
_HEADING = re.compile(r"(#{1,6}[ \t]+)(?:(?:TODO|DONE|NEXT|WAITING|HOLD|CANCELL?ED)[ \t]+)?(?:\[#[A-C]\][ \t]+)?"
                      r"(.*?)(?:[ \t]*(?:<code>)?\[\d*(?:/\d*|%)\](?:</code>)?)?([ \t]*\{#[\w.:-]+\})?[ \t]*$")
_DIV_OPEN = re.compile(r'[ \t]*<div class="([\w -]+)">[ \t]*$')
_DIV_CLOSE = re.compile(r"[ \t]*</div>[ \t]*$")
_STATEMENTS = frozenset(("theorem", "lemma", "proposition", "corollary", "definition", "conjecture", "claim"))
_NOT_PROSE = re.compile(r"[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|\\\\\[|\$\$|\\begin\{|<div\b|\|)")
# ox-hugo's math: `\\( … \\)` inside a line; `\\[` … `\\]` or `$$` … `$$` on lines of their own
_INLINE_MATH = re.compile(r"\\\\\(.*?\\\\\)")
_DISPLAY = re.compile(r"[ \t]*(?:\\\\\[|\\\\\]|\$\$)")
_TABLE_NUMBER = re.compile(r'<span class="table-number">[^<>]*</span>[ \t]*')
_CALLOUTS = frozenset(("note", "tip", "warning", "important", "caution", "info", "attention", "danger", "hint"))


def as_ox_hugo_shows(body: str) -> str:
    """`body` as its ox-hugo site shows it (see the module's docstring); `body` itself when ox-hugo wrote none of it."""
    if not _OX_HUGO.search(body) and not _OX_HUGO_TOO.search(body):
        return body
    lines = without_open_tasks(body.split("\n"))  # (an open to-do heading's section, a to-do item: tasks)
    closes: list[str] = []  # (what each open `<div>` ends with, innermost last)
    fence, hidden, caption, display = None, False, False, False
    for k, line in enumerate(lines):
        if display or _DISPLAY.match(line):  # (a display's lines: its math; a marker alone opens or closes it)
            marker = _DISPLAY.match(line) is not None
            display = not marker if display else marker and line.strip() in ("\\\\[", "$$")
            lines[k] = _unescaped(line)
            continue
        if fence:
            fence = None if fence_closes(line, *fence) else fence
            continue
        if found := FENCE.match(line):
            fence = (found.group(1)[0], len(found.group(1)))
            continue
        if hidden:  # (the table of contents, up to its end mark)
            hidden = "<!--endtoc-->" not in line
            lines[k] = ""
            continue
        if opened := _DIV_OPEN.match(line):
            classes = opened.group(1).split()
            if "ox-hugo-toc" in classes:
                hidden, lines[k] = "<!--endtoc-->" not in line, ""
                continue
            caption = "table-caption" in classes
            lines[k], end = _box(classes, lines, k)
            closes.append(end)
            continue
        if closes and _DIV_CLOSE.match(line):
            lines[k], caption = closes.pop(), False
            continue
        line = _TIMESTAMP.sub("", _TODO_SPAN.sub("", line))
        if "\\_" in line or "\\\\{" in line or "\\\\}" in line:
            line = _INLINE_MATH.sub(lambda found: _unescaped(found.group()), line)
        if caption:
            said = _TABLE_NUMBER.sub("", line).strip()
            line = f"{said}:" if said and not said.endswith(":") else said
        elif line.startswith("#") and (heading := _HEADING.fullmatch(line)):
            line = heading.group(1) + heading.group(2) + (heading.group(3) or "")
        lines[k] = line
    return "\n".join(lines)


def _unescaped(math: str) -> str:
    """Math as written in Org: ox-hugo's `\\_` is `_`, its `\\\\{` and `\\\\}` the set braces `\\{` and `\\}`."""
    return math.replace("\\_", "_").replace("\\\\{", "\\{").replace("\\\\}", "\\}")


def _box(classes: list[str], lines: list[str], k: int) -> tuple[str, str]:
    """(the line an Org special block's `<div class="…">` at line k opens with, the line its `</div>` closes with)."""
    kind = classes[0].lower() if classes else ""
    if kind in _CALLOUTS:
        return f"::: {{.callout-{kind}}}", ":::"
    if kind in _STATEMENTS and _prose_only(lines, k):
        return f"::: {{.{kind}}}", ":::"  # (a statement of a few sentences: a card of its own, `untitled_statements`)
    return "", ""  # (a caption, a centred block, a verse, a statement of a list or a formula: only its text, read
    # as its section's, whose lists and formulas card it)


def _prose_only(lines: list[str], k: int) -> bool:
    """Whether the block opened at line k holds sentences only, up to its `</div>`: no list, display or other box."""
    for line in lines[k + 1:]:
        if _DIV_CLOSE.match(line):
            return True
        if _NOT_PROSE.match(line):
            return False
    return False
