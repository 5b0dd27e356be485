"""A SiYuan document exported as Markdown, read as SiYuan shows it.

SiYuan keeps every block's attributes in a kramdown attribute list on the line under it (`{: id="20261103101244-
a1b2c3d" updated="…"}`; in a list item at its start, `* {: id="…"}text`; the document's own, `type="doc"`, last).
A block links another by reference, `((20261103101422-m4n5b6v "KKT conditions"))` (or `'…'`), exported as the anchor
text, as a link `[KKT conditions](siyuan://blocks/…)` or as a footnote; a super block lays blocks side by side between
`{{{row`/`{{{col` and `}}}`; an embed block is a query, `{{SELECT * FROM blocks …}}`; a tag is `#tag#`.

SiYuan shows none of the attributes, the layout marks or the tags on a block's text, and an embed shows other blocks
(which are cards where they are written): none is on a card, but a tag inside a sentence shows its word. The document's title, kept in its own attribute list, is the note's title (`document_title`). A
reference shows its anchor text; a link to a block
is its text, as no address outside SiYuan opens it. Pure: text in, text out, line for line.
"""

from __future__ import annotations

import html
import re

from mlwiki.render.spans import fenced_lines

_BLOCK_ID = r"\d{14}-[0-9a-z]{7}"
_IAL = re.compile(r'\{:[ \t]*(?:[\w-]+="[^"\n]*"[ \t]*)+\}')
_IAL_LINE = re.compile(r"[ \t]*(?:" + _IAL.pattern + r"[ \t]*)+")
_SIYUAN = re.compile(r'\{:[^{}\n]*\bid="' + _BLOCK_ID + r'"|\(\(' + _BLOCK_ID + r"[ \t]+[\"']|siyuan://blocks/")
_REFERENCE = re.compile(r"\(\((" + _BLOCK_ID + r")(?:[ \t]+(\"[^\"\n]*\"|'[^'\n]*'))?\)\)")
_BLOCK_LINK = re.compile(r"\[([^\[\]\n]*)\]\(siyuan://blocks/" + _BLOCK_ID + r"[^()\s]*\)")
_LAYOUT = re.compile(r"[ \t]*(?:\{\{\{(?:row|col)[ \t]*|\}\}\}[ \t]*(?:" + _IAL.pattern + r")?[ \t]*)")
_EMBED = re.compile(r"[ \t]*\{\{[ \t]*select\b.*\}\}[ \t]*(?:" + _IAL.pattern + r")?[ \t]*", re.I)
_TAG = re.compile(r"(?<![\w#&])#([^#\s][^#\n]{0,60}?)#(?![\w#])")
_TAGS_LINE = re.compile(r"[ \t]*(?:" + _TAG.pattern + r"[ \t]*)+")
_TRAILING_TAGS = re.compile(r"(?:[ \t]+" + _TAG.pattern + r")+[ \t]*$")


_DOCUMENT = re.compile(r'\{:[^{}\n]*\btype="doc"[^{}\n]*\}')
_TITLE = re.compile(r'\btitle="([^"\n]+)"')


def document_title(body: str) -> str:
    """The title SiYuan keeps in a document's own attribute list, its last line (`{: id="…" title="Support vector
    machines" type="doc"}`): a SiYuan export has no other (no front matter, no title heading). "" for any other note."""
    tail = body[-600:]
    if 'type="doc"' not in tail or not (document := _DOCUMENT.search(tail)):
        return ""
    title = _TITLE.search(document.group())
    return html.unescape(title.group(1)).strip() if title else ""


def is_siyuan(body: str) -> bool:
    """Whether a note is a SiYuan export: a block id in an attribute list, a block reference or a link to a block."""
    return ("siyuan://" in body or '{:' in body or "((" in body) and _SIYUAN.search(body) is not None


def as_siyuan_shows(body: str) -> str:
    """`body` as SiYuan shows the document (see the module's docstring); `body` itself when SiYuan did not write it."""
    if not is_siyuan(body):
        return body
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    for k, line in enumerate(lines):
        if fenced[k]:
            continue
        if _IAL_LINE.fullmatch(line) or _LAYOUT.fullmatch(line) or _EMBED.fullmatch(line) \
                or _TAGS_LINE.fullmatch(line):
            lines[k] = ""
            continue
        if "{:" in line:
            line = _IAL.sub("", line)
        if "((" in line:
            line = _REFERENCE.sub(lambda found: (found.group(2) or '""')[1:-1], line)
        if "siyuan://" in line:
            line = _BLOCK_LINK.sub(lambda found: found.group(1), line)
        if "#" in line and not line.lstrip().startswith("#"):
            line = _TAG.sub(lambda found: found.group(1), _TRAILING_TAGS.sub("", line))
        lines[k] = line
    return "\n".join(lines)
