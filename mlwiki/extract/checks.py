"""A general statement's check in numbers is no worked example.

A passage that works numbers out ("0.3 + 0.4 = 0.7") is a worked example's and is refused as a card's text. But a
writer often checks a general rule in passing, in brackets after the formula it follows from: "every time $H, W$
halve, double $C$ — the compute stays constant (MACs $\\propto HWC^2$, so $\\tfrac14 \\cdot 4 = 1$)". The bracket
states a formula in symbols and checks it; the passage is a rule, and its card should be made. A bracket that sets
example values ("$n = 10$") stays: that is a worked example. Pure: strings in, strings out.
"""

from __future__ import annotations

import re

_BRACKET = re.compile(r"\(([^()\n]{1,200})\)")
_MATH = re.compile(r"\$([^$\n]+)\$")
_COMMAND = re.compile(r"\\[A-Za-z]+")
_SETS_VALUE = re.compile(r"[A-Za-z][ \t]*(?:=|\\approx|≈)[ \t]*-?\d")  # ("$n = 10$": an example's value)


def without_checks(text: str) -> str:
    """`text` without the brackets that check a general formula in numbers (see the module's docstring)."""
    if "(" not in text or "$" not in text:
        return text
    return _BRACKET.sub(lambda m: "" if _checks(m.group(1)) else m.group(0), text)


def _checks(inner: str) -> bool:
    """Whether a bracket's text states a formula in symbols and sets no example value."""
    spans = _MATH.findall(inner)
    symbolic = any(re.search(r"[A-Za-z]", _COMMAND.sub("", span)) for span in spans)
    return symbolic and not any(_SETS_VALUE.search(_COMMAND.sub("", span)) for span in spans)
