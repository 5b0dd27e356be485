"""A highlight the Obsidian Annotator plugin recorded in a literature note, read as what the reader wrote of it.

Annotator keeps each highlight of a PDF or web page as a quote in the note that annotates it:

    >%%
    >```annotation-json
    >{"created": …, "target": [{"selector": [… "exact": "Definition. Given a set X, …"]}]}
    >```
    >%%
    >*%%PREFIX%%et is closed.26 General Topology%%HIGHLIGHT%% ==Definition. Given a set X , a …== %%POSTFIX%%(1) for*
    >%%LINK%%[[#^wv42b7aemlf|show annotation]]
    >%%COMMENT%%
    >the reader's own words, if any
    >%%TAGS%%
    >
    ^wv42b7aemlf

The record (the JSON in an Obsidian comment), the words around the selection (`%%PREFIX%%`, `%%POSTFIX%%`: cut
wherever the selection began and ended), the highlighted words as the PDF's text layer gave them ("Fof subsets of
Ωis"), and the link back into the PDF are the plugin's bookmark of a place in the source: the words a reader finds
again there, not a fact of theirs to recall. What the reader wrote of the highlight, its comment, is: it stays, as a
quote line. Pure: a note's text in, the same number of lines out.
"""

from __future__ import annotations

import re

_CUE = "%%HIGHLIGHT%%"
_QUOTE = re.compile(r"[ \t]*>")
_MARK = re.compile(r"[ \t]*>[ \t]*%%(?P<mark>COMMENT|TAGS|LINK)%%")


def as_annotator_shows(body: str) -> str:
    """`body` with each Annotator highlight record (see the module's doc) reduced to its comment; `body` itself when
    it holds none."""
    if _CUE not in body:
        return body
    lines = body.split("\n")
    k = 0
    while k < len(lines):
        if not _QUOTE.match(lines[k]):
            k += 1
            continue
        end = k
        while end < len(lines) and _QUOTE.match(lines[end]):
            end += 1
        if any(_CUE in line for line in lines[k:end]):
            _comment_only(lines, k, end)
        k = end
    return "\n".join(lines)


def _comment_only(lines: list[str], start: int, end: int) -> None:
    """Blank the quote lines start..end of one record but those of its comment (after `%%COMMENT%%`, up to the
    next mark)."""
    in_comment = False
    for k in range(start, end):
        mark = _MARK.match(lines[k])
        if mark:
            in_comment = mark["mark"] == "COMMENT"
            rest = lines[k][mark.end():].strip()
            lines[k] = f"> {rest}" if in_comment and rest else ""
        elif not in_comment or not lines[k].lstrip(" \t>").strip():
            lines[k] = ""
