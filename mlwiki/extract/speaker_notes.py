"""A slide's speaker notes (Quarto's `::: {.notes}` … `:::`) without the presenter's cues to themself.

The notes are read as the slide's text (`blocks._TRANSPARENT`): a speaker writes there what the slide leaves
unsaid ("The forward process is a fixed Markov chain …"). A line that tells the presenter what to do ("Ask the group
why we discount before the next slide.", "Pause here.", "Mention the cliff-walking example.") is a cue to the
talk, not a fact to learn: it shows nothing. Pure: a note's text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

_OPEN = re.compile(r"[ \t]*:{3,}[ \t]*\{[ \t]*\.notes\b[^}\n]*\}[ \t]*")
_DIV_LINE = re.compile(r"[ \t]*:{3,}.*")
# the imperative a presenter writes to themself, at the start of a line (a list item's too)
_CUE = re.compile(r"(?i)[ \t]*(?:[-*+][ \t]+)?(?:ask|mention|remind|pause|point out|show|skip|draw|demo|wait|"
                  r"transition|segue|poll|emphasi[sz]e|stress|don'?t forget|remember to|time check|if time|"
                  r"switch to|go back to|hand over|take questions|joke)\b")


def without_presenter_cues(body: str) -> str:
    """`body` with the presenter's cues in its speaker notes left out; `body` itself when it has no notes."""
    if "{.notes" not in body:
        return body
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    depth = 0  # (divs open inside the notes, the notes' own included)
    for k, line in enumerate(lines):
        if fenced[k]:
            continue
        if not depth:
            depth = 1 if _OPEN.fullmatch(line) else 0
        elif _DIV_LINE.fullmatch(line):
            depth += -1 if line.strip().strip(":") == "" else 1
        elif _CUE.match(line):
            lines[k] = ""
    return "\n".join(lines)
