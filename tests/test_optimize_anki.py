"""The optimizer against Anki itself (the real `anki` package): the same reviews give Anki the same training items
(count and log loss), and Anki's own optimizer on them is matched within 2 % log loss."""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta, timezone
from functools import partial
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from learner import DEFAULTS, TRUE, Learner, study
from mlwiki.config import load_config
from mlwiki.optimize.evaluate import evaluate, to_fsrs_items
from mlwiki.optimize.fit import fit_parameters
from mlwiki.ankiformat.revlog import RevlogKind
from mlwiki.optimize.items import LogEntry, entries_from_rows, training_items
from mlwiki.scan.sync import open_synced
from mlwiki.store.parameters import log_for_optimizer
from mlwiki.studyday import study_date
from test_optimize import START, make_wiki

UTC_DAYS = partial(study_date, zone=timezone.utc, starts_at=4)  # Anki's default rollover, in the tests' UTC
# (revlog type, ease factor) of each kind; CRAM and RESET are the factor-0 rows Anki singles out
REVLOG = {RevlogKind.LEARN: (0, 2500), RevlogKind.REVIEW: (1, 2500), RevlogKind.RELEARN: (2, 2500), RevlogKind.FILTERED: (3, 2500),
          RevlogKind.CRAM: (3, 0), RevlogKind.MANUAL: (4, 2500), RevlogKind.RESCHEDULED: (5, 2500), RevlogKind.RESET: (4, 0)}


@pytest.fixture(autouse=True)
def utc(monkeypatch):
    """Anki's study days follow the process's local zone: make it UTC, as the wikis here are."""
    monkeypatch.setenv("TZ", "UTC")


def anki_collection(folder: Path, entries: list[LogEntry], with_cards: bool):
    """A new Anki collection whose revlog holds `entries` (one Basic note per card when `with_cards`)."""
    from anki.collection import Collection

    col = Collection(str(folder / "collection.anki2"))
    ids: dict[str, int] = {}
    for number, card in enumerate(sorted({e.card_id for e in entries}), start=1):
        if with_cards:
            note = col.new_note(col.models.by_name("Basic"))
            note["Front"] = card
            col.add_note(note, col.decks.id("Default"))
            ids[card] = note.cards()[0].id
        else:
            ids[card] = number
    rows = [(int(e.when.timestamp() * 1000), ids[e.card_id], e.rating, REVLOG[e.kind][1], REVLOG[e.kind][0])
            for e in entries]
    col.db.executemany("INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
                       "VALUES (?, ?, -1, ?, 1, 0, ?, 1000, ?)", rows)
    return col


def anki_fit(col):
    """Anki's "Optimize" over the whole collection: (its parameters, its number of training items)."""
    response = col._backend.compute_fsrs_params(search="", current_params=[], ignore_revlogs_before_ms=0,
                                                num_of_relearning_steps=1, health_check=False)
    return list(response.params) or DEFAULTS, response.fsrs_items


# --- the training items --------------------------------------------------------------------------------------


def _entries(spec: list[tuple[str, float]], start: datetime) -> list[LogEntry]:
    when, out = start, []
    for kind_name, hours in spec:
        kind = RevlogKind[kind_name]
        when += timedelta(hours=hours)
        out.append(LogEntry("c", when, 0 if kind in (RevlogKind.MANUAL, RevlogKind.RESCHEDULED, RevlogKind.RESET) else 3, kind))
    return out


def test_items_as_in_ankis_own_examples():
    """Anki's unit tests (rslib params.rs): learning 15 and 13 days ago, reviews 10 and 5 days ago."""
    start = datetime(2026, 1, 1, 12, tzinfo=timezone.utc)
    found = training_items(_entries([("LEARN", 0), ("LEARN", 48), ("REVIEW", 72), ("REVIEW", 120)], start),
                           UTC_DAYS)
    assert [item.reviews for item in found.items] == [((3, 0), (3, 2)), ((3, 0), (3, 2), (3, 3)),
                                                      ((3, 0), (3, 2), (3, 3), (3, 5))]
    assert found.reviews == 4
    # a reset drops what came before it; cramming is no review; a card never learned gives nothing
    found = training_items(_entries([("LEARN", 0), ("REVIEW", 48), ("RESET", 24), ("LEARN", 24), ("CRAM", 30),
                                     ("REVIEW", 20)], start), UTC_DAYS)
    assert [item.reviews for item in found.items] == [((3, 0), (3, 2))]
    assert training_items(_entries([("REVIEW", 0), ("REVIEW", 48)], start), UTC_DAYS).items == []


