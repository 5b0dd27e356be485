"""Sentences in which a page says where it comes from and how it was written, not what its subject is: its sources
named as a course's and a book's parts ("Lecture 7b + FPP3 §5.5, §5.9.", "Week 8 lecture + a pile of papers."),
the writing of it ("Written Saturday after the week 5 lab; a bit rushed in places.", "Less polished, wrote most of
this on the train.", "Paper notes, in the order I read them.", "My honest summary first, then details."), what
the course expects of its students ("Three architectures the course expects us to know.") and what it leaves out
("Hierarchical forecasting — not covered in the course, maybe later."), how long it is and which lecture it was
("Short-ish page, this was the warm-up lecture before VAEs."), how the lecture went and so where the page comes
from instead ("Slides were rushed at the end, so the multi-head part is partly from the paper."), and what it
covers, as the questions it answers ("How loss depends on …, and how to spend a fixed compute budget."). A course's
notes open with them, under the title. Each is a form of a whole sentence, never a word of the subject; `page_talk` drops them
as it drops the notes' other talk of themselves. Pure: a string in, a bool out.
"""

from __future__ import annotations

import re

# A part of a course or a book, numbered: "Lecture 7b", "week 4", "ch. 8.1–8.3", "§9.1–9.2", "pp. 113-120"
_PART = (r"(?:(?:lectures?|lec\.?|weeks?|wk\.?|labs?|sessions?|class|seminars?|tutorials?|ch(?:apters?|s)?\.?|"
         r"sec(?:tions?|s)?\.?|pp?\.|parts?|units?|modules?)[ \t]*|§[ \t]*)\d+[a-z]?(?:[.–-]\d+[a-z]?)*")
# ... named after the book or course it is of ("FPP3 ch. 3", "the course's week 5"), and what of it ("week 4 lecture")
_SOURCE = re.compile(rf"(?i)(?:(?:[A-Z][\w'’-]*|the|my|our|course(?:['’]s)?|official)[ \t]+){{0,3}}{_PART}"
                     r"(?:[ \t]+(?:lectures?|labs?|slides|notes|videos?|readings?|recordings?|handouts?))?|"
                     # (sources with no number: "a pile of papers", "the course slides", "statsmodels docs")
                     r"(?:(?:a[ \t]+(?:pile|bunch|couple|few|handful)[ \t]+of|some|several|various|the|course|lecture|"
                     r"[\w-]+['’]s?)[ \t]+)?(?:papers|slides|readings|lecture[ \t]+notes|docs|documentation|videos|"
                     r"blog[ \t]+posts)")
