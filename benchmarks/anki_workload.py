"""The simulated learner of workload_bench.py, run in the real `anki` package (one process per day under
libfaketime), so mlwiki's figures can be compared with Anki's own load balancer and easy days.

Usage: python benchmarks/anki_workload.py [--cards 300] [--days 45] [--new 30]   (needs `faketime`)
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

from workload_bench import START, figures, learner_arguments, print_runs

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


def simulate(folder: Path, name: str, balance: bool, easy: list[float], args) -> dict:
    path = folder / f"{name}.anki2"
    done, result = [], {}
    env = dict(os.environ, TZ="UTC")
    env.pop("ANKI_TEST_MODE", None)  # Anki turns fuzz (and so the load balancer) off in its test mode
    for day in range(args.days):
        setup = {"balance": balance, "easy": easy, "new": args.new, "cards": args.cards} if day == 0 else {}
        when = (START + timedelta(days=day)).strftime("%Y-%m-%d %H:%M:%S")
        run = subprocess.run(["faketime", when, sys.executable, "-c", DAY_SCRIPT, str(path), json.dumps(setup)],
                             capture_output=True, text=True, env=env, timeout=300)
        if run.returncode:
            sys.exit(run.stderr)
        result = json.loads(run.stdout.strip().splitlines()[-1])
        done.append(result["reviews"])
    return figures(name, result["forecast"], done)


def main() -> None:
    args = learner_arguments(__doc__.splitlines()[0])
    if not shutil.which("faketime"):
        sys.exit("needs faketime (Debian package faketime)")
    with tempfile.TemporaryDirectory() as tmp:
        runs = [simulate(Path(tmp), "anki-plain", False, [1.0] * 7, args),
                simulate(Path(tmp), "anki-balanced", True, [1.0] * 7, args),
                simulate(Path(tmp), "anki-easy", True, [1.0] * 6 + [0.0], args)]
    print_runs(runs)
    print(f"\nAnki's CV drop with its load balancer: {1 - runs[1]['cv'] / runs[0]['cv']:.0%}")


if __name__ == "__main__":
    main()
