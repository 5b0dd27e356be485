"""The revlog rows mlwiki writes (export, push) read back the way Anki's FSRS and `pull` read them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mlwiki.ankiformat.revlog import LEARN, MANUAL, RevlogRow, anki_factor, anki_interval, classify, revlog_rows

review = st.fixed_dictionaries({
    "rating": st.integers(0, 4),
    "duration_ms": st.integers(0, 10_000_000) | st.none(),
    "state_before": st.sampled_from([None, 0, 1, 2, 3]),
    "scheduled_days": st.floats(0, 40_000) | st.none(),
    "difficulty": st.floats(1, 10) | st.none(),
})


@given(st.lists(review, max_size=30))
def test_written_rows_read_back_as_the_same_reviews_and_resets(reviews):
    for n, r in enumerate(reviews):
        r["anki_id"] = 1_700_000_000_000 + n
    rows = revlog_rows(reviews, cid=7)
    assert [row[0] for row in rows] == [r["anki_id"] for r in reviews]
    kinds = [classify(RevlogRow(*row[:2], *row[3:])) for row in rows]
    assert kinds == ["reset" if r["rating"] == 0 else "review" for r in reviews]  # never cramming or manual
    starts = [i for i, r in enumerate(reviews) if r["rating"] and (i == 0 or reviews[i - 1]["rating"] == 0)]
    for i in starts:  # Anki's FSRS starts a history at a learn row: the first review, and the first after a reset
        if reviews[i]["state_before"] in (None, 0, 1):
            assert rows[i][8] == LEARN
    assert all(row[8] == MANUAL and row[3] == 0 and row[6] == 0 for row, r in zip(rows, reviews) if r["rating"] == 0)
    assert all(0 <= row[7] <= 3_600_000 for row in rows)


@given(st.floats(0, 100_000))
def test_intervals_are_days_or_negative_seconds(days):
    ivl = anki_interval(days)
    if days >= 1:
        assert ivl >= 1 and abs(ivl - days) <= 0.5
    elif days > 0:
        assert ivl < 0 and abs(-ivl - days * 86400) <= 1
    else:
        assert ivl == 0


@given(st.floats(1, 10))
def test_factor_maps_difficulty_as_anki_does(difficulty):
    assert 100 <= anki_factor(difficulty) <= 1100
    assert anki_factor(difficulty) == round(((difficulty - 1) / 9 + 0.1) * 1000)
