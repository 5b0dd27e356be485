"""Scheduling with FSRS (the `fsrs` package) on study days, made replayable.

`now` is always passed in as an aware UTC datetime. fsrs counts whole 24-hour periods between the times it is
given; Anki counts study days. So every call into fsrs gets times mapped by `mlwiki.studyday.fsrs_time`: whole
elapsed days equal the difference of study-day numbers, minutes within a day still count. The log and the cached
states keep the real times. A review card is due at the start of a study day (`due` = that day's start), learning
and relearning cards at a time.

Fuzz: fsrs's own fuzz draws from its module's global `random()`, which cannot be seeded per card through its API.
So fsrs runs with fuzzing off and the interval of a card entering or staying in review is fuzzed here, with fsrs's
(and Anki's) fuzz ranges and formula, from a generator seeded by the card id and the review's number: replaying the
log gives the same intervals, to the day.
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
from mlwiki.models import RATINGS, RESET_RATING, CardState, State
from mlwiki.studyday import StudyCalendar

# (start, end, factor): the fuzz ranges of Anki's rslib/src/scheduler/states/fuzz.rs, which fsrs copies
FUZZ_RANGES = ((2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, float("inf"), 0.05))


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
    seed = int(hashlib.blake2b(f"{card_id}:{reps}".encode(), digest_size=8).hexdigest(), 16)
    return random.Random(seed).random()


def fuzzed_days(days: int, factor: float, maximum: int) -> int:
    """fsrs's fuzz of a review interval (Anki's ranges), drawn with `factor` instead of a global random()."""
    if days < 2.5:
        return days
    delta = 1.0 + sum(share * max(min(float(days), end) - start, 0.0) for start, end, share in FUZZ_RANGES)
    low, high = max(2, round(days - delta)), min(round(days + delta), maximum)
    low = min(low, high)
    return min(round(factor * (high - low + 1) + low), maximum)


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

    def outcome(self, card_id: str, state: CardState, rating: int, when: datetime) -> Outcome:
        """The state after answering `rating` at `when` (UTC), and the interval it gives."""
        when = when.astimezone(timezone.utc)
        card, now = self._fsrs_card(state, when)
        after, _ = self.fsrs.review_card(card, fsrs.Rating(rating), now)
        if after.state == fsrs.State.Review:
            days = (after.due - now).days  # fsrs gives review intervals in whole days
            if self.fuzz:
                days = fuzzed_days(days, fuzz_factor(card_id, state.reps), self.maximum_interval)
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

    def review(self, card_id: str, state: CardState, rating: int, when: datetime) -> CardState:
        """The state after answering `rating` at `when` (UTC)."""
        return self.outcome(card_id, state, rating, when).state

    def previews(self, card_id: str, state: CardState, when: datetime) -> dict[int, timedelta]:
        """The interval each rating would give now (four pure calls on the same state); review intervals are
        whole days."""
        return {r: self.outcome(card_id, state, r, when).interval for r in RATINGS}

    def retrievability(self, state: CardState, when: datetime) -> float:
        """The chance of recalling the card at `when`, with elapsed days counted in study days."""
        if state.state == State.NEW or state.stability is None:
            return 0.0
        card, now = self._fsrs_card(state, when.astimezone(timezone.utc))
        return self.fsrs.get_card_retrievability(card, now)


def replay(scheduler_for, card_id: str, reviews: list) -> CardState:
    """A card's state rebuilt from its review log (rows with reviewed_at, rating, settings_id, in time order)."""
    state = CardState()
    for _, _, state in replay_steps(scheduler_for, card_id, reviews):
        pass
    return state


def replay_steps(scheduler_for, card_id: str, reviews: list):
    """Each row of a card's log with the state before and after it. Rating 0 is a reset pulled from Anki
    ("Forget"): the card starts afresh there, as Anki's FSRS starts its history after a reset."""
    state = CardState()
    for row in reviews:
        before = state
        if row["rating"] == RESET_RATING:
            state = CardState()
        else:
            when = datetime.fromisoformat(row["reviewed_at"]).astimezone(timezone.utc)
            state = scheduler_for(row["settings_id"]).review(card_id, state, row["rating"], when)
        yield row, before, state


def same_state(a: CardState, b: CardState) -> bool:
    """Equal up to float noise in the stored REALs."""
    def close(x, y):
        return (x is None and y is None) or (x is not None and y is not None and abs(x - y) < 1e-9)

    return (a.state, a.step, a.due, a.last_review, a.reps, a.lapses) == \
        (b.state, b.step, b.due, b.last_review, b.reps, b.lapses) and \
        close(a.stability, b.stability) and close(a.difficulty, b.difficulty)


__all__ = ["Outcome", "Scheduler", "replay", "replay_steps", "same_state"]
