"""A page's navigation line: links to the notes around it, each with the label that says what it is to this page,
and where the page comes from, between separators ("← [Index](…) · prerequisite: [Stationarity](…)", "[Index](…) ·
needs: [A](…), [B](…) · next: [C](…)", "[Index](…) | FPP3 ch. 3 + week 4 lecture", "[Index](…) · FPP3 ch. 8.1–8.3 ·
the statistical model behind these is in [ETS](…)"). Joplin's, Obsidian's and other editors' writers put one under
a page's title: it points elsewhere and says nothing of the subject, so it is on no card. Pure: a line in, a bool
out.
"""

from __future__ import annotations

import re

from mlwiki.extract.page_origin import names_sources

_LINK = r"(?:\[\[[^\]\n]*\]\]|\[[^\[\]\n]*\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\))"  # (a path may hold "%28…%29" or "(…)")
_LINKS = rf"{_LINK}(?:[ \t]*\([^()\n]{{1,80}}\))?(?:[ \t]*(?:,|;|&|\band\b)[ \t]*{_LINK}(?:[ \t]*\([^()\n]{{1,80}}\))?)*"
# A segment of links, under a word that points ("builds on", "back to", "see also") or, beside other segments, a
# label that says what they are to this page ("prerequisite:", "how to *compute them honestly*:", "sklearn docs
# clipped:"; alone, "Gated cells: [LSTM](…), [GRU](…)" may say what the links are)
_POINTER = (r"(?:see(?:[ \t]+also)?|back[ \t]+to|up|next|prev(?:ious)?|needs|uses|requires|builds[ \t]+on|follows|continues|"
            r"part[ \t]+of|from|after|before)[ \t]*:?")
_LINK_SEGMENT = re.compile(rf"(?i)(?:{_POINTER}(?:[ \t]+the\b)?[ \t]*)?{_LINKS}[ \t]*[.]?")  # ("Back to the [roadmap](…).")
_LABELLED_SEGMENT = re.compile(rf"(?i)[^\[\]\n:$]{{1,40}}:[ \t]*{_LINKS}[ \t]*[.]?")
# A segment that says where a thing is, of a link: "the statistical model behind these is in [ETS](…)"
_WHERE_SEGMENT = re.compile(rf"(?i)[^\[\]\n$]{{0,80}}?\b(?:is|are|lives?|sits?|goes|go)[ \t]+(?:in|at|on|under)[ \t]+"
                            rf"{_LINKS}[ \t]*[.]?")
_SEPARATOR = re.compile(r"[ \t]+[·•|][ \t]+")
_ARROW = re.compile(r"[ \t]*(?:[←↑⬅«‹]|<-)[ \t]*")


def is_navigation(line: str) -> bool:
    """Whether a line is a page's navigation (see the module's doc): segments between "·", "•" or "|", each links
    under a label, a pointer to where a thing is, or the page's sources, at least one of them a link; no formula."""
    if "](" not in line and "[[" not in line or "$" in line:
        return False
    text = line.strip()
    text = text[_ARROW.match(text).end():] if _ARROW.match(text) else text
    segments = _SEPARATOR.split(text)
    linked = False
    for segment in segments:
        if _LINK_SEGMENT.fullmatch(segment) or _WHERE_SEGMENT.fullmatch(segment) \
                or len(segments) > 1 and _LABELLED_SEGMENT.fullmatch(segment):
            linked = True
        elif not names_sources(segment):
            return False
    return linked
