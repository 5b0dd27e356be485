"""Anki's load balancer and easy days (rslib/src/scheduler/states/load_balancer.rs, Anki 24.11+).

When a card's interval is fuzzed, the load balancer picks the day inside the fuzz range at random with weights
that favour days with fewer cards already due (of the same preset), shorter intervals, days away from the card's
siblings (Anki looks at siblings only with "bury review siblings" on; mlwiki always buries siblings, and its
export turns that option on), and days that are not easy days:

    weight = (1 / due_that_day) ** 2.15 * (1 / interval) ** 3 * sibling_modifier * easy_day_modifier

(a day with no card due weighs 1). "Cards already due" are what Anki's `get_all_cards_due_in_range` counts: every
card with a due day from today to 99 days on, suspended and buried ones too, and the cards answered earlier in the
session (Anki adds each answer to its counts; mlwiki reads them from the store). An easy day with share 0 ("minimum") is all but excluded; one with a share
between 0 and 1 ("reduced") only while it would carry more than half of what the other days of the range carry on
average. Intervals over 90 days are fuzzed plainly. The draw is seeded by the card and its review number, so the
same counts give the same day; the counts themselves change with every answer, so the day chosen is recorded in
the review row and a replay keeps it (see `mlwiki.review.schedule`).
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Callable

from mlwiki.review.intervals import DayPicker, fuzz_bounds
from mlwiki.studyday import EPOCH_DAY, StudyCalendar

MAX_BALANCED_INTERVAL = 90
BALANCED_DAYS = int(MAX_BALANCED_INTERVAL * 1.1)  # Anki keeps 10 % more days than it balances
# a sibling due on a day makes that day almost impossible and its neighbours less likely
SIBLING_MODIFIERS = {-5: 1.0, -4: 0.8, -3: 0.6, -2: 0.4, -1: 0.2, 0: 0.000001, 1: 0.2, 2: 0.4, 3: 0.6, 4: 0.8,
                     5: 1.0}
MINIMUM_LOAD = 0.0001  # an easy day of share 0: not quite zero, so all-easy ranges still work


def easy_day_kind(share: float) -> str:
    """Anki's three kinds of day: share 1 is normal, 0 minimum, anything between reduced."""
    return "normal" if share == 1.0 else "minimum" if share == 0.0 else "reduced"


def _load(kind: str) -> float:
    return {"normal": 1.0, "minimum": MINIMUM_LOAD, "reduced": 0.5}[kind]


def easy_day_modifiers(shares: tuple[float, ...], weekdays: list[int], counts: list[int]) -> list[float]:
    """Anki's `calculate_easy_days_modifiers`: per day of the range, 1 (open) or almost 0 (closed)."""
    kinds = [easy_day_kind(shares[w]) for w in weekdays]
    total_count = sum(counts)
    total_load = sum(_load(k) for k in kinds)
    out = []
    for kind, count in zip(kinds, counts):
        if kind == "reduced":
            others = (total_count - count) / (total_load - 0.5) if total_load > 0.5 else 0.0
            kind = "minimum" if count / 0.5 > others else "normal"
        out.append(_load(kind))
    return out


def sibling_modifiers(sibling_days: set[int], lower: int, upper: int) -> list[float]:
    """Anki's `calculate_sibling_modifiers`, for days `lower`..`upper` (days from today)."""
    out = [1.0] * (upper - lower + 1)
    for day in sibling_days:
        for step, factor in SIBLING_MODIFIERS.items():
            index = day + step - lower
            if 0 <= index < len(out):
                out[index] *= factor
    return out


def day_weights(days: list[int], counts: list[int], siblings: list[float], easy: list[float]) -> list[float]:
    """Anki's `select_weighted_interval` weights."""
    return [1.0 if count == 0 else (1.0 / count) ** 2.15 * (1.0 / day) ** 3 * sibling * ease
            for day, count, sibling, ease in zip(days, counts, siblings, easy)]


class LoadBalancer:
    """A `DayPicker` for one answer. `load()` gives (counts, sibling_days): `counts[d]` cards of the card's preset
    due `d` days from today, and the days its siblings are due on; called once, when a range first has a choice.
    `weekday(d)` is the weekday (0 = Monday) of day `d`."""

    def __init__(self, load: Callable[[], tuple[dict[int, int], set[int]]], weekday: Callable[[int], int],
                 easy_days: tuple[float, ...], seed: int, fallback: DayPicker):
        self.load, self.weekday = load, weekday
        self.easy_days, self.seed, self.fallback = easy_days, seed, fallback
        self.loaded: tuple[dict[int, int], set[int]] | None = None

    def pick(self, interval: float, minimum: int, maximum: int) -> int:
        if int(interval) > MAX_BALANCED_INTERVAL or minimum > MAX_BALANCED_INTERVAL:  # Rust's `as usize` truncates
            return self.fallback.pick(interval, minimum, maximum)
        lower, upper = fuzz_bounds(interval, minimum, maximum)
        if lower == upper:
            return lower
        if self.loaded is None:
            self.loaded = self.load()
        counts_by_day, sibling_days = self.loaded
        days = list(range(lower, upper + 1))
        counts = [counts_by_day.get(d, 0) for d in days]
        easy = easy_day_modifiers(self.easy_days, [self.weekday(d) for d in days], counts)
        weights = day_weights(days, counts, sibling_modifiers(sibling_days, lower, upper), easy)
        return random.Random(self.seed).choices(days, weights)[0]


