"""The questions a writer leaves open at the end of a thought, which no card answers:

    - Repulsive ensembles: a kernel term pushes the members apart. Would three then do the work of five? Ask in class.
      →  the back ends on "… pushes the members apart."
    Open q: could fewer members give the same diversity? → [[inbox]]
      →  no card: a question, and nothing that answers it

A back's closing sentences that ask (and the chore after them, "Ask in class.", "Check.") are the writer's open
question, not the fact the card asks for; a back that is nothing else is no card unless its front asks something
(an answer to its front's question). Pure: strings in, strings out.
"""

from __future__ import annotations

import re

from mlwiki.extract.lines import LIST_ITEM
from mlwiki.extract.prose import sentences

# The chore a writer adds after an open question: "Ask in office hours.", "Check.", "Try it."
_CHORE = re.compile(r"(?i)(?:to\s+)?(?:ask|try|check|test|verify|investigate|confirm|look it up)\b[^.!?\n]{0,40}[.!]?")
# A label that says the line is an open question: "Open q:", "Open question:", "Open:"
_OPEN_LABEL = re.compile(r"(?i)[ \t]*(?:[-*+][ \t]+)?(?:\*\*)?open(?:[ \t]+(?:q|qs|questions?))?(?:\*\*)?[ \t]*:")
# What points away after the question: "→ [[inbox]]", "(see [[x]])"
_POINTER_TAIL = re.compile(r"[ \t]*(?:→|->)[ \t]*\[\[[^\]\n]+\]\][ \t]*\Z")


def without_open_question(back: str, front: str) -> str | None:
    """The back without the question its writer left open at its end; '' when that was all it said (and its front
    asks nothing, or a label calls it open); None when there is none (the back as it was)."""
    if "?" not in back:
        return None
    head, last = _last_part(back.rstrip())
    if last.lstrip()[:1] in ("$", "|", "`") or "$$" in last:
        return None  # (a formula, a table or code: as written)
    text = " ".join(_POINTER_TAIL.sub("", last).split())
    if _OPEN_LABEL.match(text):
        return head.rstrip()
    found = sentences(text)
    k = len(found)
    while k and _CHORE.fullmatch(found[k - 1].strip()):
        k -= 1
    asked = k
    while asked and found[asked - 1].rstrip().endswith("?"):
        asked -= 1
    if asked == k:
        return None  # (it ends on no question)
    if asked == 0 and not head.strip() and front.rstrip().endswith("?"):
        return None  # (a question answered by a question: as written)
    return f"{head}{' '.join(found[:asked])}".rstrip()


def _last_part(back: str) -> tuple[str, str]:
    """(what comes before, the last paragraph or list item of a back)."""
    cut = back.rfind("\n\n") + 2 if "\n\n" in back else 0
    lines = back[cut:].split("\n")
    item = max((k for k, line in enumerate(lines) if LIST_ITEM.match(line) and line[:1] not in " \t"), default=0)
    before = back[:cut] + "".join(line + "\n" for line in lines[:item])
    return before, "\n".join(lines[item:])
