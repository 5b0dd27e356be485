"""A footnote that holds the writer's note, not a source: its text goes on the card its mark is on.

    … L2 regularisation with coefficient $\\lambda = 1/(2\\sigma_p^2)$.[^wd]
    [^wd]: With AdamW the decay is decoupled from the gradient, and the correspondence no longer holds exactly.
      →  the card holding "… $\\lambda = 1/(2\\sigma_p^2)$." ends with the AdamW sentence (the mark off it)

Pandoc, Zettlr and GitHub set a footnote's text at the page's foot, where no card is; the renderers show its mark as
nothing. A footnote that cites ("Ho, Jain, Abbeel. *Denoising Diffusion …* NeurIPS 2020.", a URL) is the source,
which stays off the cards; one written in sentences without a year or a link is a fact the writer set aside, and
stays with the claim it qualifies. Pure: drafts and the note's text in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.draft import Draft

# A footnote's text: `[^key]: …`, and the lines indented under it
_TEXT = re.compile(r"^\[\^([^\]\s]{1,40})\]:[ \t]*(\S[^\n]*(?:\n[ \t]+\S[^\n]*)*)", re.M)
_SOURCE = re.compile(r"\b(?:19|20)\d\d\b|https?://|www\.|\bdoi\b|\barXiv\b|\bet al\b|\bpp?\.[ \t]*\d", re.I)
MIN_WORDS = 6  # ("See ch. 3." is a pointer, no note)


def with_footnotes(drafts: list[tuple[list[Draft], str]], body: str) -> list[tuple[list[Draft], str]]:
    """The drafts with each footnote that is the writer's note (`notes`) after the back of the first card whose back
    holds its mark, that mark taken off it."""
    if "[^" not in body:
        return drafts
    for key, note in notes(body).items():
        mark = f"[^{key}]"
        holder = next((d for group, _ in drafts for d in group if mark in d.back), None)
        if holder is not None:
            holder.back = f"{holder.back.replace(mark, '').rstrip()}\n\n{note}"
    return drafts


def notes(body: str) -> dict[str, str]:
    """{key: text} of the note's footnotes written as sentences of the writer's own (no year, link or page numbers
    that make a citation)."""
    found = {}
    for match in _TEXT.finditer(body):
        text = " ".join(match.group(2).split())
        if len(text.split()) >= MIN_WORDS and not _SOURCE.search(text) and text.rstrip("*_)").endswith((".", "!")):
            found.setdefault(match.group(1), text)
    return found
