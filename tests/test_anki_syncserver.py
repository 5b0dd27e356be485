"""A sync round trip through Anki's own sync server (`python -m anki.syncserver`, on 127.0.0.1 only): the
phone's reviews reach mlwiki by pull, mlwiki's reach the phone by push and an ordinary sync (never a full one),
and a review the phone had not synced yet survives."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from anki_world import close_enough, make_wiki, memory_states, review_due, run_json

anki_collection = pytest.importorskip("anki.collection")
Collection = anki_collection.Collection
NORMAL_SYNC_OR_NONE = (0, 1)  # SyncCollectionResponse.ChangesRequired: NO_CHANGES, NORMAL_SYNC
FULL_UPLOAD, FULL_DOWNLOAD = 4, 3


@pytest.fixture
def server(tmp_path: Path):
    """Anki's sync server on a free port of 127.0.0.1, with one user; its endpoint."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(os.environ, SYNC_USER1="me:secret", SYNC_BASE=str(tmp_path / "server"), SYNC_HOST="127.0.0.1",
               SYNC_PORT=str(port))
    process = subprocess.Popen([sys.executable, "-m", "anki.syncserver"], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.kill()
        process.wait()


def sync(path: Path, endpoint: str, full: int | None = None) -> int:
    """Sync the collection at `path`; a full upload/download only when `full` says which. The sync's kind."""
    col = Collection(str(path))
    try:
        auth = col.sync_login("me", "secret", endpoint)
        required = col.sync_collection(auth, False).required
        if full is not None:
            assert required in (2, 3, 4)
            col.full_upload_or_download(auth=auth, server_usn=None, upload=full == FULL_UPLOAD)
        return required
    finally:
        if col.db is not None:
            col.close()


def desk_and_phone(root: Path, tmp_path: Path, endpoint: str) -> tuple[Path, Path]:
    """The wiki reviewed four days ago at 04:01 UTC and exported; the desk's collection imports the package with
    its learning progress (FSRS on) and uploads it; the phone downloads it. (desk, phone) collection paths."""
    start = datetime.now(timezone.utc).replace(hour=4, minute=1, second=0, microsecond=0) - timedelta(days=4)
    review_due(root, start, lambda card: 3)
    package = run_json(root, "export", "-o", str(tmp_path / "decks"), now=start)["files"][0]["path"]
    desk, phone = tmp_path / "desk" / "collection.anki2", tmp_path / "phone" / "collection.anki2"
    desk.parent.mkdir()
    phone.parent.mkdir()
    col = Collection(str(desk))
    col.set_config("fsrs", True)
    options = anki_collection.ImportAnkiPackageOptions(merge_notetypes=True, with_scheduling=True,
                                                       with_deck_configs=False)
    col.import_anki_package(anki_collection.ImportAnkiPackageRequest(package_path=package, options=options))
    col.close()
    sync(desk, endpoint, full=FULL_UPLOAD)
    sync(phone, endpoint, full=FULL_DOWNLOAD)
    return desk, phone


def answer_all(path: Path, rating: int, limit: int | None = None) -> int:
    col = Collection(str(path))
    try:
        done = 0
        for cid in col.find_cards("deck:T")[:limit]:
            card = col.get_card(cid)
            card.start_timer()
            col.sched.answer_card(col.sched.build_answer(card=card, states=col._backend.get_scheduling_states(cid),
                                                         rating=rating - 1))
            done += 1
        return done
    finally:
        col.close()


@pytest.mark.slow
def test_phone_and_desk_end_with_one_history(tmp_path, server, monkeypatch):
    monkeypatch.setenv("ANKI_BASE", str(tmp_path / "no-anki-here"))
    root = make_wiki(tmp_path / "wiki")
    desk, phone = desk_and_phone(root, tmp_path, server)

    on_phone = answer_all(phone, 3)
    assert sync(phone, server) in NORMAL_SYNC_OR_NONE
    assert sync(desk, server) in NORMAL_SYNC_OR_NONE
    assert run_json(root, "anki", "pull", str(desk))["reviews_added"] == on_phone
    at_desk = review_due(root, datetime.now(timezone.utc), lambda card: 3)
    assert at_desk > 0
    pushed = run_json(root, "anki", "push", str(desk))
    assert pushed["revlog_added"] == at_desk
    unsynced = answer_all(phone, 4, limit=1)  # a phone review not yet synced when the desk syncs

    assert sync(desk, server) in NORMAL_SYNC_OR_NONE  # push forced no full sync
    assert sync(phone, server) in NORMAL_SYNC_OR_NONE
    assert sync(desk, server) in NORMAL_SYNC_OR_NONE
    desk_states, phone_states = memory_states(desk), memory_states(phone)
    assert {k: v["revlog"] for k, v in desk_states.items()} == {k: v["revlog"] for k, v in phone_states.items()}
    total = sum(len(v["revlog"]) for v in phone_states.values())
    assert run_json(root, "anki", "pull", str(desk))["reviews_added"] == unsynced
    log = run_json(root, "stats")["reviews_by_source"]
    assert log["mlwiki"]["total"] + log["anki"]["total"] == total
    for key, state in phone_states.items():
        assert close_enough(state["stability"], desk_states[key]["stability"])
