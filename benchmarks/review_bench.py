"""Grading a card → the next card shown, on a 50,000-card database (target: p95 ≤ 50 ms).

Usage: python benchmarks/review_bench.py [--cards 50000] [--answers 300]

Builds a wiki of Q/A notes in a temp folder, scans it, gives a third of the cards a review history, then times
`ReviewSession.answer()` — which commits the review (fsync) and loads the next card — for a run of answers.
Baseline, measured in the same run: one bare INSERT + COMMIT with the same durability settings, the floor that
any crash-safe answer has to pay.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from mlwiki.config import load_config
from mlwiki.review.queue import Filters
from mlwiki.review.answering import record_answer
from mlwiki.review.schedule import Scheduler
from mlwiki.review.session import ReviewSession
from mlwiki.scan.sync import open_synced

PER_NOTE = 10


def make_wiki(root: Path, cards: int) -> None:
    (root / "mlwiki.toml").write_text('name = "Bench"\n[review]\nnew_per_day = 100000\n'
                                      'reviews_per_day = 100000\ntimezone = "UTC"\n')
    for n in range(cards // PER_NOTE):
        folder = root / "notes" / f"topic{n % 50}"
        folder.mkdir(parents=True, exist_ok=True)
        body = "".join(f"Q: Question {n}-{k} about the gradient of $f_{{{k}}}(x)$?\nA: Answer {n}-{k}.\n\n"
                       for k in range(PER_NOTE))
        (folder / f"note{n}.md").write_text(f"# Note {n}\n\n{body}")


def seed_history(store, config, now: datetime, share: float = 0.33) -> None:
    scheduler = Scheduler.from_settings(config.review)
    ids = [r[0] for r in store.query("SELECT id FROM cards")]
    rng = random.Random(1)
    for cid in rng.sample(ids, int(len(ids) * share)):
        record_answer(store, scheduler, cid, 3, now - timedelta(days=rng.randint(5, 60)), 1000, 8)


def baseline(folder: Path, runs: int) -> list[float]:
    conn = sqlite3.connect(folder / "baseline.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, card TEXT, at TEXT, rating INT)")
    times = []
    for n in range(runs):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t(card, at, rating) VALUES (?, ?, ?)", (str(n), "now", 3))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - start)
    return times


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=50_000)
    parser.add_argument("--answers", type=int, default=300)
    args = parser.parse_args()
    now = datetime(2026, 6, 1, 12, tzinfo=timezone.utc)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_wiki(root, args.cards)
        config = load_config(root)
        started = time.perf_counter()
        store, report = open_synced(config, now, progress=False)
        print(f"built and scanned {report.cards_added} cards in {time.perf_counter() - started:.1f} s")
        seed_history(store, config, now)
        session = ReviewSession(store, config, lambda: now, Filters())
        rng = random.Random(2)
        times = []
        for _ in range(args.answers):
            if session.current is None:
                break
            start = time.perf_counter()
            session.answer(rng.choice([1, 3, 3, 3, 4]))
            times.append(time.perf_counter() - start)
        store.close()
        base = baseline(root, args.answers)
    ours, floor = p95(times) * 1000, p95(base) * 1000
    print(f"answers timed: {len(times)}")
    print(f"grade → next card: median {statistics.median(times) * 1000:.2f} ms, p95 {ours:.2f} ms")
    print(f"baseline (bare durable INSERT+COMMIT): median {statistics.median(base) * 1000:.2f} ms, p95 {floor:.2f} ms")
    print(f"ratio p95 mlwiki / baseline: {ours / floor:.1f}x")
    print(f"target p95 ≤ 50 ms: {'PASS' if ours <= 50 else 'FAIL'}")


if __name__ == "__main__":
    main()
