"""Notes named by a timestamp and the vault's housekeeping (housekeeping.py, daily.is_stamped): a scratch or journal
note named "kind.YYYY.MM.DD[.HHMMSS]" names no subject, its opening line's topic does; a tool's starter page, a hub
of note names and a deadline make no card."""

from __future__ import annotations

import pytest

from conftest import DEFAULT_CONFIG
from shared_notes import Scanned, SharedNotes

SCRATCH = """---
id: k3j2h1
title: '094512'
---

SVD — rough notes from the linear algebra review, move to la.svd later

- setting: any real matrix $A$ factors as $A = U \\Sigma V^\\top$ with orthogonal $U$, $V$ and a non-negative diagonal $\\Sigma$
- rank: the number of non-zero singular values, which is why truncated SVD gives the best low-rank approximation
- link to PCA: the right singular vectors of the centred data are the principal directions; SVD is what PCA runs
"""


NOTES = SharedNotes(DEFAULT_CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


SCRATCH_2025_02_11_094512 = NOTES.add({"scratch.2025.02.11.094512.md": SCRATCH})


def test_a_note_named_by_a_timestamp_is_about_the_topic_its_opening_line_names(shared):
    cards = shared.backs_by_front(SCRATCH_2025_02_11_094512)
    assert "the number of non-zero singular values" in cards.get("SVD › rank", ""), cards
    assert not any("scratch" in front or "2025" in front for front in cards), cards
    assert not any("rough notes" in back for back in cards.values()), cards  # (the line that titles the note)


DAILY_JOURNAL_2025_02_11 = NOTES.add({
    "daily.journal.2025.02.11.md": (
        "---\ntitle: '2025-02-11'\n---\n\n- thesis meeting moved to Thursday\n- HW4 due Fri: Q1 (SVD), Q3 "
        "(power iteration). started Q1.\n- the power iteration converges at the rate of the ratio of the two "
        "largest eigenvalues, so a small spectral gap makes it slow\n")
})


def test_a_journal_named_by_its_date_is_no_subject_and_its_deadline_no_card(shared):
    cards = shared.backs_by_front(DAILY_JOURNAL_2025_02_11)
    assert not any("daily.journal" in front for front in cards), cards
    assert not any("HW4" in front or "Q1 (SVD)" in back for front, back in cards.items()), cards


ROOT = NOTES.add({
    "root.md": (
        "# Welcome to the vault\n\nThis is the home of your vault. Once you share your vault, this page is the "
        "first one readers see. You can change anything on this page.\n\n## mine\n\n- [[la]] — linear algebra\n"
        "- drafts end up under `drafts.*`, sort them out some day\n"),
    "la.md": (
        "- [[la.svd]] — singular value decomposition, the course's week 5\n- la.eigen — not started\n"
        "- la.norms?? maybe fold into la.svd\n"),
    "la.svd.md": "# SVD\n\nAny real matrix factors as $A = U \\Sigma V^\\top$ with orthogonal $U$ and $V$.\n"
})


def test_a_tools_starter_page_and_a_hub_of_note_names_make_no_card(shared):
    cards = shared.backs_by_front(ROOT)
    text = "\n".join(cards) + "\n".join(cards.values())
    assert "vault" not in text and "la.eigen" not in text and "drafts" not in text, cards
    assert any("orthogonal" in back for back in cards.values()), cards


POWER = NOTES.add({
    "power.md": (
        "# Power iteration\n\n## convergence\n\n[[Eigenvalues]] decide its speed: the error shrinks by the "
        "ratio of the second largest to the largest eigenvalue each step.\n")
})


def test_a_line_that_opens_on_a_link_and_says_a_fact_stays_a_card(shared):
    cards = shared.backs_by_front(POWER)
    assert any("ratio of the second largest" in back for back in cards.values()), cards
