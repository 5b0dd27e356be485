"""Scheduling for real workloads (issue 26): Anki's load balancer and easy days, kept exactly through replays
and log files; review orders and which cards make today's cut; deck presets with per-deck limits; and
`mlwiki reschedule`."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import write
from learner import study_morning
from mlwiki.cli import cli
from mlwiki.config import load_config
from mlwiki.review.balance import LoadBalancer, easy_day_modifiers
from mlwiki.review.intervals import FuzzPicker, fuzz_bounds
from mlwiki.review.queue import Filters, build_queue
from mlwiki.review.replay import verify_replay
from mlwiki.scan.sync import open_synced
from mlwiki.studyday import StudyCalendar

MONDAY = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)


def cli_run(root: Path, *args: str, now: datetime = MONDAY, code: int = 0):
    result = CliRunner().invoke(cli, ["--root", str(root), "--now", now.isoformat(), *args])
    assert result.exit_code == code, result.output
    return result


def make_wiki(root: Path, review: str = "", extra: str = "", per_deck: int = 20, new: int = 10) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "mlwiki.toml").write_text(f'name = "T"\n[review]\ntimezone = "UTC"\nnew_per_day = {new}\n{review}\n'
                                      f'{extra}\n', encoding="utf-8")
    for deck in ("a", "b"):
        write(root, f"notes/{deck}/cards.md", "".join(
            f"Q: What is fact {deck}{k} about optimizers?\nA: Answer {deck}{k}.\n\n" for k in range(per_deck)))
    return root


def study(root: Path, when: datetime, rating=lambda card: 3) -> int:
    """One morning's session, learning steps included; the number of answers."""
    return study_morning(root, when, rating)[0]


def dues(root: Path, when: datetime) -> dict[str, str]:
    store, _ = open_synced(load_config(root), when, progress=False)
    with store:
        return {r["id"]: r["due"] for r in store.query("SELECT id, due FROM cards WHERE state > 0")}


# --- the load balancer -------------------------------------------------------------------------------------


def test_load_balancer_picks_inside_the_range_and_prefers_light_days():
    counts = {5: 12, 6: 12, 7: 2, 8: 12, 9: 12}
    picks = [LoadBalancer(lambda: (counts, set()), lambda d: 0, (1.0,) * 7, seed, FuzzPicker(0.5)).pick(7.0, 1, 36500)
             for seed in range(400)]
    assert set(picks) <= set(range(fuzz_bounds(7.0, 1, 36500)[0], fuzz_bounds(7.0, 1, 36500)[1] + 1))
    assert max(set(picks), key=picks.count) == 7 and picks.count(7) > 0.8 * len(picks)


def test_load_balancer_keeps_siblings_apart():
    counts = {d: 5 for d in range(5, 10)}
    picks = [LoadBalancer(lambda: (counts, {7}), lambda d: 0, (1.0,) * 7, seed, FuzzPicker(0.5)).pick(7.0, 1, 36500)
             for seed in range(400)]
    assert picks.count(7) == 0 and picks.count(6) + picks.count(8) < picks.count(5) + picks.count(9)


def test_easy_days_as_anki_classifies_them():
    """Share 0: closed; 1: open; between: open only while that day carries less than half the others' mean."""
    sunday, saturday = 6, 5
    shares = (1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.0)
    assert easy_day_modifiers(shares, [4, saturday, sunday], [10, 2, 0]) == [1.0, 1.0, 0.0001]
    assert easy_day_modifiers(shares, [4, saturday, sunday], [10, 9, 0]) == [1.0, 0.0001, 0.0001]
    weekday = {5: 4, 6: 5, 7: sunday, 8: 0, 9: 1}.__getitem__
    counts = {d: 6 for d in range(5, 10)}
    picks = [LoadBalancer(lambda: (counts, set()), weekday, shares, seed, FuzzPicker(0.5)).pick(7.0, 1, 36500)
             for seed in range(500)]
    assert picks.count(7) <= 1


