"""`mlwiki stats`: what the review log and the cards say about your memory, aggregated in SQL.

Everything is computed for one moment `now` (an aware datetime: the clock, or `--now`) and grouped by *study
day*: a study day starts at `[review] day_starts_at` (04:00 by default) local time, in the zone the review queue
uses (`mlwiki.studyday.local_zone`), so a review at 01:00 counts for the day before, as in Anki, and "today" here is
the same day as in `mlwiki review` and `mlwiki due`.

Definitions (the numbers a user sees, and the tests check by hand):

* Cards: live cards (retired cards count only in ``retired``). The states are exclusive:
  ``new + learning + review + relearning + suspended == total_cards``; a suspended card counts as suspended,
  not in its scheduling state. ``leech`` counts live cards flagged as leeches (they are suspended too, unless
  the user unsuspended them). ``young``/``mature`` split ``review`` by the card's current interval
  (``due - last_review``, mature when >= 21 days once rounded).
* Due: a live, unsuspended, already-studied card is due on the study day of its ``due`` (or of
  ``buried_until``, when that is later). Overdue cards count for today, so ``forecast[0] == due_today``;
  ``forecast`` covers today and the next 29 study days. New cards are never "due".
* Reviews, time spent, the calendar, streaks and retention count every review in the log (those of retired
  cards too: they are still history). With a deck/tag/path filter they count the reviews of the cards that
  match it. ``reviews_per_day`` covers the 26 calendar weeks (Monday first) ending with this week.
* Streak: consecutive study days with at least one review, ending today — or yesterday, when you have not
  reviewed yet today (the streak is not broken before the day is over). ``longest_streak`` over the whole log.
* True retention, as Anki computes it: only reviews of cards in review state (``state_before = 2``: no new,
  learning or relearning steps); a pass is a rating >= 2 (Hard, Good, Easy). A review is *mature* when the
  interval before it was >= 21 days once rounded. That interval is the review's ``elapsed_days`` (the time
  since the card's previous review, in the same row; finding the previous row would cost an index seek per
  review). A window of N days is the last N study days, today included.
* Retrievability: the FSRS-6 forgetting curve with the scheduler's parameters,
  ``R = (1 + FACTOR * t / S) ** DECAY`` with ``DECAY = -w[20]``, ``FACTOR = 0.9 ** (1 / DECAY) - 1`` and ``t``
  the whole days since the last review, exactly as `fsrs` computes it (so it agrees with
  `Scheduler.retrievability`). Computed for every live card that has been reviewed (suspended ones too).
  ``knowledge`` is its sum: the expected number of those cards you would recall right now. Averages of
  stability (days), difficulty (1-10) and retrievability are over the same cards.
* Weakest notes: the note files whose reviewed cards have the lowest mean retrievability now, each with its
  weakest card. Hardest cards: the live cards with the most lapses (a lapse is Again on a card in review).
* Forgetting curve: R(t) of a card with the median stability, up to three times the interval at which R falls
  to the desired retention (where FSRS schedules the next review).

Speed (a million reviews and 50k cards in about half a second): nothing reads a table row by row; the
covering indexes of schema migration 3 (`idx_reviews_stats`, `idx_cards_stats`) serve every query. Per-day
figures are one index range aggregate per study day (UTC boundaries computed in Python, so they are exact in
any time zone and across DST changes) and retention is summed from them; streaks older than a year skip
through the index from one active day to the next; retrievability is computed in SQL (``pow``, lent from
Python when SQLite lacks the math functions) into a temporary table that the memory figures read.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo
from pathlib import Path

from mlwiki.config import Config
from mlwiki.studyday import day_start, local_zone, study_date
from mlwiki.store.cards import CardFilter
from mlwiki.store.db import Store, utc_iso

MATURE_DAYS = 21
FORECAST_DAYS = 30
HEATMAP_WEEKS = 26
RETENTION_WINDOWS = (7, 30, 365)
TOP = 10
RANGE_SHARE = 8  # filtered: copy the matching cards' reviews when they are under 1/RANGE_SHARE of the log
STABILITY_BINS = (0, 1, 3, 7, 14, 30, 60, 120, 240, 365, 730)  # days; the last bin is open-ended
_TEMP_TABLES = ("stats_rowids", "stats_cards", "stats_reviews", "stats_memory")
_STATE_KEYS = {0: "new", 1: "learning", 2: "review", 3: "relearning"}
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


@dataclass
class WeakNote:
    path: str  # the note file, relative to the wiki root
    cards: int  # its reviewed live cards
    retrievability: float  # their mean retrievability now
    card_id: str  # its weakest card
    line: int | None
    front: str
    card_retrievability: float


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

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


# --- study days -------------------------------------------------------------------------------------------


class StudyDays:
    """Study days in one zone (the queue's helpers), with each day's start cached as stored text."""

    def __init__(self, zone: tzinfo, starts_at: int):
        self.zone = zone
        self.starts_at = starts_at
        self._starts: dict[date, str] = {}

    def day_of(self, when: datetime) -> date:
        return study_date(when, self.zone, self.starts_at)

    def start_iso(self, day: date) -> str:
        """Where `day` starts, as the store writes times: such strings compare in time order."""
        text = self._starts.get(day)
        if text is None:
            text = self._starts[day] = utc_iso(day_start(day, self.zone, self.starts_at))
        return text


def _ensure_pow(conn) -> None:
    """SQLite has `pow` only when built with its math functions; otherwise lend it Python's."""
    try:
        conn.execute("SELECT pow(2.0, 0.5)").fetchone()
    except Exception:  # noqa: BLE001 - sqlite3.OperationalError: no such function
        conn.create_function("pow", 2, lambda x, y: None if x is None or y is None else math.pow(x, y),
                             deterministic=True)


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
    zone = local_zone(settings)
    days = StudyDays(zone, settings.day_starts_at)
    conn = store.conn
    _ensure_pow(conn)
    where, params = selection.where()
    for table in _TEMP_TABLES:  # left over by an interrupted run on this connection
        conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
    try:
        where, params, source, review_filter = _prepare_filter(conn, where, params)
        stats = _Query(conn, days, now, where, params, source, review_filter).run(
            settings.desired_retention, settings_dict(settings)["parameters"])
    finally:
        for table in _TEMP_TABLES:
            conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
    stats.filters = {"deck": selection.deck, "tag": selection.tag, "paths": list(selection.paths) or None}
    stats.timezone = str(getattr(zone, "key", None) or zone)
    return stats


def _prepare_filter(conn, where: str, params: list) -> tuple[str, list, str, str]:
    """The filter, evaluated once: (SQL over `cards`, its parameters, the table the review queries read, and
    the SQL that keeps the filtered cards' reviews).

    Unfiltered: all cards and the `reviews` table. Filtered: the rowids and ids of the matching cards go into
    temporary tables, so each later query checks membership instead of re-running the deck/tag/path test.
    When the matching cards' reviews are a small part of the log (by their `reps`), those reviews are copied
    into a temporary indexed table (cost: their number); otherwise the time-range queries stay on `reviews` and
    check each review's card (cost: the whole range, like unfiltered)."""
    if where == "1":
        return where, params, "reviews", ""
    conn.execute("CREATE TEMP TABLE stats_rowids (rid INTEGER PRIMARY KEY)")
    conn.execute(f"INSERT INTO temp.stats_rowids SELECT rowid FROM cards WHERE {where}", params)
    conn.execute("CREATE TEMP TABLE stats_cards (id TEXT PRIMARY KEY) WITHOUT ROWID")
    conn.execute("INSERT OR IGNORE INTO temp.stats_cards SELECT id FROM cards "
                 "WHERE rowid IN (SELECT rid FROM temp.stats_rowids)")
    member = "cards.rowid IN (SELECT rid FROM temp.stats_rowids)"
    mine = conn.execute(f"SELECT total(reps) FROM cards WHERE {member}").fetchone()[0]
    everything = conn.execute("SELECT max(id) FROM reviews").fetchone()[0] or 0
    if mine * RANGE_SHARE > everything:
        # `+card_id`: keep SQLite from walking each card's reviews once per day queried
        return member, [], "reviews", " AND +card_id IN (SELECT id FROM temp.stats_cards)"
    conn.execute("CREATE TEMP TABLE stats_reviews AS SELECT r.reviewed_at, r.state_before, r.rating, "
                 "r.duration_ms, r.elapsed_days, r.card_id FROM temp.stats_cards AS f "
                 "CROSS JOIN reviews AS r ON r.card_id = f.id")
    conn.execute("CREATE INDEX temp.stats_reviews_at ON stats_reviews"
                 "(reviewed_at, state_before, rating, duration_ms, elapsed_days, card_id)")
    return member, [], "temp.stats_reviews", ""


class _Query:
    """One computation: the connection, the clock, and the filter as SQL over `cards` and over `reviews`."""

    def __init__(self, conn, days: StudyDays, now: datetime, where: str, params: list, source: str,
                 review_filter: str):
        self.conn = conn
        self.days = days
        self.now = now
        self.today = days.day_of(now)
        self.where = where
        self.params = params
        self.source = source
        self.review_filter = review_filter

    def day_start(self, offset: int) -> str:
        """Where the study day `offset` days from today starts, as stored text."""
        return self.days.start_iso(self.today + timedelta(days=offset))

    def one(self, sql: str, params=()) -> tuple:
        return tuple(self.conn.execute(sql, params).fetchone())

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
            decks=list(decks.values()), hardest_cards=self.hardest(), **memory)

    # cards ------------------------------------------------------------------------------------------------

    def cards(self) -> tuple[dict, dict[str, DeckStats]]:
        """Live cards by deck and state (states exclusive: suspended cards count as suspended), and retired."""
        rows = self.conn.execute(
            "SELECT coalesce(deck, '') AS deck, count(*) AS total, "
            "total(suspended = 0 AND state = 0) AS new, total(suspended = 0 AND state = 1) AS learning, "
            "total(suspended = 0 AND state = 2) AS review, total(suspended = 0 AND state = 3) AS relearning, "
            "total(suspended <> 0) AS suspended, total(leech <> 0) AS leech, "
            "total(suspended = 0 AND state = 2 AND julianday(due) - julianday(last_review) >= ?) AS mature, "
            "total(suspended = 0 AND state > 0 AND max(due, coalesce(buried_until, '')) < ?) AS due_today "
            f"FROM cards WHERE retired = 0 AND {self.where} GROUP BY 1 ORDER BY 1",
            (_MATURE_ELAPSED, self.day_start(1), *self.params)).fetchall()
        keys = ("total", "new", "learning", "review", "relearning", "suspended", "leech", "due_today")
        decks = {r["deck"]: DeckStats(r["deck"], **{k: int(r[k]) for k in keys}) for r in rows}
        counts = {k: sum(getattr(d, k) for d in decks.values())
                  for k in ("new", "learning", "review", "relearning", "suspended", "leech")}
        counts["retired"] = self.one(f"SELECT count(*) FROM cards WHERE retired <> 0 AND {self.where}",
                                     self.params)[0]
        counts["mature"] = int(sum(r["mature"] for r in rows))
        counts["young"] = counts["review"] - counts["mature"]
        return counts, decks

    def forecast(self) -> tuple[list[DueCount], int]:
        """Cards due on each of the next FORECAST_DAYS study days (overdue ones today), and the overdue."""
        ends = [self.day_start(k) for k in range(1, FORECAST_DAYS + 1)]
        dues = sorted(r[0] for r in self.conn.execute(
            "SELECT max(due, coalesce(buried_until, '')) AS eff FROM cards WHERE retired = 0 AND suspended = 0 "
            f"AND state > 0 AND due IS NOT NULL AND {self.where} AND eff < ?", (*self.params, ends[-1])))
        before = [bisect_left(dues, end) for end in ends]  # due before the end of each day
        forecast = [DueCount((self.today + timedelta(days=k)).isoformat(), before[k] - (before[k - 1] if k else 0))
                    for k in range(FORECAST_DAYS)]
        return forecast, bisect_left(dues, self.day_start(0))

    def hardest(self) -> list[HardCard]:
        rows = self.conn.execute(
            "SELECT id, front, deck, path, line, lapses, reps, state, suspended, leech FROM cards WHERE rowid IN "
            f"(SELECT rowid FROM cards WHERE retired = 0 AND lapses > 0 AND {self.where} "
            "ORDER BY lapses DESC, reps DESC LIMIT ?) ORDER BY lapses DESC, reps DESC, id", (*self.params, TOP))
        return [HardCard(r["id"], r["front"] or "", r["deck"] or "", r["path"] or "", r["line"], r["lapses"] or 0,
                         r["reps"] or 0, _STATE_KEYS.get(r["state"] or 0, "new"), bool(r["suspended"]),
                         bool(r["leech"])) for r in rows]

    # reviews ----------------------------------------------------------------------------------------------

    def per_day(self) -> dict[date, DayCount]:
        """Reviews and time on each study day of the last year up to today: one index range per day."""
        sql = (f"SELECT count(*), total(duration_ms) FROM {self.source} WHERE reviewed_at >= ? AND reviewed_at < ?"
               + self.review_filter)
        out = {}
        for k in range(-max(RETENTION_WINDOWS) + 1, 1):
            day = self.today + timedelta(days=k)
            n, ms = self.one(sql, (self.day_start(k), self.day_start(k + 1)))
            out[day] = DayCount(day.isoformat(), n, int(ms))
        return out

    def totals(self, per_day: dict[date, DayCount]) -> tuple[int, int]:
        """Reviews and time over the whole log: the last year, the older log, and any review after today (a
        clock that went back, or `--now` in the past)."""
        sql = (f"SELECT count(*), total(duration_ms) FROM {self.source} WHERE reviewed_at >= ? AND reviewed_at < ?"
               + self.review_filter)
        older = self.one(sql, ("", self.day_start(-max(RETENTION_WINDOWS) + 1)))
        later = self.one(sql, (self.day_start(1), "~"))
        reviews = sum(d.count for d in per_day.values()) + older[0] + later[0]
        time_ms = sum(d.time_ms for d in per_day.values()) + int(older[1]) + int(later[1])
        return reviews, time_ms

    def retention(self) -> dict[str, Retention]:
        """True retention over the last 7, 30 and 365 study days: one range scan per slice between windows
        (a query with conditions per window, or per day, costs more per review than three scans)."""
        sql = ("SELECT count(*), total(rating >= 2), total(elapsed_days >= ?), "
               f"total(elapsed_days >= ? AND rating >= 2) FROM {self.source} "
               f"WHERE reviewed_at >= ? AND reviewed_at < ? AND state_before = 2{self.review_filter}")
        out: dict[str, Retention] = {}
        young, mature = Ratio(), Ratio()
        end = self.day_start(1)
        for window in RETENTION_WINDOWS:
            start = self.day_start(1 - window)
            n, passed, n_mature, passed_mature = (int(v) for v in self.one(
                sql, (_MATURE_ELAPSED, _MATURE_ELAPSED, start, end)))
            young += Ratio(passed - passed_mature, n - n_mature)
            mature += Ratio(passed_mature, n_mature)
            out[f"{window}d"] = Retention(window, young, mature)
            end = start
        return out

    def active_days_before(self, first: date) -> set[date]:
        """Study days before `first` with reviews: skip through the index from one active day to the next
        (one seek per active day, never a scan of the old log)."""
        limit = self.days.start_iso(first)
        sql = (f"SELECT reviewed_at FROM {self.source} WHERE reviewed_at >= ? AND reviewed_at < ?{self.review_filter} "
               "ORDER BY reviewed_at LIMIT 1")
        found: set[date] = set()
        low = ""
        while True:
            row = self.conn.execute(sql, (low, limit)).fetchone()
            if row is None:
                return found
            day = self.days.day_of(datetime.fromisoformat(row[0]))
            found.add(day)
            following = self.days.start_iso(day + timedelta(days=1))
            if following <= row[0]:  # a time not in the store's text form: stop rather than loop
                return found
            low = following

    def deck_retention(self, decks: dict[str, DeckStats]) -> None:
        """True retention over the last 30 study days per deck (reviews of the deck's cards, retired too)."""
        rows = self.conn.execute(
            "SELECT coalesce(cards.deck, '') AS deck, count(*) AS total, total(r.rating >= 2) AS passed "
            f"FROM {self.source} AS r CROSS JOIN cards ON cards.id = r.card_id "
            f"WHERE r.reviewed_at >= ? AND r.reviewed_at < ? AND r.state_before = 2 AND {self.where} GROUP BY 1",
            (self.day_start(-29), self.day_start(1), *self.params))
        for r in rows:
            deck = decks.get(r["deck"])
            if deck is not None:
                deck.reviews_30d = r["total"]
                deck.retention_30d = r["passed"] / r["total"]

    # memory -----------------------------------------------------------------------------------------------

    def memory(self, parameters, desired: float, decks: dict[str, DeckStats]) -> dict:
        """Retrievability now, stability and difficulty of every reviewed live card, computed in SQL into a
        temporary table; then sums, per-deck knowledge, histograms, the median card's forgetting curve and the
        weakest notes."""
        decay, factor = fsrs_curve(parameters)
        conn = self.conn
        conn.execute(
            "CREATE TEMP TABLE stats_memory AS SELECT rowid AS rid, coalesce(deck, '') AS deck, "
            "coalesce(path, '') AS path, stability AS s, difficulty AS d, "
            "pow(1 + ? * max(0, (? - CAST(strftime('%s', last_review) AS INTEGER)) / 86400) / stability, ?) AS r "
            "FROM cards WHERE retired = 0 AND state > 0 AND stability > 0 AND last_review IS NOT NULL "
            f"AND {self.where}", (factor, math.floor(self.now.timestamp()), decay, *self.params))
        n, knowledge, mean_r, mean_s, mean_d = self.one(
            "SELECT count(*), total(r), avg(r), avg(s), avg(d) FROM temp.stats_memory")
        for name, count, known in conn.execute("SELECT deck, count(*), total(r) FROM temp.stats_memory GROUP BY 1"):
            if name in decks:
                decks[name].reviewed, decks[name].knowledge = count, known
        median = None
        if n:
            middle = [r[0] for r in conn.execute("SELECT s FROM temp.stats_memory ORDER BY s LIMIT ? OFFSET ?",
                                                 (2 - n % 2, (n - 1) // 2))]
            median = sum(middle) / len(middle)
        r_bins = dict(conn.execute("SELECT min(CAST(r * 10 AS INTEGER), 9), count(*) FROM temp.stats_memory "
                                   "GROUP BY 1").fetchall())
        cases = " ".join(f"WHEN s < {hi} THEN {i}" for i, hi in enumerate(STABILITY_BINS[1:]))
        s_bins = dict(conn.execute(f"SELECT CASE {cases} ELSE {len(STABILITY_BINS) - 1} END, count(*) "
                                   "FROM temp.stats_memory GROUP BY 1").fetchall())
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
            "weakest_notes": self.weakest(),
        }

    def weakest(self) -> list[WeakNote]:
        """The TOP note files with the lowest mean retrievability, each with its weakest card."""
        # `rid` is a bare column next to the one min(): SQLite takes it from the row holding the minimum
        worst = self.conn.execute(
            "SELECT path, avg(r) AS mean, count(*) AS n, min(r) AS low, rid FROM temp.stats_memory "
            "GROUP BY path ORDER BY mean, path LIMIT ?", (TOP,)).fetchall()
        if not worst:
            return []
        cards = {row["rowid"]: row for row in self.conn.execute(
            f"SELECT rowid, id, line, front FROM cards WHERE rowid IN ({','.join('?' * len(worst))})",
            [w["rid"] for w in worst])}
        return [WeakNote(w["path"], w["n"], w["mean"], cards[w["rid"]]["id"], cards[w["rid"]]["line"],
                         cards[w["rid"]]["front"] or "", w["low"]) for w in worst]


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
