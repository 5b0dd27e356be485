"""The record of a class session and of a result's source: when and how the notes were taken, not what they teach.

Lecture and lab notebooks open, under their title, on a line about the session: the course and week with the slides
it covered ("CS101 week 3 · slides 12–40"), who the writer worked with ("Week 2 lab, in pairs (me + Ana)."), what they
missed and whose notes filled the gap ("(missed the start — copied from a friend's notes)"), how it went ("Short
class, the second half was Q&A."), where the answers go
("Answers go in the cells under each exercise."), and dated entries of their log ("12.03 — lost an hour to a bad
path."). Under the title, such a sentence is no fact of the subject: it leaves the card, and the card goes when no
more than a few words are left. Anywhere in a note, so does a sentence that only names where a result comes from and
that the writer restated it ("Classic result, from Smith 2010 (Thm 2), rewritten in my notation.").

Each is a form of a whole sentence of prose; lists, formulas and code are left as written. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.prose import sentences

_SESSION = r"(?i:week|wk|lecture|lec|lab|session|class|seminar|tutorial|recitation|day)\.?\s*\d+"
_PAGES = r"(?i:slides?|pp?\.|pages?|ch(?:apter)?s?\.?|§)\s*\d+(?:\s*[–-]\s*\d+)?"
# A line of references alone: "CS101 week 3 · slides 12–40", "Lecture 4 | pp. 10-22", "Week 2, ch. 3" (a course's
# code in capitals, its term; one reference to a session or pages at least)
_REFERENCES = re.compile(rf"(?:(?:[A-Z]{{2,8}}\d*|{_SESSION}|{_PAGES}|(?i:spring|summer|fall|autumn|winter)\s+(?i:term))"
                         rf"[ \t]*(?:[·|,;/]|[—–]|--?(?=\s))?[ \t]*)+[.]?")
_A_REFERENCE = re.compile(rf"{_SESSION}|{_PAGES}")
# Who the writer worked with in the session: "Week 2 lab, in pairs (me + Ana)."
_COMPANY = re.compile(rf"(?i)(?:{_SESSION}|(?:{_SESSION}\s+)?(?:lab|lecture|class|session|seminar|tutorial))\b[^$]{{0,40}}"
                      r"\b(?:pairs?|groups?|teams?|solo|alone|me\s*\+|with\s+me)\b[^$]{0,40}")
# What the writer missed of the session: "(missed the first 10 min — …)", "I skipped the second half."
_MISSED = re.compile(r"(?i)\(?\s*(?:I\s+)?(?:missed|skipped|arrived\s+late\s+(?:to|for)|left\s+early\s+from)\s+(?:the\s+)?"
                     r"(?:first|last|start|end|beginning|second|half|lecture|class|session|lab|\d+)\b[^$]*")
# How the session went: "Short lecture, second half was Q&A.", "The last 20 min were exam tips."
_WENT = re.compile(r"(?i)(?:(?:a|the)\s+)?(?:short|long|first|second|last|\d+[- ]min(?:ute)?s?)\s+(?:lecture|class|session|lab|"
                   r"half|part|hour|min(?:ute)?s?)\b[^$]{0,40}?\b(?:was|were)\b[^$]{0,40}")
# Where the writer's answers are kept: "Answers go in the markdown cells below each exercise."
_ANSWERS_GO = re.compile(r"(?i)(?:my\s+|our\s+)?(?:answers?|solutions?)\s+(?:go|goes|are|is|live|sit)\s+(?:in|into|below|"
                         r"under|after)\b[^$]{0,60}")
# A dated entry of the writer's log: "log 14.03 — …", "Thu wk5: …", "12/03: …" (a date, a weekday or "log")
_LOGGED = re.compile(r"(?i)[_*]*(?:log\s+(?:\d{1,2}[./]\d{2}(?:[./]\d{2,4})?|wk\s*\d+)|(?:mon|tue|wed|thu|fri|sat|sun)\w*\.?"
                     r"(?:\s+(?:\d{1,2}[./]\d{2}(?:[./]\d{2,4})?|wk\s*\d+))?|\d{1,2}[./]\d{2}(?:[./]\d{2,4})?)[_*]*\s*"
                     r"(?:[—–:]|--?\s)[^$]*")
# How the notes were made: "(Was late — filled in from slides.)", "Prof went fast; half from the recording.", "Typed up
# after class (sometimes a week later).", "Copied from a friend's notes."
_MADE = re.compile(r"(?i)\(?\s*(?:(?:i\s+)?was\s+late|arrived\s+late|(?:the\s+)?(?:prof(?:essor)?|lecturer|instructor|teacher|"
                   r"TA)\s+went\s+(?:too\s+)?(?:fast|quickly|slow(?:ly)?|over\s+time)|(?:notes?\s+)?(?:typed|written|cleaned)"
                   r"\s+up\s+(?:after|during)\s+(?:class|the\s+lecture|lecture)|(?:half\s+|partly\s+|mostly\s+)?"
                   r"(?:filled\s+in|copied|reconstructed|taken)\s+from\s+(?:the\s+)?(?:slides|recording|video|"
                   r"(?:a\s+)?friend['’]s\s+notes|book))\b[^$]{0,80}")
# Who led the session and when: "Presenter: @dana · 2024-03-07 · main ref: …", "Speaker: Ana | Scribe: me" (a role's
# label first; its parts apart by a middle dot or a bar, or a few words alone)
_ROLES = re.compile(r"(?i)[_*]*(?:presenters?|speakers?|hosts?|scribes?|notes?(?:[ \t]+by)?|note[- ]takers?|attendees|"
                    r"present|facilitators?|led[ \t]+by|chairs?|moderators?)[_*]*[ \t]*:[_*]*[ \t]+"
                    r"(?:[^$\n·|]{1,60}(?:[ \t]+[·|][ \t]+[^$\n·|]{1,80})+|(?:\S+[ \t]*){1,6})")
# A result's source, restated: "Standard result, from X 2018 (Thm 4.6), rewritten in my notation."
_SOURCED = re.compile(r"(?i)(?:(?:an?|the)\s+)?(?:standard|classic(?:al)?|well[- ]known|textbook|known)\s+(?:result|theorem|"
                      r"bound|lemma)\b[^$]{0,80}|[^$]{0,80}\b(?:rewritten|restated|written|adapted|translated)\s+(?:in|into|"
                      r"to)\s+(?:my|our)\s+(?:own\s+)?notation\b[^$]{0,30}")
_CITES = re.compile(r"\b(?:19|20)\d\d\b|et al|@\w")
# A sentence of the opening left with so few words says nothing on its own ("Use pandas.")
MIN_LEFT_WORDS = 4
_PROSE_START = re.compile(r"[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|\$\$|```|~~~|\||>|[ \t])")


def without_session_notes(drafts: list) -> list:
    """The drafts (`(siblings, heading path)` pairs) without their sentences of the session's record and of a
    result's source (see the module's docstring); a card of the opening left with a few words, or none, goes."""
    kept = []
    for siblings, heading in drafts:
        left = [d for d in siblings if _kept(d, opening=d.front == heading and " › " not in heading)]
        if left:
            kept.append((left, heading))
    return kept


def _kept(draft, opening: bool) -> bool:
    back = draft.back
    if not (opening or "notation" in back or "result" in back):
        return True  # (said cheaply: the common card)
    paragraphs = back.split("\n\n")
    new = [p for p in (_without(p, opening) for p in paragraphs) if p]
    if len(new) == len(paragraphs) and new == paragraphs:
        return True
    text = "\n\n".join(new)
    if opening and len(text.split()) < MIN_LEFT_WORDS or not text.strip():
        return False
    draft.back = text
    return True


def _without(paragraph: str, opening: bool) -> str:
    """A paragraph of prose without its sentences of the record; any other paragraph as written."""
    if not paragraph.strip() or _PROSE_START.match(paragraph) or "$" in paragraph:
        return paragraph
    found = sentences(" ".join(line.strip() for line in paragraph.split("\n")))
    kept = [s for s in found if not _records(s.strip(), opening)]
    return paragraph if len(kept) == len(found) else " ".join(kept)


def _records(sentence: str, opening: bool) -> bool:
    """Whether a sentence is the session's record (in the opening) or a result's restated source (anywhere)."""
    if _CITES.search(sentence) and len(sentence.split()) <= 16 and _SOURCED.fullmatch(sentence):
        return True
    if not opening:
        return False
    if _REFERENCES.fullmatch(sentence):
        return bool(_A_REFERENCE.search(sentence))  # ("PCA, SVD." names methods: no session in it)
    return any(form.fullmatch(sentence) for form in (_COMPANY, _MISSED, _WENT, _ANSWERS_GO, _LOGGED, _ROLES, _MADE))
