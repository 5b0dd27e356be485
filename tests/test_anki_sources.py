"""Where `mlwiki anki pull` reads Anki's history from (issue 17): a collection file, a profile folder, the
standard profile location, a .colpkg backup, an .apkg exported with scheduling; a collection locked by a running
Anki (newest backup instead, said so); bad input (one clear line, no traceback); and nothing in Anki's folder
is ever written."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from anki_world import make_wiki, review_due, run, run_json

anki_collection = pytest.importorskip("anki.collection")
Collection = anki_collection.Collection

HOLD = ("from anki.collection import Collection; import sys, time; c = Collection(sys.argv[1]); "
        "print('open', flush=True); time.sleep(60)")  # Anki running: its collection open and locked


@pytest.fixture(autouse=True)
def no_real_anki(monkeypatch, tmp_path):
    """Never read the real Anki profiles of whoever runs the tests."""
    monkeypatch.setenv("ANKI_BASE", str(tmp_path / "no-anki-here"))


@pytest.fixture
def phone(tmp_path: Path):
    """A wiki exported into an Anki profile `Phone` (under ANKI_BASE-like folder), where every card was
    answered once."""
    root = make_wiki(tmp_path / "wiki")
    start = datetime.now(timezone.utc) - timedelta(days=3)
    review_due(root, start, lambda card: 3)
    package = Path(run_json(root, "export", "-o", str(tmp_path / "decks"), now=start)["files"][0]["path"])
    profile = tmp_path / "Anki2" / "Phone"
    profile.mkdir(parents=True)
    col = Collection(str(profile / "collection.anki2"))
    options = anki_collection.ImportAnkiPackageOptions(merge_notetypes=True, with_scheduling=True,
                                                       with_deck_configs=False)
    col.import_anki_package(anki_collection.ImportAnkiPackageRequest(package_path=str(package), options=options))
    answered = 0
    for cid in col.find_cards("deck:T"):
        card = col.get_card(cid)
        card.start_timer()
        col.sched.answer_card(col.sched.build_answer(card=card, states=col._backend.get_scheduling_states(cid),
                                                     rating=2))
        answered += 1
    col.close()
    return root, profile, answered


def folder_state(folder: Path) -> dict:
    return {p: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")}


def test_profile_folder_and_standard_location(phone, monkeypatch):
    root, profile, answered = phone
    before = folder_state(profile)
    assert run_json(root, "anki", "pull", str(profile), "--dry-run")["reviews_added"] == answered
    monkeypatch.setenv("ANKI_BASE", str(profile.parent))
    report = run_json(root, "anki", "pull")  # the only profile under ANKI_BASE
    assert report["reviews_added"] == answered and report["source"] == str(profile / "collection.anki2")
    assert folder_state(profile) == before  # nothing written beside Anki's collection, not even -wal/-shm
    (profile.parent / "Desk").mkdir()
    (profile.parent / "Desk" / "collection.anki2").write_bytes((profile / "collection.anki2").read_bytes())
    result = run(root, "anki", "pull")
    assert result.exit_code == 1 and "several Anki profiles (Desk, Phone); choose one with --profile" in result.output
    assert run_json(root, "anki", "pull", "--profile", "Desk")["reviews_added"] == 0
    result = run(root, "anki", "pull", "--profile", "Tablet")
    assert result.exit_code == 1 and "no Anki profile named 'Tablet'" in result.output


def test_colpkg_and_apkg_with_scheduling(phone, tmp_path):
    root, profile, answered = phone
    col = Collection(str(profile / "collection.anki2"))
    from anki.import_export_pb2 import ExportAnkiPackageOptions, ExportLimit

    col.export_anki_package(out_path=str(tmp_path / "deck.apkg"), limit=ExportLimit(whole_collection={}),
                            options=ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=False,
                                                             with_media=False, legacy=False))
    col.export_collection_package(str(tmp_path / "all.colpkg"), include_media=False, legacy=False)  # closes it
    with zipfile.ZipFile(tmp_path / "all.colpkg") as archive:
        assert "collection.anki21b" in archive.namelist()  # zstd-compressed SQLite
    assert run_json(root, "anki", "pull", str(tmp_path / "deck.apkg"), "--dry-run")["reviews_added"] == answered
    assert run_json(root, "anki", "pull", str(tmp_path / "all.colpkg"))["reviews_added"] == answered
    assert run_json(root, "anki", "pull", str(tmp_path / "deck.apkg"))["reviews_added"] == 0


def test_open_collection_is_read_from_its_newest_backup(phone):
    root, profile, answered = phone
    path = profile / "collection.anki2"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        result = run(root, "anki", "pull", str(path))  # no backup yet
        assert result.exit_code == 1 and "open in Anki" in result.output and "Traceback" not in result.output
        pushed = run(root, "anki", "push", str(path))
        assert pushed.exit_code == 1 and "Anki has this collection open" in pushed.output
    finally:
        holder.kill()
        holder.wait()
    (profile / "backups").mkdir()
    col = Collection(str(path))
    col.create_backup(backup_folder=str(profile / "backups"), force=True, wait_for_completion=True)
    col.close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        result = run(root, "anki", "pull", str(profile))
        assert result.exit_code == 0, result.output
        assert "open in Anki; read its newest backup backup-" in result.output
        assert f"added {answered} review(s)" in result.output
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.parametrize("content, message", [
    (b"this is not an Anki file" * 50, "not an Anki collection or package"),
    (b"SQLite format 3\x00" + b"\x00" * 4000, "not an Anki collection"),
], ids=["garbage", "damaged-sqlite"])
def test_corrupt_or_foreign_file_gives_one_line(phone, tmp_path, content, message):
    root, _, _ = phone
    bad = tmp_path / "collection.anki2"
    bad.write_bytes(content)
    for command in ("pull", "push"):
        result = run(root, "anki", command, str(bad))
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert len(result.output.strip().splitlines()) == 1 and str(bad) in result.output
    assert message in run(root, "anki", "pull", str(bad)).output


def test_foreign_sqlite_and_zip_without_collection(phone, tmp_path):
    root, _, _ = phone
    import sqlite3

    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.close()
    result = run(root, "anki", "pull", str(other))
    assert result.exit_code == 1 and "not an Anki collection" in result.output and str(other) in result.output
    empty = tmp_path / "empty.apkg"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("readme.txt", "hello")
    result = run(root, "anki", "pull", str(empty))
    assert result.exit_code == 1 and "not an Anki package (no collection inside)" in result.output
    result = run(root, "anki", "pull", str(tmp_path / "missing.colpkg"))
    assert result.exit_code == 1 and "no such file or folder" in result.output
    result = run(root, "anki", "push", str(empty))
    assert result.exit_code == 1 and "not into a package" in result.output


KILLED = r"""
import os, sys
from anki.collection import Collection
col = Collection(sys.argv[1])
cid = col.find_cards("deck:T")[0]  # not the queue: near Anki's 04:00 rollover nothing may be due
card = col.get_card(cid)
card.start_timer()
col.sched.answer_card(col.sched.build_answer(card=card, states=col._backend.get_scheduling_states(cid), rating=0))
os._exit(0)  # Anki killed: the answer is only in the write-ahead log
"""


def test_a_killed_anki_leaves_its_last_answers_in_the_wal_and_they_are_read(phone):
    root, profile, answered = phone
    path = profile / "collection.anki2"
    first = run_json(root, "anki", "pull", str(path))
    assert first["reviews_added"] == answered
    subprocess.run([sys.executable, "-c", KILLED, str(path)], check=True, timeout=60)
    assert (profile / "collection.anki2-wal").is_file()
    before = folder_state(profile)
    report = run_json(root, "anki", "pull", str(path))
    assert report["reviews_added"] == 1 and report["already_present"] == first["already_present"] + answered
    assert folder_state(profile) == before
