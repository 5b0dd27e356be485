"""Training items from the review log, built the way Anki builds them (rslib, scheduler/fsrs/params.rs:
`reviews_for_fsrs` with training on).

One item per review made on a later study day than the card's previous review: the card's history up to and
including that review, as (rating, elapsed study days) pairs; FSRS predicts the last one. Per card, only the
history from its last group of learning reviews on counts (a card never learned in the log gives nothing), a reset
(Anki's "forget") drops what came before it, cramming and manual reschedules are not answers, and same-day
reviews stay in the history with 0 elapsed days but are not predicted. Elapsed days are differences of study-day
numbers (`mlwiki.studyday`), so a review the next morning is one day after last night's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from itertools import groupby

from mlwiki.ankiformat.revlog import KIND_OF_STATE, RevlogKind
from mlwiki.models import RESET_RATING, State, utc_time


@dataclass(frozen=True)
class LogEntry:
    """One row of the review log as the optimizer sees it (rating 0: not an answer)."""

    card_id: str
    when: datetime
    rating: int
    kind: RevlogKind


@dataclass(frozen=True)
class TrainingItem:
    """A card's history up to one predicted review: (rating, elapsed study days) pairs, the last one predicted."""

    card_id: str
    when: datetime
    reviews: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Items:
    """All training items in time order, and how many log entries they were built from (Anki's review count)."""

    items: list[TrainingItem]
    reviews: int


def entries_from_rows(rows: Iterable) -> list[LogEntry]:
    """Log entries from store rows (card_id, reviewed_at, rating, state_before). Rows imported with
    `mlwiki log import` have no state_before: they count as learning answers, which gives the same items, as an
    mlwiki history has no resets and so always starts with the learning answers of a new card. A reset pulled
    from Anki (rating 0) is a reset whatever state it found."""
    return [LogEntry(row[0], utc_time(row[1]), row[2],
                     RevlogKind.RESET if row[2] == RESET_RATING else KIND_OF_STATE[State(row[3] or 0)]) for row in rows]


def _start_of_last_learning(entries: list[LogEntry]) -> int | None:
    """Index of the first entry of the card's last group of learning answers, walking back as Anki does."""
    first_learn = None
    for index in range(len(entries) - 1, -1, -1):
        entry = entries[index]
        if entry.kind == RevlogKind.CRAM:
            continue
        if entry.rating > 0 and entry.kind == RevlogKind.LEARN:
            first_learn = index
        elif entry.kind == RevlogKind.RESET or first_learn is not None:
            # nothing before a reset counts; a reset with no learning after it leaves nothing to train on
            break
    return first_learn


def card_items(entries: list[LogEntry], study_date: Callable[[datetime], date]) -> tuple[list[TrainingItem], int]:
    """One card's items (its entries in time order) and how many of its entries they use."""
    start = _start_of_last_learning(entries)
    if start is None:
        return [], 0
    answers = [e for e in entries[start:] if e.rating > 0 and e.kind != RevlogKind.CRAM]
    items, history, previous = [], [], None
    for index, entry in enumerate(answers):
        day = study_date(entry.when)
        elapsed = 0 if previous is None else max((day - previous).days, 0)
        previous = day
        history.append((entry.rating, elapsed))
        if index >= 1 and elapsed > 0:
            items.append(TrainingItem(entry.card_id, entry.when, tuple(history)))
    return items, len(answers) if items else 0


def training_items(entries: Iterable[LogEntry], study_date: Callable[[datetime], date]) -> Items:
    """Items for a whole log whose entries come grouped by card, each card's in time order; sorted by time."""
    items: list[TrainingItem] = []
    used = 0
    for _, group in groupby(entries, key=lambda e: e.card_id):
        found, count = card_items(list(group), study_date)
        items += found
        used += count
    items.sort(key=lambda item: item.when)
    return Items(items, used)
