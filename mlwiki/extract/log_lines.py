"""A journal's log lines and its list for the next day: "- afternoon: implemented the E-step in log space", "- 9:30–11:00
re-read chapter 4", and the items under "## Tomorrow". A line led by the time of day it was written tells what the
writer did then; a list under the next day is what they mean to do. Neither says anything of the subject (a lesson
the day drew is written as a sentence of its own, and carded so). A rule on the form of a card's label and heading,
not on its words. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.daily import is_day_stamp

# A time of day as a log line's label: "afternoon", "late evening", "10:00", "9:30–11:00", "2pm", "after lunch"
_TIME = re.compile(r"(?i)[ \t*_]*(?:(?:early|late|mid)[ \t-]?)?(?:morning|afternoon|evening|night|noon|midday|lunch(?:time)?|"
                   r"after[ \t]+(?:lunch|dinner|class)|\d{1,2}(?::\d\d)?[ \t]*(?:am|pm|h)?(?:[ \t]*[–—-][ \t]*"
                   r"\d{1,2}(?::\d\d)?[ \t]*(?:am|pm|h)?)?)[ \t*_]*")
# A heading over what the writer means to do next: "Tomorrow", "Next time", "Plan for next week"
_NEXT = re.compile(r"(?i)[ \t*_]*(?:(?:plans?|to-?dos?)[ \t]+(?:for[ \t]+)?)?(?:tomorrow|next[ \t]+(?:time|session|"
                   r"day|week))[ \t*_:]*")


# In a day's note, a line labelled with the writer's coursework ("Coursework 2:", "HW3:", "Project:"), and a count of
# the cards they reviewed ("Reviewed 40 cards …"): how the writer's day went, its numbers their own run's
_COURSEWORK = re.compile(r"(?i)[\W_]*(?:coursework|course[ \t]*work|hw|homework|assignments?|psets?|problem[ \t]+sets?|"
                         r"projects?|labs?)[ \t]*#?\d*[a-z]?[\W_]*")
_REVIEWED = re.compile(r"(?i)[ \t*_-]*(?:reviewed|did|studied|went[ \t]+through|cleared)[ \t]+\d+[ \t]+(?:cards|flashcards|"
                       r"reviews|anki[ \t]+cards)\b")


def without_log_lines(drafts: list) -> list:
    """The (sibling drafts, heading path) pairs without the cards of a journal's timed log lines or its next-day
    list (see the module's docstring), nor a day's note's coursework lines and card counts (`_day_line`)."""
    return [(siblings, path) for siblings, path in drafts
            if not any(_log_line(d.front, path) or _day_line(d.front, d.back) for d in siblings)]


def _day_line(front: str, back: str) -> bool:
    """Whether a card of a note titled by its day is the writer's coursework line or their count of reviewed cards."""
    title, _, rest = front.split("\n\n", 1)[0].partition(" › ")
    if not rest or not is_day_stamp(title):
        return False
    return bool(_COURSEWORK.fullmatch(rest.rsplit(" › ", 1)[-1]) or _REVIEWED.match(back))


def _log_line(front: str, path: str) -> bool:
    """Whether a card is a log line led by its time of day, or comes from under a next-day heading."""
    label = front.split("\n\n", 1)[0].rsplit(" › ", 1)[-1]
    if len(label) <= 30 and _TIME.fullmatch(label) and (not label.strip()[:1].isdigit() or ":" in label
                                                        or label.strip().lower().endswith(("am", "pm"))):
        return True  # (a bare number, "12", names a step or a row, not the hour)
    return any(_NEXT.fullmatch(part) for part in path.split(" › ")[-2:] if len(part) <= 30)
