"""A card whose front changes because it gained its subject keeps its history (issue 23): a database written by
the release before (tests/fixtures/subject-v4: notes titled only by their file names, 18 reviews) is opened by
this code, and every reviewed card is still the same card, with the same id and every review."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from collections import defaultdict
from pathlib import Path

from functools import partial

import pytest

import conftest

FIXTURE = Path(__file__).parent / "fixtures" / "subject-v4"
run = partial(conftest.run, now="2026-03-20T10:00:00Z", ok=True)


@pytest.fixture
def old_wiki(tmp_path) -> Path:
    root = tmp_path / "wiki"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("*.sql", "README.md"))
    (root / ".mlwiki").mkdir()
    conn = sqlite3.connect(root / ".mlwiki" / "mlwiki.db")
    conn.executescript((FIXTURE / "mlwiki-release.sql").read_text(encoding="utf-8"))
    conn.commit()
    conn.close()
    return root


def old_cards() -> dict[str, tuple[str, set[str]]]:
    """id → (front, review times) as the old release stored them."""
    conn = sqlite3.connect(":memory:")
    conn.executescript((FIXTURE / "mlwiki-release.sql").read_text(encoding="utf-8"))
    cards = {cid: (front, set()) for cid, front in conn.execute("SELECT id, front FROM cards")}
    for cid, at in conn.execute("SELECT card_id, reviewed_at FROM reviews"):
        cards[cid][1].add(at)
    conn.close()
    return cards


def test_cards_that_gain_their_subject_keep_their_ids_and_every_review(old_wiki, tmp_path):
    before = old_cards()
    assert sum(len(times) for _, times in before.values()) == 18
    cards = {c["id"]: c for c in json.loads(run(old_wiki, "cards", "--json").stdout)}
    run(old_wiki, "log", "export", str(tmp_path / "log.csv"))
    after: dict[str, set[str]] = defaultdict(set)
    with open(tmp_path / "log.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if not row.get("event"):
                after[row["card_id"]].add(row["reviewed_at"])
    for old_id, (old_front, times) in before.items():
        new = cards[old_id]  # the same id: no relink needed, nothing retired
        assert new["front"] != old_front and new["front"].startswith(("Dropout", "Softmax")), new["front"]
        assert after[old_id] == times
    assert json.loads(run(old_wiki, "orphans", "--json").stdout) == []
    assert sorted(c["front"] for c in cards.values()) == [
        "Dropout\n\nWhy does it regularise?",
        "Dropout › Why does it regularise?\n\nDefine: Inverted dropout",
        "Dropout › Why does it regularise?\n\nThe kept activations are rescaled:",
        "Dropout › Why does it regularise?\n\nWhat rate is usual for hidden layers?",
        "Dropout › Why does it regularise?\n\nWhy scale the kept activations?",  # new: a `**…**?` question
        "Softmax\n\nWhat happens when all logits grow by the same constant?",
        "Softmax › Formula"]


def test_a_renamed_note_keeps_its_cards(old_wiki):
    before = {c["id"] for c in json.loads(run(old_wiki, "cards", "--json").stdout)}
    (old_wiki / "notes" / "nets" / "Dropout.md").rename(old_wiki / "notes" / "nets" / "Dropout regularisation.md")
    cards = json.loads(run(old_wiki, "cards", "--json").stdout)
    assert {c["id"] for c in cards} == before
    assert any(c["front"] == "Dropout regularisation\n\nWhy does it regularise?" for c in cards)
