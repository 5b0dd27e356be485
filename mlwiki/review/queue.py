"""What to study now: the study day, and the queue of due learning cards, due reviews and new cards.

The study day starts at `day_starts_at` (04:00 by default) local time, as in Anki: a review at 01:00 still
counts for the day before. Siblings (other cloze groups, the reverse side) are buried for the day once one of
them has been seen, so one note never asks the same thing twice in a day.
"""

from __future__ import annotations

import functools
import json
import os
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mlwiki.config import ReviewSettings
from mlwiki.studyday import local_zone, study_day
from mlwiki.errors import UsageError
from mlwiki.store.db import Store, utc_iso

LEARN_AHEAD = timedelta(minutes=20)


@dataclass
class Filters:
    """Which cards a session or listing covers."""

    deck: str | None = None
    tag: str | None = None
    path_sql: tuple[str, list] = ("1", [])
    limit: int | None = None
    new: int | None = None

    def sql(self) -> tuple[str, list]:
        clauses, params = ["retired = 0", self.path_sql[0]], list(self.path_sql[1])
        if self.deck:
            clauses.append("(deck = ? OR deck LIKE ? ESCAPE '\\')")
            params += [self.deck, _like_prefix(self.deck) + "::%"]
        if self.tag:
            clauses.append("EXISTS (SELECT 1 FROM json_each(cards.tags) WHERE value = ? OR value LIKE ? "
                           "ESCAPE '\\')")
            params += [self.tag, _like_prefix(self.tag) + "::%"]
        return " AND ".join(clauses), params


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


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


def done_today(store: Store, start: datetime) -> tuple[int, int, set[str]]:
    """(new cards introduced, reviews of review cards, note ids seen) since the study day started."""
    rows = store.query(
        "SELECT r.state_before, c.note_id FROM reviews r JOIN cards c ON c.id = r.card_id WHERE r.reviewed_at >= ?",
        (utc_iso(start),))
    new = sum(1 for r in rows if r["state_before"] == 0)
    reviews = sum(1 for r in rows if r["state_before"] == 2)
    return new, reviews, {r["note_id"] for r in rows}


def build_queue(store: Store, settings: ReviewSettings, now: datetime, filters: Filters | None = None) -> Queue:
    """Due learning cards, then due reviews (capped), then new cards (capped) in note order."""
    filters = filters or Filters()
    start, end = study_day(now, settings)
    where, params = filters.sql()
    where += " AND suspended = 0 AND (buried_until IS NULL OR buried_until <= ?)"
    params.append(utc_iso(now))
    new_done, reviews_done, seen_notes = done_today(store, start)
    queue = Queue()
    queue.learning = [r["id"] for r in store.query(
        f"SELECT id FROM cards WHERE {where} AND state IN (1, 3) AND due <= ? ORDER BY due",
        (*params, utc_iso(now + LEARN_AHEAD)))]
    review_cap = max(settings.reviews_per_day - reviews_done, 0)
    queue.reviews = _one_per_note(store.query(
        f"SELECT id, note_id FROM cards WHERE {where} AND state = 2 AND due < ? ORDER BY due, id",
        (*params, utc_iso(end))), seen_notes, review_cap)
    new_cap = filters.new if filters.new is not None else max(settings.new_per_day - new_done, 0)
    new_rows = store.query(f"SELECT id, note_id FROM cards WHERE {where} AND state = 0 ORDER BY path, ord, id",
                           params)
    seen_notes |= {_note_of(store, cid) for cid in queue.reviews}
    queue.new = _one_per_note(new_rows, seen_notes, new_cap)
    queue.new_waiting = len(new_rows)
    if filters.limit is not None:
        _truncate(queue, filters.limit)
    queue.next_due = next_due(store, where, params, now)
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


def _note_of(store: Store, card_id: str) -> str:
    return store.query("SELECT note_id FROM cards WHERE id = ?", (card_id,))[0][0]


def _truncate(queue: Queue, limit: int) -> None:
    for name in ("learning", "reviews", "new"):
        items = getattr(queue, name)
        setattr(queue, name, items[:limit])
        limit -= len(getattr(queue, name))


def next_due(store: Store, where: str, params: list, now: datetime) -> datetime | None:
    row = store.query(f"SELECT min(due) FROM cards WHERE {where} AND state > 0 AND due > ?",
                      (*params, utc_iso(now)))
    return datetime.fromisoformat(row[0][0]) if row and row[0][0] else None


def due_counts(store: Store, settings: ReviewSettings, now: datetime) -> list[dict]:
    """Per deck: learning due now, reviews due today, new available today (before sibling burying)."""
    start, end = study_day(now, settings)
    rows = store.query(
        "SELECT deck, sum(state IN (1, 3) AND due <= ?) AS learning, sum(state = 2 AND due < ?) AS review, "
        "sum(state = 0) AS new FROM cards WHERE retired = 0 AND suspended = 0 AND "
        "(buried_until IS NULL OR buried_until <= ?) GROUP BY deck ORDER BY deck",
        (utc_iso(now + LEARN_AHEAD), utc_iso(end), utc_iso(now)))
    new_done, _, _ = done_today(store, start)
    new_left = max(settings.new_per_day - new_done, 0)
    result = []
    for row in rows:
        new = min(row["new"] or 0, new_left)
        new_left -= new
        result.append({"deck": row["deck"], "learning": row["learning"] or 0, "review": row["review"] or 0,
                       "new": new})
    return result


def tags_of(row) -> list[str]:
    return json.loads(row["tags"] or "[]")
