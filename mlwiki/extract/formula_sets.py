"""The front of a formula card that no sentence introduces and whose back holds several formulas, one after the
other with nothing between, each defining a quantity of its own: it names what they define, not "Formula".

    ## Posteriors                         →  "… › Posteriors / Formulas for $\\gamma_t(i)$ and $\\xi_t(i,j)$"
    $$\\gamma_t(i) = …$$                   (both formulas on the back)
    $$\\xi_t(i,j) = …$$

"Formula" over two formulas said neither which one is asked nor that there are two. Formulas that go on from one
another (a later one opening on "=", or the same left side again) are steps of one derivation: they keep the
label. Pure.
"""

from __future__ import annotations

import re

_DISPLAY = re.compile(r"\$\$(.+?)\$\$", re.S)
MAX_SIDE_CHARS = 30  # (a left side a front can show: "\\xi_t(i,j)", not a whole expression)
_RELATION = re.compile(r"&?=|\\approx|\\propto|\\leftarrow|\\gets\b")
_SIDE = re.compile(r"\\?[A-Za-z]+(?:[_^](?:\{[^{}]*\}|\w))*(?:\([^()]*\))?")  # (a symbol, indexed, with arguments)


def named_front(front: str, back: str) -> str:
    """A "… / Formula" front (`front`) over a back of display formulas (`back`) with the label made `named_set`
    of them; the front as it was when they do not each define a symbol of their own, or text stands between."""
    bodies = _DISPLAY.findall(back)
    named = named_set(bodies) if not _DISPLAY.sub("", back).strip() else ""
    return f"{front.rsplit(chr(10) * 2, 1)[0]}\n\n{named}" if named else front


def named_set(bodies: list[str]) -> str:
    """"Formulas for $a$ and $b$" when each of these display formulas (two or more) defines a symbol of its own on
    its left side; '' when any does not, or two define the same one."""
    sides = [_left_side(body) for body in bodies]
    if len(sides) < 2 or not all(sides) or len(set(sides)) != len(sides):
        return ""
    shown = [f"${side}$" for side in sides]
    return f"Formulas for {', '.join(shown[:-1])} and {shown[-1]}"


def _left_side(body: str) -> str:
    """The symbol a formula defines before its first relation ("\\gamma_t(i)"); '' for none or an expression."""
    match = _RELATION.search(body)
    side = body[:match.start()].strip() if match else ""
    return side if len(side) <= MAX_SIDE_CHARS and _SIDE.fullmatch(side) else ""
