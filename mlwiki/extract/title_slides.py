"""A slide deck's title slide (Marp, reveal.js, Slidev: slides parted by `---` lines, each opening on a heading):
the deck's title and under it a line or two that say whose paper it presents, where and when ("*Attention Is All
You Need* — Vaswani et al., NeurIPS 2017"), or what the talk will go through ("RNNs · LSTMs · GRUs"). It names the
talk, and its card, the title over that line, asks nothing the slides after it do not teach. A rule on the form of
the deck, not on its words. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re

# A slide's break: a line of three dashes, then (after blank lines and a slide's directives in comments) a heading
_BREAK = re.compile(r"^---[ \t]*\n(?:[ \t]*(?:<!--[^\n]*-->)?[ \t]*\n)*#{1,3}[ \t]", re.M)
_H1 = re.compile(r"^#[ \t]+\S", re.M)
_RULE = re.compile(r"^---[ \t]*$", re.M)
MIN_SLIDES = 3  # (breaks before headings: fewer is a note with a rule or two, whose opening may be its definition)
MAX_LINES = 4  # (a title slide's lines under its title: more is a slide that teaches)


def without_title_slide(drafts: list, body: str) -> list:
    """The (sibling drafts, heading path) pairs of a note, without the cards of its title slide when the note is a
    slide deck: a card under no heading but the title, made of the lines between the title and the first break."""
    if "\n---" not in body or len(_BREAK.findall(body)) < MIN_SLIDES:
        return drafts  # (no deck: the common note, said cheaply)
    span = _title_span(body)
    if span is None:
        return drafts
    first, last = span
    return [(siblings, path) for siblings, path in drafts
            if not all(" › " not in d.front and "\n" not in d.front and first <= d.line <= last for d in siblings)]


def _title_span(body: str) -> tuple[int, int] | None:
    """(line of the title, line before the first break) of a deck whose title slide holds a few short lines and no
    display formula; None for any other."""
    title = _H1.search(body)
    end = _RULE.search(body, title.end()) if title else None
    if end is None:
        return None
    said = [ln for ln in body[title.end():end.start()].split("\n")[1:] if ln.strip() and not ln.lstrip().startswith("<!--")]
    if len(said) > MAX_LINES or any("$$" in ln for ln in said):
        return None
    return body.count("\n", 0, title.start()) + 1, body.count("\n", 0, end.start())
