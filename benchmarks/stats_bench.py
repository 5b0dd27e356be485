"""Benchmark `mlwiki stats` on a large collection: 50,000 cards and 1,000,000 reviews over two years.

    python benchmarks/stats_bench.py                          # build in a temp folder, time, delete
    python benchmarks/stats_bench.py --keep /tmp/big-wiki     # build there (once) and keep it; reuse it next time
    python benchmarks/stats_bench.py --cards 100000 --reviews 2000000

The wiki is real: note files with Q/A cards (6 deck folders, tags in front matter), scanned by mlwiki; 2% of
the cards are then deleted from the notes and rescanned, so they are retired with their history. Each live
card gets a review history (intervals growing geometrically, 85% passes, some lapses and leeches), written
straight into `reviews` and the cards' scheduling columns with executemany in one transaction (the reviews
indexes are dropped for the load and rebuilt from the schema's own SQL afterwards).

Timed, median of --runs, on a warm page cache, against baselines measured in the same run on the same file:

  baseline scan    `SELECT count(*), sum(rating) FROM reviews`: one plain pass over the table
  baseline count   `SELECT count(*) FROM reviews`: one pass over its smallest index
  compute_stats    every figure, on an open store                                   target <= 1 s
  stats --json     the command in-process: open, incremental rescan, compute, JSON   target <= 1 s
  stats            the terminal report (rich), and --html FILE
  filtered         --deck, --tag, --path
  subprocess       `python -m mlwiki stats --json` once, wall time with interpreter start and imports

Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent)]  # the mlwiki of this checkout, not another install

from mlwiki.store.cards import CardFilter, resolve_paths
from mlwiki.config import load_config  # noqa: E402
from mlwiki.scan.sync import open_synced  # noqa: E402

TARGET_SECONDS = 1.0
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)
DAY = 86400.0
FOLDERS = ["optimization", "probability", "deep-learning", "transformers", "classical-ml", "linear-algebra"]
TAGS = ["theory", "formula", "definition", "proof", "intuition"]
PER_NOTE = 8
RETIRED_SHARE = 0.02


def make_notes(root: Path, n_cards: int) -> None:
    """Note files of PER_NOTE Q/A cards each; the last RETIRED_SHARE of them in notes/gone/."""
    (root / "mlwiki.toml").write_text('name = "Bench"\n[review]\ntimezone = "Europe/Berlin"\n', encoding="utf-8")
    notes = -(-n_cards // PER_NOTE)
    gone_from = int(notes * (1 - RETIRED_SHARE))
    for n in range(notes):
        folder = "gone" if n >= gone_from else FOLDERS[n % len(FOLDERS)]
        path = root / "notes" / folder / f"note{n:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        cards = "".join(f"Q: Question {n}-{k}: what is the gradient of $f_{{{k}}}(x)$ here?\n"
                        f"A: Answer {n}-{k}, with a little more text to make the card realistic.\n\n"
                        for k in range(min(PER_NOTE, n_cards - n * PER_NOTE)))
        path.write_text(f"---\ntags: [{TAGS[n % len(TAGS)]}]\n---\n# Note {n}\n\nSome prose.\n\n{cards}",
                        encoding="utf-8")


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, timezone.utc).isoformat()


def _history(rng: random.Random, card_id: str, count: int, now_ts: float, span: float, out: list) -> tuple:
    """`count` reviews of one card with intervals growing geometrically, the last one before now; returns the
    card's scheduling columns after them."""
    start = now_ts - rng.uniform(0.02, 1.0) * span
    growth = rng.uniform(1.3, 2.2)
    gaps = [growth ** j for j in range(count)]  # gaps[j]: the interval after review j
    fit = (now_ts - start) * rng.uniform(0.7, 1.0) / (sum(gaps[:-1]) or 1)
    when, previous = start, None
    state, stability, difficulty, lapses = 0, 0.5, rng.uniform(2, 9), 0
    for j in range(count):
        passed = j == 0 or rng.random() < 0.85
        rating = rng.choice((2, 3, 3, 3, 4)) if passed else 1
        state_before = state
        lapses += rating == 1 and state == 2
        state = 2 if passed and state != 0 else (1 if state in (0, 1) else 3)
        gap = gaps[j] * fit
        stability = max(0.1, gap / DAY * (1.0 if passed else 0.5))
        difficulty = min(10.0, max(1.0, difficulty + (0.4 if not passed else -0.05)))
        elapsed = (when - previous) / DAY if previous is not None else 0.0
        out.append((card_id, _iso(when), rating, rng.randint(2000, 20000), state_before, state, stability,
                    difficulty, _iso(when + gap), elapsed, gap / DAY))
        previous = when
        when += gap if j + 1 < count else 0
    leech = int(lapses >= 8)
    return (state, stability, difficulty, _iso(previous + gaps[-1] * fit), _iso(previous), count, lapses, leech,
            int(leech or rng.random() < 0.01), card_id)


