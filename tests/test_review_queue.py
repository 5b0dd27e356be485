"""The queue in Anki's v3 order, review cards due by study day, the upgrade replay, and one answer to "what is
due" across `due`, the session header, the end-of-session line and `stats` (issue 15)."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from conftest import write
from mlwiki.cli import cli
from mlwiki.config import load_config
from mlwiki.models import State
from mlwiki.review.replay import verify_replay
from mlwiki.review.queue import Filters, build_queue, mix
from mlwiki.review.session import ReviewSession
from mlwiki.scan.sync import open_synced
from mlwiki.store.backup import list_backups
from mlwiki.store.cards import CardFilter
from mlwiki.store.db import REPLAY_PENDING
from mlwiki.store.migrations import SCHEMA_VERSION
from mlwiki.studyday import StudyCalendar

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
QA = "".join(f"Q: Question {n} about optimizers?\nA: Answer {n}\n\n" for n in range(6))


def invoke(root: Path, now: datetime, *args: str, input: str | None = None):
    result = CliRunner().invoke(cli, ["--root", str(root), "--now", now.isoformat(), *args], input=input,
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def session(root: Path, clock: dict, **filters) -> tuple:
    config = load_config(root)
    store, _ = open_synced(config, clock["now"], progress=False)
    return store, ReviewSession(store, config, lambda: clock["now"], Filters(**filters))


def answer_all_new(root: Path, clock: dict, ratings: list[int]) -> list[str]:
    """Answer new cards in queue order with `ratings`, ten seconds apart; the ids answered."""
    store, s = session(root, clock)
    done = []
    with store:
        for rating in ratings:
            assert s.current is not None and s.current.state.state == State.NEW
            done.append(s.current.id)
            s.answer(rating)
            clock["now"] += timedelta(seconds=10)
    return done


# --- order -----------------------------------------------------------------------------------------------


def test_mix_spreads_new_cards_like_ankis_intersperser():
    reviews, new = [f"r{i}" for i in range(6)], [f"n{i}" for i in range(2)]
    assert mix(reviews, new, "mix") == ["r0", "r1", "n0", "r2", "r3", "n1", "r4", "r5"]
    assert mix(reviews, new, "after") == reviews + new and mix(reviews, new, "before") == new + reviews
    for n_reviews in range(8):
        for n_new in range(8):
            mixed = mix(list(range(n_reviews)), list(range(100, 100 + n_new)), "mix")
            assert sorted(mixed) == list(range(n_reviews)) + list(range(100, 100 + n_new))


def test_learning_card_not_yet_due_waits_behind_new_cards_then_learns_ahead(wiki):
    """A card answered Again (due in 1 minute) does not jump ahead of waiting new cards; when nothing else is left
    it is shown up to 20 minutes early; a card due later than that ends the session."""
    write(wiki, "notes/a.md", QA)
    clock = {"now": NOW}
    store, s = session(wiki, clock)
    with store:
        first = s.current.id
        s.answer(1)  # Again: learning, due 09:01
        shown = []
        while s.current is not None and s.current.id != first:
            shown.append(s.current.state.state)
            s.answer(3)  # Good: learning step 10 minutes
        assert shown == [State.NEW] * 5, "every waiting new card comes before the learning card"
        assert s.current is not None and s.current.id == first  # learned ahead, due 09:01, nothing else left
        s.answer(3)  # 10-minute step: due 09:10
        # the other five cards are due 09:10 too; all within 20 minutes: learned ahead in due order
        assert s.current is not None and s.current.state.state == State.LEARNING
        clock["now"] = NOW + timedelta(minutes=1)
        s.reload()
        assert s.remaining == {"learning": 6, "review": 0, "new": 0}


@pytest.mark.parametrize("limit", ["5m", "0m"])  # 0: no learning ahead at all, as Anki's limit of 0 minutes
def test_learn_ahead_limit_is_configurable(wiki, limit):
    write(wiki, "notes/a.md", QA)
    (wiki / "mlwiki.toml").write_text(f'name = "T"\n[review]\ntimezone = "UTC"\nlearn_ahead = "{limit}"\n')
    clock = {"now": NOW}
    store, s = session(wiki, clock, limit=1)
    with store:
        s.answer(3)  # Good: due in 10 minutes, beyond the 5-minute limit
        assert s.current is None
        due = s.finish().due
        assert (due.learning, due.later_today) == (0, 1)
        assert due.next_due == NOW + timedelta(minutes=10)


def test_learning_due_now_comes_first_then_reviews_mixed_with_new(wiki):
    write(wiki, "notes/a.md", QA)
    clock = {"now": NOW}
    ids = answer_all_new(wiki, clock, [1, 4, 4, 4])  # one learning card, three reviews
    clock["now"] = NOW + timedelta(days=30)
    store, s = session(wiki, clock)
    with store:
        queue = build_queue(store, s.settings, clock["now"])
        assert [cid for _, cid in queue.learning] == ids[:1]
        assert [kind for kind, _ in queue.main] == ["review", "new", "review", "new", "review"]
        order = []
        while s.current is not None:
            order.append(s.current.id)
            s.answer(4)
        assert order == ids[:1] + [cid for _, cid in queue.main]


def test_edited_card_stays_on_screen(wiki):
    write(wiki, "notes/a.md", QA)
    clock = {"now": NOW}
    store, s = session(wiki, clock)
    with store:
        s.answer(3)
        on_screen = s.current.id
        clock["now"] += timedelta(minutes=12)  # the first card's 10-minute step is due now
        write(wiki, "notes/a.md", QA.replace("Answer 1", "Answer one, edited"))
        from mlwiki.scan.sync import scan

        scan(store, load_config(wiki), clock["now"])
        s.reload(keep_current=True)
        assert s.current.id == on_screen and s.current.back == "Answer one, edited"
        assert on_screen not in [cid for _, cid in s.queue.main]


# --- review cards are due by study day ---------------------------------------------------------------------


def test_review_card_is_due_from_the_start_of_its_study_day(wiki):
    """New York, day starts at 04:00: a card answered Easy at 20:00 is due at 04:00 local on its day (not 20:00),
    and the button labels and `due` speak in days."""
    (wiki / "mlwiki.toml").write_text('name = "T"\n[review]\ntimezone = "America/New_York"\nfuzz = false\n')
    write(wiki, "notes/a.md", "Q: Easy one about ReLU?\nA: max(0, x)\n")
    zone = ZoneInfo("America/New_York")
    evening = datetime(2026, 3, 2, 20, 0, tzinfo=zone)
    out = invoke(wiki, evening, "review", "--plain", input="\n4\n").output
    assert "4 Easy 8d" in out
    store, _ = open_synced(load_config(wiki), evening, progress=False)
    with store:
        due = datetime.fromisoformat(store.query("SELECT due FROM cards")[0][0]).astimezone(zone)
    assert (due.date(), due.hour, due.minute) == ((evening + timedelta(days=8)).date(), 4, 0)
    assert "Next card due Tue 2026-03-10 (in 8 days)." in invoke(wiki, evening + timedelta(minutes=5), "due").output
    before = json.loads(invoke(wiki, due - timedelta(minutes=1), "due", "--json").output)
    after = json.loads(invoke(wiki, due, "due", "--json").stdout)
    assert (before["review"], after["review"]) == (0, 1)
    assert before["next_due_is_day"] and before["next_due_in_days"] == 1  # 03:59 still belongs to the day before


# --- upgrading -------------------------------------------------------------------------------------------


def test_upgrade_replays_every_card_and_keeps_the_log(wiki):
    write(wiki, "notes/a.md", QA)
    clock = {"now": NOW}
    answer_all_new(wiki, clock, [3, 4, 4, 2, 4, 4])
    db = wiki / ".mlwiki" / "mlwiki.db"
    conn = sqlite3.connect(db)
    log_before = conn.execute("SELECT * FROM reviews ORDER BY id").fetchall()
    # the previous release: schema 5, review cards due at the time of day they were answered
    conn.execute("UPDATE cards SET due = strftime('%Y-%m-%dT%H:%M:%f+00:00', due, '+5 hours') WHERE state = 2")
    moved = conn.execute("SELECT count(*) FROM cards WHERE state = 2").fetchone()[0]
    conn.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '006_replay_on_study_days'")
    conn.commit()
    conn.close()
    out = CliRunner().invoke(cli, ["--root", str(wiki), "--now", (NOW + timedelta(hours=1)).isoformat(), "due"])
    assert out.exit_code == 0
    assert f"replayed 6 cards from the review log (the log is unchanged); {moved} cards' due dates moved" in out.output
    (backup,) = [b for b in list_backups(load_config(wiki)) if "before-migration-5-to" in b.path.name]
    assert str(backup.path) in out.output
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT * FROM reviews ORDER BY id").fetchall() == log_before
    assert conn.execute("SELECT value FROM meta WHERE key = ?", (REPLAY_PENDING,)).fetchall() == []
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    conn.close()
    store, _ = open_synced(load_config(wiki), NOW, progress=False)
    with store:
        assert verify_replay(store, StudyCalendar.from_settings(load_config(wiki).review)) == []
    again = CliRunner().invoke(cli, ["--root", str(wiki), "--now", NOW.isoformat(), "due"])
    assert "replayed" not in again.output  # once


# --- one answer to "what is due" -------------------------------------------------------------------------

AGREEMENT_NOTES = {
    "notes/opt/adam.md": "---\ntags: [optim]\n---\n" + QA,
    "notes/opt/sub/sgd.md": "---\ndeck: T::opt::sub\n---\nThe SGD update uses {{c1::the gradient}}, "
                            "{{c2::a learning rate}} and {{c3::a minibatch}}.\n\nMomentum ::: velocity\n",
    "notes/prob/bayes.md": "---\ntags: [optim::bayes]\n---\nPrior :: belief before data\n\nPosterior :: belief after"
                           " data\n\nQ: Likelihood?\nA: p(data | theta)\n",
}
FILTERS = [[], ["--deck", "t::opt"], ["--deck", "T::opt::sub"], ["--tag", "optim"], ["--path", "notes/prob"],
           ["--tag", "optim::bayes", "--deck", "T::prob"]]


OFFSETS = (timedelta(minutes=43), timedelta(minutes=58), timedelta(minutes=75), timedelta(hours=7),
           timedelta(days=1, hours=1), timedelta(days=3), timedelta(days=9))


def header_counts(text: str) -> tuple[int, int, int] | None:
    match = re.search(r"learning (\d+) · review (\d+) · new (\d+)", text)
    return tuple(int(g) for g in match.groups()) if match else None


def agreement_world(wiki: Path) -> dict:
    """Cards in every state: reviews due at several days, learning and relearning, a suspended card, a buried
    card, and cloze siblings of which one was answered."""
    (wiki / "mlwiki.toml").write_text('name = "T"\n[review]\ntimezone = "Asia/Tokyo"\nnew_per_day = 9\n'
                                      'learning_steps = ["1m", "45m"]\n')
    for rel, text in AGREEMENT_NOTES.items():
        write(wiki, rel, text)
    start = datetime(2026, 3, 2, 8, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
    clock = {"now": start}
    store, s = session(wiki, clock, new=99)
    ratings = iter([3, 4, 1, 4, 2, 3, 4, 1, 3, 4, 3, 4, 4, 3])
    with store:
        actions = 0
        while s.current is not None and actions < 14:
            if actions == 5:
                s.suspend()
            elif actions == 9:
                s.bury()
            else:
                s.answer(next(ratings))
            actions += 1
            clock["now"] += timedelta(minutes=3)
    return {"start": start}


@pytest.mark.slow
def test_due_header_end_line_and_stats_agree(wiki):
    start = agreement_world(wiki)["start"]
    for offset in OFFSETS:
        now = start + offset
        for selection in FILTERS:
            due = json.loads(invoke(wiki, now, "due", "--json", *selection).stdout)
            counts = (due["learning"], due["review"], due["new"])
            review = invoke(wiki, now, "review", "--plain", *selection, input="q\n").output
            lines = review.splitlines()
            if sum(counts):
                assert header_counts(lines[0]) == counts, (offset, selection, review)
                # quitting at once: the end line says what is still due, as `due` does
                assert header_counts(lines[-1]) == counts, (offset, selection, review)
            else:
                assert review.startswith("Nothing due now."), (offset, selection, review)
            text_due = invoke(wiki, now, "due", *selection).output.splitlines()[-1]
            next_part = re.search(r"Next card due [^.]*\.", lines[-1])
            assert (next_part.group(0) if next_part else None) == \
                (re.search(r"Next card due [^.]*\.", text_due).group(0) if "Next card due" in text_due else None)
            if due["next_due"]:
                assert datetime.fromisoformat(due["next_due"]) > now  # never a time already past
                assert "(in 0m)" not in lines[-1] and "(in 0 days)" not in lines[-1]
            stats = json.loads(invoke(wiki, now, "stats", "--json", *selection).stdout)
            assert stats["due_today"] == due["learning"] + due["later_today"] + due["review"], (offset, selection)
            assert stats["forecast"][0]["count"] == stats["due_today"]
            per_deck = {d["name"]: d["due_today"] for d in stats["decks"]}
            for row in due["decks"]:
                assert per_deck[row["deck"]] == row["learning"] + row["later_today"] + row["review"]


def test_counts_leave_out_suspended_buried_and_sibling_cards(wiki):
    start = agreement_world(wiki)["start"]
    now = start + timedelta(hours=2)
    store, _ = open_synced(load_config(wiki), now, progress=False)
    with store:
        rows = store.query("SELECT id, note_id, state, suspended, buried_until FROM cards")
    suspended = {r["id"] for r in rows if r["suspended"]}
    buried = {r["id"] for r in rows if r["buried_until"]}
    assert len(suspended) == 1 and len(buried) == 1
    due = json.loads(invoke(wiki, now, "due", "--json").stdout)
    config = load_config(wiki)
    store, _ = open_synced(config, now, progress=False)
    with store:
        queue = build_queue(store, config.review, now)
        queued = {cid for _, cid in queue.learning} | {cid for _, cid in queue.main}
        notes = [r["note_id"] for r in rows if r["id"] in {cid for _, cid in queue.main}]
    assert not queued & (suspended | buried)
    assert len(notes) == len(set(notes)), "one card per note in the main queue"
    assert due["learning"] + due["later_today"] + due["review"] + due["new"] == len(queued)


def test_filter_matching_nothing_says_so(wiki):
    agreement_world(wiki)
    now = datetime(2026, 3, 3, 9, 0, tzinfo=timezone.utc)
    for command in (["due"], ["review", "--plain"]):
        result = CliRunner().invoke(cli, ["--root", str(wiki), "--now", now.isoformat(), *command, "--deck", "Nope"],
                                    input="")
        assert result.exit_code == 0 and "No cards match --deck Nope." in result.output
    due = json.loads(invoke(wiki, now, "due", "--json", "--deck", "Nope").stdout)
    assert (due["matched"], due["new_waiting"], due["next_due"]) == (0, 0, None)
    sub = json.loads(invoke(wiki, now, "due", "--json", "--deck", "T::opt::sub").stdout)
    whole = json.loads(invoke(wiki, now, "due", "--json").stdout)
    assert sub["new_waiting"] < whole["new_waiting"] and sub["matched"] < whole["matched"]
    assert CardFilter(deck="Nope").describe() == "--deck Nope"


@pytest.mark.slow
@hsettings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=st.lists(st.sampled_from(["1", "2", "3", "4", "s", "b"]), min_size=1, max_size=25),
       gaps=st.lists(st.integers(0, 60 * 30), min_size=25, max_size=25),
       later=st.integers(0, 60 * 24 * 12), number=st.integers(0, len(FILTERS) - 1))
def test_due_and_a_new_session_agree_after_any_answers(tmp_path_factory, actions, gaps, later, number):
    """Whatever was answered, suspended or buried, at any later moment and for any filter: the counts of
    `due_summary` equal a new session's header, and stats' due today equals its learning + later + review."""
    from mlwiki.review.queue import due_summary
    from mlwiki.stats.compute import compute_stats

    wiki = tmp_path_factory.mktemp("prop")
    (wiki / "mlwiki.toml").write_text('name = "T"\n[review]\ntimezone = "America/New_York"\n')
    for rel, text in AGREEMENT_NOTES.items():
        write(wiki, rel, text)
    clock = {"now": datetime(2026, 10, 30, 22, 0, tzinfo=timezone.utc)}  # New York's clocks change on 1 Nov
    store, s = session(wiki, clock, new=99)
    with store:
        for action, gap in zip(actions, gaps):
            if s.current is None:
                break
            {"s": s.suspend, "b": s.bury}.get(action, lambda: s.answer(int(action)))()
            clock["now"] += timedelta(seconds=gap)
    clock["now"] += timedelta(minutes=later)
    config = load_config(wiki)
    selection = _as_filter(FILTERS[number], config)
    store, _ = open_synced(config, clock["now"], progress=False)
    with store:
        due = due_summary(store, config.review, clock["now"], Filters(selection))
        fresh = ReviewSession(store, config, lambda: clock["now"], Filters(selection))
        assert fresh.remaining == {"learning": due.learning, "review": due.review, "new": due.new}
        stats = compute_stats(store, config, clock["now"], selection)
        assert stats.due_today == due.learning + due.later_today + due.review == stats.forecast[0].count
        if due.next_due is not None:
            assert due.next_due > clock["now"]


def _as_filter(args: list[str], config) -> CardFilter:
    """The CardFilter the CLI builds from these options."""
    from mlwiki.store.cards import resolve_paths

    options = dict(zip(args[::2], args[1::2]))
    return CardFilter(deck=options.get("--deck"), tag=options.get("--tag"),
                      paths=resolve_paths(config, [options["--path"]] if "--path" in options else None,
                                          cwd=config.root))
