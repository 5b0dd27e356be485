"""A Deepnote notebook's text blocks as Deepnote shows them.

Deepnote keeps each paragraph, heading, list item, to-do and callout of a notebook as a block of its own, its text
plain and its formatting beside it: an exported markdown cell's source is the block's Markdown prefix (`- `, `## `,
`> `, `- [ ] `) and its plain text, and its `formattedRanges` metadata says which code points of that text are
bold, italic, code, struck through or a link. Read as written, a notebook loses what its writer set in bold
(the term a list item defines, the definition a paragraph quotes), its code and its links (to the project's other
notebooks: "Back to Index."); and a list kept as one block per item reads as a loose list of separate paragraphs,
where Deepnote shows one list. Pure: a cell's JSON in, Markdown out.
"""

from __future__ import annotations

import re

_LIST_BLOCKS = frozenset(("text-cell-bullet", "text-cell-todo"))
# (the Markdown each mark is written with; a link is written `[text](url)`, underline and colour have none)
_MARKS = (("code", "`", "`"), ("bold", "**", "**"), ("italic", "*", "*"), ("strike", "~~", "~~"))
_PREFIX = re.compile(r"(?:#{1,6}[ \t]+|[-*+][ \t]+\[[ xX]\][ \t]+|[-*+][ \t]+|>[ \t]?)?")
_URL = re.compile(r"[^\s()<>]+")
# Markdown marks already in a block's text (`**term**`, `` `code` ``, `[text](url)`, `*word*`, `~~old~~`)
_WRITTEN_MARKS = re.compile(r"\*\*|`|\]\(|~~|(?<![\w*])\*(?=\S)[^*\n]+(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)[^_\n]+(?<=\S)_(?!\w)")


def block_type(cell: dict) -> str:
    """The Deepnote block a cell was exported from (`text-cell-p`, `text-cell-bullet`, …), or "" for a cell that
    Deepnote did not write."""
    metadata = cell.get("metadata")
    kind = metadata.get("deepnote_cell_type") if isinstance(metadata, dict) else None
    return kind if isinstance(kind, str) else ""


def continues_list(previous: dict | None, cell: dict) -> bool:
    """Whether a cell is the next item of the list the previous cell's block started: two list or to-do blocks in
    a row are one list in Deepnote (joined without a blank line, not a loose list of paragraphs)."""
    return previous is not None and block_type(cell) in _LIST_BLOCKS and block_type(previous) in _LIST_BLOCKS


def with_marks(cell: dict, source: str) -> str:
    """A Deepnote text block's source with its `formattedRanges` written as Markdown: `**bold**`, `*italic*`,
    `` `code` ``, `~~struck~~` and `[text](url)`. The ranges count code points of the text after the block's
    prefix; a source they do not fit (edited since, not one line of text, or with its marks written in already, as some
    exports do) is returned as it is."""
    metadata = cell.get("metadata")
    ranges = metadata.get("formattedRanges") if isinstance(metadata, dict) else None
    if not ranges or not isinstance(ranges, list) or not block_type(cell).startswith("text-cell-") or "\n" in source:
        return source
    prefix = _PREFIX.match(source).group(0) if block_type(cell) != "text-cell-p" else ""
    text = source[len(prefix):]
    if _WRITTEN_MARKS.search(text):
        return source  # (an export that writes the marks into the text too: the ranges count the text shown)
    spans = [span for r in ranges if isinstance(r, dict) for span in _spans(r, text)]
    if not spans:
        return source
    code = [(start, end) for start, end, opening, _ in spans if opening.startswith("`")]
    # (marks inside a code span would show as written: a code span is all the marks its text gets)
    spans = [s for s in spans if s[2].startswith("`") or not any(a <= s[0] and s[1] <= b for a, b in code)]
    opens: dict[int, list[tuple[int, str]]] = {}
    closes: dict[int, list[tuple[int, str]]] = {}
    for start, end, opening, closing in spans:
        opens.setdefault(start, []).append((end, opening))
        closes.setdefault(end, []).append((start, closing))
    out = []
    for i in range(len(text) + 1):
        out += [closing for _, closing in sorted(closes.get(i, ()), reverse=True)]  # (the last opened closes first)
        out += [opening for _, opening in sorted(opens.get(i, ()), reverse=True)]  # (the longest opens first)
        if i < len(text):
            out.append(text[i])
    return prefix + "".join(out)


def _spans(mark: dict, text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, opening, closing) of each Markdown mark a formatted range sets on `text`, its ends moved in off
    spaces (`** bold**` is no emphasis); none for a range outside the text."""
    start, end = mark.get("fromCodePoint"), mark.get("toCodePoint")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
        return []
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return []
    if mark.get("type") == "link":
        url = mark.get("url")
        if not isinstance(url, str) or not _URL.fullmatch(url) or "[" in text[start:end] or "]" in text[start:end]:
            return []
        return [(start, end, "[", f"]({url})")]
    marks = mark.get("marks")
    if not isinstance(marks, dict):
        return []
    tick = "``" if "`" in text[start:end] else "`"
    return [(start, end, tick if name == "code" else opening, tick if name == "code" else closing)
            for name, opening, closing in _MARKS if marks.get(name) is True]
