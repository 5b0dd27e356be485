"""The writer's open questions and errands, which no card read out of prose holds.

- A paragraph or list item the writer labels as still open ("Open: does … interact badly with flow posteriors? Saw it
  mentioned.", "Open question: how loose is …", "Unsure: any clean result on …? (… -- read.)") asks, it answers
  nothing: it goes off a card's back whole, with whatever the writer added after the question
  (`without_open_questions`).
- The questions a writer leaves open at the end of a thought, and the chore after them (`without_open_question`):

      - Repulsive ensembles: a kernel term pushes the members apart. Would three then do the work of five? Ask in class.
        →  the back ends on "… pushes the members apart."
      Open q: could fewer members give the same diversity? → [[inbox]]
        →  no card: a question, and nothing that answers it

- A note's opening sentence that tells what the writer is doing with the page, with no subject of its own ("Starting a
  proper run at VI.", "Doing the standard example from … end to end so the recipe stops being abstract."): the post's
  introduction, not what it teaches (`narrates_errand`); so is a notebook's opening phrase that says what it runs on
  made-up data ("An IV analysis of simulated data with …", `describes_run`).

Rules on the form of a line or sentence, never on the note's subject. Pure: strings in, strings out.
"""

from __future__ import annotations

import re

from mlwiki.extract.lines import LIST_ITEM
from mlwiki.extract.prose import one_break, sentences

# "Open:", "Open question:", "Open questions:", "Still open:", "Unsure:", "Unclear:", "To find out:", bold or not,
# at a paragraph's or a list item's start
_OPEN_LABEL = re.compile(r"(?i)[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?:still[ \t]+)?(?:open(?:[ \t]+(?:q|qs|questions?))?|unsure|"
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

# A notebook's subtitle said as a phrase: what it runs on made-up data ("An IV analysis of simulated data with …",
# "Propensity-score methods on a simulated dataset …", "Checking d-separation claims by simulation.")
_ON_MADE_UP = re.compile(r"(?i)\b(?:on|of|with|by|using|from|for)[ \t]+(?:a[ \t]+|an[ \t]+|the[ \t]+|some[ \t]+)?"
                         r"(?:(?:simulated|synthetic|toy|made-up|fake)[ \t]+(?:data(?:[ \t]*sets?)?|examples?|problems?|"
                         r"samples?|worlds?)|simulations?)\b")


def describes_run(text: str) -> bool:
    """Whether a note's opening paragraph starts with a phrase, no verb of its own, that says what the notebook
    runs on made-up data ("An IV analysis of simulated data with an unmeasured confounder, plus notes on 2SLS."):
    the page's subtitle, what it does, not what it teaches."""
    if not _ON_MADE_UP.search(text[:300]):
        return False
    first = sentences(" ".join(text.split()))[0]
    return bool(_ON_MADE_UP.search(first)) and not _FINITE.search(first)


# The chore a writer adds after an open question: "Ask in office hours.", "Check.", "Try it."
# (after the writer's guess at the answer: "Probably yes — ask in office hours.")
_CHORE = re.compile(r"(?i)(?:(?:probably|maybe|perhaps|likely|I\s+think|I\s+guess)(?:\s+(?:yes|no|not))?\s*(?:[—–,;]|--)\s*)?"
                    r"(?:to\s+)?(?:ask|try|check|test|verify|investigate|confirm|look it up)\b[^.!?\n]{0,40}[.!]?")
# A label that says the line is an open question: "Open q:", "Open question:", "Open:"
_OPEN_Q_LABEL = re.compile(r"(?i)[ \t]*(?:[-*+][ \t]+)?(?:\*\*)?open(?:[ \t]+(?:q|qs|questions?))?(?:\*\*)?[ \t]*:")
# A paragraph led by the errand of asking it ("Ask in office hours — is …?", "Ask the TA: why …?", "Q for OH: …?"):
# the writer's question for someone else, with whatever guess they add to it ("(… I think.)"), no answer of the notes
_ASK_LEAD = re.compile(r"(?i)[ \t]*(?:[-*+][ \t]+)?(?:\*\*)?(?:(?:to[ \t]+)?ask|(?:q|qs|questions?)[ \t]+(?:for|to))"
                       r"(?:[ \t]+(?:in|at|during|the|my|our|a|an|him|her|them|someone|somebody|[\w.]+'s))*"
                       r"(?:[ \t]+(?:office[ \t]+hours|oh|ta|tas|tutor|prof|professor|lecturer|instructor|supervisor|"
                       r"advisor|class|lecture|seminar|section|recitation|lab|group|study[ \t]+group|"
                       r"reading[ \t]+group))?(?:\*\*)?[ \t]*(?:[—–:]|--?[ \t])")
# A heading over the writer's own questions: "Open questions", "Questions I still have", "Unanswered"
_OPEN_HEADING = re.compile(r"(?i)[ \t]*(?:(?:my|still)[ \t]+)?(?:open|unanswered|unresolved)[ \t]+(?:questions?|qs)[ \t]*|"
                           r"[ \t]*questions?[ \t]+(?:I[ \t]+still[ \t]+have|for[ \t]+(?:office[ \t]+hours|the[ \t]+TAs?))[ \t]*")
# What points away after the question: "→ [[inbox]]", "(see [[x]])"
_POINTER_TAIL = re.compile(r"[ \t]*(?:→|->)[ \t]*\[\[[^\]\n]+\]\][ \t]*\Z")


def without_open_question(back: str, front: str) -> str | None:
    """The back without the question its writer left open at its end; '' when that was all it said (and its front
    asks nothing, or a label calls it open); None when there is none (the back as it was)."""
    if "?" not in back:
        return None
    head, last = _last_part(back.rstrip())
    if last.lstrip()[:1] in ("$", "|", "`") or "$$" in last:
        return None  # (a formula, a table or code: as written)
    text = " ".join(_POINTER_TAIL.sub("", last).split())
    if _OPEN_Q_LABEL.match(text) or _ASK_LEAD.match(text) and "?" in text:
        return head.rstrip()
    found = sentences(text)
    k = len(found)
    while k and _CHORE.fullmatch(found[k - 1].strip()):
        k -= 1
    asked = k
    while asked and found[asked - 1].rstrip().endswith("?"):
        asked -= 1
    if asked == k:
        return None  # (it ends on no question)
    if asked == 0 and not head.strip() and front.rstrip().endswith("?"):
        return None  # (a question answered by a question: as written)
    if _OPEN_HEADING.fullmatch(front.split("\n\n", 1)[0].rsplit(" › ", 1)[-1]):
        return ""  # (under "Open questions", what leads to the question the writer still means to ask is its premise)
    return f"{head}{' '.join(found[:asked])}".rstrip()


def _last_part(back: str) -> tuple[str, str]:
    """(what comes before, the last paragraph or list item of a back)."""
    cut = back.rfind("\n\n") + 2 if "\n\n" in back else 0
    lines = back[cut:].split("\n")
    item = max((k for k, line in enumerate(lines) if LIST_ITEM.match(line) and line[:1] not in " \t"), default=0)
    before = back[:cut] + "".join(line + "\n" for line in lines[:item])
    return before, "\n".join(lines[item:])
