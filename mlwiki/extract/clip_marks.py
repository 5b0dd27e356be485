"""What a clipped web page keeps of the page around its text, in HTML a note's Markdown shows raw: a reference
mark (`<sup>[1](…#ref1)</sup>`, `<sup>[2]</sup>` after a citation), which points at the page's list of references the
clip left behind, and the page's fine print (`<small>Last edited 2021-11-03 · [Edit this page](…)</small>`). Both
reached the cards as tags. A reference mark is left out; a line that is only fine print about the page (when it was
edited, an edit link, its copyright or licence) is left out, its line kept empty; any other `<small>` shows its
words. Fenced code and code spans are left as written."""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

# a reference mark: a bracketed number, or a link whose text is one ("x<sup>2</sup>", a power, is none)
_REF_MARK = re.compile(r"(?i)<sup>[ \t]*\[\[?\d{1,3}\]?\](?:\([^)\s]*\))?[ \t]*</sup\s*>")
_SMALL_LINE = re.compile(r"(?i)[ \t]*<small>([^\n]*)</small\s*>[ \t]*")
_FINE_PRINT = re.compile(r"(?i)\b(?:last (?:edited|updated|modified)|edit (?:this|on)|updated on|©|copyright|"
                         r"licen[cs]ed?|all rights reserved)")
_SMALL = re.compile(r"(?i)</?small\s*>")
_CODE_SPAN = re.compile(r"`[^`\n]*`")


def without_clip_marks(body: str) -> str:
    """The body without a clipped page's reference marks and fine print (see the module's doc)."""
    lowered = body.lower()
    if "<sup" not in lowered and "<small" not in lowered:
        return body
    lines = body.split("\n")
    for k, fenced in enumerate(fenced_lines(lines)):
        line = lines[k]
        if fenced or "<" not in line or _CODE_SPAN.search(line):
            continue
        small = _SMALL_LINE.fullmatch(line)
        if small and _FINE_PRINT.search(small.group(1)):
            lines[k] = ""
            continue
        lines[k] = _SMALL.sub("", _REF_MARK.sub("", line))
    return "\n".join(lines)
