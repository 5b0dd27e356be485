"""A table of the writer's own run, pasted under a sentence that says so:

    Numbers from my run on 2024-03-09 (pasted, since the cell is not executed):

    | | Recall@10 | NDCG@10 |
    |---|---|---|
    | MostPop | 0.061 | 0.072 |

A notebook whose cells are not run on build (nbdev's `#| eval: false`, a tutorial on a large data set) keeps its
output as such a table: one run's numbers on one data set, which a learner does not recall. The sentence and the
table are read as the run's output, and blanked; what the text goes on to conclude from them stays. A table under
any other sentence ("The three splits compared:") is the note's. Pure: lines in, the same lines with those blanked.
"""

from __future__ import annotations

import re

from mlwiki.extract.line_kinds import BLANK_LINE, TEXT, Line
from mlwiki.extract.page_properties import first_filled

# The writer's own run, said by the sentence over the table: "Numbers from my run", "Our results on …:", "What I got
# (pasted):"
_OWN_RUN = re.compile(r"(?i)\b(?:(?:my|our)[ \t]+(?:[\w-]+[ \t]+)?(?:runs?|results?|numbers|experiments?|timings?|scores?|"
                      r"outputs?)|i[ \t]+got|we[ \t]+got|pasted)\b")
_TABLE_ROW = re.compile(r"[ \t]*\|")
MAX_INTRO_LINES = 3  # a sentence or two over the table; a longer paragraph says more than where the numbers are from


def mark_run_tables(lines: list[Line]) -> None:
    """Blank each table of the writer's run and the sentence over it that says so (see the module's docstring)."""
    k = 0
    while k < len(lines):
        end = _paragraph_end(lines, k)
        if end > k and end - k <= MAX_INTRO_LINES and lines[end - 1].text.rstrip().endswith(":") \
                and not _TABLE_ROW.match(lines[k].text) and _OWN_RUN.search(" ".join(ln.text for ln in lines[k:end])):
            table = first_filled(lines, end)
            stop = table
            while stop is not None and stop < len(lines) and lines[stop].kind == TEXT and _TABLE_ROW.match(lines[stop].text):
                stop += 1
            if table is not None and stop > table:
                for i in range(k, stop):
                    lines[i] = BLANK_LINE
                k = stop
                continue
        k = max(end, k + 1)


def _paragraph_end(lines: list[Line], start: int) -> int:
    """The index after the run of text lines from `start` (`start` itself when that line is no text)."""
    end = start
    while end < len(lines) and lines[end].kind == TEXT and lines[end].text.strip():
        end += 1
    return end
