"""A term defined by the formula that names it, in a sentence that says so: "Define the **forward variable**
$\\alpha_t(j) = p(x_{1:t}, z_t = j)$ (the joint of …)", "Let the **margin** be $\\gamma = y\\,w^\\top x$." The
sentence often introduces a display formula built on the symbol, whose card shows it on its front as context and
never asks it; the definition is a card of its own:

    Define the **forward variable** $\\alpha_t(j) = p(x_{1:t}, z_t = j)$ (joint of …).
      →  Define: forward variable  /  $\\alpha_t(j) = p(x_{1:t}, z_t = j)$ (joint of …)

Only with `definitions` on; a sentence that defines no bold term, or a formula with no "=", makes none. Pure: `ex`
is the walk over the note (`mlwiki.extract.walk.Extractor`).
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block
from mlwiki.extract.defining import LEAD_IN, on_a_back
from mlwiki.extract.lines import TEXT
from mlwiki.extract.prose import prefix_heading, sentences
from mlwiki.models import CardKind

# "Define (the) **term** (as|to be|by) $… = …$ (gloss)", "Let (the) **term** be $… = …$"
_DEFINED = re.compile(r"[ \t]*(?:(?:we[ \t]+)?define|let)[ \t]+(?:the[ \t]+|an?[ \t]+)?\*\*(?P<term>[^*\n$]{2,40}?)\*\*"
                      r"[ \t]*(?:,[ \t]*)?(?:(?:as|to[ \t]+be|by|be)[ \t]+)?(?P<said>\$[^$\n]*=[^$\n]*\$)", re.I)

_TAGS = re.compile(r"(?:[ \t]+#[A-Za-z][\w/-]*)+[ \t]*$")  # (a tag closing the line: "… state). #hmm")


def symbol_definition_card(ex, block: Block, text: str) -> None:
    """A definition card of the bold term a sentence defines by its formula (see the module's docstring)."""
    if not ex.ctx.definitions or block.lines[0].kind != TEXT or not (found := _DEFINED.match(text)):
        return
    said = sentences(text[found.start("said"):])[0].strip()  # (the formula and what its sentence says of it)
    said = _TAGS.sub("", said).rstrip(" .")
    front = prefix_heading(ex.heading_path(), f"Define: {found['term'].strip()}")
    if not ex.has_front(front) and not on_a_back(ex, said):  # (the card `leadins` makes of such a
        # sentence when it leads a formula's front: its form and id)
        ex.add_pair(CardKind.DEFINITION, front, said, block.start, form=LEAD_IN, quiet=True,
                    id_front=f"{LEAD_IN}: {front}")
