"""A page's description written as a quote under its title, as nbdev writes a notebook's opening:

    # Sampled metrics

    > What the sampled protocol is, its bias, and what I use instead.

nbdev makes the H1 the page's title and the quote its description (`title:` and `description:` of its front
matter): furniture, not what the page teaches. The quote is read so, and its lines blanked as front matter is, when
every sentence of it is one of:

- the writer's own talk ("How I split my logs", "… that keep tripping me up", "Written for me"), the page saying
  what it is ("Study notes plus …", "Summary of what this notebook covers.") or its state ("Draft, half of it is
  still TODO.", "Not polished.", "rough edges");
- a list of what the page covers, with no verb of its own ("Precision, recall and hit rate at a cutoff: the first
  numbers papers report, and what they ignore.", "Baselines, tuning budgets and paired tests.");
- a short label of a few words ("Beyond-accuracy metrics.").

A description that states a fact ("Ranking the held-out item against 100 negatives is cheap, and it can flip which
model wins.") stays: the page's opening text, as before, without a sentence of the writer's or the page's talk
("… Not polished."). Pure: lines in, the same lines with those blanked.
"""

from __future__ import annotations

import re

from mlwiki.extract.line_kinds import BLANK, BLANK_LINE, TEXT, Line
from mlwiki.extract.page_properties import after_title
from mlwiki.extract.prose import sentences

MAX_WORDS = 60  # a description is a line or two; a longer quote under a title is an epigraph or a quoted passage
MAX_LABEL_WORDS = 4  # "Beyond-accuracy metrics.": the kind of the title's subject, no fact of its own
MIN_TOPICS = 3  # "A, B and C", "A: B and C": the parts of a list of what the page covers
_QUOTE = re.compile(r"[ \t]{0,3}>")
# The writer: "I", "me", "my" (not the numeral of "Type I errors", "Part I")
_AUTHOR = re.compile(r"(?<![Tt]ype )(?<![Pp]art )(?<![Pp]hase )(?<![Cc]lass )(?<![Ss]tage )(?<![Ll]evel )\bI(?:['’](?:m|ve|ll|d))?\b|"
                     r"\b(?i:me|my|myself)\b")
_STATE = re.compile(r"(?i)\b(?:draft|todo|to-do|wip|work in progress|(?:un|not )polished|rough edges|stub|"
                    r"incomplete|unfinished|half[- ]finished|to be (?:continued|written|finished)|coming soon)\b")
# The page saying what it is: "Study notes plus a small library of …", "One-line summary of what this notebook covers."
_PAGE = re.compile(r"(?i)\b(?:this|these)[ \t]+(?:notebook|page|note|post|tutorial|chapter|section)s?\b|"
                   r"^[ \t]*(?:(?:study|lecture|course|reading|rough|quick|personal)[ \t]+)?notes\b|"
                   r"^[ \t]*(?:an?[ \t]+)?(?:(?:one-line|short|brief|quick)[ \t]+)?(?:summary|overview|walkthrough|"
                   r"tutorial|introduction|collection|index|list)[ \t]+(?:of|to|on)\b")
# A verb no noun is: a sentence that has one says something ("… is cheap", "it can flip …")
_SURE_VERB = re.compile(r"(?i)\b(?:is|are|was|were|be|been|has|have|had|can|could|may|might|must|should|will|would|"
                        r"does|do|did|cannot|\w+n['’]t)\b")
_TOPIC_SPLIT = re.compile(r"[,;:]|\band\b|&")


def mark_page_description(lines: list[Line], body: str) -> None:
    """Blank the quoted description right after the note's H1 when it is the page's furniture (see the module's
    docstring); a description that states a fact stays."""
    start = after_title(lines)
    if start is None:
        return
    raw = body.split("\n")
    end = start
    while end < len(lines) and lines[end].kind == TEXT and _quoted(raw, lines[end].no):
        end += 1
    if end == start or end < len(lines) and lines[end].kind != BLANK:
        return
    text = " ".join(lines[i].text.strip() for i in range(start, end))
    if is_furniture(text):
        for i in range(start, end):
            lines[i] = BLANK_LINE
    elif end - start == 1 and (kept := _without_talk(text)) != text:
        lines[start] = Line(lines[start].no, kept, TEXT, lines[start].attrs)  # ("… Draft, half of it is TODO.")


def is_furniture(text: str) -> bool:
    """Whether a page's description says nothing of its subject: each sentence is the writer's talk, the page's
    state, a list of its topics or a short label."""
    if not text or len(text.split()) > MAX_WORDS:
        return False
    return all(map(_furniture_sentence, sentences(text)))


def _without_talk(text: str) -> str:
    """A description that states a fact, without its sentences of the writer's or the page's talk."""
    return " ".join(s for s in sentences(text) if not _talk(s))


def _talk(sentence: str) -> bool:
    return bool(_AUTHOR.search(sentence) or _STATE.search(sentence) or _PAGE.search(sentence))


def _furniture_sentence(sentence: str) -> bool:
    if _talk(sentence):
        return True
    if _SURE_VERB.search(sentence):
        return False
    parts = [part for part in _TOPIC_SPLIT.split(sentence.strip(" .")) if part.strip()]
    return len(parts) >= MIN_TOPICS or len(parts) == 1 and len(sentence.split()) <= MAX_LABEL_WORDS


def _quoted(raw: list[str], no: int) -> bool:
    """Whether body line `no` (1-based) is written as a quote."""
    return 0 < no <= len(raw) and _QUOTE.match(raw[no - 1]) is not None
