"""Daily workload with Anki's load balancer and easy days (issue 26), on a simulated learner.

Usage: python benchmarks/workload_bench.py [--cards 300] [--days 45] [--new 30] [--seeds 10]

The learner: a wiki of `--cards` Q/A cards in two decks, 30 new cards a day, every morning (08:00 UTC, from a
Monday) a review session in which every card shown is answered Good (learning steps included: the clock moves on
to each learning card's due time), for `--days` days. Then the next 30 days' due counts (review cards, by study
day) are read from the database.

Runs in one process, on the same notes and answers, for each of `--seeds` seeds (a seed is a word in every
card's text, so every card id and with it every fuzz draw changes; single runs are noisy):
  baseline   `load_balance = false` (plain fuzz, as mlwiki before issue 26)
  balanced   `load_balance = true`  (Anki's load balancer)
and once, on the first seed:
  easy days  `load_balance = true`, `easy_days = { sun = 0.0 }`

Figures: the coefficient of variation (stdev / mean) of the next 30 days' due counts, baseline vs balanced
(goal: balanced ≥ 20 % lower), per seed and as mean ± standard deviation over the seeds; with easy days,
Sundays' mean due count over the other days' mean, in the forecast and in the reviews actually done over the last
30 simulated days (goal: ≤ 25 %). Also: each run's replay check (the cached schedule of every card equals a replay
of its log: the load balancer's days are kept). `benchmarks/anki_workload.py` runs the same learner in Anki.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent / "tests")]  # this checkout's mlwiki, and the test learner

from learner import study_morning  # noqa: E402
from mlwiki.config import load_config  # noqa: E402
from mlwiki.models import State  # noqa: E402
from mlwiki.review.replay import verify_replay  # noqa: E402
from mlwiki.scan.sync import open_synced  # noqa: E402
from mlwiki.studyday import StudyCalendar  # noqa: E402

START = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)  # a Monday
SUNDAY = 6


def make_wiki(root: Path, cards: int, new: int, review_options: str, seed: int = 0) -> Path:
    root.mkdir(parents=True)
    (root / "mlwiki.toml").write_text(f'name = "Bench"\n[review]\ntimezone = "UTC"\nnew_per_day = {new}\n'
                                      f'reviews_per_day = 100000\n{review_options}\n', encoding="utf-8")
    for deck in ("math", "dl"):
        folder = root / "notes" / deck
        folder.mkdir(parents=True)
        salt = f" (set {seed})" if seed else ""
        body = "".join(f"Q: Question {deck}-{k}{salt} about the gradient of $f_{{{k}}}(x)$?\n"
                       f"A: Answer {deck}-{k}.\n\n" for k in range(cards // 2))
        (folder / "cards.md").write_text(f"# {deck}\n\n{body}", encoding="utf-8")
    return root


def forecast(root: Path, now: datetime, days: int = 30) -> list[int]:
    """Review cards due on each of the next `days` study days."""
    config = load_config(root)
    calendar = StudyCalendar.from_settings(config.review)
    store, _ = open_synced(config, now, progress=False)
    with store:
        today = calendar.number(now)
        counts = [0] * days
        for (due,) in store.query(f"SELECT due FROM cards WHERE state = {State.REVIEW:d} AND retired = 0"):
            day = calendar.number(datetime.fromisoformat(due)) - today
            if 1 <= day <= days:
                counts[day - 1] += 1
        drift = verify_replay(store, calendar)
    return counts, len(drift)


def simulate(folder: Path, name: str, options: str, args, seed: int = 0) -> dict:
    root = make_wiki(folder / f"{name}-{seed}", args.cards, args.new, options, seed)
    done = []
    started = time.perf_counter()
    for day in range(args.days):
        done.append(study_morning(root, START + timedelta(days=day))[1])
    counts, drifted = forecast(root, START + timedelta(days=args.days - 1, hours=12))
    return figures(name, counts, done) | {"drifted": drifted, "seconds": time.perf_counter() - started}


def figures(name: str, counts: list[int], done: list[int]) -> dict:
    """A run's figures: `counts` due on each of the 30 days after the last of the days of `done` (reviews of
    review cards done each simulated day, from START)."""
    after = (START + timedelta(days=len(done))).weekday()
    weekdays = [(after + k) % 7 for k in range(len(counts))]
    history = [(START + timedelta(days=d)).weekday() for d in range(len(done))]
    return {"name": name, "counts": counts, "cv": statistics.pstdev(counts) / statistics.mean(counts),
            "noise": day_to_day_noise(counts), "sunday_forecast": _sunday_share(counts, weekdays),
            "sunday_done": _sunday_share(done[-30:], history[-30:]), "done": done}


def learner_arguments(description: str):
    """The simulated learner's options: cards, days, new cards a day."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--cards", type=int, default=300)
    parser.add_argument("--days", type=int, default=45)
    parser.add_argument("--new", type=int, default=30)
    parser.add_argument("--seeds", type=int, default=10, help="learners (card ids, so fuzz draws) to average over")
    return parser.parse_args()


