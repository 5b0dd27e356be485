"""The entries of a log note: a note titled as a log ("RL Study Log", "Reading log") holds what the writer did day by
day, each entry under a day's heading ("## Sep 12", "## Oct 3–8") or led by a bold day ("**Mon 17 Feb** — …"). What
the day did ("DQN on CartPole. Replay buffer 50k.", "Took forever.") is no card; a lesson the entry draws from what
it saw is, asked as a log's dated entry asks it (`lab_entries`):

    **Tue 4 Mar** — Loss went flat after the warm-up. Warm-up hides a too-high learning rate until it ends.
      →  Study log › Loss went flat after the warm-up. Why?  /  Warm-up hides a too-high learning rate …

A rule on the form of the title and of the entry's day, not on its words. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mlwiki.extract.daily import MONTH, WEEKDAY, is_day_stamp
from mlwiki.extract.lab_entries import GENERAL as _GENERAL, defines_a_term, lesson
from mlwiki.extract.log_furniture import asked_lesson, log_furniture
from mlwiki.extract.line_kinds import HEADING
from mlwiki.extract.lines import heading_level
from mlwiki.extract.log_rows import row_by_subject
from mlwiki.extract.log_scores import is_scores

# A note titled as a log: "Reading log", "RL Study Log", "Lab log — optimisers"
# ... or what it logs in brackets: "On-call log (ML models)"
_LOG_TITLE = re.compile(r"(?i)(?:.*[ \t])?(?:study|reading|lab|learning|research|paper|progress|training)?[ \t]*log"
                        r"(?:book)?(?:(?:[ \t]*:|[ \t]+[—–-])[ \t]*[^\n]{1,60}|[ \t]+\([^()\n]{1,40}\))?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?:[ \t]*[–—-][ \t]*\d{1,2})?"
# A day, with or without its weekday and year, or a span of days: "Sep 12", "Oct 3–8", "Mon 17 Feb", "2024-03-06"
# ... an ISO day's span, as a blog's log heads a week's entry: "2024-02-25 — 03-03", "2024-04-07 → 04-20"
# ... or to a day of the same month: "2024-10-04 / 07", "2024-10-15 — 18"
_ISO_SPAN = r"(?:[ \t]*(?:[–—→/-]|->)[ \t]*(?:(?:\d{4}-)?\d\d-)?\d\d(?!\d))?"
_STAMP = (rf"{WEEKDAY}(?:{MONTH}[ \t]+{_DAY}|{_DAY}[ \t]+{MONTH})"
          rf"(?:,?[ \t]+\d{{4}})?|\d{{4}}-\d\d-\d\d{_ISO_SPAN}")
# ... or a course's week, the unit a term's study log is kept in: "Week 7", "Week 3–4"
# ... and what the day was, after a separator: "2024-10-10 · session 2 (scaling laws)", "Sep 12 — tokenisation"
# (not a table row's "Jan 24: paper, takeaway?", the day and the columns it asks)
_DAY_HEADING = re.compile(rf"(?i)[ \t]*(?:{_STAMP}|week[ \t]+{_DAY})[ \t]*(?:[·|:—–][ \t]*[^\n·|:—–?]{{1,60}})?")
# An entry's paragraph led by its day in bold: "**Mon 17 Feb** — …", "**Sep 12:** …"
_BOLD_DAY = re.compile(rf"(?i)[ \t]*\*\*[ \t]*(?:{_STAMP})[ \t]*:?[ \t]*\*\*[ \t]*[:—–-]*[ \t]*")

# A table row of a log, carded as its fields: "- date: 21 Feb" (the row of the day the writer read or did something)
_DATE_FIELD = re.compile(r"(?im)^[ \t]*[-*][ \t]+(?:date|day|when)[ \t]*:[ \t]*\S")


# A lesson states how things are (`lab_entries.GENERAL`), not how the writer's day went ("finally made it make
# sense", "Lost an hour to …"); "Realised …" only says the writer learnt what follows
_LEARNT = re.compile(r"(?i)(?:reali[sz]ed|noticed|learn(?:ed|t)|turns out)(?:[ \t]+that)?[ \t]*,?[ \t]+")


def is_log(title: str) -> bool:
    """Whether a note's title names it a log ("Reading log", "RL Study Log"): its dated parts are entries."""
    return bool(title) and bool(_LOG_TITLE.fullmatch(title.strip()))


