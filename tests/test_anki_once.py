"""The same review is never counted twice (issue 24.2): mlwiki's own answers whose Anki ids were lost by a restore
are recognised in Anki's revlog by card, time and rating; two pulls at once add each review once. And the files
that hold reviews are the learner's only (24.7)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from anki_world import make_wiki, review_due, run, run_json
from test_anki_sync import answer, import_with_scheduling, mlwiki_log

anki_collection = pytest.importorskip("anki.collection")
Collection = anki_collection.Collection


@pytest.fixture
def desk(tmp_path: Path, monkeypatch):
    """A wiki reviewed two days ago and exported into a collection with FSRS on; then reviewed again in
    mlwiki (reviews Anki does not have yet)."""
    monkeypatch.setenv("ANKI_BASE", str(tmp_path / "no-anki-here"))
    root = make_wiki(tmp_path / "wiki")
    start = datetime.now(timezone.utc).replace(hour=4, minute=1, second=0, microsecond=0) - timedelta(days=3)
    assert review_due(root, start, lambda card: 3) > 0
    exported = run_json(root, "export", "-o", str(tmp_path / "decks"), now=start + timedelta(hours=1))
    col_path = tmp_path / "anki" / "collection.anki2"
    col_path.parent.mkdir()
    col = Collection(str(col_path))
    col.set_config("fsrs", True)
    import_with_scheduling(col, Path(exported["files"][0]["path"]))
    col.close()
    assert review_due(root, start + timedelta(days=1), lambda card: 3) > 0
    return root, col_path


def test_a_restore_then_pull_does_not_double_mlwiki_reviews(desk, tmp_path):
    root, col_path = desk
    now = datetime.now(timezone.utc)
    before = mlwiki_log(root, now)
    backup = tmp_path / "before-push.db"
    assert run(root, "backup", str(backup), now=now).exit_code == 0
    pushed = run_json(root, "anki", "push", str(col_path), now=now)
    assert pushed["revlog_added"] > 0
    assert run(root, "restore", str(backup), "--yes", now=now).exit_code == 0
    lost = [r for r in mlwiki_log(root, now) if r["anki_id"] is None]
    assert len(lost) == pushed["revlog_added"]  # the restored log lacks the ids the push gave

    pulled = run_json(root, "anki", "pull", str(col_path), now=now)
    assert pulled["reviews_added"] == 0 and pulled["already_present"] == len(before)
    after = mlwiki_log(root, now)
    assert len(after) == len(before) and {r["source"] for r in after} == {"mlwiki"}
    assert all(r["anki_id"] is not None for r in after)  # the ids were taken back from Anki's log
    assert run_json(root, "anki", "push", str(col_path), "--dry-run", now=now)["cards_updated"] == 0


def test_two_pulls_at_once_add_each_review_once(desk):
    root, col_path = desk
    col = Collection(str(col_path))
    for cid in col.find_cards("deck:T"):
        answer(col, cid, 3)
    col.close()
    command = [sys.executable, "-m", "mlwiki", "--root", str(root), "anki", "pull", str(col_path)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    results = [(p.wait(timeout=120), *p.communicate()) for p in runs]
    assert all(code == 0 for code, _, _ in results), results
    assert not any("Traceback" in err or "UNIQUE" in err for _, _, err in results)
    log = mlwiki_log(root, datetime.now(timezone.utc))
    anki_ids = [r["anki_id"] for r in log if r["source"] == "anki"]
    assert len(anki_ids) == 6 and len(set(anki_ids)) == 6


def test_review_data_files_are_private_and_restore_leaves_no_journal(desk, tmp_path):
    root, _ = desk
    now = datetime.now(timezone.utc)
    backup, log = tmp_path / "copy.db", tmp_path / "log.csv"
    assert run(root, "backup", str(backup), now=now).exit_code == 0
    assert run(root, "log", "export", str(log), now=now).exit_code == 0
    database = root / ".mlwiki" / "mlwiki.db"
    for path in (database, backup, log, *(root / ".mlwiki" / "backups").glob("*.db")):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path
    assert run(root, "restore", str(backup), "--yes", now=now).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copy")) == ["copy.db"]
    assert stat.S_IMODE(os.stat(database).st_mode) == 0o600