def test_balanced_days_are_kept_by_replays_and_log_files(tmp_path):
    """Twenty mornings of Good: the load balancer moved due dates away from the seeded fuzz (so it acted), the
    cached schedule equals a replay of the log, and a log export imported into a fresh wiki gives every card
    the same due date."""
    balanced = make_wiki(tmp_path / "on")
    plain = make_wiki(tmp_path / "off", review="load_balance = false")
    for day in range(20):
        study(balanced, MONDAY + timedelta(days=day))
        study(plain, MONDAY + timedelta(days=day))
    end = MONDAY + timedelta(days=20)
    ours, theirs = dues(balanced, end), dues(plain, end)
    assert sum(ours[c] != theirs[c] for c in ours) >= 5
    config = load_config(balanced)
    store, _ = open_synced(config, end, progress=False)
    with store:
        assert verify_replay(store, StudyCalendar.from_settings(config.review)) == []
    for fmt in ("jsonl", "csv"):
        cli_run(balanced, "log", "export", str(tmp_path / f"log.{fmt}"), now=end)
        fresh = make_wiki(tmp_path / f"fresh-{fmt}")
        cli_run(fresh, "log", "import", str(tmp_path / f"log.{fmt}"), now=end)
        assert dues(fresh, end) == ours


def test_load_balancer_counts_what_anki_counts(tmp_path):
    """As Anki's `get_all_cards_due_in_range`: every card due from today on counts, a suspended one too (Anki's
    query has no queue filter); a card overdue does not."""
    from mlwiki.review.presets import Schedulers
    from mlwiki.store.cards import card_row
    from mlwiki.store.db import utc_iso

    root = make_wiki(tmp_path / "w", per_deck=5)
    for day in range(4):
        study(root, MONDAY + timedelta(days=day))
    when = MONDAY + timedelta(days=4)
    config = load_config(root)
    store, _ = open_synced(config, when, progress=False)
    with store:
        first = card_row(store, store.query("SELECT id FROM cards WHERE state = 2 ORDER BY due LIMIT 1")[0][0])
        schedulers = Schedulers(store, config)

        def counts():
            return schedulers.picker(first["id"], first["note_id"], first["deck"], 9, when).load()[0]

        before = counts()  # each morning was studied: no review card is overdue yet
        assert sum(before.values()) == store.query("SELECT count(*) FROM cards WHERE state = 2")[0][0] > 0
        with store.write() as conn:
            conn.execute("UPDATE cards SET suspended = 1 WHERE id = ?", (first["id"],))
        assert counts() == before
        with store.write() as conn:
            conn.execute("UPDATE cards SET due = ? WHERE id = ?", (utc_iso(when - timedelta(days=2)), first["id"]))
        after = counts()
        assert sum(after.values()) == sum(before.values()) - 1


@pytest.mark.slow
def test_sundays_carry_little_with_easy_days(tmp_path):
    """`easy_days = { sun = 0.0 }`, 300 cards, 30 new a day: after a month of mornings, Sundays in the next weeks
    hold at most a quarter of another day's reviews (short unfuzzed intervals may still land there, and an
    empty Sunday still weighs 1, as in Anki)."""
    root = make_wiki(tmp_path / "w", review="easy_days = { sun = 0.0 }", per_deck=150, new=30)
    for day in range(30):
        study(root, MONDAY + timedelta(days=day))
    end = MONDAY + timedelta(days=29, hours=10)
    calendar = StudyCalendar.from_settings(load_config(root).review)
    per_day: dict[int, int] = {}
    for due in dues(root, end).values():
        day = calendar.number(datetime.fromisoformat(due)) - calendar.number(end)
        if 3 <= day <= 30:
            per_day[day] = per_day.get(day, 0) + 1
    weekday = {d: (end + timedelta(days=d)).weekday() for d in per_day}
    sundays = [n for d, n in per_day.items() if weekday[d] == 6]
    others = [n for d, n in per_day.items() if weekday[d] != 6]
    assert sum(sundays) / len(sundays) <= 0.25 * sum(others) / len(others), per_day


# --- review order and limits -------------------------------------------------------------------------------


def backlog_wiki(root: Path, order: str, reviews_per_day: int = 3) -> Path:
    """Cards studied for a while on varied ratings, then a 20-day break: a backlog of review cards."""
    make_wiki(root, review=f'review_order = "{order}"\nreviews_per_day = 1000', per_deck=6)
    rng = random.Random(5)
    for day in range(12):
        study(root, MONDAY + timedelta(days=day), rating=lambda card: rng.choice([2, 3, 3, 4]))
    text = (root / "mlwiki.toml").read_text().replace("reviews_per_day = 1000", f"reviews_per_day = {reviews_per_day}")
    (root / "mlwiki.toml").write_text(text)
    return root


@pytest.mark.parametrize("order", ["due", "retrievability", "overdueness", "interval-asc", "interval-desc",
                                   "deck", "random"])
