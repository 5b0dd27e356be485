"""Several simulated days of a learner with a desk (mlwiki + Anki desktop's collection) and a phone (a second
collection), syncing through Anki's own sync server on 127.0.0.1, every process under libfaketime at the same
offset (so Anki's days, the server's clock and mlwiki's clock agree). Prints, at the end and after each day, how
many cards agree: stability within 1 % of Anki's `compute_memory_state`, the same due study day in mlwiki and
Anki, revlogs equal on both devices; and the number of full syncs (must be 0).

Usage: python benchmarks/anki_learner.py [--days 8] [--seed 1]

Each day: the phone syncs, studies what is due (some Again), and syncs — except on some days it syncs only later;
the desk syncs, pulls, studies in mlwiki, pushes and syncs; then the phone syncs. The README's order.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

FAKETIME = shutil.which("faketime")
HERE = Path(__file__).resolve().parent.parent

NOTES = "".join(f"Q: Question {n} about the {topic}?\nA: Answer {n}.\n\n" for n, topic in
                enumerate(["gradient", "loss", "softmax", "entropy", "bias", "variance", "prior", "kernel"] * 3))
TWO_WAY = "".join(f"Term {n} ::: Definition {n} of a term\n\n" for n in range(6))

ANKI = r"""
import json, random, sys
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
path, action, arg = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
col = Collection(path)
out = {}
try:
    if action == "import":
        col.set_config("fsrs", True)
        options = ImportAnkiPackageOptions(merge_notetypes=True, with_scheduling=True, with_deck_configs=False)
        col.import_anki_package(ImportAnkiPackageRequest(package_path=arg, options=options))
    elif action == "sync":
        auth = col.sync_login("me", "secret", arg["endpoint"])
        required = col.sync_collection(auth, False).required
        if arg.get("full") is not None and required in (2, 3, 4):
            col.full_upload_or_download(auth=auth, server_usn=None, upload=arg["full"] == "upload")
        out["required"] = int(required)
    elif action == "study":
        rng = random.Random(arg["seed"])
        col.decks.select(col.decks.id_for_name("Sim"))
        done = 0
        while done < 200:
            queued = col.sched.get_queued_cards(fetch_limit=1)
            if not queued.cards:
                break
            card = col.get_card(queued.cards[0].card.id)
            card.start_timer()
            rating = 1 if rng.random() < arg["again"] else 3
            col.sched.answer_card(col.sched.build_answer(card=card, states=queued.cards[0].states, rating=rating - 1))
            done += 1
        out["answered"] = done
    elif action == "states":
        for cid in col.find_cards(""):
            card = col.get_card(cid)
            computed = col.compute_memory_state(cid)
            out[str(cid)] = {"guid": card.note().guid, "ord": card.ord, "type": card.type, "queue": card.queue,
                             "due": card.due, "stability": card.memory_state.stability if card.memory_state else None,
                             "computed": computed.stability, "today": col.sched.today,
                             "revlog": sorted(col.db.list("SELECT id FROM revlog WHERE cid = ?", cid))}
finally:
    col.close()
print(json.dumps(out))
"""

DESK_STUDY = r"""
import random, sys
from datetime import datetime, timedelta, timezone
from mlwiki.config import load_config
from mlwiki.review.queue import Filters
from mlwiki.review.session import ReviewSession
from mlwiki.scan.sync import open_synced
config = load_config(sys.argv[1])
rng = random.Random(int(sys.argv[2]))
store, _ = open_synced(config, datetime.now(timezone.utc), progress=False)
done = 0
with store:
    session = ReviewSession(store, config, lambda: datetime.now(timezone.utc), Filters())
    while session.current is not None and done < 200:
        session.answer(1 if rng.random() < float(sys.argv[3]) else 3)
        done += 1
