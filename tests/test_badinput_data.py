"""Bad data: one line, nothing changed (issue 24.7). A corpus of bad command-line options, config files, review
logs and Anki collections, each run through the CLI as a user would: no traceback, a non-zero exit with one
`Error:` line (or, for rows a pull skips, a report saying so), and neither the database's reviews, events and
schedules nor the collection file changed. (Bad notes are `test_badinput.py`'s corpus.)"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from anki_world import make_wiki, review_due
from conftest import run

pytestmark = pytest.mark.slow

NOW = datetime(2026, 1, 15, 9, 0, tzinfo=timezone.utc)

BAD_NOW = ["0001-01-01", "9999-12-31T23:59:59+00:00", "1969-12-31T23:59:59+00:00", "2200-01-01", "2999-06-01",
           "never", "2026-13-01", "2026-02-30", "2026-01-01T25:00", "1e10", "+inf", "x" * 5000, "2026-01-01 x",
           "-2026-01-01", "2026-01-01T00:00:00+25:00"]

BAD_OPTIONS = [
    ["review", "--limit", "abc"], ["review", "--limit", "-1"], ["review", "--new", "-5"], ["due", "--deck"],
    ["log", "import", "/no/such/log.jsonl"], ["restore", "/no/such/backup.db", "--yes"],
    ["anki", "pull", "/no/such/collection.anki2"], ["anki", "push", "/no/such/collection.anki2"],
    ["anki", "pull", "--profile", "Nobody"], ["anki", "push", "--profile", "Nobody"],
    ["unsuspend", "no-such-card"], ["log", "export", "/no/such/folder/log.csv"], ["stats", "--html", "/no/such/x.html"],
]

BAD_CONFIGS = [
    "name = \n", "[review\n", "[review]\ndesired_retention = 5\n", "[review]\ndesired_retention = 0.5\n",
    "[review]\ndesired_retention = -1\n", "[review]\ndesired_retention = 'x'\n", "[review]\ndesired_retention = true\n",
    "[review]\nlearning_steps = ['3000000d']\n", "[review]\nlearning_steps = ['0m']\n",
    "[review]\nlearning_steps = ['-1d']\n", "[review]\nlearning_steps = [1]\n", "[review]\nlearning_steps = ['10m', 5]\n",
    "[review]\nrelearning_steps = ['400d']\nmaximum_interval = 100\n", "[review]\nmaximum_interval = 0\n",
    "[review]\nmaximum_interval = 1e9\n", "[review]\nday_starts_at = 24\n", "[review]\ntimezone = 'Mars/Base'\n",
    "[review]\nnew_per_day = -1\n", "[review]\nfuzz = 'yes'\n", "review = 3\n", "macros = 5\n",
    "[review]\nlearn_ahead = 'forever'\n", "[review]\nleech_threshold = 0\n", "formulas = 'sometimes'\n",
    "exclude = 3\n", "deck_names = 3\n", "\x00\x01\x02", "[review]\nnew_mix = 'shuffle'\n",
]

VALID_REVIEW = {"card_id": None, "reviewed_at": "2026-01-10T10:00:00+00:00", "rating": 3, "duration_ms": 5000,
                "content_hash": "h", "settings": None}
BAD_REVIEW_FIELDS = [
    ("rating", 2.7), ("rating", True), ("rating", "2"), ("rating", 5), ("rating", -1), ("rating", None),
    ("rating", [3]), ("duration_ms", -5), ("duration_ms", 2.5), ("duration_ms", "x"), ("duration_ms", True),
    ("card_id", ""), ("card_id", 5), ("card_id", None), ("card_id", "x" * 10000),
    ("reviewed_at", "0001-01-01T00:00:00+00:00"), ("reviewed_at", "9999-12-31T23:59:59+00:00"),
    ("reviewed_at", "never"), ("reviewed_at", ""), ("reviewed_at", "2999-01-01T00:00:00+00:00"),
    ("reviewed_at", 20260110), ("reviewed_at", "1969-12-31T00:00:00+00:00"), ("settings", {}), ("settings", "x"),
    ("settings", [1, 2]), ("source", "phone"), ("source", 7), ("anki_id", -4), ("anki_id", "abc"), ("anki_id", 1.5),
    ("anki_ivl", "soon"), ("rating", "3.0"), ("rating", ""), ("rating", 1e3), ("rating", {"v": 3}),
    ("duration_ms", -1), ("duration_ms", 10**12), ("duration_ms", [5]), ("card_id", ["a"]), ("card_id", {"a": 1}),
    ("reviewed_at", "2026-01-10 noon"), ("reviewed_at", None), ("reviewed_at", "2026-01-10T10:00:00+99:00"),
    ("reviewed_at", "10/01/2026"), ("content_hash", 5), ("source", "AnkiWeb"), ("anki_id", True), ("anki_ivl", 1.5),
]
BAD_SETTINGS = [("desired_retention", 5), ("desired_retention", 0.5), ("desired_retention", "0.9"),
                ("desired_retention", None), ("learning_steps", "x"), ("maximum_interval", "x"),
                ("parameters", "x"), ("learning_steps", [1e30])]
BAD_LOG_FILES = {
    "not-json.jsonl": "this is not json\n",
    "array.jsonl": "[1, 2, 3]\n",
    "nested.jsonl": "[" * 100000 + "]" * 100000 + "\n",
    "nested-object.jsonl": '{"a": ' * 50000 + "1" + "}" * 50000 + "\n",
    "binary.jsonl": b"\x00\xff\xfe\x00garbage".decode("latin-1"),
    "event-never.jsonl": '{"card_id": "CARD", "at": "never", "event": "suspend"}\n',
    "event-kind.jsonl": '{"card_id": "CARD", "at": "2026-01-10T10:00:00+00:00", "event": "explode"}\n',
    "event-year1.jsonl": '{"card_id": "CARD", "at": "0001-01-01T00:00:00+00:00", "event": "bury"}\n',
    "header.csv": "a,b,c\n1,2,3\n",
    "csv-rating.csv": "card_id,reviewed_at,rating,duration_ms,content_hash,settings\nCARD,2026-01-10T10:00:00+00:00,2.7,0,h,SETTINGS\n",
    "csv-extra.csv": "card_id,reviewed_at,rating,duration_ms,content_hash,settings\nCARD,2026-01-10T10:00:00+00:00,3,0,h,SETTINGS,extra,more\n",
    "csv-settings.csv": "card_id,reviewed_at,rating,duration_ms,content_hash,settings\nCARD,2026-01-10T10:00:00+00:00,3,0,h,{bad\n",
    "lacks-rating.jsonl": '{"card_id": "CARD", "reviewed_at": "2026-01-10T10:00:00+00:00"}\n',
}


def state_of(root: Path) -> str:
    """A digest of what must never change: reviews, events and every card's scheduling columns."""
    path = root / ".mlwiki" / "mlwiki.db"
    if not path.exists():
        return "no database"
    conn = sqlite3.connect(path)
    try:
        parts = [conn.execute("SELECT * FROM reviews ORDER BY id").fetchall(),
                 conn.execute("SELECT * FROM events ORDER BY id").fetchall(),
                 conn.execute("SELECT id, state, step, stability, difficulty, due, last_review, reps, lapses, "
                              "suspended, leech, buried_until FROM cards ORDER BY id").fetchall()]
    finally:
        conn.close()
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def assert_one_line_error(result, code: int | None = None) -> None:
    text = result.output
    assert "Traceback" not in text and result.exception is None or isinstance(result.exception, SystemExit), text
    assert result.exit_code != 0, text
    if code is not None:
        assert result.exit_code == code, text
    errors = [line for line in text.splitlines() if line.startswith("Error")]
    assert len(errors) == 1, text


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory):
    """A wiki with reviews, and the state digest to compare with."""
    root = make_wiki(tmp_path_factory.mktemp("bad") / "wiki")
    review_due(root, NOW, lambda card: 3)
    run(root, "export", "-o", str(root / "decks"), now=NOW, ok=True)  # gives the reviews their Anki ids, once
    return root


