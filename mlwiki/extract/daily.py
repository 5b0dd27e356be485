"""Daily notes: a note titled only by its date ("2026-03-14", "March 14", "Mon, 14 Mar 2026") names no subject, so
its cards take their subject from what the day's note says it is about: its opening line ("Spent the morning on
the bootstrap.", "Reading about calibration after …", "Permutation tests + multiple comparisons.") or its first bullet
that names what the items nested under it are about ("- reading group: calibration"), or the one note it links to
when it speaks of it ("did the bootstrap CI …" and "[[Bootstrap]]"); without one,
its headings stand alone. "March 14 › Where it fails" asks nothing; "Bootstrap › Where it fails" does."""

from __future__ import annotations

import re

from mlwiki.extract.blocks import Block, text_of
from mlwiki.extract.lines import HEADING, TEXT

# A month by its name or short name, and a weekday before a day (both shared with `log_entries`)
MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?[ \t]+)?"
_DATE = re.compile(rf"(?i)[\d\s._/-]*\d[\d\s._/-]*|{WEEKDAY}(?:{MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?|"
                   rf"\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{MONTH})(?:,?[ \t]+\d{{4}})?|{MONTH}[ \t]+\d{{4}}|"
                   r"(?:daily|day|journal|log|notes?)(?:[ \t]+notes?)?[ \t:–—-]*[\d._/-]+\d")
# "Spent the morning on the bootstrap.", "Reading about calibration after …", "Finally dug into Gaussian processes."
_ABOUT = re.compile(r"(?i)\b(?:spent|spend|reading|read|looked|looking|worked|working|studied|studying|dug|digging|"
                    r"sat down|learned|learnt|learning|notes)\b[^.:;]{0,40}?\b(?:on|about|into|with|at|up on)[ \t]+"
                    r"(?:the[ \t]+|an?[ \t]+)?([^\W\d][\w'’ -]{1,40}?)(?=[ \t]*(?:[.,;:!(]|$)|[ \t]+(?:after|because|"
                    r"today|this|again|for|since|while|and (?:I|we)|—|–|-)\b)")
_TOPIC_LINE = re.compile(r"([^\W\d][^.!?:\n$]{2,60}?)[.:][ \t]*(?:\n|$|[A-Z])")
# A day's topic set apart by a dash: "Noise in BO — the thing every toy example skips.", "noise vs jitter -- I …"
_TOPIC_DASH = re.compile(r"([^\W\d][^.!?:;\n$—–]{1,50}?)[ \t]+(?:—|–|--?)[ \t]+\S")
# A day's first bullet that names what the items nested under it are about: "- reading group: calibration"
_TOPIC_ITEM = re.compile(r"[-*+][ \t]+[^:\n]{2,40}?:[ \t]*([^\W\d][^.!?:;,\n$]{1,40}?)[ \t]*\n[ \t]+[-*+][ \t]")
_LINK = re.compile(r"\[\[([^\]|#\n]+)(?:[#|][^\]\n]*)?\]\]")  # "[[Bootstrap]]", "[[ROC and AUC|AUC]]": its note
# A line of the day's chores on a note ("finished the [[Byte pair encoding]] note", "wrote up [[Perplexity]]"): the
# note it links to is one the writer worked on, not what the day's notes are about
_CHORES = re.compile(r"(?im)^.*\b(?:finish|wrote|write|clean|tidi|tidy|updat|edit|fix|renam|mov|reorgani[sz]|"
                     r"start)\w*\b[^\n]*\[\[.*$|^.*\]\][ \t]+(?:note|page)\b.*$")
FIRST_PERSON = re.compile(r"(?i)\b(?:i|i'm|i've|my|me|we|our|today|yesterday)\b")
# What a day's note says it learnt: "TIL", "Today I learned", "Learnt today", "Learnings"
LEARNT = r"til|today i learn(?:ed|t)|learn(?:ed|t)(?: today)?|learnings"
# How far the writer got with a paper or a chapter: "skimmed", "done", "started", "half read"
READ_PROGRESS = r"skimmed|read|re-?read|done|started|finished|half[- ]read|unread"
# The heading of what a day's note says was learnt: a front that names nothing ("TIL" of what?) for the rest of a
# list beside its formulas; its items' labels and bold terms do ("TIL › Paired t-test")
DAY_LOG = re.compile(rf"(?i)[\W\d_]*(?:{LEARNT})[\W\d_]*")
# "Two quick ones and a reminder.", "A few things.", "Misc.": a count of what the day holds, not what it is about
_COUNTS = re.compile(r"(?i)\s*(?:two|three|four|five|six|seven|eight|nine|ten|\d+|a (?:few|couple)|some|several|"
                     r"many|misc\w*|random|assorted|various|quick)\b")
MAX_TOPIC_WORDS = 6


def is_date(title: str) -> bool:
    """Whether a title is only a date (a daily note's): it names no subject."""
    return bool(_DATE.fullmatch(title.strip()))


def is_learned_path(path: str) -> bool:
    """Whether a heading path is a day's "TIL" / "Learned" section and nothing else names a subject: "TIL",
    "2024-03-14 › Learned", "Saturday, March 14, 2026 › Learned" (a daily note's title as Foam's or Obsidian's
    date formats write it)."""
    *above, last = path.split(" › ")
    return bool(DAY_LOG.fullmatch(path)) or bool(DAY_LOG.fullmatch(last)) and bool(above) and all(map(is_date, above))


# A name that is a kind of note stamped with its day, and maybe its time: Dendron's journal and scratch notes
# ("daily.journal.2024.03.14", "scratch.2024.03.14.153012"), "meeting-2024-03-14", "notes 20240314"
_STAMPED = re.compile(r"(?i)(?:[^\W\d][\w-]*?[ \t._-]){1,2}(?:19|20)\d\d([._/-]?)[01]\d\1[0-3]\d"
                      r"(?:[ \t._T-]+\d{4,6})?")


