"""A function's arguments explained one paragraph each, after the call that names them:

    We'll use plain gradient descent, torch.optim.SGD(params, lr) where:     →   … › Optimizer
                                                                                 torch.optim.SGD(params, lr) where:
    params is the list of tensors the optimizer updates.                     →   params is … / lr is …
    lr is the step size: too large and the loss diverges, too small and …

Tutorials written as notebooks explain an API this way. The sentence before the call narrates and each paragraph
alone starts with a bare argument name, so no other form makes a card of them; together they are what a learner
cards: what the call's arguments mean. Every paragraph after the call must open with one of its arguments ("params
is", "lr -", "lr:"), and at least two of them must be explained. `ex` is the walk over the note.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, text_of
from mlwiki.extract.lines import LIST_ITEM, TEXT
from mlwiki.extract.parts import labelled_paragraph
from mlwiki.extract.prose import clean_prose

FORM = "signature"
SECTION_FORM = "section"  # (a label line's paragraph is a part of its section, as a bold label's is)
MAX_ARGUMENT_WORDS = 80
# "… torch.optim.SGD(params, lr) where:" ending the paragraph
_CALL_WHERE = re.compile(r"`?(?P<call>[A-Za-z_][\w.]*\((?P<args>[\w ,=*.]{1,80})\))`?,?\s+where\s*:\s*$")


def signature_card(ex, path: str, blocks: list[Block], k: int, free: list[bool]) -> None:
    """A card of the call that ends the paragraph blocks[k] and the paragraphs after it that explain its
    arguments one each; those paragraphs are then no longer `free` (this card took them)."""
    last = blocks[k].lines[-1]
    if last.kind != TEXT or "where" not in last.text or not (call := _CALL_WHERE.search(last.text)):
        return  # (the common case, said cheaply)
    names = {arg.split("=")[0].strip(" *") for arg in call.group("args").split(",")} - {""}
    explained: list[str] = []
    for block, unused in zip(blocks[k + 1:], free[k + 1:]):
        text = " ".join(text_of(block).split())
        first = text.split(None, 1)[0] if text else ""
        if not unused or block.lines[0].kind != TEXT or LIST_ITEM.match(block.lines[0].text) \
                or first.strip(":`") not in names or len(text.split()) > MAX_ARGUMENT_WORDS or "$" in text:
            break
        explained.append(text)
    if len(explained) < 2:
        return
    free[k + 1:k + 1 + len(explained)] = [False] * len(explained)
    ex.add_card(FORM, f"{path}\n\n{clean_prose(call.group('call'))} where:", "\n\n".join(explained), last.no)


def paragraph_cards(ex, path: str, blocks: list[Block], k: int, free: list[bool], used: int, declined: bool) -> None:
    """The cards a paragraph of a long section makes with the ones after it: a call and its arguments, or a label
    line over its paragraph (`parts.labelled_paragraph`: "The continuous skip-gram model:")."""
    signature_card(ex, path, blocks, k, free)
    if (labelled := labelled_paragraph(blocks, k, free, used, declined)) is not None:
        ex.add_card(SECTION_FORM, f"{path} › {labelled[0]}", labelled[1], labelled[2])
