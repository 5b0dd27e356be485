"""The daily workload ahead, simulated with the scheduler mlwiki answers with: each deck's preset (retention,
limits, steps, parameters), Anki's load balancer and easy days.

fsrs-rs's simulator (simulate.py) prices each desired retention over a year but places every card on its
unfuzzed day; it cannot say how even the days will be. This one starts from the wiki's cards as they are and
walks `days` study days: each morning the due review cards are answered (recalled with their FSRS probability;
Hard/Good/Easy as often as in the learner's own log), up to the daily limits, new cards are learned (Good through
their steps), and each answer's day is picked by the load balancer over the simulated due counts, exactly as a
review session would. The draws are seeded, so the same wiki gives the same figures.
"""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from mlwiki.config import Config
from mlwiki.models import CardState, State
from mlwiki.review.balance import BALANCED_DAYS, LoadBalancer, weekday_after
from mlwiki.review.presets import Schedulers
from mlwiki.review.schedule import fuzz_seed
from mlwiki.store.cards import CardFilter, list_cards
from mlwiki.store.parameters import rating_counts

SEED = 42
MAX_STEPS = 8  # learning answers a card gets in one simulated morning, at most


@dataclass
class Workload:
    """Reviews of review cards on each simulated day (day 0 = today), with their weekdays (0 = Monday)."""

    reviews: list[int]
    weekdays: list[int]
    new: list[int]
    load_balance: bool
    easy_days: tuple[float, ...]
    presets: list[str] = field(default_factory=list)

    @property
    def cv(self) -> float:
        mean = statistics.mean(self.reviews) if self.reviews else 0
        return statistics.pstdev(self.reviews) / mean if mean else 0.0

    def weekday_means(self) -> list[float]:
        return [statistics.mean([r for r, w in zip(self.reviews, self.weekdays) if w == day] or [0])
                for day in range(7)]

    def to_dict(self) -> dict:
        return {"days": len(self.reviews), "reviews_per_day": self.reviews, "new_per_day": self.new,
                "weekdays": self.weekdays, "mean": round(statistics.mean(self.reviews), 1) if self.reviews else 0,
                "peak": max(self.reviews, default=0), "cv": round(self.cv, 3),
                "weekday_means": [round(m, 1) for m in self.weekday_means()], "load_balance": self.load_balance,
                "easy_days": list(self.easy_days), "presets": self.presets}


def simulate_workload(store, config: Config, now: datetime, days: int = 30, selection: CardFilter | None = None,
                      seed: int = SEED) -> Workload:
    """`days` mornings of study from the wiki's cards as they are at `now`."""
    schedulers = Schedulers(store, config)
    calendar = schedulers.calendar
    rng = random.Random(seed)
    passing = _passing_weights(rating_counts(store))
    cards = [c for c in list_cards(store, selection or CardFilter()) if not c["suspended"]]
    states = {c["id"]: CardState.from_row({**c, "state": _state_number(c["state"]), "step": None,
                                           "reps": c["reviews"], "lapses": c["lapses"]}) for c in cards}
    info = {c["id"]: (c["note_id"], c["deck"] or "") for c in cards}
    today = calendar.number(now)
    due_on: dict[int, dict[str, int]] = {}  # study day → preset → review cards due
    for cid, state in states.items():
        if state.state == State.REVIEW and state.due:
            _count(due_on, calendar.number(state.due), config.preset_of(info[cid][1]), 1)
    result = Workload([], [], [], config.review.load_balance, config.review.easy_days,
                      [name for name in config.deck_options])
    for offset in range(days):
        day = today + offset
        when = now if offset == 0 else calendar.start(day) + timedelta(hours=4)  # a morning session
        reviewed, learned = _study_day(schedulers, states, info, due_on, day, when, rng, passing)
        result.reviews.append(reviewed)
        result.new.append(learned)
        result.weekdays.append(weekday_after(day)(0))
    return result


def _study_day(schedulers, states, info, due_on, day, when, rng, passing) -> tuple[int, int]:
    config, calendar = schedulers.config, schedulers.calendar
    due_cards = sorted((s.due, cid) for cid, s in states.items()
                       if s.state != State.NEW and s.due and calendar.number(s.due) <= day)
    new_cards = [cid for cid, s in states.items() if s.state == State.NEW]
    reviews_left = {None: config.review.reviews_per_day}
    new_left = {None: config.review.new_per_day}
    reviewed = learned = 0
    for _, cid in due_cards:
        preset = config.preset_of(info[cid][1])
        limit = config.settings_for(info[cid][1]).reviews_per_day
        if reviews_left.setdefault(preset, limit) <= 0 or reviews_left[None] <= 0:
            continue
        state = states[cid]
        was_review = state.state == State.REVIEW
        recalled = rng.random() < schedulers.for_deck(info[cid][1]).retrievability(state, when)
        rating = rng.choices((2, 3, 4), passing)[0] if recalled else 1
        if was_review:
            _count(due_on, calendar.number(state.due), preset, -1)
            reviews_left[preset] -= 1
            reviews_left[None] -= 1
            reviewed += 1
        states[cid] = _answer(schedulers, cid, info[cid], state, rating, when, due_on, day)
    for cid in new_cards:
        preset = config.preset_of(info[cid][1])
        limit = config.settings_for(info[cid][1]).new_per_day
        if new_left.setdefault(preset, limit) <= 0 or new_left[None] <= 0:
            continue
        new_left[preset] -= 1
        new_left[None] -= 1
        learned += 1
        states[cid] = _answer(schedulers, cid, info[cid], states[cid], 3, when, due_on, day)
    return reviewed, learned


def _answer(schedulers, cid, card, state, rating, when, due_on, day) -> CardState:
    """Answer `rating`, then Good through the rest of the learning steps, as the morning's session would."""
    note_id, deck = card
    scheduler = schedulers.for_deck(deck)
    preset = schedulers.config.preset_of(deck)
    for step in range(MAX_STEPS):
        at = when + timedelta(minutes=15 * step)
        picker = _picker(schedulers, cid, deck, state.reps, day, due_on, preset) if schedulers.config.review.load_balance \
            and scheduler.fuzz else None
        state = scheduler.review(cid, state, rating if step == 0 else 3, at, picker)
        if state.state == State.REVIEW:
            _count(due_on, schedulers.calendar.number(state.due), preset, 1)
            return state
    return state


def _picker(schedulers, cid, deck, reps, day, due_on, preset):
    settings = schedulers.config.settings_for(deck)

    def load():
        counts = {d - day: by_preset.get(preset, 0) for d, by_preset in due_on.items()
                  if 0 < d - day <= BALANCED_DAYS}
        return counts, set()

    return LoadBalancer(load, weekday_after(day), settings.easy_days, fuzz_seed(cid, reps),
                        schedulers.for_deck(deck).seeded_fuzz(cid, reps))


def _count(due_on: dict, day: int, preset, change: int) -> None:
    by_preset = due_on.setdefault(day, {})
    by_preset[preset] = by_preset.get(preset, 0) + change


def _passing_weights(counts: dict) -> list[float]:
    review = counts.get("review", {})
    weights = [review.get(r, 0) for r in (2, 3, 4)]
    return weights if sum(weights) >= 50 else [0.15, 0.75, 0.10]


def _state_number(name: str) -> int:
    return {"new": 0, "learning": 1, "review": 2, "relearning": 3}.get(name, 0)
