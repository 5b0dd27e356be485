"""The writer's open questions and errands, which no card read out of prose holds.

- A paragraph or list item the writer labels as still open ("Open: does … interact badly with flow posteriors? Saw it
  mentioned.", "Open question: how loose is …", "Unsure: any clean result on …? (… -- read.)") asks, it answers
  nothing: it goes off a card's back whole, with whatever the writer added after the question.
- A note's opening sentence that tells what the writer is doing with the page, with no subject of its own ("Starting a
  proper run at VI.", "Doing the standard example from … end to end so the recipe stops being abstract."): the post's
  introduction, not what it teaches (`narrates_errand`).

Rules on the form of a line or sentence, never on the note's subject.
"""

from __future__ import annotations

import re

from mlwiki.extract.prose import one_break, sentences

# "Open:", "Open question:", "Open questions:", "Still open:", "Unsure:", "Unclear:", "To find out:", bold or not,
# at a paragraph's or a list item's start
_OPEN_LABEL = re.compile(r"(?i)[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?:still[ \t]+)?(?:open(?:[ \t]+questions?)?|unsure|"
                         r"unclear|to find out)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]+\S")
# A first sentence led by what the writer is doing: a gerund of the writer's errands, then what it is done to
_ERRAND = re.compile(r"(?:Starting|Doing|Pinning|Revisiting|Continuing|Jotting|Collecting|Finishing|Wrapping)[ \t]+"
                     r"(?:up[ \t]+|down[ \t]+|out[ \t]+)?(?:a|an|the|this|these|that|it|my|our)\b")
# Where the errand's own clause ends ("… end to end so the recipe …", "… because I keep …")
_CLAUSE_END = re.compile(r"[,;:(]|[ \t](?:so|because|since|to|as|and)[ \t]")
# A finite verb in the errand's clause makes it a statement about the subject ("Doing the update in place saves …")
_FINITE = re.compile(r"(?i)\b(?:is|are|was|were|has|have|had|can|could|will|would|must|should|may|might|does|do|"
                     r"gives|makes|means|needs|works|helps|leads|saves|costs|takes|requires|yields|reduces|increases|"
                     r"becomes|seems|shows|keeps|stops|lets|turns|ends)\b")


def without_open_questions(back: str) -> str:
    """The back without its paragraphs and list items labelled as open questions (see the module's doc); '' when it
    held nothing else."""
    if ":" not in back or not _OPEN_LABEL.search(back):
        return back
    kept, skipping = [], False
    for line in back.split("\n"):
        if _OPEN_LABEL.match(line):
            skipping = True
        elif not line.strip() or line.lstrip()[:2] in ("- ", "* ", "+ "):
            skipping = False
        if not skipping:
            kept.append(line)
    return one_break("\n".join(kept)).strip()


def narrates_errand(text: str) -> bool:
    """Whether a note's opening paragraph starts with what the writer is doing with the page, in a clause with no
    verb of its own ("Starting a proper run at VI.", "Pinning this one as the index page")."""
    if not _ERRAND.match(text):
        return False
    first = sentences(" ".join(text.split()))[0]
    clause = _CLAUSE_END.split(first[_ERRAND.match(first).end():], 1)[0] if _ERRAND.match(first) else first
    return not _FINITE.search(clause)
