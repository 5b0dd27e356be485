"""A list item that defines a term by its formula: "- **ATE** $= \\mathbb{E}[Y(1) - Y(0)]$ — the whole population",
"- **MSE** $\\frac1n\\sum_i (y_i - \\hat y_i)^2$". Its words are few (the formula says what the term is), yet it
explains as much as an item in words: a list of them is a glossary of symbols to recall, no list of names. Pure."""

from __future__ import annotations

import re

# A bold term (after the item's mark), maybe ":", "=" or a dash, then inline math holding a relation or a formula
_DEFINED_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]+\*\*[^*\n]{1,40}\*\*[ \t]*[:=—–-]?[ \t]*"
                           r"\$[^$\n]*(?:=|\\approx|\\equiv|\\propto|\\frac|\\sum|\\mathbb|\\operatorname)[^$\n]*\$")
WORDS = 3  # (what such an item counts for among items that explain in words)


def defines_in_symbols(item: str) -> bool:
    """Whether a list item opens on a bold term defined by the formula after it."""
    return _DEFINED_ITEM.match(item) is not None
