"""Big scans extract notes in worker processes (mlwiki/scan/pool.py): the store must end up exactly as a scan in one
process leaves it, and a pool that breaks, cannot start, or is interrupted must lose nothing."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import NOW, write
from mlwiki.scan import pool
from mlwiki.config import load_config
from mlwiki.sources.notes import walk_notes
from mlwiki.scan.sync import open_synced

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from make_wiki import make_wiki  # noqa: E402

pytestmark = pytest.mark.slow  # subprocesses, ptys or real Anki collections: `pytest -m "not slow"` skips them

TABLES = {  # every table a scan writes, in a stable order
    "files": "SELECT path, size, mtime_ns, hash, skipped FROM files ORDER BY path",
    "problems": "SELECT path, line, severity, code, message FROM problems ORDER BY path, line, message",
    "cards": "SELECT * FROM cards ORDER BY id",
    "card_sources": "SELECT * FROM card_sources ORDER BY card_id, path, line",
}


@pytest.fixture(scope="module")
def big_wiki(tmp_path_factory) -> Path:
    """450 generated notes of every card form, plus two broken ones (enough for a pool by default)."""
    root = make_wiki(tmp_path_factory.mktemp("pool") / "wiki", notes=450, seed=7)
    write(root, "notes/broken/yaml.md", "---\ntitle: [unclosed\n---\n\nQ: Still read?\nA: Yes.\n")
    (root / "notes/broken/latin1.md").write_bytes("Q: caf\xe9?\nA: a place\n".encode("latin-1"))
    return root


def scanned_tables(root: Path, workers: int, monkeypatch, now) -> dict[str, list[tuple]]:
    monkeypatch.setenv("MLWIKI_WORKERS", str(workers))
    shutil.rmtree(root / ".mlwiki", ignore_errors=True)
    store, report = open_synced(load_config(root), now)
    with store:
        assert report.files_changed == report.files_seen == 452
        return {name: [tuple(row) for row in store.query(sql)] for name, sql in TABLES.items()}


@pytest.fixture(scope="module")
def alone(big_wiki, tmp_path_factory) -> dict[str, list[tuple]]:
    """The tables a scan of the big wiki in this one process stores (what every pooled scan must store), made
    once for the module, in an environment isolated as conftest's is for each test."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
        for name in [n for n in os.environ if n.startswith("MLWIKI_")]:
            patch.delenv(name)
        return scanned_tables(big_wiki, 1, patch, NOW)


@pytest.fixture(scope="module")
def examined(big_wiki) -> list:
    """Each note of the big wiki examined in this process, in order: what a pool must hand back."""
    config, jobs = jobs_of(big_wiki)
    return [pool.examine(config, f, None) for f, _ in jobs]


def test_pooled_scan_stores_exactly_what_one_process_stores(big_wiki, alone, monkeypatch, now):
    pooled = scanned_tables(big_wiki, 3, monkeypatch, now)
    assert len(alone["cards"]) > 1500 and any("yaml.md" in p[0] for p in alone["problems"])
    for name in TABLES:
        assert pooled[name] == alone[name], f"table {name} differs between a pooled and a one-process scan"


def test_spawned_workers_as_on_macos_and_windows_store_the_same(big_wiki, alone, examined, monkeypatch, now, capfd):
    """Where processes are spawned, not forked, each worker imports mlwiki afresh and gets the config by pickle."""
    import multiprocessing

    monkeypatch.setattr(pool, "_context", lambda: multiprocessing.get_context("spawn"))
    config, jobs = jobs_of(big_wiki)
    results = pool._in_pool(config, jobs, 2)
    first = next(results)
    assert [p.exitcode for p in multiprocessing.active_children()] == [None, None], "both workers run"
    assert [first, *results] == examined
    assert scanned_tables(big_wiki, 2, monkeypatch, now) == alone
    assert "Traceback" not in capfd.readouterr().err, "a spawned worker failed to start"


def jobs_of(root: Path) -> tuple:
    config = load_config(root)
    files, _ = walk_notes(config)
    return config, [(f, None) for f in files]


def test_pool_really_runs_in_other_processes_and_keeps_order(big_wiki, examined):
    config, jobs = jobs_of(big_wiki)
    results = pool._in_pool(config, jobs, 2)
    assert results is not None, "a pool must start on this machine"
    first = next(results)
    import multiprocessing

    workers = multiprocessing.active_children()
    assert len(workers) == 2 and all(p.pid != os.getpid() for p in workers)
    got = [first, *results]
    assert not multiprocessing.active_children(), "the workers end with the pool"
    assert got == examined


