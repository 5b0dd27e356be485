"""Keep the store in step with the notes: the incremental scan, and card identity through edits.

Only files whose size or mtime changed are read; of those, only files whose content hash changed are
extracted. All changes of one scan land in one transaction. Identity rules, in order:

1. an explicit `#id`, or the content id (kind + normalized front + cloze group), found in the store
   (directly or through an alias left by an earlier re-link) is the same card, wherever it now lives;
2. a card that appears while another vanishes, with a similar front (`ids.similarity` ≥ `RELINK_THRESHOLD`,
   same kind, the same file preferred) inherits the vanished card's id and history; an alias records it;
   when two candidates score within `RELINK_MARGIN` of each other nothing is merged and a problem says so;
3. a card that vanished without a successor is retired: it keeps its history and returns with it when its
   text comes back.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from mlwiki import ids
from mlwiki.config import Config
from mlwiki.models import Card, Problem, Severity
from mlwiki.sources.notes import NoteFile, paused_gc, walk_notes
from mlwiki.scan.pool import examine_all
from mlwiki.store.db import Store, utc_iso
from mlwiki.store.index import IndexWriter, file_states, stored_problems
from mlwiki.textsafe import plural

if TYPE_CHECKING:
    from mlwiki.scan.examine import FileResult

MAX_RELINK_PAIRS = 250_000


@dataclass
class ScanReport:
    """What a scan did, for the user and for tests."""

    files_seen: int = 0
    files_read: int = 0
    files_changed: int = 0
    files_removed: int = 0
    cards_added: int = 0
    cards_updated: int = 0
    cards_retired: int = 0
    cards_restored: int = 0
    cards_relinked: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.files_changed or self.files_removed)

    def to_dict(self) -> dict:
        data = {k: v for k, v in self.__dict__.items() if k != "problems"}
        data["problems"] = [p.to_dict() for p in self.problems]
        return data

    def summary(self) -> str:
        return (f"{plural(self.files_seen, 'note')} ({self.files_changed} changed, {self.files_removed} removed): "
                f"{plural(self.cards_added, 'card')} added, {self.cards_updated} updated, "
                f"{self.cards_relinked} re-linked, {self.cards_retired} retired, {self.cards_restored} restored")


def scan(store: Store, config: Config, now: datetime, progress=None) -> ScanReport:
    """Bring the store up to date with the notes folder. Cheap when nothing changed."""
    with paused_gc():  # a scan makes many objects and few cycles: see paused_gc
        return _scan(store, config, now, progress)


def _scan(store: Store, config: Config, now: datetime, progress=None) -> ScanReport:
    files, walk_problems = walk_notes(config)
    report = ScanReport(files_seen=len(files))
    known = file_states(store)
    fingerprint = extraction_fingerprint(config)
    reextract = store.meta(FINGERPRINT_KEY) != fingerprint  # a new mlwiki or card settings: read every note
    trusted = {} if reextract else known  # what stored file states may spare a note from being read again
    # size + mtime first: only files that fail it are read, each once, for both its hash and its cards
    candidates = [(f, row) for f in files
                  if (row := trusted.get(f.rel)) is None or row[0] != f.size or row[1] != f.mtime_ns]
    changed: list[tuple[NoteFile, str]] = []
    touched: list[NoteFile] = []
    results: list[FileResult] = []
    jobs = [(f, row[2] if row else None) for f, row in candidates]
    for (f, _), (digest, result) in zip(jobs, examine_all(config, jobs, progress)):
        report.files_read += 1
        if result is None:  # same bytes as stored: only its mtime moved
            touched.append(f)
        else:
            changed.append((f, digest or ""))
            results.append(result)
    present = {f.rel for f in files}
    removed = [path for path in known if path not in present]
    report.files_changed, report.files_removed = len(changed), len(removed)
    if not changed and not removed and not touched and not reextract:
        report.problems = walk_problems + stored_problems(store)
        return report
    with store.write() as conn:
        index = IndexWriter(conn)
        index.touch_files([(f.mtime_ns, f.size, f.rel) for f in touched])
        if changed or removed:
            _apply(index, report, results, [d for _, d in changed], removed, now)
        if reextract:
            index.set_meta(FINGERPRINT_KEY, fingerprint)
    report.problems = walk_problems + stored_problems(store)
    return report


FINGERPRINT_KEY = "extraction_fingerprint"


def extraction_fingerprint(config: Config) -> str:
    """What, besides a note's bytes, decides its cards: the parser's version and the card settings. When it
    changes, the next scan extracts every note again (identity keeps each card's history)."""
    from mlwiki import __version__
    from mlwiki.models import EXTRACTOR_VERSION

    settings = [__version__, EXTRACTOR_VERSION, config.name, config.formulas, config.definitions,
                config.highlight_cloze, sorted(config.deck_names.items()), config.relative(config.notes_dir),
                config.question_headings, config.question_callouts, config.bold_questions]
    return hashlib.blake2b(json.dumps(settings).encode(), digest_size=8).hexdigest()


def _apply(index: IndexWriter, report: ScanReport, results: list[FileResult], digests: list[str],
           removed: list[str], now: datetime) -> None:
    """The write half of a scan: files, problems, sources, cards, re-links and retirements."""
    stamp = utc_iso(now)
    paths = [r.file.rel for r in results] + removed
    index.replace_files([(r.file.rel, r.file.size, r.file.mtime_ns, d, int(r.skipped))
                         for r, d in zip(results, digests)], removed)
    index.add_problems(p for r in results for p in r.problems)
    old_ids = index.ids_at(paths)
    index.drop_sources(paths)
    aliases = index.aliases([c.id for r in results for c in r.cards])
    incoming = _resolve(results, aliases)
    existing = index.existing(incoming)
    unmatched = [cid for cid in incoming if cid not in existing]
    still_sourced = index.still_sourced(old_ids)
    vanished = [cid for cid in old_ids if cid not in incoming and cid not in still_sourced]
    relinks, ambiguous = _relink(index, unmatched, vanished, incoming)
    index.add_problems(ambiguous)
    for new_id, old_id in relinks.items():
        index.relink(new_id, old_id, stamp)
        incoming[old_id] = incoming.pop(new_id)
        existing[old_id] = True
        report.cards_relinked += 1
    _write_cards(index, report, incoming, existing, stamp)
    index.repoint([cid for cid in old_ids if cid in still_sourced and cid not in incoming])
    report.cards_retired = index.retire([cid for cid in vanished if cid not in relinks.values()], stamp)


@dataclass
class Incoming:
    """One card as seen in this scan: its content from the first source, and every source."""

    card: Card
    sources: list[tuple[str, int]]


def _resolve(results: list[FileResult], aliases: dict[str, str]) -> dict[str, Incoming]:
    """Extracted cards by stored id (aliases applied); the same card in two notes becomes one entry."""
    incoming: dict[str, Incoming] = {}
    for result in results:
        for card in result.cards:
            cid = aliases.get(card.id, card.id)
            entry = incoming.get(cid)
            if entry is None:
                incoming[cid] = Incoming(card, [(card.source.path, card.source.line)])
            elif (card.source.path, card.source.line) not in entry.sources:
                entry.sources.append((card.source.path, card.source.line))
    return incoming


def _relink(index: IndexWriter, unmatched: list[str], vanished: list[str], incoming: dict[str, Incoming]
            ) -> tuple[dict[str, str], list[Problem]]:
    """Pair new cards with vanished ones whose fronts are similar. Returns {new id: old id} and ambiguities."""
    if not unmatched or not vanished:
        return {}, []
    old = {r["id"]: r for r in index.cards(vanished)}
    candidates = _relink_candidates(unmatched, old, incoming)
    by_new: dict[str, list[tuple[float, str]]] = defaultdict(list)
    by_old: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for score, new_id, old_id in candidates:
        by_new[new_id].append((score, old_id))
        by_old[old_id].append((score, new_id))
    links: dict[str, str] = {}
    problems: list[Problem] = []
    for score, new_id, old_id in candidates:
        if new_id in links or old_id in links.values():
            continue
        rivals = [s for s, o in by_new[new_id] if o != old_id and o not in links.values()] + \
                 [s for s, n in by_old[old_id] if n != new_id and n not in links]
        if rivals and max(rivals) >= score - ids.RELINK_MARGIN:
            card = incoming[new_id].card
            problems.append(Problem(card.source.path, card.source.line,
                                    "edited card matches more than one vanished card; it starts with a new history "
                                    "(give cards explicit #ids to keep history through big edits)",
                                    Severity.WARNING, "ambiguous-relink"))
            continue
        links[new_id] = old_id
    return links, problems


def _relink_candidates(unmatched: list[str], old: dict, incoming: dict[str, Incoming]) -> list[tuple]:
    """(score, new id, old id) of every similar-enough pair of the same kind, best first."""
    candidates = []
    for new_id in unmatched:
        card = incoming[new_id].card
        for old_id, row in old.items():
            if row["kind"] != card.kind.value:
                continue
            if len(unmatched) * len(old) > MAX_RELINK_PAIRS and row["path"] != card.source.path:
                continue
            score = ids.similarity(card.front, row["front"])
            if score >= ids.RELINK_THRESHOLD:
                same_file = row["path"] == card.source.path
                candidates.append((score + (0.01 if same_file else 0), new_id, old_id))
    candidates.sort(reverse=True)
    return candidates


def _note_ids(incoming: dict[str, Incoming], aliases_from_card: dict[str, str]) -> dict[str, str]:
    """Extracted note id → stored note id: a note keeps the id its cards had, so Anki GUIDs stay stable."""
    mapping: dict[str, str] = {}
    for cid, entry in incoming.items():
        note = entry.card.note_id
        stored = aliases_from_card.get(cid)
        if stored and note not in mapping:
            mapping[note] = stored
    return mapping


def _write_cards(index: IndexWriter, report: ScanReport, incoming: dict[str, Incoming], existing: dict[str, bool],
                 stamp: str) -> None:
    stored_notes = {r["id"]: r["note_id"] for r in index.cards(list(existing))}
    note_map = _note_ids(incoming, stored_notes)
    inserts, updates, sources = [], [], []
    for cid, entry in incoming.items():
        card = entry.card
        values = _content_values(card, note_map.get(card.note_id, card.note_id))
        if cid in existing:
            updates.append((*values, cid))
            report.cards_updated += 1
            if existing[cid]:
                report.cards_restored += 1
        else:
            inserts.append((cid, *values, stamp))
            report.cards_added += 1
        sources.extend((cid, path, line) for path, line in entry.sources)
    index.write_cards(inserts, updates, sources)


def _content_values(card: Card, note_id: str) -> tuple:
    return (note_id, card.kind.value, card.front, card.back, card.text, card.group, card.deck,
            _tags_json(tuple(card.tags)), card.heading, card.source.path, card.source.line,
            card.ord, int(card.explicit_id), card.content_hash)


@functools.lru_cache(maxsize=4096)
def _tags_json(tags: tuple[str, ...]) -> str:
    """The tags column: the cards of a note, and of many notes, share their tags."""
    return json.dumps(list(tags), ensure_ascii=False)


def open_synced(config: Config, now: datetime, progress: Callable[[int, int], None] | None = None):
    """Open the store and bring it up to date with the notes: what every reading command starts with.
    `progress(done, total)` is called as notes are read."""
    from mlwiki.store.opening import open_store

    store = open_store(config)
    try:
        report = scan(store, config, now, progress)
    except BaseException:
        store.close()
        raise
    return store, report
