"""What to study now: the queue of due learning cards, due reviews and new cards of one study day.

Siblings (other cloze groups, the reverse side) are buried for the day once one of
them has been seen, so one note never asks the same thing twice in a day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from mlwiki.config import ReviewSettings
from mlwiki.store import cards
from mlwiki.store.cards import CardFilter
from mlwiki.store.db import Store
from mlwiki.studyday import study_day

LEARN_AHEAD = timedelta(minutes=20)


@dataclass
class Filters:
    """Which cards a session covers (the one `CardFilter`) and how many: `limit` cards in all, `new` new cards."""

    selection: CardFilter = field(default_factory=CardFilter)
    limit: int | None = None
    new: int | None = None


@dataclass
class Queue:
    """Card ids in the order they will be shown, plus counts for the header."""

    learning: list[str] = field(default_factory=list)
    reviews: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    new_waiting: int = 0
    next_due: datetime | None = None

    def __len__(self) -> int:
        return len(self.learning) + len(self.reviews) + len(self.new)


def build_queue(store: Store, settings: ReviewSettings, now: datetime, filters: Filters | None = None) -> Queue:
    """Due learning cards, then due reviews (capped), then new cards (capped) in note order."""
    filters = filters or Filters()
    start, end = study_day(now, settings)
    new_done, reviews_done, seen_notes = cards.done_since(store, start)
    queue = Queue()
    queue.learning = cards.learning_due(store, filters.selection, now, now + LEARN_AHEAD)
    review_cap = max(settings.reviews_per_day - reviews_done, 0)
    queue.reviews = _one_per_note(cards.reviews_due(store, filters.selection, now, end), seen_notes, review_cap)
    new_cap = filters.new if filters.new is not None else max(settings.new_per_day - new_done, 0)
    new_rows = cards.new_cards(store, filters.selection, now)
    seen_notes |= {cards.note_of(store, cid) for cid in queue.reviews}
    queue.new = _one_per_note(new_rows, seen_notes, new_cap)
    queue.new_waiting = len(new_rows)
    if filters.limit is not None:
        _truncate(queue, filters.limit)
    queue.next_due = cards.next_due(store, filters.selection, now)
    return queue


def _one_per_note(rows, seen_notes: set[str], cap: int) -> list[str]:
    chosen = []
    for row in rows:
        if len(chosen) >= cap:
            break
        if row["note_id"] in seen_notes:
            continue
        seen_notes.add(row["note_id"])
        chosen.append(row["id"])
    return chosen


def _truncate(queue: Queue, limit: int) -> None:
    for name in ("learning", "reviews", "new"):
        items = getattr(queue, name)
        setattr(queue, name, items[:limit])
        limit -= len(getattr(queue, name))


def due_counts(store: Store, settings: ReviewSettings, now: datetime,
               selection: CardFilter = CardFilter()) -> list[dict]:
    """Per deck: learning due now, reviews due today, new available today (before sibling burying)."""
    start, end = study_day(now, settings)
    rows = cards.due_by_deck(store, selection, now, now + LEARN_AHEAD, end)
    new_done, _, _ = cards.done_since(store, start)
    new_left = max(settings.new_per_day - new_done, 0)
    result = []
    for row in rows:
        new = min(row["new"] or 0, new_left)
        new_left -= new
        result.append({"deck": row["deck"], "learning": row["learning"] or 0, "review": row["review"] or 0,
                       "new": new})
    return result
