"""The rows of a log's table keyed by their day: "| Mar 3 | Smith 2021, *Sparse MoE* ⭐ | experts routed per token |"
is carded by `table_cards` as "Reading log › Mar 3: paper, takeaway?", which asks what the writer read on a day. The
day is no subject; the row's next cell is (the paper, the run, the course), and what the row says of it is asked by it:

    Reading log › Mar 3: paper, takeaway?  /  - paper: Smith 2021, *Sparse MoE* ⭐  - takeaway: experts routed …
      →  Reading log › Smith 2021, *Sparse MoE*: takeaway?  /  experts routed per token

A row that says too little of it to be a fact ("| Mar 8 | Lee 2022 | half-read |", "| … | transformer |") or names
nothing beyond its day is no card. A rule on the form of the row (a day, then "field: value" cells), not its words.
Pure: a draft in, a draft or None out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

MIN_SAID_WORDS = 2  # (one word a row says of its paper, "transformer", "scaling", "skimmed", names no fact about it)
# A row card's front: "… › <day>: <asked columns>?" (or "… › <day>" when it asks no column by name)
_FRONT = re.compile(r"(?P<where>[^\n]*) › (?P<day>[^›\n:]{2,40}?)(?::[ \t]+[^\n›]{1,120}\?)?")
# One "- field: value" line of a row's back
_FIELD = re.compile(r"[-*][ \t]+(?P<name>[^:\n]{1,40}):[ \t]+(?P<value>[^\n]+)")


def row_by_subject(draft, is_day):
    """The card of a log's table row keyed by its day (`is_day(label)`), asked by the row's next cell instead (see the
    module's docstring); None when the row says no fact of it; `draft` itself when it is no such row."""
    found = _FRONT.fullmatch(draft.front.strip())
    if found is None or not is_day(found["day"].strip()):
        return draft
    fields = [_FIELD.fullmatch(line.strip()) for line in draft.back.strip().split("\n") if line.strip()]
    if len(fields) < 2 or not all(fields):
        return None  # (a day and what was done then, in one cell: what the writer did, no fact)
    subject = _unmarked(fields[0]["value"])
    said = fields[1:]
    if not subject or sum(len(f["value"].split()) for f in said) < MIN_SAID_WORDS:
        return None
    asked = ", ".join(f["name"].strip() for f in said)
    back = said[0]["value"].strip() if len(said) == 1 else "\n".join(f"- {f['name'].strip()}: {f['value'].strip()}"
                                                                      for f in said)
    return replace(draft, front=f"{found['where']} › {subject}: {asked}?", back=back, id_front="")


def _unmarked(cell: str) -> str:
    """A cell without the writer's trailing marks ("⭐", "✅", "(!)"): how they rated their reading, not its name."""
    text = cell.strip()
    while text and (unicodedata.category(text[-1]) in ("So", "Sk", "Mn", "Cf") or text[-1] in "!"):
        text = text[:-1].rstrip()
    return text
