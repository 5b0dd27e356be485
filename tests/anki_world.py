"""A small world for the Anki sync tests: a wiki with cards of every kind, reviews made through mlwiki's own
review session at chosen times, and an Anki collection driven by the real `anki` package (in this process, or
in a subprocess under libfaketime when Anki must answer on past days)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path


from conftest import write, run as run_cli
from mlwiki.config import load_config
from mlwiki.review.queue import Filters
from mlwiki.review.session import ReviewSession
from mlwiki.scan.sync import open_synced

NOTES = """---
tags: [sync]
---
# Memory

Q: What two numbers does FSRS keep per card?
A: Stability and difficulty.

Precision ::: TP / (TP + FP)

Retrievability after {{c1::one stability}} of elapsed time is {{c2::90 percent}}.

Q: Which optimizer keeps two moment estimates?
A: Adam.
"""

FAKETIME = shutil.which("faketime")
# The library itself, preloaded with FAKETIME in the environment: the `faketime` wrapper keeps a semaphore named
# after its pid in /dev/shm, and one left by a killed run makes a later process of the same pid fail to start
_LIBFAKETIME_FOLDERS = ("/usr/lib/x86_64-linux-gnu/faketime", "/usr/lib/aarch64-linux-gnu/faketime",
                        "/usr/lib/faketime", "/usr/local/lib/faketime")
_LIBFAKETIME = next((str(lib) for folder in _LIBFAKETIME_FOLDERS
                     if (lib := Path(folder) / "libfaketime.so.1").is_file()), None)


def make_wiki(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "mlwiki.toml").write_text('name = "T"\n[review]\ntimezone = "UTC"\n', encoding="utf-8")
    write(root, "notes/memory.md", NOTES)
    return root


def run(root: Path, *args: str, now: datetime | None = None, input: str | None = None):
    """The mlwiki command line, as a user runs it (click's runner; no `now`: the real clock)."""
    return run_cli(root, *args, now=now, input=input)


def run_json(root: Path, *args: str, now: datetime | None = None) -> dict:
    result = run(root, *args, "--json", now=now)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def review_due(root: Path, when: datetime, rating_of, limit: int | None = None) -> int:
    """Answer every card due at `when` in mlwiki (rating_of(card row) → 1–4), a minute apart. Returns count."""
    config = load_config(root)
    store, _ = open_synced(config, when, progress=False)
    clock = {"now": when}
    done = 0
    with store:
        session = ReviewSession(store, config, lambda: clock["now"], Filters())
        while session.current is not None and (limit is None or done < limit):
            session.answer(rating_of(session.current))
            clock["now"] += timedelta(minutes=1)
            done += 1
    return done


def mlwiki_cards(root: Path, now: datetime) -> dict[str, dict]:
    """card id → its row (state, stability, difficulty, due …), read through a fresh store."""
    config = load_config(root)
    store, _ = open_synced(config, now, progress=False)
    with store:
        return {r["id"]: dict(zip(r.keys(), r)) for r in store.query("SELECT * FROM cards WHERE retired = 0")}


# --- Anki side ---------------------------------------------------------------------------------------------

ANKI_SCRIPT = r"""
import json, sys
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
path, steps = sys.argv[1], json.loads(sys.argv[2])
col = Collection(path)
out = {}
for step in steps:
    kind = step[0]
    if kind == "fsrs":
        col.set_config("fsrs", True)
    elif kind == "import":
        options = ImportAnkiPackageOptions(merge_notetypes=True, with_scheduling=True, with_deck_configs=False)
        log = col.import_anki_package(ImportAnkiPackageRequest(package_path=step[1], options=options)).log
        out.setdefault("imported", []).append(len(log.new))
    elif kind == "answer_due":  # answer what a deck (T) has due: first answer by card ord (1-4), then Good
        col.decks.select(col.decks.id_for_name(step[2] if len(step) > 2 else "T"))
        answered, seen = 0, set()
        while answered < 100:
            queued = col.sched.get_queued_cards(fetch_limit=1)
            if not queued.cards:
                break
            card = col.get_card(queued.cards[0].card.id)
            card.start_timer()
            rating = 3 if card.id in seen else step[1].get(str(card.ord), 3)
            seen.add(card.id)
            col.sched.answer_card(col.sched.build_answer(card=card, states=queued.cards[0].states,
                                                         rating=rating - 1))
            answered += 1
        out.setdefault("answered", []).append(answered)
col.close()
print(json.dumps(out))
"""


def anki(path: Path, steps: list, at: datetime | None = None) -> dict:
    """Run steps on the collection at `path` in a fresh process (at a faked UTC time when `at` is given)."""
    cmd = [sys.executable, "-c", ANKI_SCRIPT, str(path), json.dumps(steps)]
    env = dict(os.environ, TZ="UTC")
    if at is not None:
        start = at.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
        if _LIBFAKETIME:
            env.update(LD_PRELOAD=_LIBFAKETIME, FAKETIME=f"@{start}", DONT_FAKE_MONOTONIC="1")
        else:
            cmd = [FAKETIME, start, *cmd]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def memory_states(path: Path) -> dict[tuple[str, int], dict]:
    """(note GUID, ord) → Anki's card memory state, last review, Anki's own replay, revlog ids, queue."""
    from anki.collection import Collection

    col = Collection(str(path))
    try:
        out = {}
        for cid in col.find_cards(""):
            card = col.get_card(cid)
            note = card.note()
            computed = col.compute_memory_state(cid)
            out[(note.guid, card.ord)] = {
                "cid": cid, "type": card.type, "queue": card.queue, "due": card.due, "ivl": card.ivl,
                "stability": card.memory_state.stability if card.memory_state else None,
                "difficulty": card.memory_state.difficulty if card.memory_state else None,
                "computed": (computed.stability, computed.difficulty),
                "last_review": card.last_review_time,
                "revlog": sorted(col.db.list("SELECT id FROM revlog WHERE cid = ?", cid)),
                "today": col.sched.today,
            }
        return out
    finally:
        col.close()


def close_enough(a: float, b: float, rel: float = 0.01) -> bool:
    return abs(a - b) <= rel * max(abs(a), abs(b))
