"""The SQL behind `mlwiki stats`: aggregates over `cards` and `reviews` for one card filter.

mlwiki.stats.compute decides what each figure means and assembles them; this module only asks SQLite, and
returns rows and numbers. Speed (a million reviews and 50k cards in about half a second): nothing reads a table
row by row; the covering indexes of migration 003 (`idx_reviews_stats`, `idx_cards_stats`) serve every query;
retrievability is computed in SQL (`pow`, lent from Python when SQLite lacks the math functions) into a temporary
table that the memory figures read.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from mlwiki.models import State
from mlwiki.store.cards import CardFilter, LIVE

COUNTED = f"{LIVE} AND dropped = 0"  # a card the learner dropped as "not a card" is no card to study
from mlwiki.store.db import Store

RANGE_SHARE = 8  # filtered: copy the matching cards' reviews when they are under 1/RANGE_SHARE of the log
_TEMP_TABLES = ("stats_rowids", "stats_cards", "stats_reviews", "stats_memory")
_REVIEW = int(State.REVIEW)
# Study days between last review and due. They differ from the real days by less than a day plus a clock change,
# so only cards within ~1 day of the threshold need the Python day function (0.27 s → 0.01 s for 67k cards).
_STUDY_DAYS_APART = ("(CASE WHEN julianday(due) - julianday(last_review) >= ? THEN 1e9 "
                     "WHEN julianday(due) - julianday(last_review) < ? THEN -1 "
                     "ELSE mlwiki_study_day(due) - mlwiki_study_day(last_review) END)")


@contextmanager
def stats_source(store: Store, selection: CardFilter,
                 study_day: Callable[[str], int] | None = None) -> Iterator["StatsSource"]:
    """The queries for `selection`, with its temporary tables dropped afterwards whatever happens. `study_day`
    maps a stored time to its study-day number (SQL function `mlwiki_study_day`, about 1 µs a call)."""
    conn = store.conn
    _ensure_pow(conn)
    if study_day is not None:
        conn.create_function("mlwiki_study_day", 1, lambda text: None if text is None else study_day(text),
                             deterministic=True)
    _drop_temp_tables(conn)  # left over by an interrupted run on this connection
    try:
        yield StatsSource(conn, *_prepare_filter(conn, *selection.where()))
    finally:
        _drop_temp_tables(conn)


def _drop_temp_tables(conn: sqlite3.Connection) -> None:
    for table in _TEMP_TABLES:
        conn.execute(f"DROP TABLE IF EXISTS temp.{table}")


def _ensure_pow(conn: sqlite3.Connection) -> None:
    """SQLite has `pow` only when built with its math functions; otherwise lend it Python's."""
    try:
        conn.execute("SELECT pow(2.0, 0.5)").fetchone()
    except sqlite3.OperationalError:  # no such function
        conn.create_function("pow", 2, lambda x, y: None if x is None or y is None else math.pow(x, y),
                             deterministic=True)


def _prepare_filter(conn: sqlite3.Connection, where: str, params: list) -> tuple[str, list, str, str]:
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


