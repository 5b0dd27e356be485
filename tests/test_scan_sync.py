"""Identity through change: history stays attached through renames, moves, edits, deletions (issue 4)."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from click.testing import CliRunner

from conftest import bump_mtime, write
from mlwiki.store.index import IndexWriter
from mlwiki.cli import cli
from mlwiki.config import load_config
from mlwiki.review.answering import record_answer
from mlwiki.review.schedule import Scheduler
from mlwiki.store.migrations import SCHEMA_VERSION
from mlwiki.scan.sync import open_synced, scan


def synced(root, now):
    config = load_config(root)
    store, report = open_synced(config, now)
    return config, store, report


def live_cards(store):
    return {r["id"]: r for r in store.query("SELECT * FROM cards WHERE retired = 0")}


def review(store, config, card_id, now, rating=3):
    return record_answer(store, Scheduler.from_settings(config.review), card_id, rating, now, 1000, 8)


def reviews_of(store, card_id):
    return store.query("SELECT count(*) FROM reviews WHERE card_id = ?", (card_id,))[0][0]


def rescan(store, config, now):
    return scan(store, config, now)


QA = "Q: What does the softmax temperature control in a language model?\nA: The sharpness of the distribution.\n"


@pytest.fixture
def reviewed(wiki, now):
    """A wiki with one note holding one Q/A card that has been reviewed twice."""
    path = write(wiki, "notes/a.md", "# A\n\n" + QA)
    config, store, _ = synced(wiki, now)
    (card_id,) = live_cards(store)
    review(store, config, card_id, now)
    review(store, config, card_id, now + timedelta(minutes=10))
    yield wiki, config, store, card_id, path
    store.close()


def assert_history_kept(store, card_id, expected_reviews=2):
    cards = live_cards(store)
    assert card_id in cards, "the reviewed card must keep its id"
    assert len(cards) == 1, f"no duplicate may appear: {list(cards)}"
    assert reviews_of(store, card_id) == expected_reviews
    assert cards[card_id]["reps"] == expected_reviews


def test_first_scan_creates_database_with_schema_version(wiki, now):
    write(wiki, "notes/a.md", QA)
    config, store, report = synced(wiki, now)
    with store:
        assert config.db_path == wiki / ".mlwiki" / "mlwiki.db"
        assert store.meta("schema_version") == str(SCHEMA_VERSION)
        assert report.cards_added == 1 and report.files_read == 1


def test_rescan_without_change_reads_nothing(reviewed, now):
    wiki, config, store, card_id, path = reviewed
    report = rescan(store, config, now)
    assert (report.files_read, report.files_changed, report.cards_added) == (0, 0, 0)


def test_touch_without_change_reads_but_does_not_reextract(reviewed, now):
    wiki, config, store, card_id, path = reviewed
    bump_mtime(path)
    report = rescan(store, config, now)
    assert report.files_read == 1 and report.files_changed == 0


def test_rename_file_keeps_history(reviewed, now):
    wiki, config, store, card_id, path = reviewed
    path.rename(wiki / "notes" / "renamed.md")
    rescan(store, config, now)
    assert_history_kept(store, card_id)
    assert live_cards(store)[card_id]["path"] == "notes/renamed.md"


def test_move_card_to_another_file_keeps_history(reviewed, now):
    wiki, config, store, card_id, path = reviewed
    path.write_text("# A\n\nNothing.\n", encoding="utf-8")
    bump_mtime(path)
    write(wiki, "notes/sub/b.md", "# B\n\nintro\n\n" + QA)
    rescan(store, config, now)
    assert_history_kept(store, card_id)
    assert live_cards(store)[card_id]["path"] == "notes/sub/b.md"
    assert live_cards(store)[card_id]["line"] == 5


def test_edit_back_keeps_card(reviewed, now):
    wiki, config, store, card_id, path = reviewed
    path.write_text("# A\n\n" + QA.replace("The sharpness", "How peaked"), encoding="utf-8")
    bump_mtime(path)
    rescan(store, config, now)
    assert_history_kept(store, card_id)
    assert "How peaked" in live_cards(store)[card_id]["back"]


def test_small_edit_of_front_relinks_history(reviewed, now):
    wiki, config, store, card_id, path = reviewed
    path.write_text("# A\n\n" + QA.replace("control in", "change in"), encoding="utf-8")
    bump_mtime(path)
    report = rescan(store, config, now)
    assert report.cards_relinked == 1
    assert_history_kept(store, card_id)
    assert "change in" in live_cards(store)[card_id]["front"]
    # and the next scan of the same text still finds the card through the alias
    path.write_text("# A\n\n" + QA.replace("control in", "change in") + "\nextra line\n", encoding="utf-8")
    bump_mtime(path)
    rescan(store, config, now)
    assert_history_kept(store, card_id)


def test_rewritten_front_starts_a_new_card_and_retires_the_old(reviewed, now):
    wiki, config, store, card_id, path = reviewed
    path.write_text("# A\n\nQ: Name three regularizers.\nA: L2, dropout, early stopping.\n", encoding="utf-8")
    bump_mtime(path)
    report = rescan(store, config, now)
    assert report.cards_relinked == 0 and report.cards_retired == 1
    assert card_id not in live_cards(store)
    assert reviews_of(store, card_id) == 2  # history kept on the retired card


def test_reorder_cards_keeps_ids(wiki, now):
    two = "Q: First question about bias?\nA: one\n\nQ: Second question about variance?\nA: two\n"
    path = write(wiki, "notes/a.md", two)
    config, store, _ = synced(wiki, now)
    with store:
        before = set(live_cards(store))
        for cid in before:
            review(store, config, cid, now)
        parts = two.split("\n\n")
        path.write_text(parts[1] + "\n" + parts[0] + "\n", encoding="utf-8")
        bump_mtime(path)
        report = rescan(store, config, now)
        assert set(live_cards(store)) == before
        assert report.cards_added == 0 and report.cards_retired == 0
        assert all(reviews_of(store, cid) == 1 for cid in before)


def test_delete_then_restore_brings_history_back(reviewed, now):
    wiki, config, store, card_id, path = reviewed
    path.unlink()
    report = rescan(store, config, now)
    assert report.cards_retired == 1 and live_cards(store) == {}
    result = CliRunner().invoke(cli, ["--root", str(wiki), "--now", now.isoformat(), "orphans", "--json"])
    assert result.exit_code == 0, result.output
    assert card_id in result.output and "notes/a.md" in result.output
    write(wiki, "notes/back.md", QA)
    report = rescan(store, config, now)
    assert report.cards_restored == 1
    assert_history_kept(store, card_id)


def test_same_card_in_two_notes_is_one_card_with_two_sources(reviewed, now):
    wiki, config, store, card_id, path = reviewed
    write(wiki, "notes/copy.md", QA)
    rescan(store, config, now)
    assert_history_kept(store, card_id)
    sources = store.query("SELECT path FROM card_sources WHERE card_id = ? ORDER BY path", (card_id,))
    assert [r[0] for r in sources] == ["notes/a.md", "notes/copy.md"]
    result = CliRunner().invoke(cli, ["--root", str(wiki), "check"])
    assert "same card is also at notes/a.md" in result.output


def test_removing_one_copy_of_a_duplicate_keeps_the_card_live(reviewed, now):
    wiki, config, store, card_id, path = reviewed
    write(wiki, "notes/copy.md", QA)
    rescan(store, config, now)
    path.unlink()
    rescan(store, config, now)
    assert_history_kept(store, card_id)
    assert live_cards(store)[card_id]["path"] == "notes/copy.md"


def test_changing_an_explicit_id_keeps_history(wiki, now):
    div = "::: {{.card #{}}}\n## What is the bias of a constant predictor?\nThe mean error.\n:::\n"
    path = write(wiki, "notes/a.md", div.format("bias-const"))
    config, store, _ = synced(wiki, now)
    with store:
        assert set(live_cards(store)) == {"bias-const"}
        review(store, config, "bias-const", now)
        path.write_text(div.format("constant-bias"), encoding="utf-8")
        bump_mtime(path)
        rescan(store, config, now)
        cards = live_cards(store)
        assert len(cards) == 1
        (cid,) = cards
        assert reviews_of(store, cid) == 1


def test_explicit_id_wins_over_any_text_change(wiki, now):
    div = "::: {{.card #kl}}\n## {}\nback\n:::\n"
    path = write(wiki, "notes/a.md", div.format("What is KL divergence?"))
    config, store, _ = synced(wiki, now)
    with store:
        review(store, config, "kl", now)
        path.write_text(div.format("Completely different wording entirely"), encoding="utf-8")
        bump_mtime(path)
        rescan(store, config, now)
        assert set(live_cards(store)) == {"kl"} and reviews_of(store, "kl") == 1


def test_a_reworded_question_with_the_same_answer_keeps_history(reviewed, now):
    """A heading renamed or a subject added rewrites a card's whole front; the answer it asks for is the same card."""
    wiki, config, store, card_id, path = reviewed
    path.write_text("# A\n\nQ: Which knob makes sampled tokens more or less random?\n"
                    "A: The sharpness of the distribution.\n", encoding="utf-8")
    bump_mtime(path)
    report = rescan(store, config, now)
    assert report.cards_relinked == 1 and report.cards_retired == 0
    assert_history_kept(store, card_id)
    assert "Which knob" in live_cards(store)[card_id]["front"]


