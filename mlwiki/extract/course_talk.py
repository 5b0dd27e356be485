"""Sentences of a course's notes about the course and the notes' standing in it, not about the subject: when the
course runs ("Autumn semester — Deep Learning.", "Lectures Mon/Wed 10–12.", "Office hours: Fri 2pm in B12."),
and which source wins over the notes ("If anything here disagrees with the book, trust the book."). A hub page's
blurb is made of them. Each is a form of a whole sentence, never a word of the subject; `page_talk` drops them as it
drops the notes' other talk of themselves. Pure: a string in, a bool out.
"""

from __future__ import annotations

import re

# Words one of the forms needs (of the sentence in lower case): most sentences hold none
HINT = re.compile(r"term|semester|quarter|lecture|class|office hours|section|recitation|tutorial|lab|seminar|"
                  r"contradict|disagree|differ|conflict")

_DAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
_TIME = r"\d{1,2}(?:[:.]\d\d)?[ \t]*(?:am|pm|h)?"
_EVENTS = (r"(?:lectures?|classes|class|office[ \t]+hours|sections?|recitations?|tutorials?|labs?|seminars?|"
           r"exercise[ \t]+(?:sessions?|classes))")
# The term and the course's name, and nothing else: "Spring term — Natural Language Processing.", "Fall 2024: CS 229"
_TERM = re.compile(r"(?i)(?:(?:spring|summer|fall|autumn|winter|michaelmas|lent|hilary|trinity)[ \t]+"
                   r"(?:(?:term|semester|quarter)(?:[ \t]+\d{4})?|\d{4}))[ \t]*(?:[—–:]|--?[ \t])[^.!?$\n]{0,80}[.!]?")
# When the course meets: "Lectures Tue/Thu.", "Office hours: Wed 3–4pm in room 4.", "Labs are on Fridays, 9–11."
_MEETS = re.compile(rf"(?i){_EVENTS}(?:[ \t]+(?:are|is|on|every|at))*[ \t]*:?[ \t]*{_DAY}"
                    rf"(?:[ \t]*(?:[/,&+]|and)[ \t]*{_DAY})*(?:,?[ \t]*{_TIME}(?:[ \t]*[–—-][ \t]*{_TIME})?)?"
                    r"(?:[ \t]+(?:in|at|room)[ \t]+[\w .-]{1,30}?)?[ \t]*[.!]?")
# Which source wins where the notes disagree with it: "If something here contradicts the slides, the slides win."
_STANDING = re.compile(r"(?i)(?:if|where|when(?:ever)?)[ \t]+(?:anything|something|this|it|these[ \t]+notes|the[ \t]+notes|"
                       r"my[ \t]+notes|a[ \t]+note|what\s+I\s+wrote)(?:[ \t]+here)?[ \t]+(?:contradicts?|disagrees?|"
                       r"differs?|conflicts?)\b[^$\n]{0,100}")


def is_course_talk(sentence: str) -> bool:
    """Whether a sentence (markup off) is about the course or the notes' standing in it (see the module's doc)."""
    text = sentence.strip()
    if not HINT.search(text.lower()):
        return False
    return bool(_TERM.fullmatch(text) or _MEETS.fullmatch(text) or _STANDING.fullmatch(text))