class StatsSource:
    """Aggregates for one filter: `where`/`params` over `cards`, `source` + `review_filter` over reviews.
    Times are the store's ISO text (they compare in time order)."""

    def __init__(self, conn: sqlite3.Connection, where: str, params: list, source: str, review_filter: str):
        self.conn = conn
        self.where = where
        self.params = params
        self.source = source
        self.review_filter = review_filter

    def _one(self, sql: str, params=()) -> tuple:
        return tuple(self.conn.execute(sql, params).fetchone())

    # cards ------------------------------------------------------------------------------------------------
    def cards_by_deck(self, mature_days: int, tomorrow: str) -> list[sqlite3.Row]:
        """Live cards per deck by exclusive state (suspended ones count as suspended), leeches, mature review
        cards (interval >= `mature_days` study days) and studied cards due before `tomorrow`."""
        states = ", ".join(f"total(suspended = 0 AND state = {s:d}) AS {s.label}" for s in State)
        return self.conn.execute(
            f"SELECT coalesce(deck, '') AS deck, count(*) AS total, {states}, "
            "total(suspended <> 0) AS suspended, total(leech <> 0) AS leech, "
            f"total(suspended = 0 AND state = {_REVIEW} AND {_STUDY_DAYS_APART} >= ?) AS mature, "
            f"total(suspended = 0 AND state > {State.NEW:d} AND max(due, coalesce(buried_until, '')) < ?) AS due_today "
            f"FROM cards WHERE {COUNTED} AND {self.where} GROUP BY 1 ORDER BY 1",
            (mature_days + 1.1, mature_days - 1.1, mature_days, tomorrow, *self.params)).fetchall()

    def retired_count(self) -> int:
        return self._one(f"SELECT count(*) FROM cards WHERE retired <> 0 AND {self.where}", self.params)[0]

    def due_times(self, before: str) -> list[str]:
        """When each live, unsuspended, studied card is due (or unburied, if later) before `before`, sorted."""
        return sorted(r[0] for r in self.conn.execute(
            f"SELECT max(due, coalesce(buried_until, '')) AS eff FROM cards WHERE {COUNTED} AND suspended = 0 "
            f"AND state > {State.NEW:d} AND due IS NOT NULL AND {self.where} AND eff < ?", (*self.params, before)))

    def most_lapsed(self, top: int) -> list[sqlite3.Row]:
        """The `top` live cards with the most lapses (then reviews)."""
        return self.conn.execute(
            "SELECT id, front, deck, path, line, lapses, reps, state, suspended, leech FROM cards WHERE rowid IN "
            f"(SELECT rowid FROM cards WHERE {COUNTED} AND lapses > 0 AND {self.where} "
            "ORDER BY lapses DESC, reps DESC LIMIT ?) ORDER BY lapses DESC, reps DESC, id",
            (*self.params, top)).fetchall()

    # reviews ----------------------------------------------------------------------------------------------
    def reviews_between(self, start: str, end: str) -> tuple[int, int]:
        """(reviews, milliseconds spent) from `start` up to `end`: one index range."""
        n, ms = self._one(f"SELECT count(*), total(duration_ms) FROM {self.source} "
                          f"WHERE reviewed_at >= ? AND reviewed_at < ?{self.review_filter}", (start, end))
        return n, int(ms)

    def anki_reviews(self, start: str, end: str) -> tuple[int, int]:
        """(answers, resets) pulled from Anki from `start` up to `end`, on the `reviews` table (the filtered copy
        has no `source`) by its (source, reviewed_at) index: one range, however long mlwiki's own log is."""
        where = "" if self.where == "1" else " AND card_id IN (SELECT id FROM temp.stats_cards)"
        answers, resets = self._one("SELECT total(rating > 0), total(rating = 0) FROM reviews WHERE source = 'anki' "
                                    f"AND reviewed_at >= ? AND reviewed_at < ?{where}", (start, end))
        return int(answers), int(resets)

    def review_passes(self, start: str, end: str, mature_elapsed: float) -> tuple[int, int, int, int]:
        """Reviews of cards in review state between `start` and `end`: (all, passed, mature, mature passed);
        a pass is a rating >= 2, mature when the interval before it was >= `mature_elapsed` days."""
        sql = ("SELECT count(*), total(rating >= 2), total(elapsed_days >= ?), "
               f"total(elapsed_days >= ? AND rating >= 2) FROM {self.source} "
               f"WHERE reviewed_at >= ? AND reviewed_at < ? AND state_before = {_REVIEW}{self.review_filter}")
        return tuple(int(v) for v in self._one(sql, (mature_elapsed, mature_elapsed, start, end)))

    def first_review_between(self, low: str, high: str) -> str | None:
        """The time of the first review from `low` up to `high` (one index seek)."""
        row = self.conn.execute(f"SELECT reviewed_at FROM {self.source} WHERE reviewed_at >= ? AND reviewed_at < ?"
                                f"{self.review_filter} ORDER BY reviewed_at LIMIT 1", (low, high)).fetchone()
        return row[0] if row else None

    def deck_passes(self, start: str, end: str) -> list[sqlite3.Row]:
        """Per deck: reviews of cards in review state between `start` and `end`, and how many passed."""
        return self.conn.execute(
            "SELECT coalesce(cards.deck, '') AS deck, count(*) AS total, total(r.rating >= 2) AS passed "
            f"FROM {self.source} AS r CROSS JOIN cards ON cards.id = r.card_id "
            f"WHERE r.reviewed_at >= ? AND r.reviewed_at < ? AND r.state_before = {_REVIEW} AND {self.where} "
            "GROUP BY 1", (start, end, *self.params)).fetchall()

    # memory -----------------------------------------------------------------------------------------------
    def compute_memory(self, factor: float, decay: float, today: int) -> tuple:
        """Fill a temporary table with the retrievability now (FSRS-6: (1 + factor·t/S)^decay, t in study days
        since the last review, `today` being today's study-day number), stability and difficulty of every
        reviewed live card. Returns (n, sum R, mean R, mean S, mean D)."""
        self.conn.execute(
            "CREATE TEMP TABLE stats_memory AS SELECT rowid AS rid, coalesce(deck, '') AS deck, "
            "coalesce(path, '') AS path, stability AS s, difficulty AS d, "
            "pow(1 + ? * max(0, ? - mlwiki_study_day(last_review)) / stability, ?) AS r "
            f"FROM cards WHERE {COUNTED} AND state > {State.NEW:d} AND stability > 0 AND last_review IS NOT NULL "
            f"AND {self.where}", (factor, today, decay, *self.params))
        return self._one("SELECT count(*), total(r), avg(r), avg(s), avg(d) FROM temp.stats_memory")

    def memory_by_deck(self) -> list[tuple[str, int, float]]:
        """(deck, reviewed cards, sum of retrievability) from `compute_memory`."""
        return self.conn.execute("SELECT deck, count(*), total(r) FROM temp.stats_memory GROUP BY 1").fetchall()

    def median_stability(self, n: int) -> float | None:
        if not n:
            return None
        middle = [r[0] for r in self.conn.execute("SELECT s FROM temp.stats_memory ORDER BY s LIMIT ? OFFSET ?",
                                                  (2 - n % 2, (n - 1) // 2))]
        return sum(middle) / len(middle)

    def retrievability_bins(self) -> dict[int, int]:
        """{tenth of R (0-9): cards}."""
        return dict(self.conn.execute("SELECT min(CAST(r * 10 AS INTEGER), 9), count(*) FROM temp.stats_memory "
                                      "GROUP BY 1").fetchall())

    def stability_bins(self, bounds: tuple[float, ...]) -> dict[int, int]:
        """{index of the bin [bounds[i], bounds[i+1]) holding S: cards}; the last bin is open-ended."""
        cases = " ".join(f"WHEN s < {hi} THEN {i}" for i, hi in enumerate(bounds[1:]))
        return dict(self.conn.execute(f"SELECT CASE {cases} ELSE {len(bounds) - 1} END, count(*) "
                                      "FROM temp.stats_memory GROUP BY 1").fetchall())

    def weakest_paths(self, top: int) -> list[dict]:
        """The `top` note files with the lowest mean retrievability: path, mean, n, low, and their weakest card's
        id, line, front and whether it is suspended."""
        # `rid` is a bare column next to the one min(): SQLite takes it from the row holding the minimum
        worst = self.conn.execute(
            "SELECT path, avg(r) AS mean, count(*) AS n, min(r) AS low, rid FROM temp.stats_memory "
            "GROUP BY path ORDER BY mean, path LIMIT ?", (top,)).fetchall()
        if not worst:
            return []
        cards = {row["rowid"]: row for row in self.conn.execute(
            f"SELECT rowid, id, line, front, suspended FROM cards WHERE rowid IN ({','.join('?' * len(worst))})",
            [w["rid"] for w in worst])}
        return [{"path": w["path"], "mean": w["mean"], "n": w["n"], "low": w["low"], "id": cards[w["rid"]]["id"],
                 "line": cards[w["rid"]]["line"], "front": cards[w["rid"]]["front"] or "",
                 "suspended": bool(cards[w["rid"]]["suspended"])} for w in worst]
