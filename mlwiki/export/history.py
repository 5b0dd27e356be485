"""Scheduling and review history inside an exported package.

Every card goes with its FSRS memory state, due date and interval (cards columns and `cards.data`) and every
review of its log (revlog rows whose ids are the review times in ms, kept in mlwiki's log so that each export
and push uses the same id). Anki's importer, with "Import any learning progress" on, takes both for the cards
it creates and never touches cards it already has.

The package's `col.conf` says `"schedVer": 2`; without it Anki reads the package as an old one and shifts
learn and relearn eases by one. Review due dates are day numbers from the package's `crt`, which the importer
moves onto the target collection's days; learning cards due today carry their due time in seconds.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime

from mlwiki.config import Config
from mlwiki.ankiformat.cards import QUEUE_NEW, QUEUE_SUSPENDED, TYPE_NEW, card_schedule, package_today
from mlwiki.ankiformat.collection import (package_crt, package_deck_configs, set_package_deck_configs,
                                         update_package_conf)
from mlwiki.ankiformat.deckconfig import preset_conf
from mlwiki.ankiformat.revlog import REVIEW_FIELDS, revlog_rows
from mlwiki.models import CardState, State
from mlwiki.studyday import StudyCalendar
from mlwiki.store.anki_history import assign_anki_ids
from mlwiki.store.reviews import reviews_by_card

REVIEW_FACTOR = 2500  # SM-2's starting ease, for a collection that has FSRS off


@dataclass
class History:
    """What every package of one export needs: the log by card, the clock and the study-day settings."""

    reviews: dict[str, list]
    now: datetime
    calendar: StudyCalendar
    learning_steps: int
    relearning_steps: int
    config: Config | None = None
    parameters: dict | None = None  # preset name (None: `[review]`) → the FSRS parameters its answers use
    today: int = field(init=False)  # the study day of `now`, which every card's due date is counted from

    def __post_init__(self):
        self.today = self.calendar.number(self.now)


def load_history(store, config: Config, now: datetime) -> History:
    """Give every review its Anki id (kept in the log), then read the log by card and each preset's
    parameters."""
    assign_anki_ids(store)
    settings = config.review
    parameters = {name: preset_parameters(store, name) for name in [None, *config.deck_options]}
    return History(reviews_by_card(store, columns=REVIEW_FIELDS), now, StudyCalendar.from_settings(settings),
                   len(settings.learning_steps), len(settings.relearning_steps), config, parameters)


def preset_parameters(store, preset: str | None) -> list[float]:
    """The FSRS parameters a preset's answers use: its own fit, else the wiki's, else FSRS's defaults (as the
    review session chooses them)."""
    import fsrs.scheduler

    from mlwiki.store.parameters import active_parameters

    active = active_parameters(store, preset) if preset else None
    active = active or active_parameters(store)
    return list(active.values) if active and active.values else [float(x) for x in fsrs.scheduler.DEFAULT_PARAMETERS]


def add_presets(conn: sqlite3.Connection, history: History) -> int:
    """Give each deck of a package database the Anki deck option preset of its mlwiki preset (or of `[review]`):
    FSRS parameters, desired retention, limits, steps, maximum interval, easy days, review order. Returns how
    many presets the package holds."""
    config = history.config
    decks, dconf = package_deck_configs(conn)
    base = dconf.get("1") or next(iter(dconf.values()))
    written = set()
    for deck in decks.values():
        if deck.get("dyn") or int(deck["id"]) == 1:
            continue
        name = config.preset_of(deck["name"])
        conf = preset_conf(base, f"{name or config.name} (mlwiki)", config.settings_for(deck["name"]),
                           history.parameters[name], int(history.now.timestamp()))
        dconf[str(conf["id"])] = conf
        deck["conf"] = conf["id"]
        written.add(conf["id"])
    set_package_deck_configs(conn, decks, dconf)
    return len(written)


def package_clock(conn: sqlite3.Connection, history: History) -> int:
    """Mark a package database as schedVer 2 with the wiki's day rollover, and return Anki's day number of
    `history.now` in it (the `today` of `card_columns`)."""
    starts_at = history.calendar.starts_at
    update_package_conf(conn, {"schedVer": 2, "rollover": starts_at})
    return package_today(package_crt(conn), starts_at, history.now)


def card_columns(history: History, today: int, row, suspended: bool, position: int) -> tuple:
    """The scheduling columns (type, queue, due, ivl, factor, reps, lapses, left, data) of the Anki card of the
    mlwiki card `row`: a new card (queue −1 when suspended) at `position`, or where mlwiki has it (odue, odid and
    flags are 0 either way)."""
    if row is not None and row["state"]:  # not State.NEW (most cards of a big export: no CardState to build)
        state = CardState.from_row(row)
        if state.state != State.NEW and state.due is not None:
            calendar = history.calendar
            days = calendar.number(state.due) - history.today  # calendar.days_until(state.due, history.now)
            steps = history.relearning_steps if state.state == State.RELEARNING else history.learning_steps
            interval = calendar.number(state.due) - calendar.number(state.last_review) \
                if state.last_review else None  # in study days, as Anki counts a card's ivl
            s = card_schedule(state, today, days, steps - (state.step or 0), suspended, position, interval)
            return s.type, s.queue, s.due, s.ivl, REVIEW_FACTOR, s.reps, s.lapses, s.left, s.data
    return TYPE_NEW, QUEUE_SUSPENDED if suspended else QUEUE_NEW, position, 0, 0, 0, 0, 0, ""


def card_revlog(history: History, row, cid: int) -> list[tuple]:
    """The revlog rows of the mlwiki card `row` (None: no mlwiki card) as Anki card `cid`."""
    reviews = history.reviews.get(row["id"]) if row is not None else None
    return revlog_rows(reviews, cid) if reviews else []
