"""A line that is only an HTML anchor (`<a id="threshold"></a>`, `<a name="faq-3"></a>`, `<span id="eq-1"></span>`):
a target that links elsewhere in the notes jump to, which a reader never sees. Left as text, it was the first line
of the paragraph under it: the card of a bold question showed the tag as its text, and the question was no
question card. Read as a comment, it is no part of any card."""

from __future__ import annotations

import re

from mlwiki.extract.lines import COMMENT, TEXT, Line

_ANCHOR = re.compile(r'(?i)[ \t]*(?:<(a|span)[ \t]+(?:id|name)[ \t]*=[ \t]*(?:"[^"<>]*"|\'[^\'<>]*\'|[\w:.-]+)[ \t]*'
                     r'(?:/>|>[ \t]*</\1[ \t]*>)[ \t]*)+')


def mark_anchors(lines: list[Line], body: str) -> None:
    """Mark, in place, each line of prose that is only HTML anchors as a comment (`body`: the note's text, for a
    cheap test first: most notes hold none)."""
    if "</a>" not in body and "</span>" not in body and "/>" not in body:
        return
    for ln in lines:
        if ln.kind == TEXT and ln.text[:1] in "< \t" and _ANCHOR.fullmatch(ln.text):
            ln.kind = COMMENT
