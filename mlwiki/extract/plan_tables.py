"""A table of the writer's plan for their own notes: a book's parts or chapters, the topics each covers, and how far
the writer got with it ("| Estimation | point estimates, conjugacy | mostly done |"). Its rows say what is where and
what is left to write, no fact of any topic: what each part teaches is on that part's own cards. Pure."""

from __future__ import annotations

import re

# A column of the writer's progress on their own work: its header, and a progress phrase somewhere in each cell
# ("mostly done", "Gaussians half-done", "EM/VI not started"); a reading log's "read"/"skimmed" is not this kind
_PROGRESS_HEAD = re.compile(r"(?i)[ \t*_]*(?:status|state|progress|stage|done\??)[ \t*_:]*")
_PROGRESS = re.compile(r"(?i)(?<![\w-])(?:(?:half|mostly|nearly|almost|not)[- ](?:done|started|finished|written)|done|"
                       r"to-?do|wip|in progress|draft(?:ed)?|not started|unfinished|planned|pending|started|finished|"
                       r"empty|stub|tbd|upcoming|scheduled|skipped|cancell?ed)(?:-ish)?(?![\w-])")
_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_MAX_TOPIC_WORDS = 3  # (a topic's name: "point estimates", "bias–variance"; a longer item says something)


def is_work_plan(header: list[str], rows: list[tuple[int, list[str]]]) -> bool:
    """Whether a table is the writer's plan of their own notes (see the module's docstring): a progress column
    (`_PROGRESS_HEAD`, each cell holding a `_PROGRESS` phrase), and every other cell but the row's name a short name
    or a list of topics' names ("Monte Carlo, IS, EM, VI"), no statement."""
    if not rows or any(len(cells) != len(header) for _, cells in rows):
        return False
    status = [c for c in range(1, len(header)) if _PROGRESS_HEAD.fullmatch(header[c])
              and all(_PROGRESS.search(cells[c]) for _, cells in rows)]
    if not status:
        return False
    return all(_topics(cells[c]) for _, cells in rows for c in range(1, len(header)) if c not in status)


def _topics(cell: str) -> bool:
    """Whether a cell only names topics: no math, no sentence, each comma-separated item a few words."""
    if "$" in cell or "\\(" in cell or "=" in cell or ". " in cell:
        return False
    cell = _LINK.sub(r"\1", cell)  # (a session's deck named by a link to it: "[TD learning](05-td.qmd)")
    return all(len(item.split()) <= _MAX_TOPIC_WORDS for item in re.split(r"[,/]", cell))