def test_a_short_answer_or_another_file_does_not_carry_history_to_a_new_question(wiki, now):
    """"Yes." or "0.9" answers many questions; an answer now in another file belongs to another note's card."""
    a = write(wiki, "notes/a.md", "# A\n\nQ: Is the softmax of a vector always positive?\nA: Yes, always.\n")
    b = write(wiki, "notes/b.md", "# B\n\nQ: What does dropout zero out during training?\nA: Random activations of a layer.\n")
    config, store, _ = synced(wiki, now)
    with store:
        for card_id in live_cards(store):
            review(store, config, card_id, now)
        a.write_text("# A\n\nQ: Is cross-entropy convex in the logits?\nA: Yes, always.\n", encoding="utf-8")
        b.write_text("# B\n\nnothing here yet\n", encoding="utf-8")
        write(wiki, "notes/c.md", "# C\n\nQ: Which units does a dropout mask hit?\nA: Random activations of a layer.\n")
        bump_mtime(a), bump_mtime(b)
        report = rescan(store, config, now)
        assert report.cards_relinked == 0 and report.cards_retired == 2


def test_ambiguous_relink_is_not_merged_and_check_reports_it(wiki, now):
    path = write(wiki, "notes/a.md", "Q: What is the learning rate of model A in run one?\nA: x\n\n"
                                      "Q: What is the learning rate of model B in run one?\nA: y\n")
    config, store, _ = synced(wiki, now)
    with store:
        path.write_text("Q: What is the learning rate of model C in run one?\nA: z\n", encoding="utf-8")
        bump_mtime(path)
        report = rescan(store, config, now)
        assert report.cards_relinked == 0
        assert any(p.code == "ambiguous-relink" for p in report.problems)
    result = CliRunner().invoke(cli, ["--root", str(wiki), "check"])
    assert "matches more than one vanished card" in result.output