@pytest.fixture(scope="module")
def empty_wiki(tmp_path_factory):
    """A scanned wiki without reviews (a log imports only there), its card id and the settings in use."""
    root = make_wiki(tmp_path_factory.mktemp("empty") / "wiki")
    run(root, "scan", now=NOW, ok=True)
    source = make_wiki(tmp_path_factory.mktemp("source") / "wiki")
    review_due(source, NOW, lambda card: 3)
    log = tmp_path_factory.mktemp("log") / "log.jsonl"
    run(source, "log", "export", str(log), now=NOW, ok=True)
    first = json.loads(log.read_text().splitlines()[0])
    return root, first["card_id"], first["settings"], first["content_hash"]


@pytest.fixture
def empty(empty_wiki, tmp_path):
    """A copy of the empty wiki for one test (a bad import that got in would spoil the others' runs)."""
    root, *rest = empty_wiki
    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    return (copy, *rest)


def corpus_size() -> int:
    return (len(BAD_NOW) + len(BAD_OPTIONS) + len(BAD_CONFIGS) + len(BAD_REVIEW_FIELDS) + len(BAD_SETTINGS)
            + len(BAD_LOG_FILES) + 2 * len(BAD_COLLECTIONS))  # each collection is pulled and pushed


def test_the_corpus_is_large_enough():
    assert corpus_size() >= 150


