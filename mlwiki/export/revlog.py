"""mlwiki's reviews and card states as Anki stores them: revlog rows and card scheduling columns. Pure.

revlog columns (anki 26.9): id (ms, unique per collection), cid, usn, ease 1–4 (0: not a review), ivl and
lastIvl (days when > 0, seconds when < 0), factor (with FSRS ((D−1)/9 + 0.1)·1000), time (ms), type (0 learn,
1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled). A reset (rating 0 in mlwiki's log) is written as
Anki writes "Forget": type 4, ease 0, factor 0.

Anki's FSRS starts a card's history at its last block of learn rows (type 0), so the first review of a card,
and the first after a reset, is always written as type 0.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from mlwiki.models import State

LEARN, REVIEW, RELEARN, FILTERED, MANUAL, RESCHEDULED = range(6)
RESET_RATING = 0  # a reset in mlwiki's log: replay starts the card afresh

# card.type and card.queue values
TYPE_NEW, TYPE_LEARN, TYPE_REVIEW, TYPE_RELEARN = range(4)
QUEUE_SUSPENDED, QUEUE_NEW, QUEUE_LEARN, QUEUE_REVIEW, QUEUE_DAY_LEARN = -1, 0, 1, 2, 3


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
        return MANUAL
    if state_before is None:
        return LEARN if first else REVIEW
    return {State.NEW: LEARN, State.LEARNING: LEARN, State.REVIEW: REVIEW, State.RELEARNING: RELEARN}[state_before]


def revlog_rows(reviews: list, cid: int) -> list[tuple]:
    """revlog rows (id, cid, usn, ease, ivl, lastIvl, factor, time, type) for one card's reviews in time order.

    Each review needs `anki_id`, `rating`, `duration_ms`, `state_before`, `scheduled_days` and `difficulty`."""
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
                     max(0, min(int(review["duration_ms"] or 0), 3_600_000)), kind))
        last_ivl, first = ivl, False
    return rows


@dataclass(frozen=True)
class AnkiSchedule:
    """The scheduling columns of one Anki card."""

    type: int
    queue: int
    due: int
    ivl: int
    reps: int
    lapses: int
    left: int
    data: str
    last_review_secs: int | None
    stability: float | None
    difficulty: float | None


def card_schedule(state, today: int, days_until_due: int, steps_left: int, suspended: bool,
                  position: int) -> AnkiSchedule:
    """Anki's columns for a card whose mlwiki state is `state` (mlwiki.review.schedule.CardState).

    `today` is the target collection's day number; `days_until_due` counts study days from today to the due
    date. Learning cards due today carry their due time in seconds (Anki's learning queue), later ones a day.
    """
    if state.state == State.NEW or state.stability is None:
        return AnkiSchedule(TYPE_NEW, QUEUE_SUSPENDED if suspended else QUEUE_NEW, position, 0, 0, 0, 0, "",
                            None, None, None)
    lrt = int(state.last_review.timestamp()) if state.last_review else None
    data = json.dumps({"s": round(state.stability, 4), "d": round(state.difficulty, 4), "lrt": lrt},
                      separators=(",", ":"))
    interval = max(1, round((state.due - state.last_review) / timedelta(days=1))) if state.last_review else 1
    if state.state == State.REVIEW:
        kind, queue, due, ivl, left = TYPE_REVIEW, QUEUE_REVIEW, today + days_until_due, interval, 0
    else:
        kind = TYPE_LEARN if state.state == State.LEARNING else TYPE_RELEARN
        ivl = 0 if kind == TYPE_LEARN else interval
        if days_until_due <= 0:
            queue, due = QUEUE_LEARN, int(state.due.timestamp())
        else:
            queue, due = QUEUE_DAY_LEARN, today + days_until_due
        left = max(1, steps_left)
    return AnkiSchedule(kind, QUEUE_SUSPENDED if suspended else queue, due, ivl, state.reps, state.lapses, left,
                        data, lrt, state.stability, state.difficulty)


def study_days_until(due: datetime, now: datetime, zone, starts_at: int) -> int:
    """Study days from the day holding `now` to the day holding `due` (0: due today or earlier today)."""
    from mlwiki.studyday import study_date

    return (study_date(due, zone, starts_at) - study_date(now, zone, starts_at)).days


def package_today(crt: int, rollover: int, now: datetime) -> int:
    """The day number Anki gives `now` in a package collection created at `crt` (schedVer 2 without a creation
    offset: whole days since `crt`'s date at the rollover hour, in the importing machine's zone)."""
    local = now.astimezone()
    created = datetime.fromtimestamp(crt, local.tzinfo).replace(hour=rollover, minute=0, second=0, microsecond=0)
    return int((now.timestamp() - created.timestamp()) // 86400)
