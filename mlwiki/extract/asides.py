"""The writer's asides about their course and their notes, which no card asks: which lecture or homework a text
comes from ("Lec 5–6.", "(got bitten by that in hw2)"), and, in a heading on a card's front, a parenthesis that
only says so or says how the writer's notes stand ("## Bayesian optimisation (quick notes, lecture 9)", "## Co-
coercivity (didn't get it in lecture)"). The heading's subject stays; the card keeps its id. Pure."""

from __future__ import annotations

import functools
import re

from mlwiki.extract.selfnotes import is_note_to_self

# The writer's course around the subject (of the text in lower case): "Got this wrong on HW1.", "Also needed for
# pset 3.", "(… got bitten by that in hw2)", "Lectures 1–2 + C&T ch. 2.": which homework, exam or lecture, not a fact
COURSE = re.compile(r"(?<![\w-])(?:(?:hw|assignments?|problem ?sets?|lec(?:tures?|s)?\.?)[ \t]*#?\d|(?:homework|psets?|"
                    r"midterms?|exams?|examinable|quiz(?:zes)?|recitations?|office hours|lecturer)"
                    r"(?:[ \t]*#?\d+[a-z]?(?:[ \t]*[–-][ \t]*\d+)?)?(?![\w-]))")  # ("hw", "assignment",
# "lecture" with their number only: "hw acceleration", "a hard assignment" in k-means, "in lecture, Jensen gave …"
# are no course remark; nor a professor who proposed something; "Lec 5–6." is a lecture's number too)
COURSE_HINT = re.compile(r"hw|homework|pset|problem ?set|assignment|midterm|exam|quiz|recitation|office hours|lec")
# How the writer's notes stand: "quick notes", "rough", "notes from lec 4", "somewhat messy", "WIP"
_NOTES_STATE = re.compile(r"(?i)(?:(?:my|quick|rough|messy|short|brief|partial|draft|scratch|side)\s+)*notes?(?:\s+(?:from|to)\b.*)?|"
                          r"(?:(?:somewhat|a bit|very|still)\s+)?(?:messy|rough|wip|unfinished|incomplete|half[- ]done|"
                          r"draft|stub|brief|to be (?:continued|cleaned up))|"
                          # what the writer has yet to do with it, or is to do: "to finish", "haven't read properly",
                          # "not covered in lecture", "double check", "memorise"
                          r"(?:(?:haven['’]t|have not|not yet|never)\s+)?(?:read|finished|done|checked|derived)\s+properly|"
                          r"to (?:finish|do|check|look up|redo|review|read)\b.*|not covered\b.*|double[- ]check\b.*|"
                          r"(?:(?:the|this)\s+\w+\s+)?(?:to\s+)?memori[sz]e")
_PARENTHESIS = re.compile(r"[ \t]*\(([^()\n]+)\)")
_CLAUSES = re.compile(r"[ \t]*[,;][ \t]*")
# Emphasis markers an aside they wrapped left with nothing between them
_EMPTY_EMPHASIS = re.compile(r"[ \t]*(?<![*_\w])(\*\*|\*|__|_)\1(?![*_\w])")


def without_asides(front: str) -> str:
    """A card's front whose heading path is without the writer's asides in parentheses (`_writers`); its question,
    after a blank line, as written."""
    path, gap, asked = front.partition("\n\n")
    if "(" not in path and not _STATE_HINT.search(path):
        return front  # (the common front: said cheaply)
    return _path_without_asides(path) + gap + asked


@functools.lru_cache(maxsize=4096)  # (pure: a heading path is on the front of each card under it)
def _path_without_asides(path: str) -> str:
    """`without_asides` of a heading path (no question after it)."""
    title, *headings = path.split(" › ")  # (a note's title stays: a card under the title alone is asked otherwise)
    path = " › ".join([title, *map(_without_state, headings)])
    return _EMPTY_EMPHASIS.sub("", _PARENTHESIS.sub(_kept, path))  # ("RMSNorm *(draft)*": no "*" left behind)


# How far the writer's section has got, as a label before a heading's subject or a tag after it ("Half-written:
# VQ-VAE", "Quantisation — draft"): the subject is what a card asks of
_STATE = r"(?:half[- ](?:written|done|finished)|wip|draft|stub|unfinished|incomplete|todo|rough)"
_STATE_HINT = re.compile(rf"(?i){_STATE}")
_STATE_LEAD = re.compile(rf"(?i)^[ \t]*{_STATE}[ \t]*(?::|[ \t][—–])[ \t]+(?=\S)")
_STATE_TAIL = re.compile(rf"(?i)(?<=\S)[ \t]+[—–][ \t]+{_STATE}[ \t]*$")


def _without_state(heading: str) -> str:
    """A heading without the label or tag that says how far its page has got."""
    return _STATE_TAIL.sub("", _STATE_LEAD.sub("", heading, count=1))


def _kept(parenthesis: re.Match) -> str:
    """A heading's parenthesis without its clauses that are the writer's asides; nothing when that was all."""
    return _kept_text(parenthesis.group(0), parenthesis.start(1) - parenthesis.start())


@functools.lru_cache(maxsize=4096)  # (pure: a heading's parenthesis is on the front of each card under it)
def _kept_text(whole: str, opening: int) -> str:
    """`_kept` of a parenthesis `whole` whose text starts at `opening` (after its "(") and ends before its ")"."""
    clauses = _CLAUSES.split(whole[opening:-1].strip())
    said = [c for c in clauses if c and not _writers(c)]
    if len(said) == len(clauses):
        return whole
    return f"{whole[:opening]}{', '.join(said)})" if said else ""


def _writers(clause: str) -> bool:
    """Whether a clause names the writer's course, how their notes stand, or is a note to self."""
    clause = clause.strip(" \t!?.")  # ("half done!!")
    return bool(COURSE.search(clause.lower()) or _NOTES_STATE.fullmatch(clause) or is_note_to_self(clause))
