"""The part of a package database genanki writes around the notes: the schema, the `col` row, each deck's entry and
each note type's (genanki 0.13.1's `Package.write_to_db` for decks without notes), what genanki computes of a
note type (the required fields of its templates, `Model._req`, which decides a note's cards), and the pattern
its check of a note's fields warns with (`Note._INVALID_HTML_TAG_RE`).

All of it comes from genanki's own constants and mlwiki's note types, never from the notes. Importing genanki
(with chevron, PyYAML and asyncio behind it: 40–100 ms) was the largest single cost of an export whose notes all
came from the render cache, so the first export asks genanki and keeps its answers in `.mlwiki/anki-skeleton.json`,
keyed by genanki's files (name, size, mtime: an upgrade is a miss) and by everything the note types are built
from (ids, fields, templates with the macros, CSS). Later exports write the same rows without importing it.
What genanki fills in per package is filled in here, in its order and through the same JSON steps: a deck's id,
name and description, a note type's `mod` (the package stamp) and `did` (the last deck that holds it).
tests/test_export_skeleton.py compares the result with genanki's. A file that is missing, damaged or stale is
built again (and a folder that cannot be written only costs the next export the same work).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from mlwiki.ankiformat.collection import package_decks_and_models, set_package_decks_and_models
from mlwiki.export.models import NoteType
from mlwiki.export.render_cache import files_stamp, write_cache_file

SKELETON_NAME = "anki-skeleton.json"
FORMAT = 2  # raise when what the file holds changes meaning

# genanki's parts, as kept: its SQL (schema, then the `col` row), a deck's and each note type's JSON, its field check
_PARTS = ("schema", "col", "deck", "models", "invalid_html")


def _genanki_files() -> list:
    """Name, size and mtime of every module of the installed genanki, found without importing it."""
    spec = importlib.util.find_spec("genanki")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    return files_stamp(path for folder in folders for path in sorted(Path(folder).glob("*.py")))


def skeleton_key(note_types: dict[str, NoteType]) -> list:
    """What the kept skeleton must have been built from to be used: this format, genanki's files, the note types."""
    return [FORMAT, _genanki_files(), [note_types[kind].spec() for kind in sorted(note_types)]]


@dataclass(frozen=True)
class Skeleton:
    """genanki's answers for one set of note types: `schema` and `col` (SQL), `deck` (`Deck.to_json()` of an
    empty deck), `models` (model id → `Model.to_json()` with `mod` and `did` to fill in) and `invalid_html` (the
    pattern of what its field check reads as a broken HTML tag)."""

    schema: str
    col: str
    deck: dict
    models: dict[str, dict]
    invalid_html: str

    @classmethod
    def load(cls, data_dir: Path | None, note_types: dict[str, NoteType]) -> "Skeleton":
        """The skeleton kept in `data_dir` for these note types, or one built with genanki now (and kept)."""
        key = skeleton_key(note_types)
        path = data_dir / SKELETON_NAME if data_dir is not None else None
        if path is not None:
            try:
                saved = json.loads(path.read_text(encoding="utf-8"))
                if saved["key"] == key:
                    return cls._checked(saved, note_types)
            except (OSError, ValueError, KeyError, TypeError, re.error):
                pass
        skeleton = cls.from_genanki(note_types)
        if path is not None:
            saved = {"key": key, **{part: getattr(skeleton, part) for part in _PARTS}}
            write_cache_file(path, json.dumps(saved).encode("utf-8"))
        return skeleton

    @classmethod
    def _checked(cls, saved: dict, note_types: dict[str, NoteType]) -> "Skeleton":
        """The skeleton read from a file, when it has every part (else TypeError: a damaged file)."""
        schema, col, deck, models, invalid_html = parts = [saved[part] for part in _PARTS]
        if not (isinstance(schema, str) and isinstance(col, str) and isinstance(deck, dict)
                and isinstance(models, dict) and set(models) == {str(t.model_id) for t in note_types.values()}
                and all(isinstance(m, dict) and isinstance(m.get("req"), list) for m in models.values())
                and isinstance(invalid_html, str)):
            raise TypeError("damaged skeleton")
        re.compile(invalid_html)
        return cls(*parts)

    @classmethod
    def from_genanki(cls, note_types: dict[str, NoteType]) -> "Skeleton":
        """Ask genanki (imports it)."""
        import genanki
        from genanki.apkg_col import APKG_COL
        from genanki.apkg_schema import APKG_SCHEMA

        models = {str(t.model_id): t.genanki_model().to_json(0, 0) for t in note_types.values()}
        return cls(APKG_SCHEMA, APKG_COL, genanki.Deck(0, "", "").to_json(), json.loads(json.dumps(models)),
                   genanki.Note._INVALID_HTML_TAG_RE.pattern)

    def invalid_html_warnings(self, fields: list[str]) -> list[str]:
        """genanki's warning for each field with text its check reads as a broken HTML tag (Note.write_to_db)."""
        pattern = re.compile(self.invalid_html)  # compiled once: `re` keeps it
        return ["Field contained the following invalid HTML tags. Make sure you are calling html.escape() if your "
                "field data isn't already HTML-encoded: " + " ".join(invalid)
                for text in fields if "<" in text and (invalid := pattern.findall(text))]

    def note_types(self, note_types: dict[str, NoteType]) -> dict[str, NoteType]:
        """`note_types` with their `req` (which cards a note gets)."""
        return {kind: t.with_req(self.models[str(t.model_id)]["req"]) for kind, t in note_types.items()}

    def write(self, conn: sqlite3.Connection, decks: list[tuple[int, str, str, list[int]]], stamp: int) -> None:
        """Write what genanki's `Package(decks).write_to_db(cursor, stamp, ids)` writes for these decks before their
        notes: the schema, the `col` row, each deck (id, name, description, the ids of its notes' note types in
        the order its notes first use them) and its note types."""
        conn.executescript(self.schema)
        conn.executescript(self.col)
        decks_json, models_json = package_decks_and_models(conn)
        for did, name, description, model_ids in decks:  # genanki's Deck.write_to_db, deck after deck
            all_decks = json.loads(decks_json)
            all_decks.update({str(did): dict(self.deck, id=did, name=name, desc=description)})
            decks_json = json.dumps(all_decks)
            all_models = json.loads(models_json)
            all_models.update({mid: dict(self.models[str(mid)], mod=int(stamp), did=did) for mid in model_ids})
            models_json = json.dumps(all_models)
        set_package_decks_and_models(conn, decks_json, models_json)
