"""Whether a list's heading path is a day's: a daily or journal note's ("2024-05-09 › Office hours notes") or a
log's dated entry ("Reading log › 2024-03-04"). Its bullets are what the day held, unrelated to one another: a
sibling bullet shown beside a hidden one gives no cue to it, so `list_clozes` asks each bullet alone by its own
cue ("- The soft-margin primal [...]"), and shows the others only when the bullet has none. Pure: text in, bool out.
"""

from __future__ import annotations

from mlwiki.extract.daily import is_date, is_day_stamp


def dated(path: str) -> bool:
    """Whether a heading path is a day's: its title only a date, or one of its headings a day written in full."""
    heads = path.split(" › ")
    return is_date(heads[0]) or any(is_day_stamp(head) for head in heads)
