"""`mlwiki optimize` (issue 18): a synthetic learner with known FSRS parameters studies a real wiki through mlwiki's
own review session; the optimizer must recover parameters that predict the later reviews about as well as the
true ones, keep them, schedule with them, keep replay exact, and agree with Anki's own optimizer."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta, timezone
from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import write
from learner import DEFAULTS, TRUE, Learner, quick_log, study
from mlwiki.cli import cli
from mlwiki.config import ReviewSettings, load_config
from mlwiki.optimize.evaluate import evaluate, time_split, to_fsrs_items
from mlwiki.optimize.fit import MIN_ITEMS, fit_parameters
from mlwiki.optimize.items import entries_from_rows, training_items
from mlwiki.review.replay import verify_replay
from mlwiki.models import CardState
from mlwiki.review.schedule import Scheduler, settings_dict
from mlwiki.scan.sync import open_synced
from mlwiki.store.opening import open_store
from mlwiki.store.parameters import log_for_optimizer, parameter_history
from mlwiki.studyday import StudyCalendar, study_date

START = datetime(2025, 9, 1, 9, tzinfo=timezone.utc)
IMPORTED_DAYS, STUDIED_DAYS = 100, 20
AFTER = START + timedelta(days=IMPORTED_DAYS + STUDIED_DAYS)  # the morning after the learner's last session


def make_wiki(root: Path, cards: int) -> None:
    (root / "mlwiki.toml").write_text('name = "T"\n[review]\ntimezone = "UTC"\nnew_per_day = 20\n', encoding="utf-8")
    for first in range(0, cards, 50):
        write(root, f"notes/n{first:05d}.md", "".join(f"Q: Question {k} about topic {first}?\nA: Answer {k}\n\n"
                                                      for k in range(first, min(cards, first + 50))))


def write_log(target: Path, rows: list, settings: dict) -> None:
    """A review log in `mlwiki log export`'s JSON Lines form."""
    with target.open("w", encoding="utf-8") as out:
        for card, when, rating, _ in rows:
            out.write(json.dumps({"card_id": f"earlier{card:05d}", "reviewed_at": when.isoformat(),
                                  "rating": rating, "duration_ms": 6000, "content_hash": "",
                                  "settings": settings}) + "\n")


