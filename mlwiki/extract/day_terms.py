"""The subject of a daily note and of its "## Learned" section: a daily note names none of its own (its title is a
date), and every day's note has a "Learned" section, so its cards would all ask "Learned" (and two days' cards of one
front would be one card). The term the section opens with, or else the topic of the day's lecture its log names
("- Lecture: random forests."), is what they ask about instead:

    ## Learned                                               →  Stacking
    Stacking ("stacked generalization"): train several …         Stacking › Blending
    - **Blending** = the same with one holdout split …           Stacking / Why not in-sample predictions?

Blocks in, a term out (`walk` puts it in place of the heading on the fronts); `spells_out` adds the card of a bold
line that spells the term out ("**Bagging = bootstrap aggregating.**").
"""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, text_of
from mlwiki.extract.daily import DAY_LOG, FIRST_PERSON, LEARNT, MAX_TOPIC_WORDS, content_subject, recurs
from mlwiki.extract.labels import GENERIC_LABELS, NOT_A_TERM
from mlwiki.extract.lines import HEADING, LIST_ITEM, TEXT
from mlwiki.extract.passages import DAY_NOTES, NO_SUBJECT

LEARNED = re.compile(rf"(?i)[\W\d_]*(?:things? )?(?:{LEARNT})[\W\d_]*")  # ("## Things learned" too)
_LEADING_TERM = re.compile(r"[ \t]*(?:[-*+][ \t]+)?\*\*([^*\n]{2,40}?)\*\*")
# The day's lecture (class, seminar, talk) and what it was on, an item of the day's log: "- Lecture: random forests.",
# "Lecture 7 — boosting, part 1. AdaBoost.", 'Lecture: "why averaging works".' (not "Lecture was cancelled")
_LECTURE = re.compile(r"(?im)^[ \t]*(?:[-*+][ \t]+)?(?:lecture|class|seminar|talk|tutorial|reading group)(?:[ \t]+\d+)?"
                      r"[ \t]*(?::|—|–|-)[ \t]*[\"“']?([^\W\d][^.,;:!?\n\"“”(—–]{2,60}?)[\"”']?[ \t]*(?:[.,;:!?(—–]|$)")
_PART = re.compile(r"(?i)[ \t]+(?:part|pt\.?)[ \t]*\d+$")  # ("boosting part 2": the lecture's topic is boosting)


def lecture_topic(blocks: list[Block]) -> str:
    """What a daily note is about, when its opening text or its first section (the day's log, "## Today") names the
    day's lecture and its topic ("- Lecture: random forests." → "Random forests"); "" when it does not, or that
    topic is not what the note goes on to speak of."""
    for k, block in enumerate(blocks):
        if block.kind == HEADING and (k and any(b.kind == HEADING for b in blocks[:k])
                                      or not DAY_NOTES.fullmatch(block.lines[0].text.lstrip("#").strip())):
            return ""  # (past the day's log: a section's "Lecture: …" is what it says of a lecture)
        if block.kind == TEXT and (match := _LECTURE.search(text_of(block))):
            topic = _PART.sub("", match.group(1).strip())
            if len(topic.split()) <= MAX_TOPIC_WORDS and not FIRST_PERSON.search(topic) \
                    and recurs(topic, blocks[k + 1:], initialisms=True):
                return topic[:1].upper() + topic[1:]
    return ""


def day_subject(blocks: list[Block], as_before: bool = False) -> tuple[str, str]:
    """(subject, lecture topic) of a daily note: what its opening text says it is about (`daily.content_subject`) and
    "", else the topic of the day's lecture its log names, twice; ("", "") read `as_before` (without that rule)."""
    if subject := content_subject(blocks):
        return subject, ""
    return ("", "") if as_before else (topic := lecture_topic(blocks), topic)


def section_term(heading: str, blocks: list[Block], i: int, lectured: str = "") -> str | None:
    """The term a day's "## Learned" section (its heading `heading`, at blocks[i]) is about, when its first paragraph
    opens with it and no other paragraph of the section opens with another in bold: "**WordPiece** (Schuster &
    Nakajima 2012). Like BPE it merges …", "**Bagging = bootstrap aggregating.**" (the name the line spells out), or
    "Stacking ("stacked generalization"): train several …" when the section speaks of it again. What its cards ask
    about, not "Learned" (and two days' "Learned" are not one card). A bold question ("**When does it help?**") or
    a list item's bold term ("- **Blending** = the same with …": a part or a kind of it) opens no other subject."""
    if not LEARNED.fullmatch(heading):
        return None
    body = []
    for block in blocks[i + 1:]:
        if block.kind == HEADING:
            break
        if block.kind == TEXT:
            body.append(block)
    term = _own_term(body) or lectured or None
    return term if term is None or term == _term_before(body) else Term(term, heading)


