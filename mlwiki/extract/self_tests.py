"""Self-tests written with dotted markers: a paragraph of "Q. …" lines, each followed by its "A. …" line, as people
write a note's "Self-test" or "Check yourself" section without knowing mlwiki's `Q:`/`A:` syntax:

    Q. What does the teleport term in personalised PageRank prevent?
    A. Collapse to the fully smoothed solution.

Each pair is a question card, as `Q:`/`A:` would make it. Only a paragraph in which every "Q." line has its "A."
line before the next "Q." is read so (a "Q." line in prose, with no answer, is prose); an answer runs over the lines
up to the next "Q.". Pure: the walk's paragraph in, its cards added to the walk.
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block
from mlwiki.extract.lines import TEXT
from mlwiki.models import CardKind

FORM = "qa"  # (written by the learner as a question and its answer: the form of `Q:`/`A:`)
# "Q.", "Q1.", "**Q.**", "- Q." at a line's start, then the question
_Q = re.compile(r"[ \t]*(?:[-*+][ \t]+)?(?:\*\*)?Q\d*\.(?:\*\*)?[ \t]+(?=\S)")
_A = re.compile(r"[ \t]*(?:[-*+][ \t]+)?(?:\*\*)?A\d*\.(?:\*\*)?[ \t]+(?=\S)")


def self_test_cards(ex, block: Block) -> bool:
    """Whether the paragraph is a dotted self-test (see the module's doc); its cards are added to `ex` when it is."""
    pairs = _pairs(block)
    if not pairs:
        return False
    for line, question, answer in pairs:
        ex.add_pair(CardKind.BASIC, question, answer, line, form=FORM)
    return True


def _pairs(block: Block) -> list[tuple[int, str, str]]:
    """(line, question, answer) of each "Q."/"A." pair of a paragraph made only of them; [] when it is not."""
    pairs: list[tuple[int, str, list[str]]] = []
    answering = False
    for line in block.lines:
        if line.kind != TEXT:
            return []
        if q := _Q.match(line.text):
            if pairs and not answering:
                return []  # (a question without its answer: prose that happens to start "Q.")
            pairs.append((line.no, line.text[q.end():].strip(), []))
            answering = False
        elif pairs and (a := _A.match(line.text)) and not answering:
            pairs[-1][2].append(line.text[a.end():].strip())
            answering = True
        elif pairs and answering and line.text.strip():
            pairs[-1][2].append(line.text.strip())  # (an answer wrapped over lines)
        elif line.text.strip():
            return []  # (text before the first question, or between a question and its answer)
    if not pairs or not answering:
        return []
    return [(no, question, "\n".join(answer)) for no, question, answer in pairs]
