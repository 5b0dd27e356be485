"""Scheduling with FSRS (the `fsrs` package) on study days, made replayable.

`now` is always passed in as an aware UTC datetime. fsrs counts whole 24-hour periods between the times it is
given; Anki counts study days. So every call into fsrs gets times mapped by `mlwiki.studyday.fsrs_time`: whole
elapsed days equal the difference of study-day numbers, minutes within a day still count. The log and the cached
states keep the real times. A review card is due at the start of a study day (`due` = that day's start), learning
and relearning cards at a time.

Intervals: fsrs runs with fuzzing off; the days of a card entering or staying in review are set here as Anki's FSRS
sets them (`mlwiki.review.intervals`: unrounded intervals, Hard < Good < Easy, Anki's fuzz range) and the day
inside the range is drawn by a `DayPicker`: plain fuzz from a generator seeded by the card id and the review's
number, or Anki's load balancer (`mlwiki.review.balance`), whose choice depends on the other cards' due dates. So
each review row keeps the due it was given, and a replay takes that due again when it lies in the range the
rating allows, give or take a day (as Anki keeps the interval it chose); without one (or further off) the seeded
fuzz decides.
"""

from __future__ import annotations

import functools
import hashlib
import json
import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import fsrs

from mlwiki.config import ReviewSettings
from mlwiki.review.intervals import (DayPicker, EdgePicker, FuzzPicker, graduating_days, passing_review_days,
                                     rust_round)
from mlwiki.models import RATINGS, CardState, State, utc_time
from mlwiki.studyday import StudyCalendar

def settings_dict(settings: ReviewSettings, parameters: list[float] | None = None) -> dict:
    """The scheduler settings that shape intervals, as stored with each review; `parameters` are the FSRS
    parameters `mlwiki optimize` kept (None: FSRS's defaults)."""
    return {
        "desired_retention": settings.desired_retention,
        "learning_steps": [s.total_seconds() for s in settings.learning_steps],
        "relearning_steps": [s.total_seconds() for s in settings.relearning_steps],
        "maximum_interval": settings.maximum_interval,
        "fuzz": settings.fuzz,
        "parameters": list(parameters or default_parameters()),
    }


@functools.cache
def _defaults() -> tuple[float, ...]:
    return tuple(fsrs.Scheduler().parameters)


def default_parameters() -> list[float]:
    """fsrs's default FSRS-6 parameters (what Anki uses with an empty preset), read through its public API."""
    return list(_defaults())


def settings_id(data: dict) -> str:
    return hashlib.blake2b(json.dumps(data, sort_keys=True).encode(), digest_size=8).hexdigest()


def fuzz_factor(card_id: str, reps: int) -> float:
    """A number in [0, 1) fixed by the card and its review number (Anki seeds its fuzz the same way)."""
    return random.Random(fuzz_seed(card_id, reps)).random()


def fuzz_seed(card_id: str, reps: int) -> int:
    return int(hashlib.blake2b(f"{card_id}:{reps}".encode(), digest_size=8).hexdigest(), 16)


@dataclass(frozen=True)
class Outcome:
    """What one rating does: the new state, and the interval to show on its button (whole days for a review)."""

    state: CardState
    interval: timedelta