@pytest.mark.parametrize("value", BAD_NOW)
def test_bad_now_exits_2_naming_the_option(reviewed, value):
    before = state_of(reviewed)
    result = run(reviewed, "due", now=value)
    assert_one_line_error(result, 2)
    assert "--now" in result.output
    assert state_of(reviewed) == before


@pytest.mark.parametrize("args", BAD_OPTIONS, ids=lambda a: " ".join(a))
def test_bad_options_are_one_line(reviewed, args):
    before = state_of(reviewed)
    result = run(reviewed, *args, now=NOW)
    assert "Traceback" not in result.output and result.exit_code != 0, result.output
    assert state_of(reviewed) == before


@pytest.mark.parametrize("text", BAD_CONFIGS)
def test_bad_config_is_one_line_naming_the_file(reviewed, text):
    config = reviewed / "mlwiki.toml"
    good = config.read_text()
    before = state_of(reviewed)
    try:
        config.write_text(text)
        for command in (["due"], ["review", "--plain"]):
            result = run(reviewed, *command, now=NOW, input="q\n")
            assert_one_line_error(result)
            assert "mlwiki.toml" in result.output
    finally:
        config.write_text(good)
    assert state_of(reviewed) == before


def write_log(folder: Path, name: str, records: list[dict]) -> Path:
    path = folder / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


@pytest.mark.parametrize("field, value", BAD_REVIEW_FIELDS, ids=lambda v: repr(v)[:30])
def test_a_bad_review_record_names_its_line_and_imports_nothing(empty, tmp_path, field, value):
    root, card_id, settings, content_hash = empty
    good = dict(VALID_REVIEW, card_id=card_id, settings=settings, content_hash=content_hash)
    bad = good | {field: value}
    path = write_log(tmp_path, "log.jsonl", [good, good | {"reviewed_at": "2026-01-11T10:00:00+00:00"}, bad])
    before = state_of(root)
    result = run(root, "log", "import", str(path), now=NOW)
    assert_one_line_error(result, 1)
    assert f"{path}:3:" in result.output
    assert state_of(root) == before


@pytest.mark.parametrize("key, value", BAD_SETTINGS, ids=lambda v: repr(v)[:30])
def test_bad_settings_in_a_log_import_nothing(empty, tmp_path, key, value):
    root, card_id, settings, content_hash = empty
    record = dict(VALID_REVIEW, card_id=card_id, settings=settings | {key: value}, content_hash=content_hash)
    path = write_log(tmp_path, "log.jsonl", [record])
    before = state_of(root)
    result = run(root, "log", "import", str(path), now=NOW)
    assert_one_line_error(result, 1)
    assert state_of(root) == before


@pytest.mark.parametrize("name", sorted(BAD_LOG_FILES))
def test_bad_log_files_import_nothing(empty, tmp_path, name):
    root, card_id, settings, _ = empty
    path = tmp_path / name
    text = BAD_LOG_FILES[name].replace("CARD", card_id).replace("SETTINGS", json.dumps(json.dumps(settings)))
    path.write_text(text, encoding="utf-8")
    before = state_of(root)
    result = run(root, "log", "import", str(path), now=NOW)
    assert_one_line_error(result, 1)
    assert state_of(root) == before


