"""Signposts off the cards: a book's chapter that closes on where the reader goes next ("Next: turning filters
into a filterbank → {ref}`ch-banks`.", "Next step in the pipeline: normalise the features …", "Up next: …") says what
another chapter covers, no fact of this one. Such a sentence goes off the end of a card's back; a card that held
nothing else, or that asks it ("Next: how do we show it? → uniform convergence."), is no card. Cards written for
mlwiki are left as written. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.prose import sentences
from mlwiki.extract.tidy import AUTHORED

# A sentence that opens by saying it points on: "Next:", "Next step in the chain:", "Next up,", "Up next:",
# "Coming up next:" (not "Next, the gradient is …", a step of the text's own)
_SIGNPOST = re.compile(r"(?i)[*_]*(?:next(?:[ \t]+(?:up|steps?|time|chapter|section|lecture|notebook|post))?"
                       r"(?:[ \t]+in[ \t]+the[ \t]+[\w-]+)?|up[ \t]+next|coming[ \t]+(?:up[ \t]+)?next)[*_]*[ \t]*:")


def without_signposts(drafts: list) -> list:
    """The drafts (`(siblings, heading path)` pairs) without the closing sentences that only point to the next
    chapter or step, and without a card that was nothing else."""
    kept = []
    for siblings, path in drafts:
        first = siblings[0]
        if first.form in AUTHORED or ("ext" not in first.back and "ext" not in first.front):
            kept.append((siblings, path))  # (the common card: no "Next" in it, said cheaply)
            continue
        if _SIGNPOST.match(first.front.rsplit("\n\n", 1)[-1].rsplit(" › ", 1)[-1]):
            continue  # ("… › Next: turning filters into a filterbank", "Next: how do we show it?")
        for draft in siblings:
            draft.back = _cut(draft.back)
        if first.back.strip():
            kept.append((siblings, path))
    return kept


def _cut(back: str) -> str:
    """A back without its last paragraph's closing signpost sentences."""
    head, _, last = back.rpartition("\n\n")
    if "$$" in last or last.lstrip()[:1] in "-*+|`":
        return back  # (a formula, a list, a table or code: written as it is)
    said = sentences(last)
    while said and _SIGNPOST.match(said[-1].strip()):
        said.pop()
    if len(said) == len(sentences(last)):
        return back
    rest = " ".join(said)
    return f"{head}\n\n{rest}".strip() if head else rest
