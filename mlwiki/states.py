"""Scheduling states and ratings: the small vocabulary the queue, the store and `due` share.

Kept apart from mlwiki.models so that `mlwiki due` does not build the card dataclasses it never uses.
"""

from __future__ import annotations

from datetime import datetime, timezone
from enum import IntEnum


class State(IntEnum):
    """A card's scheduling state as stored in cards.state and reviews.state_before (as in Anki's card types:
    0 = never reviewed; 1-3 are fsrs.State values)."""

    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3

    @property
    def label(self) -> str:
        """The lower-case name that `cards --json` prints."""
        return self.name.lower()


STATE_NAMES = {state.value: state.label for state in State}


def utc_time(text: str | None) -> datetime | None:
    """A time as the store and the log files write it (ISO 8601, any offset) as an aware UTC datetime."""
    return datetime.fromisoformat(text).astimezone(timezone.utc) if text else None


# The rating of a reset in the review log ("Forget" in Anki): a replay starts the card afresh there.
RESET_RATING = 0
RATINGS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