class Term(str):
    """A section's term that mlwiki read as "Learned" before (`was`): its cards keep the ids they had under it."""

    was: str

    def __new__(cls, term: str, was: str) -> "Term":
        made = super().__new__(cls, term)
        made.was = was
        return made


def _term_before(body: list[Block]) -> str | None:
    """The term the section was read as being about before its defining opening or its lecture said it: one in bold
    its paragraphs and items alone open with."""
    if not body or not (first := _LEADING_TERM.match(body[0].lines[0].text)):
        return None
    term = first.group(1).strip().rstrip(":").strip()
    others = {m.group(1).strip().rstrip(":").strip().casefold() for block in body for ln in block.lines
              if (m := _LEADING_TERM.match(ln.text))}
    return term if others == {term.casefold()} and not re.search(r"\d", term) else None


def _own_term(body: list[Block]) -> str | None:
    """The term a section (its paragraphs `body`) opens with (see `section_term`); None when it names none."""
    if not body:
        return None
    if first := _LEADING_TERM.match(body[0].lines[0].text):
        term = _spelled_out(first.group(1))
    elif (opening := _DEFINING_OPENING.match(body[0].lines[0].text)) and _names_term(opening.group(1)) \
            and recurs(opening.group(1), [], "\n".join(text_of(block) for block in body[1:])):
        term = opening.group(1).strip()
    else:
        return None
    items = bool(LIST_ITEM.match(body[0].lines[0].text))  # (a list of bold terms: each its own subject)
    others = {_spelled_out(m.group(1)).casefold() for block in body if items or not LIST_ITEM.match(block.lines[0].text)
              for ln in block.lines if (m := _LEADING_TERM.match(ln.text)) and not m.group(1).rstrip().endswith("?")}
    return term if others <= {term.casefold()} and not re.search(r"\d", term) else None


# A paragraph that opens on a name and what it is: "Stacking ("stacked generalization"): train …", "Bagging = …"
_DEFINING_OPENING = re.compile(r"([A-Z][\w+.-]*(?:[ \t][\w+.-]+){0,2})[ \t]*(?:\([^()\n]{1,60}\)[ \t]*)?(?::|=)[ \t]+\S")
_SPELLED = re.compile(r"([^=:\n]{2,30}?)[ \t]*=[ \t]*\S")  # ("Bagging = bootstrap aggregating.": the name spelled out)


def _spelled_out(bold: str) -> str:
    """A bold opening's term: "Bagging" of "Bagging = bootstrap aggregating.", else the bold text without its colon."""
    bold = bold.strip().rstrip(":").strip()
    return named.group(1).strip() if (named := _SPELLED.match(bold)) else bold


def _names_term(words: str) -> bool:
    """Whether the words a paragraph opens on name a term, not a label ("Idea: …", "Recap: …", "Note: …")."""
    return not any(word.casefold() in GENERIC_LABELS | NOT_A_TERM for word in words.split()) \
        and not NO_SUBJECT.fullmatch(words) and not DAY_LOG.fullmatch(words)


SPELLED_FORM = "spelled-out"


def spells_out(ex, path: str, label: str, line: int) -> bool:
    """Whether a bold label spells out the term its section is about ("**Bagging = bootstrap aggregating.**" in the
    section on bagging): then it is no part of its paragraphs' path ("Bagging › Bagging = … › steps" says it twice),
    and what it spells the term out as is a card of its own ("Define: Bagging" / "bootstrap aggregating")."""
    term, _, said = path.rpartition(" › ")[2], *label.partition("=")[1:]
    if not said.strip() or _spelled_out(label).casefold() != term.casefold():
        return False
    parent = path.rpartition(" › ")[0]
    ex.add_card(SPELLED_FORM, f"{parent}\n\nDefine: {term}" if parent else f"Define: {term}",
                said.strip().rstrip(".").strip(), line)
    return True

