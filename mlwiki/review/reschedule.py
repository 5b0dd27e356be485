"""`mlwiki reschedule`: recompute cards' memory states under their preset's current parameters and give review
cards the due date those settings give (Anki's "Reschedule cards on change" of its FSRS options), only when the
user asks.

As Anki does when FSRS parameters change, each selected card that has been studied gets the stability and
difficulty its whole review log gives under its preset's parameters now (a replay; reviews made with other
parameters no longer weigh in with those). A review card that is not suspended then gets FSRS's interval at its
preset's desired retention for that stability, counted from its last review, fuzzed (or load-balanced, as
Anki's rescheduler does) inside Anki's range — unless its due already lies in that range. The review log is not
rewritten: each change is an event (`reschedule`, with the new due and memory state,
`mlwiki.review.reschedule_events`), and a replay of the log applies it where it happened, so `check` and replays
keep both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from mlwiki.config import Config
from mlwiki.models import CardState, State, utc_time
from mlwiki.review.balance import Rescheduler, weekday_after
from mlwiki.review.intervals import fuzz_bounds, minimum_review_interval
from mlwiki.review.presets import Schedulers
from mlwiki.review.replay import replay
from mlwiki.review.reschedule_events import Rescheduled
from mlwiki.review.schedule import fuzz_seed
from mlwiki.store import cards
from mlwiki.store.cards import CardFilter
from mlwiki.store.db import Store, utc_iso
from mlwiki.store.reviews import reviews_by_card, write_reschedules


@dataclass(frozen=True)
class Move:
    """One card that changes: its due from `old` to `new` (UTC), `days` study days later (negative: earlier; 0
    and `old == new` when only its memory state changes), and its stability and difficulty before and after."""

    card_id: str
    deck: str
    old: datetime
    new: datetime
    days: int
    stability: tuple[float, float]
    difficulty: tuple[float, float]

    @property
    def moves_due(self) -> bool:
        return self.old != self.new

    @property
    def detail(self) -> Rescheduled:
        """What the card's `reschedule` event says."""
        return Rescheduled(self.new if self.moves_due else None, self.stability[1], self.difficulty[1])

    def to_dict(self) -> dict:
        return {"id": self.card_id, "deck": self.deck, "old_due": self.old.isoformat(), "new_due": self.new.isoformat(),
                "days": self.days, "stability": list(self.stability), "difficulty": list(self.difficulty)}


def plan_reschedule(store: Store, config: Config, now: datetime, selection: CardFilter) -> list[Move]:
    """The cards of `selection` that would change: every live card studied since its last reset whose memory
    state differs under its preset's parameters now, and every unsuspended review card whose interval lies
    outside the range its deck's settings give now (so a second run changes nothing)."""
    schedulers = Schedulers(store, config)
    calendar = schedulers.calendar
    balancer = rescheduler(store, schedulers, now) if config.review.load_balance else None
    changes = []
    listed = [r for r in cards.list_cards(store, selection) if r["state"] != "new" and not r["dropped"]]
    history = reviews_by_card(store, [r["id"] for r in listed])
    for row in listed:
        full = cards.card_row(store, row["id"])
        reviews = history.get(row["id"], [])
        state = recomputed = CardState.from_row(full)
        memory = recomputed_memory(schedulers, full, reviews)
        if memory is not None:
            recomputed = CardState(state.state, state.step, *memory, state.due, state.last_review, state.reps,
                                   state.lapses)
        new = state.due
        if state.state == State.REVIEW and not full["suspended"] and recomputed.stability:
            new = rescheduled_due(schedulers, full, recomputed, previous_interval(calendar, reviews), balancer)
        if new != state.due or _changed(state.stability, recomputed.stability) or \
                _changed(state.difficulty, recomputed.difficulty):
            changes.append(Move(row["id"], row["deck"] or "", state.due, new,
                                calendar.number(new) - calendar.number(state.due),
                                (state.stability, recomputed.stability), (state.difficulty, recomputed.difficulty)))
    return changes


