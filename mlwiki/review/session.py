"""The review session: which card is current, answering, undo, suspend, bury — no terminal code here.

Both front ends (the rich terminal UI and the line-oriented plain mode) drive this class. Each answer is
committed to the database before the next card is chosen, so a crash loses at most the card on screen.
"""

from __future__ import annotations

import time as _time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Callable

from mlwiki.config import Config
from mlwiki.review.queue import LEARN_AHEAD, Filters, Queue, build_queue
from mlwiki.studyday import study_day
from mlwiki.review.log import Answer, record_answer, restore_flags, set_flag, undo_answer
from mlwiki.review.schedule import RATINGS, CardState, Scheduler, format_interval
from mlwiki.models import State
from mlwiki.store import cards
from mlwiki.store.db import Store

UNDO_DEPTH = 50


@dataclass(frozen=True)
class ShownCard:
    """The current card, as the UI shows it."""

    id: str
    note_id: str
    kind: str
    front: str
    back: str
    deck: str
    path: str
    line: int
    heading: str
    state: CardState
    text: str = ""  # cloze cards: the block in Anki cloze form, and this card's group (the card page uses them)
    group: int = 0

    @classmethod
    def from_row(cls, row) -> "ShownCard":
        return cls(row["id"], row["note_id"], row["kind"], row["front"], row["back"], row["deck"], row["path"],
                   row["line"], row["heading"] or "", CardState.from_row(row), row["text"] or "", row["grp"] or 0)


@dataclass
class Step:
    """One undoable action."""

    kind: str  # "answer" | "suspend" | "bury"
    card_id: str
    answer: Answer | None = None
    flags: dict | None = None
    queue_before: tuple = ()
    rating: int = 0


@dataclass
class Summary:
    reviewed: int = 0
    again: int = 0
    seconds: float = 0.0
    leeches: list[str] = field(default_factory=list)
    next_due: datetime | None = None
    new_waiting: int = 0


def session_clock(start: datetime | None) -> Callable[[], datetime]:
    """Real time, or `--now` plus the real time elapsed since the session began (so learning steps work)."""
    if start is None:
        return lambda: datetime.now(timezone.utc)
    began = _time.monotonic()
    return lambda: start + timedelta(seconds=_time.monotonic() - began)