def test_duplicate_rows_without_anki_ids_are_merged(empty, tmp_path):
    root, card_id, settings, content_hash = empty
    record = dict(VALID_REVIEW, card_id=card_id, settings=settings, content_hash=content_hash)
    path = write_log(tmp_path, "log.jsonl", [record] * 300 + [record | {"reviewed_at": "2026-01-12T10:00:00+00:00"}])
    fresh = make_wiki(tmp_path / "fresh")
    run(fresh, "scan", now=NOW, ok=True)
    result = run(fresh, "log", "import", str(path), now=NOW, ok=True)
    assert "Imported 2 reviews" in result.output


# --- collections -------------------------------------------------------------------------------------------


def _sqlite(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.commit()
    conn.close()


def _anki_collection(path: Path, sql: str = "") -> None:
    from anki.collection import Collection

    Collection(str(path)).close()
    if sql:
        _sqlite(path, sql)


def _zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


BAD_COLLECTIONS = {  # name → (how to make it, whether push and pull must refuse it)
    "empty.anki2": (lambda p: p.write_bytes(b""), True),
    "text.anki2": (lambda p: p.write_text("hello\n"), True),
    "random.anki2": (lambda p: p.write_bytes(bytes(range(256)) * 64), True),
    "sqlite-header-only.anki2": (lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84), True),
    "other-sqlite.anki2": (lambda p: _sqlite(p, "CREATE TABLE t(x); INSERT INTO t VALUES (1);"), True),
    "no-col-row.anki2": (lambda p: _sqlite(p, "CREATE TABLE col(ver); CREATE TABLE notes(id); "
                                              "CREATE TABLE cards(id); CREATE TABLE revlog(id);"), True),
    "newer-schema.anki2": (lambda p: _anki_collection(p, "UPDATE col SET ver = 19;"), True),
    "text-schema.anki2": (lambda p: _anki_collection(p, "UPDATE col SET ver = 'x';"), True),
    "zip-empty.apkg": (lambda p: _zip(p, {}), True),
    "zip-garbage.apkg": (lambda p: _zip(p, {"collection.anki2": b"garbage"}), True),
    "zip-slip.apkg": (lambda p: _zip(p, {"../../evil.anki2": b"x"}), True),
    "revlog-bad-ease.anki2": (lambda p: _anki_collection(p, "INSERT INTO revlog VALUES "
                                                           "(1700000000000, 1, -1, 9, 1, 0, 0, 0, 1);"), False),
    "revlog-future.anki2": (lambda p: _anki_collection(p, "INSERT INTO revlog VALUES "
                                                         "(9999999999999, 1, -1, 3, 1, 0, 0, 0, 1);"), False),
    "revlog-text.anki2": (lambda p: _anki_collection(p, "INSERT INTO revlog VALUES "
                                                       "(1700000000001, 'y', -1, 'z', 1, 0, 0, 0, 1);"), False),
    "revlog-negative.anki2": (lambda p: _anki_collection(p, "INSERT INTO revlog VALUES "
                                                           "(-5, 1, -1, 3, 1, 0, 0, 0, 1);"), False),
}


@pytest.mark.parametrize("name", sorted(BAD_COLLECTIONS))
@pytest.mark.parametrize("command", ["pull", "push"])
def test_bad_collections_change_nothing(reviewed, tmp_path, name, command):
    make, refused = BAD_COLLECTIONS[name]
    path = tmp_path / name
    make(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    siblings = sorted(p.name for p in tmp_path.iterdir())
    before = state_of(reviewed)
    result = run(reviewed, "anki", command, str(path), now=NOW)
    assert "Traceback" not in result.output
    assert state_of(reviewed) == before
    if refused:
        assert_one_line_error(result, 1)
    else:  # a collection with no card of this wiki: its odd rows are skipped and counted; push has nothing to do
        assert result.exit_code == 0 and "added 0 review(s)" in result.output, result.output
        if command == "push":
            return  # Anki itself opened and closed the collection
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings  # no -wal, -shm, backups folder
