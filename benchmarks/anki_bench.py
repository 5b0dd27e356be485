"""`mlwiki anki pull` and `push` on a few thousand reviews.

Usage: python benchmarks/anki_bench.py [--cards 500] [--days 40]

Builds a wiki of Q/A notes, reviews every due card each day for --days days in mlwiki (a few thousand reviews),
exports it, then:

* pull: a copy of the wiki with no history pulls a collection that imported the package *with* scheduling
  (every review is new to it, so all are added and every card is replayed);
* push: the wiki pushes its whole log into a collection that imported the package *without* scheduling (every
  revlog row is inserted, every card gets Anki's memory state).

Baseline, measured in the same run: Anki's own importer bringing the same history in (`import_anki_package`
with scheduling). Figures are wall seconds, including opening the collection and the wiki's scan.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from click.testing import CliRunner

from mlwiki.cli import cli
from mlwiki.config import load_config
from mlwiki.review.queue import Filters
from mlwiki.review.session import ReviewSession
from mlwiki.scan.sync import open_synced

PER_NOTE = 10


def make_wiki(root: Path, cards: int) -> None:
    root.mkdir(parents=True)
    (root / "mlwiki.toml").write_text('name = "Bench"\n[review]\nnew_per_day = 100000\n'
                                      'reviews_per_day = 100000\ntimezone = "UTC"\n')
    for n in range(cards // PER_NOTE):
        body = "".join(f"Q: Question {n}-{k} about the gradient of $f_{{{k}}}(x)$?\nA: Answer {n}-{k}.\n\n"
                       for k in range(PER_NOTE))
        (root / "notes").mkdir(exist_ok=True)
        (root / "notes" / f"note{n}.md").write_text(f"# Note {n}\n\n{body}")


def review_days(root: Path, start: datetime, days: int) -> int:
    rng = random.Random(3)
    config = load_config(root)
    done = 0
    for day in range(days):
        clock = {"now": start + timedelta(days=day)}
        store, _ = open_synced(config, clock["now"], progress=False)
        with store:
            session = ReviewSession(store, config, lambda: clock["now"], Filters())
            while session.current is not None:
                session.answer(rng.choice([1, 3, 3, 3, 4]))
                clock["now"] += timedelta(seconds=20)
                done += 1
    return done


def run_json(*args: str) -> dict:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def import_package(path: Path, package: str, scheduling: bool) -> float:
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    path.parent.mkdir(parents=True)
    col = Collection(str(path))
    col.set_config("fsrs", True)
    start = time.perf_counter()
    options = ImportAnkiPackageOptions(merge_notetypes=True, with_scheduling=scheduling, with_deck_configs=False)
    col.import_anki_package(ImportAnkiPackageRequest(package_path=package, options=options))
    elapsed = time.perf_counter() - start
    col.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=500)
    parser.add_argument("--days", type=int, default=40)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="mlwiki-anki-bench-"))
    try:
        root = folder / "wiki"
        make_wiki(root, args.cards)
        start = datetime.now(timezone.utc).replace(hour=5, minute=0, second=0, microsecond=0) - timedelta(days=args.days + 1)
        reviews = review_days(root, start, args.days)
        package = run_json("--root", str(root), "export", "-o", str(folder / "decks"), "--json")["files"][0]["path"]
        baseline = import_package(folder / "with" / "collection.anki2", package, scheduling=True)
        import_package(folder / "without" / "collection.anki2", package, scheduling=False)

        fresh = folder / "fresh"
        shutil.copytree(root, fresh, ignore=shutil.ignore_patterns(".mlwiki"))
        run_json("--root", str(fresh), "scan", "--json")
        t = time.perf_counter()
        pulled = run_json("--root", str(fresh), "anki", "pull", str(folder / "with" / "collection.anki2"), "--json")
        pull_s = time.perf_counter() - t
        t = time.perf_counter()
        again = run_json("--root", str(fresh), "anki", "pull", str(folder / "with" / "collection.anki2"), "--json")
        again_s = time.perf_counter() - t
        t = time.perf_counter()
        pushed = run_json("--root", str(root), "anki", "push", str(folder / "without" / "collection.anki2"), "--json")
        push_s = time.perf_counter() - t
        print(f"{args.cards} cards, {reviews} reviews made in mlwiki over {args.days} days")
        print(f"baseline: Anki imports the package with its history      {baseline:6.2f} s")
        print(f"pull: {pulled['reviews_added']} reviews on {pulled['cards_affected']} cards added and replayed     "
              f"{pull_s:6.2f} s")
        print(f"pull again (nothing new: {again['already_present']} already there)          {again_s:6.2f} s")
        print(f"push: {pushed['revlog_added']} revlog rows, {pushed['cards_updated']} cards updated          "
              f"{push_s:6.2f} s")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