# A day written out in full, year, month and day ("2024-03-04", "04.03.2024", "Mon, 4 Mar 2024", "March 4, 2024"),
# not a number or a section's "2.3": a dated entry of a log
_FULL_DAY = re.compile(rf"(?i)[ \t]*(?:(?:19|20)\d\d([-./])[01]?\d\1[0-3]?\d|[0-3]?\d([-./])[01]?\d\2(?:19|20)\d\d|"
                       rf"{WEEKDAY}(?:{MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{MONTH})"
                       rf"(?:,?[ \t]+\d{{4}})?)[ \t]*")


def is_day_stamp(title: str) -> bool:
    """Whether a heading is only a day, written out in full: an entry of a log (a lab's, a project's), which names
    no subject; "2.3" or "2024" is not one."""
    return bool(_FULL_DAY.fullmatch(title))


# A note that is the writer's log of their own study ("Study log", "Learning journal"), and an entry's heading there
# that is only its period ("week 6", "Day 12", "Session 3"): what the writer did then, no subject
_LOG_TITLE = re.compile(r"(?i)[\W\d_]*(?:(?:my|study|learning|reading|work|lab|progress|dev)[ \t]+)*"
                        r"(?:log|journal|diary)[\W\d_]*")
_PERIOD = re.compile(r"(?i)[ \t]*(?:week|wk|day|session|sprint|month)[ \t]*\d{1,3}[ \t]*")


def logs_period(subject: str, title: str) -> bool:
    """Whether a heading of a study log (`_LOG_TITLE`, the note's subject) is only an entry's day or period
    (`_PERIOD`, or a day written out in full): that entry is a log's, its lessons cards, what was done none."""
    return bool(_LOG_TITLE.fullmatch(subject)) and bool(_PERIOD.fullmatch(title) or _FULL_DAY.fullmatch(title))


def is_stamped(name: str) -> bool:
    """Whether a file name is only a kind of note and its date (a timestamp): like a date, it names no subject."""
    return bool(_STAMPED.fullmatch(name.strip()))


def content_subject(blocks: list[Block]) -> str:
    """What a daily note is about, from its opening text (before its first heading); "" when it does not say."""
    lead = []
    for block in blocks:
        if block.kind == HEADING:
            break
        if block.kind == TEXT:
            lead.append(text_of(block))
    opening = "\n".join(line for text in lead[:2] for line in text.split("\n") if line[:1] not in " \t")  # (a nested
    # item, "  - looked at fitted params: …", says what the day found under a line, not what the day is about)
    if match := _ABOUT.search(opening):
        return _capital(match.group(1))
    first = lead[0].strip() if lead else ""
    if (topic := _TOPIC_ITEM.match(first)) and len(topic.group(1).split()) <= MAX_TOPIC_WORDS // 2 \
            and not FIRST_PERSON.search(topic.group(1)) and recurs(topic.group(1), blocks, first[topic.end():]):
        return _capital(topic.group(1).strip())  # (its items are the day's notes on it)
    if topic := _line_topic(_TOPIC_LINE.match(first), first, blocks):
        return topic
    for line in [paragraph.strip() for paragraph in lead[:2]]:  # (after a first line of the day's mood, "short one.")
        if topic := _line_topic(_TOPIC_DASH.match(line), line, blocks):
            return topic  # ("Noise in BO — the thing every toy example skips.")
    return _linked_subject(blocks)  # (not its first bold term: a day's notes list many, and none is the subject)


def _line_topic(topic: re.Match | None, line: str, blocks: list[Block]) -> str:
    """The topic a day's opening line names (`topic`: its match), when it is a few words, not the writer's day nor
    a count of what follows, and comes back in the note; '' otherwise."""
    if topic is None:
        return ""
    words = topic.group(1)
    if len(words.split()) > MAX_TOPIC_WORDS or FIRST_PERSON.search(words) or _COUNTS.match(words) \
            or not recurs(words, blocks, line[topic.end():], initialisms=True):
        return ""
    return _capital(_DAY_OF.sub("", words.strip()))  # ("Branin day." is about Branin)


_DAY_OF = re.compile(r"(?i)(?<=\S)[ \t]+day$")


def _linked_subject(blocks: list[Block]) -> str:
    """The one note a day's note links to, when the day's text speaks of it ("did the bootstrap CI for F1 …" and
    "[[Bootstrap]]"): its notes are that note's; "" when it links to none or to several."""
    text = "\n".join(text_of(block) for block in blocks[:40] if block.kind == TEXT)
    links = {match.group(1).strip() for match in _LINK.finditer(_CHORES.sub("", text))} if "[[" in text else set()
    if len(links) != 1:
        return ""
    (link,) = links
    return link if recurs(link, [], _LINK.sub(" ", text)) else ""


def recurs(topic: str, blocks: list[Block], nested: str = "", initialisms: bool = False) -> bool:
    """Whether a word of a topic line comes back in the note ("Permutation tests + multiple comparisons." over
    "**Permutation test** for two groups …"), as a day's subject does; "Long day of meetings." does not."""
    rest = " ".join([nested] + [text_of(block) for block in blocks[1:40] if block.kind in (TEXT, HEADING)]).casefold()
    stems = {word[:5] for word in re.findall(r"[^\W\d_]{5,}", topic.casefold())}
    if any(stem in rest for stem in stems):
        return True
    # (an initialism on a topic line, "EM — from lecture 11", comes back as a word: "generalised EM")
    return initialisms and any(re.search(rf"\b{word.casefold()}\b", rest) for word in re.findall(r"\b[A-Z]{2,6}\b", topic))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
