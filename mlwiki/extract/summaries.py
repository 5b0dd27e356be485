"""A note's summary section: "## TL;DR" or "## Summary" right under the note's title sums up the note's subject in a
few sentences (a paper's gist, before its key ideas), what a learner asks first of it:

    # Collaborative Filtering for Implicit Feedback Datasets
    ## TL;DR
    Matrix factorization for implicit data, where every user–item cell is used …
      →  … › TL;DR  /  the paragraph

Such a heading names no subject of its own, so sections under it make no card; under the title it stands for the
note's subject, as its opening paragraph would. Deeper down ("### Summary" under "## Training") it sums up its own
section, whose cards say it already. Pure: the heading path in, a yes or no out.
"""

from __future__ import annotations

import re

_SUMS_UP = re.compile(r"(?i)[\W_]*(?:tl;?\s?dr|summary|in short|in a nutshell|the gist|gist)[\W_]*")


def sums_up_note(headings: list[tuple[int, str]]) -> bool:
    """Whether the last of `headings` titles the summary of the whole note: "TL;DR" or "Summary", under no heading
    but the note's title."""
    return bool(headings) and bool(_SUMS_UP.fullmatch(headings[-1][1])) \
        and all(level == 1 for level, _ in headings[:-1])
