"""A list item that states a rule with numbers worked out beside it in brackets:

    - each head works in $d_h = d / k$ dimensions (base model: 768 / 12 = 64)
      →  - each head works in $d_h = d / k$ dimensions

Read whole, the item works out numbers (a worked example) and is left out of its list's card, and the items after it
that go on from it ("- so the layer costs …") lose their premise. The rule is what to recall; the bracket that works
it out on one case is an example of it. Such an item is kept without that bracket. Pure: lines in, lines out.
"""

from __future__ import annotations

import re

from mlwiki.extract.lines import Line
from mlwiki.extract.passages import works_numbers

# A bracketed aside with a digit in it, on one line ("(base model: 768 / 12 = 64)"), after a word and ending a clause;
# not a bracket of a sum ("(1.96 + 0.84)² ≈ 7.85")
_ASIDE = re.compile(r"(?<=[\w$*_])[ \t]+\([^()\n]*\d[^()\n]*\)(?=[ \t]*(?:[.,;:]|$)|[ \t]+[^\W\d])")
_WORDED = re.compile(r"[A-Za-z]{2,}")  # (an aside says something in words; "(1.96 + 0.84)" is a sum)


def without_number_asides(item: list[Line]) -> list[Line] | None:
    """The item's lines with each bracketed aside that works out numbers left out; None when it has none, or when
    what is left still works numbers out."""
    changed, kept = False, []
    for line in item:
        text = _ASIDE.sub(lambda m: "" if _WORDED.search(m.group()) and works_numbers(m.group()) else m.group(),
                          line.text)
        changed = changed or text != line.text
        kept.append(Line(line.no, text, line.kind, line.attrs) if text != line.text else line)
    if not changed or works_numbers(" ".join(line.text for line in kept)):
        return None
    return kept