def recomputed_memory(schedulers: Schedulers, row, reviews: list) -> tuple[float, float] | None:
    """(stability, difficulty) the card's whole log gives under its preset's scheduler now (Anki's
    `compute_memory_state`: every rated review since the last reset, on study days), or None when it has none."""
    if not reviews:
        return None
    scheduler = schedulers.for_deck(row["deck"] or "")
    state = replay(lambda _settings: scheduler, row["id"], reviews)
    return (state.stability, state.difficulty) if state.stability is not None else None


def _changed(old: float | None, new: float | None) -> bool:
    """Beyond float noise (a replay under unchanged parameters gives the same numbers)."""
    if old is None or new is None:
        return old is not new
    return abs(old - new) > 1e-9 * max(1.0, abs(new))


def previous_interval(calendar, reviews: list) -> int:
    """The interval the card had before its last review (Anki's `previous_interval`: the revlog's last interval
    of a passing answer), 0 if none or if the last review was a lapse."""
    if len(reviews) < 2 or not reviews[-2]["due"] or reviews[-1]["rating"] == 1:
        return 0
    before = reviews[-2]
    return max(calendar.number(datetime.fromisoformat(before["due"]))
               - calendar.number(datetime.fromisoformat(before["reviewed_at"])), 0)


def rescheduler(store: Store, schedulers: Schedulers, now: datetime) -> Rescheduler:
    """Anki's rescheduler over the wiki's review cards, by preset, as they are at `now`."""
    calendar, preset_of = schedulers.calendar, schedulers.config.preset_of
    today = calendar.number(now)
    counts: dict = {}
    for row in cards.review_cards_by_day(store):
        days = counts.setdefault(preset_of(row["deck"]), {})
        day = calendar.number(utc_time(row["due"]))
        days[day] = days.get(day, 0) + row["count"]
    studied: dict = {}
    for row in cards.studied_since(store, calendar.start(today)):
        studied[preset_of(row["deck"])] = studied.get(preset_of(row["deck"]), 0) + row["count"]
    return Rescheduler(counts, today, studied, weekday_after(0))


def rescheduled_due(schedulers: Schedulers, row, state: CardState, previous: int,
                    balancer: Rescheduler | None = None) -> datetime:
    """The due the card's preset gives it now (Anki's FSRS rescheduler): its interval from its last review, at
    least Anki's floor after `previous`, in Anki's fuzz range (the day drawn by `balancer` when load balancing
    is on, else the seeded fuzz); unchanged when its due already lies there."""
    scheduler = schedulers.for_deck(row["deck"] or "")
    calendar = schedulers.calendar
    maximum = scheduler.maximum_interval
    interval = scheduler.interval_days(state.stability)
    minimum = max(minimum_review_interval(interval, previous, maximum), 1)
    lower, upper = fuzz_bounds(interval, minimum, maximum)
    last = calendar.number(state.last_review)
    if lower <= calendar.number(state.due) - last <= upper:
        return state.due
    reps = max(state.reps - 1, 0)  # Anki seeds a reschedule as the answer that set the interval
    picker = scheduler.seeded_fuzz(row["id"], reps)
    preset = schedulers.config.preset_of(row["deck"] or "")
    if balancer is not None and scheduler.fuzz:
        picker = balancer.pick(preset, last, schedulers.config.settings_for(row["deck"] or "").easy_days,
                               fuzz_seed(row["id"], reps), picker)
    due = calendar.start(last + picker.pick(interval, minimum, maximum))
    if balancer is not None:
        balancer.moved(preset, calendar.number(state.due), calendar.number(due))
    return due


def apply_reschedule(store: Store, moves: list[Move], now: datetime) -> None:
    """Write the changes (each card's due and memory state, and a `reschedule` event each)."""
    write_reschedules(store, [(m.card_id, utc_iso(m.new), m.stability[1], m.difficulty[1], m.detail.text())
                              for m in moves], utc_iso(now.astimezone(timezone.utc)))
