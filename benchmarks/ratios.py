"""Speed regression check: every figure of issue 27 as a ratio to its floor, timed in the same run.

    python benchmarks/ratios.py                      # all rows: 10,000-note scans, 10,000-card export, 50k memory
    python benchmarks/ratios.py --notes 2000 --memory-notes 5000 --cards 2000    # a quick look while working
    python benchmarks/ratios.py --only help,due      # some rows
    python benchmarks/ratios.py --tree OLD_CHECKOUT  # measure another checkout the same way (before/after)

Absolute times say little on a shared machine, so each row times its floor and mlwiki alternately, as fresh
processes (what a user waits for), and prints the median of the per-pair ratios with the goal:

  row      floor                                     mlwiki                                     goal
  cold     read every note + one regex (a process)   `mlwiki scan` into a fresh database        ≤ 5×
  rescan   the same                                  `mlwiki scan` with nothing changed         ≤ 0.5×
  help     `python -c "import click, sqlite3"`       `mlwiki --help`                            ≤ 1.3×
  due      the same                                  `mlwiki due` on the bundled notes          ≤ 1.5×
  export   ankdown 0.7.1 on the same 10,000 cards    `mlwiki export` (the previous export's     ≤ 0.5×
                                                     rendering reused; also shown without it)
  memory   —                                         peak RSS of a cold scan of 50,000 notes,   ≤ 150 MB
                                                     one process (MLWIKI_WORKERS=1)

Under the table, the cold scan's CPU seconds (its workers' included) and the floor's: steadier than wall times
when other work shares the machine, they say whether a change made the scan cheaper.

ankdown is looked for as benchmarks/export_bench.py does ($ANKDOWN, PATH, ~/.cache/mlwiki-bench/ankdown-venv;
`--install-ankdown` creates that virtualenv); it is never a dependency of mlwiki. CI does not run this script:
it prints figures, and exits 1 when a goal is missed, for a person to read.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE)]

from export_bench import card_specs, find_ankdown, write_ankdown_input, write_wiki  # noqa: E402
from make_wiki import make_wiki  # noqa: E402

PY = sys.executable
CPU_NOTES: list[str] = []  # figures printed under the table
FLOOR_SCAN = """
import os, re, sys
from pathlib import Path
found, pattern = 0, re.compile(r"^Q:", re.M)
for folder, dirs, files in os.walk(sys.argv[1]):
    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
    for name in sorted(files):
        if name.endswith((".md", ".markdown", ".qmd", ".ipynb")) and not name.startswith("."):
            found += len(pattern.findall(Path(folder, name).read_bytes().decode("utf-8", errors="replace")))
