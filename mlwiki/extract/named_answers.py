"""A heading answered by a name: "## Parameter estimation" over the one sentence "Expectation–maximisation (EM)."
says which method fits the model, a card "… › Parameter estimation" → that sentence. A section's text reads as a
passage only when it holds words in lower case (a line of capitalised words is most often a table of contents or a
label); a lone sentence of names, ended with its full stop, is written as an answer. Pure: a section's blocks in,
the back out.
"""

from __future__ import annotations

import re

from mlwiki.extract.lines import TEXT

MAX_NAME_WORDS = 5
# Each word a name (capitalised, an acronym, "(EM)") or what joins two ("+", "and", "/", "with"), ending with a full stop
_NAMES = re.compile(r"[ \t]*(?P<text>(?P<first>[A-Z][\w'’–-]*)(?:[ \t]+(?:\(?[A-Z][\w'’–-]*\)?|[+/&]|and|or|with|of))*"
                    r"\.)[ \t]*")


def named_answer(blocks) -> str | None:
    """The back of a section whose whole text is one short sentence of names ("Viterbi.",
    "Expectation–maximisation (EM)."); None for any other."""
    if len(blocks) != 1 or len(blocks[0].lines) != 1 or blocks[0].lines[0].kind != TEXT:
        return None
    match = _NAMES.fullmatch(blocks[0].lines[0].text)
    if match is None or len(match.group("text").split()) > MAX_NAME_WORDS:
        return None
    return match.group("text")
