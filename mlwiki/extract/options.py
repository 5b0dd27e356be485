"""Options named by a letter or a number in a list under the sentence that introduces them ("When the shapes
differ, the paper offers three options:" over "- **A**: …", "- **B**: …"): "Define: A" asks nothing, so the
option's card asks with that sentence. Pure: lines in, text out.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block
from mlwiki.extract.lines import LIST_ITEM, Line
from mlwiki.extract.prose import clean_prose

_OPTION = re.compile(r"\(?(?:[A-Za-z]|\d{1,2}|[ivx]{1,4})[.)]?")  # a letter, a number or a numeral, alone


def options_over(block: Block, first: Line, term: str) -> str:
    """The sentence over the list (in `block`) whose item `first` names an option `term` by a letter or a number,
    when it introduces the list ("… the paper's options are:"); '' otherwise."""
    over = block.lines[0]
    if not _OPTION.fullmatch(term) or over is first or LIST_ITEM.match(over.text) or not over.text.rstrip().endswith(":"):
        return ""
    return clean_prose(over.text.strip())
