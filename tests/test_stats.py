"""`mlwiki stats`: every figure against a hand-computed value, on a real store with a known history.

The history (built by `world`) is written straight into `reviews`, so the test controls `state_before`,
`elapsed_days` and the times. Study days start at 04:00; the wiki's zone is UTC unless a test says otherwise.
NOW is Sunday 2026-03-01 12:00 UTC, so "today" is the study day 2026-03-01 (04:00 UTC onwards), and k below
means "k study days before today".
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from rich.console import Console

from conftest import db_rows, run, write
from mlwiki.cli import cli
from mlwiki.store.cards import CardFilter, resolve_paths
from mlwiki.store.migrations import SCHEMA_VERSION
from mlwiki.config import load_config
from mlwiki.studyday import StudyCalendar
from mlwiki.review.answering import record_answer
from mlwiki.models import CardState
from mlwiki.review.schedule import Scheduler
from mlwiki.stats.compute import compute_stats
from mlwiki.stats.html import render_html
from mlwiki.stats.view import render_terminal
from mlwiki.store.db import utc_iso
from mlwiki.scan.sync import open_synced

NOW = datetime(2026, 3, 1, 12, tzinfo=timezone.utc)
TODAY = date(2026, 3, 1)
DECAY = -0.1542  # -w[20] of FSRS-6's default parameters
FACTOR = 0.9 ** (1 / DECAY) - 1

NOTES = {
    "notes/alg/a.md": """---
tags: [math, math::linear]
---
# Linear algebra

Q: What is <script>alert(1)</script>?
A: nothing

Rank :: dimension of the column space

Trace :: sum of the diagonal entries
""",
    "notes/prob/b.md": """---
tags: [stats::bayes]
---
# Probability

Q: What is Bayes' rule?
A: posterior is likelihood times prior over evidence

Prior :: belief before seeing data

Likelihood :: probability of the data given the parameters
""",
    "notes/prob/c.md": """---
deck: T::prob::bayes
---
# Posterior

Posterior :: belief after seeing data
""",
}


def R(t_days: int, stability: float) -> float:
    """FSRS-6 retrievability, by hand."""
    return (1 + FACTOR * t_days / stability) ** DECAY


def make_wiki(root, tz: str = "UTC"):
    for rel, text in NOTES.items():
        write(root, rel, text)
    (root / "mlwiki.toml").write_text(f'name = "T"\n[review]\ntimezone = "{tz}"\n', encoding="utf-8")
    config = load_config(root)
    store, _ = open_synced(config, NOW)
    ids = {_short(row["front"]): row["id"] for row in store.query("SELECT id, front FROM cards")}
    return config, store, ids


def _short(front: str) -> str:
    """script, Bayes, Rank, Trace, Prior, Likelihood, Posterior."""
    if front.startswith("What is <script>"):
        return "script"
    return "Bayes" if front.startswith("What is Bayes") else front.split()[0]


def set_card(store, card_id: str, **columns) -> None:
    for key in ("due", "last_review", "buried_until"):
        if isinstance(columns.get(key), datetime):
            columns[key] = utc_iso(columns[key])
    assignments = ", ".join(f"{k} = ?" for k in columns)
    with store.write() as conn:
        conn.execute(f"UPDATE cards SET {assignments} WHERE id = ?", (*columns.values(), card_id))


def add_reviews(store, rows) -> None:
    """rows: (card_id, when, rating, state_before, elapsed_days, duration_ms)."""
    with store.write() as conn:
        conn.execute("INSERT OR IGNORE INTO settings(id, json) VALUES ('test', '{}')")
        conn.executemany(
            "INSERT INTO reviews(card_id, reviewed_at, rating, duration_ms, content_hash, settings_id, "
            "state_before, state, stability, difficulty, due, elapsed_days, scheduled_days) "
            "VALUES (?, ?, ?, ?, 'h', 'test', ?, 2, 1.0, 5.0, ?, ?, 1.0)",
            [(cid, utc_iso(when), rating, ms, before, utc_iso(when + timedelta(days=1)), elapsed)
             for cid, when, rating, before, elapsed, ms in rows])


def at(k: int, hour: int = 10, minute: int = 0) -> datetime:
    """A time on the calendar date k days before today (10:00 UTC lies in that study day)."""
    return datetime.combine(TODAY - timedelta(days=k), datetime.min.time(), timezone.utc) + \
        timedelta(hours=hour, minutes=minute)


def history(ids) -> list[tuple]:
    """The known review log. Per day k in 0..29 except the gaps 5 and 12:
    k <= 6:  young (elapsed 3 d): 3 passes on Rank, 1 fail on Bayes; mature (elapsed 30 d): 2 passes (Easy);
    k >= 7:  young: 1 pass on Rank, 1 fail on Bayes; mature: 3 passes (Hard), 1 fail, all on the script card;
    every day: one new-card review and one learning review of Trace (not counted in retention);
    k == 10: elapsed 20.6 d pass (mature once rounded) and elapsed 20.4 d fail (young);
    k == 1 also gets a review at 03:30 UTC on 2026-03-01: before 04:00, so it belongs to 2026-02-28;
    k == 100: 5 mature passes, 5 young fails (only in the 365-day window);
    k = 411..450: one review a day, 40 days in a row, older than a year.
    Today's reviews last 7 s each, all others 10 s."""
    rows = []

    def add(cid, k, minute, rating, before, elapsed):
        rows.append((cid, at(k, 10, minute), rating, before, elapsed, 7_000 if k == 0 else 10_000))

    for k in range(30):
        if k in (5, 12):
            continue
        m = iter(range(60))
        if k <= 6:
            for _ in range(3):
                add(ids["Rank"], k, next(m), 3, 2, 3.0)
            add(ids["Bayes"], k, next(m), 1, 2, 3.0)
            for _ in range(2):
                add(ids["script"], k, next(m), 4, 2, 30.0)
        else:
            add(ids["Rank"], k, next(m), 3, 2, 3.0)
            add(ids["Bayes"], k, next(m), 1, 2, 3.0)
            for _ in range(3):
                add(ids["script"], k, next(m), 2, 2, 30.0)
            add(ids["script"], k, next(m), 1, 2, 30.0)
        add(ids["Trace"], k, next(m), 3, 0, 0.0)
        add(ids["Trace"], k, next(m), 1, 1, 0.01)
        if k == 10:
            add(ids["script"], k, next(m), 3, 2, 20.6)
            add(ids["Rank"], k, next(m), 1, 2, 20.4)
    rows.append((ids["Trace"], datetime(2026, 3, 1, 3, 30, tzinfo=timezone.utc), 3, 1, 0.01, 10_000))
    for i in range(5):
        add(ids["script"], 100, i, 3, 2, 40.0)
        add(ids["Bayes"], 100, 10 + i, 1, 2, 2.0)
    for k in range(411, 451):
        add(ids["Rank"], k, 0, 3, 2, 5.0)
    return rows


