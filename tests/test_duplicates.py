"""The same card in two notes is studied once (mlwiki.scan.duplicates): the CLI on wikis written to tmp_path, with
a real database."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from conftest import run as run_cli
from mlwiki.scan.duplicates import Front, same_subject

NOW = "2026-03-02T12:00:00+00:00"
LATER = "2026-03-20T12:00:00+00:00"
ANSWER = "Checks whether a sample was drawn from a normal distribution."
SHEET = ("# Normality tests cheat sheet\n\n## Shapiro-Wilk Test\n\n" + ANSWER + "\n\n"
         "## Levene Test\n\nChecks whether several groups share one variance.\n")
ATOMIC = "# Shapiro-Wilk\n\n## What does Shapiro-Wilk test?\n\n" + ANSWER + "\n"


@pytest.fixture
def wiki(tmp_path: Path) -> Path:
    (tmp_path / "notes").mkdir()
    (tmp_path / "mlwiki.toml").write_text('name = "ML"\nnotes = "notes"\n[review]\ntimezone = "UTC"\n',
                                         encoding="utf-8")
    write(tmp_path, "sheet.md", SHEET)
    write(tmp_path, "shapiro.md", ATOMIC)
    return tmp_path


def write(wiki: Path, rel: str, text: str) -> None:
    (wiki / "notes" / rel).write_text(text, encoding="utf-8")


def run(wiki: Path, *args: str, now: str = NOW, **kwargs):
    return run_cli(wiki, *args, now=now, ok=True, **kwargs)


def cards(wiki: Path, *args: str, now: str = NOW) -> list[dict]:
    return json.loads(run(wiki, "cards", "--json", *args, now=now).stdout)


def by_path(rows: list[dict]) -> dict[str, dict]:
    return {row["source"]["path"]: row for row in rows if row["back"] == ANSWER}


def review_all(wiki: Path, count: int, now: str = NOW) -> str:
    return run(wiki, "review", "--plain", input="\n3\n" * count + "q\n", now=now).output


def reviews_of(wiki: Path, card_id: str) -> int:
    conn = sqlite3.connect(wiki / ".mlwiki" / "mlwiki.db")
    try:
        return conn.execute("SELECT count(*) FROM reviews WHERE card_id = ?", (card_id,)).fetchone()[0]
    finally:
        conn.close()


def test_two_notes_sharing_a_card_make_one_card_to_study(wiki):
    listed = by_path(cards(wiki))
    assert list(listed) == ["notes/shapiro.md"]  # (tie on reviews and first sight: path order)
    [duplicate] = cards(wiki, "--state", "duplicate")
    assert duplicate["source"]["path"] == "notes/sheet.md"
    assert duplicate["duplicate_of"] == listed["notes/shapiro.md"]["id"]
    text = run(wiki, "cards", "--state", "duplicate").stdout
    assert "duplicate" in text and "notes/sheet.md:3" in text
    due = run(wiki, "due", "--json").stdout
    assert json.loads(due)["new"] == 2  # Shapiro-Wilk once, and Levene
    shown = review_all(wiki, 2)  # (the two new cards, once each)
    assert shown.count(ANSWER) == 1, shown
    assert reviews_of(wiki, duplicate["id"]) == 0


def test_check_names_the_copy_studied_as_a_notice(wiki):
    run(wiki, "scan")  # (check reads the database when there is one)
    result = run_cli(wiki, "check", now=NOW)
    assert result.exit_code == 0, result.output
    assert "notice" not in result.stdout  # (over the whole wiki a repeat is counted, not listed as a problem)
    assert "1 card repeating another note's card" in result.stderr and "--state duplicate" in result.stderr
    result = run_cli(wiki, "check", str(wiki / "notes"), now=NOW)
    [line] = [line for line in result.stdout.splitlines() if "notice" in line]
    assert line.startswith("notes/sheet.md:3: notice: ") and "notes/shapiro.md:3" in line, line
    problems = json.loads(run(wiki, "check", "--json").stdout)["problems"]
    [notice] = [p for p in problems if p["severity"] == "notice"]
    assert notice["code"] == "duplicate" and notice["path"] == "notes/sheet.md"
    only = run_cli(wiki, "check", str(wiki / "notes" / "shapiro.md"), now=NOW).stdout
    assert "notice" not in only  # (a notice is about the note that repeats)


def test_same_back_about_different_subjects_stays_two_cards(wiki):
    shared = "The observations are independent and identically distributed."
    write(wiki, "lilliefors.md", f"# Lilliefors\n\nQ: What are the assumptions of Lilliefors?\nA: {shared}\n")
    write(wiki, "jarque.md", f"# Jarque-Bera\n\nQ: What are the assumptions of Jarque-Bera?\nA: {shared}\n")
    write(wiki, "binomial.md", "# Binomial distribution\n\n## Parameters\n\nA count of trials and a success rate.\n")
    write(wiki, "negbin.md", "# Negative binomial distribution\n\n## Parameters\n\n"
                             "A count of trials and a success rate.\n")
    listed = cards(wiki)
    assert len([c for c in listed if c["back"] == shared]) == 2
    assert len([c for c in listed if c["back"] == "A count of trials and a success rate."]) == 2
    assert [c["source"]["path"] for c in cards(wiki, "--state", "duplicate")] == ["notes/sheet.md"]


def test_reviews_of_both_are_kept_and_the_card_returns_with_its_history(wiki):
    # before the two agreed, both were studied: mlwiki saw the sheet's card first, then the atomic note's
    (wiki / "notes" / "shapiro.md").unlink()
    run(wiki, "scan")
    write(wiki, "shapiro.md", ATOMIC.replace(ANSWER, "A test of normality."))
    review_all(wiki, 3, now=LATER)
    sheet_id = by_path(cards(wiki, now=LATER))["notes/sheet.md"]["id"]
    [atomic_id] = [c["id"] for c in cards(wiki, now=LATER) if c["source"]["path"] == "notes/shapiro.md"]
    assert reviews_of(wiki, sheet_id) == 1 and reviews_of(wiki, atomic_id) == 1
    write(wiki, "shapiro.md", ATOMIC)  # (its back now says what the sheet's says; editing a back keeps the id)
    assert list(by_path(cards(wiki, now=LATER))) == ["notes/sheet.md"]  # as many reviews: the one seen first
    [duplicate] = cards(wiki, "--state", "duplicate", now=LATER)
    assert duplicate["id"] == atomic_id and duplicate["reviews"] == 1 and duplicate["duplicate_of"] == sheet_id
    assert reviews_of(wiki, sheet_id) == 1 and reviews_of(wiki, atomic_id) == 1
    # the kept card's note is edited: the group dissolves, the duplicate is studied again with its history
    write(wiki, "sheet.md", SHEET.replace(ANSWER, "Tests a sample for normality."))
    assert cards(wiki, "--state", "duplicate", now=LATER) == []
    back = by_path(cards(wiki, now=LATER))["notes/shapiro.md"]
    assert back["id"] == atomic_id and back["reviews"] == 1 and back["state"] != "new"


def test_a_duplicate_keeps_its_history_and_the_group_dissolves_when_the_kept_note_is_deleted(wiki):
    run(wiki, "scan")
    conn = sqlite3.connect(wiki / ".mlwiki" / "mlwiki.db")
    kept_id, dup_id = conn.execute("SELECT duplicate_of, id FROM cards WHERE duplicate_of IS NOT NULL").fetchone()
    conn.close()
    review_all(wiki, 2)
    assert reviews_of(wiki, kept_id) == 1 and reviews_of(wiki, dup_id) == 0
    (wiki / "notes" / "shapiro.md").unlink()
    listed = by_path(cards(wiki, now=LATER))
    assert [c["id"] for c in listed.values()] == [dup_id]
    assert reviews_of(wiki, kept_id) == 1  # retired, its history kept
    shown = review_all(wiki, 2, now=LATER)
    assert ANSWER in shown


def test_a_rescan_with_nothing_changed_keeps_the_choice(wiki):
    first = cards(wiki, "--state", "duplicate")
    for _ in range(3):
        run(wiki, "scan")
        assert cards(wiki, "--state", "duplicate") == first
    # an edit elsewhere in the copy's note decides the group again, and the same card stays studied
    write(wiki, "sheet.md", SHEET + "\n## Bartlett Test\n\nAnother test of equal variances.\n")
    assert [c["id"] for c in cards(wiki, "--state", "duplicate")] == [first[0]["id"]]


def test_export_leaves_duplicates_out(wiki, tmp_path):
    run(wiki, "export", "-o", str(tmp_path / "decks"))
    (deck,) = (tmp_path / "decks").glob("*.apkg")
    with zipfile.ZipFile(deck) as archive:
        (tmp_path / "col.anki2").write_bytes(archive.read("collection.anki2"))
    conn = sqlite3.connect(tmp_path / "col.anki2")
    fields = [row[0] for row in conn.execute("SELECT flds FROM notes")]
    conn.close()
    assert len(fields) == 2  # Shapiro-Wilk once, and Levene
    assert sum(ANSWER in f for f in fields) == 1


def test_the_migration_keeps_every_review(wiki):
    """A database from before migration 012 (its columns and record removed) upgrades with its reviews."""
    review_all(wiki, 2)
    db = wiki / ".mlwiki" / "mlwiki.db"
    conn = sqlite3.connect(db)
    before = conn.execute("SELECT * FROM reviews ORDER BY id").fetchall()
    assert before
    conn.execute("DROP INDEX idx_cards_back_key")
    conn.execute("ALTER TABLE cards DROP COLUMN back_key")
    conn.execute("ALTER TABLE cards DROP COLUMN duplicate_of")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '012_duplicate_cards'")
    conn.execute("UPDATE meta SET value = '11' WHERE key = 'schema_version'")
    conn.execute("UPDATE meta SET value = 'older' WHERE key = 'extraction_fingerprint'")
    conn.commit()
    conn.close()
    assert [c["source"]["path"] for c in cards(wiki, "--state", "duplicate")] == ["notes/sheet.md"]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT * FROM reviews ORDER BY id").fetchall() == before
    conn.close()


@pytest.mark.parametrize("a, b, same", [
    ("Shapiro-Wilk\n\nWhat does Shapiro-Wilk test?", "Tests cheat sheet › Normality › Shapiro-Wilk Test", True),
    ("Shapiro-Wilk › Assumptions\n\nWhat are the assumptions of Shapiro-Wilk?",
     "Anderson-Darling › Assumptions\n\nWhat are the assumptions of Anderson-Darling?", False),
    ("Binomial Distribution › Statements › Parameters",
     "Negative Binomial Distribution › Statements › Parameters", False),
    ("Article A › Examples of Hypothesis Tests › Compare Sample Means (parametric)",
     "Clippings › Examples of Hypothesis Tests › Compare Sample Means (parametric)", True),
    ("Normal Distribution › Parameters", "Distributions › Log-Normal Distribution › Parameters", False),
    # the same question under the same headings in two notebooks of one course: one passage copied
    ("Algebra primer › Functions\n\nDefine: argument or input variable",
     "Calculus primer › Functions\n\nDefine: argument or input variable", True),
    ("Algebra primer › Powers › Negative powers\n\nWhat is a negative power?",
     "Calculus primer › Powers › Negative powers\n\nWhat is a negative power?", True),
    # a path with no question names no subject of its own; a question of one word under one word neither
    ("Chi-squared test › Statements › Hypothesis formulation",
     "Pearson test › Statements › Hypothesis formulation", False),
    ("Algebra primer › Functions\n\nWhat is a function?", "Calculus primer › Functions\n\nWhat is a function?", False),
])
def test_same_subject(a, b, same):
    assert same_subject(Front(a), Front(b)) is same
    assert same_subject(Front(b), Front(a)) is same
