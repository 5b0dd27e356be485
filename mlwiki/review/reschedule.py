"""`mlwiki reschedule`: give review cards the due date the current settings would give them (Anki's "Reschedule
cards on change" of its FSRS options), only when the user asks.

For each selected review card: FSRS's interval at its preset's desired retention for its stability now, counted
from its last review, fuzzed (or load-balanced, as Anki's rescheduler does) inside Anki's range. The review log is
not rewritten: each move is an event (`reschedule`, with the new due), and a replay of the log ends each card on
its newest reschedule made after its last review, so `check` and replays keep the moved dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from mlwiki.config import Config
from mlwiki.models import CardState, State, utc_time
from mlwiki.review.intervals import fuzz_bounds, minimum_review_interval
from mlwiki.review.presets import Schedulers
from mlwiki.store import cards
from mlwiki.store.cards import CardFilter
from mlwiki.store.db import Store, utc_iso
from mlwiki.store.reviews import reviews_by_card, write_reschedules


@dataclass(frozen=True)
class Move:
    """One card whose due date changes: from `old` to `new` (UTC), `days` study days later (negative: earlier)."""

    card_id: str
    deck: str
    old: datetime
    new: datetime
    days: int

    def to_dict(self) -> dict:
        return {"id": self.card_id, "deck": self.deck, "old_due": self.old.isoformat(), "new_due": self.new.isoformat(),
                "days": self.days}


def plan_reschedule(store: Store, config: Config, now: datetime, selection: CardFilter) -> list[Move]:
    """The due dates that would move, for the live, unsuspended review cards of `selection`: those whose
    interval lies outside the range their deck's settings give now (so a second run moves nothing)."""
    schedulers = Schedulers(store, config)
    calendar = schedulers.calendar
    moves = []
    listed = [r for r in cards.list_cards(store, selection)
              if r["state"] == "review" and not r["suspended"] and r["stability"]]
    history = reviews_by_card(store, [r["id"] for r in listed])
    for row in listed:
        full = cards.card_row(store, row["id"])
        state = CardState.from_row(full)
        new = rescheduled_due(schedulers, full, state, previous_interval(calendar, history.get(row["id"], [])))
        if new != state.due:
            moves.append(Move(row["id"], row["deck"] or "", state.due, new,
                              calendar.number(new) - calendar.number(state.due)))
    return moves


def previous_interval(calendar, reviews: list) -> int:
    """The interval the card had before its last review (Anki's `previous_interval`), 0 if none."""
    if len(reviews) < 2 or not reviews[-2]["due"]:
        return 0
    before = reviews[-2]
    return max(calendar.number(datetime.fromisoformat(before["due"]))
               - calendar.number(datetime.fromisoformat(before["reviewed_at"])), 0)


def rescheduled_due(schedulers: Schedulers, row, state: CardState, previous: int) -> datetime:
    """The due the card's preset gives it now (Anki's FSRS rescheduler): its interval from its last review, at
    least Anki's floor after `previous`, in Anki's fuzz range; unchanged when its due already lies there."""
    scheduler = schedulers.for_deck(row["deck"] or "")
    calendar = schedulers.calendar
    maximum = scheduler.maximum_interval
    interval = scheduler.interval_days(state.stability)
    minimum = max(minimum_review_interval(interval, previous, maximum), 1)
    lower, upper = fuzz_bounds(interval, minimum, maximum)
    last = calendar.number(state.last_review)
    if lower <= calendar.number(state.due) - last <= upper:
        return state.due
    reps = max(state.reps - 1, 0)
    picker = schedulers.picker(row["id"], row["note_id"], row["deck"] or "", reps, state.last_review) \
        or scheduler.seeded_fuzz(row["id"], reps)
    return calendar.start(last + picker.pick(interval, minimum, maximum))


def apply_reschedule(store: Store, moves: list[Move], now: datetime) -> None:
    """Write the moves (cards' due and a `reschedule` event each)."""
    write_reschedules(store, [(m.card_id, utc_iso(m.new)) for m in moves], utc_iso(now.astimezone(timezone.utc)))


def with_reschedules(state: CardState, events: list[tuple[str, str]]) -> CardState:
    """A replayed state with the newest reschedule made after its last review applied (review cards only)."""
    if state.state != State.REVIEW or state.last_review is None:
        return state
    later = [due for at, due in events if datetime.fromisoformat(at) >= state.last_review]
    if not later:
        return state
    from dataclasses import replace

    return replace(state, due=utc_time(later[-1]))
