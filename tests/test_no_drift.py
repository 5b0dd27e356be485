"""Schedules never drift from the log (issue 24.5): a review session with undos runs in one process while
`anki pull` and `log import` run in others; every write re-reads what it depends on inside its transaction, so
no card's cached schedule ends up different from a replay of its log. `check --repair` replays drifted cards."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from anki_world import make_wiki, run
from test_anki_once import desk  # noqa: F401
from test_anki_sync import answer
from mlwiki.config import load_config
from mlwiki.review.replay import verify_replay
from mlwiki.scan.sync import open_synced
from mlwiki.studyday import StudyCalendar

anki_collection = pytest.importorskip("anki.collection")

SESSION = r"""
import sys, time
from datetime import datetime, timezone
from mlwiki.config import load_config
from mlwiki.review.queue import Filters
from mlwiki.review.session import ReviewSession
from mlwiki.scan.sync import open_synced
config = load_config(sys.argv[1])
clock = lambda: datetime.now(timezone.utc)
store, _ = open_synced(config, clock(), progress=False)
done = 0
with store:
    for round_ in range(int(sys.argv[2])):
        session = ReviewSession(store, config, clock, Filters())
        while session.current is not None and done < 200:
            session.answer(1 + done % 4)
            if done % 3 == 0:
                session.undo()
                session.answer(3)
            done += 1
            time.sleep(0.01)
print(done)
"""


def drifted(root: Path) -> list[str]:
    config = load_config(root)
    store, _ = open_synced(config, datetime.now(timezone.utc), progress=False)
    with store:
        return verify_replay(store, StudyCalendar.from_settings(config.review))


@pytest.mark.slow
def test_session_undo_and_pulls_in_parallel_leave_no_drift(desk):  # noqa: F811
    root, col_path = desk
    col = anki_collection.Collection(str(col_path))
    for cid in col.find_cards("deck:T"):
        answer(col, cid, 1)
    col.close()
    session = subprocess.Popen([sys.executable, "-c", SESSION, str(root), "3"], stdout=subprocess.PIPE, text=True)
    pulls = [subprocess.run([sys.executable, "-m", "mlwiki", "--root", str(root), "anki", "pull", str(col_path)],
                            capture_output=True, text=True, timeout=120) for _ in range(3)]
    assert session.wait(timeout=120) == 0
    assert all(p.returncode == 0 and "Traceback" not in p.stderr for p in pulls), [p.stderr for p in pulls]
    assert int(session.stdout.read()) > 0
    assert drifted(root) == []


@pytest.mark.slow
def test_log_import_racing_a_session_imports_all_or_nothing(desk, tmp_path):  # noqa: F811
    root, _ = desk
    log = tmp_path / "log.jsonl"
    assert run(root, "log", "export", str(log)).exit_code == 0
    fresh = make_wiki(tmp_path / "fresh")
    run(fresh, "scan")
    session = subprocess.Popen([sys.executable, "-c", SESSION, str(fresh), "1"], stdout=subprocess.PIPE, text=True)
    imported = subprocess.run([sys.executable, "-m", "mlwiki", "--root", str(fresh), "log", "import", str(log)],
                              capture_output=True, text=True, timeout=120)
    assert session.wait(timeout=120) == 0
    assert "Traceback" not in imported.stderr
    assert imported.returncode == 0 or len(imported.stderr.strip().splitlines()) == 1
    assert drifted(fresh) == []


def test_check_repair_replays_a_drifted_card(desk):  # noqa: F811
    root, _ = desk
    database = root / ".mlwiki" / "mlwiki.db"
    with sqlite3.connect(database) as conn:  # as a crash of an older mlwiki, or a hand edit, could leave it
        conn.execute("UPDATE cards SET stability = stability * 3, due = '2031-01-01T04:00:00+00:00' "
                     "WHERE id = (SELECT card_id FROM reviews LIMIT 1)")
    assert len(drifted(root)) == 1
    before = run(root, "check", "--json")
    assert before.exit_code == 1 and [p["code"] for p in json.loads(before.stdout)["problems"]] == ["replay"]
    repaired = run(root, "check", "--repair")
    assert repaired.exit_code == 0 and "Repaired 1 card(s)" in repaired.stderr
    assert drifted(root) == []
    assert run(root, "check", "--json").exit_code == 0