class Rescheduler:
    """Anki's `Rescheduler` (rslib/src/scheduler/fsrs/rescheduler.rs): the load balancer of "Reschedule cards on
    change". It counts review cards (not suspended) per preset and due day, overdue ones included; picks inside
    the fuzz range counted from the card's last review, but never a day before today (today weighs as its due
    cards plus the cards studied today); ignores siblings and the 90-day limit; and moves its counts with each
    card it reschedules. `counts`: preset → study day number → cards; `studied`: preset → cards studied today."""

    def __init__(self, counts: dict, today: int, studied: dict, weekday: Callable[[int], int]):
        self.counts, self.today, self.studied, self.weekday = counts, today, studied, weekday
        self.due_today = {p: sum(n for day, n in days.items() if day <= today) for p, days in counts.items()}

    def pick(self, preset, last_day: int, easy_days: tuple[float, ...], seed: int, fallback: DayPicker
             ) -> DayPicker:
        """The day picker for one card of `preset` last reviewed on study day `last_day`."""
        return _Rescheduling(self, preset, last_day, easy_days, seed, fallback)

    def moved(self, preset, old_day: int, new_day: int) -> None:
        """Anki's `update_due_cnt_per_day`: a card of `preset` now due on `new_day` instead of `old_day`."""
        days = self.counts.setdefault(preset, {})
        if days.get(old_day):
            days[old_day] -= 1
        days[new_day] = days.get(new_day, 0) + 1
        change = int(new_day <= self.today) - int(old_day <= self.today)
        self.due_today[preset] = self.due_today.get(preset, 0) + change

    def count(self, preset, last_day: int, elapsed: int, interval: int) -> int:
        if interval > elapsed:
            return self.counts.get(preset, {}).get(last_day + interval, 0)
        return self.due_today.get(preset, 0) + self.studied.get(preset, 0)


class _Rescheduling:
    """A `DayPicker` for one rescheduled card (see `Rescheduler`)."""

    def __init__(self, owner: Rescheduler, preset, last_day: int, easy_days: tuple[float, ...], seed: int,
                 fallback: DayPicker):
        self.owner, self.preset, self.last_day = owner, preset, last_day
        self.easy_days, self.seed, self.fallback = easy_days, seed, fallback

    def pick(self, interval: float, minimum: int, maximum: int) -> int:
        lower, upper = fuzz_bounds(interval, minimum, maximum)
        elapsed = self.owner.today - self.last_day
        if upper < elapsed:  # overdue whatever the day: Anki leaves it to the plain fuzz
            return self.fallback.pick(interval, minimum, maximum)
        days = list(range(max(lower, elapsed), upper + 1))
        counts = [self.owner.count(self.preset, self.last_day, elapsed, d) for d in days]
        easy = easy_day_modifiers(self.easy_days, [self.owner.weekday(self.last_day + d) for d in days], counts)
        weights = day_weights(days, counts, [1.0] * len(days), easy)
        return random.Random(self.seed).choices(days, weights)[0]


def due_counts(rows, sibling_dues: list[str], calendar: StudyCalendar, today: int,
               in_preset: Callable[[str], bool]) -> tuple[dict[int, int], set[int]]:
    """From rows of (deck, due, count) of the cards Anki's load balancer counts (`store.cards.review_due_counts`):
    cards due per day from today in the card's preset; and the days (from today) its siblings are due on, in any
    preset."""
    counts: dict[int, int] = {}
    for row in rows:
        if in_preset(row["deck"]):
            day = calendar.number(_parse(row["due"])) - today
            counts[day] = counts.get(day, 0) + row["count"]
    return counts, {calendar.number(_parse(due)) - today for due in sibling_dues}


def weekday_after(today: int) -> Callable[[int], int]:
    """Weekday (0 = Monday) of the study day `d` days after study day `today` (numbers count dates)."""
    return lambda d: (EPOCH_DAY + timedelta(days=today + d)).weekday()


def _parse(text: str):
    from datetime import datetime

    return datetime.fromisoformat(text)


__all__ = ["LoadBalancer", "Rescheduler", "day_weights", "due_counts", "easy_day_modifiers", "sibling_modifiers",
           "weekday_after"]
