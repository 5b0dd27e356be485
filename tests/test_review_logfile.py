"""Nothing is lost by `log export` → `log import` (issue 19, point 7): a 60-day history, generated through the
real CLI with --now (answers, suspensions, buries, leeches, unsuspensions), imported into a fresh wiki gives the
same `stats --json` and `cards --json`, in both file formats."""

from __future__ import annotations

import csv
import json
import random
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import write, run as run_cli
from mlwiki.cli import cli

START = datetime(2026, 1, 5, 8, 0, tzinfo=timezone.utc)
CONFIG = 'name = "T"\n[review]\ntimezone = "UTC"\nleech_threshold = 3\nnew_per_day = 2\n'


def mlwiki(root: Path, when: datetime, *args: str, input: str | None = None):
    return run_cli(root, *args, now=when, input=input, ok=True, catch_exceptions=True)


def make_wiki(root: Path) -> None:
    write(root, "mlwiki.toml", CONFIG)
    for topic in range(4):
        cards = "\n".join(f"Q: Question {topic}.{i} about the gradient of loss number {7 * i + topic}?\n"
                          f"A: Answer {topic}.{i}.\n" for i in range(35))
        write(root, f"notes/topic{topic}.md", f"# Topic {topic}\n\n{cards}")


def session_keys(rng: random.Random) -> str:
    """Enough plain-mode input for any day: mostly reveal + rating, sometimes a suspend or a bury."""
    keys = []
    for _ in range(300):
        roll = rng.random()
        if roll < 0.02:
            keys.append("s")
        elif roll < 0.05:
            keys.append("b")
        else:
            keys += ["", str(rng.choices([1, 2, 3, 4], [0.2, 0.1, 0.6, 0.1])[0])]
    return "\n".join(keys) + "\n"


def generate_history(root: Path, days: int = 60, seed: int = 19) -> datetime:
    """`days` of daily sessions at varying hours; every tenth day the leeches are unsuspended. Returns the end."""
    rng = random.Random(seed)
    for day in range(days):
        when = START + timedelta(days=day, minutes=rng.randrange(0, 12 * 60))
        mlwiki(root, when, "review", "--plain", input=session_keys(rng))
        if day % 10 == 9:
            leeches = [c["id"] for c in json.loads(mlwiki(root, when, "cards", "--json").stdout) if c["leech"]]
            if leeches:
                mlwiki(root, when, "unsuspend", *leeches[:2])
    return START + timedelta(days=days, hours=3)


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> tuple[Path, datetime]:
    root = tmp_path_factory.mktemp("history")
    make_wiki(root)
    return root, generate_history(root)


def snapshot(root: Path, when: datetime) -> tuple[dict, list]:
    stats = json.loads(mlwiki(root, when, "stats", "--json").stdout)
    cards = json.loads(mlwiki(root, when, "cards", "--json", "--all").stdout)
    return stats, cards


def fresh_copy(root: Path, target: Path) -> Path:
    """The same notes and config, no database."""
    shutil.copytree(root, target, ignore=shutil.ignore_patterns(".mlwiki"))
    return target


@pytest.mark.slow
@pytest.mark.parametrize("suffix", ["jsonl", "csv"])
def test_round_trip_reproduces_stats_and_every_card(history, tmp_path: Path, suffix: str):
    root, end = history
    stats, cards = snapshot(root, end)
    # the history is worth the name: every kind of state and flag is present
    assert stats["reviews_total"] > 300 and stats["true_retention_30d"] is not None
    assert {c["state"] for c in cards} >= {"review", "new"}
    assert sum(c["suspended"] and not c["leech"] for c in cards) >= 1 and sum(c["leech"] for c in cards) >= 1

    log = tmp_path / f"log.{suffix}"
    assert f"Wrote {stats['reviews_total']} reviews" in mlwiki(root, end, "log", "export", str(log)).stdout
    other = fresh_copy(root, tmp_path / "fresh")
    imported = mlwiki(other, end, "log", "import", str(log)).stdout
    assert f"Imported {stats['reviews_total']} reviews" in imported
    assert snapshot(other, end) == (stats, cards)
    check = CliRunner().invoke(cli, ["--root", str(other), "--now", end.isoformat(), "check"])
    assert check.exit_code == 0 and "replay" not in check.output


@pytest.mark.slow
def test_round_trip_keeps_buries_and_the_next_days_queue(history, tmp_path: Path):
    """A card buried today is still buried after the import; tomorrow both wikis offer the same cards."""
    root, end = history
    source = fresh_copy(root, tmp_path / "source")
    shutil.copytree(root / ".mlwiki", source / ".mlwiki")
    mlwiki(source, end, "review", "--plain", input="b\n\n3\n")
    buried = [c for c in json.loads(mlwiki(source, end, "cards", "--json").stdout) if c["buried_until"]]
    assert buried, "a card was buried"
    log = tmp_path / "log.jsonl"
    mlwiki(source, end, "log", "export", str(log))
    other = fresh_copy(root, tmp_path / "fresh")
    mlwiki(other, end, "log", "import", str(log))
    for when in (end, end + timedelta(days=1)):
        assert snapshot(other, when) == snapshot(source, when)
        assert mlwiki(other, when, "due", "--json").stdout == mlwiki(source, when, "due", "--json").stdout