def build(root: Path, n_cards: int, n_reviews: int, years: float, seed: int = 1) -> dict:
    """The whole wiki and its history; returns how long each step took."""
    took = {}
    t0 = time.perf_counter()
    make_notes(root, n_cards)
    config = load_config(root)
    store, _ = open_synced(config, NOW - timedelta(days=years * 365))
    took["write notes + cold scan"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    rng = random.Random(seed)
    ids = [r[0] for r in store.query("SELECT id FROM cards ORDER BY path, ord")]
    studied = [cid for cid in ids if rng.random() > 0.08]
    weights = [rng.lognormvariate(0, 0.5) for _ in studied]
    scale = n_reviews / sum(weights)
    quota = [max(1, int(w * scale)) for w in weights]
    k, missing = 0, n_reviews - sum(quota)
    while missing:  # adjust to add up to n_reviews exactly
        j, step = k % len(quota), (1 if missing > 0 else -1)
        if quota[j] + step >= 1:
            quota[j] += step
            missing -= step
        k += 1
    reviews, cards = [], []
    for cid, count in zip(studied, quota):
        cards.append(_history(rng, cid, count, NOW.timestamp(), years * 365 * DAY, reviews))
    reviews.sort(key=lambda r: r[1])
    took["generate history"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    conn = store.conn
    indexes = [r[0] for r in conn.execute("SELECT sql FROM sqlite_master WHERE type = 'index' "
                                          "AND tbl_name = 'reviews' AND sql IS NOT NULL")]
    conn.execute("PRAGMA synchronous = OFF")
    with store.write():
        conn.execute("INSERT OR IGNORE INTO settings(id, json) VALUES ('bench', '{}')")
        for name in [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' "
                                                "AND tbl_name = 'reviews' AND sql IS NOT NULL")]:
            conn.execute(f"DROP INDEX {name}")
        conn.executemany(
            "INSERT INTO reviews(card_id, reviewed_at, rating, duration_ms, content_hash, settings_id, "
            "state_before, state, step, stability, difficulty, due, elapsed_days, scheduled_days) "
            "VALUES (?, ?, ?, ?, 'h', 'bench', ?, ?, NULL, ?, ?, ?, ?, ?)", reviews)
        for sql in indexes:
            conn.execute(sql)
        conn.executemany("UPDATE cards SET state = ?, stability = ?, difficulty = ?, due = ?, last_review = ?, "
                         "reps = ?, lapses = ?, leech = ?, suspended = ? WHERE id = ?", cards)
    conn.execute("PRAGMA synchronous = FULL")
    store.close()
    took["load into SQLite"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    shutil.rmtree(root / "notes" / "gone")
    store, _ = open_synced(config, NOW)  # the deleted notes' cards are retired, their history kept
    store.close()
    took["delete 2% of the notes + rescan"] = time.perf_counter() - t0
    return took


def timed(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cards", type=int, default=50_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--years", type=float, default=2.0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build the wiki in this folder and keep it (reused if built)")
    args = parser.parse_args(argv)

    from click.testing import CliRunner

    from mlwiki.cli import cli
    from mlwiki.stats.compute import compute_stats
    from mlwiki.store.opening import open_store

    root = args.keep or Path(tempfile.mkdtemp(prefix="mlwiki-stats-bench-"))
    try:
        if (root / ".mlwiki" / "mlwiki.db").exists():
            print(f"reusing {root}")
        else:
            root.mkdir(parents=True, exist_ok=True)
            for step, seconds in build(root, args.cards, args.reviews, args.years).items():
                print(f"{step:<34} {seconds:6.1f} s")
        config = load_config(root)
        db = config.db_path
        print(f"database {db.stat().st_size / 1e6:.0f} MB at {db}")

        def scan_baseline(sql: str):
            def run():
                conn = sqlite3.connect(db)
                try:
                    return conn.execute(sql).fetchone()
                finally:
                    conn.close()
            return run

        scan_base = scan_baseline("SELECT count(*), sum(rating) FROM reviews")
        count_base = scan_baseline("SELECT count(*) FROM reviews")
        scan_base()  # warm the page cache, as a daily-used database is
        results: dict[str, float] = {}
        results["baseline scan"], (n_reviews, _) = timed(scan_base, args.runs)
        results["baseline count"], _ = timed(count_base, args.runs)

        with open_store(config) as store:
            compute_stats(store, config, NOW)
            results["compute_stats"], stats = timed(lambda: compute_stats(store, config, NOW), args.runs)
            results["  --deck Bench::transformers"], _ = timed(
                lambda: compute_stats(store, config, NOW, CardFilter(deck="Bench::transformers")), args.runs)
            results["  --tag proof"], _ = timed(lambda: compute_stats(store, config, NOW, CardFilter(tag="proof")), args.runs)
            results["  --path notes/probability"], _ = timed(
                lambda: compute_stats(store, config, NOW, CardFilter(paths=resolve_paths(config, [root / "notes" / "probability"]))), args.runs)

        runner = CliRunner()
        base = ["--root", str(root), "--now", NOW.isoformat(), "stats"]

        def command(*extra: str) -> str:
            result = runner.invoke(cli, [*base, *extra], catch_exceptions=False)
            assert result.exit_code == 0, result.output
            return result.stdout

        results["stats --json (in-process)"], text = timed(lambda: command("--json"), args.runs)
        results["stats (rich terminal)"], _ = timed(lambda: command(), args.runs)
        page = root / "stats.html"
        results["stats --html FILE"], _ = timed(lambda: command("--html", str(page)), args.runs)
        env = {**os.environ, "PYTHONPATH": str(HERE.parent)}
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "mlwiki", *base, "--json"], env=env, capture_output=True,
                              text=True, check=True)
        results["python -m mlwiki stats --json"] = time.perf_counter() - t0
        data = json.loads(text)
        assert json.loads(done.stdout)["reviews_total"] == data["reviews_total"] == n_reviews

        print(f"cards {data['total_cards']:,} live (+{data['counts']['retired']:,} retired), reviews "
              f"{data['reviews_total']:,}, due today {data['due_today']:,}, retention 30d "
              f"{data['true_retention_30d']:.3f}, knowledge {data['knowledge']:,.0f}, streak {data['streak_days']} "
              f"(longest {data['longest_streak']}), HTML {page.stat().st_size / 1e3:.0f} kB")
        base_s = results["baseline scan"]
        print(f"\n{'':<32} {'median s':>9} {'x scan':>7}")
        for name, seconds in results.items():
            print(f"{name:<32} {seconds:9.3f} {seconds / base_s:7.1f}")
        verdicts = {name: results[name] <= TARGET_SECONDS for name in ("compute_stats", "stats --json (in-process)")}
        for name, ok in verdicts.items():
            print(f"target {TARGET_SECONDS:.1f} s for {name} on {n_reviews:,} reviews: {'MET' if ok else 'NOT MET'}")
        return 0 if all(verdicts.values()) else 1
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