@pytest.fixture
def world(wiki):
    """The wiki of NOTES with known card states and the known history. Cards (times relative to NOW):
    script: review, S 30, D 5, last review 10 d ago, due in 20 d (interval 30 d: mature)
    Rank:   review, S 5,  D 6, last 3 d ago, due 1 d ago (overdue; interval 2 d: young), 1 lapse
    Trace:  learning, S 1, D 7, last 1 h ago, due in 10 min
    Bayes:  relearning, S 2, D 8, last 2 d ago, due 2026-03-02 05:00 (tomorrow), 3 lapses
    Prior:  new
    Posterior (deck T::prob::bayes): review but suspended as a leech, S 1, D 9, last 5 d ago, 9 lapses
    Likelihood: retired (counts only as retired)."""
    config, store, ids = make_wiki(wiki)
    set_card(store, ids["script"], state=2, stability=30.0, difficulty=5.0, last_review=NOW - timedelta(days=10),
             due=NOW + timedelta(days=20), reps=5)
    set_card(store, ids["Rank"], state=2, stability=5.0, difficulty=6.0, last_review=NOW - timedelta(days=3),
             due=NOW - timedelta(days=1), reps=4, lapses=1)
    set_card(store, ids["Trace"], state=1, step=1, stability=1.0, difficulty=7.0,
             last_review=NOW - timedelta(hours=1), due=NOW + timedelta(minutes=10), reps=2)
    set_card(store, ids["Bayes"], state=3, step=0, stability=2.0, difficulty=8.0,
             last_review=NOW - timedelta(days=2), due=datetime(2026, 3, 2, 5, tzinfo=timezone.utc), reps=6,
             lapses=3)
    set_card(store, ids["Posterior"], state=2, stability=1.0, difficulty=9.0, last_review=NOW - timedelta(days=5),
             due=NOW + timedelta(days=1), reps=12, lapses=9, suspended=1, leech=1)
    set_card(store, ids["Likelihood"], state=2, stability=10.0, difficulty=4.0, last_review=NOW - timedelta(days=1),
             due=NOW + timedelta(days=9), reps=3, lapses=4, retired=1)
    add_reviews(store, history(ids))
    yield config, store, ids, wiki
    store.close()


# --- cards ------------------------------------------------------------------------------------------------


def test_card_counts_by_state(world):
    config, store, ids, _ = world
    s = compute_stats(store, config, NOW)
    assert s.counts == {"new": 1, "learning": 1, "review": 2, "relearning": 1, "suspended": 1, "leech": 1,
                        "retired": 1, "young": 1, "mature": 1}
    assert s.total_cards == 6  # 7 cards, one retired; the suspended leech counts once, as suspended


def test_due_today_tomorrow_and_forecast(world):
    config, store, ids, _ = world
    s = compute_stats(store, config, NOW)
    assert s.due_today == 2  # Rank (overdue) and Trace (learning, due in 10 minutes), as `due` says
    due = json.loads(CliRunner().invoke(cli, ["--root", str(config.root), "--now", NOW.isoformat(), "due", "--json"],
                                        catch_exceptions=False).output)
    assert due["learning"] + due["later_today"] + due["review"] == s.due_today
    assert s.overdue == 1
    assert s.due_tomorrow == 1  # Bayes, 2026-03-02 05:00 (suspended Posterior and retired Likelihood: never)
    expected = [0] * 30
    expected[0], expected[1], expected[20] = 2, 1, 1  # the script card is due 2026-03-21 12:00
    assert [d.count for d in s.forecast] == expected
    assert s.forecast[0].date == "2026-03-01" and s.forecast[29].date == "2026-03-30"


def test_buried_card_is_due_when_the_burial_ends(world):
    config, store, ids, _ = world
    set_card(store, ids["Rank"], buried_until=datetime(2026, 3, 2, 4, tzinfo=timezone.utc))
    s = compute_stats(store, config, NOW)
    assert (s.due_today, s.due_tomorrow) == (1, 2)


