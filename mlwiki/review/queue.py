"""What to study now, in the order of Anki's v3 scheduler, and the one answer to "what is due".

Order: learning and relearning cards already due; then the main queue, review cards due today (a review card is
due from the start of its study day) mixed with the day's new cards as Anki's default "mix with reviews" does
(`[review] new_mix`: "mix", "after" or "before" the reviews); then, only when nothing else is left, a learning card
due within the learn-ahead limit (`[review] learn_ahead`, 20 minutes as in Anki).

Siblings (other cloze groups, the reverse side) are buried for the day once one of them has been seen, so one note
never asks the same thing twice in a day. `due`, the session header, the end-of-session line and `stats` all count
through `build_queue` and `due_summary`, so they agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from typing import Callable

from mlwiki.config import Config, ReviewSettings
from mlwiki.states import State
from mlwiki.review.order import DailyLimits, sort_reviews
from mlwiki.store import cards
from mlwiki.store.cards import CardFilter
from mlwiki.store.db import Store
from mlwiki.studyday import StudyCalendar
from mlwiki.textsafe import plural


@dataclass
class Filters:
    """Which cards a session covers (the one `CardFilter`) and how many: `limit` cards in all, `new` new cards."""

    selection: CardFilter = field(default_factory=CardFilter)
    limit: int | None = None
    new: int | None = None


@dataclass
class Queue:
    """One study day's cards at one moment: intraday learning cards with their due times (soonest first), and the
    main queue of (kind, id) with kind "review" or "new", in the order they will be shown."""

    learning: list[tuple[datetime, str]] = field(default_factory=list)
    main: list[tuple[str, str]] = field(default_factory=list)
    held_back: bool = False  # reviews due today left out by the daily limit or sibling burying

    def count(self, kind: str) -> int:
        return sum(1 for k, _ in self.main if k == kind)

    def learning_by(self, until: datetime) -> list[str]:
        return [cid for due, cid in self.learning if due <= until]


def build_queue(store: Store, settings: ReviewSettings, now: datetime, filters: Filters | None = None,
                config: Config | None = None) -> Queue:
    """The queue at `now`: every learning card due before the study day ends, due reviews and new cards (in
    `[review] review_order`, within each deck's daily limits as Anki's v3 scheduler applies them, one card per
    note), reviews and new cards mixed as `[review] new_mix` says. `config` gives deck presets their limits."""
    filters = filters or Filters()
    settings_for = config.settings_for if config else (lambda deck: settings)
    calendar = StudyCalendar.from_settings(settings)
    start, end = calendar.bounds(now)
    new_done, reviews_done, seen = cards.done_since(store, start)
    queue = Queue(learning=cards.learning_until(store, filters.selection, now, end))
    review_rows = sort_reviews(list(cards.reviews_due(store, filters.selection, now, end)), settings.review_order,
                               now, calendar.number(now), calendar.number, settings_for, _decays(store, config))
    review_limits = DailyLimits(lambda deck: settings_for(deck).reviews_per_day, settings.reviews_per_day,
                                reviews_done)
    reviews = _one_per_note(review_rows, seen, review_limits)
    queue.held_back = len(reviews) < len(review_rows)
    if filters.new is not None:
        new_limits = DailyLimits(lambda deck: filters.new, filters.new, {})
    else:
        new_limits = DailyLimits(lambda deck: settings_for(deck).new_per_day, settings.new_per_day, new_done)
    new = _one_per_note(cards.new_cards(store, filters.selection, now), seen, new_limits)
    queue.main = mix([("review", c) for c in reviews], [("new", c) for c in new], settings.new_mix)
    if filters.limit is not None:
        _truncate(queue, filters.limit, now + settings.learn_ahead)
    return queue


def _decays(store: Store, config: Config | None) -> Callable[[str], float]:
    """deck → the FSRS decay of the parameters its answers use (for the retrievability orders; fsrs is imported
    only when one of them asks)."""
    def decay(deck: str) -> float:
        from mlwiki.review.presets import Schedulers
        from mlwiki.review.schedule import default_parameters

        if config is None:
            return default_parameters()[20]
        if not cache:
            cache.append(Schedulers(store, config))
        return cache[0].for_deck(deck).fsrs.parameters[20]

    cache: list = []
    return decay


def _one_per_note(rows, seen: dict[str, set[str]], limits: DailyLimits) -> list[str]:
    """Ids within the daily limits, leaving out cards whose siblings (same note) were seen today or chosen
    before them; the chosen ones count as seen."""
    chosen = []
    for row in rows:
        if seen.get(row["note_id"], set()) - {row["id"]}:
            continue
        if not limits.take(row["deck"]):
            continue
        seen.setdefault(row["note_id"], set()).add(row["id"])
        chosen.append(row["id"])
    return chosen


def mix(reviews: list, new: list, mode: str) -> list:
    """Reviews and new cards in one queue: new cards after or before the reviews, or spread evenly among them
    (Anki's `Intersperser`, rslib/src/scheduler/queue/builder/intersperser.rs)."""
    if mode == "after":
        return reviews + new
    if mode == "before":
        return new + reviews
    ratio = (len(reviews) + 1) / (len(new) + 1)
    out, i, j = [], 0, 0
    while i < len(reviews) or j < len(new):
        if j < len(new) and (i == len(reviews) or (j + 1) * ratio < i + 1):
            out.append(new[j])
            j += 1
        else:
            out.append(reviews[i])
            i += 1
    return out


def _truncate(queue: Queue, limit: int, learn_until: datetime) -> None:
    """Keep `limit` cards: the learning cards counted now first, then the main queue's."""
    counted = queue.learning_by(learn_until)[:limit]
    queue.learning = [(due, cid) for due, cid in queue.learning if cid in counted]
    queue.main = queue.main[:max(limit - len(counted), 0)]


@dataclass
class DueSummary:
    """The one answer to "what is due" for a filter at a moment.

    learning: learning and relearning cards due now or within the learn-ahead limit; review: review cards due
    today that today's queue holds (after the daily limit and one card per note); new: new cards today's queue
    holds; later_today: learning cards due later this study day; next_due: when the next card not counted here
    falls due (None: nothing scheduled), with next_is_day when that is a review card's study day; new_waiting:
    new cards of the filter in all; matched: live cards the filter selects."""

    learning: int = 0
    review: int = 0
    new: int = 0
    later_today: int = 0
    next_due: datetime | None = None  # in the learner's zone
    next_is_day: bool = False
    next_in_days: int = 0  # study days from today to next_due
    new_waiting: int = 0
    matched: int = 0
    decks: list[dict] = field(default_factory=list)

    @property
    def now_total(self) -> int:
        return self.learning + self.review + self.new

    @property
    def due_today(self) -> int:
        """What `stats` calls due today: every studied card due this study day (learning later today too)."""
        return self.learning + self.later_today + self.review

    def to_dict(self) -> dict:
        return {"learning": self.learning, "review": self.review, "new": self.new, "later_today": self.later_today,
                "next_due": self.next_due.isoformat() if self.next_due else None,
                "next_due_is_day": self.next_is_day, "next_due_in_days": self.next_in_days,
                "new_waiting": self.new_waiting, "matched": self.matched,
                "decks": self.decks}


def due_summary(store: Store, settings: ReviewSettings, now: datetime, filters: Filters | None = None,
                queue: Queue | None = None, config: Config | None = None) -> DueSummary:
    """What is due at `now` for `filters`, counted from the queue a session at `now` would hold."""
    filters = filters or Filters()
    queue = queue or build_queue(store, settings, now, filters, config)
    calendar = StudyCalendar.from_settings(settings)
    learn_until = now + settings.learn_ahead
    learning = queue.learning_by(learn_until)
    counted = set(learning) | {cid for _, cid in queue.main}
    summary = DueSummary(learning=len(learning), review=queue.count("review"), new=queue.count("new"),
                         later_today=len(queue.learning) - len(learning),
                         new_waiting=cards.new_waiting(store, filters.selection),
                         matched=cards.selected_count(store, filters.selection))
    later = [(due, cid) for due, cid in queue.learning if due > learn_until]
    upcoming = cards.next_scheduled(store, filters.selection, now, counted)
    if queue.held_back:
        upcoming.append((calendar.bounds(now)[1], int(State.REVIEW)))
    candidates = [(due, State.LEARNING) for due, _ in later] + upcoming
    if candidates:
        when, state = min(candidates)
        summary.next_due = when.astimezone(calendar.zone)
        summary.next_is_day = state == State.REVIEW
        summary.next_in_days = calendar.number(when) - calendar.number(now)
    summary.decks = _by_deck(store, learning, [cid for _, cid in later], queue.main)
    for row in summary.decks:  # each deck's preset retention (Anki shows it in the deck options)
        row["desired_retention"] = (config.settings_for(row["deck"]) if config else settings).desired_retention
    return summary


def _by_deck(store: Store, learning: list[str], later: list[str], main: list[tuple[str, str]]) -> list[dict]:
    """Per deck, the learning, review, new and later-today counts of the same queue."""
    entries = [("learning", cid) for cid in learning] + [("later_today", cid) for cid in later] + main
    decks = cards.decks_of(store, [cid for _, cid in entries])
    rows: dict[str, dict] = {}
    for kind, cid in entries:
        deck = decks.get(cid, "")
        rows.setdefault(deck, {"deck": deck, "learning": 0, "review": 0, "new": 0, "later_today": 0})[kind] += 1
    return [rows[d] for d in sorted(rows)]


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


def next_due_text(due: DueSummary, now: datetime, counts: bool = True) -> str:
    """What is still due (unless `counts` is off) and when the next card falls due, in words: the line that ends
    a session and `due`. A review card's next due is its study day; a learning card's, its time (never a time
    already past)."""
    parts = []
    if due.now_total and counts:
        parts.append(f"Due now: learning {due.learning} · review {due.review} · new {due.new}.")
    if due.next_due is None:
        if not due.now_total:
            parts.append("No reviews scheduled.")
    elif due.next_is_day:
        days = "tomorrow" if due.next_in_days == 1 else f"in {due.next_in_days} days"
        parts.append(f"Next card due {due.next_due:%a %Y-%m-%d} ({days}).")
    else:
        moment = f"{due.next_due:%H:%M}" if due.next_in_days == 0 else f"{due.next_due:%Y-%m-%d %H:%M}"
        parts.append(f"Next card due {moment} (in {format_interval(due.next_due - now)}).")
    if due.new_waiting > due.new:
        waiting = due.new_waiting - due.new
        parts.append(f"{plural(waiting, 'new card')} wait{'s' if waiting == 1 else ''}.")
    return " ".join(parts)
