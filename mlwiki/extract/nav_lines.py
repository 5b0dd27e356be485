"""A page's navigation line: links to the notes around it, each with the label that says what it is to this page,
and where the page comes from, between separators ("← [Index](…) · prerequisite: [Stationarity](…)", "[Index](…) ·
needs: [A](…), [B](…) · next: [C](…)", "[Index](…) | FPP3 ch. 3 + week 4 lecture", "[Index](…) · FPP3 ch. 8.1–8.3 ·
the statistical model behind these is in [ETS](…)"). Joplin's, Obsidian's and other editors' writers put one under
a page's title: it points elsewhere and says nothing of the subject, so it is on no card. Pure: a line in, a bool
out.
"""

from __future__ import annotations

import re

from mlwiki.extract.draft import written_by_hand
from mlwiki.extract.page_origin import names_sources

_LINK = r"(?:\[\[[^\]\n]*\]\]|\[[^\[\]\n]*\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\))"  # (a path may hold "%28…%29" or "(…)")
_LINKS = rf"{_LINK}(?:[ \t]*\([^()\n]{{1,80}}\))?(?:[ \t]*(?:,|;|&|\+|\band\b)[ \t]*{_LINK}(?:[ \t]*\([^()\n]{{1,80}}\))?)*"
# A segment of links, under a word that points ("builds on", "back to", "see also") or, beside other segments, a
# label that says what they are to this page ("prerequisite:", "how to *compute them honestly*:", "sklearn docs
# clipped:"; alone, "Gated cells: [LSTM](…), [GRU](…)" may say what the links are)
_POINTER = (r"(?:see(?:[ \t]+also)?|back[ \t]+to|up|next|prev(?:ious)?|needs|uses|requires|builds[ \t]+on|follows|continues|"
            r"part[ \t]+of|from|after|before)[ \t]*:?")
_LINK_SEGMENT = re.compile(rf"(?i)(?:{_POINTER}(?:[ \t]+the\b)?[ \t]*)?{_LINKS}[ \t]*[.]?")  # ("Back to the [roadmap](…).")
# ... and, beside other segments, how the page relates to the linked ones: "· comes from [Actor-Critic](…) · used by
# [PPO](…)", "· theory in [Policy Gradient Theorem](…)" (alone, "Used in: [A](…), [B](…)" may close a section)
_RELATED_SEGMENT = re.compile(rf"(?i)(?:comes[ \t]+from|used[ \t]+(?:by|in)|leads[ \t]+to|(?:theory|proof|derivation|details|"
                              rf"code)[ \t]+(?:in|at))[ \t]*:?[ \t]*{_LINKS}[ \t]*[.]?")
# ... and, alone too, where the rest of it is: "Details in [Padding & stride](…).", "Summary table in [[VI]]."
_DETAILS_SEGMENT = re.compile(rf"(?i)(?:(?:more|full|the)[ \t]+)?(?:details|proofs?|derivations?|summary(?:[ \t]+table)?)"
                              rf"[ \t]+(?:(?:is|are)[ \t]+)?(?:in|at|on)[ \t]*:?[ \t]*{_LINKS}[ \t]*[.]?")
# Which collection the page belongs to, as a note's opening says it of its map of content: "Part of my [[probability
# for ML]] reading.", "Part of the [[RL course]] notes."
_PART_OF_SEGMENT = re.compile(rf"(?i)part[ \t]+of[ \t]+(?:my|the|our|this)[ \t]+{_LINKS}(?:[ \t]+[^\W\d][\w-]*){{0,2}}[ \t]*[.]?")
_LABELLED_SEGMENT = re.compile(rf"(?i)[^\[\]\n:$]{{1,40}}:[ \t]*{_LINKS}[ \t]*[.]?")
# A segment that says where a thing is, of a link: "the statistical model behind these is in [ETS](…)", "VAE /
# reparameterisation → summarised in [[ELBO]]" (a reading list's paper: where the writer wrote it up)
_WHERE_SEGMENT = re.compile(rf"(?i)[^\[\]\n$]{{0,80}}?\b(?:is|are|lives?|sits?|goes|go|summari[sz]ed|written[ \t]+up|"
                            rf"covered|noted(?:[ \t]+down)?|collected)[ \t]+(?:in|at|on|under)[ \t]+"
                            rf"{_LINKS}[ \t]*[.]?")
_SEPARATOR = re.compile(r"[ \t]+[·•|][ \t]+|(?<=[.])[ \t]+(?=[A-Z])")  # (or a sentence's end: "… are in [A](…). Index: [B](…)")
# A work cited by its authors or short name and a year or its sections, as a navigation line names where the page
# comes from beside its links: "Sutton & Barto ch. 3", "S&B 5.5–5.7, 7.3", "Watkins 1989", "Mnih et al. 2013
# (NeurIPS workshop) / 2015 (Nature)"
_NUMBERS = r"(?:(?:ch(?:apter)?s?\.?|§|sec(?:tion)?s?\.?)[ \t]*)?\d+(?:[.–-]\d+)*[a-z]?(?:[ \t]*\([^()\n]{1,40}\))?"
_CITED = re.compile(rf"[A-Z][\w'’.-]*(?:[ \t]*&[ \t]*[A-Z][\w'’.-]*|[ \t]+et[ \t]+al\.?)?[ \t]+{_NUMBERS}"
                    rf"(?:[ \t]*[,/][ \t]*{_NUMBERS})*[ \t]*[.]?")
_LINK_SPAN = re.compile(_LINK)
_ARROW = re.compile(r"[ \t]*(?:[←↑⬅«‹]|<-)[ \t]*")


def is_navigation(line: str) -> bool:
    """Whether a line is a page's navigation (see the module's doc): segments between "·", "•" or "|", each links
    under a label, a pointer to where a thing is, or the page's sources, at least one of them a link; no formula."""
    if "](" not in line and "[[" not in line or "$" in line:
        return False
    text = line.strip()
    text = text[_ARROW.match(text).end():] if _ARROW.match(text) else text
    segments = _segments(text)
    linked = False
    for segment in segments:
        if _LINK_SEGMENT.fullmatch(segment) or _WHERE_SEGMENT.fullmatch(segment) or _PART_OF_SEGMENT.fullmatch(segment) \
                or _DETAILS_SEGMENT.fullmatch(segment) \
                or len(segments) > 1 and (_LABELLED_SEGMENT.fullmatch(segment) or _RELATED_SEGMENT.fullmatch(segment)):
            linked = True
        elif not names_sources(segment) and not (len(segments) > 1 and _CITED.fullmatch(segment)):
            return False
    return linked


def without_navigation(drafts: list) -> list:
    """The drafts (sibling groups with their heading paths) without the cards whose back is a navigation line
    alone: a cut that took the sentence before it off left the line on a card of its own."""
    out = []
    for group, path in drafts:
        kept = [d for d in group if written_by_hand(d) or "\n" in d.back.strip() or not is_navigation(d.back)]
        if kept:
            out.append((kept, path))
    return out


def _segments(text: str) -> list[str]:
    """The line's parts between separators outside its links: a link's text may hold one of its own ("[Reporting
    BLEU | The Tokenized Blog](…)", a clipped page's title with its site's name)."""
    links = [m.span() for m in _LINK_SPAN.finditer(text)]
    cuts = [m for m in _SEPARATOR.finditer(text) if not any(a <= m.start() < b for a, b in links)]
    bounds = [0, *(x for m in cuts for x in m.span()), len(text)]
    return [text[bounds[k]:bounds[k + 1]] for k in range(0, len(bounds), 2)]
