"""A synthetic learner whose memory follows known FSRS-6 parameters (not the defaults), for the optimizer's
tests and benchmark.

Recall of a card answered on a later study day than its previous answer happens with the probability that the
TRUE parameters give for its history (fsrs-rs's memory state, FSRS-6's forgetting curve); recalled cards get
Hard/Good/Easy at 10/80/10 %, forgotten ones Again. A new card's first answer is Again/Hard/Good/Easy at
25/10/55/10 %; further answers on the same study day (learning and relearning steps) are Good.

`study` drives mlwiki itself: a review session each study morning at 09:00 UTC, the learner answering whatever
the session shows. `quick_log` makes the same kind of history without mlwiki (for 100,000 reviews): intervals
from FSRS with the default parameters at 90 % retention, in whole study days.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone

import fsrs.scheduler
import fsrs_rs_python as fsrs_rs

DEFAULTS = [float(x) for x in fsrs.scheduler.DEFAULT_PARAMETERS]
TRUE = list(DEFAULTS)
# stronger first memories, faster growth after success, a flatter forgetting curve
TRUE[0:4] = [0.6, 2.5, 6.0, 20.0]
TRUE[8], TRUE[10], TRUE[20] = 2.2, 1.0, 0.35
FIRST = ((1, 2, 3, 4), (0.25, 0.10, 0.55, 0.10))
RECALLED = ((2, 3, 4), (0.10, 0.80, 0.10))


def recall_probability(parameters: list[float], history: list[tuple[int, int]], days: int) -> float:
    """FSRS-6: R = (1 + factor · t / S)^(−decay), S from the history's memory state."""
    state = fsrs_rs.FSRS(parameters).memory_state(fsrs_rs.FSRSItem([fsrs_rs.FSRSReview(*h) for h in history]))
    decay = parameters[20]
    factor = 0.9 ** (-1 / decay) - 1
    return (1 + factor * days / state.stability) ** (-decay)


def utc_study_date(when: datetime) -> date:
    """Study days starting 04:00 UTC (the tests' wikis use timezone = "UTC")."""
    when = when.astimezone(timezone.utc)
    return when.date() - timedelta(days=1) if when.hour < 4 else when.date()


class Learner:
    """Rates cards as a person whose memory follows `parameters` would."""

    def __init__(self, parameters: list[float] = TRUE, seed: int = 1):
        self.parameters = parameters
        self.rng = random.Random(seed)
        self.history: dict[str, list[tuple[int, int]]] = {}
        self.last_day: dict[str, date] = {}

    def rate(self, card_id: str, when: datetime) -> int:
        """The rating this learner gives `card_id` at `when`, remembered for later answers."""
        day = utc_study_date(when)
        history = self.history.setdefault(card_id, [])
        days = (day - self.last_day[card_id]).days if history else 0
        if not history:
            rating = self.rng.choices(*FIRST)[0]
        elif days == 0:
            rating = 3
        elif self.rng.random() < recall_probability(self.parameters, history, days):
            rating = self.rng.choices(*RECALLED)[0]
        else:
            rating = 1
        history.append((rating, days))
        self.last_day[card_id] = day
        return rating


def study(store, config, learner: Learner, start: datetime, days: int, seconds_per_answer: int = 20) -> int:
    """A session each study day from `start` (09:00 UTC) for `days` days; returns the number of answers."""
    from mlwiki.review.session import ReviewSession

    answers = 0
    for day in range(days):
        clock = {"now": start + timedelta(days=day)}
        session = ReviewSession(store, config, lambda: clock["now"])
        while session.current is not None:
            session.answer(learner.rate(session.current.id, clock["now"]))
            clock["now"] += timedelta(seconds=seconds_per_answer)
            answers += 1
    return answers


def quick_log(cards: int, days: int, new_per_day: int, start: datetime, learner: Learner | None = None) -> list:
    """(card index, time, rating, state before) rows without mlwiki: each card due when FSRS with the default
    parameters says 90 % recall (whole study days), answered by the learner at 09:00 UTC + a few seconds."""
    learner = learner or Learner()
    scheduler = fsrs_rs.FSRS(DEFAULTS)
    due: dict[int, int] = {}
    rows = []
    introduced = 0
    for day in range(days):
        clock = start + timedelta(days=day)
        todays = [c for c, d in due.items() if d == day]
        for _ in range(min(new_per_day, cards - introduced)):
            todays.append(introduced)
            introduced += 1
        for card in todays:
            history = learner.history.get(str(card))
            state = 2 if history else 0
            first = learner.rate(str(card), clock)
            rows.append((card, clock, first, state))
            clock += timedelta(seconds=20)
            if (state == 0 and first in (1, 2)) or (state == 2 and first == 1):  # a step the same day
                rows.append((card, clock, learner.rate(str(card), clock), 1 if state == 0 else 3))
                clock += timedelta(seconds=20)
            memory = scheduler.memory_state(fsrs_rs.FSRSItem(
                [fsrs_rs.FSRSReview(*h) for h in learner.history[str(card)]]))
            due[card] = day + max(1, round(scheduler.next_interval(memory.stability, 0.9, 3)))
    return rows


def study_morning(root, when: datetime, rating=lambda card: 3) -> tuple[int, int]:
    """One session on the wiki at `root` from `when`: every card shown answered (`rating(card)`, 20 s apart),
    learning steps included (the clock moves on to each step's due time). Returns (answers, answers to review
    cards)."""
    from mlwiki.config import load_config
    from mlwiki.models import State
    from mlwiki.review.queue import Filters
    from mlwiki.review.session import ReviewSession
    from mlwiki.scan.sync import open_synced

    config = load_config(root)
    store, _ = open_synced(config, when, progress=False)
    clock = {"now": when}
    answers = reviews = 0
    with store:
        session = ReviewSession(store, config, lambda: clock["now"], Filters())
        while True:
            while session.current is not None:
                reviews += session.current.state.state == State.REVIEW
                session.answer(rating(session.current))
                clock["now"] += timedelta(seconds=20)
                answers += 1
            if not session.queue.learning:
                return answers, reviews
            clock["now"] = max(clock["now"], min(due for due, _ in session.queue.learning))
            session.reload()