print(done)
"""


class World:
    def __init__(self, folder: Path, days_back: int):
        self.folder, self.offset = folder, days_back
        self.root = folder / "wiki"
        self.desk = folder / "desk" / "collection.anki2"
        self.phone = folder / "phone" / "collection.anki2"
        self.full_syncs = 0
        self.server = None
        self.endpoint = ""

    def faked(self, cmd: list[str]) -> list[str]:
        return [FAKETIME, "-f", f"-{self.offset}d", *cmd]

    def run(self, cmd: list[str]) -> str:
        env = dict(os.environ, TZ="UTC", PYTHONPATH=str(HERE), ANKI_BASE=str(self.folder / "no-anki"))
        done = subprocess.run(self.faked(cmd), capture_output=True, text=True, env=env, timeout=300)
        if done.returncode != 0:
            raise RuntimeError(f"{cmd[:4]}: {done.stderr[-2000:]}")
        return done.stdout

    def anki(self, path: Path, action: str, arg) -> dict:
        return json.loads(self.run([sys.executable, "-c", ANKI, str(path), action, json.dumps(arg)]).splitlines()[-1])

    def mlwiki(self, *args: str) -> dict:
        return json.loads(self.run([sys.executable, "-m", "mlwiki", "--root", str(self.root), *args, "--json"]))

    def start_server(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        env = dict(os.environ, SYNC_USER1="me:secret", SYNC_BASE=str(self.folder / "server"), SYNC_HOST="127.0.0.1",
                   SYNC_PORT=str(port), TZ="UTC")
        log = open(self.folder / "server.log", "a")
        self.server = subprocess.Popen(self.faked([sys.executable, "-m", "anki.syncserver"]), env=env,
                                       stdout=log, stderr=log, start_new_session=True)
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or self.server.poll() is not None:
                    raise RuntimeError("the sync server did not start: "
                                       + (self.folder / "server.log").read_text()[-1500:]) from None
                time.sleep(0.05)
        self.endpoint = f"http://127.0.0.1:{port}/"

    def stop_server(self) -> None:
        import signal

        os.killpg(self.server.pid, signal.SIGKILL)  # faketime runs the server as its child: stop both
        self.server.wait()

    def sync(self, path: Path, full: str | None = None) -> None:
        required = self.anki(path, "sync", {"endpoint": self.endpoint, "full": full})["required"]
        if required in (2, 3, 4) and full is None:
            self.full_syncs += 1


def agreement(world: World) -> dict:
    """Cards within 1 % of Anki's compute_memory_state and due the same study day, on the desk collection."""
    states = world.anki(world.desk, "states", {})
    phone = world.anki(world.phone, "states", {})
    cards = world.mlwiki("cards")
    import genanki

    from mlwiki.ankiformat.cards import anki_ords
    from mlwiki.config import load_config
    from mlwiki.studyday import StudyCalendar

    calendar = StudyCalendar.from_settings(load_config(world.root).review)
    now = datetime.now(timezone.utc) - timedelta(days=world.offset)
    notes: dict[str, list] = {}
    for card in cards:
        notes.setdefault(card["note_id"], []).append(card)
    by_key = {(s["guid"], s["ord"]): s for s in states.values()}
    compared = memory = due = 0
    for note_id, group in notes.items():
        rows = [{"id": c["id"], "kind": c["kind"], "grp": c.get("group") or c.get("grp")} for c in group
                if not c["retired"]]
        for card_id, ord_ in anki_ords(rows).items():
            state = by_key.get((genanki.guid_for(note_id), ord_))
            card = next(c for c in group if c["id"] == card_id)
            if state is None or state["computed"] is None or not card.get("stability"):
                continue
            compared += 1
            close = abs(card["stability"] - state["computed"]) <= 0.01 * state["computed"] and \
                state["stability"] is not None and abs(state["stability"] - state["computed"]) <= 0.01 * state["computed"]
            memory += close
            if state["queue"] in (2, 3):
                due += calendar.days_until(datetime.fromisoformat(card["due"]), now) == state["due"] - state["today"]
            else:
                due += 1  # learning steps: minutes apart at most
    same_revlog = sum(states[k]["revlog"] == phone.get(k, {}).get("revlog") for k in states)
    return {"compared": compared, "memory_within_1pct": memory, "same_due_day": due,
            "revlog_equal_on_both_devices": f"{same_revlog}/{len(states)}", "full_syncs": world.full_syncs}


def _reasons(pushed: dict) -> str:
    from collections import Counter

    return ", ".join(f"{n} {why}" for why, n in Counter(c["repair"] for c in pushed["cards"] if "repair" in c).items()) \
        or "none"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not FAKETIME:
        sys.exit("needs faketime")
    folder = Path(tempfile.mkdtemp(prefix="mlwiki-learner-"))
    try:
        world = World(folder, args.days)
        world.root.mkdir(parents=True)
        (world.root / "mlwiki.toml").write_text('name = "Sim"\n[review]\ntimezone = "UTC"\n')
        (world.root / "notes").mkdir()
        (world.root / "notes" / "ml.md").write_text(f"# ML\n\n{NOTES}{TWO_WAY}")
        world.desk.parent.mkdir()
        world.phone.parent.mkdir()
        world.start_server()
        world.run([sys.executable, "-c", DESK_STUDY, str(world.root), str(args.seed), "0.1"])
        package = world.mlwiki("export", "-o", str(folder / "decks"))["files"][0]["path"]
        world.anki(world.desk, "import", package)
        world.sync(world.desk, full="upload")
        world.sync(world.phone, full="download")
        world.stop_server()
        for day in range(args.days):
            world.offset = args.days - day - 1
            world.start_server()
            late = day % 3 == 1  # the phone studies but syncs only after the desk pushed
            world.sync(world.phone)
            phone = world.anki(world.phone, "study", {"seed": args.seed * 100 + day, "again": 0.15})["answered"]
            if not late:
                world.sync(world.phone)
            world.sync(world.desk)
            t = time.perf_counter()
            pulled = world.mlwiki("anki", "pull", str(world.desk))
            pull_s = time.perf_counter() - t
            desk = int(world.run([sys.executable, "-c", DESK_STUDY, str(world.root), str(day), "0.1"]))
            pushed = world.mlwiki("anki", "push", str(world.desk))
            world.sync(world.desk)
            world.sync(world.phone)
            world.sync(world.desk)
            print(f"day {day + 1}: phone {phone} answers{' (synced late)' if late else ''}, pulled "
                  f"{pulled['reviews_added']} in {pull_s:.2f} s, desk {desk}, pushed {pushed['revlog_added']} "
                  f"(+{pushed['cards_repaired']} rows repaired: {_reasons(pushed)}, {pushed['waiting_for_pull']} waiting)",
                  flush=True)
            world.stop_server()
        world.start_server()
        for path in (world.phone, world.desk, world.phone):
            world.sync(path)
        pulled = world.mlwiki("anki", "pull", str(world.desk))
        pushed = world.mlwiki("anki", "push", str(world.desk))
        for path in (world.desk, world.phone, world.desk):
            world.sync(path)
        print(f"final pull {pulled['reviews_added']}, push {pushed['revlog_added']} "
              f"(+{pushed['cards_repaired']} repaired)")
        print(json.dumps(agreement(world)))
        world.stop_server()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
