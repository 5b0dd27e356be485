"""Sentences in which a log or a list tells how it is kept, not what it records: its order ("Newest at the top.",
"One row per paper, oldest first.") and the meaning of the writer's mark ("⭐ = read it properly, not just the
abstract."). A log's blurb is made of them; `page_talk` drops them as it drops the notes' other talk of themselves.
Rules on the form of a whole sentence, never on its subject. Pure: a string in, a bool out.
"""

from __future__ import annotations

import re
import unicodedata

# Words the order needs (of the sentence in lower case)
HINT = re.compile(r"newest|oldest|latest|earliest|most recent")
# The order the entries are kept in, alone or after what an entry is: "Newest at the top.", "Oldest first",
# "One line per paper, newest at the bottom.", "Entries most recent first."
# (a bare "newest first" is an option a list names, "1. **newest first** — cheap to do": the entries or a place said)
_ORDER = re.compile(r"(?i)(?:(?:one|an?)[ \t]+(?:line|row|entry|item|bullet)[ \t]+(?:per|a|for[ \t]+each)[ \t]+[\w-]+"
                    r"[ \t]*[,;:—–][ \t]*|(?:entries|rows|items|lines)[ \t]+(?:are[ \t]+)?)?"
                    r"(?:newest|oldest|latest|earliest|most[ \t]+recent)(?:[ \t]+(?:ones|entries|rows|items))?"
                    r"[ \t]+(?:first|last|(?:at|on)[ \t]+(?:the[ \t]+)?(?:top|bottom|end|start))[.!]?")
_SAID_WHAT = re.compile(r"(?i)\b(?:per|entries|rows|items|lines|ones|top|bottom|end|start)\b")
# What one entry of the log holds, then how it is kept: "One bullet per session, hours in brackets so the total adds
# up.", "One line a day." (per a unit of the writer's time or reading: "one row per sample" is a fact of a table)
_PER_ENTRY = re.compile(r"(?i)(?:one|an?)[ \t]+(?:line|row|entry|item|bullet|paragraph)[ \t]+(?:per|a|for[ \t]+each)[ \t]+"
                        r"(?:study[ \t]+)?(?:session|day|week|lecture|class|meeting|sitting|paper|reading|chapter)s?\b"
                        r"(?:[ \t]*[,;:—–][^\n$]{0,100})?[.!]?")
# A mark the writer puts on entries, and what it means: "⭐ = read properly …", "✅: done" (a pictograph, never math)
_MARK = re.compile(r"[ \t]*(\S{1,2})[ \t]*(?:=|:|means)[ \t]+\S[^\n$]{0,120}")


def is_log_talk(sentence: str) -> bool:
    """Whether a sentence (markup off) tells how a log is kept (see the module's doc); a mark's legend after the order
    ("Newest last. ✅ = done.") is one sentence to a splitter that waits for a capital: each part is asked."""
    parts = _AFTER_STOP.split(sentence.strip())
    return all(map(_kept_how, parts)) if len(parts) > 1 else _kept_how(sentence)


_AFTER_STOP = re.compile(r"(?<=[.!])[ \t]+(?=[^\w\s$\\(\[{`*_\"'])")  # (a stop, then a mark that no word opens)


def _kept_how(text: str) -> bool:
    """Whether one sentence is a log's order or a mark's legend."""
    text = text.strip()
    if HINT.search(text.lower()) and _ORDER.fullmatch(text) and _SAID_WHAT.search(text) or _PER_ENTRY.fullmatch(text):
        return True
    mark = _MARK.fullmatch(text)
    return bool(mark) and all(unicodedata.category(c) in ("So", "Sk", "Mn", "Cf") for c in mark.group(1))
