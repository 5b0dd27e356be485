"""A passage's last sentence that only announces what follows it ("The algorithm is as follows:", "… described by
the following", "…; they differ in the training conditional:" over a table), taken off: the card does not show what
it announces. Pure: strings in, strings out.
"""

from __future__ import annotations

import re

from mlwiki.extract.lines import LIST_ITEM
from mlwiki.extract.narration import CASE_TRAPS as _CASE_TRAPS
from mlwiki.extract.prose import sentences

# "… given by the following", "We use the following definitions."
_FOLLOWING = re.compile(r"\s(?:the following(?: \w+)?|as follows|below)[ \t]*[.:]?$", re.I)
_FOLLOWING_LOWER = re.compile(_FOLLOWING.pattern)
# What "below" follows when it points at what the card does not show ("… in the figure below.", "as described
# below:"); after any other word it is a place, and the sentence a fact ("each direction sees the layer below")
_POINTING = re.compile(r"(?i)(?:shown|given|listed|described|defined|written|illustrated|outlined|summari[sz]ed|detailed|"
                       r"explained|see|as|is|are|here|figure|table|code|example|plot|image|diagram|cell|snippet|graph|"
                       r"chart|equation|formula|output|list|steps?|details)s?[ \t]*$")  # (searched in the lower-cased text: see without_announcement)
_WORD_END = re.compile(r"[^\W\d_][ \t]*$")
_ENDS_SENTENCE = (".", "!", "?", ":", ")")


def without_announcement(text: str) -> str:
    """The text without a last sentence that announces what the card does not show ("The algorithm is as
    follows:" before an image or code, "… described by the following"); '' when that is all there is."""
    # (_FOLLOWING case-sensitively in the lower-cased text, as NARRATION: it skips the phrases whose first letter
    # differs; lower-casing keeps every position but in a text with İ, ı or ſ, where the case-blind search stays)
    lower = text.lower()
    trap = not lower.isascii() and _CASE_TRAPS.search(text)
    # (each of its phrases holds "follow" or "below": a text without them is not searched, which most are)
    if ("follow" in lower or "below" in lower) and \
            (following := (_FOLLOWING.search(text) if trap else _FOLLOWING_LOWER.search(lower))) and \
            not a_place(text[:following.start()], following.group()):
        text = text[:following.start()].rstrip() + ":"  # (then cut like any announcement)
    if not text.endswith(":"):
        return text
    head, _, last = text.rpartition("\n")
    if head and (last[:1].islower() or last[:1] == "$") and not head.rstrip().endswith(_ENDS_SENTENCE) \
            and not any(LIST_ITEM.match(line) for line in text.split("\n")):
        return _before_last_sentence(text)  # (its last sentence began on a line above: "… training and test" /
        # "values are … independent given $u$; they differ in …:" cut by line left a sentence broken off; so does a
        # line a hard wrap opened on inline math, "… a pair of potential treatments" / "$(T(0), T(1))$, giving …:")
    if last[:1] in " \t" and last.strip() and not LIST_ITEM.match(last.lstrip()) \
            and LIST_ITEM.match(_item_start(head.split("\n"))):
        return (head + "\n" + last.rstrip(": \t")).strip()  # (a wrapped item's last line, "   the two
        # distributions, so penalise … at random interpolates:" over its formula: the line goes on with the item's
        # sentence, which cut there would stop mid-clause, "… almost everywhere between"; the item whole, as a step)
    found = sentences(last)
    if len(found) > 1 and LIST_ITEM.match(last) and not LIST_ITEM.sub("", " ".join(found[:-1]) + " ", count=1).strip():
        return (head + "\n" + last.rstrip(": \t")).strip()  # ("3. **RL**: optimise … to the SFT model:" over its
        # formula, the list's last step: the step, not its number alone, "3.")
    if len(found) > 1:
        return (head + "\n" + " ".join(found[:-1])).strip()
    return "" if LIST_ITEM.match(last) or not head else without_announcement(head.strip())


def _item_start(lines: list[str]) -> str:
    """The line a wrapped list item opens on, looking up from the last of these lines over its indented ones ('' when
    an unindented line that is no item comes first: a paragraph, no item)."""
    for line in reversed(lines):
        if not line[:1] in " \t" or LIST_ITEM.match(line.lstrip()):
            return line.lstrip()
    return ""


def a_place(before: str, phrase: str) -> bool:
    """Whether the announcing `phrase` found after `before` is "below" as a place: after a word that does not point
    ("… the layer below"), not after one that does ("the figure below") or after no word."""
    return phrase.lstrip()[:5].lower() == "below" and bool(_WORD_END.search(before)) and not _POINTING.search(before)


def _before_last_sentence(text: str) -> str:
    """A paragraph wrapped over lines without its last sentence, which announces what follows; of that sentence, the
    clauses before its last ";" stay ("X holds given $u$; they differ in …:" says X)."""
    found = sentences(" ".join(text.split()))
    last = found[-1]
    if "; " in last:
        found[-1] = last[:last.rindex("; ")].rstrip(" ,") + "."
        return " ".join(found)
    return " ".join(found[:-1])