def log_entries_read(drafts: list, title: str, blocks: list = ()) -> list:
    """The drafts (`(siblings, heading path)` pairs) of a note titled `title` (its `blocks`: where its dated
    headings are); in a log, each card of a dated entry gives way to the lesson the entry states, if any (no card of
    what the day did); a table row keyed by its day (in a log, or by a full day anywhere) is asked by its next cell
    (`log_rows`)."""
    drafts = _rows_by_subject(drafts, _DAY_HEADING.fullmatch if is_log(title) else is_day_stamp)
    if not is_log(title):
        return drafts
    drafts = [(kept, path) for siblings, path in drafts
              if (kept := [d for d in siblings if not is_scores(d.back) and not log_furniture(d)])]
    # (a log's "Leaf set: probe 71%, fine-tune 84%": the writer's run, no fact; its plan, its lessons about nothing)
    dated = dated_lines(blocks)
    kept = []
    for siblings, path in drafts:
        if defines_a_term(siblings[0]) or not any(_entry(draft, path) or _opens_dated(draft, dated)
                                                  for draft in siblings):  # (a term the entry defines: kept)
            kept.append((siblings, path))
            continue
        where = title.strip()
        for draft in siblings:
            text = _BOLD_DAY.sub("", draft.back, count=1) if _BOLD_DAY.match(draft.back) else draft.back
            if (found := lesson(text)) is not None and _GENERAL.search(found[1]):
                back = _LEARNT.sub("", found[1], count=1) if _LEARNT.match(found[1]) else found[1]
                kept.append(([replace(draft, front=f"{where} › {found[0]} Why?", back=back, id_front="")], path))
    return kept


def _opens_dated(draft, dated: set[int]) -> bool:
    """Whether a card under a day's heading asks its paragraph by the paragraph's own opening ("… › Pruning post.
    `x` exists —" over "Pruning post. `x` exists — had been …"): the day's text under another path. A part the writer
    labelled ("gotcha: …", its label on the front only) and a lesson asked already keep their cards."""
    if draft.line not in dated or asked_lesson(draft):
        return False
    label = draft.front.rpartition("\n\n")[2].rpartition(" › ")[2].rstrip(" \t—–-:")
    return bool(label) and draft.back.lstrip().startswith(label)


def dated_lines(blocks: list) -> set[int]:
    """The line numbers under a day's heading of a note's `blocks`, up to the next heading as high or higher: a dated
    entry's lines, whichever heading path their cards were given."""
    dated: set[int] = set()
    level = 0  # (of the open dated heading; 0: none open)
    for block in blocks:
        if block.kind == HEADING:
            here = heading_level(block.lines[0])
            if level and here > level:
                continue
            level = here if _DAY_HEADING.fullmatch(block.lines[0].text) else 0
        elif level:
            dated.update(range(block.start, max(block.end, block.lines[-1].no) + 1))
    return dated


def _rows_by_subject(drafts: list, is_day) -> list:
    """The drafts, each card of a table row keyed by a day (`is_day`) asked by the row's subject, or dropped."""
    out = []
    for siblings, path in drafts:
        kept = [row_by_subject(d, is_day) if d.form == "table-row" else d for d in siblings]
        if kept := [d for d in kept if d is not None]:
            out.append((kept, path))
    return out


def _entry(draft, path: str) -> bool:
    """Whether a card is of a log's dated entry: under a day's heading, of a paragraph led by its day in bold, or of a
    table row with a date column. A part under the day ("week 9 › Wed", "2024-04-29 — rollback › Cause") is the day's
    too."""
    return any(_DAY_HEADING.fullmatch(part) for part in path.split(" › ")[1:]) or bool(_BOLD_DAY.match(draft.back)) \
        or bool(_DATE_FIELD.search(draft.back))
