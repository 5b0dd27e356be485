"""Anki's review log (revlog): its kinds and columns, read into mlwiki's terms and written from mlwiki's log.
Pure functions.

revlog columns (anki 26.9): id (ms, unique per collection), cid, usn, ease 1–4 (0: not a review), ivl and
lastIvl (days when > 0, seconds when < 0), factor (with FSRS ((D−1)/9 + 0.1)·1000), time (ms), type (0 learn,
1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled).

What counts, as Anki's FSRS counts it (`reviews_for_fsrs`, rslib/src/scheduler/fsrs/params.rs): rows with
ease > 0, except cramming (type 3 with factor 0). A type 4 row with factor 0 is a reset ("Forget"): the card is
new again and earlier rows no longer shape its memory. Other ease-0 rows (set due date, reschedule) move a due
date only. mlwiki keeps resets in its log as `RESET_RATING` (replay starts the card afresh there), writes them as
Anki writes "Forget" (type 4, ease 0, factor 0) and skips the rest.

Anki's FSRS starts a card's history at its last block of learn rows (type 0), so the first review of a card,
and the first after a reset, is always written as type 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from enum import IntEnum

from mlwiki.models import RESET_RATING, State


class RevlogKind(IntEnum):
    """What a revlog row is: its `type` (0–5), and the two kinds told apart by the ease factor too: CRAM (type 3,
    factor 0: studied in a filtered deck without rescheduling) and RESET (type 4, factor 0: "Forget")."""

    LEARN = 0
    REVIEW = 1
    RELEARN = 2
    FILTERED = 3
    MANUAL = 4
    RESCHEDULED = 5
    CRAM = 6
    RESET = 7


LEARN, REVIEW, RELEARN, FILTERED, MANUAL, RESCHEDULED = (RevlogKind.LEARN, RevlogKind.REVIEW, RevlogKind.RELEARN,
                                                         RevlogKind.FILTERED, RevlogKind.MANUAL, RevlogKind.RESCHEDULED)
# mlwiki logs the state a card was in when answered; Anki logs the same thing as the revlog type
KIND_OF_STATE = {State.NEW: LEARN, State.LEARNING: LEARN, State.REVIEW: REVIEW, State.RELEARNING: RELEARN}
MAX_ANSWER_MS = 3_600_000  # Anki caps a review's recorded time at an hour


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


def anki_factor(difficulty: float | None) -> int:
    """Anki's revlog factor for an FSRS difficulty (1–10)."""
    if difficulty is None:
        return 0
    return int(round(((difficulty - 1) / 9 + 0.1) * 1000))


def anki_interval(days: float | None) -> int:
    """An interval as Anki stores it: whole days when a day or more, else negative seconds."""
    if not days:
        return 0
    return max(1, round(days)) if days >= 1 else -max(1, round(days * 86400))


def revlog_type(state_before: int | None, rating: int, first: bool) -> int:
    """The revlog type for a review made from `state_before` (unknown: learn when first, else review)."""
    if rating == RESET_RATING:
        return _MANUAL
    if state_before is None:
        return _LEARN if first else _REVIEW
    return _TYPE_OF_STATE[state_before]


_MANUAL, _LEARN, _REVIEW = int(MANUAL), int(LEARN), int(REVIEW)
_TYPE_OF_STATE = {int(state): int(kind) for state, kind in KIND_OF_STATE.items()}  # plain ints: one per review


REVIEW_FIELDS = ("anki_id", "rating", "duration_ms", "state_before", "scheduled_days", "difficulty")


def revlog_rows(reviews: list, cid: int) -> list[tuple]:
    """revlog rows (id, cid, usn, ease, ivl, lastIvl, factor, time, type) for one card's reviews in time order.

    Each review needs the REVIEW_FIELDS: `anki_id`, `rating`, `duration_ms`, `state_before`, `scheduled_days` and
    `difficulty`."""
    rows: list[tuple] = []
    last_ivl = 0
    first = True
    for review in reviews:
        rating = review["rating"]
        kind = revlog_type(review["state_before"], rating, first)
        if rating == RESET_RATING:
            rows.append((review["anki_id"], cid, -1, 0, 0, last_ivl, 0, 0, kind))
            last_ivl, first = 0, True
            continue
        ivl = anki_interval(review["scheduled_days"])
        rows.append((review["anki_id"], cid, -1, rating, ivl, last_ivl, anki_factor(review["difficulty"]),
                     max(0, min(int(review["duration_ms"] or 0), MAX_ANSWER_MS)), kind))
        last_ivl, first = ivl, False
    return rows
