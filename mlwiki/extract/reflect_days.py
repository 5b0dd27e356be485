"""A Reflect daily note, read as Reflect shows it: the day's entries as its sections.

Reflect titles a daily note with its day as "Mon, February 17th, 2025" (or "February 17th, 2025") and the writer fills it as one outline: each
entry of the day a top-level bullet ("- Lecture 6 — Losses & likelihoods #lecture"), what was learnt under it as
nested bullets, and tasks as Reflect writes them (`+ [x]`). Read as one nested list, the entries' items sat two and
three levels down, where no card reads a list (a day's lecture notes made no card). Each entry whose nested items
mark what the writer took from it (a highlight, `==…==`, or a bold phrase: Reflect's writers mark the day's
takeaways so) is the section it stands for: a heading of its words (its tags, which only file the entry, left off)
over its items, one level out. An entry that marks nothing (the day's plan, tasks, errands, links saved, how the day
went) is the day's log, on no card; it would otherwise read as part of the section above it. A day that marks
takeaways in fewer than two entries is read as before.

    # Mon, February 17th, 2025                  # Mon, February 17th, 2025
    - Lecture 6 — Losses & likelihoods #lecture  ## Lecture 6 — Losses & likelihoods
      - MSE ↔ Gaussian likelihood                 - MSE ↔ Gaussian likelihood
        - minimising MSE is …                       - minimising MSE is …

A note is read so only when its title is a day written as Reflect writes it and its entries are top-level
bullets. Pure: a note's text in, its text out, line for line.
"""

from __future__ import annotations

import re

from mlwiki.extract.daily import MONTH
from mlwiki.render.spans import fenced_lines

# Reflect's daily-note title: weekday, month, ordinal day, year ("Mon, February 17th, 2025", "Tue, March 4th, 2025")
_DAY_TITLE = re.compile(rf"(?i)#[ \t]+(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,[ \t]+)?{MONTH}[ \t]+\d{{1,2}}"
                        r"(?:st|nd|rd|th),[ \t]+\d{4}[ \t]*")
_ENTRY = re.compile(r"[-*][ \t]+(?P<text>\S.*)")  # (a top-level bullet; `+` is a Reflect task, never an entry)
_NESTED = re.compile(r"(?P<indent>[ \t]+)\S")
_TAGS = re.compile(r"(?:[ \t]+#[^\W\d][\w/-]*)+[ \t]*$")  # ("… likelihoods #lecture #week2": filing, not words)
# A highlight or a bold phrase ("==… $q(x) = 2^{-L(x)}$ …==": a formula's "=" inside it)
_MARKED = re.compile(r"==[^=\s](?:[^=\n]|=(?!=))*==|\*\*[^*\s][^*\n]*\*\*")
_TASK = re.compile(r"[+*-][ \t]+\[[ xX]\]")  # (a task entry: "- [ ] gym" is no section, whatever it holds)
MIN_ENTRIES = 2  # (a day's outline: more than one entry holding items)


def as_reflect_day_shows(body: str) -> str:
    """`body` with a Reflect daily note's entries as sections (see the module's docstring); `body` itself when it is
    no Reflect daily note."""
    if "th, " not in body and "st, " not in body and "nd, " not in body and "rd, " not in body:
        return body  # (no Reflect day title: said cheaply)
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    title = next((k for k, line in enumerate(lines) if line.startswith("#") and not fenced[k]), None)
    if title is None or not _DAY_TITLE.fullmatch(lines[title]):
        return body
    entries = [k for k in range(title + 1, len(lines)) if not fenced[k] and _holds_items(lines, k)]
    marked = [k for k in entries if _marks_takeaway(lines, k)]
    if len(marked) < MIN_ENTRIES:
        return body  # (a day that marks no takeaways: its outline read as before)
    k = title
    while (k := k + 1) < len(lines):
        if fenced[k] or not _ENTRY.fullmatch(lines[k]) and not _TASK.match(lines[k]):
            continue
        end = _entry_end(lines, k)
        if k in marked:
            lines[k] = "## " + _TAGS.sub("", _ENTRY.fullmatch(lines[k]).group("text")).strip()
            step = _NESTED.match(lines[k + 1]).group("indent")
            for j in range(k + 1, end):
                lines[j] = lines[j][len(step):] if lines[j].startswith(step) else lines[j].lstrip(" \t")
        elif not _MARKED.search(lines[k]):
            lines[k:end] = [""] * (end - k)  # (the day's log: its plan, errands, links and how it went)
        k = end - 1  # (its items, one level out now, are no entries)
    return "\n".join(lines)


def _entry_end(lines: list[str], k: int) -> int:
    """The line after the last one nested under entry `k`."""
    for j in range(k + 1, len(lines)):
        if lines[j].strip() and not lines[j].startswith((" ", "\t")):
            return j
    return len(lines)


def _holds_items(lines: list[str], k: int) -> bool:
    """Whether line `k` is a top-level bullet (no task) with items nested right under it."""
    if not (entry := _ENTRY.fullmatch(lines[k])) or _TASK.match(lines[k]) or not _TAGS.sub("", entry.group("text")):
        return False
    return k + 1 < len(lines) and bool(_NESTED.match(lines[k + 1])) and lines[k + 1].lstrip()[:1] in "-*+"


def _marks_takeaway(lines: list[str], k: int) -> bool:
    """Whether the items nested under entry `k` mark a takeaway: a highlight or a bold phrase outside code."""
    for line in lines[k + 1:]:
        if line.strip() and not line.startswith((" ", "\t")):
            return False
        if _MARKED.search(re.sub(r"`[^`\n]*`", "", line)):
            return True
    return False