class ReviewSession:
    """A study session over one store. `current` is the card on screen, or None when done."""

    def __init__(self, store: Store, config: Config, clock: Callable[[], datetime], filters: Filters | None = None):
        self.store, self.config, self.clock = store, config, clock
        self.settings = config.review
        self.scheduler = Scheduler.for_store(store, self.settings)
        self.filters = filters or Filters()
        self.undo_stack: list[Step] = []
        self.summary = Summary()
        self.pending: list[tuple[datetime, str]] = []  # learning cards answered this session: (due, id)
        self.shown_at = _time.monotonic()
        self.current: ShownCard | None = None
        self.reload()

    # queue ----------------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Rebuild the queue from the database (at start, and after an edit or a rescan)."""
        self.queue: Queue = build_queue(self.store, self.settings, self.clock(), self.filters)
        self.summary.new_waiting = self.queue.new_waiting
        self.pending = []
        self._advance()

    @property
    def remaining(self) -> dict[str, int]:
        """Counts for the header: learning (incl. pending), review, new — the current card included."""
        counts = {"learning": len(self.queue.learning) + len(self.pending), "review": len(self.queue.reviews),
                  "new": len(self.queue.new)}
        if self.current is not None:
            counts[{State.NEW: "new", State.REVIEW: "review"}.get(self.current.state.state, "learning")] += 1
        return counts

    def _advance(self) -> None:
        now = self.clock()
        self.pending.sort()
        if self.pending and self.pending[0][0] <= now:
            self.current = self._load(self.pending.pop(0)[1])
        elif self.queue.learning:
            self.current = self._load(self.queue.learning.pop(0))
        elif self.queue.reviews:
            self.current = self._load(self.queue.reviews.pop(0))
        elif self.queue.new:
            self.current = self._load(self.queue.new.pop(0))
        elif self.pending and self.pending[0][0] <= now + LEARN_AHEAD:
            self.current = self._load(self.pending.pop(0)[1])  # learn ahead rather than stop
        else:
            self.current = None
        self.shown_at = _time.monotonic()

    def finish(self) -> Summary:
        """The session summary, with when the next card falls due and how many new cards wait."""
        now = self.clock()
        self.summary.next_due = cards.next_due(self.store, self.filters.selection, now, after=now)
        self.summary.new_waiting = cards.new_waiting(self.store, self.filters.selection)
        return self.summary

    def _load(self, card_id: str) -> ShownCard | None:
        row = cards.card_row(self.store, card_id)
        return ShownCard.from_row(row) if row is not None else None

    def _snapshot(self) -> tuple:
        return (list(self.queue.learning), list(self.queue.reviews), list(self.queue.new), list(self.pending),
                self.current)

    def _restore(self, snap: tuple) -> None:
        self.queue.learning, self.queue.reviews, self.queue.new, self.pending, self.current = \
            snap[0], snap[1], snap[2], snap[3], snap[4]
        self.shown_at = _time.monotonic()

    def _bury_siblings(self, card: ShownCard) -> None:
        siblings = cards.siblings(self.store, card.note_id, card.id)
        if siblings:
            self.queue.reviews = [c for c in self.queue.reviews if c not in siblings]
            self.queue.new = [c for c in self.queue.new if c not in siblings]

    # actions --------------------------------------------------------------------------------------------
    def previews(self) -> dict[int, str]:
        """The interval label each rating would give the current card."""
        card = self.current
        when = self.clock()
        return {r: format_interval(d) for r, d in self.scheduler.previews(card.id, card.state, when).items()}

    def answer(self, rating: int) -> Answer:
        """Record `rating` for the current card (committed), then move on."""
        if rating not in RATINGS or self.current is None:
            raise ValueError(f"bad rating {rating}")
        card, snap = self.current, self._snapshot()
        duration = int((_time.monotonic() - self.shown_at) * 1000)
        now = self.clock()
        result = record_answer(self.store, self.scheduler, card.id, rating, now, min(duration, 3_600_000),
                               self.settings.leech_threshold)
        self._push(Step("answer", card.id, answer=result, queue_before=snap, rating=rating))
        self.summary.reviewed += 1
        self.summary.again += rating == 1
        self.summary.seconds += duration / 1000
        if result.leech:
            self.summary.leeches.append(card.id)
        else:
            self._requeue(card.id, now)
        self._bury_siblings(card)
        self._advance()
        return result

    def _requeue(self, card_id: str, now: datetime) -> None:
        row = cards.card_row(self.store, card_id)
        _, day_end = study_day(now, self.settings)
        due = datetime.fromisoformat(row["due"])
        if row["state"] in (State.LEARNING, State.RELEARNING) and due < day_end:
            self.pending.append((due, card_id))

    def suspend(self) -> None:
        self._flag("suspend", None)

    def bury(self) -> None:
        """Hide the current card until the next study day."""
        _, day_end = study_day(self.clock(), self.settings)
        self._flag("bury", day_end)

    def _flag(self, action: str, until: datetime | None) -> None:
        card, snap = self.current, self._snapshot()
        if card is None:
            return
        before = set_flag(self.store, card.id, action, self.clock(), until)
        self._push(Step(action, card.id, flags=before, queue_before=snap))
        self._advance()

    def _push(self, step: Step) -> None:
        self.undo_stack.append(step)
        del self.undo_stack[:-UNDO_DEPTH]

    def undo(self) -> Step | None:
        """Take back the last action: the log row goes, the card's state and the queue are as before."""
        if not self.undo_stack:
            return None
        step = self.undo_stack.pop()
        if step.kind == "answer":
            undo_answer(self.store, step.answer)
            self.summary.reviewed -= 1
            self.summary.again -= step.rating == 1
            if step.answer.leech:
                self.summary.leeches.remove(step.card_id)
        else:
            restore_flags(self.store, step.card_id, step.flags)
        self._restore(step.queue_before)
        self.current = self._load(step.card_id)
        return step
