"""What a `reschedule` event says, and what it does to a replayed card (pure: text in, states out).

`mlwiki reschedule` records each card it changes as an event, never as a review (Anki's "Reschedule cards on
change" logs a manual entry; mlwiki's log keeps reviews only). The event's detail is the new due and, since the
command recomputes memory states as Anki does, the stability and difficulty the card's preset's parameters give
its whole log:

    2026-04-01T04:00:00+00:00 s=12.3456 d=5.4321     a review card: due, memory state
    - s=3.2 d=6.1                                    a learning or suspended card: memory state only
    2026-04-01T04:00:00+00:00                        written before memory states were recomputed: due only

A replay applies each event where it happened: before the first review made after it (that review starts from
the recomputed state, as it did when it was made), or at the end.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import datetime

from mlwiki.models import CardState, State, utc_time


@dataclass(frozen=True)
class Rescheduled:
    """A reschedule event's detail: the new due (review cards) and the recomputed memory state."""

    due: datetime | None = None
    stability: float | None = None
    difficulty: float | None = None

    def text(self) -> str:
        """The detail as written to the events table and log files (floats in full, so replays are exact)."""
        parts = [self.due.isoformat() if self.due else "-"]
        if self.stability is not None and self.difficulty is not None:
            parts += [f"s={self.stability!r}", f"d={self.difficulty!r}"]
        return " ".join(parts)

    def apply(self, state: CardState) -> CardState:
        """`state` with the memory state set and, for a review card, the due."""
        if state.state == State.NEW:
            return state
        if self.stability is not None and self.difficulty is not None:
            state = replace(state, stability=self.stability, difficulty=self.difficulty)
        if self.due is not None and state.state == State.REVIEW:
            state = replace(state, due=self.due)
        return state


def parse_detail(text: str | None) -> Rescheduled:
    """A reschedule event's detail read back; ValueError names what is wrong."""
    words = (text or "").split()
    if not words:
        return Rescheduled()
    due = None if words[0] == "-" else utc_time(words[0])
    memory = {}
    for word in words[1:]:
        key, _, value = word.partition("=")
        number = float(value)
        if key not in ("s", "d") or not math.isfinite(number) or number <= 0:
            raise ValueError(f"{word!r} is not s=<stability> or d=<difficulty>")
        memory[key] = number
    if len(memory) == 1:
        raise ValueError("a memory state needs both s= and d=")
    return Rescheduled(due, memory.get("s"), memory.get("d"))


def events_after(events: list[tuple[str, str]], start: datetime | None, end: datetime | None) -> list[Rescheduled]:
    """The details of the events (at, detail) made at or after `start` and before `end` (None: open)."""
    return [parse_detail(detail) for at, detail in events
            if (start is None or utc_time(at) >= start) and (end is None or utc_time(at) < end)]


def with_reschedules(state: CardState, events: list[tuple[str, str]]) -> CardState:
    """A replayed state with the reschedules made after its last review applied, oldest first."""
    if state.state == State.NEW or state.last_review is None:
        return state
    for event in events_after(events, state.last_review, None):
        state = event.apply(state)
    return state


__all__ = ["Rescheduled", "events_after", "parse_detail", "with_reschedules"]
