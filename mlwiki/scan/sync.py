"""Keep the store in step with the notes: the incremental scan, and card identity through edits.

Only files whose size or mtime changed are read; of those, only files whose content hash changed are
extracted. All changes of one scan land in one transaction. Identity rules, in order:

1. an explicit `#id`, or the content id (kind + normalized front + cloze group), found in the store
   (directly or through an alias left by an earlier re-link) is the same card, wherever it now lives;
2. a card that appears while another vanishes, with a similar front (`ids.similarity` ≥ `RELINK_THRESHOLD`,
   same kind, the same file preferred) inherits the vanished card's id and history; an alias records it;
   so does one of the same kind in the same file with the same answer (`SAME_ANSWER`), however its question was
   reworded (a heading renamed, a subject added: the answer is what the learner learned);
   when two candidates score within `RELINK_MARGIN` of each other nothing is merged and a problem says so;
   a card of a two-way pair (`:::`) whose other direction kept its id pairs with the vanished card of the same
   kind from that pair, however much its text changed (an edit of the back is an edit of the reverse's front);
3. a card that vanished without a successor is retired: it keeps its history and returns with it when its
   text comes back.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime

from mlwiki.config import Config
from mlwiki.problems import Problem, Severity
from mlwiki.scan.snapshot import SNAPSHOT_KEY, known_files_stand, restat, snapshot_after_walk
from mlwiki.scan import collisions, duplicates, formula_twins, near_twins, note_macros_store
from mlwiki.store.db import Store, utc_iso
from mlwiki.store.duplicates import back_keys_of
from mlwiki.store.index import IndexWriter, file_states, has_cards, restore_deferred_indexes, stored_problems
from mlwiki.store.note_macros import mark_note_macros_kept, note_macros_kept
from mlwiki.textsafe import plural

try:
    from _blake2 import blake2b  # hashlib's own blake2b, without hashlib loading OpenSSL (~3 ms at every start)
except ImportError:  # another Python than CPython
    from hashlib import blake2b

MAX_RELINK_PAIRS = 250_000
# The score of a new card whose answer is a vanished card's, in the same file: above any front similarity (≤ 1.0),
# below a two-way sibling's (2.0). An answer this short ("0.999", "Yes") says too little to tell two cards apart.
SAME_ANSWER = 1.5
MIN_SAME_ANSWER = 20  # characters of the back ("Yes, in practice." is shorter)
BACK_KEY = 15  # a card row's back key (the last of store.index.CARD_CONTENT_COLUMNS, after the id)
# A first scan into an empty store writes its cards every this many files, in a transaction each, so that it
# never holds the cards of a whole wiki at once (50,000 notes: 480 MB when it did).
STREAM_FILES = 1000
# ...and its last STREAM_FILES files in batches of this many: what is left to write once the workers are done (a
# core idle, the scan waiting) is then one small batch, not up to a thousand files' cards. (10,000 notes: 0.6-0.8 s
# after the last file was read with one batch, 0.13 s with 250, 0.08 s with 100, which cost the scan 0.1 s more
# CPU than 250: each commit writes the indexes' pages again.)
STREAM_TAIL_FILES = 250
# A note file as the scan sees it: (path, rel, size, mtime_ns), the fields of sources.notes.NoteFile.
Seen = tuple[str, str, int, int]


class ScanReport:
    """What a scan did, for the user and for tests. (A plain class, as `Incoming`: every `due` makes one, and a
    dataclass costs every start ~0.4 ms to build.)"""

    def __init__(self, files_seen: int = 0, files_removed: int = 0):
        self.files_seen = files_seen
        self.files_read = 0
        self.files_changed = 0
        self.files_removed = files_removed
        self.cards_added = 0
        self.cards_updated = 0
        self.cards_retired = 0
        self.cards_restored = 0
        self.cards_relinked = 0
        self.problems: list[Problem] = []

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
    """Bring the store up to date with the notes folder. Cheap when nothing changed: no folder changed, it does
    not even walk (mlwiki.scan.snapshot), and it reads no note whose size and mtime are as stored."""
    restore_deferred_indexes(store)  # (a first scan that was cut short left them out)
    known = file_states(store)
    files, removed, walk_problems, snapshot = _note_files(store, config, known)
    report = ScanReport(files_seen=len(files), files_removed=len(removed))
    fingerprint = extraction_fingerprint(config)
    reextract = store.meta(FINGERPRINT_KEY) != fingerprint  # a new mlwiki or card settings: read every note
    reextract = reextract or not note_macros_kept(store)  # (a store from before notes' macros were kept)
    trusted = {} if reextract else known  # what stored file states may spare a note from being read again
    # size + mtime first: only files that fail it are read, each once, for both its hash and its cards
    candidates = [f for f in files if (row := trusted.get(f[1])) is None or row[0] != f[2] or row[1] != f[3]]
    new_snapshot = snapshot is not False and snapshot != store.meta(SNAPSHOT_KEY)
    if candidates or removed or reextract or new_snapshot:
        from mlwiki.sources.notes import paused_gc

        def finish(index: IndexWriter) -> None:
            if reextract:
                index.set_meta(FINGERPRINT_KEY, fingerprint)
                mark_note_macros_kept(index.conn)
            if new_snapshot:
                index.set_meta(SNAPSHOT_KEY, snapshot) if snapshot else index.delete_meta(SNAPSHOT_KEY)

        with paused_gc():  # a scan makes many objects and few cycles: see paused_gc
            _update(store, config, now, progress, report, candidates, trusted, removed, finish)
        note_macros_store.refresh_file(store, config)
    report.problems = walk_problems + stored_problems(store)
    return report


def _note_files(store: Store, config: Config, known: dict[str, tuple]
                ) -> tuple[list[Seen], list[str], list[Problem], str | None | bool]:
    """Every note file (sorted by rel), the known paths gone, the walk's problems, and the snapshot to keep
    after this scan: text, None (none: drop the stored one) or False (the walk was skipped: keep it)."""
    if known_files_stand(store, config):
        files = restat(config, known)
        if files is not None:
            return files, [], [], False
    from mlwiki.sources.notes import walk_notes

    watched: dict[str, list[int]] = {}
    walked, walk_problems = walk_notes(config, watched=watched)
    files = [(f.fspath, f.rel, f.size, f.mtime_ns) for f in walked]
    present = {f.rel for f in walked}
    removed = [path for path in known if path not in present]
    return files, removed, walk_problems, snapshot_after_walk(config, watched, walk_problems)


def _update(store: Store, config: Config, now: datetime, progress, report: ScanReport, candidates: list[Seen],
            trusted: dict[str, tuple], removed: list[str], finish: Callable[[IndexWriter], None]) -> None:
    """Read the candidates (in worker processes when many) and write what changed, then `finish`, in one
    transaction; a first scan into an empty store writes every `STREAM_FILES` files instead (nothing it writes
    can affect another card's identity, and a scan cut short just leaves the rest for the next one)."""
    from mlwiki.scan.pool import examine_all
    from mlwiki.sources.notes import NoteFile

    jobs = [(NoteFile(*f), row[2] if (row := trusted.get(f[1])) else None) for f in candidates]
    stamp = utc_iso(now)
    streamed = not removed and not has_cards(store)
    deferred = False  # the card indexes were dropped for the bulk insert of a streamed scan
    touched: list[tuple[int, int, str]] = []
    changed: list[tuple] = []  # (NoteFile, digest, Rows)
    for (file, _), (digest, rows) in zip(jobs, examine_all(config, jobs, progress, rows=True)):
        report.files_read += 1
        if rows is None:  # same bytes as stored: only its mtime moved
            touched.append((file.mtime_ns, file.size, file.rel))
            continue
        changed.append((file, digest or "", rows))
        report.files_changed += 1
        files_left = len(jobs) - report.files_read
        if streamed and len(changed) >= _stream_batch(len(jobs), files_left):
            # (lost to a power cut, these files are read again)
            with store.write(durable=False) as conn:
                index = IndexWriter(conn)
                bulk = files_left >= STREAM_FILES  # whole batches still to come
                if bulk and not deferred:  # a bulk insert: the card indexes are built once, after it
                    index.defer_indexes()
                    deferred = True
                _apply(index, report, changed, [], stamp, streamed)
                if deferred and not bulk:  # built while the workers read the last files, not after them
                    index.restore_indexes()
                    deferred = False
            changed = []
    with store.write() as conn:
        index = IndexWriter(conn)
        index.touch_files(touched)
        if changed or removed:
            _apply(index, report, changed, removed, stamp, streamed)
        if deferred:
            index.restore_indexes()
        if streamed:  # every card is new: the same card in two notes, decided once over the whole store
            duplicates.refresh(conn, None)
            formula_twins.refresh(conn)  # (and a cheat sheet's formula a note of its own cards)
            near_twins.refresh(conn)  # (and a hub's restatement of a topic note's card)
        finish(index)


def _stream_batch(files: int, files_left: int) -> int:
    """How many changed files a first scan of `files` writes at once, with `files_left` of them still to come."""
    if files > STREAM_FILES and files_left < STREAM_FILES:
        return min(STREAM_TAIL_FILES, STREAM_FILES)
    return STREAM_FILES


FINGERPRINT_KEY = "extraction_fingerprint"


def extraction_fingerprint(config: Config) -> str:
    """What, besides a note's bytes, decides its cards: the parser's version and the card settings. When it
    changes, the next scan extracts every note again (identity keeps each card's history)."""
    from mlwiki import EXTRACTOR_VERSION, __version__

    settings = [__version__, EXTRACTOR_VERSION, config.name, config.formulas, config.definitions,
                config.highlight_cloze, sorted(config.deck_names.items()), config.relative(config.notes_dir),
                config.question_headings, config.question_callouts, config.bold_questions, config.sections]
    return blake2b(json.dumps(settings).encode(), digest_size=8).hexdigest()


def _apply(index: IndexWriter, report: ScanReport, changed: list[tuple], removed: list[str], stamp: str,
           streamed: bool = False) -> None:
    """The write half of a scan: files, problems, sources, cards, re-links and retirements. `changed` holds
    (NoteFile, content hash, Rows) per file read; `streamed`: a part of a first scan into an empty store, where a
    card already stored was stored by an earlier part, from its first source."""
    paths = [f.rel for f, _, _ in changed] + removed
    index.replace_files([(f.rel, f.size, f.mtime_ns, digest, int(rows[2])) for f, digest, rows in changed], removed)
    index.add_problems(p for _, _, rows in changed for p in rows[1])
    note_macros_store.update(index, changed, removed)
    # (a streamed scan began with no card, so with no source, and reads each file once: its files have no source to
    # look up or drop, and card_sources' path index can wait until it is done: see IndexWriter.defer_indexes)
    old_ids = index.ids_at(paths) if not streamed else []
    keys = back_keys_of(index.conn, old_ids)  # answers these files held: their duplicates are decided again
    if not streamed:
        index.drop_sources(paths)
    aliases = index.aliases([card[0] for _, _, rows in changed for card in rows[0]]) \
        if not streamed or index.has_aliases() else {}  # (a store without cards has had no re-link: none)
    changed = collisions.apart(changed, lambda cids: _stored_sources(index, cids, set(paths)))  # (two notes'
    # different definitions of one term: a card each)
    incoming = _resolve(changed, aliases)
    existing = index.existing(incoming)
    if streamed:
        _add_sources(index, incoming, existing)
        incoming = {cid: entry for cid, entry in incoming.items() if cid not in existing}
        existing = {}
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
    if not streamed:  # (a first scan decides them all at its end: see _update)
        duplicates.refresh(index.conn, keys | {entry.card[BACK_KEY] for entry in incoming.values()})
        formula_twins.refresh(index.conn)  # (after it: a copied card's mark stands)
        near_twins.refresh(index.conn)  # (after both: their marks stand)


class Incoming:
    """One card as seen in this scan: its content from the first source (a `card_row`), and every source.
    (A plain class: a dataclass costs every start ~1 ms to build.)"""

    __slots__ = ("card", "sources")

    def __init__(self, card: tuple, sources: list[tuple[str, int]]):
        self.card = card
        self.sources = sources

    @property
    def kind(self) -> str:
        return self.card[2]

    @property
    def front(self) -> str:
        return self.card[3]

    @property
    def source(self) -> tuple[str, int]:
        return self.card[10], self.card[11]


def _resolve(changed: list[tuple], aliases: dict[str, str]) -> dict[str, Incoming]:
    """Extracted cards by stored id (aliases applied); the same card in two notes becomes one entry."""
    incoming: dict[str, Incoming] = {}
    for _, _, rows in changed:
        for card in rows[0]:
            cid = aliases.get(card[0], card[0])
            entry = incoming.get(cid)
            source = (card[10], card[11])
            if entry is None:
                incoming[cid] = Incoming(card, [source])
            elif source not in entry.sources:
                entry.sources.append(source)
    return incoming


def _relink(index: IndexWriter, unmatched: list[str], vanished: list[str], incoming: dict[str, Incoming]
            ) -> tuple[dict[str, str], list[Problem]]:
    """Pair new cards with vanished ones whose fronts are similar. Returns {new id: old id} and ambiguities."""
    if not unmatched or not vanished:
        return {}, []
    from mlwiki import ids

    old = {r["id"]: r for r in index.cards(vanished)}
    candidates = _relink_candidates(unmatched, old, incoming, _sibling_notes(index, unmatched, incoming))
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
            problems.append(Problem(*incoming[new_id].source,
                                    "edited card matches more than one vanished card; it starts with a new history "
                                    "(give cards explicit #ids to keep history through big edits)",
                                    Severity.WARNING, "ambiguous-relink"))
            continue
        links[new_id] = old_id
    return links, problems


TWO_WAY_KINDS = {"basic", "reverse"}


def _sibling_notes(index: IndexWriter, unmatched: list[str], incoming: dict[str, Incoming]) -> dict[str, set[str]]:
    """New card id → the stored note ids of its two-way siblings that kept their ids in this scan."""
    unmatched_set = set(unmatched)
    by_note: dict[str, list[str]] = defaultdict(list)
    for cid, entry in incoming.items():
        if entry.kind in TWO_WAY_KINDS:
            by_note[entry.card[1]].append(cid)  # (card[1]: the extracted note id)
    kept = {cid for ids_ in by_note.values() if len(ids_) > 1 for cid in ids_ if cid not in unmatched_set}
    stored = {r["id"]: r["note_id"] for r in index.cards(sorted(kept))} if kept else {}
    return {cid: {stored[s] for s in by_note[incoming[cid].card[1]] if s in stored}
            for cid in unmatched if incoming[cid].kind in TWO_WAY_KINDS}


def _relink_candidates(unmatched: list[str], old: dict, incoming: dict[str, Incoming],
                       sibling_notes: dict[str, set[str]] | None = None) -> list[tuple]:
    """(score, new id, old id) of every similar-enough pair of the same kind, best first (a vanished card of the
    two-way pair whose other direction kept its id counts as identical; one of the same file with the same answer
    nearly so)."""
    from mlwiki import ids

    candidates = []
    sibling_notes = sibling_notes or {}
    for new_id in unmatched:
        card = incoming[new_id]
        path = card.source[0]
        for old_id, row in old.items():
            if row["kind"] != card.kind:
                continue
            if row["note_id"] in sibling_notes.get(new_id, ()):
                candidates.append((2.0, new_id, old_id))
                continue
            if row["path"] == path and row["back_key"] == card.card[BACK_KEY] \
                    and (row["back_length"] or 0) >= MIN_SAME_ANSWER:
                candidates.append((SAME_ANSWER, new_id, old_id))
                continue
            if len(unmatched) * len(old) > MAX_RELINK_PAIRS and row["path"] != path:
                continue
            score = ids.similarity(card.front, row["front"])
            if score >= ids.RELINK_THRESHOLD:
                same_file = row["path"] == path
                candidates.append((score + (0.01 if same_file else 0), new_id, old_id))
    candidates.sort(reverse=True)
    return candidates


def _note_ids(incoming: dict[str, Incoming], aliases_from_card: dict[str, str]) -> dict[str, str]:
    """Extracted note id → stored note id: a note keeps the id its cards had, so Anki GUIDs stay stable."""
    mapping: dict[str, str] = {}
    for cid, entry in incoming.items():
        note = entry.card[1]
        stored = aliases_from_card.get(cid)
        if stored and note not in mapping:
            mapping[note] = stored
    return mapping


def _write_cards(index: IndexWriter, report: ScanReport, incoming: dict[str, Incoming], existing: dict[str, bool],
                 stamp: str) -> None:
    stored_notes = {r["id"]: r["note_id"] for r in index.cards(list(existing))} if existing else {}
    note_map = _note_ids(incoming, stored_notes)
    inserts, updates, sources = [], [], []
    for cid, entry in incoming.items():
        card = entry.card
        note = card[1]
        values = (note_map.get(note, note), *card[2:])  # the content columns, in their order
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


def _stored_sources(index: IndexWriter, card_ids: list[str], read: set[str]) -> dict[str, tuple[str, str, set[str]]]:
    """{id: (back key, path shown, paths of its sources outside `read`)} of the stored cards among `card_ids`."""
    found = {r["id"]: (r["back_key"] or "", r["path"] or "", set()) for r in index.cards(card_ids)}
    for cid, path in index.sources_of(list(found)):
        if path not in read:
            found[cid][2].add(path)
    return found


def _add_sources(index: IndexWriter, incoming: dict[str, Incoming], stored: dict[str, bool]) -> None:
    """A streamed scan's cards stored by an earlier part: only their sources here are new."""
    index.write_cards([], [], [(cid, path, line) for cid in stored for path, line in incoming[cid].sources])


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
