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

`--large` (issue 24.9): a collection holding 100,000 revlog rows of 1,000 of the wiki's cards (written straight into
its revlog, as years of phone reviews); a first pull of all of them (goal ≤ 5 s), then a pull of 100 new reviews
(goal ≤ 1 s). Floor, in the same run: reading the same revlog joined to its cards and notes with sqlite3 (what any
pull must read).
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


def add_revlog(path: Path, per_card: int, start: datetime, step: timedelta, rng: random.Random,
               limit: int | None = None) -> int:
    """Write `per_card` reviews of each card (of the first `limit` cards) into the closed collection's revlog."""
    import sqlite3

    conn = sqlite3.connect(path)
    cids = [r[0] for r in conn.execute("SELECT id FROM cards ORDER BY id")][:limit]
    rows = []
    for n, cid in enumerate(cids):
        for k in range(per_card):
            when = start + step * k + timedelta(seconds=n)
            ease = rng.choice([1, 3, 3, 3, 3, 4]) if k else 3
            rows.append((int(when.timestamp() * 1000), cid, -1, ease, 5, 3, 2500, 8000, 0 if k == 0 else 1))
    conn.executemany("INSERT INTO revlog(id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.commit()
    conn.close()
    return len(rows)


def read_floor(path: Path) -> float:
    import sqlite3

    t = time.perf_counter()
    conn = sqlite3.connect(path)
    conn.execute("SELECT r.id, r.cid, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type, n.guid, c.ord FROM revlog r "
                 "LEFT JOIN cards c ON c.id = r.cid LEFT JOIN notes n ON n.id = c.nid ORDER BY r.id").fetchall()
    conn.close()
    return time.perf_counter() - t


def large(folder: Path) -> None:
    """Issue 24.9's figures: a first pull of 100,000 revlog rows, then a pull of 100 new ones."""
    root = folder / "large"
    make_wiki(root, 1000)
    package = run_json("--root", str(root), "export", "-o", str(folder / "large-decks"), "--json")["files"][0]["path"]
    col = folder / "large-anki" / "collection.anki2"
    import_package(col, package, scheduling=False)
    rng = random.Random(5)
    now = datetime.now(timezone.utc)
    rows = add_revlog(col, 100, now - timedelta(days=520), timedelta(days=5), rng)
    floor = read_floor(col)
    t, cpu = time.perf_counter(), time.process_time()
    first = run_json("--root", str(root), "anki", "pull", str(col), "--json")
    first_s, first_cpu = time.perf_counter() - t, time.process_time() - cpu
    add_revlog(col, 1, now - timedelta(hours=1), timedelta(0), rng, limit=100)
    floor_again = read_floor(col)
    t, cpu = time.perf_counter(), time.process_time()
    again = run_json("--root", str(root), "anki", "pull", str(col), "--json")
    again_s, again_cpu = time.perf_counter() - t, time.process_time() - cpu
    print(f"collection with {rows} revlog rows of 1,000 cards (wall s / CPU s of this process)")
    print(f"floor: sqlite3 reads the revlog with its cards             {floor:6.2f}")
    print(f"first pull: {first['reviews_added']} reviews on {first['cards_affected']} cards      "
          f"{first_s:6.2f} / {first_cpu:5.2f}  ({first_s / floor:.0f}x floor; goal <= 5 s)")
    print(f"pull of {again['reviews_added']} new reviews on {again['cards_affected']} cards       "
          f"{again_s:6.2f} / {again_cpu:5.2f}  ({again_s / floor_again:.0f}x floor; goal <= 1 s)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=500)
    parser.add_argument("--days", type=int, default=40)
    parser.add_argument("--large", action="store_true", help="issue 24.9: pulls on a 100,000-row revlog")
    args = parser.parse_args()
    if args.large:
        folder = Path(tempfile.mkdtemp(prefix="mlwiki-anki-bench-"))
        try:
            large(folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return
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