def test_events_are_in_the_export_and_old_files_still_import(wiki: Path, tmp_path: Path):
    write(wiki, "notes/a.md", "Q: First card on entropy?\nA: a\n\nQ: Second card on KL?\nA: b\n")
    when = START
    mlwiki(wiki, when, "review", "--plain", input="\n3\ns\n")
    log = tmp_path / "log.csv"
    mlwiki(wiki, when, "log", "export", str(log))
    rows = list(csv.DictReader(log.read_text(encoding="utf-8").splitlines()))
    assert [(r["rating"], r["event"]) for r in rows] == [("3", ""), ("", "suspend")]
    # a file written before events were exported: reviews only, no event columns
    old = tmp_path / "old.csv"
    with open(old, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(list(rows[0])[:6])
        writer.writerow(list(rows[0].values())[:6])
    other = fresh_copy(wiki, tmp_path / "fresh")
    assert "Imported 1 review; rebuilt 1 card" in mlwiki(other, when, "log", "import", str(old)).stdout
    cards = json.loads(mlwiki(other, when, "cards", "--json").stdout)
    assert [(c["reviews"], c["suspended"]) for c in cards] == [(1, False), (0, False)]


def test_a_bad_log_file_is_one_line_naming_it(wiki: Path, tmp_path: Path):
    write(wiki, "notes/a.md", "Q: q?\nA: a\n")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"card_id": "x", "reviewed_at": "2026-01-01T00:00:00+00:00", "rating": 7, "duration_ms": 0, '
                   '"content_hash": "h", "settings": {}}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["--root", str(wiki), "log", "import", str(bad)])
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: {bad}:1: not a review log export: rating 7")


@pytest.mark.slow
def test_round_trip_keeps_the_history_of_an_edited_card(history, tmp_path: Path):
    """A card whose question was reworded keeps its first id (and history) in its wiki; a fresh scan names it after
    its new text, and the import gives it the old id back."""
    root, end = history
    source = fresh_copy(root, tmp_path / "source")
    shutil.copytree(root / ".mlwiki", source / ".mlwiki")
    note = source / "notes" / "topic0.md"
    note.write_text(note.read_text(encoding="utf-8").replace("Question 0.1 about the gradient of loss number 7?",
                                                             "Question 0.1 about the gradient of the loss number 7?"),
                    encoding="utf-8")
    report = json.loads(mlwiki(source, end, "scan", "--json").stdout)
    assert report["cards_relinked"] == 1
    rng = random.Random(3)
    for day in range(1, 4):
        mlwiki(source, end + timedelta(days=day), "review", "--plain", input=session_keys(rng))
    later = end + timedelta(days=4)
    before = snapshot(source, later)
    edited = [c for c in before[1] if "the loss number 7?" in c["front"]]
    assert len(edited) == 1 and edited[0]["reviews"] > 0
    log = tmp_path / "log.csv"
    mlwiki(source, later, "log", "export", str(log))
    other = fresh_copy(source, tmp_path / "fresh")
    mlwiki(other, later, "log", "import", str(log))
    assert snapshot(other, later) == before
    # and the next scan of the fresh wiki keeps it that way
    note = other / "notes" / "topic0.md"
    note.write_text(note.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert snapshot(other, later) == before


def test_reviews_pulled_from_anki_keep_their_source_id_and_resets(wiki: Path, tmp_path: Path):
    """A log holding reviews made in Anki (source, Anki id) and an Anki reset (rating 0) comes back the same
    after a second round trip: sources, ids, figures and cards."""
    write(wiki, "notes/a.md", "Q: First card on entropy?\nA: a\n\nQ: Second card on KL?\nA: b\n")
    mlwiki(wiki, START, "review", "--plain", input="\n3\n\n4\n")
    exported = tmp_path / "mlwiki.jsonl"
    mlwiki(wiki, START, "log", "export", str(exported))
    records = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    first = records[0]
    later = [{**first, "reviewed_at": (START + timedelta(days=d)).isoformat(), "rating": rating, "source": "anki",
              "anki_id": 1_767_000_000_000 + d} for d, rating in ((3, 3), (9, 0), (10, 2))]
    pulled = tmp_path / "pulled.jsonl"
    pulled.write_text("".join(json.dumps(r) + "\n" for r in records + later), encoding="utf-8")
    when = START + timedelta(days=11)
    one = fresh_copy(wiki, tmp_path / "one")
    mlwiki(one, when, "log", "import", str(pulled))
    again = tmp_path / "again.csv"
    mlwiki(one, when, "log", "export", str(again))
    rows = list(csv.DictReader(again.read_text(encoding="utf-8").splitlines()))
    assert [(r["rating"], r["source"], r["anki_id"]) for r in rows if r["source"] == "anki"] == [
        ("3", "anki", "1767000000003"), ("0", "anki", "1767000000009"), ("2", "anki", "1767000000010")]
    two = fresh_copy(wiki, tmp_path / "two")
    mlwiki(two, when, "log", "import", str(again))
    assert snapshot(two, when) == snapshot(one, when)
    card = next(c for c in snapshot(one, when)[1] if c["id"] == first["card_id"])
    assert card["reviews"] == 1, "the reset started the card afresh; one answer since"