def test_memory_figures_and_knowledge(world):
    config, store, ids, _ = world
    s = compute_stats(store, config, NOW)
    # reviewed live cards: script (t=10, S=30), Rank (3, 5), Trace (0, 1), Bayes (2, 2), Posterior (5, 1)
    expected = [R(10, 30), R(3, 5), 1.0, R(2, 2), R(5, 1)]
    assert R(2, 2) == pytest.approx(0.9)  # FSRS-6: R = 90 % when t = S
    assert s.reviewed_cards == 5
    assert s.knowledge == pytest.approx(sum(expected))
    assert s.knowledge == pytest.approx(4.5491, abs=1e-3)
    assert s.average_retrievability == pytest.approx(sum(expected) / 5)
    assert s.average_stability == pytest.approx((30 + 5 + 1 + 2 + 1) / 5)
    assert s.median_stability == pytest.approx(2.0)
    assert s.average_difficulty == pytest.approx((5 + 6 + 7 + 8 + 9) / 5)
    # the same numbers as the scheduler's own retrievability
    scheduler = Scheduler.from_settings(config.review)
    rows = store.query("SELECT * FROM cards WHERE retired = 0 AND state > 0")
    assert s.knowledge == pytest.approx(sum(scheduler.retrievability(CardState.from_row(r), NOW) for r in rows))
    assert [b["count"] for b in s.stability_histogram] == [0, 3, 1, 0, 0, 1, 0, 0, 0, 0, 0]
    assert sum(b["count"] for b in s.retrievability_histogram) == 5
    assert s.retrievability_histogram[7]["count"] == 1  # Posterior, R ≈ 0.76
    curve = s.forgetting_curve
    assert curve["stability"] == 2.0 and curve["interval_at_desired"] == pytest.approx(2.0)
    assert curve["points"][0] == [0.0, 1.0]


def test_weakest_notes_and_hardest_cards(world):
    config, store, ids, _ = world
    s = compute_stats(store, config, NOW)
    # note files by the mean retrievability of their reviewed live cards (Prior: new; Likelihood: retired)
    weak = [(w.path, w.cards, w.card_id, w.line) for w in s.weakest_notes]
    assert weak == [("notes/prob/c.md", 1, ids["Posterior"], 6), ("notes/prob/b.md", 1, ids["Bayes"], 6),
                    ("notes/alg/a.md", 3, ids["Rank"], 9)]  # Rank is a.md's weakest: R(3, 5) < R(10, 30) < 1
    assert [w.retrievability for w in s.weakest_notes] == pytest.approx(
        [R(5, 1), 0.9, (R(10, 30) + R(3, 5) + 1.0) / 3])
    assert s.weakest_notes[2].card_retrievability == pytest.approx(R(3, 5))
    assert s.weakest_notes[0].front == "Posterior"
    assert [(h.id, h.lapses) for h in s.hardest_cards] == [(ids["Posterior"], 9), (ids["Bayes"], 3),
                                                           (ids["Rank"], 1)]  # retired Likelihood (4) left out
    assert s.hardest_cards[0].leech and s.hardest_cards[0].suspended


# --- reviews ----------------------------------------------------------------------------------------------


def test_review_counts_time_and_calendar(world):
    config, store, ids, _ = world
    s = compute_stats(store, config, NOW)
    assert s.reviews_total == 277  # 6×8 + 22×8 + 2 + 1 in the last 30 days, 10 on k=100, 40 old ones
    assert s.reviews_today == 8  # the 03:30 review belongs to yesterday
    assert s.time_today_ms == 8 * 7_000
    assert s.time_total_ms == 269 * 10_000 + 8 * 7_000
    per_day = {d.date: d.count for d in s.reviews_per_day}
    assert s.heatmap_start == "2025-09-01"  # a Monday, 25 weeks before this week's
    assert len(s.reviews_per_day) == 26 * 7  # today is a Sunday: the grid is full
    assert per_day["2026-03-01"] == 8
    assert per_day["2026-02-28"] == 9
    assert per_day["2026-02-24"] == 0 and per_day["2026-02-17"] == 0  # the gaps, k = 5 and 12
    assert per_day["2026-02-19"] == 10  # k = 10
    assert per_day[(TODAY - timedelta(days=100)).isoformat()] == 10
    assert sum(per_day.values()) == 237
    assert s.reviews_per_day[-1].time_ms == 56_000


def test_streaks(world):
    config, store, ids, _ = world
    s = compute_stats(store, config, NOW)
    assert s.streak_days == 5  # today and the 4 days before; k = 5 is a gap
    assert s.longest_streak == 40  # the 40 days in a row more than a year ago
    assert s.days_studied == 28 + 1 + 40
    # tomorrow, before reviewing: the streak still counts up to yesterday
    assert compute_stats(store, config, NOW + timedelta(days=1)).streak_days == 5
    # a day missed: the streak is broken
    assert compute_stats(store, config, NOW + timedelta(days=2)).streak_days == 0


def test_true_retention_young_and_mature(world):
    config, store, ids, _ = world
    s = compute_stats(store, config, NOW)
    r7, r30, r365 = s.retention["7d"], s.retention["30d"], s.retention["365d"]
    assert (r7.young.passed, r7.young.total, r7.mature.passed, r7.mature.total) == (18, 24, 12, 12)
    assert (r30.young.passed, r30.young.total, r30.mature.passed, r30.mature.total) == (40, 69, 79, 101)
    assert (r365.young.passed, r365.young.total, r365.mature.passed, r365.mature.total) == (40, 74, 84, 106)
    assert s.true_retention_30d == pytest.approx(119 / 170)
    assert r7.all.rate == pytest.approx(30 / 36)
    assert s.desired_retention == 0.9


def test_decks_table(world):
    config, store, ids, _ = world
    s = compute_stats(store, config, NOW)
    decks = {d.name: d for d in s.decks}
    assert list(decks) == ["T::alg", "T::prob", "T::prob::bayes"]
    alg, prob, bayes = decks["T::alg"], decks["T::prob"], decks["T::prob::bayes"]
    assert (alg.total, alg.new, alg.learning, alg.review, alg.relearning, alg.due_today) == (3, 0, 1, 2, 0, 2)
    assert (alg.reviews_30d, alg.retention_30d) == (142, pytest.approx(119 / 142))
    assert (prob.total, prob.new, prob.relearning, prob.due_today) == (2, 1, 1, 0)
    assert (prob.reviews_30d, prob.retention_30d) == (28, 0.0)
    assert (bayes.total, bayes.suspended, bayes.leech, bayes.due_today, bayes.retention_30d) == (1, 1, 1, 0, None)
    # knowledge per deck: the summed retrievability of its reviewed live cards
    assert (alg.reviewed, alg.knowledge) == (3, pytest.approx(R(10, 30) + R(3, 5) + 1.0))
    assert (prob.reviewed, prob.knowledge) == (1, pytest.approx(0.9))
    assert (bayes.reviewed, bayes.knowledge) == (1, pytest.approx(R(5, 1)))
    assert sum(d.knowledge for d in s.decks) == pytest.approx(s.knowledge)