_SOURCE_JOIN = re.compile(r"[ \t]*(?:\+|&|,|;|\band\b)[ \t]*")
_HAS_PART = re.compile(rf"(?i){_PART}")
# How the page was written: when and where ("Written Saturday after the week 5 lab", "wrote most of this on the
# train", "written while coding"), how finished it is ("a bit rushed in places", "Less polished", "Quick and dirty
# notes", "Paper notes", "clean up later"), in which order ("in the order I read them", "My honest summary first,
# then details")
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|tonight|last[ \t]+\w+"
_CLAUSE = (r"(?:I[ \t]+)?(?:written|wrote|typed|scribbled|jotted(?:[ \t]+down)?)(?:[ \t]+(?:most|all|much|part|some|parts)"
           r"[ \t]+of)?(?:[ \t]+(?:this|it|these|them))?(?:[ \t]+(?:up|down|fast|quickly|hastily|in[ \t]+a[ \t]+hurry))?"
           r"(?:[ \t]+(?:on[ \t]+)?(?:" + _DAY + r"))?(?:[ \t]+(?:on|in|at|during|"
           r"after|before|while|over|between)\b[^,;.!?$]{1,40})?|"
           r"(?:(?:a[ \t]+bit|a[ \t]+little|somewhat|very|quite|pretty|fairly|rather|still)[ \t]+)?(?:less[ \t]+polished|"
           r"unpolished|rushed|rough|messy|sloppy|quick[ \t]+and[ \t]+dirty)(?:[ \t]+(?:notes|write-?up|in[ \t]+places|"
           r"in[ \t]+parts|here[ \t]+and[ \t]+there))?|"
           r"(?:(?:quick[ \t]+and[ \t]+dirty|rough|quick|paper|lecture|reading|my|raw)[ \t]+)+notes|"
           r"in[ \t]+the[ \t]+order[ \t]+I[ \t]+(?:read|wrote|learned|learnt|met|found)[ \t]+(?:them|it|these|those)|"
           r"(?:my[ \t]+)?(?:(?:honest|short|quick|own)[ \t]+)?summary[ \t]+first,?[ \t]+then[ \t]+(?:the[ \t]+)?details|"
           # (how long the page is, and which of the course's meetings it was: "Short-ish page, this was the warm-up
           # lecture before VAEs")
           r"(?:(?:a|an|the)[ \t]+)?(?:short|long|brief|small|tiny)(?:-?ish)?[ \t]+(?:page|note|entry|one)|"
           r"this[ \t]+(?:was|is)[ \t]+(?:the|a|an|our|my)[ \t]+(?:[\w-]+[ \t]+){0,3}(?:lecture|class|session|lab|"
           r"seminar|tutorial)(?:[ \t]+(?:before|after|on|about|for)[ \t]+[^,;:.!?$]{1,40})?|"
           # (and what is left to do to it: "clean up later", "to be tidied")
           r"(?:(?:will|to)[ \t]+)?(?:clean|tidy|polish|fix)(?:[ \t]+(?:it|this))?(?:[ \t]+up)?[ \t]+later|"
           r"to[ \t]+be[ \t]+(?:cleaned[ \t]+up|tidied|polished)")
_WRITING = re.compile(rf"(?i)(?:{_CLAUSE})(?:[ \t]*[,;][ \t]*(?:{_CLAUSE}))*")
# A topic the course leaves out, and when the writer may get to it: "Hierarchical forecasting (reconciliation,
# MinT) — not covered in the course, maybe later."
_NOT_COVERED = re.compile(r"(?i)[^.!?;$]{0,100}?(?:[ \t]+[—–-]|:|,)[ \t]*not[ \t]+(?:yet[ \t]+)?(?:covered|taught|discussed)"
                          r"[ \t]+(?:in|by)[ \t]+(?:the|this|our|my)[ \t]+(?:course|lectures?|class|module|book|syllabus)"
                          r"(?:[ \t]*[,;—–-]?[ \t]*(?:maybe|perhaps|probably)?[ \t]*later)?")
# What the course expects of its students: "Three architectures the course expects us to know."
_EXPECTED = re.compile(r"(?i)[^.!?;$]{0,60}\b(?:the|this|our|my)[ \t]+(?:course|exam|module|syllabus|lecturer|prof(?:essor)?)"
                       r"[ \t]+(?:expects|requires|wants|asks)[ \t]+(?:us|you|me|students)[ \t]+to[ \t]+(?:know|learn|"
                       r"understand|remember|be[ \t]+able[ \t]+to)\b[^.!?;$]{0,30}")

# How the lecture the page comes from went, and so where the page's part comes from instead: "Slides were rushed at
# the end, so the multi-head part is partly from the paper.", "Guest lecture for the RoPE part, the slides were very
# dense.", "Catch-up page: the lecture on attention skipped most of the block around it, so this is from the paper …"
_OF = r"(?:[ \t]+(?:on|about|for)[ \t]+[^,;:.!?$]{1,40}?)?"
_LECTURE = r"(?:the[ \t]+|a[ \t]+|today's[ \t]+)?(?:guest[ \t]+)?(?:lecture|slides|class|talk)"
_WENT = (rf"{_LECTURE}{_OF}[ \t]+(?:was|were)[ \t]+(?:(?:a[ \t]+bit|very|quite|rather|pretty|really|way[ \t]+too|too)"
         r"[ \t]+)?(?:rushed|dense|confusing|unclear|thin|sparse|fast|chaotic|hard[ \t]+to[ \t]+follow)"
         r"(?:[ \t]+(?:at[ \t]+the[ \t]+end|in[ \t]+places|again|today))?|"
         rf"{_LECTURE}{_OF}[ \t]+(?:skipped|rushed(?:[ \t]+through)?|ran[ \t]+out[ \t]+of[ \t]+time(?:[ \t]+on)?|"
         r"did(?:n't|[ \t]+not)[ \t]+(?:cover|get[ \t]+to))\b[^,;:.!?$]{0,60}|"
         r"(?:a[ \t]+)?guest[ \t]+lecture" + _OF)
