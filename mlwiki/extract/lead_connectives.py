"""A section's first paragraph that opens on a word joining it to text the card does not show: "Now considering the
derivative of a function with one input, a partial derivative is …" right under its heading, "Instead, a model starts
out with random tensors …" after a line of a tutorial's narration. A notebook written a line at a time leads each line
on from the one before; when nothing before it in the section is on the card, the joining word points at nothing,
and what follows it is the fact the section opens on. Pure: a block in, a block out."""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.blocks import Block
from mlwiki.extract.lines import Line

# "Now, …", "Instead, …", "Now considering X, …", "Now, with X, …": the word that leads on, and a phrase that frames
# what follows (not a clause of its own: no verb of a subject of its own before the comma)
_LEAD = re.compile(r"[ \t]*(?:Now|Instead)(?:,?[ \t]+(?:[a-z]+ing|given|after|with|for)\b[^,.;:!?\n$]{1,80})?"
                   r",[ \t]+(?=[^\W\d_])")
# What follows it that still leans on the story around it: the writer and reader, a pointer back, a question
_STILL_TOLD = re.compile(r"(?i)(?:we|you|i|our|us|let|it|this|these|that|those|there|here|so|then|what|how|why)\b")


def without_lead_connective(block: Block) -> Block | None:
    """The block with the joining word (and the phrase framing what follows) its first line opens on taken off, and
    what follows it capitalised; None when it opens on none, or what follows still tells the story ("Now, we …")."""
    first = block.lines[0]
    found = _LEAD.match(first.text)
    if found is None:
        return None
    rest = first.text[found.end():]
    if _STILL_TOLD.match(rest):
        return None
    return replace(block, lines=[Line(first.no, rest[:1].upper() + rest[1:], first.kind, first.attrs), *block.lines[1:]],
                   joined=None)
