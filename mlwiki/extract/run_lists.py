"""A list that logs the writer's runs, one item a run named by its id and what it scored:

    **Coursework log (what I tried, in order)**
    - v1: LSTM(64), L = 48, global min-max scaling, MSE loss → MAE 455
    - v2: L = 336 (one week) → 389
    - v3: + calendar features → 342

Each item was carded as "… › v3" over "+ calendar features → 342": what one of the writer's runs changed and scored,
which no learner recalls and which names no subject (v3 is the writer's label). What the runs show is the writer's
sentence after them ("the input representation mattered far more than the model class"), carded as any. As a table of
runs (`run_logs`) is, the list is such a log when two or more cards under one heading are asked by a run's id alone
and each back reports a result, a number after an arrow; the log's own card keeps only what is not a run. Pure:
drafts in, drafts out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from mlwiki.extract.draft import written_by_hand
from mlwiki.extract.run_logs import RUN_ID, RUN_ID_PATTERN

MIN_RUNS = 2
# A run's line on the log's own card: its id alone (its text went to the run's card) or its id and its result
_RUN_LINE = re.compile(rf"[ \t]*[-*+][ \t]+{RUN_ID_PATTERN}(?:[ \t]*:[^\n]*(?:→|->|⇒)[^→\n]*\d[^\n]*)?[ \t]*", re.I)
_RESULT = re.compile(r"(?:→|->|⇒)[^→\n]*\d[^→\n]*$")  # ("… → 342", "→ MAE 455, worse than …": what the run scored)


def without_run_lists(drafts: list) -> list:
    """The drafts (`(siblings, heading path)` pairs) without the cards of a run log's items (see the module's doc);
    the writer's own cards stay."""
    runs = [_parent(group[0]) if len(group) == 1 and _is_run(group[0]) else None for group, _ in drafts]
    logs = {parent for parent, n in Counter(p for p in runs if p is not None).items() if n >= MIN_RUNS}
    if not logs:
        return drafts
    out = []
    for (group, path), parent in zip(drafts, runs):
        if parent in logs:
            continue
        if len(group) == 1 and group[0].front in logs and not written_by_hand(group[0]):
            back = "\n".join(line for line in group[0].back.split("\n") if not _RUN_LINE.fullmatch(line))
            if not back.strip():
                continue  # (the log's own card: its runs, by id, and nothing else)
            group = [replace(group[0], back=back.strip("\n"))]
        out.append((group, path))
    return out


def _is_run(draft) -> bool:
    """Whether a card is asked by a run's id alone ("… › v3", no text under it) and reports a result."""
    if written_by_hand(draft) or "\n" in draft.front or " › " not in draft.front:
        return False
    return bool(RUN_ID.fullmatch(draft.front.rsplit(" › ", 1)[1].strip())) and bool(_RESULT.search(draft.back.strip()))


def _parent(draft) -> str:
    """The path above a run's id: the log the run is an item of."""
    return draft.front.rsplit(" › ", 1)[0]
