"""Does an Anki card row agree with the one history? What `push` writes into a card, and which cards of a
collection hold a row that disagrees with it (state, due day, interval, memory state).

A card row in Anki can go stale without any new mlwiki review: sync keeps the newer card row and every revlog row,
so a phone review not yet synced when the desk pushed leaves the card with the desk's schedule and the phone's
history. mlwiki's state (after a pull, a replay of the union history) and Anki's own replay of the card's revlog
(`compute_memory_state`) say what the row should be.
"""

from __future__ import annotations

import json
from datetime import datetime

from mlwiki.ankiformat.cards import QUEUE_LEARN, TYPE_REVIEW, AnkiSchedule, card_schedule
from mlwiki.ankiformat.revlog import RevlogRow, classify
from mlwiki.models import CardState, State

MEMORY_TOLERANCE = 0.01  # relative: stability and difficulty within 1 % of Anki's own replay
LEARNING_DUE_SLACK_S = 300  # a learning step's due time: Anki adds up to a few minutes of fuzz


def target_schedule(state: CardState, config, calendar, today: int, now: datetime, position: int) -> AnkiSchedule:
    """The columns the Anki card of an mlwiki card in `state` should hold (`today`: the collection's day)."""
    days = calendar.days_until(state.due, now) if state.due else 0
    steps = config.review.relearning_steps if state.state == State.RELEARNING else config.review.learning_steps
    interval = calendar.number(state.due) - calendar.number(state.last_review) \
        if state.due and state.last_review else None
    return card_schedule(state, today, days, len(steps) - (state.step or 0), False, position, interval)


def unpulled_cards(revlog: list[RevlogRow], known: set[int]) -> set[int]:
    """Anki card ids with a review or reset in Anki's log that mlwiki's log lacks: their row must wait for a pull
    (mlwiki's state does not know those answers yet)."""
    return {row.cid for row in revlog if row.id not in known and classify(row) in ("review", "reset")}


def disagreement(current: tuple, target: AnkiSchedule, computed) -> str | None:
    """Why the card row `current` (type, queue, due, ivl, data) differs from `target` and from Anki's own replay
    `computed` (a memory state or None), or None when it agrees."""
    kind, queue, due, ivl, data = current
    if kind != target.type:
        return "state"
    if queue >= 0 and queue != target.queue:  # suspended or buried in Anki (< 0): the learner's choice
        return "queue"
    slack = LEARNING_DUE_SLACK_S if target.queue == QUEUE_LEARN else 0
    if target.stability is not None and abs(due - target.due) > slack:
        return "due"
    if target.type == TYPE_REVIEW and ivl != target.ivl:
        return "interval"
    memory = _memory(data)
    wanted = None if computed is None or computed.stability is None else (computed.stability, computed.difficulty)
    if (memory is None) != (wanted is None):
        return "memory state"
    if memory is not None and not all(_close(a, b) for a, b in zip(memory, wanted)):
        return "memory state"
    return None


def _memory(data: str) -> tuple[float, float] | None:
    try:
        parsed = json.loads(data or "{}")
    except ValueError:
        return None
    if not isinstance(parsed, dict) or parsed.get("s") is None or parsed.get("d") is None:
        return None
    return float(parsed["s"]), float(parsed["d"])


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= MEMORY_TOLERANCE * max(abs(a), abs(b))