def test_to_dict_keys_and_json(world):
    config, store, ids, _ = world
    data = json.loads(json.dumps(compute_stats(store, config, NOW).to_dict()))
    for key in ("total_cards", "due_today", "reviews_total", "reviews_today", "true_retention_30d",
                "streak_days", "knowledge", "decks", "forecast", "reviews_per_day", "retention", "counts",
                "weakest_notes", "hardest_cards", "time_total_ms", "time_today_ms", "longest_streak"):
        assert key in data
    assert data["total_cards"] == 6 and data["due_today"] == 2 and data["streak_days"] == 5
    assert data["decks"][0]["name"] == "T::alg" and data["decks"][0]["total"] == 3
    assert data["retention"]["30d"]["mature"] == {"passed": 79, "total": 101, "rate": 79 / 101}


# --- filters ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("big", [False, True], ids=["copied-reviews", "range-scan"])
def test_deck_filter(world, big):
    config, store, ids, _ = world
    if big:  # cards that claim many reviews: the filtered queries scan `reviews` by time instead
        with store.write() as conn:
            conn.execute("UPDATE cards SET reps = 100000 WHERE deck LIKE 'T::prob%'")
    s = compute_stats(store, config, NOW, CardFilter(deck="T::prob"))
    assert s.counts == {"new": 1, "learning": 0, "review": 0, "relearning": 1, "suspended": 1, "leech": 1,
                        "retired": 1, "young": 0, "mature": 0}
    assert (s.total_cards, s.due_today, s.due_tomorrow) == (3, 0, 1)
    assert s.reviews_total == 33 and s.reviews_today == 1  # Bayes: 28 in 30 days, 5 on k=100
    assert s.time_total_ms == 32 * 10_000 + 7_000
    assert (s.retention["30d"].all.passed, s.retention["30d"].all.total) == (0, 28)
    assert s.knowledge == pytest.approx(R(2, 2) + R(5, 1))
    assert [d.name for d in s.decks] == ["T::prob", "T::prob::bayes"]
    assert s.streak_days == 5 and s.longest_streak == 17  # k = 13..29
    assert [h.id for h in s.hardest_cards] == [ids["Posterior"], ids["Bayes"]]


def test_deck_filter_is_a_prefix_on_whole_names(world):
    config, store, ids, _ = world
    assert compute_stats(store, config, NOW, CardFilter(deck="t::PROB::Bayes")).total_cards == 1  # as in Anki: any case
    empty = compute_stats(store, config, NOW, CardFilter(deck="T::pro"))
    assert (empty.total_cards, empty.reviews_total, empty.knowledge, empty.decks) == (0, 0, 0.0, [])


def test_tag_filter(world):
    config, store, ids, _ = world
    assert compute_stats(store, config, NOW, CardFilter(tag="stats")).total_cards == 2  # stats::bayes is a child tag
    linear = compute_stats(store, config, NOW, CardFilter(tag="math::linear"))
    assert (linear.total_cards, linear.due_today, linear.counts["review"]) == (3, 2, 2)
    assert linear.reviews_total == 277 - 33  # everything but Bayes
    assert compute_stats(store, config, NOW, CardFilter(tag="mat")).total_cards == 0


def test_path_filter(world):
    config, store, ids, root = world
    prob = compute_stats(store, config, NOW, CardFilter(paths=resolve_paths(config, [root / "notes" / "prob"])))
    assert prob.to_dict()["counts"] == compute_stats(store, config, NOW, CardFilter(deck="T::prob")).to_dict()["counts"]
    one = compute_stats(store, config, NOW, CardFilter(paths=resolve_paths(config, [root / "notes" / "alg" / "a.md"])))
    assert one.total_cards == 3 and one.filters["paths"] == ["notes/alg/a.md"]


# --- time zones -------------------------------------------------------------------------------------------


def test_day_starts_at_four_in_new_york(tmp_path):
    config, store, ids = make_wiki(tmp_path, tz="America/New_York")
    with store:
        # NOW is 07:00 EST: today is the study day 2026-03-01, from 09:00 UTC (04:00 EST)
        add_reviews(store, [
            (ids["Rank"], datetime(2026, 3, 1, 4, 30, tzinfo=timezone.utc), 3, 2, 3.0, 1000),  # 23:30 EST 02-28
            (ids["Rank"], datetime(2026, 3, 1, 8, 30, tzinfo=timezone.utc), 3, 2, 3.0, 1000),  # 03:30 EST → 02-28
            (ids["Rank"], datetime(2026, 3, 1, 9, 30, tzinfo=timezone.utc), 3, 2, 3.0, 1000),  # 04:30 EST: today
        ])
        set_card(store, ids["Rank"], state=2, stability=5.0, difficulty=5.0, last_review=NOW,
                 due=datetime(2026, 3, 2, 8, 30, tzinfo=timezone.utc))  # 03:30 EST on 03-02: still today
        # DST starts 2026-03-08: 04:00 local is 08:00 UTC from then on
        set_card(store, ids["Trace"], state=2, stability=5.0, difficulty=5.0, last_review=NOW,
                 due=datetime(2026, 3, 9, 7, 30, tzinfo=timezone.utc))  # 03:30 EDT on 03-09: the 03-08 day
        set_card(store, ids["Prior"], state=2, stability=5.0, difficulty=5.0, last_review=NOW,
                 due=datetime(2026, 3, 9, 8, 30, tzinfo=timezone.utc))  # 04:30 EDT: the 03-09 day
        s = compute_stats(store, config, NOW)
        assert s.timezone == "America/New_York" and s.today == "2026-03-01"
        assert s.reviews_today == 1
        assert {d.date: d.count for d in s.reviews_per_day}["2026-02-28"] == 2
        assert s.due_today == 1
        assert (s.forecast[7].count, s.forecast[8].count) == (1, 1)
        # at 03:59 EST the study day is still 2026-02-28
        early = compute_stats(store, config, datetime(2026, 3, 1, 8, 59, tzinfo=timezone.utc))
        assert early.today == "2026-02-28" and early.reviews_today == 2
        # the same log read in UTC: 04:30, 08:30 and 09:30 UTC are all in the study day 2026-03-01
        config.review.timezone = "UTC"
        assert compute_stats(store, config, NOW).reviews_today == 3


