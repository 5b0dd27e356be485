"""The notes and cards of a package are what genanki writes for the same notes (mlwiki inserts them in bulk, not
through a genanki Note each), and an export that reuses the notes kept in the render cache is the same to Anki as
one prepared afresh: notes, fields, tags, decks, scheduling, review log; a re-import updates, never duplicates."""

from __future__ import annotations

import itertools
import json
import marshal
import sqlite3
import zipfile
from datetime import timedelta
from pathlib import Path

import genanki
import pytest
from click.testing import CliRunner

from conftest import write
from learner import study_morning
from test_export import Collection, import_into, wiki  # noqa: F401 (the fixture)
from mlwiki.cli import cli
from mlwiki.config import load_config
from mlwiki.export.models import build_models
from mlwiki.export.render_cache import CACHE_NAME
from mlwiki.export.skeleton import SKELETON_NAME
from mlwiki.render.macros import extract_macros, macros_source

pytestmark = pytest.mark.slow  # real Anki collections


def export(root: Path, now, out: Path) -> dict:
    result = CliRunner().invoke(cli, ["--root", str(root), "--now", now.isoformat(), "export", "-o", str(out),
                                      "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def package_db(path: Path, tmp: Path) -> sqlite3.Connection:
    target = tmp / f"{path.parent.name}-{path.stem}.anki2"
    target.write_bytes(zipfile.ZipFile(path).read("collection.anki2"))
    return sqlite3.connect(target)


def genanki_reference(conn: sqlite3.Connection, models: dict, description: str) -> sqlite3.Connection:
    """What genanki 0.13.1 writes for the notes of a package: each note a genanki.Note again (its note type,
    fields, tags, GUID, position, suspended new cards) in the package's decks and order, written by
    genanki.Package.write_to_db with the package's stamp and first id."""
    deck_names = {int(k): v["name"] for k, v in json.loads(conn.execute("SELECT decks FROM col").fetchone()[0]).items()}
    decks: dict[int, genanki.Deck] = {}
    first_id = stamp = None
    for nid, guid, mid, mod, tags, flds in conn.execute("SELECT id, guid, mid, mod, tags, flds FROM notes ORDER BY id"):
        first_id, stamp = first_id or nid, stamp or mod
        cards = conn.execute("SELECT did, ord, type, queue, due FROM cards WHERE nid = ? ORDER BY id",
                             (nid,)).fetchall()
        new = [c for c in cards if c[2] == 0]
        note = genanki.Note(model=models[mid], fields=flds.split("\x1f"), tags=tags.split(), guid=guid,
                            due=new[0][4] if new else 0)
        for card in note.cards:
            card.suspend = any(c[1] == card.ord and c[2] == 0 and c[3] == -1 for c in cards)
        did = cards[0][0]
        decks.setdefault(did, genanki.Deck(did, deck_names[did], description=description)).add_note(note)
    reference = sqlite3.connect(":memory:")
    genanki.Package(list(decks.values())).write_to_db(reference.cursor(), stamp, itertools.count(first_id))
    return reference


LATER = """# Written after the last session

Recall ::: TP / (TP + FN)

Q: What does a <b>bold</b> word & an ampersand become?
A: Escaped text, 1 < 2.

A {{c1::cloze}} with {{c2::three}} {{c3::groups}}.
"""


def test_bulk_rows_are_what_genanki_writes(wiki, now, tmp_path):
    study_morning(wiki, now - timedelta(days=1))
    write(wiki, "notes/later.md", LATER)  # new cards beside reviewed ones
    with sqlite3.connect(wiki / ".mlwiki" / "mlwiki.db") as store:  # a suspended new card and a suspended reviewed one
        store.execute("UPDATE cards SET suspended = 1 WHERE kind = 'reverse' OR (kind = 'cloze' AND grp = 2)")
    report = export(wiki, now, tmp_path / "out")
    config = load_config(wiki)
    macros_path, _ = macros_source(config)
    models = {m.model_id: m.genanki_model()
              for m in build_models(extract_macros(macros_path.read_text(encoding="utf-8"))).values()}
    kinds = set()
    for f in report["files"]:
        conn = package_db(Path(f["path"]), tmp_path)
        reference = genanki_reference(conn, models, f"Exported by mlwiki from {config.name}.")
        notes = "SELECT * FROM notes ORDER BY id"
        assert conn.execute(notes).fetchall() == reference.execute(notes).fetchall()
        fixed = "SELECT id, nid, did, ord, mod, usn, odue, odid, flags FROM cards ORDER BY id"
        assert conn.execute(fixed).fetchall() == reference.execute(fixed).fetchall()
        new = conn.execute("SELECT * FROM cards WHERE type = 0 ORDER BY id").fetchall()  # not scheduled by mlwiki
        new_ids = {row[0] for row in new}
        assert new == [row for row in reference.execute("SELECT * FROM cards ORDER BY id") if row[0] in new_ids]
        assert json.loads(conn.execute("SELECT models FROM col").fetchone()[0]) == \
            json.loads(reference.execute("SELECT models FROM col").fetchone()[0])
        kinds |= {(ord_, queue) for ord_, queue in conn.execute("SELECT ord, queue FROM cards")}
    assert {(1, -1), (1, 0), (0, 0)} <= kinds  # suspended and not, first and second cards were compared
    assert sum(f["scheduled"] for f in report["files"]) > 0 and sum(f["reviews"] for f in report["files"]) > 0


def anki_view(path: Path) -> dict:
    """What Anki holds after importing a package with its scheduling into a new collection, by (GUID, ord)."""
    col = Collection(str(path.parent / f"{path.stem}-view.anki2"))
    try:
        import_into(col, path, scheduling=True)
        notes = {}
        for nid in col.find_notes(""):
            note = col.get_note(nid)
            notes[note.guid] = (note.note_type()["name"], list(note.fields), sorted(note.tags))
        cards = {}
        for cid in col.find_cards(""):
            card = col.get_card(cid)
            key = (card.note().guid, card.ord)
            cards[key] = (col.decks.name(card.did), card.type, card.queue, card.due, card.ivl, card.reps, card.lapses,
                          card.memory_state and round(card.memory_state.stability, 3),
                          sorted(tuple(r[:2]) + tuple(r[3:]) for r in col.db.all(
                              "SELECT id, ease, cid, ivl, lastIvl, factor, time, type FROM revlog WHERE cid = ?", cid)))
        return {"notes": notes, "cards": cards}
    finally:
        col.close()


def test_a_cached_export_is_the_same_to_anki_and_updates_on_reimport(wiki, now, tmp_path):
    study_morning(wiki, now - timedelta(days=2))
    study_morning(wiki, now - timedelta(days=1))
    write(wiki, "notes/later.md", LATER)
    export(wiki, now, tmp_path / "scan")
    with sqlite3.connect(wiki / ".mlwiki" / "mlwiki.db") as store:
        store.execute("UPDATE cards SET suspended = 1 WHERE kind = 'reverse'")
    for kept in (CACHE_NAME, SKELETON_NAME):  # nothing reused: rendered afresh, genanki asked again
        (wiki / ".mlwiki" / kept).unlink(missing_ok=True)
    fresh = export(wiki, now, tmp_path / "fresh")
    assert marshal.loads((wiki / ".mlwiki" / CACHE_NAME).read_bytes())["notes"]
    assert (wiki / ".mlwiki" / SKELETON_NAME).is_file()
    cached = export(wiki, now, tmp_path / "cached")
    assert cached["warnings"] == fresh["warnings"]
    assert [{k: v for k, v in f.items() if k != "path"} for f in cached["files"]] == \
        [{k: v for k, v in f.items() if k != "path"} for f in fresh["files"]]
    cards = {}
    for before, after in zip(fresh["files"], cached["files"]):
        view = anki_view(Path(before["path"]))
        assert anki_view(Path(after["path"])) == view
        cards.update(view["cards"])
    assert any(card[8] for card in cards.values()), "the review log arrived"
    assert any(card[2] == -1 for card in cards.values()), "a suspended card arrived"
    assert any(card[1] == 2 for card in cards.values()) and any(card[1] == 0 for card in cards.values())

    col = Collection(str(tmp_path / "both.anki2"))
    try:
        for f in fresh["files"] + cached["files"]:
            import_into(col, Path(f["path"]), scheduling=True)
        assert col.note_count() == fresh["notes"] and col.card_count() == fresh["cards"]
    finally:
        col.close()


def test_a_collection_reads_the_same_without_sqlites_serialize():
    from mlwiki.export.package import database_bytes

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, flds TEXT)")
    conn.executemany("INSERT INTO notes VALUES (?, ?)", [(i, f"front {i}\x1fback") for i in range(500)])
    conn.commit()

    class WithoutSerialize:  # an SQLite built without the serialize API
        def backup(self, target):
            conn.backup(target)

    for data in (database_bytes(conn), database_bytes(WithoutSerialize())):
        copy = sqlite3.connect(":memory:")
        copy.deserialize(data)
        assert copy.execute("SELECT count(*), max(flds) FROM notes").fetchone() == (500, "front 99\x1fback")