"""
FLOOR_START = ["-c", "import click, sqlite3"]
NOW = "2026-03-02T12:00:00Z"


class Runner:
    """Runs commands as fresh processes with the mlwiki of `tree` first on the path."""

    def __init__(self, tree: Path, bytecode_cache: Path | None, cwd: Path):
        self.cwd = cwd  # not a checkout: `python -m` puts the working folder before PYTHONPATH
        self.cpu: list[float] = []  # CPU seconds of each run, in order
        self.env = {**os.environ, "PYTHONPATH": str(tree), "MLWIKI_NOW": NOW}
        self.env.pop("MLWIKI_WORKERS", None)
        if bytecode_cache:  # as an installed mlwiki starts: compiled once, not at every start
            self.env.pop("PYTHONDONTWRITEBYTECODE", None)
            self.env["PYTHONPYCACHEPREFIX"] = str(bytecode_cache)
        else:
            self.env["PYTHONDONTWRITEBYTECODE"] = "1"

    def time(self, args: list[str], before=None) -> float:
        """Wall seconds of one run; its CPU seconds (the process and the workers it waited for) go to `cpu`."""
        if before:
            before()
        used = _children_cpu()
        start = time.perf_counter()
        subprocess.run(args, env=self.env, cwd=self.cwd, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        wall = time.perf_counter() - start
        self.cpu.append(_children_cpu() - used)
        return wall

    def peak_rss_mb(self, args: list[str]) -> float:
        """Peak resident memory of one process running `args` (its children not counted)."""
        proc = subprocess.Popen(args, env=self.env, cwd=self.cwd, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            raise SystemExit(f"{args} failed with {proc.returncode}")
        return usage.ru_maxrss / 1024  # KiB on Linux


def _children_cpu() -> float:
    """CPU seconds of the child processes waited for so far (0 where `resource` is missing: Windows)."""
    try:
        import resource
    except ImportError:
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def paired(runs: int, floor, ours) -> tuple[float, float, float]:
    """(median floor s, median ours s, median of the per-pair ratios), floor and ours alternating."""
    floors, mine = [], []
    for _ in range(runs):
        floors.append(floor())
        mine.append(ours())
    ratios = [m / f for f, m in zip(floors, mine)]
    return statistics.median(floors), statistics.median(mine), statistics.median(ratios)


def mlwiki(root: Path, *args: str) -> list[str]:
    return [PY, "-m", "mlwiki", "--root", str(root), *args]


def scan_rows(run: Runner, work: Path, notes: int, runs: int, rows: list, only: set[str]) -> None:
    root = work / f"wiki-{notes}"
    if not (root / "notes").is_dir():
        make_wiki(root, notes, seed=1)
    floor = lambda: run.time([PY, "-c", FLOOR_SCAN, str(root / "notes")])  # noqa: E731
    scan = mlwiki(root, "scan")
    run.time(scan)  # warm the page cache and the .pyc files
    fresh = lambda: shutil.rmtree(root / ".mlwiki", ignore_errors=True)  # noqa: E731
    if "cold" in only:
        run.cpu.clear()
        rows.append((f"cold scan, {notes} notes", "read + 1 regex", *paired(runs, floor, lambda: run.time(
            scan, before=fresh)), 5.0))
        # (the wall ratio swings with other work on the machine, 22-31x at load 3-4: the CPU the scan used, its
        # workers' included, holds steadier and says whether a change made it cheaper)
        CPU_NOTES.append(f"cold scan CPU: {statistics.median(run.cpu[1::2]):.2f} CPU-s (parent and workers), "
                         f"floor {statistics.median(run.cpu[0::2]):.2f} CPU-s; medians of {runs}")
    if "rescan" in only:
        if not (root / ".mlwiki").is_dir():
            run.time(scan)
        rows.append((f"no-change rescan, {notes} notes", "read + 1 regex",
                     *paired(runs, floor, lambda: run.time(scan)), 0.5))


def _age(root: Path, seconds: int = 3600) -> None:
    """Date a freshly copied wiki an hour back, as a learner's notes are: a folder changed in the last seconds is
    one the scan cannot trust to stay unchanged (git's racy files), so every `due` right after the copy would walk
    it again, which no learner's start does."""
    stamp = time.time() - seconds
    for folder, dirs, files in os.walk(root):
        for name in files + dirs:
            os.utime(os.path.join(folder, name), (stamp, stamp))
    os.utime(root, (stamp, stamp))


def start_rows(run: Runner, work: Path, runs: int, rows: list, only: set[str]) -> None:
    floor = lambda: run.time([PY, *FLOOR_START])  # noqa: E731
    if "help" in only:
        rows.append(("mlwiki --help", "import click, sqlite3",
                     *paired(runs, floor, lambda: run.time([PY, "-m", "mlwiki", "--help"])), 1.3))
    if "due" in only:
        root = work / "bundled"
        if not root.is_dir():
            shutil.copytree(HERE.parent / "notes", root / "notes")
            shutil.copy(HERE.parent / "mlwiki.toml", root / "mlwiki.toml")
            _age(root)
        run.time(mlwiki(root, "scan"))
        rows.append(("mlwiki due, bundled notes", "import click, sqlite3",
                     *paired(runs, floor, lambda: run.time(mlwiki(root, "due"))), 1.5))


def export_rows(run: Runner, work: Path, cards: int, runs: int, rows: list, install: bool) -> None:
    specs = card_specs(cards)
    root, cards_dir, out = work / f"export-{cards}", work / f"ankdown-{cards}", work / "out"
    if not root.is_dir():
        write_wiki(root, specs)
        write_ankdown_input(cards_dir, specs)
    command, _, why = find_ankdown(install)
    if command is None:
        print(f"export: ankdown not available ({why}); row skipped")
        return
    floor = lambda: run.time(command + ["-r", str(cards_dir), "-p", str(out / "ankdown.apkg")])  # noqa: E731
    export = mlwiki(root, "export", "-o", str(out))
    run.time(export)  # the scan, and a first export whose rendering the next ones reuse
    rows.append((f"mlwiki export, {cards} cards", "ankdown 0.7.1", *paired(runs, floor, lambda: run.time(export)),
                 0.5))
    forget = lambda: _forget_renders(root)  # noqa: E731
    rows.append((f"  … nothing reused (first export)", "ankdown 0.7.1",
                 *paired(max(3, runs // 2), floor, lambda: run.time(export, before=forget)), None))


def _forget_renders(root: Path) -> None:
    """Nothing reused: the rendered notes and genanki's part of a package (mlwiki.export.skeleton) both go."""
    for pattern in ("render-cache*", "anki-skeleton*"):
        for cache in (root / ".mlwiki").glob(pattern):
            cache.unlink()


def memory_row(run: Runner, work: Path, notes: int, rows: list) -> None:
    root = work / f"wiki-{notes}"
    if not (root / "notes").is_dir():
        make_wiki(root, notes, seed=1)
    one = Runner.__new__(Runner)
    one.cwd, one.env = run.cwd, {**run.env, "MLWIKI_WORKERS": "1"}  # one process: the scan's own memory
    shutil.rmtree(root / ".mlwiki", ignore_errors=True)
    peak = one.peak_rss_mb(mlwiki(root, "scan"))
    rows.append((f"peak memory, cold scan of {notes} notes", "", None, peak, None, 150.0))  # the goal is for 50,000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=HERE.parent, help="the mlwiki checkout to measure")
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--memory-notes", type=int, default=50_000)
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5, help="pairs per row (median)")
    parser.add_argument("--only", default="cold,rescan,help,due,export,memory")
    parser.add_argument("--work", type=Path, help="keep the generated wikis here between runs")
    parser.add_argument("--install-ankdown", action="store_true")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="compile mlwiki's modules at every start (PYTHONDONTWRITEBYTECODE=1), as a checkout "
                             "run from a read-only folder does; default: a bytecode cache, as after pip install")
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    work = args.work or Path(tempfile.mkdtemp(prefix="mlwiki-ratios-"))
    work.mkdir(parents=True, exist_ok=True)
    run = Runner(args.tree.resolve(), None if args.no_bytecode_cache else work / "pycache", work)
    rows: list = []
    try:
        if only & {"cold", "rescan"}:
            scan_rows(run, work, args.notes, args.runs, rows, only)
        if only & {"help", "due"}:
            start_rows(run, work, args.runs, rows, only)
        if "export" in only:
            export_rows(run, work, args.cards, args.runs, rows, args.install_ankdown)
        if "memory" in only:
            memory_row(run, work, args.memory_notes, rows)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return report(rows, args)


def report(rows: list, args) -> int:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    cache = "no bytecode cache" if args.no_bytecode_cache else "bytecode cached"
    print(f"\nmlwiki at {args.tree} ({cache}); median of {args.runs} alternating pairs; load {load:.1f} on "
          f"{os.cpu_count()} cores\n")
    print(f"{'what':42} {'floor':22} {'floor s':>8} {'mlwiki s':>9} {'ratio':>7} {'goal':>8}  result")
    missed = 0
    for what, floor_name, floor_s, ours, ratio, goal in rows:
        if floor_s is None:  # memory: MB against a limit
            ok = ours <= goal
            print(f"{what:42} {'':22} {'':>8} {ours:8.0f}M {'':>7} {'≤ %.0fM' % goal:>8}  {'ok' if ok else 'MISSED'}")
        else:
            ok = goal is None or ratio <= goal
            goal_text = f"≤ {goal}×" if goal is not None else ""
            print(f"{what:42} {floor_name:22} {floor_s:8.3f} {ours:9.3f} {ratio:6.2f}× {goal_text:>8}  "
                  f"{'' if goal is None else 'ok' if ok else 'MISSED'}")
        missed += not ok
    for note in CPU_NOTES:
        print(note)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