class Scheduler:
    """FSRS with mlwiki's settings on study days; `review` is a pure function of (state, rating, time, card id,
    number of reviews) and the study calendar (zone and day start)."""

    def __init__(self, data: dict, calendar: StudyCalendar):
        self.data = data
        self.id = settings_id(data)
        self.calendar = calendar
        self.fuzz = bool(data["fuzz"])
        self.maximum_interval = int(data["maximum_interval"])
        self.fsrs = fsrs.Scheduler(
            parameters=data["parameters"],
            desired_retention=data["desired_retention"],
            learning_steps=[timedelta(seconds=s) for s in data["learning_steps"]],
            relearning_steps=[timedelta(seconds=s) for s in data["relearning_steps"]],
            maximum_interval=data["maximum_interval"],
            enable_fuzzing=False,  # fuzzed here, reproducibly: see the module docstring
        )

    @classmethod
    def from_settings(cls, settings: ReviewSettings, parameters: list[float] | None = None) -> "Scheduler":
        return cls(settings_dict(settings, parameters), StudyCalendar.from_settings(settings))

    @classmethod
    def for_store(cls, store, settings: ReviewSettings) -> "Scheduler":
        """The scheduler for new answers: the settings with the parameters in use (`mlwiki optimize`)."""
        from mlwiki.store.parameters import active_parameters

        active = active_parameters(store)
        return cls.from_settings(settings, active.values if active else None)

    def _fsrs_card(self, state: CardState, when: datetime) -> tuple[fsrs.Card, datetime]:
        """The card as fsrs should see it at `when`, and `when` mapped onto study days."""
        if state.state == State.NEW or state.last_review is None:
            now = self.calendar.fsrs_time(when)
            return fsrs.Card(card_id=0, due=now), now
        last = self.calendar.fsrs_time(state.last_review)
        now = self.calendar.fsrs_time(when, (state.last_review, last))
        return fsrs.Card(card_id=0, state=fsrs.State(state.state), step=state.step, stability=state.stability,
                         difficulty=state.difficulty, due=last, last_review=last), now

    def outcome(self, card_id: str, state: CardState, rating: int, when: datetime,
                picker: DayPicker | None = None, recorded_due: datetime | None = None,
                given_days: int | None = None) -> Outcome:
        """The state after answering `rating` at `when` (UTC), and the interval it gives. `picker` chooses the
        day of a card entering or staying in review (default: the seeded fuzz); `recorded_due`, the due this
        answer was given when it was made, is kept when it lies in the range the rating allows (a replay);
        `given_days`, the days another scheduler gave a card entering or staying in review (Anki's interval of
        a pulled review), are taken as they are."""
        when = when.astimezone(timezone.utc)
        card, now = self._fsrs_card(state, when)
        after = self.fsrs.review_card(card, fsrs.Rating(rating), now)[0]
        if after.state == fsrs.State.Review and given_days is not None:
            days = given_days
            interval = timedelta(days=days)
            due = self.calendar.start(self.calendar.number(when) + days)
        elif after.state == fsrs.State.Review:
            # only the ratings Anki's interval rules look at for this one (fsrs is most of a replay's time)
            nexts = {r: after if r == rating else self.fsrs.review_card(card, fsrs.Rating(r), now)[0]
                     for r in ratings_compared(state.state, rating)}
            days = self._review_days(card_id, state, rating, nexts, when, picker, recorded_due)
            interval = timedelta(days=days)
            due = self.calendar.start(self.calendar.number(when) + days)
        else:
            interval = after.due - now
            due = when + interval
        lapse = rating == 1 and state.state == State.REVIEW
        new_state = CardState(state=State(int(after.state)), step=after.step, stability=after.stability,
                              difficulty=after.difficulty, due=due, last_review=when, reps=state.reps + 1,
                              lapses=state.lapses + int(lapse))
        return Outcome(new_state, interval)

    def interval_days(self, stability: float) -> float:
        """FSRS's unrounded interval for `stability` at the desired retention (fsrs-rs's `next_interval`)."""
        decay = -self.fsrs.parameters[20]
        factor = 0.9 ** (1 / decay) - 1
        return stability / factor * (self.fsrs.desired_retention ** (1 / decay) - 1)

    def _review_days(self, card_id: str, state: CardState, rating: int, nexts: dict, when: datetime,
                     picker: DayPicker | None, recorded_due: datetime | None) -> int:
        """Whole days until a card entering or staying in review is due, as Anki's FSRS counts them."""
        intervals = {r: self.interval_days(after.stability) for r, after in nexts.items()}
        maximum = self.maximum_interval
        if state.state == State.REVIEW and rating == 1:  # no relearning steps: Anki does not fuzz a lapse
            return min(max(rust_round(intervals[1]), 1), maximum)
        if state.state == State.REVIEW:
            previous = self.calendar.number(state.due) - self.calendar.number(state.last_review)

            def days_with(chooser: DayPicker) -> int:
                return passing_review_days(intervals, previous, rating, maximum, chooser)
        else:
            def days_with(chooser: DayPicker) -> int:
                return graduating_days(intervals, rating, maximum, chooser)
        if recorded_due is not None:
            # a day of slack at each edge: Anki computes in 32-bit floats, so the edge of its range for a review
            # made there can fall a day from ours (about 1 % of Anki's draws)
            chosen = self.calendar.number(recorded_due) - self.calendar.number(when)
            if self.fuzz and days_with(EdgePicker(False)) - 1 <= chosen <= days_with(EdgePicker(True)) + 1:
                return max(chosen, 1)
        return days_with(picker or self.seeded_fuzz(card_id, state.reps))

    def seeded_fuzz(self, card_id: str, reps: int) -> FuzzPicker:
        """The plain fuzz of a card's `reps`-th answer (none when fuzz is off)."""
        return FuzzPicker(fuzz_factor(card_id, reps) if self.fuzz else None)

    def review(self, card_id: str, state: CardState, rating: int, when: datetime,
               picker: DayPicker | None = None, recorded_due: datetime | None = None,
               given_days: int | None = None) -> CardState:
        """The state after answering `rating` at `when` (UTC)."""
        return self.outcome(card_id, state, rating, when, picker, recorded_due, given_days).state

    def previews(self, card_id: str, state: CardState, when: datetime,
                 picker: DayPicker | None = None) -> dict[int, timedelta]:
        """The interval each rating would give now (four pure calls on the same state); review intervals are
        whole days."""
        return {r: self.outcome(card_id, state, r, when, picker).interval for r in RATINGS}

    def retrievability(self, state: CardState, when: datetime) -> float:
        """The chance of recalling the card at `when`, with elapsed days counted in study days."""
        if state.state == State.NEW or state.stability is None:
            return 0.0
        card, now = self._fsrs_card(state, when.astimezone(timezone.utc))
        return self.fsrs.get_card_retrievability(card, now)


def ratings_compared(state: State, rating: int) -> tuple[int, ...]:
    """The ratings whose intervals decide the days of `rating` for a card entering or staying in review: a lapse
    alone; a passing review Hard up to it (each rating gets a day more than the one below); a graduation itself,
    and Easy also Good (`intervals.passing_review_days`, `intervals.graduating_days`)."""
    if state == State.REVIEW:
        return (1,) if rating == 1 else tuple(range(2, rating + 1))
    return (3, 4) if rating == 4 else (rating,)


def recorded_due(row) -> datetime | None:
    """The due a review row (a database row or a log record) says the answer gave, if it says one."""
    text = row["due"] if "due" in row.keys() else None
    return utc_time(text)


def same_state(a: CardState, b: CardState) -> bool:
    """Equal up to float noise in the stored REALs."""
    def close(x, y):
        return (x is None and y is None) or (x is not None and y is not None and abs(x - y) < 1e-9)

    return (a.state, a.step, a.due, a.last_review, a.reps, a.lapses) == \
        (b.state, b.step, b.due, b.last_review, b.reps, b.lapses) and \
        close(a.stability, b.stability) and close(a.difficulty, b.difficulty)


__all__ = ["Outcome", "Scheduler", "recorded_due", "same_state"]
