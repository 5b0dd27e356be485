"""Dated entries of a log kept inside a note ("### 2024-03-06" under "# Lab log"): what the writer ran that day (its
configs, its scores, the bug they fixed) is no card; a lesson the entry draws from what it saw is, asked by what was
seen, without the run's numbers:

    Train acc went **down** and test **up**. Augmentation makes the training task harder.
      →  Lab log › Train acc went **down** and test **up**. Why?  /  Augmentation makes the training task harder.
    Acc was 90 at batch 256 but 61 at batch 8, so it changed with the **batch size**. That's the sign that …
      →  Lab log › It changed with the **batch size**. Why?  /  That's the sign that …

A term an entry defines (`- **RoBERTa**: BERT trained longer, without NSP …`, as a study log kept in one note notes
what the day's reading taught) is no run of the writer's: its definition card stays, asked without the entry's date.

A lesson is a sentence of the entry free of the writer ("I", "my") and of numbers, that states (not "Open question:
where would …?"), after a sentence that says what was seen (its clause after ", so" when the numbers come first); or one sentence that gives its own reason
("… looks bad, which is expected since …"). Pure: blocks in, (front, back, line) out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.blocks import Block, text_of
from mlwiki.extract.daily import is_day_stamp
from mlwiki.extract.lines import LIST_ITEM, TEXT
from mlwiki.extract.prose import sentences

MIN_LESSON_WORDS = 6
_DIGIT, _MATH = re.compile(r"\d"), re.compile(r"\$[^$]*\$")
DEFINITION_FORMS = frozenset(("definition", "definition-item"))  # (`forms.definition_cards`' cards)
# The writer, their day and their runs: "I", "my", "we", "today", a number of any kind
_OWN = re.compile(r"(?i)\b(?:i|i'm|i've|i'd|my|me|we|our|us|today|yesterday|tomorrow)\b|\d")
# A sentence the writer marks as still open: "Open question: …", "TODO: …", "Unclear: …"
_OPEN = re.compile(r"(?i)[ \t*_]*(?:open (?:question|problem)s?|questions?|todo|to-do|unclear|not sure|unsure)[ \t*_]*:")
# "…, so the numbers changed with …": what a run's numbers show, said after them
_SO = re.compile(r"(?i).*[,;:][ \t]+so[ \t]+(?=\S)")
# "… looks terrible, which is expected since …", "… because …": a sentence that gives its own reason
_OWN_REASON = re.compile(r"(?i)[,;][ \t]*(?:which is (?:expected|normal|fine)[ \t]+)?(?:since|because|as)[ \t]+\S")
# A lesson states how things are (present tense, a modal), not how the writer's day went
GENERAL = re.compile(r"(?i)\b(?:is|are|must|should|can|cannot|can't|acts|means|makes|helps|needs|holds|keeps|works)\b")
# What the writer did, said without "I" ("Skimmed the follow-up paper — same idea.", "Wrote it up after the talk."),
# or what they read for what ("Smith et al. for the proofs."): the day's reading, not a lesson, unless it states one
_DID = re.compile(r"[ \t*_]*(?:Read|Re-?read|Skimmed|Skim|Wrote|Rewrote|Took|Checked|Finished|Started|Tried|Spent|Lost|"
                  r"Implemented|Watched|Looked|Went|Did|Redid|Copied|Printed|Noted|Worked)\b|[^.]{0,60}\bet al\.")
# (a closed list: "Smoothed targets stop …" opens on a past form that is no doing of the writer's)
# What went wrong in the writer's own run, said in the past: "Bug was the missing mask.", "The culprit turned out to be
# the seed.", "Problem: the learning rate." (the slip of one day's code, no lesson that holds beyond it)
_SLIP = re.compile(r"(?i)[ \t*_]*(?:the[ \t]+|my[ \t]+|our[ \t]+)?(?:bug|problem|issue|culprit|mistake|error|cause|fix)"
                   r"(?:[ \t]+(?:was|turned[ \t]+out(?:[ \t]+to[ \t]+be)?|ended[ \t]+up[ \t]+being)\b|[ \t]*:)")


def is_entry(path: str) -> bool:
    """Whether a section's heading path ends on a day written out in full: an entry of a log."""
    return is_day_stamp(path.rsplit(" › ", 1)[-1])