# --- through the real review log --------------------------------------------------------------------------


def test_with_record_answer(tmp_path):
    config, store, ids = make_wiki(tmp_path)
    scheduler = Scheduler.from_settings(config.review)
    with store:
        start = NOW - timedelta(days=6)
        for day in range(6):  # Rank and Bayes every day; Bayes fails on day 3
            when = start + timedelta(days=day)
            record_answer(store, scheduler, ids["Rank"], 3, when, 4_000, config.review.leech_threshold)
            record_answer(store, scheduler, ids["Bayes"], 1 if day == 3 else 3, when + timedelta(minutes=1),
                          6_000, config.review.leech_threshold)
        s = compute_stats(store, config, NOW)
        assert s.reviews_total == 12 and s.reviews_today == 0 and s.time_total_ms == 60_000
        assert s.streak_days == 6 and s.longest_streak == 6
        states = {r["id"]: r["state"] for r in store.query("SELECT id, state FROM cards")}
        assert s.counts["new"] == 5 and s.counts["review"] + s.counts["relearning"] + s.counts["learning"] == 2
        assert sum(1 for v in states.values() if v == 0) == 5
        rows = store.query("SELECT * FROM cards WHERE state > 0")
        assert s.knowledge == pytest.approx(sum(scheduler.retrievability(CardState.from_row(r), NOW) for r in rows))
        reviewed = store.query("SELECT state_before, rating FROM reviews WHERE state_before = 2")
        r365 = s.retention["365d"].all
        assert (r365.passed, r365.total) == (sum(r["rating"] >= 2 for r in reviewed), len(reviewed))


def test_empty_wiki(wiki):
    store, _ = open_synced(load_config(wiki), NOW)
    with store:
        s = compute_stats(store, load_config(wiki), NOW)
    assert (s.total_cards, s.reviews_total, s.reviews_today, s.streak_days, s.longest_streak) == (0, 0, 0, 0, 0)
    assert (s.knowledge, s.reviewed_cards, s.due_today, s.decks, s.weakest_notes) == (0.0, 0, 0, [], [])
    assert s.true_retention_30d is None and s.average_stability is None and s.forgetting_curve is None
    assert [d.count for d in s.forecast] == [0] * 30 and len(s.reviews_per_day) == 26 * 7
    page = render_html(s)
    assert _blob(page)["total_cards"] == 0 and "No cards yet" in page
    console = Console(record=True, width=120)
    render_terminal(s, console)
    text = console.export_text()
    assert "no card reviewed yet" in text and "No cards yet" in text


def test_cards_but_no_reviews(wiki):
    write(wiki, "notes/a.md", "A :: one\n\nB :: two\n")
    config = load_config(wiki)
    store, _ = open_synced(config, NOW)
    with store:
        s = compute_stats(store, config, NOW)
    assert (s.total_cards, s.counts["new"], s.reviews_total, s.knowledge, s.due_today) == (2, 2, 0, 0.0, 0)
    assert s.retention["7d"].all.rate is None and s.weakest_notes == [] and s.hardest_cards == []
    console = Console(record=True, width=100)
    render_terminal(s, console)
    assert "No reviews yet: run `mlwiki review`" in console.export_text()


# --- study days and streaks across the 04:00 boundary ------------------------------------------------------


def _streak_wiki(wiki, tz: str = "UTC"):
    write(wiki, "notes/a.md", "A :: one\n")
    (wiki / "mlwiki.toml").write_text(f'name = "T"\n[review]\ntimezone = "{tz}"\n', encoding="utf-8")
    config = load_config(wiki)
    store, _ = open_synced(config, NOW)
    return config, store, store.query("SELECT id FROM cards")[0][0]


def test_streak_counts_study_days_not_calendar_days(wiki):
    config, store, cid = _streak_wiki(wiki)
    utc = timezone.utc
    with store:
        # study days (UTC, starting 04:00): 02-27 holds the first two, 02-28 the 03:59 review of 03-01
        add_reviews(store, [(cid, datetime(2026, 2, 27, 23, 0, tzinfo=utc), 3, 2, 1.0, 1000),
                            (cid, datetime(2026, 2, 28, 3, 30, tzinfo=utc), 3, 2, 1.0, 1000),
                            (cid, datetime(2026, 3, 1, 3, 59, 59, tzinfo=utc), 3, 2, 1.0, 1000)])
        s = compute_stats(store, config, NOW)  # 03-01 12:00: nothing yet today, the streak still stands
        assert (s.reviews_today, s.streak_days, s.longest_streak, s.days_studied) == (0, 2, 2, 2)
        assert {d.date: d.count for d in s.reviews_per_day if d.count} == {"2026-02-27": 2, "2026-02-28": 1}
        # at 03:59 on 03-02 it is still the study day 03-01: not broken yet; at 04:00 it is
        assert compute_stats(store, config, datetime(2026, 3, 2, 3, 59, tzinfo=utc)).streak_days == 2
        assert compute_stats(store, config, datetime(2026, 3, 2, 4, 0, tzinfo=utc)).streak_days == 0
        # one review at 04:00 sharp belongs to 03-01: three days in a row
        add_reviews(store, [(cid, datetime(2026, 3, 1, 4, 0, tzinfo=utc), 3, 2, 1.0, 1000)])
        s = compute_stats(store, config, NOW)
        assert (s.reviews_today, s.streak_days, s.longest_streak) == (1, 3, 3)
        # a review at 03:59 on 02-27 is on the study day 02-26: four
        add_reviews(store, [(cid, datetime(2026, 2, 27, 3, 59, tzinfo=utc), 3, 2, 1.0, 1000)])
        assert compute_stats(store, config, NOW).streak_days == 4


