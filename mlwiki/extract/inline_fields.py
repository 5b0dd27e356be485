"""Dataview's inline fields inside a line of text, `[source:: Bishop 10.1]` or `(hours:: 2)`: the note's metadata,
which a query reads, off a card's back; but one the sentence reads through ("Two knobs: [eps:: the radius] and
[minPts:: the count].") shows its value, as Obsidian shows it, or the sentence is left a fragment ("Two knobs: and.").
A field in a code span is code, shown as written. Pure: a string in, a string out.
"""

from __future__ import annotations

import re

FIELD_IN_TEXT = re.compile(r"[ \t]*[\[(]([A-Za-z][\w-]*(?:[ \t][\w-]+){0,3}):: ([^\]()\n]*)[\])]")
# What the sentence reads on into a field with: a colon, a comma or a word that wants what follows (what comes after a
# field is no sign: a sentence goes on past a source it names in passing)
_LEADS_IN = re.compile(r"(?i)(?:[:,]|\b(?:and|or|with|of|to|is|are|be|by|from|than|as|=))[ \t]*\Z")


def without_fields(text: str) -> str:
    """`text` with its inline fields off, or their values where the sentence reads through them (see the module's
    doc)."""
    return FIELD_IN_TEXT.sub(lambda m: _field(m, text), text)


def _field(found: re.Match, text: str) -> str:
    """What stays of one field: itself in code, its value in a sentence, else nothing."""
    line_start = text.rfind("\n", 0, found.start()) + 1
    before = text[line_start:found.start()]
    if before.count("`") % 2:
        return found.group(0)  # (in a code span: as written)
    if before.strip() and _LEADS_IN.search(before):  # (not "… each step [source:: …] and so …": an aside)
        return found.group(0)[:len(found.group(0)) - len(found.group(0).lstrip())] + found.group(2).strip()
    return ""