def test_cards_json_reports_store_fields(reviewed, now):
    wiki, config, store, card_id, path = reviewed
    result = CliRunner().invoke(cli, ["--root", str(wiki), "--now", now.isoformat(), "cards", "--json"])
    assert result.exit_code == 0, result.output
    import json

    (card,) = json.loads(result.output)
    assert card["id"] == card_id and card["reviews"] == 2 and card["state"] in ("learning", "review")
    assert card["retired"] is False and card["due"] and card["stability"] > 0 and 1 <= card["difficulty"] <= 10
    assert set(card) >= {"id", "note_id", "kind", "front", "back", "deck", "tags", "source", "state", "due",
                         "reviews", "lapses", "stability", "difficulty", "retired"}


def test_interrupted_scan_leaves_database_consistent(reviewed, now, monkeypatch):
    wiki, config, store, card_id, path = reviewed
    path.write_text("# A\n\n" + QA + "\nQ: A second question on entropy?\nA: yes\n", encoding="utf-8")
    bump_mtime(path)

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("power cut half-way through the scan")

    monkeypatch.setattr(IndexWriter, "repoint", crash)  # after cards were written, before commit
    with pytest.raises(KeyboardInterrupt):
        rescan(store, config, now)
    monkeypatch.undo()
    check = sqlite3.connect(config.db_path)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert check.execute("SELECT count(*) FROM cards").fetchone()[0] == 1  # nothing half-written
    check.close()
    report = rescan(store, config, now)
    assert report.cards_added == 1
    assert reviews_of(store, card_id) == 2