_FROM = (r"(?:so[ \t]+)?(?:this(?:[ \t]+(?:page|section|part))?|these[ \t]+notes|most[ \t]+of[ \t]+(?:this|it)|"
         r"the[ \t]+[\w-]+(?:[ \t]+[\w-]+)?[ \t]+(?:part|section|bit))[ \t]+(?:is|are)[ \t]+(?:(?:partly|mostly|largely|"
         r"mainly|all|entirely)[ \t]+)?(?:from|based[ \t]+on|taken[ \t]+from|adapted[ \t]+from)[ \t]+"
         r"(?=[^;:.!?$]*\b(?:paper|papers|book|textbook|slides|blog|docs|documentation|code|notes|videos?|article|"
         r"tutorial|wikipedia|annotated)\b)[^;:.!?$]{1,100}")  # (where a page's part comes from: its sources named)
_LABEL = r"(?:catch-?up|revision|review|make-?up)[ \t]+(?:page|notes?)[ \t]*:[ \t]*"
_LECTURE_WENT = re.compile(rf"(?i)(?:{_LABEL})?(?:(?:{_WENT})(?:[ \t]*[,;][ \t]*(?:and[ \t]+)?(?:{_WENT}))*"
                           rf"(?:[ \t]*[,;]?[ \t]+(?:{_FROM}))?|{_FROM})")

# What the page covers, said as the questions it answers, with no question mark: "How loss depends on parameters,
# data and compute, and how to spend a fixed compute budget.", "When to stop early and how to pick the patience."
_WH = r"(?:how|what|why|when|which|where)"
_SCOPE = re.compile(rf"(?i){_WH}(?:[ \t]+to)?\b[^.?!;:$]{{3,100}}?,?[ \t]+and[ \t]+{_WH}[ \t]+to\b[^.?!;:$]{{3,80}}|"
                    rf"{_WH}[ \t]+to\b[^.?!;:$]{{3,80}}?,?[ \t]+and[ \t]+{_WH}\b[^.?!;:$]{{3,80}}")


def names_sources(text: str) -> bool:
    """Whether a text only names where the page comes from: parts of a course or a book, joined by "+", "," or "and"
    ("Lecture 7b + FPP3 §5.5, §5.9", "FPP3 ch. 3 + week 4 lecture"), at least one numbered."""
    text = text.strip().rstrip(".!").strip()
    if not text or "$" in text or not _HAS_PART.search(text):
        return False
    return all(_SOURCE.fullmatch(part) for part in _SOURCE_JOIN.split(text) if part)


def is_page_origin(sentence: str) -> bool:
    """Whether a sentence (markup off) says where the page comes from or how it was written (see the module's doc)."""
    text = sentence.strip().rstrip(".!").strip()
    text = text[1:-1].strip().rstrip(".!") if text[:1] == "(" and text[-1:] == ")" else text  # ("(written fast …)")
    if not text or "$" in text:
        return False
    return names_sources(text) or bool(_WRITING.fullmatch(text) or _EXPECTED.fullmatch(text)
                                       or _NOT_COVERED.fullmatch(text) or _LECTURE_WENT.fullmatch(text)
                                       or sentence.rstrip()[-1:] != "?" and _SCOPE.fullmatch(text))
