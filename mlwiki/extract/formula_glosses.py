"""A formula's gloss written under it: a paragraph only in brackets right after a display formula says what that
formula is, as a caption does ("$$a(i) = …$$" then "(mean distance to the other members of its own cluster —
cohesion)"). Read as the introduction of the next formula, each gloss asked for the formula after the one it
glosses: "(… — cohesion)" over b(i), "(… — separation)" over s(i). The gloss goes on the front of the formula it
follows, after that formula's own introduction; the next formula keeps what it has besides (the heading path, or
an introduction of its own). A formula card's id is made of its formula: the ids stay. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.blocks import Block, text_of
from mlwiki.models import CardKind

# A gloss: one bracketed phrase, all its introduction ("(mean distance to … — cohesion)")
_GLOSS = re.compile(r"\((?=[^()\n]*[ \t])[^()\n]{3,200}\)")


def glosses_placed(drafts: list, blocks: list[Block]) -> list:
    """The drafts (`(siblings, heading path)` pairs) with each formula card introduced by the gloss of the formula
    before it given that gloss on its own front instead (see the module's docstring); `blocks`: the note's."""
    formulas = [(k, group[0]) for k, (group, _) in enumerate(drafts)
                if len(group) == 1 and group[0].kind == CardKind.FORMULA]
    if len(formulas) < 2:
        return drafts  # (said cheaply: a note with one formula card glosses nothing before another)
    out = list(drafts)
    for (k, before), (j, after) in zip(formulas, formulas[1:]):
        path, gap, gloss = after.front.partition("\n\n")
        if not gap or not _GLOSS.fullmatch(gloss.strip()) or not before.line < after.line \
                or before.front.partition("\n\n")[0] != path or drafts[j][1] != drafts[k][1] \
                or not _glosses(blocks, before.line, after.line):
            continue
        before = out[k][0][0]  # (as a gloss before it may have left it)
        shown = f"{before.front} {gloss.strip()}" if "\n\n" in before.front else f"{before.front}\n\n{gloss.strip()}"
        out[k] = ([replace(before, front=shown)], out[k][1])
        out[j] = ([replace(out[j][0][0], front=path)], out[j][1])
    return out


def _glosses(blocks: list[Block], first: int, then: int) -> bool:
    """Whether the paragraph right after the block holding line `first` (a formula) is a gloss alone, and the block
    after it holds line `then` (the next formula)."""
    at = next((k for k, block in enumerate(blocks) if block.start <= first <= block.lines[-1].no), None)
    if at is None or at + 2 >= len(blocks):
        return False
    gloss, after = blocks[at + 1], blocks[at + 2]
    return len(gloss.lines) == 1 and bool(_GLOSS.fullmatch(text_of(gloss).strip())) \
        and after.start <= then <= after.lines[-1].no
