"""Deck presets at answer time: the scheduler of each deck (its preset's retention, steps, maximum interval and
fitted parameters, as Anki's deck option presets) and the load balancer that picks the day of an answer.
"""

from __future__ import annotations

from datetime import datetime

from mlwiki.config import Config
from mlwiki.review.balance import LoadBalancer, due_counts, weekday_after, BALANCED_DAYS
from mlwiki.review.intervals import DayPicker
from mlwiki.review.schedule import Scheduler, fuzz_seed
from mlwiki.store import cards
from mlwiki.store.db import Store
from mlwiki.studyday import StudyCalendar


class Schedulers:
    """One scheduler per preset for new answers, and the day picker of each answer."""

    def __init__(self, store: Store, config: Config):
        self.store, self.config = store, config
        self.calendar = StudyCalendar.from_settings(config.review)
        self._cache: dict[str | None, Scheduler] = {}

    def for_deck(self, deck: str) -> Scheduler:
        """The scheduler of `deck`'s preset (else `[review]`), with the parameters `optimize` kept for it."""
        from mlwiki.store.parameters import active_parameters

        name = self.config.preset_of(deck or "")
        if name not in self._cache:
            active = active_parameters(self.store, name) if name else None
            active = active or active_parameters(self.store)
            self._cache[name] = Scheduler.from_settings(self.config.settings_for(deck or ""),
                                                        active.values if active else None)
        return self._cache[name]

    def picker(self, card_id: str, note_id: str, deck: str, reps: int, when: datetime) -> DayPicker | None:
        """Anki's load balancer for this answer (None: plain fuzz), counting the due cards of the deck's preset
        when it first needs them."""
        scheduler = self.for_deck(deck)
        settings = self.config.settings_for(deck or "")
        if not (self.config.review.load_balance and scheduler.fuzz):
            return None
        preset = self.config.preset_of(deck or "")
        today = self.calendar.number(when)

        def load():
            days = [self.calendar.start(today + d) for d in (0, 1, BALANCED_DAYS)]  # Anki's days [today, +99)
            return due_counts(cards.review_due_counts(self.store, *days),
                              cards.sibling_dues(self.store, note_id, card_id, *days), self.calendar, today,
                              lambda deck: self.config.preset_of(deck) == preset)

        return LoadBalancer(load, weekday_after(today), settings.easy_days, fuzz_seed(card_id, reps),
                            scheduler.seeded_fuzz(card_id, reps))