def test_streak_day_boundary_in_tokyo(wiki):
    config, store, cid = _streak_wiki(wiki, "Asia/Tokyo")  # UTC+9: a study day starts at 19:00 UTC
    utc = timezone.utc
    with store:
        add_reviews(store, [(cid, datetime(2026, 2, 27, 18, 59, tzinfo=utc), 3, 2, 1.0, 1000),  # 03:59 JST 02-28
                            (cid, datetime(2026, 2, 27, 19, 0, tzinfo=utc), 3, 2, 1.0, 1000),  # 04:00 JST 02-28
                            (cid, datetime(2026, 3, 1, 2, 0, tzinfo=utc), 3, 2, 1.0, 1000)])  # 11:00 JST 03-01
        s = compute_stats(store, config, NOW)  # 21:00 JST 03-01
        assert s.today == "2026-03-01" and (s.reviews_today, s.streak_days) == (1, 3)
        assert [d.count for d in s.reviews_per_day[-3:]] == [1, 1, 1]


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Asia/Kolkata"])
@pytest.mark.parametrize("hour", [0, 3, 4, 13, 23])
def test_today_is_the_review_queue_study_day(wiki, zone, hour):
    config, store, _ = _streak_wiki(wiki, zone)
    with store:
        when = datetime(2026, 3, 1, hour, 30, tzinfo=timezone.utc)
        start, _ = StudyCalendar.from_settings(config.review).bounds(when)
        s = compute_stats(store, config, when)
        assert s.today == start.astimezone(ZoneInfo(zone)).date().isoformat()


# --- schema: the indexes of migration 3 ---------------------------------------------------------------------


def test_indexes_serve_the_queries(world):
    config, store, ids, _ = world
    names = {r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"idx_reviews_stats", "idx_cards_stats"} <= names and "idx_reviews_day" not in names

    def plan(sql: str) -> str:
        return " ".join(r[3] for r in store.query("EXPLAIN QUERY PLAN " + sql))

    assert "COVERING INDEX idx_reviews_stats" in plan(
        "SELECT count(*), total(duration_ms), total(state_before = 2 AND elapsed_days >= 20.5) FROM reviews "
        "WHERE reviewed_at >= '2026' AND reviewed_at < '2027'")
    assert "COVERING INDEX idx_cards_stats" in plan(
        "SELECT deck, count(*), total(state = 2 AND julianday(due) - julianday(last_review) >= 20.5) "
        "FROM cards WHERE retired = 0 GROUP BY deck")


