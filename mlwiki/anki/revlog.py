"""Anki's review log (revlog) read into mlwiki's terms: which rows are reviews. Pure functions.

revlog columns (anki 26.9): id (ms, unique per collection), cid, usn, ease 1–4 (0: not a review), ivl and
lastIvl (days when > 0, seconds when < 0), factor (with FSRS ((D−1)/9 + 0.1)·1000), time (ms), type (0 learn,
1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled).

What counts, as Anki's FSRS counts it (`reviews_for_fsrs`, rslib/src/scheduler/fsrs/params.rs): rows with
ease > 0, except cramming (type 3 with factor 0). A type 4 row with factor 0 is a reset ("Forget"): the card is
new again and earlier rows no longer shape its memory. Other ease-0 rows (set due date, reschedule) move a due
date only. mlwiki keeps resets in its log as rating 0 (replay starts the card afresh there) and skips the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from mlwiki.export.revlog import FILTERED, LEARN, MANUAL, RELEARN, REVIEW
from mlwiki.models import State


@dataclass(frozen=True)
class RevlogRow:
    """One row of Anki's revlog, with the note GUID and card ord that name its card."""

    id: int
    cid: int
    ease: int
    ivl: int
    last_ivl: int
    factor: int
    time_ms: int
    type: int
    guid: str | None = None
    ord: int | None = None

    @property
    def reviewed_at(self) -> datetime:
        return datetime.fromtimestamp(self.id / 1000, tz=timezone.utc)


def classify(row: RevlogRow) -> str:
    """'review', 'reset', 'cramming' or 'manual' (a due date set by hand: not a review)."""
    if row.type == FILTERED and row.factor == 0:
        return "cramming"
    if row.ease == 0:
        return "reset" if row.type == MANUAL and row.factor == 0 else "manual"
    return "review"


def state_before_of(row: RevlogRow) -> int | None:
    """The card state a pulled review was made from, as far as the revlog type says."""
    states = {LEARN: State.LEARNING, REVIEW: State.REVIEW, RELEARN: State.RELEARNING, FILTERED: State.REVIEW}
    return states.get(row.type)


