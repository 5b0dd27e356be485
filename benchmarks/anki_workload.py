"""The simulated learner of workload_bench.py, run in the real `anki` package (one process per day under
libfaketime), so mlwiki's figures can be compared with Anki's own load balancer and easy days.

Usage: python benchmarks/anki_workload.py [--cards 300] [--days 45] [--new 30] [--seeds 10]   (needs `faketime`)

Each seed is a fresh collection: Anki seeds its fuzz (and the load balancer's draw) with the card id, a creation
time in milliseconds, so each run draws differently. Prints the CV drop per seed and its mean ± sd, as
workload_bench.py does for mlwiki.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from workload_bench import START, figures, learner_arguments, print_drops, print_runs

DAY_SCRIPT = r"""
import json, sys
from anki.collection import Collection
path, setup = sys.argv[1], json.loads(sys.argv[2])
col = Collection(path)
if setup:
    col.set_config("fsrs", True)
    col.set_config("rollover", 4)
    col.load_balancer_enabled = setup["balance"]
    conf = col.decks.get_config(1)
    conf["new"]["perDay"] = setup["new"]
    conf["rev"]["perDay"] = 100000
    conf["easyDaysPercentages"] = setup["easy"]
    col.decks.save(conf)
    model = col.models.by_name("Basic")
    for deck in ("math", "dl"):
        did = col.decks.id(f"Bench::{deck}")
        for k in range(setup["cards"] // 2):
            note = col.new_note(model)
            note["Front"], note["Back"] = f"Question {deck}-{k}", f"Answer {deck}-{k}"
            col.add_note(note, did)
col.decks.select(col.decks.id("Bench"))
reviews = 0
while True:
    queued = col.sched.get_queued_cards(fetch_limit=1)
    if not queued.cards:
        break
    card = col.get_card(queued.cards[0].card.id)
    reviews += card.type == 2 and card.queue == 2
    card.start_timer()
    col.sched.answer_card(col.sched.build_answer(card=card, states=queued.cards[0].states, rating=2))
today = col.sched.today
due = col.db.list("SELECT due FROM cards WHERE queue = 2")
col.close()
print(json.dumps({"reviews": reviews, "forecast": [sum(1 for d in due if d - today == k) for k in range(1, 31)]}))
"""


LIBFAKETIME = Path("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")


def _faked(when: str, env: dict) -> list[str]:
    """The command prefix that starts the clock at `when`: libfaketime preloaded directly where it is installed
    (the `faketime` wrapper's semaphores collide with stale ones left in /dev/shm), else the wrapper."""
    if LIBFAKETIME.exists():
        env.update(LD_PRELOAD=str(LIBFAKETIME), FAKETIME=f"@{when}")
        return []
    return ["faketime", when]


def simulate(folder: Path, name: str, balance: bool, easy: list[float], args) -> dict:
    path = folder / f"{name}.anki2"
    done, result = [], {}
    env = dict(os.environ, TZ="UTC")
    env.pop("ANKI_TEST_MODE", None)  # Anki turns fuzz (and so the load balancer) off in its test mode
    for day in range(args.days):
        setup = {"balance": balance, "easy": easy, "new": args.new, "cards": args.cards} if day == 0 else {}
        when = (START + timedelta(days=day)).strftime("%Y-%m-%d %H:%M:%S")
        run = subprocess.run([*_faked(when, env), sys.executable, "-c", DAY_SCRIPT, str(path), json.dumps(setup)],
                             capture_output=True, text=True, env=env, timeout=300)
        if run.returncode:
            sys.exit(run.stderr)
        result = json.loads(run.stdout.strip().splitlines()[-1])
        done.append(result["reviews"])
    return figures(name, result["forecast"], done)


def main() -> None:
    args = learner_arguments(__doc__.splitlines()[0])
    if not (LIBFAKETIME.exists() or shutil.which("faketime")):
        sys.exit("needs faketime (Debian package faketime)")
    pairs = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(args.seeds):
            pairs.append((simulate(Path(tmp), f"anki-plain-{seed}", False, [1.0] * 7, args),
                          simulate(Path(tmp), f"anki-balanced-{seed}", True, [1.0] * 7, args)))
            print(f"seed {seed}: CV {pairs[-1][0]['cv']:.3f} -> {pairs[-1][1]['cv']:.3f}", flush=True)
        easy = simulate(Path(tmp), "anki-easy", True, [1.0] * 6 + [0.0], args)
    print_runs([*pairs[0], easy])
    print_drops(pairs, "Anki")


if __name__ == "__main__":
    main()
