"""Never lose a review: crashes, concurrent processes, migrations, backups, bad databases (issue 8)."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import write, run as run_cli
from mlwiki.store import db as store_module
from mlwiki.store import opening
from mlwiki.store import migrations
from mlwiki.store.backup import BackupFile, auto_backup, list_backups, thin
from mlwiki.cli import cli
from mlwiki.config import load_config
from mlwiki.review.session import ReviewSession
from mlwiki.scan.sync import open_synced

pytestmark = pytest.mark.slow  # subprocesses, ptys or real Anki collections: `pytest -m "not slow"` skips them

CARDS = "".join(f"Q: Durable question {n} on the bias of estimator {n}?\nA: Answer {n}\n\n" for n in range(40))
NOW = "2026-03-02T12:00:00+00:00"


def invoke(root, *args, now=NOW, **kwargs):
    return run_cli(root, *args, now=now, **{"catch_exceptions": True, **kwargs})


def mlwiki_process(root, *args, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "mlwiki", "--root", str(root), "--now", NOW, *args],
                            env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, **kwargs)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def db_rows(db: Path, sql: str) -> list:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def scanned(wiki):
    write(wiki, "notes/a.md", CARDS)
    assert invoke(wiki, "scan").exit_code == 0
    return wiki


def test_pragmas_wal_full_sync_busy_timeout(scanned):
    config = load_config(scanned)
    with opening.open_store(config) as store:
        conn = store.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def review_until_killed(root: Path, answers_before_kill: int, jitter: float) -> list[str]:
    """Review in plain mode, SIGKILL the process once it has acknowledged `answers_before_kill` answers (plus a
    random few milliseconds, so the kill lands anywhere in the next answer's write), and return the card ids it
    acknowledged."""
    proc = mlwiki_process(root, "review", "--plain")
    acked: list[str] = []
    reached = threading.Event()

    def read_acknowledgements():
        for line in proc.stdout:
            if line.startswith("recorded "):
                acked.append(line.split()[1].rstrip(":"))
                if len(acked) >= answers_before_kill:
                    reached.set()
        reached.set()

    reader = threading.Thread(target=read_acknowledgements)
    reader.start()
    if answers_before_kill == 0:
        reached.set()
    try:
        proc.stdin.write("\n3\n" * 40)
        proc.stdin.flush()
    except BrokenPipeError:
        pass
    reached.wait(timeout=60)
    time.sleep(jitter)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    reader.join()
    return acked


def test_sigkill_during_review_never_loses_an_acknowledged_answer(scanned, tmp_path_factory):
    """30 kills at random points of a review (after 0-35 answers, plus 0-20 ms), four at a time: the database is
    whole and holds every answer the review acknowledged, plus at most the one in flight."""
    from concurrent.futures import ThreadPoolExecutor

    rng = random.Random(1234)
    trials = [(tmp_path_factory.mktemp(f"kill{n}"), rng.randint(0, 35), rng.uniform(0, 0.02)) for n in range(30)]
    for root, _, _ in trials:
        shutil.copytree(scanned, root, dirs_exist_ok=True)
    with ThreadPoolExecutor(max_workers=4) as pool:
        acknowledged = list(pool.map(lambda trial: review_until_killed(*trial), trials))
    assert sum(len(acked) > 0 for acked in acknowledged) >= 25, "most kills land during the review, not at startup"
    for (root, after, _), acked in zip(trials, acknowledged):
        db = root / ".mlwiki" / "mlwiki.db"
        assert db_rows(db, "PRAGMA integrity_check") == [("ok",)]
        stored = [r[0] for r in db_rows(db, "SELECT card_id FROM reviews ORDER BY id")]
        assert stored[:len(acked)] == acked, f"killed after {after}: acknowledged answers missing"
        assert len(stored) - len(acked) <= 1  # at most the answer in flight when killed


def test_review_and_scan_in_parallel_never_lock(scanned):
    reviewer = mlwiki_process(scanned, "review", "--plain")
    errors: list[str] = []
    note = scanned / "notes" / "b.md"
    for n in range(5):  # (each round is five commands in as many processes beside the review)
        note.write_text(f"Q: Parallel question {n} on momentum?\nA: yes\n", encoding="utf-8")
        for args in (["scan"], ["due", "--json"], ["cards", "--json"], ["export", "-o", str(scanned / "out")],
                     ["stats", "--json"]):
            result = subprocess.run([sys.executable, "-m", "mlwiki", "--root", str(scanned), "--now", NOW, *args],
                                    capture_output=True, text=True, timeout=60)
            if result.returncode != 0 or "locked" in result.stderr:
                errors.append(f"{args}: {result.returncode} {result.stderr}")
        try:
            reviewer.stdin.write("\n3\n")
            reviewer.stdin.flush()
        except BrokenPipeError:
            break
    out, err = reviewer.communicate("q\n", timeout=60)
    assert errors == []
    assert reviewer.returncode == 0 and "locked" not in err and "Traceback" not in err
    acked = [line.split()[1].rstrip(":") for line in out.splitlines() if line.startswith("recorded ")]
    stored = db_rows(scanned / ".mlwiki" / "mlwiki.db", "SELECT card_id FROM reviews ORDER BY id")
    assert [r[0] for r in stored] == acked and len(acked) == 5


def make_v1_database(wiki: Path) -> Path:
    """A database as the first mlwiki release left it: schema 1, with one review."""
    db = wiki / ".mlwiki" / "mlwiki.db"
    db.parent.mkdir()
    conn = store_module.connect(db)
    import sqlite_utils

    migrations._migration_1(sqlite_utils.Database(conn))
    conn.execute("INSERT INTO meta(key, value) VALUES ('schema_version', '1')")
    conn.execute("INSERT INTO reviews(card_id, reviewed_at, rating, duration_ms) VALUES ('x', ?, 3, 1)", (NOW,))
    conn.close()
    return db


def test_older_database_is_backed_up_then_migrated(wiki):
    db = make_v1_database(wiki)
    result = invoke(wiki, "due")
    assert result.exit_code == 0, result.output
    assert db_rows(db, "SELECT value FROM meta WHERE key = 'schema_version'") == [(str(migrations.SCHEMA_VERSION),)]
    assert db_rows(db, "SELECT count(*) FROM reviews") == [(1,)]
    (backup,) = list_backups(load_config(wiki))
    assert f"before-migration-1-to-{migrations.SCHEMA_VERSION}" in backup.path.name
    assert db_rows(backup.path, "SELECT value FROM meta WHERE key = 'schema_version'") == [("1",)]


def test_database_with_an_unknown_migration_is_refused_and_untouched(scanned):
    """A newer mlwiki names its migrations; one this release does not know means: do not touch."""
    db = scanned / ".mlwiki" / "mlwiki.db"
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO _sqlite_migrations(migration_set, name, applied_at) VALUES ('mlwiki', '999_future', '')")
    conn.execute("UPDATE meta SET value = value + 1 WHERE key = 'schema_version'")  # as that mlwiki leaves it
    conn.commit()
    conn.close()
    before = sha(db)
    result = invoke(scanned, "due")
    assert result.exit_code == 1
    assert "newer mlwiki" in result.output and "999_future" in result.output and "Traceback" not in result.output
    assert sha(db) == before


def test_newer_database_is_refused_and_untouched(scanned):
    db = scanned / ".mlwiki" / "mlwiki.db"
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    before = sha(db)
    result = invoke(scanned, "review", "--plain", input="")
    assert result.exit_code == 1
    assert "newer mlwiki" in result.output and "Traceback" not in result.output
    assert sha(db) == before


@pytest.mark.parametrize("content", [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 5000])
def test_corrupt_database_gets_a_clear_message_and_is_untouched(scanned, content):
    db = scanned / ".mlwiki" / "mlwiki.db"
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    db.write_bytes(content)
    before = sha(db)
    for args in (["due"], ["review", "--plain"], ["cards"], ["stats", "--json"]):
        result = invoke(scanned, *args, input="")
        if args == ["stats", "--json"] and result.exit_code == 2:
            continue  # command not available in this build
        assert result.exit_code == 1, (args, result.output)
        assert "damaged or not an mlwiki database" in result.output and "Traceback" not in result.output
    assert sha(db) == before


def test_foreign_sqlite_file_is_not_touched(wiki):
    db = wiki / ".mlwiki" / "mlwiki.db"
    db.parent.mkdir()
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE other_app (x)")
    conn.commit()
    conn.close()
    before = sha(db)
    result = invoke(wiki, "due")
    assert result.exit_code == 1 and "not an mlwiki database" in result.output
    assert sha(db) == before


def test_unwritable_data_folder_gets_a_clear_message(wiki):
    write(wiki, "notes/a.md", CARDS)
    (wiki / ".mlwiki").write_text("a file where the data folder should be")
    result = invoke(wiki, "due")
    assert result.exit_code == 1 and "cannot create the data folder" in result.output
    assert "Traceback" not in result.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_wiki(wiki):
    write(wiki, "notes/a.md", CARDS)
    wiki.chmod(0o555)
    try:
        result = invoke(wiki, "due")
        assert result.exit_code == 1 and "read-only" in result.output
    finally:
        wiki.chmod(0o755)


def test_full_disk_fails_cleanly_and_keeps_history(scanned, monkeypatch):
    assert invoke(scanned, "review", "--plain", input="\n3\n\n3\nq\n").exit_code == 0
    real_connect = store_module.connect

    def tiny_disk(path, **kwargs):
        conn = real_connect(path, **kwargs)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite answers "database or disk is full"
        return conn

    monkeypatch.setattr(opening, "connect", tiny_disk)
    write(scanned, "notes/big.md", "".join(f"Q: Filler question {n} {'x' * 400}?\nA: {n}\n\n" for n in range(400)))
    result = invoke(scanned, "scan")
    assert result.exit_code == 1 and "disk is full" in result.output and "Traceback" not in result.output
    monkeypatch.undo()
    db = scanned / ".mlwiki" / "mlwiki.db"
    assert db_rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert db_rows(db, "SELECT count(*) FROM reviews") == [(2,)]
    assert invoke(scanned, "scan").exit_code == 0


def test_cloud_synced_folder_warns(tmp_path):
    root = tmp_path / "Dropbox" / "wiki"
    write(root, "notes/a.md", CARDS)
    (root / "mlwiki.toml").write_text('name = "T"\n')
    result = CliRunner().invoke(cli, ["--root", str(root), "due"])
    assert result.exit_code == 0 and "cloud-synced folder" in result.output


def test_automatic_backup_once_a_day_when_reviews_changed(scanned):
    config = load_config(scanned)
    now = datetime.fromisoformat(NOW)
    store, _ = open_synced(config, now)
    with store:
        assert auto_backup(store, config, now) is None  # no reviews yet
        session = ReviewSession(store, config, lambda: now)
        session.answer(3)
        first = auto_backup(store, config, now)
        assert first is not None and db_rows(first, "SELECT count(*) FROM reviews") == [(1,)]
        assert db_rows(first, "PRAGMA quick_check") == [("ok",)]
        session.answer(3)
        assert auto_backup(store, config, now + timedelta(hours=2)) is None  # same day
        assert auto_backup(store, config, now + timedelta(days=1)) is not None
        assert auto_backup(store, config, now + timedelta(days=2)) is None  # nothing new


def test_thinning_keeps_7_daily_4_weekly_12_monthly():
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    backups = [BackupFile(Path(f"mlwiki-{n}.db"), start + timedelta(days=n)) for n in range(500)]
    keep = [b for b in backups if b not in thin(backups)]
    days = {b.taken_at.date() for b in keep}
    last = backups[-1].taken_at
    assert all((last - timedelta(days=n)).date() in days for n in range(7))
    assert len(keep) <= 7 + 4 + 12 and len(keep) >= 12
    assert keep[0].taken_at < last - timedelta(days=300)  # monthly copies reach back a year


def test_backup_and_restore_commands(scanned, tmp_path):
    assert invoke(scanned, "review", "--plain", input="\n3\nq\n").exit_code == 0
    target = tmp_path / "manual.db"
    result = invoke(scanned, "backup", str(target))
    assert result.exit_code == 0 and target.exists()
    assert invoke(scanned, "review", "--plain", input="\n3\n\n3\nq\n").exit_code == 0
    db = scanned / ".mlwiki" / "mlwiki.db"
    assert db_rows(db, "SELECT count(*) FROM reviews") == [(3,)]
    result = invoke(scanned, "restore", str(target), "--yes")
    assert result.exit_code == 0, result.output
    assert db_rows(db, "SELECT count(*) FROM reviews") == [(1,)]
    saved = [b for b in list_backups(load_config(scanned)) if "before-restore" in b.path.name]
    assert len(saved) == 1 and db_rows(saved[0].path, "SELECT count(*) FROM reviews") == [(3,)]
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"junk" * 1000)
    result = invoke(scanned, "restore", str(bad), "--yes")
    assert result.exit_code == 1 and "nothing was changed" in result.output
    assert db_rows(db, "SELECT count(*) FROM reviews") == [(1,)]


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_log_export_then_import_reproduces_every_state(scanned, tmp_path, fmt):
    rng = random.Random(5)
    for day in range(12):
        keys = "".join(f"\n{rng.choice('1334')}\n" for _ in range(15)) + "q\n"
        when = (datetime.fromisoformat(NOW) + timedelta(days=day)).isoformat()
        assert invoke(scanned, "review", "--plain", input=keys, now=when).exit_code == 0
    log = tmp_path / f"log.{fmt}"
    result = invoke(scanned, "log", "export", str(log))
    assert result.exit_code == 0
    columns = "id, state, step, stability, difficulty, due, last_review, reps, lapses"
    original = db_rows(scanned / ".mlwiki" / "mlwiki.db", f"SELECT {columns} FROM cards ORDER BY id")
    assert sum(r[7] for r in original) > 40
    fresh = tmp_path / "fresh"
    shutil.copytree(scanned, fresh, ignore=shutil.ignore_patterns(".mlwiki"))
    result = invoke(fresh, "log", "import", str(log))
    assert result.exit_code == 0, result.output
    assert db_rows(fresh / ".mlwiki" / "mlwiki.db", f"SELECT {columns} FROM cards ORDER BY id") == original
    again = invoke(fresh, "log", "import", str(log))
    assert again.exit_code == 1 and "already holds reviews" in again.output
    if fmt == "jsonl":
        record = json.loads(log.read_text().splitlines()[0])
        assert set(record) == {"card_id", "reviewed_at", "rating", "duration_ms", "content_hash", "settings",
                               "source", "anki_id", "due", "anki_ivl"}