def test_migration_from_schema_2_keeps_the_figures(world):
    config, store, ids, _ = world
    before = compute_stats(store, config, NOW).to_dict()
    with store.write() as conn:  # back to schema 2, as a database of the previous release
        conn.execute("DROP INDEX idx_reviews_stats")
        conn.execute("DROP INDEX idx_cards_stats")
        conn.execute("CREATE INDEX idx_reviews_day ON reviews(reviewed_at, state_before, rating, duration_ms)")
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
        conn.execute("DROP TABLE _sqlite_migrations")  # that release counted its migrations in meta only
    store.close()
    migrated, _ = open_synced(config, NOW)
    with migrated:
        assert migrated.meta("schema_version") == str(SCHEMA_VERSION)
        names = {r[0] for r in migrated.query("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"idx_reviews_stats", "idx_cards_stats"} <= names and "idx_reviews_day" not in names
        assert compute_stats(migrated, config, NOW).to_dict() == before
    assert any(f"before-migration-2-to-{SCHEMA_VERSION}" in p.name for p in (config.db_path.parent / "backups").iterdir())


# --- rendering --------------------------------------------------------------------------------------------


def _blob(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="mlwiki-data">(.*?)</script>', page, re.S)
    assert match
    return json.loads(match.group(1))


def test_render_html(world):
    config, store, ids, _ = world
    set_card(store, ids["Bayes"], front="Bayes </script><img src=x onerror=alert(2)> & \"q\"")
    set_card(store, ids["script"], lapses=2)  # among the hardest cards: its front is shown
    s = compute_stats(store, config, NOW)
    page = render_html(s)
    data = _blob(page)
    assert data == json.loads(json.dumps(s.to_dict()))
    assert data["due_today"] == 2 and data["reviews_total"] == 277 and data["streak_days"] == 5
    assert [d["count"] for d in data["forecast"]][:2] == [2, 1]
    assert len(data["reviews_per_day"]) == 182
    assert data["retention"]["30d"]["all"]["passed"] == 119
    assert data["decks"][1] == {**data["decks"][1], "name": "T::prob", "total": 2}
    # self-contained: nothing from outside, not even in a comment
    for needle in ("http://", "https://", "//cdn", "<link", "src=\"", "@import", "url("):
        assert needle not in page.lower()
    # note text is escaped everywhere, in the tables and in the JSON blob
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img" not in page and page.count("</script>") == 1
    assert data["weakest_notes"][1]["front"].startswith("Bayes </script><img")
    for chart in ("forecast", "reviews per day", "true retention", "stability", "forgetting curve"):
        assert chart in page.lower()
    assert page.count("<svg") >= 6 and "<polyline" in page


def test_render_terminal(world):
    config, store, ids, _ = world
    set_card(store, ids["Posterior"], front="Posterior [bold red]not markup[/] \x1b]0;pwned\x07")
    set_card(store, ids["script"], lapses=2)  # among the hardest cards: its front is shown
    with store.write() as conn:
        conn.execute("UPDATE cards SET deck = 'T::[b]odd' WHERE id = ?", (ids["Prior"],))
    s = compute_stats(store, config, NOW)
    console = Console(record=True, width=120)
    render_terminal(s, console)
    text = console.export_text()
    for needle in ("2 today (1 overdue)", "1 tomorrow", "8 today", "277 in all", "5 days", "longest 40",
                   "you remember about 5 of 5 reviewed cards", "T::alg", "84% (119 of 142)", "70.0% (119 of 170)",
                   "78.2% (79 of 101)", "56 s today",
                   "[bold red]not markup[/]", "␛]0;pwned^G", "T::[b]odd", "<script>alert(1)</script>",
                   "last 26 weeks", "Mon", "Sun", "Due in the next 30 days"):
        assert needle in text, needle
    assert "\x1b" not in text and "\x07" not in text
    # the calendar: 7 rows of 26 weeks
    rows = [line for line in text.splitlines() if re.match(r"│ (Mon|Tue|Wed|Thu|Fri|Sat|Sun) ", line)]
    assert len(rows) == 7


def test_html_keeps_note_urls_as_text(world):
    config, store, ids, _ = world
    set_card(store, ids["Posterior"], front='Posterior, see https://example.org/x"><img src="https://evil.test/a.png">')
    page = render_html(compute_stats(store, config, NOW))
    assert not re.search(r"""(src|href|action|xlink:href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "<img" not in page and "@import" not in page and "url(" not in page
    assert "https://example.org/x&quot;&gt;&lt;img" in page  # shown as text in the table, escaped


def test_percentages_carry_their_counts(world):
    config, store, ids, _ = world
    s = compute_stats(store, config, NOW)
    page = render_html(s)
    assert "70.0% <small>(119 of 170)</small>" in page and "78.2% <small>(79 of 101)</small>" in page
    assert "true retention, 30 days (119 of 170 reviews)" in page
    assert "84% <small>(119 of 142)</small>" in page  # the deck T::alg


def test_every_chart_has_a_heading_saying_what_it_shows(world):
    config, store, ids, _ = world
    page = render_html(compute_stats(store, config, NOW))
    sections = re.findall(r"<section[^>]*>(.*?)</section>", page, re.S)
    charts = [body for body in sections if "<svg" in body or 'role="img"' in body]
    assert len(charts) == 8
    headings = [re.match(r"<h2>([^<]+)</h2>", body).group(1) for body in charts]
    assert headings == ["Cards by state", "Time per day, last 30 days", "Due in the next 30 days",
                        "Reviews, last 26 weeks", "True retention: reviews recalled, by window",
                        "Forgetting curve of the median card", "Cards by stability",
                        "Cards by recall probability now"]


@pytest.mark.parametrize("today", ["2027-01-03", "2027-01-04", "2026-12-31", "2026-03-01"])
def test_every_month_the_calendar_shows_is_labelled(wiki, today):
    """January too: on 3 January (a Sunday) its first Monday is still to come, and the label used to go missing."""
    config, store, ids = make_wiki(wiki)
    now = datetime.fromisoformat(today + "T12:00+00:00")
    with store:
        s = compute_stats(store, config, now)
    shown = sorted({d.date[:7] for d in s.reviews_per_day})
    names = [date.fromisoformat(month + "-01").strftime("%b") for month in shown]
    console = Console(record=True, width=80)
    render_terminal(s, console)
    header = next(line for line in console.export_text().splitlines() if "Mon " not in line and
                  re.search(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b", line))
    first_month_is_a_sliver = (date.fromisoformat(s.heatmap_start) + timedelta(days=13)).month != \
        date.fromisoformat(s.heatmap_start).month
    expected = names[1:] if first_month_is_a_sliver else names
    assert re.findall(r"[A-Z][a-z]{2}", header) == expected
    page = render_html(s)
    assert re.findall(r'grid-area:1/\d+/2/span 3">([A-Z][a-z]{2})<', page) == expected
    if today.startswith("2027-01"):
        assert "Jan" in header


def test_terminal_tables_show_math_as_text_cut_at_a_word(world):
    config, store, ids, _ = world
    set_card(store, ids["script"], lapses=7, front="When is $\\frac{\\partial L}{\\partial w} = \\sum_{i=1}^{n} "
             "x_i (\\hat y_i - y_i)$ the gradient of the squared loss for the linear model of every example?")
    set_card(store, ids["Bayes"], front="$$\\mathbb{E}[X] = \\sum_x x\\, p(x)$$ and what else follows from it here?")
    s = compute_stats(store, config, NOW)
    console = Console(record=True, width=80)
    render_terminal(s, console)
    text = console.export_text()
    assert "\\frac" not in text and "\\partial" not in text and "$" not in text
    hardest = text[text.index("Hardest cards"):]
    (row,) = [line for line in hardest.splitlines() if "When is" in line]
    assert "When is ∂L/∂w = Σ" in row and row.rstrip().endswith("…")
    full = "When is ∂L/∂w = Σᵢ₌₁ⁿ xᵢ(ŷᵢ - yᵢ) the gradient of the squared loss for the linear model of every example?"
    shown = row[row.index("When is"):].rstrip()[:-1]
    assert full.startswith(shown) and full[len(shown)] == " "  # cut where a word ends
    assert max(len(line) for line in text.splitlines()) <= 80
    weakest = text[text.index("Weakest notes"):text.index("Hardest cards")]
    assert "𝔼[X] = Σₓ x p(x)" in weakest


# --- the command ------------------------------------------------------------------------------------------


def _run(root, *args, env=None):
    result = CliRunner().invoke(cli, ["--root", str(root), "--now", NOW.isoformat(), *args], env=env,
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def test_cli_json(world):
    config, store, ids, root = world
    data = json.loads(_run(root, "stats", "--json").stdout)
    assert {k: data[k] for k in ("total_cards", "due_today", "reviews_total", "reviews_today", "streak_days")} == \
        {"total_cards": 6, "due_today": 2, "reviews_total": 277, "reviews_today": 8, "streak_days": 5}
    assert data["true_retention_30d"] == pytest.approx(119 / 170)
    assert data["knowledge"] == pytest.approx(R(10, 30) + R(3, 5) + 1.0 + 0.9 + R(5, 1))
    assert [(d["name"], d["total"], d["new"], d["review"], d["due_today"]) for d in data["decks"]] == \
        [("T::alg", 3, 0, 2, 2), ("T::prob", 2, 1, 0, 0), ("T::prob::bayes", 1, 0, 0, 0)]
    assert data["now"].startswith("2026-03-01T12:00:00")
    # filters
    prob = json.loads(_run(root, "stats", "--json", "--deck", "T::prob").stdout)
    assert (prob["total_cards"], prob["reviews_total"], prob["filters"]["deck"]) == (3, 33, "T::prob")
    assert json.loads(_run(root, "stats", "--json", "--tag", "stats").stdout)["total_cards"] == 2
    alg = json.loads(_run(root, "stats", "--json", "--path", str(root / "notes" / "alg")).stdout)
    assert (alg["total_cards"], alg["reviews_total"]) == (3, 277 - 33)


def test_cli_respects_mlwiki_now(world):
    config, store, ids, root = world
    result = CliRunner().invoke(cli, ["--root", str(root), "stats", "--json"],
                                env={"MLWIKI_NOW": (NOW + timedelta(days=2)).isoformat()}, catch_exceptions=False)
    data = json.loads(result.stdout)
    assert (data["today"], data["streak_days"], data["reviews_today"]) == ("2026-03-03", 0, 0)
    assert data["due_today"] == 3  # Rank, Trace, and Bayes (due 03-02)


def test_cli_rescans_first(world):
    config, store, ids, root = world
    write(root, "notes/alg/new.md", "Kernel :: the null space\n\nImage :: the column space\n")
    data = json.loads(_run(root, "stats", "--json").stdout)
    assert (data["total_cards"], data["counts"]["new"]) == (8, 3)


def test_cli_html_and_open(world, monkeypatch):
    config, store, ids, root = world
    target = root / "report.html"
    result = _run(root, "stats", "--html", str(target))
    assert result.stdout.strip() == f"Wrote {target}"
    page = target.read_text(encoding="utf-8")
    data = _blob(page)
    assert (data["due_today"], data["reviews_total"], data["streak_days"]) == (2, 277, 5)
    assert [b["count"] for b in data["stability_histogram"]] == [0, 3, 1, 0, 0, 1, 0, 0, 0, 0, 0]
    assert data["forgetting_curve"]["stability"] == 2.0
    assert "http://" not in page and "https://" not in page
    opened = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url) or True)
    _run(root, "stats", "--open")
    default = config.data_dir / "stats.html"
    assert opened == [default.resolve().as_uri()] and _blob(default.read_text())["total_cards"] == 6
    # --json with --html: JSON on stdout, the note about the file on stderr
    both = _run(root, "stats", "--json", "--html", str(target))
    assert json.loads(both.stdout)["total_cards"] == 6 and "Wrote" in both.stderr


def test_cli_terminal(world):
    config, store, ids, root = world
    out = _run(root, "stats").stdout
    for needle in ("2 today (1 overdue)", "277 in all", "longest 40", "you remember about 5 of 5 reviewed cards",
                   "T::prob::bayes", "notes/prob/c.md", "Due in the next 30 days", "True retention"):
        assert needle in out, needle
    assert "\x1b" not in out  # not a terminal: no colour codes


def test_cli_empty_wiki(wiki):
    result = _run(wiki, "stats")
    assert "No cards yet" in result.stdout and "Traceback" not in result.output
    data = json.loads(_run(wiki, "stats", "--json").stdout)
    assert (data["total_cards"], data["true_retention_30d"], data["knowledge"], data["decks"]) == (0, None, 0.0, [])


def test_help_does_not_import_rich_or_stats():
    code = ("import sys\nfrom click.testing import CliRunner\nfrom mlwiki.cli import cli\n"
            "assert CliRunner().invoke(cli, ['--help']).exit_code == 0\n"
            "assert CliRunner().invoke(cli, ['stats', '--help']).exit_code == 0\n"
            "heavy = [m for m in ('rich', 'mlwiki.stats.compute', 'mlwiki.stats.view', 'sqlite_utils', 'fsrs') "
            "if m in sys.modules]\n"
            "assert not heavy, heavy\n")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[1])


def test_a_suspended_weakest_card_is_marked_as_suspended(wiki, tmp_path):
    """A note's weakest card that the learner suspended is shown as suspended, never as one to study."""
    write(wiki, "notes/a.md", "Q: Which card is weak?\nA: This one.\n\nQ: Which card is strong?\nA: That one.\n")
    day = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)
    run(wiki, "review", "--plain", now=day, input="\n3\n\n4\n", ok=True)  # Good, then Easy
    weak, strong = (db_rows(wiki, "SELECT card_id FROM reviews WHERE rating = ?", (r,))[0][0] for r in (3, 4))
    later = day + timedelta(days=40)
    run(wiki, "review", "--plain", now=later, input="s\ns\nq\n", ok=True)  # both suspended …
    run(wiki, "unsuspend", strong, now=later, ok=True)  # … and the strong one back
    assert db_rows(wiki, "SELECT id FROM cards WHERE suspended = 1") == [(weak,)]
    text = run(wiki, "stats", now=later, ok=True).output
    assert "(suspended)" in text.split("Weakest notes")[1]
    page = tmp_path / "s.html"
    run(wiki, "stats", "--html", str(page), now=later, ok=True)
    assert "(suspended)" in page.read_text(encoding="utf-8")
