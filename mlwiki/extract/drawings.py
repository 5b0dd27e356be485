"""An Excalidraw drawing kept in an Obsidian vault (`*.excalidraw.md`) read for the words written on it. Its page
holds a banner telling the reader to switch to the drawing view, its text elements under `## Text Elements` (each
ending on the block id that places it, `^txtProj001`), and the drawing's data between `%%` lines. Most drawings
label boxes ("encoder", "dendrogram cut"): no knowledge of their own, and the page makes no card. A drawing whose
text elements state things ("projection length² = variance captured", "residual² = reconstruction error") holds
what it was drawn to show: its elements are read as one list, as if written one under the other, and the banner,
the headings and the data as nothing. Pure: text in, the same number of lines out."""

from __future__ import annotations

import re

MIN_WORDS = 3  # (an element of fewer words labels a box or an arrow)
MIN_SAYING = 2  # (elements that state something: fewer, and the drawing only labels its parts)
_ELEMENTS = re.compile(r"#{1,6}[ \t]+Text Elements[ \t]*")
_DATA_START = re.compile(r"%%[ \t]*|#{1,6}[ \t]+(?:Drawing|Embedded [Ff]iles|Element Links)[ \t]*")
_BLOCK_ID = re.compile(r"[ \t]*\^[\w-]+[ \t]*$")
_BANNER = "EXCALIDRAW VIEW"


def _is_drawing(lines: list[str]) -> bool:
    """Whether a page is an Excalidraw drawing: the plugin's banner over a `Text Elements` heading."""
    return any(_BANNER in line for line in lines[:12]) and any(_ELEMENTS.fullmatch(line) for line in lines)


def text_elements(body: str) -> list[str]:
    """The text elements of an Excalidraw drawing's page, each as one line without its block id; [] for a page
    that is no drawing."""
    lines = body.split("\n")
    if _BANNER not in body or not _is_drawing(lines):
        return []
    start = next(k for k, line in enumerate(lines) if _ELEMENTS.fullmatch(line)) + 1
    found, current = [], []
    for line in lines[start:]:
        if _DATA_START.fullmatch(line) or line.startswith("#"):
            break
        if line.strip():
            current.append(_BLOCK_ID.sub("", line).strip())
        elif current:
            found, current = found + [" ".join(current)], []
    return found + [" ".join(current)] if current else found


def says_something(body: str) -> bool:
    """Whether a drawing's text elements state things a learner would card, not only label its parts."""
    return sum(len(element.split()) >= MIN_WORDS for element in text_elements(body)) >= MIN_SAYING


def as_drawing_shows(body: str) -> str:
    """A drawing's page as the list of its text elements when they state things (`says_something`), else as
    nothing, the rest of its lines blank; any other page as it is."""
    elements = text_elements(body) if _BANNER in body else []
    if not elements:
        return body
    lines = body.split("\n")
    if not says_something(body):
        return "\n" * (len(lines) - 1)  # (labels only: no card)
    start = next(k for k, line in enumerate(lines) if _ELEMENTS.fullmatch(line)) + 1
    shown = [""] * len(lines)
    for k, element in enumerate(elements):
        shown[min(start + k, len(lines) - 1)] = f"- {element}"
    return "\n".join(shown)
