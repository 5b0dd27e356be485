"""Which due cards come first and which make today's cut: Anki's review sort orders and its v3 daily limits.

Orders (`[review] review_order`, Anki's deck options → Display order → Review sort order; each ends with a random
tie-break that stays the same all day, as Anki's `fnvhash(id, mod)`):

- "due": due date, then random (Anki's "Due date, then random", the default);
- "retrievability": ascending, the card most likely forgotten first (Anki's "Retrievability ascending");
- "overdueness": relative overdueness, time since the last review over the card's interval at its desired
  retention, largest first (Anki's "Relative overdueness");
- "interval-asc" / "interval-desc": the scheduled interval (Anki's "Ascending/Descending intervals");
- "deck": deck name, then due date (Anki's "Deck, then due date");
- "random".

Limits as Anki's v3 scheduler applies them (rslib/src/scheduler/queue/builder): cards are taken in that order,
and a card is taken only while its deck, every parent deck and the whole wiki still have room for the day; each
deck's room is its preset's `new_per_day` / `reviews_per_day` less what its subtree did today.
"""

from __future__ import annotations

try:  # hashlib's own blake2b, without loading OpenSSL on every `due` (~2-3 ms)
    from _blake2 import blake2b
except ImportError:  # an interpreter built without it
    from hashlib import blake2b
from datetime import datetime
from typing import Callable

from mlwiki.config import ReviewSettings


def tie_break(card_id: str, day: int) -> int:
    """A random order that stays fixed for the study day (Anki's `fnvhash(id, mod)`)."""
    return int.from_bytes(blake2b(f"{card_id}:{day}".encode(), digest_size=6).digest(), "big")


def elapsed_days(row, now: datetime) -> float:
    return max((now - datetime.fromisoformat(row["last_review"])).total_seconds() / 86400, 0.0)


def sort_reviews(rows: list, order: str, now: datetime, day: int, number: Callable[[datetime], int],
                 settings_for: Callable[[str], ReviewSettings], decay_for: Callable[[str], float]) -> list:
    """`rows` (id, deck, due, last_review, stability) in `order`. `number` maps a time to its study day;
    `decay_for(deck)` is the FSRS decay of the deck's parameters."""
    def interval(row) -> int:
        return number(datetime.fromisoformat(row["due"])) - number(datetime.fromisoformat(row["last_review"]))

    def retrievability(row) -> float:
        return forgetting_curve(elapsed_days(row, now), row["stability"], decay_for(row["deck"]))

    def overdueness(row) -> float:
        decay = decay_for(row["deck"])
        retention = settings_for(row["deck"]).desired_retention
        ratio = (retrievability(row) ** (-1 / decay) - 1) / (retention ** (-1 / decay) - 1)
        return -ratio

    keys: dict[str, Callable] = {
        "due": lambda r: (r["due"],),
        "retrievability": lambda r: (retrievability(r),),
        "overdueness": lambda r: (overdueness(r),),
        "interval-asc": lambda r: (interval(r),),
        "interval-desc": lambda r: (-interval(r),),
        "deck": lambda r: (r["deck"], r["due"]),
        "random": lambda r: (),
    }
    key = keys[order]
    return sorted(rows, key=lambda r: (*key(r), tie_break(r["id"], day)))


def forgetting_curve(elapsed: float, stability: float | None, decay: float) -> float:
    """FSRS-6's retrievability after `elapsed` days at `stability` (fsrs-rs `current_retrievability`)."""
    if not stability:
        return 0.0
    factor = 0.9 ** (1 / -decay) - 1
    return max((1 + factor * elapsed / stability) ** -decay, 0.0001)


def add_retrievability(rows: list[dict], config, store, now: datetime) -> list[dict]:
    """Card dicts (`cards --json`) with "retrievability" at `now` (None for new cards), on the forgetting curve of
    their deck's parameters, as `review_order = "retrievability"` sorts them."""
    from mlwiki.review.presets import Schedulers

    schedulers = Schedulers(store, config)
    for row in rows:
        reviewed = row["last_review"] and row["stability"]
        row["retrievability"] = round(forgetting_curve(
            elapsed_days(row, now), row["stability"], schedulers.for_deck(row["deck"] or "").fsrs.parameters[20]),
            4) if reviewed else None
    return rows


def deck_and_parents(deck: str) -> list[str]:
    """'ML::math::linear' → ['ML::math::linear', 'ML::math', 'ML']."""
    parts = deck.split("::") if deck else []
    return ["::".join(parts[:n]) for n in range(len(parts), 0, -1)]


class DailyLimits:
    """Room left today per deck (and for the whole wiki, key None) for one kind of card. `limit_of(deck)` is the
    deck's daily limit (its preset's), `total` the wiki's; `done` counts what each deck did today."""

    def __init__(self, limit_of: Callable[[str], int], total: int, done: dict[str, int]):
        self.limit_of = limit_of
        self.room: dict[str | None, int] = {None: total - sum(done.values())}
        self.done_below: dict[str, int] = {}
        for deck, count in done.items():
            for node in deck_and_parents(deck):
                self.done_below[node] = self.done_below.get(node, 0) + count

    def _room(self, node: str) -> int:
        if node not in self.room:
            self.room[node] = self.limit_of(node) - self.done_below.get(node, 0)
        return self.room[node]

    def take(self, deck: str) -> bool:
        """Count one card of `deck` if it and every parent (and the wiki) have room; else False."""
        nodes = [*deck_and_parents(deck), None]
        if any((self._room(n) if n is not None else self.room[None]) <= 0 for n in nodes):
            return False
        for node in nodes:
            self.room[node] -= 1
        return True


__all__ = ["DailyLimits", "deck_and_parents", "forgetting_curve", "sort_reviews", "tie_break"]
