"""Scan benchmark: how fast mlwiki turns a 10,000-note wiki into cards, cold and incrementally.

    python benchmarks/scan_bench.py                 # generate the wiki (make_wiki.py, seed 1) in a temp dir
    python benchmarks/scan_bench.py PATH            # use (or create) the wiki at PATH
    python benchmarks/scan_bench.py --no-profile    # skip cProfile of failing phases

Measures in one run, median of --runs (3) each:

  a. baseline   read every note file and run one regex (`^Q:`): the floor set by Python IO
  b. extract    `collect(config)`: walk, read and parse every note (no database), in 1 process (target
                ≤ 3 × baseline) and b'. in as many processes as a scan uses here (mlwiki/scan/pool.py)
  c. cold scan  `open_synced` into a fresh store (.mlwiki deleted before each run), in 1 process and c'. in
                as many as a scan uses here                                         target ≤ 2 s
  d. rescan     `open_synced` again with nothing changed                            target ≤ 0.2 s
  e. edit one   change one line of one note (new mtime), then `open_synced`         target ≤ 0.25 s

Prints a table with PASS/FAIL per target; for each failing phase, a cProfile of one more run (top functions by
cumulative and by own time), so the owner knows where the time goes. Exit status 1 when a target fails.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import re
import shutil
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]  # make_wiki, and the mlwiki of this checkout (not another install)

from make_wiki import make_wiki  # noqa: E402

NOW = datetime(2026, 1, 15, 9, 0, tzinfo=timezone.utc)
SUFFIXES = (".md", ".markdown", ".qmd", ".ipynb")


def baseline(notes_dir: Path) -> int:
    """Walk, read and decode every note and run one regex: what any tool has to pay at least."""
    found = 0
    pattern = re.compile(r"^Q:", re.M)
    for folder, dirs, files in os.walk(notes_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(SUFFIXES) and not name.startswith("."):
                text = Path(folder, name).read_bytes().decode("utf-8", errors="replace")
                found += len(pattern.findall(text))
    return found


def extract_all(config) -> int:
    from mlwiki.scan.collect import collect

    return len(collect(config).cards)


def fresh_store(config) -> None:
    """Delete the data folder (untimed), so the next scan starts from nothing."""
    shutil.rmtree(config.data_dir, ignore_errors=True)


def synced(config) -> int:
    from mlwiki.scan.sync import open_synced

    store, report = open_synced(config, NOW, progress=False)
    store.close()
    return report.files_changed


class Editor:
    """Changes one line of one note per call (a different note each time) and bumps its mtime."""

    def __init__(self, notes_dir: Path):
        self.files = sorted(p for p in notes_dir.rglob("*.md"))
        self.n = 0

    def __call__(self) -> None:
        path = self.files[(self.n * 7919) % len(self.files)]
        self.n += 1
        lines = path.read_text(encoding="utf-8").split("\n")
        k = next(i for i in range(len(lines) // 2, len(lines)) if lines[i].startswith("The "))
        lines[k] = f"The edited sentence {self.n} of run {time.time_ns()} replaces this line."  # never seen before
        path.write_text("\n".join(lines), encoding="utf-8")
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


@contextmanager
def workers(n: int):
    """Run the block with MLWIKI_WORKERS=n: how many processes scans and collect() may use."""
    before = os.environ.get("MLWIKI_WORKERS")
    os.environ["MLWIKI_WORKERS"] = str(n)
    try:
        yield
    finally:
        if before is None:
            del os.environ["MLWIKI_WORKERS"]
        else:
            os.environ["MLWIKI_WORKERS"] = before


def measure(fn, runs: int, before=None) -> tuple[float, list[float], object]:
    times, result = [], None
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times, result


def profile(fn, before=None, top: int = 14) -> str:
    if before:
        before()
    prof = cProfile.Profile()
    prof.enable()
    fn()
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    out.write("  -- by cumulative time --\n")
    stats.sort_stats("cumulative").print_stats(top)
    out.write("  -- by own time --\n")
    stats.sort_stats("tottime").print_stats(top)
    text = out.getvalue()
    text = re.sub(r"\n\s*\n", "\n", text)
    skip = ("   Ordered by", "   List reduced", "         ")
    return "\n".join(line for line in text.splitlines() if not line.startswith(skip) or "function calls" in line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="mlwiki scan benchmark")
    parser.add_argument("wiki", nargs="?", type=Path, help="wiki root (generated there if it has no notes)")
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-profile", action="store_true")
    args = parser.parse_args(argv)

    from mlwiki.config import load_config
    from mlwiki.scan.pool import worker_count

    tmp = None
    root = args.wiki
    if root is None:
        tmp = tempfile.mkdtemp(prefix="mlwiki-bench-")
        root = Path(tmp) / "wiki"
    try:
        if not (root / "notes").is_dir():
            start = time.perf_counter()
            make_wiki(root, args.notes, args.seed)
            print(f"generated {args.notes} notes in {time.perf_counter() - start:.1f} s at {root}")
        config = load_config(root)
        files = sum(1 for p in config.notes_dir.rglob("*") if p.suffix in SUFFIXES)
        size = sum(p.stat().st_size for p in config.notes_dir.rglob("*") if p.suffix in SUFFIXES)
        print(f"wiki: {files} notes, {size / 2**20:.1f} MB, Python {sys.version.split()[0]}, "
              f"median of {args.runs} runs\n")

        baseline(config.notes_dir)  # warm the page cache and the imports once, untimed
        extract_all(config)
        edit = Editor(config.notes_dir)
        rows = []
        t_base, all_base, qs = measure(lambda: baseline(config.notes_dir), args.runs)
        rows.append(("a. baseline: read + 1 regex", t_base, all_base, None, f"{qs} 'Q:' lines"))
        pool = worker_count(files)
        with workers(1):
            t_ext, all_ext, cards = measure(lambda: extract_all(config), args.runs)
        rows.append(("b. extract: collect(), 1 process", t_ext, all_ext, ("ratio", 3.0), f"{cards} cards"))
        t_ext, all_ext, cards = measure(lambda: extract_all(config), args.runs)
        rows.append((f"b'. extract, {pool} processes", t_ext, all_ext, None, f"{cards} cards"))
        with workers(1):
            t_cold, all_cold, changed = measure(lambda: synced(config), args.runs, before=lambda: fresh_store(config))
        rows.append(("c. cold scan, 1 process", t_cold, all_cold, None, f"{changed} files"))
        t_cold, all_cold, changed = measure(lambda: synced(config), args.runs, before=lambda: fresh_store(config))
        rows.append((f"c'. cold scan, {pool} processes", t_cold, all_cold, ("s", 2.0), f"{changed} files"))
        t_re, all_re, changed = measure(lambda: synced(config), args.runs)
        rows.append(("d. rescan, nothing changed", t_re, all_re, ("s", 0.2), f"{changed} files changed"))
        t_edit, all_edit, changed = measure(lambda: synced(config), args.runs, before=edit)
        assert changed == 1, f"the edit was not seen as a change ({changed} files changed)"
        rows.append(("e. rescan after editing 1 note", t_edit, all_edit, ("s", 0.25), f"{changed} file changed"))

        print(f"{'phase':34} {'median':>9} {'runs':>26}  {'target':>14}  result  notes")
        failing = []
        for name, median, runs, target, note in rows:
            runs_text = " ".join(f"{t:.3f}" for t in runs)
            if target is None:
                target_text, verdict = "", ""
            elif target[0] == "ratio":
                ratio = median / t_base
                target_text = f"≤ {target[1]:.0f}× ({ratio:.1f}×)"
                verdict = "PASS" if ratio <= target[1] else "FAIL"
            else:
                target_text = f"≤ {target[1]} s"
                verdict = "PASS" if median <= target[1] else "FAIL"
            if verdict == "FAIL":
                failing.append(name)
            print(f"{name:34} {median:8.3f}s {runs_text:>26}  {target_text:>14}  {verdict:6}  {note}")

        if failing and not args.no_profile:
            # cProfile sees only this process: failing phases are profiled with the work done here (1 process)
            phases = {"b": (lambda: extract_all(config), None),
                      "c": (lambda: synced(config), lambda: fresh_store(config)),
                      "d": (lambda: synced(config), None), "e": (lambda: synced(config), edit)}
            for name in failing:
                fn, before = phases[name[0]]
                print(f"\n=== profile of {name[:2]} in 1 process (one run, cProfile overhead included) ===")
                with workers(1):
                    print(profile(fn, before))
        return 1 if failing else 0
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
