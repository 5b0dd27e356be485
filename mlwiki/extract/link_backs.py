"""A back that only points at other pages of the notes: "Most-used: [Attention](Lecture%20Notes/Attention.md) ·
[Decoding](…)", "[Paper log](Paper%20log.md)" alone on its line, "Follow-up: [[AdamW]]." A hub's lists of its
pages and a note's pointer to the next one say where to read, and each page's own cards say what it teaches. A
list of names that happen to be links ("- [[Shapiro–Wilk]]\\n- [[Anderson–Darling]]", the examples of a heading) is
what the card asks, and stays. A rule on the form of the back, never its words. Pure: a string in, a bool out.
"""

from __future__ import annotations

import re

_WIKI = r"\[\[[^\]\n]*\]\]"
_FILE_LINK = r"\[[^\]\n]*\]\((?![a-z][a-z0-9+.-]*:)[^)\s]*\)"  # (a link to a file of the notes, not to a web page)
_LINK = rf"(?:{_WIKI}|{_FILE_LINK})"
# A line of links alone, after a short label or none: "Most-used: [A](a.md) · [B](b.md)", "Follow-up: [[AdamW]]."
_LINE = re.compile(rf"[ \t]*(?P<label>[^\n:\[\]$]{{1,40}}:[ \t]*)?(?P<links>{_LINK}(?:[ \t]*(?:[,;·•|]|and|&)?[ \t]*"
                   rf"{_LINK})*)[ \t.]*")
_FILE = re.compile(_FILE_LINK)


def points_elsewhere(back: str) -> bool:
    """Whether a back holds only lines of links to the notes' own pages, each under a label or each a Markdown link to
    a file (not a list item of names: see the module's doc)."""
    if "](" not in back and "[[" not in back:
        return False
    lines = [line for line in back.strip().split("\n") if line.strip()]
    found = [_LINE.fullmatch(line) for line in lines]
    if not lines or not all(found):
        return False
    return all(m["label"] or _FILE.fullmatch(m["links"].strip()) or "·" in m["links"] for m in found)
