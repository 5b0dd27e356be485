"""A literature note that Obsidian's Zotero plugins wrote (Zotero Integration, ZotLit) read as a learner studies it,
line for line.

Such a note opens with the paper's record, often in a callout (`> [!info]` over `- **Item type**: Journal article`,
`- **DOI**: …`, `[Zotero](zotero://select/items/…)`): metadata, no card. Each imported annotation ends on a link
back into the PDF, `[(p. 4)](zotero://open-pdf/library/items/…?page=4&annotation=…)`, and the import is stamped
with a heading, `### Imported: 2024-03-02 10:14 am`: on a card the link is a page number that opens nothing, and the
stamp is no subject, so both show nothing; an annotation's callout titled only by its kind (`> [!quote] Highlight`)
is titled by its page too (`Highlight (p. 4)`), so that two highlights of a paper are two cards. A reader's comment under a highlight, `**Comment**: …`, is the text of
the comment (its label is no term to define), and a highlight's colour, `<mark style="…">`, is its text. Only a note that holds `zotero://` links is read so.

Pure: a note's text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.extract.lines import CALLOUT_METADATA
from mlwiki.render.spans import fenced_lines

_CUE = "zotero://"
# A link into Zotero: `[(p. 4)](zotero://open-pdf/…)`, `[Zotero](zotero://select/items/@key)`, `[Open in Zotero](…)`
_ZOTERO_LINK = re.compile(r"([ \t]*)\[([^\[\]\n]*)\]\(zotero://[^()\s]*\)")
_EMPTY_PARENS = re.compile(r"[ \t]*\([ \t]*\)")
# A highlight's colour, as the Highlightr plugin and Zotero's templates write it: `<mark style="…">text</mark>`
_MARK = re.compile(r"(?i)</?mark\b[^<>\n]*>")
# The link's text when it is only a page or Zotero's name: then the link shows nothing at all
_PAGE_OR_NAME = re.compile(r"(?i)\(?(?:p(?:p|age)?\.?[ \t]*[\divxlc–-]+|zotero|open in zotero|pdf|local library|"
                           r"web library|annotation|go to annotation)\)?")
# The import's stamp: `### Imported: 2024-03-02 10:14 am`, `## Imported on 2 March 2024`
_STAMP = re.compile(r"(?i)[ \t]{0,3}#{1,6}[ \t]+(?:annotations[ \t]+)?imported\b[^\n]*?\d[^\n]*")
_COMMENT = re.compile(r"(?i)([ \t]*(?:>[ \t]?)*[ \t]*)(?:\*\*|__)?(?:my[ \t]+)?comments?[ \t]*:?(?:\*\*|__)?[ \t]*:?[ \t]+"
                      r"(?=\S)")
# A callout's opening line and a line inside it
_CALLOUT = re.compile(r"[ \t]*>[ \t]*\[![\w-]+" + CALLOUT_METADATA + r"\][-+]?(?:[ \t]+[^\n]*)?")
_RECORD_LINE = re.compile(r"[ \t]*>[ \t]*(?:[-*+][ \t]+)?(?:\*\*[^*\n]{1,40}\*\*[ \t]*:?[ \t]*:?[^\n]*|"
                          r"\[[^\[\]\n]*\]\([^()\s]*\)(?:[ \t]*\|?[ \t]*\[[^\[\]\n]*\]\([^()\s]*\))*[ \t]*|[ \t]*)")
_MAX_RECORD_VALUE_WORDS = 8
_PAGE = re.compile(r"\[\(?p(?:age|\.)?[ \t]*([\divxlc–-]+)\)?\]\(zotero://")
# An annotation's callout titled only by its kind, `> [!quote] Highlight`: the kind is no subject either
_KIND_TITLE = re.compile(r"(?i)[ \t]*>[ \t]*\[![\w-]+" + CALLOUT_METADATA +
                         r"\][-+]?[ \t]+(?:highlight|underline|annotation|note|image|"
                         r"comment|quote)[ \t]*:?[ \t]*")


def as_zotero_shows(body: str) -> str:
    """`body` with a Zotero literature note's record, PDF links, import stamps and comment labels read as said
    above; `body` itself when it holds no `zotero://` link."""
    if _CUE not in body:
        return body
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    for start, end, record in _callouts(lines, fenced):
        if record:
            lines[start:end] = [""] * (end - start)
        elif (page := _page_of(lines[start + 1:end])) and _KIND_TITLE.fullmatch(lines[start]):
            lines[start] = f"{lines[start].rstrip()} (p. {page})"  # (annotations of one kind: told apart by page)
    for k, line in enumerate(lines):
        if fenced[k]:
            continue
        if _CUE in line:
            line = _EMPTY_PARENS.sub("", _ZOTERO_LINK.sub(_link_shown, line))
        if "<mark" in line or "<MARK" in line:
            line = _MARK.sub("", line)
        if "mport" in line and _STAMP.fullmatch(line):
            line = ""
        elif "omment" in line:
            line = _COMMENT.sub(r"\1", line, count=1)
        lines[k] = line
    return "\n".join(lines)


def _link_shown(found: re.Match) -> str:
    """A link into Zotero as what it shows on a card: nothing for a page number or Zotero's name, else its text."""
    text = found.group(2).strip()
    return "" if not text or _PAGE_OR_NAME.fullmatch(text) else found.group(1) + text


def _callouts(lines: list[str], fenced: list[bool]) -> list[tuple[int, int, bool]]:
    """The (first, last + 1) lines of each callout, and whether it holds only the paper's record: labelled values of
    a few words and links, one of them into Zotero."""
    found, k = [], 0
    while k < len(lines):
        if fenced[k] or not _CALLOUT.fullmatch(lines[k]):
            k += 1
            continue
        end = k + 1
        while end < len(lines) and lines[end].lstrip().startswith(">"):
            end += 1
        inside = lines[k + 1:end]
        found.append((k, end, any(_CUE in ln for ln in inside) and all(_is_record(ln) for ln in inside)))
        k = end
    return found


def _page_of(lines: list[str]) -> str:
    """The page an annotation's link into the PDF names ("" when none does)."""
    for line in lines:
        if _CUE in line and (page := _PAGE.search(line)):
            return page.group(1)
    return ""


def _is_record(line: str) -> bool:
    """Whether a line inside a callout is part of a paper's record (a short labelled value, links, or blank)."""
    if not _RECORD_LINE.fullmatch(line):
        return False
    value = line.partition("**:")[2] or line.rpartition("**")[2]
    return len(value.split()) <= _MAX_RECORD_VALUE_WORDS or _CUE in line or "](" in line
