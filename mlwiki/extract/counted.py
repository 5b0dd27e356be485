"""Counted lists: a list whose introduction ends by counting its items is a card, even when the sentence is a
tutorial's narration or the items are only names.

    we'll look at three common ways to regularize a network:     →   … › Regularization
    1. **Weight decay**                                              Three common ways to regularize a network:
    2. **Dropout**                                                   →  1. Weight decay / 2. Dropout / 3. Early stopping
    3. **Early stopping**

"In this section we describe the two main parts of X:" walks the reader on, and "- Neighbour sampling" explains
nothing: each is refused on its own (`passages`). Together they say something a learner cards: what the parts of
X are, and how many. The counted phrase, said as the front, asks exactly that. A number word must match the
number of items ("three … methods:" over four items counts something else); "several" and "a few" count any
short list. Pure: the introducing sentence and the list's lines in, (front text, back) out.
"""

from __future__ import annotations

import re

from mlwiki.extract.lines import LIST_ITEM, Line
from mlwiki.extract.passages import MAX_ITEMS
from mlwiki.extract.prose import clean_prose

FORM = "counted-list"
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
# "… [the] three [common] regularization methods [of X]:" closing the sentence: the count, then a plural noun
# phrase of a few words ("the" before the count is kept: "The two main components of GraphSAGE"; "these", "its"
# point back at what the card does not show and are left out)
_COUNTED = re.compile(r"(?i)\b(?P<det>the\s+)?(?P<count>two|three|four|five|six|seven|eight|"
                      r"several|a few)\s+(?P<kind>(?:[\w-]+\s+){0,4}?[a-z][\w-]*s)(?P<of>\s+(?:of|for|in|to)\s+"
                      r"(?:[\w.-]+\s+){0,2}[\w.-]+)?\s*:\s*$")
# What a page counts, not a subject: "the two following sections", "three parts of this post"
_PAGE_WORDS = frozenset("""sections chapters parts posts pages lectures videos notebooks cells lines examples
exercises things ones""".split())
MAX_ITEM_WORDS = 20  # a name or a short phrase; longer items are explanations, which `passages` judges
_WORD = re.compile(r"[A-Za-z]{3,}")
_MATH = re.compile(r"\$[^$\n]*\$")


def counts(intro: str) -> bool:
    """Whether a short introduction counts what its list holds ("Three operations:"): it says what the list is."""
    return _COUNTED.search(intro) is not None


def counted_list(intro: str, items: list[Line]) -> tuple[str, str] | None:
    """(front text, back) when the introduction ends by counting the items that follow ("… two useful
    applications of DeepWalk:" over two items); None otherwise."""
    match = _COUNTED.search(intro)
    if match is None or match.group("kind").split()[-1].casefold() in _PAGE_WORDS:
        return None
    tops = [line for line in items if LIST_ITEM.match(line.text) and not line.text[:1].isspace()]
    count = _NUMBERS.get(match.group("count").casefold())
    if not 2 <= len(tops) <= MAX_ITEMS or (count is not None and count != len(tops)):
        return None
    names: list[str] = []  # (each top-level item with its continuation lines)
    for line in items:
        if line in tops:
            names.append("")
        if names:
            names[-1] = f"{names[-1]} {clean_prose(LIST_ITEM.sub('', line.text, count=1))}".strip()
    if any(len(name.split()) > MAX_ITEM_WORDS or not _WORD.search(_MATH.sub("", name)) for name in names):
        return None  # (explanations: the list is a passage, or no card at all, as `passages` says; "(1, 2)" and
        # "$x_3$" are an example's values, not names of kinds)
    phrase = match.group(0).rstrip(": \t")
    front = phrase[:1].upper() + phrase[1:] + ":"
    back = "\n".join(line.text.rstrip() for line in items if line.text.strip())
    return front, back