def test_review_order_decides_todays_cut(tmp_path, order):
    root = backlog_wiki(tmp_path / "w", order)
    later = MONDAY + timedelta(days=40)
    listed = {c["id"]: c for c in json.loads(cli_run(root, "cards", "--json", now=later).output)}
    config = load_config(root)
    store, _ = open_synced(config, later, progress=False)
    with store:
        queue = build_queue(store, config.review, later, Filters(), config)
    chosen = [cid for kind, cid in queue.main if kind == "review"]
    due = [c for c in listed.values() if c["state"] == "review" and datetime.fromisoformat(c["due"]) <= later]
    assert len(chosen) == 3 and len(due) > 3 and queue.held_back

    def interval(c):
        return (datetime.fromisoformat(c["due"]) - datetime.fromisoformat(c["last_review"])).days

    expected = {
        "due": lambda c: c["due"], "retrievability": lambda c: c["retrievability"],
        "interval-asc": interval, "interval-desc": lambda c: -interval(c), "deck": lambda c: (c["deck"], c["due"]),
    }
    if order in expected:
        ranked = sorted(due, key=expected[order])
        cut = expected[order](ranked[2])
        assert all(expected[order](listed[c]) <= cut for c in chosen), (order, chosen)
        assert [expected[order](listed[c]) for c in chosen] == sorted(expected[order](listed[c]) for c in chosen)
    if order == "retrievability":
        assert all(0 < listed[c]["retrievability"] < 1 for c in chosen)


def test_cards_json_has_retrievability_at_now(tmp_path):
    root = backlog_wiki(tmp_path / "w", "due")
    early = json.loads(cli_run(root, "cards", "--json", now=MONDAY + timedelta(days=13)).output)
    late = {c["id"]: c for c in json.loads(cli_run(root, "cards", "--json", now=MONDAY + timedelta(days=60)).output)}
    studied = [c for c in early if c["last_review"]]
    assert studied and all(late[c["id"]]["retrievability"] < c["retrievability"] for c in studied)


def test_presets_limit_each_deck_and_their_parent(tmp_path):
    presets = ('[deck_options."T::a"]\nreviews_per_day = 1\nnew_per_day = 2\n'
               '[deck_options."T"]\nreviews_per_day = 4\n')
    root = make_wiki(tmp_path / "w", extra=presets, per_deck=6)
    config = load_config(root)
    store, _ = open_synced(config, MONDAY, progress=False)
    with store:
        queue = build_queue(store, config.review, MONDAY, Filters(), config)
        decks = {r["id"]: r["deck"] for r in store.query("SELECT id, deck FROM cards")}
    new = [decks[c] for k, c in queue.main if k == "new"]
    assert new.count("T::a") == 2 and new.count("T::b") == 6  # b: [review] new_per_day = 10
    for day in range(6):
        study(root, MONDAY + timedelta(days=day))
    later = MONDAY + timedelta(days=40)
    store, _ = open_synced(config, later, progress=False)
    with store:
        queue = build_queue(store, config.review, later, Filters(), config)
    reviews = [decks[c] for k, c in queue.main if k == "review"]
    assert reviews.count("T::a") == 1 and len(reviews) == 4
    due = json.loads(cli_run(root, "due", "--json", now=later).output)
    assert {d["deck"]: d["review"] for d in due["decks"]} == {"T::a": 1, "T::b": 3}
    assert {d["deck"]: d["desired_retention"] for d in due["decks"]} == {"T::a": 0.9, "T::b": 0.9}


