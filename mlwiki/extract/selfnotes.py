"""The writer's notes to self, which no card read out of prose holds: to-do lines ("TODO: compare to SWA", "- [ ]
rerun with the cosine schedule"), link-only lines ("Back to [[Optimizers MOC]]").
"""

from __future__ import annotations

import re

from mlwiki.extract.passages import LINKS_LINE
from mlwiki.extract.prose import one_break, sentences

_TODO = re.compile(r"(?im)^[ \t]*(?:[-*+][ \t]+)?(?:\[[ xX]?\][ \t]+)?(?:\*\*)?#?(?:TODO|FIXME|XXX)\b(?:\*\*)?[:.\s][^\n]*$"
                   r"\n?")  # (Obsidian's "#todo" tag too; "TODO. Something about …" as well as "TODO: …")
# a task box: "- [ ] rerun with the cosine schedule", "- [x] read the DDIM paper": the writer's chores, done or not
_TASK = re.compile(r"(?m)^[ \t]*[-*+][ \t]+\[[ xX]\][ \t]+[^\n]*$\n?")
# A to-do or task that states a fact on its way ("- [ ] check why rejection sampling needs an envelope $M q \ge
# \tilde p$"): its formula with a relation is the fact, kept once the chore around it is off
_STATES = re.compile(r"\$[^$\n]*(?:=|\\[lg]eq?\b|\\propto|\\approx|[<>≤≥])[^$\n]*\$")
_CHORE = re.compile(r"(?i)[ \t]*(?:[-*+][ \t]+)?(?:\[[ xX]?\][ \t]+)?(?:\*\*)?#?(?:(?:TODO|FIXME|XXX)\b(?:\*\*)?[:.]?[ \t]*)?"
                    r"(?:(?:check|verify|prove|derive|show|write up|look up|read up on|figure out|understand|find out)"
                    r"(?:[ \t]+(?:that|why|how|whether))?[ \t]+)?")
# a to-do the writer left after a sentence: "… randomly skip merges during encoding. TODO read it"
_TODO_TAIL = re.compile(r"(?:(?<=[.!?)])[ \t]+|[ \t]+[—–][ \t]*)(?:TODO|FIXME|todo)\b[^\n]*")  # (or after a dash:
# "… work later (ch-duality) — TODO: actually read the proof"; in lower case too once a sentence has ended, "…
# inside the kernel instead. todo read")
# a bare "TODO" label over a list: every item under it is a to-do ("TODO\n- read the sampled-metrics paper properly")
_TODO_LIST = re.compile(r"(?im)^[ \t]*(?:\*\*)?(?:todo|to[- ]do)s?(?:\*\*)?:?(?:\*\*)?[ \t]*\n"
                        r"(?:[ \t]*(?:[-*+]|\d+[.)])[ \t][^\n]*(?:\n|$)|[ \t]+\S[^\n]*(?:\n|$))*")
_LINKS = re.compile("(?im)^" + LINKS_LINE + r"$\n?")  # (a line that only points at other notes, as a passage leaves out)


def off_the_back(draft) -> bool:
    """To-do lines and link-only lines off a card's back; False when they were all it held."""
    if "TODO" in draft.back or "todo" in draft.back or "FIXME" in draft.back or "XXX" in draft.back or "[[" in draft.back or \
            "do\n" in draft.back or "](" in draft.back or "[ ]" in draft.back or "[x]" in draft.back or "[X]" in draft.back:
        if (_TODO.fullmatch(draft.back.strip()) or _TASK.fullmatch(draft.back.strip() + "\n")) \
                and not _STATES.search(draft.back):
            return False  # ("TODO: add a chapter on rate–distortion?": the whole card is a to-do)
        back = _LINKS.sub("", _TASK.sub(_chore, _TODO.sub(_chore, _TODO_LIST.sub("", draft.back))))
        back = _TODO_TAIL.sub("", back)
        back = one_break(back).strip()
        if not back:  # (a back that is all to-do under a "TODO" label is no card; else as written)
            return _TODO_LIST.sub("", draft.back).strip() != ""
        draft.back = back
    return True


def _chore(todo: re.Match) -> str:
    """A to-do line off a back, or the fact it states without the chore around it ("- [ ] check why rejection sampling
    needs an envelope $M q \\ge \\tilde p$" → "Rejection sampling needs an envelope …")."""
    line = todo.group(0)
    if not _STATES.search(line):
        return ""
    fact = " ".join(s for s in sentences(line[_CHORE.match(line).end():]) if _STATES.search(s))  # (not "… proof.")
    fact = re.sub(r"^(?:also|and|plus)[ \t]+", "", fact, flags=re.I)
    return fact[:1].upper() + fact[1:] + ("\n" if line.endswith("\n") else "")
