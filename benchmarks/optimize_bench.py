"""Benchmark `mlwiki optimize` on 100,000 reviews: target ≤ 5 s for the whole fit.

    python benchmarks/optimize_bench.py                   # 100,000 reviews in a temp folder
    python benchmarks/optimize_bench.py --reviews 300000

The review log is the synthetic learner's (tests/learner.py: memory following known FSRS parameters, intervals
from FSRS at 90 % retention), written straight into a real mlwiki database (`reviews` rows with executemany in
one transaction). Timed, median of --runs, against a baseline measured in the same run on the same file:

  baseline         reading the log the optimizer reads (`log_for_optimizer`, all rows fetched)
  optimize         `optimize_store(dry_run=True)`: read, build items on study days, fit on 80 %, evaluate
                   the defaults and the fit on the latest 20 %                              target <= 5 s
  of which         items (read + build + convert), fit, evaluate
  simulate         `optimize --simulate` for 5,000 cards (28 retentions × several simulated years)

Exit status 1 when the target is missed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent / "tests")]  # this checkout's mlwiki, and the test learner

from learner import quick_log  # noqa: E402
from mlwiki.config import ReviewSettings, load_config  # noqa: E402
from mlwiki.optimize.evaluate import evaluate, time_split, to_fsrs_items  # noqa: E402
from mlwiki.optimize.fit import DEFAULTS, fit_parameters, optimize_store  # noqa: E402
from mlwiki.optimize.items import entries_from_rows, training_items  # noqa: E402
from mlwiki.optimize.simulate import simulate_costs  # noqa: E402
from mlwiki.sources.notes import paused_gc  # noqa: E402
from mlwiki.store.db import utc_iso  # noqa: E402
from mlwiki.store.opening import open_store  # noqa: E402
from mlwiki.store.parameters import log_for_optimizer  # noqa: E402
from mlwiki.studyday import study_date  # noqa: E402

TARGET_SECONDS = 5.0
START = datetime(2025, 1, 6, 9, tzinfo=timezone.utc)


def build(root: Path, reviews: int) -> int:
    """A wiki database holding `reviews` reviews of the synthetic learner (oldest first)."""
    (root / "mlwiki.toml").write_text('name = "Bench"\n[review]\ntimezone = "UTC"\n', encoding="utf-8")
    cards = reviews // 12
    rows = sorted(quick_log(cards, 10 * 365, 20, START), key=lambda r: r[1])[:reviews]
    with open_store(load_config(root)) as store, store.write() as conn:
        conn.execute("INSERT OR IGNORE INTO settings(id, json) VALUES ('bench', '{}')")
        conn.executemany("INSERT INTO reviews(card_id, reviewed_at, rating, duration_ms, content_hash, settings_id, "
                         "state_before) VALUES (?, ?, ?, 5000, '', 'bench', ?)",
                         [(f"card{c:06d}", utc_iso(when), rating, state) for c, when, rating, state in rows])
    return len(rows)


def timed(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        began = time.perf_counter()
        count = build(root, args.reviews)
        print(f"built {count:,} reviews in {time.perf_counter() - began:.1f} s")
        config = load_config(root)
        days = partial(study_date, zone=timezone.utc, starts_at=4)
        with open_store(config, create=False) as store:
            baseline = timed(args.runs, lambda: log_for_optimizer(store).fetchall())
            total = timed(args.runs, lambda: optimize_store(store, config, START + timedelta(days=3650),
                                                            dry_run=True))
            result = optimize_store(store, config, START, dry_run=True)

            def items():
                with paused_gc():  # as optimize_store builds them
                    found = training_items(entries_from_rows(log_for_optimizer(store).fetchall()), days)
                    return found, to_fsrs_items(found.items)

            build_items = timed(args.runs, items)
            found, fsrs_items = items()
        cut = time_split(len(fsrs_items))
        numbers: dict[str, int] = {}
        card_ids = [numbers.setdefault(i.card_id, len(numbers)) for i in found.items]
        fit = timed(args.runs, lambda: fit_parameters(fsrs_items[:cut], card_ids[:cut], 1))
        measure = timed(args.runs, lambda: [evaluate(DEFAULTS, fsrs_items[cut:]) for _ in range(2)])
        sims: list = []
        simulate = timed(1, lambda: sims.append(simulate_costs(DEFAULTS, ReviewSettings(), 5000)))
    print(f"{result.reviews:,} reviews → {result.items:,} training items; log loss defaults "
          f"{result.default.log_loss:.4f}, fitted {result.fitted.log_loss:.4f}; kept: {result.kept}")
    print(f"baseline (read the log)    {baseline:7.3f} s")
    print(f"optimize (whole fit)       {total:7.3f} s   = {total / baseline:5.1f}× baseline   target <= "
          f"{TARGET_SECONDS:.0f} s")
    print(f"  items (read+build)       {build_items:7.3f} s")
    print(f"  fit (80 %)               {fit:7.3f} s")
    print(f"  evaluate (2 × 20 %)      {measure:7.3f} s")
    print(f"simulate 5,000 cards       {simulate:7.3f} s   (28 retentions × 365 days × {sims[-1].runs} runs) = "
          f"{simulate / baseline:5.1f}× baseline")
    return 0 if total <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