def day_to_day_noise(counts: list[int]) -> float:
    """What the load balancer can even out: the spread of each day around its 7-day centred mean (the trend of a
    young collection, few cards due soon and more later, is left out), over the mean."""
    smooth = [statistics.mean(counts[max(k - 3, 0):k + 4]) for k in range(len(counts))]
    return statistics.pstdev([c - m for c, m in zip(counts, smooth)]) / statistics.mean(counts)


def _sunday_share(counts: list[int], weekdays: list[int]) -> float:
    sundays = [c for c, w in zip(counts, weekdays) if w == SUNDAY]
    others = [c for c, w in zip(counts, weekdays) if w != SUNDAY]
    if not sundays or not others or not statistics.mean(others):
        return float("nan")
    return statistics.mean(sundays) / statistics.mean(others)


def print_runs(runs: list[dict]) -> None:
    """Each run's next 30 days and its figures."""
    width = max(len(run["name"]) for run in runs)
    for run in runs:
        print(f"{run['name']:<{width}} next 30 days due: {' '.join(f'{c:3d}' for c in run['counts'])}")
        extra = f" · replay drift {run['drifted']} cards · {run['seconds']:.0f} s" if "drifted" in run else ""
        print(f"{'':<{width}} CV {run['cv']:.3f} (day-to-day {run['noise']:.3f}) · Sundays/other days: forecast "
              f"{run['sunday_forecast']:.0%}, done (last 30 days) {run['sunday_done']:.0%}{extra}")


def print_drops(pairs: list[tuple[dict, dict]], who: str) -> float:
    """Per seed the CV without and with the load balancer and its drop; then mean ± standard deviation of the
    drop over the seeds. Returns the mean drop."""
    drops = [1 - balanced["cv"] / plain["cv"] for plain, balanced in pairs]
    noise = [1 - balanced["noise"] / plain["noise"] for plain, balanced in pairs]
    for seed, ((plain, balanced), drop) in enumerate(zip(pairs, drops)):
        print(f"  seed {seed}: CV {plain['cv']:.3f} -> {balanced['cv']:.3f} ({drop:+.0%} drop)")
    spread = statistics.stdev(drops) if len(drops) > 1 else 0.0
    print(f"{who}: CV drop with the load balancer over {len(drops)} seeds: mean {statistics.mean(drops):.1%} "
          f"± {spread:.1%} (sd; min {min(drops):.0%}, max {max(drops):.0%}); CV "
          f"{statistics.mean(p['cv'] for p, _ in pairs):.3f} -> {statistics.mean(b['cv'] for _, b in pairs):.3f}; "
          f"day-to-day spread drop {statistics.mean(noise):.1%}")
    return statistics.mean(drops)


def main() -> None:
    args = learner_arguments(__doc__.splitlines()[0])
    pairs = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(args.seeds):
            pairs.append((simulate(Path(tmp), "baseline", "load_balance = false", args, seed),
                          simulate(Path(tmp), "balanced", "load_balance = true", args, seed)))
            print(f"seed {seed}: CV {pairs[-1][0]['cv']:.3f} -> {pairs[-1][1]['cv']:.3f}", flush=True)
        easy = simulate(Path(tmp), "easy-days", "load_balance = true\neasy_days = { sun = 0.0 }", args)
    print_runs([*pairs[0], easy])
    drop = print_drops(pairs, "mlwiki")
    print(f"goal ≥ 20 %: {'PASS' if drop >= 0.2 else 'FAIL'}")
    share = max(easy["sunday_forecast"], easy["sunday_done"])
    print(f"Sundays with sun = 0.0: {share:.0%} of another day (goal ≤ 25 %): {'PASS' if share <= 0.25 else 'FAIL'}")


if __name__ == "__main__":
    main()
