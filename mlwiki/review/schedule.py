"""Scheduling with FSRS (the `fsrs` package), made replayable.

`now` is always passed in as an aware UTC datetime. Fuzz is drawn from a generator seeded by the card id and
the review's number, so replaying the log gives the same intervals to the second.
"""

from __future__ import annotations

import hashlib
import json
import random
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone

import fsrs
import fsrs.scheduler as fsrs_scheduler

from mlwiki.config import ReviewSettings

NEW, LEARNING, REVIEW, RELEARNING = 0, 1, 2, 3
RATINGS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


@dataclass(frozen=True)
class CardState:
    """A card's scheduling state, as cached in the `cards` table (state NEW means never reviewed)."""

    state: int = NEW
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: datetime | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0

    def to_fsrs(self, now: datetime) -> fsrs.Card:
        if self.state == NEW:
            return fsrs.Card(card_id=0, due=now)
        return fsrs.Card(card_id=0, state=fsrs.State(self.state), step=self.step, stability=self.stability,
                         difficulty=self.difficulty, due=self.due, last_review=self.last_review)

    def to_dict(self) -> dict:
        return {
            "state": self.state, "step": self.step, "stability": self.stability, "difficulty": self.difficulty,
            "due": self.due.isoformat() if self.due else None,
            "last_review": self.last_review.isoformat() if self.last_review else None,
            "reps": self.reps, "lapses": self.lapses,
        }

    @classmethod
    def from_row(cls, row) -> "CardState":
        def when(text):
            return datetime.fromisoformat(text).astimezone(timezone.utc) if text else None

        return cls(state=row["state"] or NEW, step=row["step"], stability=row["stability"],
                   difficulty=row["difficulty"], due=when(row["due"]), last_review=when(row["last_review"]),
                   reps=row["reps"] or 0, lapses=row["lapses"] or 0)


def settings_dict(settings: ReviewSettings, parameters: list[float] | None = None) -> dict:
    """The scheduler settings that shape intervals, as stored with each review; `parameters` are the FSRS
    parameters `mlwiki optimize` kept (None: FSRS's defaults)."""
    return {
        "desired_retention": settings.desired_retention,
        "learning_steps": [s.total_seconds() for s in settings.learning_steps],
        "relearning_steps": [s.total_seconds() for s in settings.relearning_steps],
        "maximum_interval": settings.maximum_interval,
        "fuzz": settings.fuzz,
        "parameters": list(parameters or fsrs.scheduler.DEFAULT_PARAMETERS),
    }


def settings_id(data: dict) -> str:
    return hashlib.blake2b(json.dumps(data, sort_keys=True).encode(), digest_size=8).hexdigest()


@contextmanager
def _seeded_fuzz(seed: str):
    """fsrs draws fuzz from the module-level `random()`; swap in a seeded generator for one review."""
    rng = random.Random(int(hashlib.blake2b(seed.encode(), digest_size=8).hexdigest(), 16))
    original = fsrs_scheduler.random
    fsrs_scheduler.random = rng.random
    try:
        yield
    finally:
        fsrs_scheduler.random = original


class Scheduler:
    """FSRS with mlwiki's settings; `review` is a pure function of (state, rating, time, card id, number)."""

    def __init__(self, data: dict):
        self.data = data
        self.id = settings_id(data)
        self.fsrs = fsrs.Scheduler(
            parameters=data["parameters"],
            desired_retention=data["desired_retention"],
            learning_steps=[timedelta(seconds=s) for s in data["learning_steps"]],
            relearning_steps=[timedelta(seconds=s) for s in data["relearning_steps"]],
            maximum_interval=data["maximum_interval"],
            enable_fuzzing=data["fuzz"],
        )

    @classmethod
    def from_settings(cls, settings: ReviewSettings, parameters: list[float] | None = None) -> "Scheduler":
        return cls(settings_dict(settings, parameters))

    @classmethod
    def for_store(cls, store, settings: ReviewSettings) -> "Scheduler":
        """The scheduler for new answers: the settings with the parameters in use (`mlwiki optimize`)."""
        from mlwiki.store.parameters import active_parameters

        active = active_parameters(store)
        return cls.from_settings(settings, active.values if active else None)

    def review(self, card_id: str, state: CardState, rating: int, when: datetime) -> CardState:
        """The state after answering `rating` at `when` (UTC)."""
        when = when.astimezone(timezone.utc)
        with _seeded_fuzz(f"{card_id}:{state.reps}"):
            card, _ = self.fsrs.review_card(state.to_fsrs(when), fsrs.Rating(rating), when)
        lapse = rating == 1 and state.state == REVIEW
        return CardState(state=int(card.state), step=card.step, stability=card.stability,
                         difficulty=card.difficulty, due=card.due, last_review=card.last_review,
                         reps=state.reps + 1, lapses=state.lapses + int(lapse))

    def previews(self, card_id: str, state: CardState, when: datetime) -> dict[int, timedelta]:
        """The interval each rating would give now (four pure calls on the same state)."""
        return {r: self.review(card_id, state, r, when).due - when for r in RATINGS}

    def retrievability(self, state: CardState, when: datetime) -> float:
        if state.state == NEW or state.stability is None:
            return 0.0
        return self.fsrs.get_card_retrievability(state.to_fsrs(when), when)


def replay(scheduler_for, card_id: str, reviews: list) -> CardState:
    """A card's state rebuilt from its review log (rows with reviewed_at, rating, settings_id)."""
    state = CardState()
    for row in reviews:
        when = datetime.fromisoformat(row["reviewed_at"]).astimezone(timezone.utc)
        state = scheduler_for(row["settings_id"]).review(card_id, state, row["rating"], when)
    return state


def format_interval(delta: timedelta) -> str:
    """'1m', '10m', '3h', '4d', '2.5mo', '1.2y' — Anki's compact style."""
    seconds = max(delta.total_seconds(), 0)
    if seconds < 3600:
        return f"{max(round(seconds / 60), 1)}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo".replace(".0mo", "mo")
    return f"{days / 365:.1f}y".replace(".0y", "y")


def same_state(a: CardState, b: CardState) -> bool:
    """Equal up to float noise in the stored REALs."""
    def close(x, y):
        return (x is None and y is None) or (x is not None and y is not None and abs(x - y) < 1e-9)

    return (a.state, a.step, a.due, a.last_review, a.reps, a.lapses) == \
        (b.state, b.step, b.due, b.last_review, b.reps, b.lapses) and \
        close(a.stability, b.stability) and close(a.difficulty, b.difficulty)


__all__ = ["CardState", "Scheduler", "replay", "format_interval", "same_state", "replace"]
