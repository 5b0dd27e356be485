"""The part of a package genanki writes around the notes (schema, `col`, decks, note types) is what genanki writes,
whether asked of genanki now or read back from `.mlwiki/anki-skeleton.json`; a stale or damaged file is built
again; and an export that finds it does not import genanki at all."""

from __future__ import annotations

import itertools
import json
import sqlite3
import subprocess
import sys
import warnings
from pathlib import Path

import genanki
import pytest

from conftest import NOW, bump_mtime, new_wiki, write
from mlwiki.export.models import build_models
from mlwiki.export.skeleton import SKELETON_NAME, Skeleton, skeleton_key

MACROS = r"\newcommand{\R}{\mathbb{R}} \newcommand{\set}[1]{\{{#1}\}}"
STAMP = 1_772_452_800
# Two decks sharing note types: genanki writes the shared one once per deck into `col.models` (the last deck wins)
DECKS = [(1_500_000_001, "ML", "Exported by mlwiki from T.", ["basic", "cloze"]),
         (1_500_000_002, "ML::optimization", "Exported by mlwiki from T.", ["two-way", "basic", "formula"])]


def genanki_database(note_types, decks) -> sqlite3.Connection:
    """What genanki's Package.write_to_db writes for these decks with no notes (each deck holding its note types)."""
    package = []
    for did, name, description, kinds in decks:
        deck = genanki.Deck(did, name, description=description)
        for kind in kinds:
            deck.add_model(note_types[kind].genanki_model())
        package.append(deck)
    conn = sqlite3.connect(":memory:")
    genanki.Package(package).write_to_db(conn.cursor(), STAMP, itertools.count(STAMP * 1000))
    return conn


def skeleton_database(skeleton: Skeleton, note_types, decks) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    skeleton.write(conn, [(did, name, description, [note_types[k].model_id for k in kinds])
                          for did, name, description, kinds in decks], STAMP)
    return conn


def everything(conn: sqlite3.Connection) -> dict:
    tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {"schema": conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name").fetchall(),
            **{table: conn.execute(f"SELECT * FROM {table}").fetchall() for table in tables}}


@pytest.mark.parametrize("decks", [DECKS[:1], DECKS], ids=["one deck", "two decks"])
def test_the_skeleton_writes_what_genanki_writes(tmp_path, decks):
    note_types = build_models(MACROS)
    reference = everything(genanki_database(note_types, decks))
    built = Skeleton.load(tmp_path, note_types)  # asked of genanki, and kept
    assert (tmp_path / SKELETON_NAME).is_file()
    assert everything(skeleton_database(built, note_types, decks)) == reference
    kept = Skeleton.load(tmp_path, note_types)  # read back from the file
    assert everything(skeleton_database(kept, note_types, decks)) == reference  # the raw `col` JSON strings too
    assert reference["col"][0][9].count('"1670685533": {') == (2 if len(decks) == 2 else 1)  # genanki's duplicate


def test_the_note_types_get_genankis_required_fields():
    note_types = build_models(MACROS)
    ready = Skeleton.from_genanki(note_types).note_types(note_types)
    for kind, note_type in ready.items():
        assert [list(r[:2]) + [list(r[2])] for r in note_type.req] == note_types[kind].genanki_model()._req
    assert ready["two-way"].req == ((0, "all", (0,)), (1, "all", (1,)))


def test_the_field_check_warns_as_genanki_does(tmp_path):
    note_types = build_models(MACROS)
    Skeleton.load(tmp_path, note_types)
    fields = ["<p>fine</p>", "1 < 2 and 3 > 2", "<x", "a <!-- comment --> <b>ok</b> <3 >", "<br/>", "",
              "<p>half <a href='x'>link</a> <\n> </ p>"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for field in fields:
            note = genanki.Note(model=note_types["basic"].genanki_model(), fields=[field, "b", "c", "d"])
            note._check_invalid_html_tags_in_fields()
    expected = [str(w.message) for w in caught]
    assert len(expected) == 2
    for skeleton in (Skeleton.from_genanki(note_types), Skeleton.load(tmp_path, note_types)):
        assert [w for field in fields for w in skeleton.invalid_html_warnings([field, "b", "c", "d"])] == expected


def test_a_stale_or_damaged_skeleton_is_built_again(tmp_path):
    note_types = build_models(MACROS)
    Skeleton.load(tmp_path, note_types)
    path = tmp_path / SKELETON_NAME
    other = build_models(r"\newcommand{\E}{\mathbb{E}}")  # new macros: new templates
    assert skeleton_key(other) != skeleton_key(note_types)
    assert "mathbb{E}" in json.dumps(Skeleton.load(tmp_path, other).models)
    assert json.loads(path.read_text(encoding="utf-8"))["key"] == skeleton_key(other)

    saved = json.loads(path.read_text(encoding="utf-8"))
    saved["key"][1] = [["model.py", 1, 1]]  # as if genanki had been upgraded since
    saved["col"] = "SELECT 'not genanki''s';"
    path.write_text(json.dumps(saved), encoding="utf-8")
    assert Skeleton.load(tmp_path, other).col == Skeleton.from_genanki(other).col
    saved["key"] = skeleton_key(other)
    one_model = dict(list(Skeleton.from_genanki(other).models.items())[:1])
    for damaged in ("{", '{"key": 1}', json.dumps({**saved, "models": []}), json.dumps({**saved, "models": one_model}),
                    json.dumps({**saved, "invalid_html": "(unclosed"}), json.dumps({**saved, "deck": None})):
        path.write_text(damaged, encoding="utf-8")
        assert Skeleton.load(tmp_path, other) == Skeleton.from_genanki(other)


PROBE = """
import sys
from mlwiki.cli import main

sys.argv = ["mlwiki", *sys.argv[1:]]
try:
    main()
finally:
    print("genanki imported:", "genanki" in sys.modules, file=sys.stderr)
"""


def exported_with_genanki(root: Path) -> bool:
    proc = subprocess.run([sys.executable, "-c", PROBE, "--root", str(root), "--now", NOW.isoformat(), "export",
                           "-o", str(root / "out")], capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    (line,) = [ln for ln in proc.stderr.splitlines() if ln.startswith("genanki imported:")]
    return line.endswith("True")


@pytest.mark.slow  # fresh interpreters
def test_only_the_first_export_imports_genanki(tmp_path):
    note = "Q: One?\nA: Yes.\n\nRecall ::: TP / (TP + FN)\n\nA {{c1::cloze}} with {{c2::two}} groups.\n"
    root = new_wiki(tmp_path / "wiki", {"a.md": note})
    assert exported_with_genanki(root)  # the first export asks genanki (and the probe can see it)
    assert not exported_with_genanki(root)  # nothing new
    bump_mtime(write(root, "notes/a.md", note.replace("Yes.", "Yes, <x.") + "\nQ: Two?\nA: <b>New</b>.\n"))
    assert not exported_with_genanki(root)  # edited and new notes: rendered, checked and given GUIDs without it
    (root / ".mlwiki" / SKELETON_NAME).unlink()
    assert exported_with_genanki(root)
