"""`mlwiki reschedule` recomputes memory states under the current parameters, as Anki does when FSRS parameters
change, and moves due dates as Anki's "Reschedule cards on change" — checked against the real `anki` package on
the same review histories; no review is rewritten, and replays, later reviews and log files keep the result."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from anki_world import close_enough, review_due, run_json
from conftest import db_rows, run, write
from learner import TRUE
from mlwiki.config import load_config
from mlwiki.review.intervals import fuzz_bounds
from mlwiki.review.replay import verify_replay
from mlwiki.review.reschedule_events import Rescheduled, parse_detail
from mlwiki.scan.sync import open_synced
from mlwiki.store.parameters import save_parameters
from mlwiki.studyday import StudyCalendar

anki_collection = pytest.importorskip("anki.collection")

MONDAY = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)
NEW_PARAMETERS = [round(x, 4) for x in TRUE]  # FSRS-6 parameters other than the defaults the reviews were made with


def studied_wiki(root: Path, days: int = 12, cards: int = 24) -> Path:
    """A wiki whose cards were studied `days` mornings with the default parameters, some answers Again/Hard/Easy."""
    root.mkdir(parents=True)
    (root / "mlwiki.toml").write_text('name = "T"\n[review]\ntimezone = "UTC"\nnew_per_day = 8\n', encoding="utf-8")
    write(root, "notes/facts.md", "# Facts\n\n" + "".join(
        f"Q: What is fact {k} about optimizers?\nA: Answer {k}.\n\n" for k in range(cards)))
    rng = random.Random(7)
    for day in range(days):
        review_due(root, MONDAY + timedelta(days=day), lambda card: rng.choices((1, 2, 3, 4), (15, 10, 65, 10))[0])
    return root


def set_parameters(root: Path, when: datetime, values: list[float]) -> None:
    """What `mlwiki optimize` does when it keeps a fit: these parameters for new answers from now on."""
    store, _ = open_synced(load_config(root), when, progress=False)
    with store:
        save_parameters(store, when, "optimize", values)


def stored_cards(root: Path, when: datetime) -> dict[str, dict]:
    store, _ = open_synced(load_config(root), when, progress=False)
    with store:
        return {r["id"]: dict(zip(r.keys(), r)) for r in store.query("SELECT * FROM cards WHERE state > 0")}


def no_drift(root: Path, when: datetime) -> list[str]:
    config = load_config(root)
    store, _ = open_synced(config, when, progress=False)
    with store:
        return verify_replay(store, StudyCalendar.from_settings(config.review))


def anki_after_parameter_change(package: str, folder: Path) -> dict[str, dict]:
    """Import the export into a fresh Anki collection (FSRS on), then change the preset's FSRS parameters with
    "Reschedule cards on change" as the deck options screen does. Returns note GUID → Anki's card after it:
    memory state, its interval, and compute_memory_state under the new parameters."""
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
    from anki.deck_config_pb2 import UpdateDeckConfigsRequest

    col = Collection(str(folder / "collection.anki2"))
    try:
        col.set_config("fsrs", True)
        options = ImportAnkiPackageOptions(merge_notetypes=True, with_scheduling=True, with_deck_configs=False)
        col.import_anki_package(ImportAnkiPackageRequest(package_path=package, options=options))
        did = col.decks.id_for_name("T")
        current = col.decks.get_deck_configs_for_update(did)
        config = next(c.config for c in current.all_config if c.config.id == current.current_deck.config_id)
        del config.config.fsrs_params_6[:]
        config.config.fsrs_params_6.extend(NEW_PARAMETERS)
        col.decks.update_deck_configs(UpdateDeckConfigsRequest(
            target_deck_id=did, configs=[config],
            limits=current.current_deck.limits, fsrs=True, fsrs_reschedule=True))
        out = {}
        for cid in col.find_cards(""):
            card = col.get_card(cid)
            computed = col.compute_memory_state(cid)
            out[card.note().guid] = {"stability": card.memory_state.stability, "ivl": card.ivl, "type": card.type,
                                     "difficulty": card.memory_state.difficulty,
                                     "computed": (computed.stability, computed.difficulty)}
        return out
    finally:
        col.close()


def test_reschedule_recomputes_memory_states_and_due_dates_as_anki(tmp_path):
    import genanki

    root = studied_wiki(tmp_path / "w")
    when = MONDAY + timedelta(days=12)
    package = run_json(root, "export", "-o", str(tmp_path / "decks"), now=when)["files"][0]["path"]
    (tmp_path / "anki").mkdir()
    theirs = anki_after_parameter_change(package, tmp_path / "anki")

    before = stored_cards(root, when)
    set_parameters(root, when, NEW_PARAMETERS)
    plan = run_json(root, "reschedule", "--dry-run", now=when)
    assert stored_cards(root, when) == before  # a dry run changes nothing
    done = run_json(root, "reschedule", now=when)
    assert done["moved"] == plan["moved"] and done["recomputed"] == plan["recomputed"]
    ours = stored_cards(root, when)

    compared = memory_agrees = old_agreed = due_agrees = 0
    worst = 0.0
    config = load_config(root)
    calendar = StudyCalendar.from_settings(config.review)
    for card_id, card in ours.items():
        anki = theirs[genanki.guid_for(card["note_id"])]
        compared += 1
        # Anki's cards now hold the new state (stored to 4 decimals)
        assert abs(anki["stability"] - anki["computed"][0]) < 1e-4 + 1e-6 * anki["stability"]
        worst = max(worst, abs(card["stability"] / anki["computed"][0] - 1),
                    abs(card["difficulty"] / anki["computed"][1] - 1))
        memory_agrees += close_enough(card["stability"], anki["computed"][0], 1e-5) and \
            close_enough(card["difficulty"], anki["computed"][1], 1e-5)
        old_agreed += close_enough(before[card_id]["stability"], anki["computed"][0], 0.01)
        if card["state"] == 2 and anki["type"] == 2:
            days = calendar.number(datetime.fromisoformat(card["due"])) - \
                calendar.number(datetime.fromisoformat(card["last_review"]))
            interval = _interval(card["stability"])
            lower, upper = fuzz_bounds(interval, 1, 36500)
            # Anki draws with its own seeds (and counts): both inside Anki's fuzz range of the new interval
            due_agrees += lower - 1 <= days <= upper + 1 and lower - 1 <= anki["ivl"] <= upper + 1
    reviewed = sum(c["state"] == 2 for c in ours.values())
    print(f"reschedule vs Anki: {memory_agrees}/{compared} memory states within 0.001 % (worst {worst:.1e}), "
          f"{due_agrees}/{reviewed} review cards' intervals in the same fuzz range")
    assert compared >= 20 and memory_agrees == compared
    assert old_agreed <= compared // 2  # the new parameters changed most memory states
    assert due_agrees == reviewed
    assert done["recomputed"] + done["moved"] >= compared - 2


def _interval(stability: float, retention: float = 0.9) -> float:
    decay = -NEW_PARAMETERS[20]
    factor = 0.9 ** (1 / decay) - 1
    return stability / factor * (retention ** (1 / decay) - 1)


def test_reschedule_is_kept_by_replays_later_reviews_and_log_files(tmp_path):
    """No review is rewritten; `check` finds no drift after the reschedule nor after later reviews (they start
    from the recomputed state); a log export imported into a fresh wiki ends every card in the same state."""
    root = studied_wiki(tmp_path / "w", days=8, cards=12)
    when = MONDAY + timedelta(days=8)
    reviews = db_rows(root, "SELECT * FROM reviews ORDER BY id")
    set_parameters(root, when, NEW_PARAMETERS)
    done = run_json(root, "reschedule", now=when)
    assert done["recomputed"] + done["moved"] >= 10
    assert db_rows(root, "SELECT * FROM reviews ORDER BY id") == reviews
    assert no_drift(root, when) == []
    assert run_json(root, "reschedule", now=when)["moved"] == 0  # a second run changes nothing
    for day in range(8, 14):
        review_due(root, MONDAY + timedelta(days=day), lambda card: 3)
    end = MONDAY + timedelta(days=14)
    assert no_drift(root, end) == []
    ours = stored_cards(root, end)
    for fmt in ("jsonl", "csv"):
        run(root, "log", "export", str(tmp_path / f"log.{fmt}"), now=end)
        fresh = tmp_path / f"fresh-{fmt}"
        fresh.mkdir()
        (fresh / "mlwiki.toml").write_text((root / "mlwiki.toml").read_text())
        write(fresh, "notes/facts.md", (root / "notes/facts.md").read_text())
        assert run(fresh, "log", "import", str(tmp_path / f"log.{fmt}"), now=end).exit_code == 0
        theirs = stored_cards(fresh, end)
        for card_id, card in ours.items():
            assert (theirs[card_id]["due"], theirs[card_id]["state"]) == (card["due"], card["state"])
            assert theirs[card_id]["stability"] == pytest.approx(card["stability"], rel=1e-9)


def test_reschedule_event_details_round_trip():
    due = datetime(2026, 4, 1, 4, 0, tzinfo=timezone.utc)
    for event in (Rescheduled(due, 12.345678901234, 5.4321), Rescheduled(None, 3.2, 6.1), Rescheduled(due)):
        assert parse_detail(event.text()) == event
    assert parse_detail(due.isoformat()) == Rescheduled(due)  # written before memory states were recomputed
    for bad in ("2026-04-01T04:00:00+00:00 s=1", "- s=0 d=5", "- x=1 d=2", "- s=nan d=2", "tomorrow"):
        with pytest.raises(ValueError):
            parse_detail(bad)


def test_rescheduler_never_picks_a_day_before_today_and_moves_its_counts():
    """Anki's rescheduler: the range counted from the last review, cut at today (which weighs as what is due
    plus what was studied today); a range wholly in the past is left to the plain fuzz; each pick moves the
    preset's counts."""
    from mlwiki.review.balance import Rescheduler
    from mlwiki.review.intervals import FuzzPicker

    today, last = 100, 90  # last review 10 days ago
    counts = {None: {98: 3, 100: 4, 101: 9, 102: 1, 103: 9}}
    picks = [Rescheduler(counts, today, {None: 5}, lambda d: 0).pick(None, last, (1.0,) * 7, seed, FuzzPicker(0.0))
             .pick(11.0, 1, 36500) for seed in range(300)]
    lower, upper = fuzz_bounds(11.0, 1, 36500)
    assert lower < 10 and set(picks) <= set(range(10, upper + 1))  # never before today (day 10 from the review)
    assert max(set(picks), key=picks.count) == 12  # day 102: one card due
    overdue = Rescheduler(counts, today, {}, lambda d: 0).pick(None, 50, (1.0,) * 7, 1, FuzzPicker(0.0))
    assert overdue.pick(11.0, 1, 36500) == fuzz_bounds(11.0, 1, 36500)[0]  # the fallback's lowest day
    balancer = Rescheduler({None: {98: 3, 101: 9}}, today, {}, lambda d: 0)
    balancer.moved(None, 98, 101)
    assert balancer.counts[None] == {98: 2, 101: 10} and balancer.due_today[None] == 2
