"""FSRS on study days (issue 15): the mapping of review times for fsrs, the morning reviewer, and Anki's own FSRS
memory state (`Collection.compute_memory_state` on a collection holding the same revlog) as the reference."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from hypothesis import given, settings as hsettings, strategies as st

from conftest import write
from mlwiki.cli import cli
from mlwiki.config import load_config
from mlwiki.models import State
from mlwiki.review.answering import record_answer
from mlwiki.review.schedule import Scheduler
from mlwiki.scan.sync import open_synced
from mlwiki.studyday import StudyCalendar, day_number, fsrs_time, fsrs_times, study_date

ZONES = ["UTC", "America/New_York", "Asia/Tokyo"]


# --- the mapping ---------------------------------------------------------------------------------------------

moments = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1),
                       timezones=st.just(timezone.utc))


@pytest.mark.slow
@hsettings(max_examples=150, deadline=None)
@given(times=st.lists(moments, min_size=1, max_size=12), zone=st.sampled_from(ZONES + ["Europe/Berlin"]),
       starts_at=st.integers(0, 23))
def test_fsrs_sees_study_days_and_real_minutes_within_a_day(times, zone, starts_at):
    """Between consecutive reviews fsrs's whole days (`timedelta.days`) equal the study-day difference; within a
    study day the real gap is kept (capped under a day); the mapping of a list equals step-by-step mapping."""
    times = sorted(times)
    tz = ZoneInfo(zone)
    mapped = fsrs_times(times, tz, starts_at)
    assert all(m.tzinfo is timezone.utc for m in mapped)  # fsrs rejects any other tzinfo
    for (a, b), (fa, fb) in zip(zip(times, times[1:]), zip(mapped, mapped[1:])):
        days = day_number(b, tz, starts_at) - day_number(a, tz, starts_at)
        assert (fb - fa).days == days
        if days == 0:
            assert fb - fa == min(b - a, timedelta(days=1) - timedelta(microseconds=1))
        assert fsrs_time(b, tz, starts_at, (a, fa)) == fb


def test_day_numbers_follow_the_local_day_start_across_daylight_saving():
    """New York left summer time on 1 Nov 2026: the study day still starts at 04:00 local on both sides."""
    tz = ZoneInfo("America/New_York")
    before = datetime(2026, 10, 31, 4, 0, tzinfo=tz)
    after = datetime(2026, 11, 1, 4, 0, tzinfo=tz)  # 25 hours later
    assert day_number(after, tz, 4) - day_number(before, tz, 4) == 1
    assert day_number(after - timedelta(seconds=1), tz, 4) == day_number(before, tz, 4)
    calendar = StudyCalendar(tz, 4)
    assert calendar.start(calendar.number(after)) == after.astimezone(timezone.utc)
    assert study_date(before, tz, 4) == date(2026, 10, 31)


# --- the morning reviewer ------------------------------------------------------------------------------------


def plain_review(root: Path, when: datetime, answers: str) -> str:
    result = CliRunner().invoke(cli, ["--root", str(root), "--now", when.isoformat(), "review", "--plain"],
                                input=answers, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def good_interval(output: str) -> str:
    bar = next(line for line in output.splitlines() if line.startswith("1 Again"))
    return bar.split("3 Good ")[1].split()[0]


@pytest.mark.slow
def test_morning_reviewer_gets_growing_intervals(wiki):
    """Learned at 20:00 (Again, Good, Good), then Good at 09:00 each following morning: the Good interval grows
    day after day (with raw timestamps it stayed at 1d, stability near 0.35)."""
    write(wiki, "notes/a.md", "Q: What does Adam's beta2 control?\nA: The decay of the squared-gradient average.\n")
    evening = datetime(2026, 3, 2, 20, 0, tzinfo=timezone.utc)
    plain_review(wiki, evening, "\n1\n")
    plain_review(wiki, evening + timedelta(minutes=1), "\n3\n")
    plain_review(wiki, evening + timedelta(minutes=11), "\n3\n")
    labels, stabilities = [], []
    morning = datetime(2026, 3, 3, 9, 0, tzinfo=timezone.utc)
    for _ in range(5):
        out = plain_review(wiki, morning, "\n3\n")
        assert "Nothing due" not in out
        labels.append(good_interval(out))
        store, _ = open_synced(load_config(wiki), morning, progress=False)
        with store:
            stabilities.append(store.query("SELECT stability FROM cards")[0][0])
        due = datetime.fromisoformat(store_due(wiki))
        morning = datetime.combine(due.date(), time(9), tzinfo=timezone.utc)
    days = [label_days(label) for label in labels]
    assert days == sorted(days) and days[-1] > days[0] >= 2, labels
    assert all(b > a for a, b in zip(stabilities, stabilities[1:])), stabilities
    assert stabilities[0] > 1.0  # not a same-day review any more


def label_days(label: str) -> float:
    """'8d' → 8, '1.8mo' → 54, '1.2y' → 438 (format_interval's units)."""
    for unit, days in (("mo", 30), ("y", 365), ("d", 1)):
        if label.endswith(unit):
            return float(label[: -len(unit)]) * days
    raise AssertionError(f"not a day interval: {label}")


def store_due(root: Path) -> str:
    store, _ = open_synced(load_config(root), datetime.now(timezone.utc), progress=False)
    with store:
        return store.query("SELECT due FROM cards")[0][0]


# --- Anki as the reference -----------------------------------------------------------------------------------


def last_dst_change(zone: ZoneInfo, before: date) -> date:
    """The most recent day before `before` on which the zone's UTC offset changed."""
    day = before
    while day > before - timedelta(days=400):
        noon = datetime.combine(day, time(12), tzinfo=zone)
        if noon.utcoffset() != (noon - timedelta(days=1)).utcoffset():
            return day
        day -= timedelta(days=1)
    raise AssertionError("no daylight-saving change in the last 400 days")


def history(rng: random.Random, first: datetime, zone: ZoneInfo) -> list[tuple[datetime, int]]:
    """A learner's answers to one card: learned in the evening, reviewed on later mornings and evenings, with an
    occasional lapse and its relearning step on the same day."""
    answers = [(first, 1), (first + timedelta(minutes=1), 3), (first + timedelta(minutes=11), 3)]
    day = first.astimezone(zone).date()
    for _ in range(rng.randint(3, 8)):
        day += timedelta(days=rng.choice([1, 1, 2, 3, 6]))
        hour = rng.choice([5, 9, 9, 13, 20, 23])
        when = datetime.combine(day, time(hour, rng.randint(0, 59)), tzinfo=zone)
        rating = rng.choice([3, 3, 3, 2, 4, 1])
        answers.append((when, rating))
        if rating == 1:
            answers.append((when + timedelta(minutes=10), 3))
    return answers


def answer_in_mlwiki(root: Path, answers: list[tuple[datetime, int]]) -> tuple[float, float]:
    """Record each answer to the wiki's only card as the review session does (`record_answer`, committed), at its
    time even when the card was not due yet (as the revlog has it); its stability and difficulty."""
    config = load_config(root)
    scheduler = Scheduler.from_settings(config.review)
    store, _ = open_synced(config, answers[0][0], progress=False)
    with store:
        card = store.query("SELECT id FROM cards")[0][0]
        for when, rating in answers:
            record_answer(store, scheduler, card, rating, when.astimezone(timezone.utc), 5000,
                          config.review.leech_threshold)
        row = store.query("SELECT stability, difficulty FROM cards")[0]
    return row["stability"], row["difficulty"]


def anki_memory_state(tmp_path: Path, zone: ZoneInfo, answers: list[tuple[datetime, int]]):
    """Anki's own FSRS replay of the same answers: a collection in `zone` (rollover 04:00, FSRS on, default
    parameters) holding them as revlog rows."""
    from anki.collection import Collection

    # server mode: the collection takes its UTC offset from the config instead of the process's TZ
    col = Collection(str(tmp_path / f"anki-{random.random()}.anki2"), server=True)
    try:
        offset = datetime.now(zone).utcoffset()
        col.set_config("localOffset", int(-offset.total_seconds() // 60))
        col.set_config("rollover", 4)
        col.set_config("fsrs", True)
        note = col.new_note(col.models.by_name("Basic"))
        note["Front"], note["Back"] = "q", "a"
        col.add_note(note, col.decks.id("Default"))
        cid = note.cards()[0].id
        state = State.NEW
        for when, rating in answers:
            kind = {State.NEW: 0, State.LEARNING: 0, State.REVIEW: 1, State.RELEARNING: 2}[state]
            col.db.execute("INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
                           "VALUES (?, ?, -1, ?, 0, 0, 0, 5000, ?)", int(when.timestamp() * 1000), cid, rating, kind)
            state = next_state(state, rating)
        return col.compute_memory_state(cid)
    finally:
        col.close()


def next_state(state: State, rating: int) -> State:
    """The card type after an answer with steps 1m 10m / 10m (for the revlog's type column)."""
    if state == State.REVIEW:
        return State.RELEARNING if rating == 1 else State.REVIEW
    if rating == 4 or (rating == 3 and state == State.LEARNING) or (rating == 3 and state == State.RELEARNING):
        return State.REVIEW
    return State.LEARNING if state in (State.NEW, State.LEARNING) else State.RELEARNING


def zone_wiki(tmp_path: Path, zone: str, name: str) -> Path:
    root = tmp_path / name
    write(root, "mlwiki.toml", f'name = "T"\n[review]\ntimezone = "{zone}"\nday_starts_at = 4\n')
    write(root, "notes/a.md", "Q: Why divide attention logits by sqrt(d_k)?\nA: To keep their variance near 1.\n")
    return root


def relative_error(a: float, b: float) -> float:
    return abs(a - b) / abs(b)


@pytest.mark.slow
@pytest.mark.parametrize("zone_name", ZONES)
def test_memory_state_equals_ankis(tmp_path, zone_name):
    """Histories ending before today (Anki ignores later revlog rows) in three zones: stability and difficulty
    within 1e-3 relative of Anki's."""
    zone = ZoneInfo(zone_name)
    today = datetime.now(zone).date()
    rng = random.Random(zone_name)
    for k in range(4):
        first = datetime.combine(today - timedelta(days=90 - 7 * k), time(20), tzinfo=zone)
        answers = history(rng, first, zone)
        ours = answer_in_mlwiki(zone_wiki(tmp_path, zone_name, f"w{k}"), answers)
        theirs = anki_memory_state(tmp_path, zone, answers)
        assert relative_error(ours[0], theirs.stability) < 1e-3, (answers, ours, theirs)
        assert relative_error(ours[1], theirs.difficulty) < 1e-3, (answers, ours, theirs)


@pytest.mark.slow
def test_memory_state_equals_ankis_across_daylight_saving(tmp_path):
    """A New York history spanning the last change of the clocks (reviews away from the rollover hour, where
    Anki's fixed 24-hour count back from today and local study days agree)."""
    zone = ZoneInfo("America/New_York")
    change = last_dst_change(zone, datetime.now(zone).date() - timedelta(days=8))
    first = datetime.combine(change - timedelta(days=4), time(20), tzinfo=zone)
    answers = [(first, 1), (first + timedelta(minutes=1), 3), (first + timedelta(minutes=11), 3)]
    answers += [(datetime.combine(first.date() + timedelta(days=k), time(9), tzinfo=zone), 3) for k in (1, 2, 3, 5, 7)]
    ours = answer_in_mlwiki(zone_wiki(tmp_path, "America/New_York", "dst"), answers)
    theirs = anki_memory_state(tmp_path, zone, answers)
    assert relative_error(ours[0], theirs.stability) < 1e-3
    assert relative_error(ours[1], theirs.difficulty) < 1e-3