def test_a_preset_schedules_its_decks_with_its_retention(tmp_path):
    root = make_wiki(tmp_path / "w", extra='[deck_options."T::a"]\ndesired_retention = 0.8\n', per_deck=2)
    study(root, MONDAY)
    store, _ = open_synced(load_config(root), MONDAY, progress=False)
    with store:
        rows = store.query("SELECT c.deck, s.json FROM reviews r JOIN cards c ON c.id = r.card_id "
                           "JOIN settings s ON s.id = r.settings_id")
    retention = {r["deck"]: json.loads(r["json"])["desired_retention"] for r in rows}
    assert retention == {"T::a": 0.8, "T::b": 0.9}
    decks = json.loads(cli_run(root, "stats", "--json").output)["decks"]
    assert {d["name"]: (d["preset"], d["desired_retention"]) for d in decks} == {"T::a": ("T::a", 0.8),
                                                                                 "T::b": (None, 0.9)}
    assert "retention" in cli_run(root, "due").output.splitlines()[0]
    text = cli_run(root, "stats").output
    rows = {line.split()[0]: line.split() for line in text.splitlines() if line.strip().startswith("T::")}
    assert "80%*" in rows["T::a"] and "90%" in rows["T::b"], "the decks table shows each deck's target"
    page = tmp_path / "stats.html"
    cli_run(root, "stats", "--html", str(page))
    assert ">target</th>" in page.read_text(encoding="utf-8") and "80%*" in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("toml, message", [
    ('[review]\nreview_order = "oldest"', "[review] review_order: must be one of due, retrievability"),
    ('[review]\neasy_days = { sunday = 0.0 }', "[review] easy_days: unknown day 'sunday'"),
    ('[review]\neasy_days = { sun = 2 }', "[review] easy_days.sun: must be a number from 0 to 1"),
    ('[review]\nload_balance = "yes"', "[review] load_balance: must be true or false"),
    ('[deck_options."ML"]\ndesired_retention = 1.5', '[deck_options."ML"] desired_retention: must be a number'),
    ('[deck_options."ML"]\nfuzz = false', '[deck_options."ML"] fuzz: not a preset setting'),
    ('[deck_options]\nML = 3', '[deck_options."ML"]: must be a table'),
])
def test_bad_scheduling_settings_are_one_line_errors(tmp_path, toml, message):
    root = tmp_path / "w"
    write(root, "notes/a.md", "Q: q?\nA: a\n")
    (root / "mlwiki.toml").write_text(f'name = "T"\n{toml}\n', encoding="utf-8")
    result = cli_run(root, "due", code=1)
    assert message in result.output and len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


# --- reschedule ---------------------------------------------------------------------------------------------


def test_reschedule_moves_due_dates_only_when_asked(tmp_path):
    root = make_wiki(tmp_path / "w", per_deck=10)
    for day in range(8):
        study(root, MONDAY + timedelta(days=day))
    when = MONDAY + timedelta(days=8)
    before = dues(root, when)
    assert cli_run(root, "reschedule", "--dry-run", "--json", now=when).output.count('"moved": 0') == 1
    config_text = (root / "mlwiki.toml").read_text()
    (root / "mlwiki.toml").write_text(config_text + '[deck_options."T::a"]\ndesired_retention = 0.8\n')
    assert dues(root, when) == before  # a settings change alone moves nothing
    plan = json.loads(cli_run(root, "reschedule", "--dry-run", "--json", now=when).output)
    assert plan["moved"] > 0 and all(m["days"] > 0 for m in plan["moves"])
    assert {m["deck"] for m in plan["moves"]} == {"T::a"}
    assert dues(root, when) == before
    text = cli_run(root, "reschedule", now=when).output
    assert f"{plan['moved']} due dates moved: {plan['moved']} later" in text
    after = dues(root, when)
    assert {m["id"]: m["new_due"] for m in plan["moves"]} == {
        c: datetime.fromisoformat(after[c]).isoformat() for c in after if after[c] != before[c]}
    store, _ = open_synced(load_config(root), when, progress=False)
    with store:
        assert verify_replay(store, StudyCalendar.from_settings(load_config(root).review)) == []
        assert store.query("SELECT count(*) FROM reviews WHERE reviewed_at > ?", (when.isoformat(),))[0][0] == 0
    assert json.loads(cli_run(root, "reschedule", "--json", now=when).output)["moved"] == 0
    check = CliRunner().invoke(cli, ["--root", str(root), "--now", when.isoformat(), "check", "--json"])
    assert "cached schedule differs" not in check.output


# --- per-preset fits and the simulated days ahead ---------------------------------------------------------


