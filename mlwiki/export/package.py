"""`mlwiki export`: Anki `.apkg` decks from the store, one file per top-level deck.

What goes into a package, and why:

* note types, templates and CSS: mlwiki.export.models; LaTeX macros: mlwiki.render.macros; images:
  mlwiki.export.media; one note per mlwiki note id (GUID, fields, tags, card ords): mlwiki.export.notes;
  scheduling and review history: mlwiki.export.history (conversions in mlwiki.export.revlog).

* **Timestamps.** Anki's importer ("update notes: if newer", its default) replaces an existing note only when
  the incoming note's modification time is *strictly newer*; an equal or older time makes the edit count as a
  duplicate and it is silently dropped. genanki stamps every note with the package's timestamp (whole seconds),
  so each export is stamped with ``now`` (the real clock, or ``--now``) — or, when that is not later than the
  previous export's stamp (kept in the store), with that stamp + 1 s. So two exports within one second still
  carry the later edit. Never use a fixed timestamp for reproducible builds; it breaks updates.

* **History.** Each card goes with its scheduling (FSRS memory state, due, interval) and its review log, so a
  card new to Anki arrives where mlwiki has it when the package is imported with scheduling ("Import any
  learning progress"). Cards Anki already has are never changed by an import: `mlwiki anki push` brings
  their new reviews over.

* **Writing.** The collection is built in memory and zipped from its bytes (no temporary file; genanki's own
  ``Package.write_to_file`` leaves its temporary SQLite file behind on every call, genanki 0.13.1). What genanki's
  ``Package.write_to_db`` writes of the schema, note types, decks and options is asked of genanki once and kept
  (mlwiki.export.skeleton); the notes and cards it would write one ``INSERT`` at a time through a ``Note`` object
  each are inserted in bulk, with the same ids, columns and warnings (tests/test_export_rows.py rebuilds them with
  genanki and compares). An unchanged note's columns come from the last export (mlwiki.export.render_cache). The
  .apkg is written next to its final name and renamed into place, so a crash never leaves half a package.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from mlwiki.ankiformat.cards import TYPE_NEW
from mlwiki.ankiformat.collection import insert_package_rows
from mlwiki.ankiformat.containers import write_package
from mlwiki.config import Config
from mlwiki.export.history import History, add_presets, card_columns, card_revlog, load_history, package_clock
from mlwiki.export.models import (BASIC_FIELDS, BASIC_MODEL_ID, CLOZE_FIELDS, CLOZE_MODEL_ID,  # noqa: F401
                                  FORMULA_MODEL_ID, TWO_WAY_MODEL_ID, build_models)
from mlwiki.export.notes import Builder, Built
from mlwiki.export.render_cache import RenderCache
from mlwiki.export.skeleton import Skeleton
from mlwiki.render.macros import read_macros
from mlwiki.store.anki_history import next_export_stamp
from mlwiki.store.cards import CardFilter, notes_with_selected_cards
from mlwiki.textsafe import plural


# --- report ------------------------------------------------------------------------------------------------


@dataclass
class ExportedFile:
    """One package written: its path, its top-level deck, and what it holds."""

    path: Path
    deck: str
    notes: int = 0
    cards: int = 0
    media: int = 0
    suspended: int = 0
    scheduled: int = 0  # cards that carry a schedule (reviewed in mlwiki)
    reviews: int = 0  # revlog rows: the review history of the package's cards

    def to_dict(self) -> dict:
        return {"path": str(self.path), "deck": self.deck, "notes": self.notes, "cards": self.cards,
                "media": self.media, "suspended": self.suspended, "scheduled": self.scheduled,
                "reviews": self.reviews}


@dataclass
class ExportReport:
    """What an export wrote, and what it had to leave out (images, empty notes …)."""

    files: list[ExportedFile] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def notes(self) -> int:
        return sum(f.notes for f in self.files)

    @property
    def cards(self) -> int:
        return sum(f.cards for f in self.files)

    def to_dict(self) -> dict:
        return {"files": [f.to_dict() for f in self.files], "warnings": list(self.warnings),
                "notes": self.notes, "cards": self.cards}

    def summary(self) -> str:
        return (f"{plural(len(self.files), 'deck file')}: {plural(self.notes, 'note')}, {plural(self.cards, 'card')}"
                + (f", {plural(len(self.warnings), 'warning')}" if self.warnings else ""))


# --- export ------------------------------------------------------------------------------------------------


def deck_id(name: str) -> int:
    """A stable Anki deck id from the deck's full name (in genanki's suggested range)."""
    digest = hashlib.blake2b(("mlwiki-deck:" + name).encode("utf-8"), digest_size=8).digest()
    return (1 << 30) + int.from_bytes(digest, "big") % (1 << 30)


def safe_file_name(deck: str) -> str:
    """A file name (without suffix) for a top-level deck: letters, digits, '-', '_' and '.', never hidden."""
    name = re.sub(r"[^\w.-]+", "_", deck.strip(), flags=re.UNICODE).strip("._")
    return name[:100] or "deck"


def export_decks(store, config: Config, now: datetime, out_dir: str | os.PathLike | None = None,
                 selection: CardFilter = CardFilter()) -> ExportReport:
    """Write one `.apkg` per top-level deck into `out_dir` (default: config.decks_dir).

    `deck` keeps that deck and its sub-decks, `tag` cards with that tag or a child tag; a note is exported
    whole when any of its live cards matches. Every note is stamped with `now`, or 1 s after the previous
    export's stamp when that is not earlier (see the module docs: Anki updates a note only from a strictly
    newer one). Each card carries its scheduling and review log (mlwiki.export.history).
    """
    report = ExportReport()
    target_dir = Path(out_dir) if out_dir is not None else config.decks_dir
    macros, warning = read_macros(config)  # (a .tex file's \newcommands, or a Jupyter Book's MathJax macros)
    if warning:
        report.warnings.append(warning)
    models = build_models(macros)
    skeleton = Skeleton.load(config.data_dir, models)
    cache = RenderCache.load(config.data_dir)
    builder = Builder(config, skeleton, models, report, cache)

    groups: dict[str, list] = {}
    for row in notes_with_selected_cards(store, selection):
        groups.setdefault(row["note_id"], []).append(row)
    by_top: dict[str, list[Built]] = {}
    in_deck: dict[str, list[Built]] = {}  # deck → the list of its top-level deck
    for position, (note_id, cards) in enumerate(groups.items()):
        built = builder.build(note_id, cards, position)
        if built is not None:
            notes = in_deck.get(built.deck)
            if notes is None:
                top = built.deck.split("::")[0].strip() or config.name
                notes = in_deck[built.deck] = by_top.setdefault(top, [])
            notes.append(built)
    cache.save(keep_unused=not selection.is_empty)
    if not by_top:
        report.warnings.append("no cards to export" + (" for these filters" if not selection.is_empty else ""))
        return report
    history = load_history(store, config, now)
    stamp = next_export_stamp(store, int(now.timestamp()))

    try:
        target_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from mlwiki.errors import MlwikiError

        raise MlwikiError(f"cannot create the output folder ({exc.strerror})", path=str(target_dir)) from None
    used_names: dict[str, str] = {}
    for top in sorted(by_top):
        name = safe_file_name(top)
        if name.lower() in used_names:
            name = f"{name}-{hashlib.blake2b(top.encode(), digest_size=3).hexdigest()}"
        used_names[name.lower()] = top
        path = target_dir / f"{name}.apkg"
        report.files.append(_write_deck(path, top, by_top[top], builder.media.files, config, stamp, history,
                                        skeleton, report))
    return report


def _write_deck(path: Path, top: str, built: list[Built], media_files: dict[str, Path], config: Config,
                stamp: int, history: History, skeleton: Skeleton, report: ExportReport) -> ExportedFile:
    by_deck: dict[str, list[Built]] = {}
    media: dict[str, Path] = {}
    info = ExportedFile(path=path, deck=top)
    for item in built:
        by_deck.setdefault(item.deck, []).append(item)
        info.cards += len(item.ords)
        if item.suspended_ords:
            info.suspended += item.suspended
        for name in sorted(item.media):
            media[name] = media_files[name]
    info.notes = len(built)
    info.media = len(media)
    conn = sqlite3.connect(":memory:")
    try:
        info.scheduled, info.reviews = _fill_collection(conn, by_deck, config, stamp, history, skeleton, report,
                                                        path.name)
        write_package(database_bytes(conn), path, media)
    finally:
        conn.close()
    return info


def _fill_collection(conn: sqlite3.Connection, by_deck: dict[str, list[Built]], config: Config, stamp: int,
                     history: History, skeleton: Skeleton, report: ExportReport, name: str) -> tuple[int, int]:
    """What genanki 0.13.1's `Package.write_to_db(cursor, stamp, itertools.count(stamp * 1000))` writes for these
    notes, plus their scheduling, review log and deck presets. Returns (cards with a schedule, revlog rows).

    The schema, `col` (decks, note types) and deck options are genanki's, kept in the skeleton
    (mlwiki.export.skeleton); the notes and cards it would write one `INSERT` at a time through a Note object
    each are inserted here in bulk, with the same ids (one counter from the stamp in ms: a note, then its cards),
    columns and warnings."""
    decks = [(deck_id(deck_name), deck_name, f"Exported by mlwiki from {config.name}.",
              list(dict.fromkeys(item.model.model_id for item in items)))  # as genanki adds a deck's note types
             for deck_name, items in by_deck.items()]
    ids = itertools.count(int(stamp * 1000))
    skeleton.write(conn, decks, stamp)
    today = package_clock(conn, history)
    notes: list[tuple] = []
    cards: list[tuple] = []
    revlog: list[tuple] = []
    scheduled = 0
    reviews = history.reviews
    for (did, *_), items in zip(decks, by_deck.values()):
        for item in items:
            if item.html_warnings:
                report.warnings.extend(f"{name}: {text}" for text in item.html_warnings)
            nid = next(ids)
            notes.append((nid, item.guid, item.model.model_id, item.tags, item.fields, item.sort_field))
            for ord_ in item.ords:
                cid, row = next(ids), item.cards.get(ord_)
                columns = card_columns(history, today, row, ord_ in item.suspended_ords, item.position)
                cards.append((cid, nid, did, ord_, *columns))
                if columns[0] != TYPE_NEW:
                    scheduled += 1
                if row is not None and row["id"] in reviews:
                    revlog += card_revlog(history, row, cid)
    insert_package_rows(conn, stamp, notes, cards, revlog)
    add_presets(conn, history)
    conn.commit()
    return scheduled, len(revlog)


def database_bytes(conn) -> bytes:
    """The bytes of the database file an in-memory SQLite connection holds (sqlite3's `serialize`, or through a
    temporary file where SQLite lacks that API: before 3.36 it was built only on request)."""
    if hasattr(conn, "serialize"):
        return conn.serialize()
    import tempfile

    with tempfile.TemporaryDirectory(prefix="mlwiki-export-") as folder:
        path = Path(folder) / "collection.anki2"
        copy = sqlite3.connect(path)
        try:
            conn.backup(copy)
        finally:
            copy.close()
        return path.read_bytes()
