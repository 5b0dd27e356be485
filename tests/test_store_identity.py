"""Upgrading to formula ids keeps every review history (issue 16): a database written by the release before
(tests/fixtures/identity-v2, made with mlwiki 6c7fc00 and 46 reviews) is opened by this code."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import run as run_cli
from mlwiki import ids
from mlwiki.store.identity import formula_of_back
from mlwiki.store.migrations import SCHEMA_VERSION

FIXTURE = Path(__file__).parent / "fixtures" / "identity-v2"
NOW = "2026-03-10T10:00:00Z"


def run(root: Path, *args: str):
    return run_cli(root, *args, now=NOW, ok=True, catch_exceptions=True)


@pytest.fixture
def old_wiki(tmp_path) -> Path:
    root = tmp_path / "wiki"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("*.sql"))
    (root / ".mlwiki").mkdir()
    old_database(root / ".mlwiki" / "mlwiki.db").close()
    return root


def old_database(path: Path | str = ":memory:") -> sqlite3.Connection:
    """The old release's database, rebuilt from its SQL dump (kept as text: a binary database in git is opaque)."""
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURE / "mlwiki-v3.sql").read_text(encoding="utf-8"))
    conn.commit()
    return conn


def old_history() -> dict[str, dict]:
    """What the old release stored: each reviewed card's kind, front, back and review times."""
    conn = old_database()
    cards = {cid: {"kind": kind, "front": front, "back": back, "reviews": set()}
             for cid, kind, front, back in conn.execute("SELECT id, kind, front, back FROM cards")}
    for cid, at in conn.execute("SELECT card_id, reviewed_at FROM reviews"):
        cards[cid]["reviews"].add(at)
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("3",)
    conn.close()
    return {cid: card for cid, card in cards.items() if card["reviews"]}


def new_history(root: Path, tmp_path: Path) -> dict[str, set[str]]:
    run(root, "log", "export", str(tmp_path / "log.csv"))
    found: dict[str, set[str]] = defaultdict(set)
    with open(tmp_path / "log.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if not row.get("event"):  # answers only; suspend, bury, relink … rows are card events
                found[row["card_id"]].add(row["reviewed_at"])
    return found


def test_every_history_of_a_card_still_in_the_notes_moves_to_its_new_id(old_wiki, tmp_path):
    before = old_history()
    assert sum(len(c["reviews"]) for c in before.values()) == 46
    cards = json.loads(run(old_wiki, "cards", "--json").stdout)
    after = new_history(old_wiki, tmp_path)
    assert sum(len(times) for times in after.values()) == 46  # not one review row lost or duplicated
    by_front = {c["front"]: c for c in cards if c["kind"] != "formula"}
    first_steps = {ids.normalize_formula(formula_of_back(c["back"].split("\n\n")[0])): c
                   for c in cards if c["kind"] == "formula"}
    kept, steps = 0, []
    for old_id, old in before.items():
        if old["kind"] == "formula":
            new = first_steps.get(ids.normalize_formula(formula_of_back(old["back"])))
        else:
            new = by_front.get(old["front"])
        if new is None:  # its formula is now a later step of a derivation card
            assert any(formula_of_back(old["back"]) in c["back"] for c in cards)
            steps.append(ids.formula_id(formula_of_back(old["back"])))  # the id the upgrade moved it to
            continue
        assert old["reviews"] <= after[new["id"]], (old["front"], new["front"])
        kept += 1
    # Two formulas are now later steps of a card: the squared-error derivative (a derivation) and, in gd.md, the
    # momentum update that no sentence tells from the gradient step before it (one card, both on its back).
    assert kept == len(before) - len(steps) == 10
    orphans = json.loads(run(old_wiki, "orphans", "--json").stdout)
    assert sorted(o["id"] for o in orphans) == sorted(steps)
    assert all(o["reviews"] == len(before[o["id"]]["reviews"]) if o["id"] in before else o["reviews"] > 0
               for o in orphans)  # kept, not deleted


def test_the_old_id_bug_is_undone_two_formulas_get_two_ids(old_wiki):
    cards = json.loads(run(old_wiki, "cards", "--json").stdout)
    definitions = [c for c in cards if c["front"].endswith("Definition\n\nThe formula is:")]
    assert len(definitions) == 2 and len({c["id"] for c in definitions}) == 2
    assert {c["front"] for c in definitions} == {"adam › Definition\n\nThe formula is:",
                                                 "vae › Definition\n\nThe formula is:"}  # (each names its note)
    assert {c["source"]["path"] for c in definitions} == {"notes/adam.md", "notes/vae.md"}


def test_the_upgrade_backs_up_first_and_runs_once(old_wiki, tmp_path):
    run(old_wiki, "scan")
    backups = sorted((old_wiki / ".mlwiki" / "backups").iterdir())
    assert [b.name for b in backups if f"before-migration-3-to-{SCHEMA_VERSION}" in b.name]
    conn = sqlite3.connect(backups[-1])
    assert conn.execute("SELECT count(*) FROM reviews").fetchone() == (46,)
    conn.close()
    first = new_history(old_wiki, tmp_path)
    run(old_wiki, "scan")
    assert new_history(old_wiki, tmp_path) == first
    assert len(list((old_wiki / ".mlwiki" / "backups").iterdir())) == len(backups)