def test_elapsed_days_are_study_days():
    """Learned at 20:00, reviewed at 09:00 the next morning: one study day later, not zero 24-hour periods."""
    start = datetime(2026, 1, 1, 20, tzinfo=timezone.utc)
    found = training_items(_entries([("LEARN", 0), ("REVIEW", 13)], start), UTC_DAYS)
    assert [item.reviews for item in found.items] == [((3, 0), (3, 1))]


KINDS = st.sampled_from(["LEARN"] * 4 + ["REVIEW"] * 5 + ["RELEARN"] * 2 + ["FILTERED", "CRAM", "MANUAL",
                                                                             "RESCHEDULED", "RESET"])
GAPS = st.sampled_from([0.05, 0.5, 3, 13, 20, 30, 50, 24 * 5, 24 * 20])
CARD = st.lists(st.tuples(KINDS, GAPS, st.integers(1, 4)), min_size=1, max_size=12)


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(CARD, min_size=1, max_size=25))
def test_items_agree_with_anki_on_random_histories(cards):
    """Learning, reviews, relearning, cramming, manual reschedules and resets in any order: Anki finds the same
    number of training items, and the same log loss for the default parameters (so the same items)."""
    start = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(days=400)
    entries, stamp = [], 0
    for number, card in enumerate(cards):
        when = start + timedelta(hours=number * 7)
        for kind_name, hours, rating in card:
            kind = RevlogKind[kind_name]
            when += timedelta(hours=hours)
            stamp += 1  # (revlog ids are milliseconds: each entry its own offset, never summed into the next, so two
            # cards' entries at the same minute stay apart; summed, they could meet: "UNIQUE constraint failed")
            entries.append(LogEntry(f"card{number:03d}", when + timedelta(milliseconds=stamp),
                                    0 if kind in (RevlogKind.MANUAL, RevlogKind.RESCHEDULED, RevlogKind.RESET) else rating, kind))
    ours = training_items(entries, UTC_DAYS)
    with tempfile.TemporaryDirectory() as folder:
        col = anki_collection(Path(folder), entries, with_cards=True)
        try:
            _, anki_items = anki_fit(col)
            assert anki_items == len(ours.items)
            if ours.items:
                theirs = col._backend.evaluate_params_legacy(params=DEFAULTS, search="", ignore_revlogs_before_ms=0)
                assert evaluate(DEFAULTS, to_fsrs_items(ours.items)).log_loss == pytest.approx(theirs.log_loss,
                                                                                               rel=1e-5)
        finally:
            col.close()


# --- the fit -------------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_fit_is_within_two_percent_of_ankis_optimizer(tmp_path):
    """The learner's reviews in mlwiki and in an Anki collection: same items, and our fit's log loss on them is
    within 2 % of that of Anki's "Optimize"."""
    make_wiki(tmp_path, 600)
    config = load_config(tmp_path)
    store, _ = open_synced(config, START, progress=False)
    with store:
        study(store, config, Learner(TRUE, seed=5), START, 45)
        entries = entries_from_rows(log_for_optimizer(store).fetchall())
    found = training_items(entries, UTC_DAYS)
    items = to_fsrs_items(found.items)
    numbers: dict[str, int] = {}
    ours = fit_parameters(items, [numbers.setdefault(i.card_id, len(numbers)) for i in found.items], 1)
    col = anki_collection(tmp_path, entries, with_cards=False)
    try:
        theirs, anki_items = anki_fit(col)
    finally:
        col.close()
    assert anki_items == len(found.items) > 1000
    ours_loss, theirs_loss = evaluate(ours, items).log_loss, evaluate(theirs, items).log_loss
    assert ours_loss <= theirs_loss * 1.02, (ours_loss, theirs_loss)
    assert ours_loss < evaluate(DEFAULTS, items).log_loss
