"""The review session: which card is current, answering, undo, suspend, bury, drop — no terminal code here.

Every front end (the rich terminal UI, the line-oriented plain mode, the web review) drives this class. Each
answer is committed to the database before the next card is chosen, so a crash loses at most the card on screen.
Like Anki, the session refills from the database whenever a card leaves the queue without an answer (suspend,
bury, drop) and before it ends, so it ends only when `mlwiki due` says nothing is due.
"""

from __future__ import annotations

import time as _time
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from typing import Callable

from mlwiki.config import Config
from mlwiki.models import RATINGS, CardState, State
from mlwiki.review.answering import Answer, record_answer, restore_flags, set_flag, undo_answer
from mlwiki.review.presets import Schedulers
from mlwiki.review.queue import DueSummary, Filters, Queue, build_queue, due_summary, format_interval
from mlwiki.store import cards
from mlwiki.store.db import Store
from mlwiki.studyday import StudyCalendar

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

    kind: str  # "answer" | "suspend" | "bury" | "drop"
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
    due: DueSummary | None = None  # what is due when the session ends (the same answer `mlwiki due` gives)


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
        self.calendar = StudyCalendar.from_settings(self.settings)
        self.schedulers = Schedulers(store, config)  # per deck preset, with Anki's load balancer
        self.filters = filters or Filters()
        self.undo_stack: list[Step] = []
        self.summary = Summary()
        self.shown_at = _time.monotonic()
        self.current: ShownCard | None = None
        self.answered: list[tuple[str, bool]] = []  # (card id, was new) per answer this session, for the limits
        self.reload()

    # queue ----------------------------------------------------------------------------------------------
    def reload(self, keep_current: bool = False) -> None:
        """Rebuild the queue from the database (at start, and after an edit or a rescan). With `keep_current`,
        the card on screen stays there (re-read: an edit may have changed its text) if it still exists."""
        current = self.current
        self.queue: Queue = self._fresh_queue()
        if keep_current and current is not None:
            self.current = self._load(current.id)
            if self.current is not None:
                self._remove_from_queue(current.id)
                return
        self._advance()

    def _fresh_queue(self) -> Queue:
        """The queue as the database has it now, less what `--limit` and `--new` already spent this session."""
        filters = self.filters
        if filters.limit is not None:
            filters = replace(filters, limit=max(filters.limit - len({cid for cid, _ in self.answered}), 0))
        if filters.new is not None:
            filters = replace(filters, new=max(filters.new - sum(new for _, new in self.answered), 0))
        return build_queue(self.store, self.settings, self.clock(), filters, self.config)

    def _refill(self) -> None:
        """Rebuild the queue after a card left it unanswered (suspend, bury, drop): a freed new-card slot goes to
        the next new card, as in Anki."""
        self.queue = self._fresh_queue()
        self._advance(refilled=True)

    def _remove_from_queue(self, card_id: str) -> None:
        """Take a card out of the queue (it is on screen)."""
        self.queue.learning = [(due, cid) for due, cid in self.queue.learning if cid != card_id]
        self.queue.main = [(kind, cid) for kind, cid in self.queue.main if cid != card_id]

    @property
    def remaining(self) -> dict[str, int]:
        """Counts for the header, as `mlwiki due` counts them: learning due within the learn-ahead limit,
        reviews and new cards left in the queue — the current card included."""
        counts = {"learning": len(self.queue.learning_by(self.clock() + self.settings.learn_ahead)),
                  "review": self.queue.count("review"), "new": self.queue.count("new")}
        if self.current is not None:
            counts[{State.NEW: "new", State.REVIEW: "review"}.get(self.current.state.state, "learning")] += 1
        return counts

    def _advance(self, refilled: bool = False) -> None:
        """The next card, in Anki's order: a learning card already due, else the next review or new card, else a
        learning card due within the learn-ahead limit; else (once the queue is refilled from the database and
        still holds nothing) none."""
        now = self.clock()
        learning = self.queue.learning
        learning.sort()
        if learning and learning[0][0] <= now:
            self.current = self._load(learning.pop(0)[1])
        elif self.queue.main:
            self.current = self._load(self.queue.main.pop(0)[1])
        elif learning and learning[0][0] <= now + self.settings.learn_ahead:
            self.current = self._load(learning.pop(0)[1])
        elif not refilled:
            self._refill()
            return
        else:
            self.current = None
        self.shown_at = _time.monotonic()

    def due_now(self) -> DueSummary:
        """What is due now for this session's cards (the answer `mlwiki due` gives: a `--new` override is this
        session's, so the day's own new limit counts again)."""
        return due_summary(self.store, self.settings, self.clock(), replace(self.filters, limit=None, new=None),
                           config=self.config)

    def finish(self) -> Summary:
        """The session summary, with what is still due and when the next card falls due."""
        self.summary.due = self.due_now()
        return self.summary

    def _load(self, card_id: str) -> ShownCard | None:
        row = cards.card_row(self.store, card_id)
        return ShownCard.from_row(row) if row is not None else None

    def _snapshot(self) -> tuple:
        return list(self.queue.learning), list(self.queue.main), self.current

    def _restore(self, snap: tuple) -> None:
        self.queue.learning, self.queue.main, self.current = list(snap[0]), list(snap[1]), snap[2]
        self.shown_at = _time.monotonic()

    def _bury_siblings(self, card: ShownCard) -> None:
        siblings = cards.siblings(self.store, card.note_id, card.id)
        if siblings:
            self.queue.main = [(kind, cid) for kind, cid in self.queue.main if cid not in siblings]

    # actions --------------------------------------------------------------------------------------------
    def previews(self) -> dict[int, str]:
        """The interval label each rating would give the current card."""
        card = self.current
        when = self.clock()
        picker = self.schedulers.picker(card.id, card.note_id, card.deck, card.state.reps, when)
        scheduler = self.schedulers.for_deck(card.deck)
        return {r: format_interval(d) for r, d in scheduler.previews(card.id, card.state, when, picker).items()}

    def answer(self, rating: int) -> Answer:
        """Record `rating` for the current card (committed), then move on."""
        if rating not in RATINGS or self.current is None:
            raise ValueError(f"bad rating {rating}")
        card, snap = self.current, self._snapshot()
        duration = int((_time.monotonic() - self.shown_at) * 1000)
        now = self.clock()
        result = record_answer(self.store, self.schedulers.for_deck(card.deck), card.id, rating, now,
                               min(duration, 3_600_000), self.settings.leech_threshold,
                               self.schedulers.picker(card.id, card.note_id, card.deck, card.state.reps, now))
        self._push(Step("answer", card.id, answer=result, queue_before=snap, rating=rating))
        self.answered.append((card.id, card.state.state == State.NEW))
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
        _, day_end = self.calendar.bounds(now)
        due = datetime.fromisoformat(row["due"])
        if row["state"] in (State.LEARNING, State.RELEARNING) and due < day_end:
            self.queue.learning.append((due, card_id))

    def suspend(self) -> ShownCard | None:
        """Suspend the current card until `mlwiki unsuspend` (recorded as an event); returns it."""
        return self._flag("suspend", None)

    def bury(self) -> ShownCard | None:
        """Hide the current card until the next study day; returns it."""
        _, day_end = self.calendar.bounds(self.clock())
        return self._flag("bury", day_end)

    def drop(self) -> ShownCard | None:
        """Mark the current card "not a card": out of every queue for good (rescans keep the mark) until
        `mlwiki undrop`; recorded as a 'drop' event, so it travels in `log export`. Returns the card."""
        return self._flag("drop", None)

    def _flag(self, action: str, until: datetime | None) -> ShownCard | None:
        card, snap = self.current, self._snapshot()
        if card is None:
            return None
        before = set_flag(self.store, card.id, action, self.clock(), until)
        self._push(Step(action, card.id, flags=before, queue_before=snap))
        self._refill()
        return card

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
            self.answered.pop()
        else:
            restore_flags(self.store, step.card_id, step.flags)
        self._restore(step.queue_before)
        self.current = self._load(step.card_id)
        return step
