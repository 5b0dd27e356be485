"""A list item led by a bold label and a colon, `- **Objective:** …` or `1. **Overlap** (also *positivity*): …`,
read as "Label: what it says", the label's bracketed aside (the other names the term goes by) kept on the back. Pure."""

from __future__ import annotations

import re

# "**Objective:** …", "**Objective**: …", "**Positivity** (also *overlap*): …" (other names before the colon)
_BOLD_ITEM_LABEL = re.compile(r"\*\*([A-Za-z][^*:\n]{0,40}?)(?::\*\*|\*\*(?:[ \t]+\(([^()\n]{1,100})\))?:)[ \t]+(?=\S)")
_END = re.compile(r"[.;]?[ \t]*$")
# The end of an item's first sentence (a stop before a capital), its math masked: the aside closes that sentence
_FIRST_STOP = re.compile(r"(?<=[^\s.])(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bal)(?<!\bvs)[.;](?=[ \t\n]+[A-Z(])")
_MATH = re.compile(r"\$[^$\n]*\$")
_EMPHASIS = re.compile(r"(\*{1,2}|_{1,2})([^*_\n$]+?)\1")


def bold_item_label(text: str) -> tuple[str, str] | None:
    """(label, "Label: rest") for an item's text that opens on a bold label and a colon, else None. An aside between
    the label and its colon ("(also *ignorability*, *unconfoundedness*)") closes the item's first sentence: the
    names a learner meets the term by stay on the card, in plain words, and the label stays a term."""
    bold = _BOLD_ITEM_LABEL.match(text)
    if bold is None:
        return None
    rest = text[bold.end():]
    if bold.group(2):
        masked = _MATH.sub(lambda m: "x" * len(m.group()), rest)
        stop = _FIRST_STOP.search(masked)
        at = stop.start() if stop else _END.search(rest).start()
        aside = _EMPHASIS.sub(r"\2", " ".join(bold.group(2).split()))  # (its names in plain words: an emphasised one
        rest = f"{rest[:at]} ({aside}){rest[at:]}"  # alone on a short back would be asked as a blank)
    return bold.group(1), f"{bold.group(1)}: {rest}"