def defined_terms(made: list[tuple[list, str]], path: str) -> list[tuple[list, str]]:
    """Of the cards the walk `made` in a log's dated entry at `path`, the definitions of terms (their fronts without
    the entry's date; their ids are of the term alone, so they stay)."""
    dated = f" › {path.rsplit(' › ', 1)[-1]}" if " › " in path else ""
    return [([replace(d, front=d.front.replace(dated, "", 1) if dated else d.front) for d in drafts], at)
            for drafts, at in made if drafts[0].front.startswith(path) and defines_a_term(drafts[0])]


def defines_a_term(draft) -> bool:
    """Whether a definition card of a dated entry defines a term, not the writer's run: the term a name (two capitals
    at least: "RoBERTa", "ELECTRA"), or its definition in words, no number ("**Starting point**: two dense layers,
    Adam lr 3e-4, 5 epochs" is the day's set-up)."""
    if draft.form not in DEFINITION_FORMS:
        return False
    term = draft.front.rpartition("Define: ")[2]
    return sum(c.isupper() for c in term) >= 2 or not _DIGIT.search(_MATH.sub("", draft.back))


def lesson_cards(path: str, body: list[Block]) -> list[tuple[str, str, int]]:
    """(front, back, line) of the lessons of a log's dated entry at `path` (its date left off the fronts), at
    most one a paragraph."""
    where = path.rsplit(" › ", 1)[0] if " › " in path else ""
    found = []
    for block in body:
        if block.kind != TEXT or LIST_ITEM.match(block.lines[0].text):
            continue
        if (lesson := _lesson(" ".join(text_of(block).split()))) is not None:
            front = f"{where} › {lesson[0]} Why?" if where else f"{lesson[0]} Why?"
            found.append((front, lesson[1], block.start))
    return found


def _lesson(text: str) -> tuple[str, str] | None:
    """(what was seen, the lesson) of a paragraph of an entry, the last lesson it holds; None without one."""
    said = sentences(text)
    for k in range(len(said) - 1, -1, -1):
        if not _clean(said[k]):
            continue
        if k and (seen := _seen(said[k - 1])):
            return seen, said[k]
        if (reason := _OWN_REASON.search(said[k])) and len(said[k][:reason.start()].split()) >= 3:
            return f"{said[k][:reason.start()].rstrip()}.", said[k]
    return None


def _clean(sentence: str) -> bool:
    """Whether a sentence says something past the writer's day: no "I", no run's numbers, long enough; and states
    it ("Open question: where would …?" asks what the writer does not know yet: no lesson; "Skimmed the sequel —
    same trick." tells what they did)."""
    return len(sentence.split()) >= MIN_LESSON_WORDS and not _OWN.search(sentence) \
        and not sentence.rstrip(" \t)*_").endswith("?") and not _OPEN.match(sentence) \
        and not (_DID.match(sentence) and not GENERAL.search(sentence)) and not _SLIP.match(sentence)


def _seen(sentence: str) -> str:
    """What a sentence says was seen, without the numbers it opens with ("acc 90 vs 61, so it changed with …"
    → "It changed with …"); "" when that still holds numbers or the writer."""
    if _OWN.search(sentence) and (so := _SO.match(sentence)):
        sentence = sentence[so.end():]
        sentence = sentence[:1].upper() + sentence[1:]
    return "" if _OWN.search(sentence) or len(sentence.split()) < 3 else sentence


def lesson(text: str) -> tuple[str, str] | None:
    """(what was seen, the lesson) of one entry's text, by the rule of `lesson_cards`; None without one."""
    return _lesson(" ".join(text.split()))
