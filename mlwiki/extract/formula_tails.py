"""The conclusion a paragraph draws right after its last display formula, in the same paragraph:

    At the first step:
    $$ \\hat m_1 / \\sqrt{\\hat v_1} = \\operatorname{sign}(g_1) $$
    So the first step is a sign-descent step of size $\\eta$.

A paragraph of a section is read again when the section closes, and its text after the formula becomes a remark card
of its own there (`lists`, `remarks.remark_card`). A paragraph no open section holds (one after a titled box, a
theorem, whose heading closed the section it stands in) is not read again: its conclusion goes on its formula's
card, under the formula, or it would be on no card. Pure: the text after the formula in, the conclusion out.
"""

from __future__ import annotations

import re

from mlwiki.extract.lines import LIST_ITEM
from mlwiki.extract.prose import clean_prose

_CONCLUDES = re.compile(r"(?:So|Hence|Thus|Therefore|That is|In words|In other words|I\.e\.)\b,?[ \t]+(?=\S)")
MIN_WORDS, MAX_WORDS = 6, 60


def conclusion(after: list[str]) -> str:
    """The sentence(s) after a paragraph's last formula when they conclude from it ("So …", "Hence …"); '' else."""
    if not after or any(LIST_ITEM.match(line) for line in after):
        return ""
    text = " ".join(" ".join(after).split())
    if not _CONCLUDES.match(text) or text.endswith((":", "?")):
        return ""
    words = len(clean_prose(text).split())
    return text if MIN_WORDS <= words <= MAX_WORDS else ""


def held_by_section(ex, start: int) -> bool:
    """Whether the open section holds the paragraph at line `start` (its close reads it again: what follows the
    formula, the paragraph's relations), as its own text or in a titled box's part."""
    return ex.section is not None and any(line.no == start for block in ex.section.body for line in block.lines)
