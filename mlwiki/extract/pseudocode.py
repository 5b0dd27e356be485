"""Pseudocode: a fenced block in no programming language that writes an algorithm's steps, assignments with an
arrow ("τ ← Σ_Z ψ", "x := x - η g") under loop and return lines. Under a heading that names the algorithm it is
what the section teaches, not a snippet kept beside a fact, so a card's back keeps it (`tidy` leaves other loose
code off). A diagram in ASCII, or code in a language (named on the fence or not), is none. Pure."""

from __future__ import annotations

import re

_NO_LANGUAGE = frozenset(("", "text", "txt", "plain", "pseudo", "pseudocode", "algorithm", "none"))
_ASSIGNS = re.compile(r"←|⟵|:=")
_STEP = re.compile(r"(?i)[ \t]*(?:for(?: each| all)?|while|repeat|until|if|return|output|end(?: for| while)?)\b")
MIN_ASSIGNS = 2


def writes_pseudocode(fence: str, body: list[str]) -> bool:
    """Whether a fenced block (its opening line `fence`, its lines `body`) is pseudocode: no language named, two
    assignments by arrow or more, and a loop or a return among its lines."""
    if fence.strip().lstrip("`~").strip().strip("{}").lower() not in _NO_LANGUAGE:
        return False
    return sum(bool(_ASSIGNS.search(line)) for line in body) >= MIN_ASSIGNS and any(_STEP.match(line) for line in body)
