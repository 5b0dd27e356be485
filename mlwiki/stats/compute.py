"""`mlwiki stats`: what the review log and the cards say about your memory, aggregated in SQL.

Everything is computed for one moment `now` (an aware datetime: the clock, or `--now`) and grouped by *study
day*: a study day starts at `[review] day_starts_at` (04:00 by default) local time, in the zone the review queue
uses (`mlwiki.studyday.StudyCalendar`), so a review at 01:00 counts for the day before, as in Anki, and "today" here is
the same day as in `mlwiki review` and `mlwiki due`.

Definitions (the numbers a user sees, and the tests check by hand):

* Cards: live cards (retired cards count only in ``retired``). The states are exclusive:
  ``new + learning + review + relearning + suspended == total_cards``; a suspended card counts as suspended,
  not in its scheduling state. ``leech`` counts live cards flagged as leeches (they are suspended too, unless
  the user unsuspended them). ``young``/``mature`` split ``review`` by the card's current interval
  (the study days from the last review to ``due``: mature at 21 or more).
* Due: ``due_today`` is the answer `mlwiki due` and the review session give (`mlwiki.review.queue.due_summary`):
  learning cards due this study day, and the review cards today's session holds (overdue ones included, after
  the daily limit and one card per note); ``forecast[0] == due_today``. Later days of ``forecast`` (the next 29
  study days) count every live, unsuspended, studied card due that study day (or buried until it). New cards
  are never "due".
* Reviews, time spent, the calendar, streaks and retention count every review in the log (those of retired
  cards too: they are still history). With a deck/tag/path filter they count the reviews of the cards that
  match it. ``reviews_per_day`` covers the 26 calendar weeks (Monday first) ending with this week.
* Streak: consecutive study days with at least one review, ending today — or yesterday, when you have not
  reviewed yet today (the streak is not broken before the day is over). ``longest_streak`` over the whole log.
* True retention, as Anki computes it: only reviews of cards in review state (state before the review = review: no new,
  learning or relearning steps); a pass is a rating >= 2 (Hard, Good, Easy). A review is *mature* when the
  interval before it was >= 21 days once rounded. That interval is the review's ``elapsed_days`` (the time
  since the card's previous review, in the same row; finding the previous row would cost an index seek per
  review). A window of N days is the last N study days, today included.
* Retrievability: the FSRS-6 forgetting curve with the scheduler's parameters,
  ``R = (1 + FACTOR * t / S) ** DECAY`` with ``DECAY = -w[20]``, ``FACTOR = 0.9 ** (1 / DECAY) - 1`` and ``t``
  the study days since the last review (today's study-day number minus that of the last review), as
  `Scheduler.retrievability` has fsrs count them. Computed for every live card that has been reviewed
  (suspended ones too).
  ``knowledge`` is its sum: the expected number of those cards you would recall right now. Averages of
  stability (days), difficulty (1-10) and retrievability are over the same cards.
* Weakest notes: the note files whose reviewed cards have the lowest mean retrievability now, each with its
  weakest card. Hardest cards: the live cards with the most lapses (a lapse is Again on a card in review).
* Forgetting curve: R(t) of a card with the median stability, up to three times the interval at which R falls
  to the desired retention (where FSRS schedules the next review).

Speed (a million reviews and 50k cards in about half a second): the SQL is in mlwiki.store.stats_queries. Per-day
figures are one index range aggregate per study day (UTC boundaries computed in Python, so they are exact in
any time zone and across DST changes) and retention is summed from them; streaks older than a year skip
through the index from one active day to the next; retrievability is computed in SQL (``pow``, lent from
Python when SQLite lacks the math functions) into a temporary table that the memory figures read.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, timezone

from mlwiki.config import Config
from mlwiki.studyday import StudyCalendar
from mlwiki.models import STATE_NAMES
from mlwiki.store.cards import CardFilter
from mlwiki.store.db import Store, utc_iso
from mlwiki.store.parameters import active_parameters
from mlwiki.store.stats_queries import StatsSource, stats_source

MATURE_DAYS = 21
FORECAST_DAYS = 30
HEATMAP_WEEKS = 26
RETENTION_WINDOWS = (7, 30, 365)
TOP = 10
STABILITY_BINS = (0, 1, 3, 7, 14, 30, 60, 120, 240, 365, 730)  # days; the last bin is open-ended
_MATURE_ELAPSED = MATURE_DAYS - 0.5  # mature when round(interval) >= 21


# --- result types -----------------------------------------------------------------------------------------


@dataclass
class Ratio:
    """Passed reviews out of counted reviews."""

    passed: int = 0
    total: int = 0

    @property
    def rate(self) -> float | None:
        return self.passed / self.total if self.total else None

    def __add__(self, other: "Ratio") -> "Ratio":
        return Ratio(self.passed + other.passed, self.total + other.total)

    def to_dict(self) -> dict:
        return {"passed": self.passed, "total": self.total, "rate": self.rate}


@dataclass
class Retention:
    """True retention over one window, split young/mature."""

    days: int
    young: Ratio = field(default_factory=Ratio)
    mature: Ratio = field(default_factory=Ratio)

    @property
    def all(self) -> Ratio:
        return self.young + self.mature

    def to_dict(self) -> dict:
        return {"days": self.days, "young": self.young.to_dict(), "mature": self.mature.to_dict(),
                "all": self.all.to_dict()}


@dataclass
class DayCount:
    date: str  # the study day, ISO date
    count: int
    time_ms: int = 0


@dataclass
class DueCount:
    date: str  # the study day, ISO date
    count: int


@dataclass
class DeckStats:
    name: str
    total: int = 0
    new: int = 0
    learning: int = 0
    review: int = 0
    relearning: int = 0
    suspended: int = 0
    leech: int = 0
    due_today: int = 0
    reviewed: int = 0  # live cards with a memory (reviewed at least once)
    knowledge: float = 0.0  # their summed retrievability
    reviews_30d: int = 0  # reviews counted for retention (cards in review state) in the last 30 days
    retention_30d: float | None = None
    passed_30d: int = 0  # of those, the ones recalled
    preset: str | None = None  # the `[deck_options."…"]` preset the deck uses (None: `[review]`)
    desired_retention: float | None = None  # its preset's, to set against retention_30d

    @property
    def ratio_30d(self) -> Ratio:
        return Ratio(self.passed_30d, self.reviews_30d)


@dataclass
class WeakNote:
    path: str  # the note file, relative to the wiki root
    cards: int  # its reviewed live cards
    retrievability: float  # their mean retrievability now
    card_id: str  # its weakest card
    line: int | None
    front: str
    card_retrievability: float
    suspended: bool = False  # the weakest card is suspended (or a leech): shown so, never as one to study


@dataclass
class HardCard:
    id: str
    front: str
    deck: str
    path: str
    line: int | None
    lapses: int
    reviews: int
    state: str
    suspended: bool
    leech: bool


@dataclass
class Stats:
    """Every figure of `mlwiki stats` for one moment. `to_dict()` is the `--json` shape."""

    now: str
    today: str
    timezone: str
    day_starts_at: int
    filters: dict
    desired_retention: float
    counts: dict  # new, learning, review, relearning, suspended, leech, retired, young, mature
    total_cards: int
    due_today: int
    due_tomorrow: int
    overdue: int
    forecast: list[DueCount]  # today (with overdue cards) and the next 29 study days
    reviews_total: int
    reviews_today: int
    time_total_ms: int
    time_today_ms: int
    heatmap_start: str
    reviews_per_day: list[DayCount]  # from heatmap_start (a Monday, 25 weeks before this week's) to today
    streak_days: int
    longest_streak: int
    days_studied: int
    retention: dict[str, Retention]  # "7d", "30d", "365d"
    reviewed_cards: int
    knowledge: float
    average_retrievability: float | None
    average_stability: float | None
    median_stability: float | None
    average_difficulty: float | None
    stability_histogram: list[dict]
    retrievability_histogram: list[dict]
    forgetting_curve: dict | None
    decks: list[DeckStats]
    weakest_notes: list[WeakNote]
    hardest_cards: list[HardCard]
    fsrs_parameters: dict = field(default_factory=dict)  # which parameters schedule new answers (mlwiki optimize)
    # reviews made "in mlwiki" and "in Anki" (pulled by `mlwiki anki pull`): {"mlwiki": {"total", "today"}, "anki": …}
    reviews_by_source: dict = field(default_factory=dict)

    @property
    def true_retention_30d(self) -> float | None:
        return self.retention["30d"].all.rate

    def to_dict(self) -> dict:
        data = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if name == "retention":
                value = {key: r.to_dict() for key, r in value.items()}
            elif isinstance(value, list):
                value = [asdict(v) if hasattr(v, "__dataclass_fields__") else v for v in value]
            data[name] = value
        for days in RETENTION_WINDOWS:
            data[f"true_retention_{days}d"] = self.retention[f"{days}d"].all.rate
        data["time_total_minutes"] = round(self.time_total_ms / 60000, 1)
        data["time_today_minutes"] = round(self.time_today_ms / 60000, 1)
        return data


# --- study days -------------------------------------------------------------------------------------------


class StudyDays:
    """The learner's study calendar, with each day's start cached as stored text (stats ask for hundreds)."""

    def __init__(self, calendar: StudyCalendar):
        self.calendar = calendar
        self.starts_at = calendar.starts_at
        self._starts: dict[date, str] = {}

    def day_of(self, when: datetime) -> date:
        return self.calendar.date(when)

    def start_iso(self, day: date) -> str:
        """Where `day` starts, as the store writes times: such strings compare in time order."""
        text = self._starts.get(day)
        if text is None:
            text = self._starts[day] = utc_iso(self.calendar.day_start(day))
        return text


# --- the forgetting curve ---------------------------------------------------------------------------------


def fsrs_curve(parameters) -> tuple[float, float]:
    """(DECAY, FACTOR) of the FSRS-6 forgetting curve for these parameters."""
    decay = -parameters[20]
    return decay, 0.9 ** (1 / decay) - 1


def retrievability(t_days: float, stability: float, decay: float, factor: float) -> float:
    return (1 + factor * max(t_days, 0) / stability) ** decay


def forgetting_curve(stability: float, desired: float, decay: float, factor: float, points: int = 61) -> dict:
    """R(t) of a card of this stability, from its last review to three times the interval at which R falls
    to the desired retention (where FSRS schedules the next review)."""
    interval = stability / factor * (desired ** (1 / decay) - 1)
    horizon = max(3 * interval, 3.0)
    step = horizon / (points - 1)
    return {"stability": stability, "desired_retention": desired, "interval_at_desired": interval,
            "points": [[round(k * step, 4), retrievability(k * step, stability, decay, factor)]
                       for k in range(points)]}


# --- the computation --------------------------------------------------------------------------------------


def compute_stats(store: Store, config: Config, now: datetime, selection: CardFilter = CardFilter()) -> Stats:
    """All figures of `mlwiki stats` at `now`, for the cards matching the filters (all cards without any).
    Reads the store only (temporary tables aside)."""
    from mlwiki.review.schedule import settings_dict

    now = now.astimezone(timezone.utc)
    settings = config.review
    active = active_parameters(store)
    fitted = active.values if active else None
    parameters = settings_dict(settings, fitted)["parameters"]
    calendar = StudyCalendar.from_settings(settings)
    zone = calendar.zone
    days = StudyDays(calendar)
    with stats_source(store, selection, lambda text: calendar.number(datetime.fromisoformat(text))) as source:
        stats = _Compute(source, days, now).run(settings.desired_retention, parameters)
    _due_as_the_queue_says(stats, store, config, now, selection)
    stats.filters = {"deck": selection.deck, "tag": selection.tag, "paths": list(selection.paths) or None}
    stats.timezone = str(getattr(zone, "key", None) or zone)
    stats.fsrs_parameters = {"source": "optimized" if fitted else "default", "values": parameters,
                             "fitted_at": active.created_at.isoformat() if fitted else None}
    return stats


def _due_as_the_queue_says(stats: Stats, store: Store, config: Config, now: datetime, selection: CardFilter) -> None:
    """Today's due figures from the one answer `mlwiki due` and the review session give (`due_summary`): what a
    session holds today, learning cards due later today included."""
    from mlwiki.review.queue import Filters, due_summary

    due = due_summary(store, config.review, now, Filters(selection), config=config)
    stats.due_today = due.due_today
    stats.forecast[0] = DueCount(stats.forecast[0].date, due.due_today)
    by_deck = {row["deck"]: row for row in due.decks}
    for deck in stats.decks:
        row = by_deck.get(deck.name)
        deck.due_today = row["learning"] + row["later_today"] + row["review"] if row else 0
        deck.preset = config.preset_of(deck.name or "")
        deck.desired_retention = config.settings_for(deck.name or "").desired_retention


class _Compute:
    """One computation: the queries for the filter, the study days and the clock."""

    def __init__(self, source: StatsSource, days: StudyDays, now: datetime):
        self.source = source
        self.days = days
        self.now = now
        self.today = days.day_of(now)

    def day_start(self, offset: int) -> str:
        """Where the study day `offset` days from today starts, as stored text."""
        return self.days.start_iso(self.today + timedelta(days=offset))

    def run(self, desired: float, parameters) -> Stats:
        counts, decks = self.cards()
        forecast, overdue = self.forecast()
        per_day = self.per_day()
        reviews_total, time_total = self.totals(per_day)
        active = {d for d, day in per_day.items() if day.count} | self.active_days_before(min(per_day))
        current, longest = _streaks(active, self.today)
        heat_start = self.today - timedelta(days=self.today.weekday() + 7 * (HEATMAP_WEEKS - 1))
        self.deck_retention(decks)
        memory = self.memory(parameters, desired, decks)
        today = per_day[self.today]
        return Stats(
            now=utc_iso(self.now), today=self.today.isoformat(), timezone="", day_starts_at=self.days.starts_at,
            filters={}, desired_retention=desired, counts=counts,
            total_cards=sum(d.total for d in decks.values()), due_today=forecast[0].count,
            due_tomorrow=forecast[1].count, overdue=overdue, forecast=forecast, reviews_total=reviews_total,
            reviews_today=today.count, time_total_ms=time_total, time_today_ms=today.time_ms,
            heatmap_start=heat_start.isoformat(),
            reviews_per_day=[day for d, day in sorted(per_day.items()) if d >= heat_start],
            streak_days=current, longest_streak=longest, days_studied=len(active), retention=self.retention(),
            decks=list(decks.values()), hardest_cards=self.hardest(),
            reviews_by_source=self.by_source(reviews_total, today.count), **memory)

    # cards ------------------------------------------------------------------------------------------------

    def cards(self) -> tuple[dict, dict[str, DeckStats]]:
        """Live cards by deck and state (states exclusive: suspended cards count as suspended), and retired."""
        rows = self.source.cards_by_deck(MATURE_DAYS, self.day_start(1))
        keys = ("total", "new", "learning", "review", "relearning", "suspended", "leech", "due_today")
        decks = {r["deck"]: DeckStats(r["deck"], **{k: int(r[k]) for k in keys}) for r in rows}
        counts = {k: sum(getattr(d, k) for d in decks.values())
                  for k in ("new", "learning", "review", "relearning", "suspended", "leech")}
        counts["retired"] = self.source.retired_count()
        counts["mature"] = int(sum(r["mature"] for r in rows))
        counts["young"] = counts["review"] - counts["mature"]
        return counts, decks

    def forecast(self) -> tuple[list[DueCount], int]:
        """Cards due on each of the next FORECAST_DAYS study days (overdue ones today), and the overdue."""
        ends = [self.day_start(k) for k in range(1, FORECAST_DAYS + 1)]
        dues = self.source.due_times(ends[-1])
        before = [bisect_left(dues, end) for end in ends]  # due before the end of each day
        forecast = [DueCount((self.today + timedelta(days=k)).isoformat(), before[k] - (before[k - 1] if k else 0))
                    for k in range(FORECAST_DAYS)]
        return forecast, bisect_left(dues, self.day_start(0))

    def hardest(self) -> list[HardCard]:
        return [HardCard(r["id"], r["front"] or "", r["deck"] or "", r["path"] or "", r["line"], r["lapses"] or 0,
                         r["reps"] or 0, STATE_NAMES.get(r["state"] or 0, "new"), bool(r["suspended"]),
                         bool(r["leech"])) for r in self.source.most_lapsed(TOP)]

    # reviews ----------------------------------------------------------------------------------------------

    def per_day(self) -> dict[date, DayCount]:
        """Reviews and time on each study day of the last year up to today: one index range per day."""
        out = {}
        for k in range(-max(RETENTION_WINDOWS) + 1, 1):
            day = self.today + timedelta(days=k)
            n, ms = self.source.reviews_between(self.day_start(k), self.day_start(k + 1))
            out[day] = DayCount(day.isoformat(), n, ms)
        return out

    def by_source(self, rows_total: int, rows_today: int) -> dict[str, dict[str, int]]:
        """Reviews made in mlwiki and pulled from Anki (Anki's resets are no review), in all and today, from the
        log's row counts: mlwiki's are the rows that did not come from Anki."""
        anki_total, resets_total = self.source.anki_reviews("", "~")
        anki_today, resets_today = self.source.anki_reviews(self.day_start(0), self.day_start(1))
        return {"mlwiki": {"total": rows_total - anki_total - resets_total,
                           "today": rows_today - anki_today - resets_today},
                "anki": {"total": anki_total, "today": anki_today}}

    def totals(self, per_day: dict[date, DayCount]) -> tuple[int, int]:
        """Reviews and time over the whole log: the last year, the older log, and any review after today (a
        clock that went back, or `--now` in the past)."""
        older = self.source.reviews_between("", self.day_start(-max(RETENTION_WINDOWS) + 1))
        later = self.source.reviews_between(self.day_start(1), "~")
        reviews = sum(d.count for d in per_day.values()) + older[0] + later[0]
        time_ms = sum(d.time_ms for d in per_day.values()) + older[1] + later[1]
        return reviews, time_ms

    def retention(self) -> dict[str, Retention]:
        """True retention over the last 7, 30 and 365 study days: one range scan per slice between windows
        (a query with conditions per window, or per day, costs more per review than three scans)."""
        out: dict[str, Retention] = {}
        young, mature = Ratio(), Ratio()
        end = self.day_start(1)
        for window in RETENTION_WINDOWS:
            start = self.day_start(1 - window)
            n, passed, n_mature, passed_mature = self.source.review_passes(start, end, _MATURE_ELAPSED)
            young += Ratio(passed - passed_mature, n - n_mature)
            mature += Ratio(passed_mature, n_mature)
            out[f"{window}d"] = Retention(window, young, mature)
            end = start
        return out

    def active_days_before(self, first: date) -> set[date]:
        """Study days before `first` with reviews: skip through the index from one active day to the next
        (one seek per active day, never a scan of the old log)."""
        limit = self.days.start_iso(first)
        found: set[date] = set()
        low = ""
        while (when := self.source.first_review_between(low, limit)) is not None:
            day = self.days.day_of(datetime.fromisoformat(when))
            found.add(day)
            following = self.days.start_iso(day + timedelta(days=1))
            if following <= when:  # a time not in the store's text form: stop rather than loop
                break
            low = following
        return found

    def deck_retention(self, decks: dict[str, DeckStats]) -> None:
        """True retention over the last 30 study days per deck (reviews of the deck's cards, retired too)."""
        for r in self.source.deck_passes(self.day_start(-29), self.day_start(1)):
            deck = decks.get(r["deck"])
            if deck is not None:
                deck.reviews_30d, deck.passed_30d = r["total"], int(r["passed"])
                deck.retention_30d = r["passed"] / r["total"]

    # memory -----------------------------------------------------------------------------------------------

    def memory(self, parameters, desired: float, decks: dict[str, DeckStats]) -> dict:
        """Retrievability now, stability and difficulty of every reviewed live card; then sums, per-deck
        knowledge, histograms, the median card's forgetting curve and the weakest notes."""
        decay, factor = fsrs_curve(parameters)
        today_number = self.days.calendar.number(self.now)
        n, knowledge, mean_r, mean_s, mean_d = self.source.compute_memory(factor, decay, today_number)
        for name, count, known in self.source.memory_by_deck():
            if name in decks:
                decks[name].reviewed, decks[name].knowledge = count, known
        median = self.source.median_stability(n)
        r_bins = self.source.retrievability_bins()
        s_bins = self.source.stability_bins(STABILITY_BINS)
        return {
            "reviewed_cards": n,
            "knowledge": knowledge,
            "average_retrievability": mean_r,
            "average_stability": mean_s,
            "median_stability": median,
            "average_difficulty": mean_d,
            "stability_histogram": [
                {"from": lo, "to": STABILITY_BINS[i + 1] if i + 1 < len(STABILITY_BINS) else None,
                 "count": s_bins.get(i, 0)} for i, lo in enumerate(STABILITY_BINS)],
            "retrievability_histogram": [{"from": i / 10, "to": (i + 1) / 10, "count": r_bins.get(i, 0)}
                                         for i in range(10)],
            "forgetting_curve": forgetting_curve(median, desired, decay, factor) if median else None,
            "weakest_notes": [WeakNote(w["path"], w["n"], w["mean"], w["id"], w["line"], w["front"], w["low"],
                                       w["suspended"]) for w in self.source.weakest_paths(TOP)],
        }


def _streaks(active: set[date], today: date) -> tuple[int, int]:
    """(current, longest) runs of consecutive study days with reviews. The current run ends today when you
    reviewed today, else yesterday."""
    day = today if today in active else today - timedelta(days=1)
    current = 0
    while day in active:
        current += 1
        day -= timedelta(days=1)
    longest = run = 0
    previous = None
    for day in sorted(active):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    return current, longest
