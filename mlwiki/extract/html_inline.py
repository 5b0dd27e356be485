"""Inline HTML on a card (`<b>…</b>`, `<i>`, `<code>`, `<a href>`, `<br>`), as a notebook's Markdown cells and its
alert boxes write it ("<b>Note:</b> tensors are <code>(N, C, H, W)</code>"), written as the Markdown it stands for:
`**…**`, `*…*`, a code span, a link, a line break. Left as tags, a learner saw them raw on the card (in a plain
dump, on a front, in the terminal for `<code>` and `<a>`). A card whose front changes keeps its id (`id_front`).
Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re

# the tags read, each as the Markdown mark that shows the same (a tag's text with no `<` and no line break in it)
_MARKS = {"b": "**", "strong": "**", "i": "*", "em": "*", "code": "`", "tt": "`", "kbd": "`"}
_PAIRED = re.compile(r"(?i)<(b|strong|i|em|code|tt|kbd)>([^<\n]*)</\1\s*>")
_LINK = re.compile(r"""(?i)<a\s+href\s*=\s*(?:"([^"<>\n]*)"|'([^'<>\n]*)')\s*>([^<\n]*)</a\s*>""")
_BREAK = re.compile(r"(?i)[ \t]*<br\s*/?>[ \t]*")
# what no tag inside is read in: a code span, a display or inline formula ("$a<b$" holds no tag)
_LITERAL = re.compile(r"`[^`\n]*`|\$\$[^$]*\$\$|\$[^$\n]*\$")
_CHEAP = re.compile(r"(?i)<(?:b|strong|i|em|code|tt|kbd|a|br|mark)[\s>/]")
# a highlight, `<mark>…</mark>` (Typora's, a pasted page's): the `==…==` the renderers show as one; read across the
# formulas inside it ("<mark>same $O(1/k)$ rate</mark>"), on one line
_MARKED = re.compile(r"(?i)<mark>([^\n]*?)</mark\s*>")


def _marked(match: re.Match) -> str:
    """A paired tag as its Markdown mark around its text (spaces kept outside the marks, as Markdown needs)."""
    text = match.group(2)
    core = text.strip()
    if not core:
        return text
    mark = _MARKS[match.group(1).lower()]
    lead, tail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    return f"{lead}{mark}{core}{mark}{tail}"


def _linked(match: re.Match) -> str:
    """`<a href="u">t</a>` as `[t](u)`; a link with no text, its address."""
    href, text = match.group(1) or match.group(2) or "", match.group(3).strip()
    return f"[{text}]({href})" if text and href else text or href


def _broken(text: str) -> str:
    """`<br>` as a line break: at a line's start or end (the line breaks there already) as nothing."""
    return "\n".join(_BREAK.sub("\n", line).strip("\n") for line in text.split("\n"))


def _as_markdown_piece(piece: str) -> str:
    for _ in range(2):  # (`<b><i>x</i></b>`: the inner tag first, then the outer)
        piece = _PAIRED.sub(_marked, piece)
    return _broken(_LINK.sub(_linked, piece))


def _highlighted(match: re.Match) -> str:
    """`<mark>t</mark>` as `==t==` (no space just inside the marks, as the renderers need)."""
    text = match.group(1)
    core = text.strip()
    return f"{text[:len(text) - len(text.lstrip())]}=={core}=={text[len(text.rstrip()):]}" if core else text


def as_markdown(text: str) -> str:
    """`text` with its inline HTML tags as Markdown, outside code spans and formulas."""
    if "<" not in text or not _CHEAP.search(text):
        return text
    if "`" not in text and "<mark" in text.lower():
        text = _MARKED.sub(_highlighted, text)  # (around formulas: before the text is cut at them)
    out, at = [], 0
    for literal in _LITERAL.finditer(text):
        out += [_as_markdown_piece(text[at:literal.start()]), literal.group()]
        at = literal.end()
    out.append(_as_markdown_piece(text[at:]))
    return "".join(out)


def inline_html_as_markdown(drafts: list) -> list:
    """The drafts (`(siblings, heading path)` pairs) with inline HTML on their fronts and backs as Markdown; a card
    whose front changed keeps the id of the front it had."""
    for siblings, _ in drafts:
        for draft in siblings:
            front, draft.back = as_markdown(draft.front), as_markdown(draft.back)
            if draft.text:
                draft.text = as_markdown(draft.text)
            if front != draft.front:
                draft.id_front, draft.front = draft.id_front or draft.front, front
    return drafts
