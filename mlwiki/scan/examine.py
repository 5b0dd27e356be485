"""One note file at a time: read it once, hash it, extract its cards. Never raises for a bad file."""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass, field

from mlwiki import ids
from mlwiki.config import Config
from mlwiki.models import Card, Problem
from mlwiki.sources.notes import NoteFile, load_note, parse_note_bytes


@dataclass
class FileResult:
    """What one note file yielded. `skipped` is true for files that could not be read or opted out. `forms`
    counts the cards each form made and `form_of` names each card id's form, for `check`'s census."""

    file: NoteFile
    cards: list[Card] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: bool = False
    forms: Counter = field(default_factory=Counter)
    form_of: dict[str, str] = field(default_factory=dict)
    macros: list = field(default_factory=list)  # the LaTeX macros the note defines (scan.note_macros)


def extract_file(config: Config, file: NoteFile, data: bytes | None = None) -> FileResult:
    """Read (unless its bytes are given) and extract one note file; never raises for a bad file."""
    extractor, problems, macros = _walk_file(config, file, data)
    if extractor is None:
        return FileResult(file, [], problems, skipped=True, macros=macros)
    from mlwiki.extract.walk import draft_id

    cards = extractor.cards()
    form_of = {draft_id(d): d.form for drafts, _ in extractor.drafts for d in drafts if d.form}
    return FileResult(file, cards, problems + extractor.problems, forms=extractor.forms(), form_of=form_of,
                      macros=macros)


# The `explicit` column of a card the writer wrote as a card (Q:/A:, `::`, a cloze) with no id of its own: no rule
# that reads the store for copies (scan.near_twins) marks it; an id of the writer's is 1, a card read out of prose 0.
WRITTEN = 2


def file_rows(config: Config, file: NoteFile, data: bytes | None = None) -> Rows:
    """`extract_file` as the scan stores it: each card a `card_row`, made from the walk's fields (not through a Card:
    a first scan makes ~10 cards a note)."""
    extractor, problems, macros = _walk_file(config, file, data)
    if extractor is None:
        return [], problems, True, macros
    from mlwiki.extract.draft import written_by_hand  # (here: the extractor is imported only when a note changed)

    path, tags_json = extractor.ctx.path, _tags_json
    rows = [(cid, note_id, d.kind.value, d.front, d.back, d.text, d.group, deck, tags_json(tags), heading, path, line,
             k, int(bool(d.explicit_id)) or (WRITTEN if written_by_hand(d) else 0), content_hash, key)
            for k, (d, cid, note_id, line, deck, tags, heading, content_hash, key)
            in enumerate(extractor.finished())]
    return rows, problems + extractor.problems, False, macros


def _walk_file(config: Config, file: NoteFile, data: bytes | None):
    """(the finished walk over a note file, the problems of reading it, the macros it defines); no walk when it
    could not be read, opts out, or the walk failed on a bug of ours (then a problem says so)."""
    from mlwiki.extract import note_context, walked  # only when a note changed: keeps `due` fast
    from mlwiki.scan.note_macros import note_macros

    note, problems = load_note(file.fspath, file.rel, data)
    if note is None:
        return None, problems, []
    macros = note_macros(note, data, file.fspath, config.root)  # (a note that opts out may define them)
    if note.makes_no_cards:
        return None, problems, macros
    try:
        return walked(note.body, note_context(note, config)), problems, macros
    except Exception as exc:  # a bug of ours that one note sets off: the other notes are still scanned
        return None, problems + [Problem(file.rel, None, f"mlwiki could not make this note's cards ({type(exc).__name__}: "
                                         f"{exc}); its cards wait until that is fixed: please report it",
                                         code="internal")], macros


def warm_up() -> None:
    """Import and build what extracting notes needs (the extraction modules, the front matter reader): the
    workers of a pool forked after this share it, where each would spend 40-60 ms on it."""
    import mlwiki.extract  # noqa: F401

    parse_note_bytes(b"---\ntitle: warm\n---\n", "warm.md", "md")


# One examined file: its content hash (None when it could not be read) and its extraction (None when the hash
# matched the known one, so nothing needed extracting): a FileResult, or for the scan its `Rows`.
Examined = tuple["str | None", "FileResult | Rows | None"]
# What the scan stores of one file: its cards as `card_row`s, its problems, whether it was skipped, and the macros
# it defines (`scan.note_macros`). Plain
# tuples of strings and numbers: a pool's workers send them to the scan ten times cheaper than Card objects.
Rows = tuple[list[tuple], list[Problem], bool, list]
# Notes to examine: each file with the content hash it had at the last scan (None: read it whatever it holds).
Jobs = list[tuple[NoteFile, "str | None"]]


def file_hash(data: bytes) -> str:
    """The content hash that tells a changed note from one that was only touched."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def examine(config: Config, file: NoteFile, known_hash: str | None = None, rows: bool = False) -> Examined:
    """Read one note once: its hash, and its cards and problems unless its hash is `known_hash` (as `Rows` when
    `rows`)."""
    try:
        data = read_bytes(file.fspath)
    except OSError:
        data = None  # extract_file reads it again and reports why it cannot
    digest = file_hash(data) if data is not None else None
    if digest is not None and digest == known_hash:
        return digest, None
    return digest, (file_rows if rows else extract_file)(config, file, data)


def read_bytes(path: str) -> bytes:
    """`Path(path).read_bytes()` in half the time (a first scan reads every note): no Path, no buffered file
    object, one read of the size the file has and one that finds its end."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        parts, want = [], os.fstat(fd).st_size + 1
        while chunk := os.read(fd, want):
            parts.append(chunk)
            want = 1 << 16  # (it grew since: read on to its end)
    finally:
        os.close(fd)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def card_row(card: Card) -> tuple:
    """A card as the store's `cards` row holds it (as `file_rows` makes it, without the Card): id, then the content
    columns (store.index.CARD_CONTENT_COLUMNS, in that order)."""
    return (card.id, card.note_id, card.kind.value, card.front, card.back, card.text, card.group, card.deck,
            _tags_json(tuple(card.tags)), card.heading, card.source.path, card.source.line, card.ord,
            int(card.explicit_id) or (WRITTEN if card.written else 0), card.content_hash, ids.back_key(card.back))


@functools.lru_cache(maxsize=4096)
def _tags_json(tags: tuple[str, ...]) -> str:
    """The tags column: the cards of a note, and of many notes, share their tags."""
    return json.dumps(list(tags), ensure_ascii=False)
