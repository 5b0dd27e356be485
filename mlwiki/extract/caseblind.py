"""Case-blind word patterns searched fast: a pattern made case-blind with `(?i)` and opening on `\\b` gives Python's
regex engine no first character to skip to, so it tries a match at every character of the text. `CaseBlind` asks
the same pattern of the text in lower case, written so that it opens on the first letters of its words (each `\\b`
before a word said as a look-behind after its first letter): the engine passes over every character no word starts
with. A text in ASCII in lower case matches the one exactly where it matches the other; any other text is asked
the case-blind pattern as it is (Unicode case folding has matches `str.lower` does not: "ſ" for "s", "K" for "k").
"""

from __future__ import annotations

import re


class CaseBlind:
    """A case-blind pattern (`blind`) and the same pattern for text in lower case (`lower`), opening on letters;
    `search(text)` is truthy exactly where `blind.search(text)` is."""

    def __init__(self, blind: str, lower: str):
        self.blind = re.compile(blind, re.I)
        self.lower = re.compile(lower)

    def search(self, text: str) -> bool:
        """Whether the pattern occurs in the text (case-blind)."""
        if text.isascii():
            return self.lower.search(text.lower()) is not None
        return self.blind.search(text) is not None


# The reader or the writers spoken of: "we", "you", "our", "your", "us", "I" as words (claims: a tutorial's sentence)
READER = CaseBlind(r"\b(?:we|you|our|your|us|I)\b",
                   r"(?:w(?<!\ww)e|y(?<!\wy)our?|o(?<!\wo)ur|u(?<!\wu)s|i(?<!\wi))\b")
# ... or a contraction of theirs: "we're", "you'll", "I'd", "they've"
READER_OR_CONTRACTION = CaseBlind(r"\b(?:we|you|our|your|us|I)\b|['’](?:re|ll|d|ve)\b",
                                  r"(?:w(?<!\ww)e|y(?<!\wy)our?|o(?<!\wo)ur|u(?<!\wu)s|i(?<!\wi))\b|['’](?:re|ll|d|ve)\b")
