"""What a writer keeps for running a course, not for learning it, read off the form of a card's back: an empty form
to fill in (a template's labels with nothing after them: "Test name:", "Assumptions:", …) and a course's logistics
(when and where: "Exam: Fri 15 March, 09:30, Hall B. Closed book.", "Study group Tue/Thu 6pm, room 3."). Each was
a card a learner could only skip. Rules on the form of the lines, not on their words' subject. Pure: drafts in,
drafts out."""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.prose import sentences

# a label with nothing after it: "Test name:", "**H0 / H1:**", "- Assumptions:" (a form's field left blank)
_BLANK_FIELD = re.compile(r"[ \t]*(?:[-*+][ \t]+)?(?:\*\*)?[^:\n*]{1,60}:(?:\*\*)?[ \t]*")
_TASK = re.compile(r"[ \t]*[-*+][ \t]+\[[ xX]\][^\n]*")  # (a form's own check boxes, still to tick)
# when: a weekday or a day of a month, and a time of day, in one sentence
_DAY = re.compile(r"(?i)\b(?:mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|rsday|urday|nesday)?\b|"
                  r"\b\d{1,2}(?:st|nd|rd|th)?[ \t]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
                  r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[ \t]+\d{1,2}\b")
_TIME = re.compile(r"(?i)\b(?:[01]?\d|2[0-3])(?::[0-5]\d[ \t]*(?:am|pm)?|[ \t]*(?:am|pm))\b")
_MAX_WORDS = 40


def errands_dropped(drafts: list) -> list:
    """The drafts (`(siblings, heading path)` pairs) without the cards whose back is an empty form or a course's
    logistics, and without the paragraphs of logistics on the others' backs."""
    kept = []
    for siblings, heading in drafts:
        left = [replace(d, back=back) for d in siblings if not is_blank_form(d.back) and (back := _unscheduled(d.back))]
        if left:
            kept.append((left, heading))
    return kept


def _unscheduled(back: str) -> str:
    """The back without its paragraphs of logistics ('' when it is nothing else)."""
    if not _TIME.search(back):
        return back  # (said cheaply: most backs name no time of day)
    return "\n\n".join(part for part in back.split("\n\n") if not is_logistics(part))


def is_blank_form(back: str) -> bool:
    """Whether a back is a form left blank: two labels or more, each alone on its line with nothing after its colon
    (its check boxes aside)."""
    lines = [line for line in back.split("\n") if line.strip() and not _TASK.fullmatch(line)]
    return len(lines) >= 2 and all(_BLANK_FIELD.fullmatch(line) for line in lines)


def is_logistics(back: str) -> bool:
    """Whether a short back opens on when something takes place (a day and a time of day in its first sentence):
    a course's schedule, an exam's date and room, no fact to recall."""
    if "$" in back or "=" in back or len(back.split()) > _MAX_WORDS:
        return False
    said = sentences(back.strip())
    return bool(said) and bool(_DAY.search(said[0])) and bool(_TIME.search(said[0]))