def test_changed_card_settings_reextract_unchanged_notes(wiki, now):
    """Turning on `definitions` (or upgrading mlwiki) must not leave stale cards from notes that did not change."""
    write(wiki, "notes/a.md", "**Logit**: the log-odds of a probability.\n\nQ: Why?\nA: Because.\n")
    config = load_config(wiki)
    store, _ = open_synced(config, now)
    with store:
        assert [r["kind"] for r in store.query("SELECT kind FROM cards WHERE retired = 0")] == ["basic"]
    (wiki / "mlwiki.toml").write_text("definitions = true\n" + (wiki / "mlwiki.toml").read_text())
    config = load_config(wiki)
    store, report = open_synced(config, now)
    with store:
        kinds = sorted(r["kind"] for r in store.query("SELECT kind FROM cards WHERE retired = 0"))
    assert kinds == ["basic", "definition"] and report.files_read == 1
    store, report = open_synced(config, now)  # and then it is settled again
    store.close()
    assert report.files_read == 0


# --- the walk's snapshot (mlwiki.scan.snapshot) and the streamed first scan ------------------------------------

TABLES = ("SELECT path, size, mtime_ns, hash, skipped FROM files ORDER BY path",
          "SELECT path, line, severity, code, message FROM problems ORDER BY path, line, message",
          "SELECT * FROM cards ORDER BY id", "SELECT * FROM card_sources ORDER BY card_id, path, line")


def tick() -> None:
    """Let the file system's clock move on, so a change shows in a folder's times."""
    import time

    time.sleep(0.05)


@pytest.fixture
def trusting(monkeypatch):
    """Snapshots trusted however fresh their times (the tests change files right after a scan)."""
    from mlwiki.scan import snapshot

    monkeypatch.setattr(snapshot, "RACY_NS", 0)


def test_a_snapshot_skips_the_walk_until_a_folder_changes(wiki, now, trusting, monkeypatch):
    from mlwiki.sources import notes

    write(wiki, "notes/deep/a.md", "# A\n\n" + QA)
    config, store, _ = synced(wiki, now)
    with store:
        walks = []
        monkeypatch.setattr(notes, "walk_notes", lambda *a, **k: walks.append(1) or real_walk(*a, **k))
        assert store.meta("walk_snapshot") and rescan(store, config, now).files_seen == 1 and walks == []
        tick()
        bump_mtime(write(wiki, "notes/deep/a.md", "# A\n\nQ: Edited in place?\nA: Yes.\n"))
        report = rescan(store, config, now)
        assert (report.files_changed, report.cards_added, walks) == (1, 1, []), "an edit needs no walk"
        write(wiki, "notes/deep/b.md", "Q: New in an old folder?\nA: Seen.\n")
        assert rescan(store, config, now).cards_added == 1 and walks == [1]
        assert rescan(store, config, now).files_changed == 0 and walks == [1]


real_walk = __import__("mlwiki.sources.notes", fromlist=["walk_notes"]).walk_notes


def test_a_snapshot_sees_ignore_rules_and_deletions(wiki, now, trusting):
    write(wiki, "notes/keep.md", "Q: Kept?\nA: Yes.\n")
    write(wiki, "notes/drafts/wip.md", "Q: Hidden later?\nA: Yes.\n")
    config, store, _ = synced(wiki, now)
    with store:
        assert rescan(store, config, now).files_seen == 2
        tick()
        write(wiki, "notes/.gitignore", "drafts/\n")  # a new .gitignore: its folder changed
        assert rescan(store, config, now).cards_retired == 1
        tick()
        write(wiki, "notes/.gitignore", "keep.md\n")  # edited in place: its own times changed
        report = rescan(store, config, now)
        assert (report.files_seen, report.cards_retired, report.cards_restored) == (1, 1, 1)
        tick()
        (wiki / "notes/drafts/wip.md").unlink()
        assert rescan(store, config, now).cards_retired == 1


def test_a_walk_with_problems_or_fresh_folders_is_not_trusted(wiki, now):
    write(wiki, "notes/a.md", QA)
    config, store, _ = synced(wiki, now)  # the folders were written just now
    with store:
        assert store.meta("walk_snapshot") is None


