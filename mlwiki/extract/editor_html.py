"""A note written in a rich-text editor and exported as Markdown with its HTML kept (Evernote through Yarle, a web
clip): each `<div>…</div>` is a line of text, `<div><br/></div>` an empty line, `<h3>…</h3>` a heading, `<ol>`/`<ul>`
of `<li>` a list, and the styling tags (`<span style=…>`, `<font>`, a styled box's `<div style=…>`) show only their
text. Read as Markdown, the tags reached the cards raw, and a clip whose whole text sat inside one styled `<div>` made
no card at all. The note is read as the editor shows it: the same text as Markdown, no tag kept.

Only a note with the editor's mark is read so (an empty line written `<div><br/></div>`, or a line that is one
`<div>…</div>`); a box with a `class` (a notebook's alert, a callout) and tables, images and folds are left to their
readers. Each line keeps its place, so line numbers stay; fenced code is left as written."""

from __future__ import annotations

import re

from mlwiki.extract.html_inline import as_markdown
from mlwiki.render.spans import fenced_lines

# the editor's marks: its empty line, or a whole line that is one div of text
_EMPTY_DIV = re.compile(r"(?i)<div[^<>]*>[ \t]*<br\s*/?>[ \t]*</div\s*>")
_STYLED = re.compile(r"(?i)<(?:span|font)\s[^<>]*>")
_DIV_LINE = re.compile(r"(?im)^[ \t]*<div(?:\s[^<>]*)?>[^\n]*</div\s*>[ \t]*$")
# a line the editor's reading leaves to another reader: a box with a class, a table, an image, a fold, a script
_OTHERS = re.compile(r"(?i)\bclass\s*=|<(?:table|/?t[rdh]\b|/?tbody|/?thead|colgroup|col\b|img|details|summary|"
                     r"iframe|video|script|style|aside)")
_BLOCK_START = re.compile(r"(?i)^[ \t]*</?(?:div|span|font|h[1-6]|ol|ul|li|p|br)\b")
_HEADING = re.compile(r"(?i)^[ \t]*<h([1-6])\b[^<>]*>(.*?)</h\1\s*>[ \t]*$")
_ITEM = re.compile(r"(?i)^[ \t]*<li\b[^<>]*>(.*?)(?:</li\s*>)?[ \t]*$")
_LIST_TAG = re.compile(r"(?i)^[ \t]*<(/?)(ol|ul)\b[^<>]*>[ \t]*$")
# a line that only opens a list or a box: nothing shown, nothing between a lead-in and its list
_OPENS_ONLY = re.compile(r"(?i)^[ \t]*(?:<(?:ol|ul|div|p)\b[^<>]*>[ \t]*)+$")
# a line that is only a bold label ending in a colon ("<b>Pitfalls:</b>"): a lead-in, shown as its words (bold
# alone on its line it read as a title over the list it leads into)
_LABEL = re.compile(r"^\*\*([^*\n]{1,80}:)\*\*$")
# the tags that only style or wrap their text: shown as nothing (a div's or a paragraph's edge: a space)
_WRAPPERS = re.compile(r"(?i)</?(?:span|font|u|s|strike|sup|sub|small|big|center)\b[^<>]*>")
_EDGES = re.compile(r"(?i)</?(?:div|p)\b[^<>]*>|<br\s*/?>")
_DIV_OPENS = re.compile(r"(?i)<div\b")
_DIV_CLOSES = re.compile(r"(?i)</div\s*>")
_ENTITIES = {"&lt;": "<", "&gt;": ">", "&amp;": "&", "&nbsp;": " ", "&quot;": '"', "&#39;": "'", "&apos;": "'"}
_ENTITY = re.compile("|".join(_ENTITIES))


def is_editor_html(body: str) -> bool:
    """Whether the note carries a rich-text editor's HTML: its empty line `<div><br/></div>`, or a line that is one
    `<div>…</div>` of text (a notebook's alert box, with its class, is not one), or text styled in a `<span>` or
    `<font>`."""
    if "<div" not in body and "<DIV" not in body:
        return bool(_STYLED.search(body))
    return bool(_EMPTY_DIV.search(body) or _STYLED.search(body)) or any(not _OTHERS.search(m.group()) for m in _DIV_LINE.finditer(body))


def _text(html: str) -> str:
    """A run of the editor's HTML as its text: wrappers as nothing, div edges as spaces, entities as characters,
    the bold, italics and links as Markdown."""
    text = _EDGES.sub(" ", _WRAPPERS.sub("", html))
    text = re.sub(r"[ \t]{2,}", " ", text).strip()
    return _ENTITY.sub(lambda m: _ENTITIES[m.group()], as_markdown(text))


def _line(line: str, lists: list[list]) -> str:
    """One line of the editor's HTML as Markdown (`lists`: the lists open around it, each [kind, items so far])."""
    if found := _LIST_TAG.match(line):
        if found.group(1):
            lists and lists.pop()
        else:
            lists.append([found.group(2).lower(), 0])
        return ""
    if found := _HEADING.match(line):
        return f"{'#' * int(found.group(1))} {_text(found.group(2))}"
    if found := _ITEM.match(line):
        if lists:
            lists[-1][1] += 1
        mark = f"{lists[-1][1]}." if lists and lists[-1][0] == "ol" else "-"
        return f"{'   ' * max(len(lists) - 1, 0)}{mark} {_text(found.group(1))}"
    text = _text(line)
    if not _BLOCK_START.match(line):  # (a line of Markdown with a styled word in it: its indent and marks kept)
        return line[:len(line) - len(line.lstrip())] + text
    return label.group(1) if (label := _LABEL.match(text)) else text


def _lead_ins_kept(lines: list[str], opening: list[int]) -> list[str]:
    """The empty lines left where a list or a box opened moved above the text just before them (to the start of
    its paragraph): a lead-in stays next to its list, every other line where it was."""
    for k in opening:
        top = k
        while top > 0 and lines[top - 1].strip() and not lines[top - 1].lstrip().startswith("#"):
            top -= 1
        lines[top + 1:k + 1] = lines[top:k]
        lines[top] = ""
    return lines


def as_editor_shows(body: str) -> str:
    """The body as its editor shows it (see the module's doc), or unchanged if it carries no editor HTML."""
    if not is_editor_html(body):
        return body
    lines = body.split("\n")
    lists: list[list] = []
    opening: list[int] = []  # lines that only opened a list or a box
    kept_open = 0  # divs opened on lines left to other readers: their closing lines are theirs too
    for k, fenced in enumerate(fenced_lines(lines)):
        line = lines[k]
        if fenced or "<" not in line:
            continue
        if _OTHERS.search(line):
            kept_open += len(_DIV_OPENS.findall(line)) - len(_DIV_CLOSES.findall(line))
            continue
        if kept_open > 0 and _DIV_CLOSES.fullmatch(line.strip()):
            kept_open -= 1
            continue
        if _BLOCK_START.match(line) or _WRAPPERS.search(line):
            lines[k] = _line(line, lists)
            if _OPENS_ONLY.match(line):
                opening.append(k)
    return "\n".join(_lead_ins_kept(lines, opening))
