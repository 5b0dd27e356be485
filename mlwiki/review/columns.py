"""The columns an answer writes: a card's cached state and a review row with the scheduler's view before and
after it. One rule for answering, replaying and importing."""

from __future__ import annotations

from datetime import datetime

from mlwiki.models import CardState
from mlwiki.store.db import utc_iso


def state_values(state: CardState) -> tuple:
    """The cached scheduling columns of a card in `state` (REPLAYED_COLUMNS order)."""
    return (state.state, state.step, state.stability, state.difficulty,
            utc_iso(state.due) if state.due else None,
            utc_iso(state.last_review) if state.last_review else None, state.reps, state.lapses)


def review_values(card_id: str, when: datetime, rating: int, duration_ms: int, content_hash: str,
                  settings_id: str, state: CardState, after: CardState) -> dict:
    """The review row of an answer: what was answered, and the scheduler's view before and after it (a reset,
    rating 0, leaves no due date)."""
    elapsed = (when - state.last_review).total_seconds() / 86400 if state.last_review else 0.0
    return {"card_id": card_id, "reviewed_at": utc_iso(when), "rating": rating, "duration_ms": duration_ms,
            "content_hash": content_hash, "settings_id": settings_id, "state_before": state.state,
            "state": after.state, "step": after.step, "stability": after.stability, "difficulty": after.difficulty,
            "due": utc_iso(after.due) if after.due else None, "elapsed_days": elapsed,
            "scheduled_days": (after.due - when).total_seconds() / 86400 if after.due else None}
