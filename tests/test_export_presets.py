"""Deck presets reach Anki (issue 26): `mlwiki export` writes `[review]` and each `[deck_options."…"]` preset as an
Anki deck option preset, and after an import with "Import deck presets" the real `anki` package schedules the
decks' cards with those parameters, retention, limits and easy days — the same days mlwiki gives."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone

from test_review_workload import MONDAY, cli_run, make_wiki, study

from mlwiki.config import load_config
from mlwiki.models import CardState, State
from mlwiki.review.presets import Schedulers
from mlwiki.scan.sync import open_synced

PRESETS = ('[deck_options."T::a"]\ndesired_retention = 0.8\nreviews_per_day = 50\nnew_per_day = 7\n'
           'maximum_interval = 400\neasy_days = { sun = 0.0, sat = 0.5 }\n')

ANKI_SCRIPT = r"""
import json, os, sys, time
os.environ["ANKI_TEST_MODE"] = "1"  # no fuzz, so the days compare exactly
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.cards import FSRSMemoryState
col = Collection(sys.argv[1])
col.set_config("fsrs", True)
options = ImportAnkiPackageOptions(merge_notetypes=True, with_scheduling=True, with_deck_configs=True)
for package in json.loads(sys.argv[2]):
    col.import_anki_package(ImportAnkiPackageRequest(package_path=package, options=options))
out = {"decks": {}, "days": {}}
for name in ("T::a", "T::b"):
    conf = col.decks.config_dict_for_deck_id(col.decks.id_for_name(name))
    out["decks"][name] = {k: conf.get(k) for k in ("name", "desiredRetention", "fsrsParams6", "easyDaysPercentages",
                                                   "reviewOrder")}
    out["decks"][name].update(new=conf["new"]["perDay"], rev=conf["rev"]["perDay"], maxIvl=conf["rev"]["maxIvl"],
                              steps=conf["new"]["delays"], relearn=conf["lapse"]["delays"])
now = int(time.time())
for name, s, d, prev in json.loads(sys.argv[3]):
    cid = col.find_cards(f'"deck:{name}"')[0]
    card = col.get_card(cid)
    card.type = card.queue = 2
    card.ivl, card.due, card.reps = prev, col.sched.today, 5
    card.memory_state = FSRSMemoryState(stability=s, difficulty=d)
    card.last_review_time = now - prev * 86400
    col.update_card(card)
    states = col._backend.get_scheduling_states(cid)
    out["days"].setdefault(name, []).append([x.normal.review.scheduled_days for x in (states.hard, states.good, states.easy)])
col.close()
print(json.dumps(out))
"""


def test_presets_become_anki_deck_options_and_schedule_alike(tmp_path):
    root = make_wiki(tmp_path / "w", extra=PRESETS, per_deck=3)
    study(root, MONDAY)
    cli_run(root, "export", now=MONDAY)
    packages = sorted(str(p) for p in (root / "decks").glob("*.apkg"))
    cases = [[deck, s, 5.0, prev] for deck in ("T::a", "T::b") for s, prev in ((3.0, 2), (12.0, 9), (80.0, 60))]
    env = {k: v for k, v in os.environ.items() if k != "ANKI_TEST_MODE"} | {"TZ": "UTC"}
    done = subprocess.run([sys.executable, "-c", ANKI_SCRIPT, str(tmp_path / "c.anki2"), json.dumps(packages),
                           json.dumps(cases)], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    anki = json.loads(done.stdout.strip().splitlines()[-1])
    a, b = anki["decks"]["T::a"], anki["decks"]["T::b"]
    assert (a["name"], b["name"]) == ("T::a (mlwiki)", "T (mlwiki)")
    assert abs(a["desiredRetention"] - 0.8) < 1e-6 and abs(b["desiredRetention"] - 0.9) < 1e-6
    assert (a["new"], a["rev"], a["maxIvl"]) == (7, 50, 400) and (b["new"], b["rev"]) == (10, 200)
    assert a["easyDaysPercentages"] == [1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.0] and a["steps"] == [1.0, 10.0]
    config = load_config(root)
    store, _ = open_synced(config, MONDAY, progress=False)
    now = datetime.now(timezone.utc)
    with store:
        schedulers = Schedulers(store, config)
        assert [round(x, 4) for x in a["fsrsParams6"]] == [round(x, 4) for x in schedulers.for_deck("T::a").fsrs.parameters]
        for (deck, s, d, prev), theirs in zip(cases, anki["days"]["T::a"] + anki["days"]["T::b"]):
            ours = schedulers.for_deck(deck)
            ours.fuzz = False
            last = now - timedelta(days=prev)
            state = CardState(state=State.REVIEW, stability=s, difficulty=d, last_review=last, reps=5,
                              due=ours.calendar.start(ours.calendar.number(last) + prev))
            assert [ours.outcome("c", state, r, now).interval.days for r in (2, 3, 4)] == theirs, (deck, s)
    assert anki["days"]["T::a"][2][1] > anki["days"]["T::b"][2][1]  # lower retention: longer intervals
