"""What an export renders, kept for the next one: each note's Anki columns (type, GUID, tags, fields, sort field,
card ords, suspended ords, deck, warnings) by the hash of its cards' rows; for the notes that changed, each card
side's HTML by the hash of its Markdown and each note's Anki GUID by its note id.

Rendering Markdown and math to sanitized HTML, and Anki's GUIDs (a SHA-256 and a base-91 loop in Python),
were most of an export's time, and between two exports most notes do not change. Both are pure functions of
their key, so a hit gives exactly what rendering would (images are resolved afterwards, on every export, as
files may come and go, and a note with images is never kept whole). A note's key covers every column of its
cards' rows that the note is made from (not their scheduling), its id and the wiki's name (the deck of cards
without one), so an edit, a suspension, a moved line or a new tag is a miss, and a review is not.

The cache is a file in the data folder (`.mlwiki/render-cache.marshal`), written next to its name and renamed
into place; one that is missing, damaged, or written by other rendering code (another mlwiki or Python version,
or a changed renderer in a checkout) is ignored and rebuilt. It is written with `marshal`, as Python's own
bytecode cache is: for 10,000 notes it reads in a fifth of the time JSON took (and JSON's strings then had to be
split into a note's parts), and equal small parts (kinds, decks, tags, ords) are read once, as one object.
"""

from __future__ import annotations

import marshal
import os
import sys
import tempfile
from pathlib import Path

try:
    from _blake2 import blake2b  # hashlib's own, without loading OpenSSL
except ImportError:  # another Python than CPython
    from hashlib import blake2b

CACHE_NAME = "render-cache.marshal"
OLD_NAMES = ("render-cache.json",)  # what earlier versions kept: removed when the cache is written
FORMAT = 3  # raise when what the cache holds changes meaning


def _renderer_stamp() -> list:
    """What decides the rendering: mlwiki's version and, for a checkout under work, the renderer's files."""
    from mlwiki import __version__

    here = Path(__file__).resolve().parent.parent
    files = sorted((here / "render").glob("*.py")) + [here / "export" / "notes.py", here / "export" / "models.py",
                                                       here / "ankiformat" / "cards.py"]
    return [FORMAT, __version__, sys.version_info[:2], marshal.version, *files_stamp(files)]


def files_stamp(paths) -> list:
    """[name, size, mtime] of each file that exists: what a cache built from their code is keyed by."""
    stamp = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            continue
        stamp.append([path.name, stat.st_size, stat.st_mtime_ns])
    return stamp


def _key(markdown: str) -> str:
    return blake2b(markdown.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class RenderCache:
    """Prepared notes, rendered card sides and GUIDs of the last export (`load`), and of this one (`save`)."""

    def __init__(self, path: Path | None, fields: dict[str, str] | None = None, guids: dict[str, str] | None = None,
                 notes: dict[str, tuple] | None = None):
        self.path = path
        self.old_fields, self.old_guids, self.old_notes = fields or {}, guids or {}, notes or {}
        self.fields: dict[str, str] = {}
        self.unkept: dict[str, str] = {}  # Markdown → this export's renders that the next export will not need
        self.guids: dict[str, str] = {}
        self.notes: dict[str, tuple] = {}
        self.misses = 0
        self._markdown_to_html = None

    @classmethod
    def load(cls, data_dir: Path) -> "RenderCache":
        path = data_dir / CACHE_NAME
        try:
            saved = marshal.loads(path.read_bytes())
            if saved["renderer"] == _renderer_stamp() and all(type(saved[k]) is dict
                                                               for k in ("fields", "guids", "notes")):
                notes = saved["notes"]
                if all(type(entry) is tuple for entry in notes.values()):
                    return cls(path, saved["fields"], saved["guids"], notes)
        except (OSError, ValueError, EOFError, KeyError, TypeError):
            pass
        return cls(path)

    @staticmethod
    def note_key(note_id: str, cards: list[tuple], name: str) -> str:
        """The key of a note's prepared columns: a hash of its id, the wiki's name and what its cards' rows hold
        of the note (mlwiki.store.cards.EXPORTED_NOTE_COLUMNS: not their scheduling, which a review changes)."""
        data = marshal.dumps((note_id, name, *cards), 2)  # version 2: no object references
        return blake2b(data, digest_size=16).hexdigest()

    def note(self, key: str) -> tuple | None:
        """The prepared note with this key (a tuple of strings and tuples, made by mlwiki.export.notes), from the
        last export (None: not kept)."""
        entry = self.notes.get(key)
        if entry is None:
            entry = self.old_notes.get(key)
            if entry is not None:
                self.notes[key] = entry
        return entry

    def add_note(self, key: str, entry: tuple) -> None:
        self.notes[key] = entry
        self.misses += 1

    def html(self, markdown: str, keep: bool = True) -> str:
        """`markdown_to_html(markdown)`, from the last export when it rendered the same text. `keep=False`: not
        kept for the next export (the note is kept whole, see `add_note`), so not looked up by its hash either;
        either way each text is rendered once per export."""
        if not keep:
            html = self.unkept.get(markdown)
            if html is None:
                html = self.unkept[markdown] = self._render(markdown)
            return html
        key = _key(markdown)
        html = self.fields.get(key)
        if html is None:
            html = self.old_fields.get(key) or self.unkept.get(markdown) or self._render(markdown)
            self.fields[key] = html
        return html

    def _render(self, markdown: str) -> str:
        if self._markdown_to_html is None:  # imported on the first miss: an export with none does without
            from mlwiki.render.html import markdown_to_html

            self._markdown_to_html = markdown_to_html
        self.misses += 1
        return self._markdown_to_html(markdown)

    def guid(self, note_id: str, keep: bool = True) -> str:
        """`note_guid(note_id)`: the Anki GUID of the note (mlwiki.ankiformat.cards); `keep` as for `html`."""
        guid = self.guids.get(note_id) or self.old_guids.get(note_id)
        if guid is None:
            from mlwiki.ankiformat.cards import note_guid

            guid = note_guid(note_id)
            self.misses += 1
        if keep:
            self.guids[note_id] = guid
        return guid

    def save(self, keep_unused: bool) -> None:
        """Write what this export prepared (and, for a filtered export, what the last one did too)."""
        kept = {"fields": (self.old_fields, self.fields), "guids": (self.old_guids, self.guids),
                "notes": (self.old_notes, self.notes)}
        if self.path is None or (not self.misses and all(len(old) == len(new) for old, new in kept.values())):
            return  # nothing new, nothing dropped
        saved = {name: {**old, **new} if keep_unused else new for name, (old, new) in kept.items()}
        write_cache_file(self.path, marshal.dumps({"renderer": _renderer_stamp(), **saved}))
        for name in OLD_NAMES:
            try:
                (self.path.parent / name).unlink(missing_ok=True)
            except OSError:
                pass


def write_cache_file(path: Path, data: bytes) -> None:
    """Write a cache file next to its name and rename it into place (a reader never sees half of one). A cache
    that cannot be written is no error: the next export does the work again."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