def test_optimize_fits_one_preset_on_its_own_cards(tmp_path):
    """A history for 200 cards in two decks; `optimize --deck T::a` fits on T::a's reviews only, keeps the fit
    for that preset: T::a's new answers use it, T::b's keep the defaults."""
    from learner import DEFAULTS, TRUE, Learner, quick_log

    from mlwiki.review.schedule import settings_dict

    root = make_wiki(tmp_path / "w", per_deck=100, extra='[deck_options."T::a"]\ndesired_retention = 0.85\n')
    config = load_config(root)
    store, _ = open_synced(config, MONDAY, progress=False)
    with store:
        ids = {r["id"]: r["deck"] for r in store.query("SELECT id, deck FROM cards")}
    order = sorted(ids)
    start = MONDAY - timedelta(days=120)
    log = tmp_path / "log.jsonl"
    with log.open("w") as out:
        for card, when, rating, _ in quick_log(len(order), 110, 20, start, Learner(TRUE, seed=3)):
            settings = settings_dict(config.settings_for(ids[order[card]]))
            out.write(json.dumps({"card_id": order[card], "reviewed_at": when.isoformat(), "rating": rating,
                                  "duration_ms": 5000, "content_hash": "", "settings": settings}) + "\n")
    cli_run(root, "log", "import", str(log))
    fit = json.loads(cli_run(root, "optimize", "--deck", "T::a::x", "--json").output)
    all_reviews = json.loads(cli_run(root, "optimize", "--dry-run", "--json").output)["reviews"]
    assert fit["preset"] == "T::a" and fit["kept"] and fit["saved"] and 0 < fit["reviews"] < all_reviews
    study(root, MONDAY + timedelta(days=30))
    store, _ = open_synced(config, MONDAY, progress=False)
    with store:
        rows = store.query("SELECT c.deck, s.json FROM reviews r JOIN cards c ON c.id = r.card_id "
                           "JOIN settings s ON s.id = r.settings_id WHERE r.reviewed_at > ?",
                           ((MONDAY + timedelta(days=29)).isoformat(),))
    used = {r["deck"]: json.loads(r["json"])["parameters"] for r in rows}
    assert used["T::a"] == pytest.approx(fit["parameters"]) and used["T::b"] == pytest.approx(DEFAULTS)
    assert json.loads(cli_run(root, "optimize", "--deck", "T::a", "--reset", "--json").output)["reset"]


def test_simulated_days_ahead_follow_load_balancing_and_easy_days(tmp_path):
    """`optimize --simulate --json`'s workload for two learners alike but for `easy_days = { sun = 0.0 }`: their
    Sundays ahead carry about a normal day's reviews, and much less; the figures are seeded (the same twice) and
    nothing is written."""
    when = MONDAY + timedelta(days=10)

    def sunday_share(root: Path) -> float:
        before = dues(root, when)
        result = json.loads(cli_run(root, "optimize", "--simulate", "--days", "42", "--json", now=when).output)
        again = json.loads(cli_run(root, "optimize", "--simulate", "--days", "42", "--json", now=when).output)
        assert result == again and dues(root, when) == before
        means = result["workload"]["weekday_means"]
        return means[6] / (sum(means[:6]) / 6)

    shares = []
    for name, review in (("normal", ""), ("eased", "easy_days = { sun = 0.0 }")):
        root = make_wiki(tmp_path / name, review=review, per_deck=60, new=20)
        for day in range(10):
            study(root, MONDAY + timedelta(days=day))
        shares.append(sunday_share(root))
    normal, eased = shares
    assert normal > 0.7 and eased < 0.4 and eased < normal / 2, (normal, eased)


def test_stats_forecast_counts_due_dates_and_simulates_on_request(tmp_path):
    """`stats`'s forecast counts the due dates cards have (Anki's Future Due: balanced, easy-day-aware as each
    answer placed them; no simulation, so it stays fast); `--simulate` adds the month of daily study the
    scheduler expects (presets, load balancing, easy days, new cards): `optimize --simulate`'s figures, where an
    easy Sunday carries little."""
    root = make_wiki(tmp_path / "w", review="easy_days = { sun = 0.0 }", per_deck=60, new=10)
    for day in range(10):
        study(root, MONDAY + timedelta(days=day))
    when = MONDAY + timedelta(days=10)
    plain = json.loads(cli_run(root, "stats", "--json", now=when).output)
    assert "forecast_simulated" not in plain
    calendar = StudyCalendar.from_settings(load_config(root).review)
    later = [calendar.number(datetime.fromisoformat(d)) - calendar.number(when) for d in dues(root, when).values()]
    assert [day["count"] for day in plain["forecast"][1:8]] == [later.count(k) for k in range(1, 8)]
    simulated = json.loads(cli_run(root, "stats", "--json", "--simulate", now=when).output)["forecast_simulated"]
    expected = json.loads(cli_run(root, "optimize", "--simulate", "--days", "30", "--json", now=when).output)
    assert simulated == expected["workload"] and simulated["days"] == len(plain["forecast"]) == 30
    means = simulated["weekday_means"]
    # (a young wiki: some intervals are too short to be fuzzed off a Sunday)
    assert means[6] < 0.5 * sum(means[:6]) / 6 and sum(simulated["new_per_day"]) > 0
    text = cli_run(root, "stats", "--simulate", now=when).output
    assert "Simulated (you study every morning)" in text and "easy days Sun 0" in text
    cli_run(root, "stats", "--simulate", "--html", str(tmp_path / "stats.html"), now=when)
    assert 'id="simulated-forecast"' in (tmp_path / "stats.html").read_text()