def test_a_streamed_first_scan_stores_what_one_transaction_stores(wiki, now, monkeypatch):
    from mlwiki.scan import sync

    for k in range(7):
        write(wiki, f"notes/n{k}.md", f"# N{k}\n\nQ: Card {k}?\nA: Answer {k}.\n\n" + QA)  # QA: in every note
    write(wiki, "notes/z.md", "---\ntitle: [unclosed\n---\n\nQ: Still read?\nA: Yes.\n")
    tables = []
    for batch in (2, 10_000):
        monkeypatch.setattr(sync, "STREAM_FILES", batch)
        (wiki / ".mlwiki" / "mlwiki.db").unlink(missing_ok=True)
        config, store, report = synced(wiki, now)
        with store:
            assert (report.files_changed, report.cards_added) == (8, 9)
            tables.append([[tuple(r) for r in store.query(sql)] for sql in TABLES])
    assert tables[0] == tables[1]
    assert len(tables[0][3]) == 15, "the card in every note has a source in each"


def card_indexes(store) -> list[tuple]:
    return sorted(tuple(r) for r in store.query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                                                "tbl_name IN ('cards', 'card_sources')"))


def test_a_first_scan_builds_its_card_indexes_once_and_a_cut_one_leaves_them_to_the_next(wiki, now, monkeypatch):
    """A streamed first scan drops the card indexes for its bulk insert and builds them at its end; killed
    half-way, it leaves them to the next scan, which builds them before anything else."""
    from mlwiki.scan import sync
    from mlwiki.store.index import DEFERRED_INDEXES_KEY
    from mlwiki.store.opening import open_store

    for k in range(7):
        write(wiki, f"notes/n{k}.md", f"# N{k}\n\nQ: Card {k}?\nA: Answer {k}.\n")
    with open_store(load_config(wiki)) as fresh:
        expected = card_indexes(fresh)
    assert len(expected) >= 5
    monkeypatch.setattr(sync, "STREAM_FILES", 2)
    config, store, report = synced(wiki, now)
    with store:
        assert report.cards_added == 7 and card_indexes(store) == expected
        assert store.meta(DEFERRED_INDEXES_KEY) is None
    (wiki / ".mlwiki" / "mlwiki.db").unlink()
    real, calls = sync._apply, []

    def killed_at_the_third_batch(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(sync, "_apply", killed_at_the_third_batch)
    with pytest.raises(KeyboardInterrupt):
        synced(wiki, now)
    db = sqlite3.connect(wiki / ".mlwiki" / "mlwiki.db")
    assert db.execute("SELECT count(*) FROM cards").fetchone()[0] == 4, "two batches of two notes were kept"
    assert db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('cards', "
                      "'card_sources') AND sql IS NOT NULL").fetchone()[0] == 0
    db.close()
    monkeypatch.setattr(sync, "_apply", real)
    config, store, report = synced(wiki, now)
    with store:
        assert card_indexes(store) == expected and store.meta(DEFERRED_INDEXES_KEY) is None
        assert len(live_cards(store)) == 7


def test_a_streamed_first_scan_writes_its_last_files_in_small_batches(wiki, now, monkeypatch):
    """What is left to write when the workers are done is one small batch, not a whole STREAM_FILES one."""
    from mlwiki.scan import sync

    for k in range(10):
        write(wiki, f"notes/n{k}.md", f"# N{k}\n\nQ: Card {k}?\nA: Answer {k}.\n")
    monkeypatch.setattr(sync, "STREAM_FILES", 4)
    monkeypatch.setattr(sync, "STREAM_TAIL_FILES", 2)
    real, batches = sync._apply, []

    def counted(index, report, changed, *args, **kwargs):
        batches.append(len(changed))
        return real(index, report, changed, *args, **kwargs)

    monkeypatch.setattr(sync, "_apply", counted)
    config, store, report = synced(wiki, now)
    with store:
        assert report.cards_added == 10 and len(live_cards(store)) == 10
    assert batches == [4, 3, 2, 1]


def test_a_note_is_read_whole_as_pathlib_reads_it(tmp_path):
    from mlwiki.scan.examine import read_bytes

    for size in (0, 1, 4095, 70_000, 300_001):
        path = tmp_path / f"n{size}.md"
        path.write_bytes(bytes(range(256)) * (size // 256) + b"x" * (size % 256))
        assert read_bytes(str(path)) == path.read_bytes()
    for bad in (tmp_path / "missing.md", tmp_path):
        with pytest.raises(OSError):
            read_bytes(str(bad))