def test_a_killed_worker_loses_nothing(big_wiki, examined):
    """A worker killed mid-scan (out of memory, say) breaks the pool: what it had not finished is done here."""
    config, jobs = jobs_of(big_wiki)
    results = pool._in_pool(config, jobs, 2)
    got = [next(results)]
    import multiprocessing

    for worker in multiprocessing.active_children():
        os.kill(worker.pid, signal.SIGKILL)
    got.extend(results)
    assert got == examined


class _NoProcesses:
    """A multiprocessing context on a system that cannot start processes (no fork, a sandbox's limits)."""

    def __init__(self):
        import multiprocessing

        self._real = multiprocessing.get_context()

    def __getattr__(self, name):
        return getattr(self._real, name)

    def Process(self, *args, **kwargs):  # noqa: N802 - the multiprocessing name
        raise OSError(11, "Resource temporarily unavailable")


def test_a_pool_that_cannot_start_processes_falls_back_to_this_one(big_wiki, alone, monkeypatch, now):
    monkeypatch.setattr(pool, "_context", _NoProcesses)
    assert scanned_tables(big_wiki, 2, monkeypatch, now) == alone


def test_small_scans_and_one_core_use_no_pool(monkeypatch):
    monkeypatch.delenv("MLWIKI_WORKERS", raising=False)
    assert pool.worker_count(pool.PARALLEL_MIN_FILES - 1) == 1
    monkeypatch.setattr(pool, "_forks", lambda: False)  # workers that start afresh need a bigger job
    assert pool.worker_count(pool.PARALLEL_MIN_FILES_SPAWN - 1) == 1
    monkeypatch.setattr(pool, "_forks", lambda: True)
    monkeypatch.setattr(pool, "_cores", lambda: 1)
    assert pool.worker_count(10_000) == 1
    monkeypatch.setattr(pool, "_cores", lambda: 16)
    assert pool.worker_count(10_000) == pool.MAX_WORKERS
    assert pool.worker_count(pool.PARALLEL_MIN_FILES) == -(-pool.PARALLEL_MIN_FILES // pool.CHUNK_FILES)
    monkeypatch.setenv("MLWIKI_WORKERS", "1")
    assert pool.worker_count(10_000) == 1
    monkeypatch.setenv("MLWIKI_WORKERS", "3")
    assert pool.worker_count(10) == 1 and pool.worker_count(1000) == 3


# --- the real command, interrupted -------------------------------------------------------------------------

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc for child processes")


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == pid and stat[0] != "Z":
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def start_scan_and_wait_for_workers(root: Path) -> tuple[subprocess.Popen, list[int]]:
    env = {**os.environ, "MLWIKI_WORKERS": "2", "PYTHONWARNINGS": "ignore"}
    proc = subprocess.Popen([sys.executable, "-m", "mlwiki", "--root", str(root), "scan"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        workers = children(proc.pid)
        if len(workers) == 2:
            return proc, workers
        time.sleep(0.005)
    proc.kill()
    pytest.fail(f"the scan never started two workers: {proc.communicate()}")


@pytest.fixture
def slow_wiki(tmp_path) -> Path:
    """Enough notes that a scan in two workers takes a while."""
    return make_wiki(tmp_path / "wiki", notes=1500, seed=3)


@linux_only
def test_ctrl_c_during_a_pooled_scan_stops_everything_cleanly(slow_wiki):
    proc, workers = start_scan_and_wait_for_workers(slow_wiki)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and "Interrupted." in err and "Traceback" not in err, err
    time.sleep(0.2)
    assert not [w for w in workers if alive(w)], "workers must end with the scan"
    db = sqlite3.connect(slow_wiki / ".mlwiki" / "mlwiki.db")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT count(*) FROM cards").fetchone()[0] == 0  # nothing half-written
    db.close()


@linux_only
def test_workers_end_when_the_scan_is_killed(slow_wiki):
    proc, workers = start_scan_and_wait_for_workers(slow_wiki)
    proc.kill()
    proc.communicate(timeout=30)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(alive(w) for w in workers):
        time.sleep(0.02)
    assert not [w for w in workers if alive(w)], "orphaned workers must not outlive a killed scan"


def test_the_rows_a_scan_stores_are_the_extracted_cards_as_rows(big_wiki, examined):
    """A scan's rows come from the walk's fields, without a Card made of each: the same as each Card as a row,
    with the same problems and skips."""
    from mlwiki.scan.examine import card_row, file_rows

    config = load_config(big_wiki)
    files, _ = walk_notes(config)
    compared = 0
    for file, (_, result) in zip(files, examined, strict=True):  # (each file's extract_file, made once for the module)
        assert result.file == file
        assert file_rows(config, file) == ([card_row(c) for c in result.cards], result.problems, result.skipped,
                                          result.macros)
        compared += len(result.cards)
    assert compared > 1500
