"""What narrates in a passage, cut so that only it is lost: a nested step that walks the reader on ("- We run the
network on each tile"), and an opening clause that only tells the reader to look ("You can
now see that …", "As we saw, …"), whose sentence says the point after it. The passage is refused for narration only
when nothing else is left (see passages.reads_as_prose). Pure: `narrates` is passages.narrates, passed in (this
module is imported by passages)."""

from __future__ import annotations

import re

from mlwiki.extract.lines import LIST_ITEM
from mlwiki.extract.prose import sentences
from mlwiki.extract.voice import in_label

# "You may be able to now see that X", "We can notice that X", "As you can see, X": the reader told to look at X
_LOOK_LEAD = re.compile(r"(?i)(?:(?:(?:by now|now|so|here),?\s+)?(?:you|we)\b[^.,;:!?]{0,40}?\b(?:see|notice|observe|tell)\s+that|"
                        r"as (?:you|we)(?: can| could| may| might)? (?:see|saw|noticed?)(?: above| before| earlier)?,)"
                        r"\s+(?=\w)")
_INDENT = re.compile(r"[ \t]*")
_PERSON = re.compile(r"(?i)(?:we|you|i|us|our|your)\b")  # ("… see that we will need …": the tutorial's plan still)


def without_narrating_items(paragraph: str, narrates) -> str:
    """A list (or a paragraph holding one) without its nested steps whose line narrates ("- We run it on each
    tile"), as it was when none does or a step that narrates has none beside it that does not. A top-level item is
    never cut: the list's card counts or names its items ("two kinds: …") and a gap among them is an answer wrong,
    and nor is an item with steps under it (a label left with nothing to label)."""
    if not narrates(paragraph):
        return paragraph  # (the common case, tested once on the whole)
    lines = paragraph.split("\n")
    indents = [_INDENT.match(line).end() if LIST_ITEM.match(line) else None for line in lines]
    top = min((n for n in indents if n is not None), default=None)
    cut = {k for k, n in enumerate(indents) if n is not None and n > top and narrates(lines[k])
           and not (k + 1 < len(lines) and _INDENT.match(lines[k + 1]).end() > n)}
    for k in cut:
        if not any(j not in cut for j in _siblings(lines, indents, k)):
            return paragraph  # (every step under the item narrates: the item would be left bare)
    return "\n".join(line for k, line in enumerate(lines) if k not in cut) if cut else paragraph


def _siblings(lines: list[str], indents: list[int | None], k: int) -> list[int]:
    """The items at the indent of item k, under the same parent (up to a line less indented), k among them."""
    found = []
    for step in (-1, 1):
        j = k
        while 0 <= j < len(lines) and (not lines[j].strip() or _INDENT.match(lines[j]).end() >= indents[k]):
            if indents[j] == indents[k] and j != k:
                found.append(j)
            j += step
    return found + [k]


def without_look_lead(sentence: str, narrates) -> str | None:
    """The sentence without an opening clause that tells the reader to look ("You can now see that the list …" →
    "The list …"), when what follows does not narrate too; None when it has no such clause."""
    lead = _LOOK_LEAD.match(sentence)
    if lead is None:
        return None
    rest = sentence[lead.end():]
    return None if narrates(rest) or _PERSON.match(rest) else rest[:1].upper() + rest[1:]


def labels_narrate_only(text: str, narrates) -> bool:
    """Whether every sentence of the text that narrates does so only in an author's label ("Three reasons I've
    seen: it keeps …"), and no question is asked ("Why discount? Three reasons I've seen: …" is that form's)."""
    return "?" not in text and all(in_label(sentence) for sentence in sentences(text) if narrates(sentence))



# An aside in round brackets inside a sentence, set off by a space ("… built in (we'll see what this means soon).");
# not a call or a link's target ("f(x)", "](…)"), nor one holding brackets of its own
_BRACKETED = re.compile(r"[ \t]+\(([^()\n]{4,120})\)")
_CLAUSE_CUT = re.compile(r"[,;]")


def without_narrated_asides(text: str, narrates) -> str:
    """The text without the asides in brackets of its list items that only walk the reader on ("- X: a loss with the
    sigmoid built in (we'll see what this means soon)"): the item says its point whole, which the aside alone made
    read as a tutorial's story (and a list's card keeps every item). An aside with a clause that does not narrate
    ("(«locally periodic», see below)") stays, as does a paragraph's: its narration is judged with it."""
    if "(" not in text or not narrates(text):
        return text  # (the common case, said cheaply)
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if "(" in line and LIST_ITEM.match(line) and narrates(line):
            lines[k] = _BRACKETED.sub(lambda aside: "" if _narrates_all(aside.group(1), narrates) else aside.group(),
                                      line)
    return "\n".join(lines)


def _narrates_all(aside: str, narrates) -> bool:
    """Whether each clause of an aside narrates ("we'll see why soon"), not only a pointer beside a fact."""
    return all(narrates(clause) for clause in _CLAUSE_CUT.split(aside) if clause.strip())
