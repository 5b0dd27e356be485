"""Review intervals as Anki's FSRS sets them: its fuzz range, its order of Hard < Good < Easy, and the day a
picker chooses inside the range.

fsrs (py-fsrs) rounds each rating's interval on its own, so a young card can show `Hard 1d · Good 1d · Easy 1d`,
and its fuzz can land one day above its own range. Anki (rslib/src/scheduler/states/review.rs, learning.rs,
fuzz.rs) keeps the unrounded interval, gives each passing rating a floor (at least the previous interval while the
interval still grows, and one day more than the rating below it), and draws the day inside
`constrained_fuzz_bounds`. This module is that arithmetic, pure: the caller gives FSRS's unrounded intervals and a
`DayPicker` (plain fuzz, or the load balancer) and gets whole days back.
"""

from __future__ import annotations

import math
from typing import Protocol

# (start, end, factor): Anki's FUZZ_RANGES (rslib/src/scheduler/states/fuzz.rs)
FUZZ_RANGES = ((2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, math.inf, 0.05))


def rust_round(x: float) -> int:
    """Rust's `f32::round() as u32`: halves away from zero, negatives to 0."""
    return max(math.floor(x + 0.5), 0)


def fuzz_delta(interval: float) -> float:
    """Days of fuzz each way: none below 2.5 days, else 1 plus a share of the days in each range."""
    if interval < 2.5:
        return 0.0
    return 1.0 + sum(share * max(min(interval, end) - start, 0.0) for start, end, share in FUZZ_RANGES)


def fuzz_bounds(interval: float, minimum: int, maximum: int) -> tuple[int, int]:
    """Anki's `constrained_fuzz_bounds`: the fuzz range of `interval` kept within [minimum, maximum], at least
    two days wide when the limits allow it."""
    minimum = min(minimum, maximum)
    interval = min(max(interval, minimum), maximum)
    delta = fuzz_delta(interval)
    lower = min(max(rust_round(interval - delta), minimum), maximum)
    upper = min(max(rust_round(interval + delta), minimum), maximum)
    if upper == lower and 2 < upper < maximum:
        upper = lower + 1
    return lower, upper


def fuzzed_days(interval: float, factor: float | None, minimum: int, maximum: int) -> int:
    """Anki's `with_review_fuzz` without the load balancer: the day `factor` (in [0, 1)) picks inside the fuzz
    range, uniformly; without a factor (fuzz off) the interval rounded into [minimum, maximum]."""
    if factor is None:
        return min(max(rust_round(interval), minimum), maximum)
    lower, upper = fuzz_bounds(interval, minimum, maximum)
    return min(math.floor(lower + factor * (1 + upper - lower)), upper)


def minimum_review_interval(interval: float, previous: int, maximum: int) -> int:
    """Anki's `minimum_review_fuzz_interval`: a growing interval is at least one day longer than the previous
    one; one that barely grew is not cut below it by the fuzz; one that shrank (new parameters) has no floor."""
    _, upper = fuzz_bounds(interval, 1, maximum)
    if rust_round(interval) > previous:
        return previous + 1
    return previous if previous <= upper else 0


class DayPicker(Protocol):
    """Chooses the interval, in days, for a card leaving with `interval` (unrounded) days, within its fuzz
    range constrained to [minimum, maximum]."""

    def pick(self, interval: float, minimum: int, maximum: int) -> int: ...


class FuzzPicker:
    """Plain fuzz: uniform in the range, drawn with a fixed factor (None: no fuzz)."""

    def __init__(self, factor: float | None):
        self.factor = factor

    def pick(self, interval: float, minimum: int, maximum: int) -> int:
        return fuzzed_days(interval, self.factor, minimum, maximum)


class EdgePicker:
    """The lowest (or highest) day of the range: for the widest range a recorded choice may lie in."""

    def __init__(self, highest: bool):
        self.highest = highest

    def pick(self, interval: float, minimum: int, maximum: int) -> int:
        lower, upper = fuzz_bounds(interval, max(minimum, 1), maximum)
        return upper if self.highest else lower


def passing_review_days(intervals: dict[int, float], previous: int, rating: int, maximum: int,
                        picker: DayPicker) -> int:
    """Hard, Good, Easy for a review card (Anki's `passing_fsrs_review_intervals`): each at least the floor of
    `minimum_review_interval` and one day more than the rating below it. `intervals`: rating → FSRS's unrounded
    interval; `previous`: the card's current interval in days."""
    days = 0
    for r in (2, 3, 4):
        floor = max(minimum_review_interval(intervals[r], previous, maximum), 1 if r == 2 else days + 1)
        days = picker.pick(intervals[r], min(max(floor, 1), maximum), maximum)
        if r == rating:
            break
    return days


def graduating_days(intervals: dict[int, float], rating: int, maximum: int, picker: DayPicker) -> int:
    """A (re)learning or new card entering review (Anki's learning.rs / relearning.rs): its rounded interval,
    fuzzed; Easy at least one day more than what Good would have given."""
    if rating != 4:
        return picker.pick(max(rust_round(intervals[rating]), 1), 1, maximum)
    good = picker.pick(intervals[3], 1, maximum)
    return picker.pick(max(rust_round(intervals[4]), 1), min(good + 1, maximum), maximum)


__all__ = ["DayPicker", "EdgePicker", "FuzzPicker", "fuzz_bounds", "fuzzed_days", "graduating_days",
           "minimum_review_interval", "passing_review_days"]
