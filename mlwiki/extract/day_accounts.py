"""The opening of a day's note that tells the day, not the subject: "Started the RL block today. Plan: lectures 1–5,
the book alongside.", "Sunday, long session. Two things: (1) re-derive …, (2) get my own PPO working.", "Q-learning
day. Code lives in [Q-learning](…)." A journal's entry opens on what the writer did, is doing or means to do that
day; `daily` reads the day's subject from it, and the card of the opening paragraph asks it under that subject.
Each such sentence leaves that card; the card goes when none is left (a fact the opening states, "The bootstrap
resamples the data with replacement.", stays on it).

A sentence tells the day when it names the day or the session ("today", "this morning", a weekday, "long session",
"… day."), lists the writer's plan or goals ("Plan: …", "Two things: …"), opens on what the writer did with the
"I" left out ("Started …", "Set up …", "Spent …") or only points to where something is kept ("Code lives in
[Q-learning](…)."). Rules on a sentence's form, never its subject's words. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.draft import backs_cut
from mlwiki.extract.nav_lines import is_navigation
from mlwiki.extract.prose import sentences

_DAY = re.compile(r"(?i)\b(?:today|tonight|this[ \t]+(?:morning|afternoon|evening)|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
                  r"(?:long|short|quick|late|evening|morning)[ \t]+session)\b|^[^.!?:]{1,40}[ \t]day[.!]$")
# Where the writer keeps something, a link: "Code lives in the [Q-learning](…) card."
_KEPT_IN = re.compile(r"(?i)[^.!?\[]{1,40}\b(?:lives?|is|are|kept|sits?|goes)[ \t]+(?:in|at|on|under)[ \t]+(?:the[ \t]+|my[ \t]+)?"
                      r"(?:\[[^\]\n]*\]\([^)\n]*\)|\[\[[^\]\n]*\]\])(?:[ \t]+\w+)?[ \t]*[.!]?")
_PLAN = re.compile(r"(?i)[\W_]*(?:(?:the[ \t]+)?plan|goals?|aims?|to-?dos?|(?:two|three|four|a[ \t]+few)[ \t]+things)[ \t]*:")
# What the writer did, the "I" left out: "Started the block today.", "Set up a board with three sections."
_DID = re.compile(r"[\W_]*(?:Started|Set[ \t]+up|Spent|Finished|Closed|Tried|Switched|Wrote|Watched|Went|Did|Worked|"
                  r"Continued|Resumed|Picked[ \t]+up|Skimmed|Re-?read|Moved|Added|Rewrote|Created|Made)\b")


def without_day_accounts(drafts: list, dated: str, subject: str) -> list:
    """The drafts (sibling groups with their heading paths) of a note titled by its date (`dated`, "" for any other
    note) with the sentences that tell the day off the card of its opening (its front the day's `subject` alone), and
    that card dropped when none is left (see the module's doc). A card's id is its front's: kept."""
    if not dated or not subject:
        return drafts
    return backs_cut(drafts, _without_account, lambda draft: draft.front.strip() == subject)


def _without_account(back: str) -> str:
    """The back without the sentences of its first paragraph that tell the day; the rest as written."""
    first, sep, rest = back.strip().partition("\n\n")
    if "\n" in first:
        return back  # (a list or a formula opens it: no account of the day)
    said = [s for s in sentences(first) if s.strip()]
    left = [s for s in said if not tells_day(s)]
    if len(left) == len(said):
        return back
    return "\n\n".join(part for part in (" ".join(left), rest) if part)


def tells_day(sentence: str) -> bool:
    """Whether a sentence of a day's opening tells the day rather than the subject (see the module's doc)."""
    text = sentence.strip()
    if "$" in text:
        return False
    return bool(_DAY.search(text) or _PLAN.match(text) or _DID.match(text) or is_navigation(text)
                or _KEPT_IN.fullmatch(text))
