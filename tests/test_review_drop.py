"""Dropping a card as "not a card", finding suspended cards again, and a session that refills (issues 23 and 28)."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

from conftest import bump_mtime, run, write
from mlwiki.config import load_config
from mlwiki.review.queue import Filters
from mlwiki.review.session import ReviewSession
from mlwiki.scan.sync import open_synced

CARDS = "# Optimisers\n\n" + "".join(f"Q: Question {n} about momentum?\nA: Answer {n}\n\n" for n in range(5))


def invoke(root, *args, now, stdin=None):
    return run(root, *args, now=now, input=stdin, ok=True)


def cards(root, now, *args) -> list[dict]:
    return json.loads(invoke(root, "cards", "--json", *args, now=now).stdout)


def session_at(root, when, **filters):
    config = load_config(root)
    store, _ = open_synced(config, when)
    return store, ReviewSession(store, config, lambda: when, Filters(**filters))


def test_drop_leaves_the_queue_for_good_and_undo_brings_it_back(wiki, now):
    write(wiki, "notes/a.md", CARDS)
    store, session = session_at(wiki, now)
    with store:
        first = session.current.id
        assert session.drop().id == first
        assert session.current.id != first and session.remaining["new"] == 4
        assert session.undo().kind == "drop"
        assert session.current.id == first and session.remaining["new"] == 5
        session.drop()
    assert [c["id"] for c in cards(wiki, now, "--dropped")] == [first]
    assert first not in [c["id"] for c in cards(wiki, now)]
    # another day, another card of the note edited, a rescan: still dropped, never shown
    later = now + timedelta(days=3)
    path = write(wiki, "notes/a.md", CARDS.replace("Answer 3", "Answer three"))
    bump_mtime(path)
    assert [c["id"] for c in cards(wiki, later, "--state", "dropped")] == [first]
    store, session = session_at(wiki, later)
    with store:
        seen = []
        while session.current is not None:
            seen.append(session.current.id)
            session.answer(3)
        assert first not in seen and len(set(seen)) == 4
    assert json.loads(invoke(wiki, "due", "--json", now=later).stdout)["new"] == 0
    assert "Undropped 1 card." in invoke(wiki, "undrop", first, now=later).stdout
    assert json.loads(invoke(wiki, "due", "--json", now=later).stdout)["new"] == 1


def test_plain_x_drops_and_the_drop_travels_in_the_log(wiki, now, tmp_path):
    write(wiki, "notes/a.md", CARDS)
    out = invoke(wiki, "review", "--plain", now=now, stdin="\nx\n\n3\nq\n").stdout
    [dropped] = cards(wiki, now, "--dropped")
    assert f"Not a card, dropped: {dropped['id']} · u undoes it · later: `mlwiki undrop {dropped['id']}`" in out
    log = tmp_path / "log.jsonl"
    invoke(wiki, "log", "export", str(log), now=now)
    assert {"card_id": dropped["id"], "event": "drop"}.items() <= json.loads(log.read_text().splitlines()[-1]).items()
    fresh = tmp_path / "fresh"
    (fresh / "notes").mkdir(parents=True)
    (fresh / "mlwiki.toml").write_text((wiki / "mlwiki.toml").read_text())
    write(fresh, "notes/a.md", CARDS)
    invoke(fresh, "log", "import", str(log), now=now)
    assert [c["id"] for c in cards(fresh, now, "--dropped")] == [dropped["id"]]
    assert json.loads(invoke(fresh, "due", "--json", now=now).stdout)["new"] == 3  # one answered, one dropped


def test_unsuspend_skips_dropped_cards_and_all_takes_filters(wiki, now):
    write(wiki, "notes/a.md", CARDS)
    write(wiki, "notes/b.md", "Q: Other question?\nA: Other answer\n")
    store, session = session_at(wiki, now)
    with store:
        suspended = [session.suspend().id, session.suspend().id]
        dropped = session.drop().id
    text = invoke(wiki, "cards", "--state", "suspended", now=now).stdout
    assert sorted(line.split()[0] for line in text.splitlines()) == sorted(suspended)
    assert all(line.split()[2] == "suspended" for line in text.splitlines())
    assert invoke(wiki, "unsuspend", dropped, now=now).stdout == (
        f"Unsuspended 0 cards.\nDropped as 'not a card', left as they are: {dropped} (`mlwiki undrop` brings them "
        "back).\n")
    assert "Unsuspended 0 cards" in invoke(wiki, "unsuspend", "--all", "--path", "notes/b.md", now=now).stdout
    assert "Unsuspended 2 cards." in invoke(wiki, "unsuspend", "--all", now=now).stdout
    assert cards(wiki, now, "--state", "suspended") == []
    assert [c["id"] for c in cards(wiki, now, "--dropped")] == [dropped]
    bad = run(wiki, "unsuspend")
    assert bad.exit_code == 2 and "give card ids or --all" in bad.output


def test_session_refills_and_ends_only_when_due_says_nothing_is_due(wiki, now):
    """After each suspend, bury or drop of a new card the freed slot goes to the next new card (as in Anki), and
    the line that ends the session says what `due` says."""
    write(wiki, "notes/a.md", CARDS + "".join(f"Q: Extra {n}?\nA: Extra answer {n}\n\n" for n in range(5)))
    (wiki / "mlwiki.toml").write_text('name = "T"\n[review]\ntimezone = "UTC"\nnew_per_day = 2\n')
    for key in ("s", "b", "x"):
        out = invoke(wiki, "review", "--plain", now=now, stdin=f"{key}\n\n4\n\n4\n").stdout
        assert out.count("recorded ") == 2, out
        end = out.strip().splitlines()[-1]
        due = invoke(wiki, "due", now=now).stdout.strip().splitlines()[-1]
        assert "Due now" not in end and end.endswith(due), (end, due)
        now += timedelta(days=1)


def test_an_empty_wiki_says_what_to_write(wiki, now):
    for command in ("review", "due"):
        out = invoke(wiki, command, now=now).stdout
        assert out.startswith("No cards yet — write `Q:`/`A:` lines or a heading ending in `?`;\n"
                              "`mlwiki check` shows what was found.\n")
    assert json.loads(invoke(wiki, "due", "--json", now=now).stdout)["matched"] == 0


def test_an_upgraded_database_gets_the_dropped_column_with_history_intact(wiki, now):
    write(wiki, "notes/a.md", CARDS)
    invoke(wiki, "review", "--plain", now=now, stdin="\n3\n")
    db = wiki / ".mlwiki" / "mlwiki.db"
    conn = sqlite3.connect(db)
    conn.execute("ALTER TABLE cards DROP COLUMN dropped")  # as the previous release wrote it
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '008_dropped_cards'")
    conn.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    listed = cards(wiki, now)
    assert [c["reviews"] for c in listed].count(1) == 1 and not any(c["dropped"] for c in listed)
    assert list((wiki / ".mlwiki" / "backups").glob("*before-migration-7-to-*"))


def test_check_json_counts_dropped_cards_per_form(wiki, now):
    write(wiki, "notes/a.md", "# Adam\n\nQ: What does β₂ control?\nA: The second-moment decay.\n\n"
                              "The update divides by the root of the second moment:\n\n"
                              "$$\\theta_t = \\theta_{t-1} - \\alpha \\hat m_t / \\sqrt{\\hat v_t}$$\n")
    (wiki / "mlwiki.toml").write_text('name = "T"\nformulas = "display"\n[review]\ntimezone = "UTC"\n')
    store, session = session_at(wiki, now)
    with store:
        while session.current is not None:
            (session.drop if session.current.kind == "formula" else session.suspend)()
    report = json.loads(invoke(wiki, "check", "--json", now=now).stdout)
    assert report["dropped"] == {"formula": 1} and report["made"] == {"qa": 1, "formula": 1}
    assert report["problems"] == []
    assert "dropped as 'not a card' in review: 1 display formula" in run(wiki, "check", ok=True).stderr
    stats = json.loads(invoke(wiki, "stats", "--json", now=now).stdout)
    assert stats["total_cards"] == 1 and stats["counts"]["suspended"] == 1, "a dropped card is no card to study"