@pytest.fixture(scope="module")
def studied(tmp_path_factory) -> Path:
    """The synthetic learner's history: 100 days of an earlier deck (about 19,000 answers to 4,000 cards,
    brought in with `mlwiki log import`), then 20 days of study of this wiki's 300 cards through mlwiki's own
    review sessions. Made once, copied for each test."""
    root = tmp_path_factory.mktemp("studied")
    make_wiki(root, 300)
    config = load_config(root)
    log = root / "earlier.jsonl"
    write_log(log, quick_log(4000, IMPORTED_DAYS, 40, START, Learner(TRUE, seed=1)), settings_dict(config.review))
    result = CliRunner().invoke(cli, ["--root", str(root), "log", "import", str(log)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    store, _ = open_synced(config, START, progress=False)
    with store:
        study(store, config, Learner(TRUE, seed=2), START + timedelta(days=IMPORTED_DAYS), STUDIED_DAYS)
    return root


@pytest.fixture
def wiki_copy(studied, tmp_path) -> Path:
    target = tmp_path / "wiki"
    shutil.copytree(studied, target)
    return target


def run(root: Path, *args: str, when: datetime = AFTER):
    return CliRunner().invoke(cli, ["--root", str(root), "--now", when.isoformat(), *args], catch_exceptions=False)


def held_out_items(root: Path) -> list:
    """The items `optimize` measures on, rebuilt independently of it: the latest fifth, in time order."""
    config = load_config(root)
    with open_store(config, create=False) as store:
        entries = entries_from_rows(log_for_optimizer(store).fetchall())
    found = training_items(entries, partial(study_date, zone=timezone.utc, starts_at=4))
    items = to_fsrs_items(found.items)
    return items[time_split(len(items)):]


@pytest.mark.slow
def test_optimize_recovers_the_learners_parameters(wiki_copy):
    result = run(wiki_copy, "optimize", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["kept"] is True and report["saved"] is True
    assert report["reviews"] > 15000 and report["items"] >= MIN_ITEMS
    assert report["log_loss_fitted"] < report["log_loss_default"]
    assert 0 < report["rmse_fitted"] < 1 and 0 < report["rmse_default"] < 1
    held_out = held_out_items(wiki_copy)
    assert len(held_out) == report["test_items"]
    truth = evaluate(TRUE, held_out).log_loss
    assert evaluate(DEFAULTS, held_out).log_loss == pytest.approx(report["log_loss_default"])
    assert evaluate(report["parameters"], held_out).log_loss == pytest.approx(report["log_loss_fitted"])
    assert report["log_loss_fitted"] <= truth * 1.02, (report["log_loss_fitted"], truth)
    assert report["log_loss_default"] > truth


@pytest.mark.slow
def test_new_answers_use_the_fitted_parameters_and_replay_stays_exact(wiki_copy):
    config = load_config(wiki_copy)
    review_card = CardState(state=2, stability=10.0, difficulty=5.0, due=AFTER, last_review=AFTER - timedelta(10),
                            reps=4)
    with open_store(config, create=False) as store:
        before = Scheduler.for_store(store, config.review)
    assert run(wiki_copy, "optimize").exit_code == 0
    with open_store(config, create=False) as store:
        after = Scheduler.for_store(store, config.review)
        (saved,) = parameter_history(store)
    assert before.data["parameters"] == DEFAULTS
    assert after.data["parameters"] == saved.values != DEFAULTS
    assert saved.created_at == AFTER and saved.source == "optimize"
    assert after.previews("c", review_card, AFTER) != before.previews("c", review_card, AFTER)

    store, _ = open_synced(config, AFTER, progress=False)
    with store:
        answers = study(store, config, Learner(TRUE, seed=2), AFTER, 3)
        used = [json.loads(row[0])["parameters"] for row in store.query(
            "SELECT s.json FROM reviews r JOIN settings s ON s.id = r.settings_id ORDER BY r.id")]
        assert verify_replay(store, StudyCalendar.from_settings(config.review)) == []
    assert answers > 0
    assert used[-answers:] == [saved.values] * answers, "new answers are scheduled with the fitted parameters"
    assert set(map(tuple, used[:-answers])) == {tuple(DEFAULTS)}, "earlier answers keep theirs"


@pytest.mark.slow
def test_stats_show_the_parameters_in_use_and_reset_returns_to_the_defaults(wiki_copy):
    assert json.loads(run(wiki_copy, "stats", "--json").output)["fsrs_parameters"]["source"] == "default"
    assert run(wiki_copy, "optimize").exit_code == 0
    shown = json.loads(run(wiki_copy, "stats", "--json").output)["fsrs_parameters"]
    assert shown["source"] == "optimized" and shown["fitted_at"].startswith(AFTER.date().isoformat())
    assert "your own parameters, fitted" in run(wiki_copy, "stats").output

    later = AFTER + timedelta(days=1)
    result = run(wiki_copy, "optimize", "--reset", when=later)
    assert result.exit_code == 0 and "default parameters" in result.output
    config = load_config(wiki_copy)
    with open_store(config, create=False) as store:
        assert Scheduler.for_store(store, config.review).data["parameters"] == DEFAULTS
        history = parameter_history(store)
    assert [(h.source, h.values is None, h.created_at) for h in history] == \
        [("optimize", False, AFTER), ("reset", True, later)]
    assert json.loads(run(wiki_copy, "stats", "--json").output)["fsrs_parameters"]["source"] == "default"
    assert "Already using" in run(wiki_copy, "optimize", "--reset").output


@pytest.mark.slow
def test_dry_run_reports_but_changes_nothing(wiki_copy):
    result = run(wiki_copy, "optimize", "--dry-run")
    assert result.exit_code == 0
    assert "log loss" in result.output and "dry run: nothing changed" in result.output
    with open_store(load_config(wiki_copy), create=False) as store:
        assert parameter_history(store) == []


@pytest.mark.slow
def test_fitted_parameters_that_are_no_better_are_not_kept(wiki_copy):
    """Fitting again on the same history cannot beat the parameters just kept: nothing new is saved."""
    assert json.loads(run(wiki_copy, "optimize", "--json").output)["kept"] is True
    again = json.loads(run(wiki_copy, "optimize", "--json").output)
    assert again["kept"] is False and again["log_loss_current"] is not None
    assert "Not kept" in run(wiki_copy, "optimize").output
    with open_store(load_config(wiki_copy), create=False) as store:
        assert len(parameter_history(store)) == 1


def test_too_little_history_gives_one_line_and_changes_nothing(wiki, now):
    make_wiki(wiki, 30)
    config = load_config(wiki)
    store, _ = open_synced(config, now, progress=False)
    with store:
        study(store, config, Learner(TRUE, seed=3), now, 10)
    result = CliRunner().invoke(cli, ["--root", str(wiki), "--now", now.isoformat(), "optimize"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "too little history" in lines[0] and "nothing was changed" in lines[0]
    assert "Traceback" not in result.output
    with open_store(config, create=False) as store:
        assert parameter_history(store) == []


def test_reset_conflicts_with_other_modes(wiki):
    result = CliRunner().invoke(cli, ["--root", str(wiki), "optimize", "--reset", "--dry-run"])
    assert result.exit_code == 2 and "--reset" in result.output


def test_fit_returns_parameters_the_scheduler_accepts():
    """fsrs-rs works in 32-bit floats (0.8 → 0.80000001); what it returns must pass the fsrs package's bounds."""
    import fsrs.scheduler

    rows = quick_log(300, 40, 20, START)
    entries = entries_from_rows((str(c), when.isoformat(), rating, state) for c, when, rating, state in
                                sorted(rows, key=lambda r: (r[0], r[1])))
    found = training_items(entries, partial(study_date, zone=timezone.utc, starts_at=4))
    numbers: dict[str, int] = {}
    card_ids = [numbers.setdefault(item.card_id, len(numbers)) for item in found.items]
    fitted = fit_parameters(to_fsrs_items(found.items), card_ids, 1)
    assert fitted != DEFAULTS
    low, high = fsrs.scheduler.LOWER_BOUNDS_PARAMETERS, fsrs.scheduler.UPPER_BOUNDS_PARAMETERS
    assert all(lo <= x <= hi for x, lo, hi in zip(fitted, low, high, strict=True))
    Scheduler.from_settings(ReviewSettings(), fitted)  # the fsrs package validates them


# --- what retention costs ------------------------------------------------------------------------------------


def import_reviews(root: Path, cards: int = 300, days: int = 40) -> int:
    """Give the wiki a learner's history (`log import` of a synthetic log): how many reviews."""
    log = root / "history.jsonl"
    rows = quick_log(cards, days, 20, START, Learner(TRUE, seed=3))
    write_log(log, rows, settings_dict(load_config(root).review))
    assert CliRunner().invoke(cli, ["--root", str(root), "log", "import", str(log)]).exit_code == 0
    return len(rows)


def test_simulate_below_the_minimum_says_so_in_one_line(wiki, now):
    make_wiki(wiki, 30)
    assert CliRunner().invoke(cli, ["--root", str(wiki), "scan"]).exit_code == 0
    result = CliRunner().invoke(cli, ["--root", str(wiki), "optimize", "--simulate"])
    assert result.exit_code == 1
    assert result.output.splitlines() == ["Error: too few reviews to simulate: 0 of the 100 it needs to learn how you "
                                          "answer; review for a few days, then try again"]


def test_simulate_prints_each_retention_monotone_with_the_current_and_recommended_marked(wiki, now):
    make_wiki(wiki, 300)
    (wiki / "mlwiki.toml").write_text('name = "T"\n[review]\ntimezone = "UTC"\ndesired_retention = 0.925\n')
    assert CliRunner().invoke(cli, ["--root", str(wiki), "scan"]).exit_code == 0
    assert import_reviews(wiki) >= 100
    data = json.loads(CliRunner().invoke(cli, ["--root", str(wiki), "optimize", "--simulate", "--json"]).output)
    rows = data["retentions"]
    grid = [round(0.70 + k / 100, 2) for k in range(28)]
    assert [r["desired_retention"] for r in rows] == sorted(grid + [0.925])
    assert [r["desired_retention"] for r in rows if r["current"]] == [0.925]
    assert data["cards"] == 300 and data["days"] == 365 and data["parameters"] == "default"
    assert data["runs"] >= 4
    # asking for more recall never costs fewer reviews or minutes, nor leaves fewer cards remembered
    for key in ("reviews_per_day", "minutes_per_day", "remembered"):
        figures = [r[key] for r in rows]
        assert figures == sorted(figures), key
    by = {r["desired_retention"]: r for r in rows}
    assert by[0.97]["reviews_per_day"] > by[0.9]["reviews_per_day"] > by[0.8]["reviews_per_day"]
    assert by[0.97]["remembered"] > by[0.8]["remembered"] > by[0.7]["remembered"]
    assert all(0 < r["remembered"] <= 300 for r in rows)
    # the recommendation: the least study time per card remembered, within Anki's 0.70-0.95
    cost = {r["desired_retention"]: r["minutes_per_day"] / r["remembered"] for r in rows
            if 0.70 <= r["desired_retention"] <= 0.95}
    assert cost[data["recommended"]] <= min(cost.values()) * 1.03  # the table's figures are rounded
    assert "least study time per card remembered" in data["recommended_because"]

    text = CliRunner().invoke(cli, ["--root", str(wiki), "optimize", "--simulate"]).output.splitlines()
    assert "300 cards over 365 days" in text[0]
    (marked,) = [line for line in text if line.startswith("▶")]
    assert " 0.925 " in marked and "← now" in marked and "█" in marked
    table = text[:text.index("")]  # then the days ahead (tests/test_review_workload.py)
    assert len([line for line in table if "█" in line]) == 29
    assert [line for line in text if "← recommended" in line or "← now, recommended" in line]
    assert any(line.startswith(f"Recommended: at least {data['recommended']:.2f}") for line in text)
    assert max(len(line) for line in text) <= 80


def test_the_same_inputs_give_the_same_table(wiki, now):
    make_wiki(wiki, 100)
    assert CliRunner().invoke(cli, ["--root", str(wiki), "scan"]).exit_code == 0
    import_reviews(wiki, cards=100, days=20)
    first, second = (CliRunner().invoke(cli, ["--root", str(wiki), "optimize", "--simulate", "--json"]).output
                     for _ in range(2))
    assert first == second


def test_monotone_is_the_least_squares_non_decreasing_fit():
    from mlwiki.optimize.simulate import monotone

    assert monotone([1, 3, 2, 4]) == [1, 2.5, 2.5, 4]
    assert monotone([125.7, 125.5, 125.6, 128.2]) == pytest.approx([125.6, 125.6, 125.6, 128.2])
    assert monotone([]) == [] and monotone([5, 4, 3]) == [4, 4, 4]


def test_stats_page_has_the_retention_costs(wiki, now):
    make_wiki(wiki, 100)
    target = wiki / "report.html"
    stats = ["--root", str(wiki), "--now", now.isoformat(), "stats", "--html", str(target)]
    result = CliRunner().invoke(cli, stats)
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    section = page[page.index('<section id="retention-costs">'):]
    assert "Too few reviews to simulate: 0 of the 100" in section and "<table" not in section

    import_reviews(wiki, cards=100, days=20)
    assert CliRunner().invoke(cli, stats).exit_code == 0
    page = target.read_text(encoding="utf-8")
    section = page[page.index('<section id="retention-costs">'):]
    assert "<h2>What each desired retention costs in a year</h2>" in section
    assert section.count("<tr") == 1 + 8 and "0.90 <small>(now" in section
    assert '<th class="text" style="width:45%">reviews a day</th>' in section and "Recommended: at least" in section
    assert "default parameters (mlwiki optimize fits your own)" in page


@pytest.mark.slow
def test_an_imported_log_gives_the_same_fit(wiki_copy, tmp_path):
    """`log import` stores no state before each answer; the items, and so the fit, must not change."""
    first = json.loads(run(wiki_copy, "optimize", "--dry-run", "--json").output)
    exported = tmp_path / "log.jsonl"
    assert run(wiki_copy, "log", "export", str(exported)).exit_code == 0
    shutil.rmtree(wiki_copy / ".mlwiki")
    assert run(wiki_copy, "log", "import", str(exported)).exit_code == 0
    again = json.loads(run(wiki_copy, "optimize", "--dry-run", "--json").output)
    assert (again["reviews"], again["items"], again["parameters"]) == \
        (first["reviews"], first["items"], first["parameters"])


def test_a_reset_pulled_from_anki_starts_the_card_afresh_for_training():
    """Anki's Forget arrives as a rating-0 log row (state_before review): nothing before it trains, as in Anki,
    even when the card was not studied again after it."""
    day = timedelta(days=1)
    history = [(START, 3, 0), (START + 2 * day, 3, 2), (START + 9 * day, 1, 2), (START + 12 * day, 3, 3)]
    rows = [("c", when.isoformat(), rating, state) for when, rating, state in history]
    days = partial(study_date, zone=timezone.utc, starts_at=4)
    assert len(training_items(entries_from_rows(rows), days).items) == 3  # before the reset: it trains
    reset = ("c", (START + 15 * day).isoformat(), 0, 2)
    assert training_items(entries_from_rows(rows + [reset]), days).items == []


def test_where_reviews_per_day_stops_reviews_the_table_says_so_and_does_not_smooth_it():
    """With a low daily review limit, high retentions pile up reviews the limit drops: fewer cards remembered is
    real there, not noise, so those rows keep their plain means, are marked, and are never recommended."""
    from mlwiki.optimize.simulate import render_text, simulate_costs

    sim = simulate_costs(DEFAULTS, ReviewSettings(reviews_per_day=80, new_per_day=20), 2000)
    capped = [row for row in sim.rows if row.capped_days]
    assert capped and capped[-1].desired_retention == 0.97
    first = sim.rows.index(capped[0])
    free = sim.rows[:first]
    assert [r.remembered for r in free] == sorted(r.remembered for r in free)
    assert max(r.remembered for r in capped) > capped[-1].remembered  # the limit costs knowledge at the top
    assert sim.recommended is not None and sim.recommended < capped[0].desired_retention
    text = render_text(sim)
    assert max(len(line) for line in text) <= 80
    assert any(f"← limit on {capped[-1].capped_days} d" in line for line in text)
    assert any(line.startswith("limit on N d: on N days of the year reviews_per_day stopped the reviews") for line in text)
