"""One Anki note per mlwiki note id: its note type, fields, tags, suspended cards, and which Anki card (ord)
each mlwiki card becomes.

* **GUID** = ``genanki.guid_for(note_id)`` (mlwiki.ankiformat.cards.note_guid): it never depends on the content,
  so an edited note is *updated* in Anki (keeping its review history) instead of being added as a new note.

* **Cards** are the ones genanki would make for the fields (``genanki.Note.cards``, see
  mlwiki.export.models.card_ords), without a genanki Note per note: an export of 10,000 notes spent a third of
  its time building and writing those objects. The package writer (mlwiki.export.package) inserts the rows.

* **Suspended** cards are written with ``queue = -1``. Anki keeps that only when the package is imported *with*
  scheduling ("Import any learning progress"); a plain import resets every new card's queue to 0. Re-imports
  never change the state of cards that already exist in Anki. Leeches get the tag ``leech``. Retired cards
  (deleted from the notes) are not exported.
"""

from __future__ import annotations

import functools
import html as htmllib
import json
import re
from dataclasses import dataclass, field

from mlwiki.ankiformat.cards import card_ord, exported_cards
from mlwiki.config import Config
from mlwiki.export.media import Media, rewrite_images
from mlwiki.export.models import NoteType, card_ords
from mlwiki.export.render_cache import RenderCache
from mlwiki.export.skeleton import Skeleton
from mlwiki.store.cards import EXPORTED_NOTE_COLUMNS
from mlwiki.textsafe import front_markdown

_NOTE_COLUMNS = len(EXPORTED_NOTE_COLUMNS)  # the first columns of an exported card row: all a note is made from


@dataclass(slots=True)
class Built:
    """One note ready for a package: its note type and the columns genanki would write for it (GUID, tags, fields,
    sort field, the ords of its cards in genanki's order, the new-card position), the suspended ords, its images,
    genanki's invalid-HTML warnings, and the mlwiki card row behind each of its Anki cards (by ord)."""

    deck: str
    model: NoteType
    guid: str
    tags: str  # Anki's tags column: " a b "
    fields: str  # Anki's flds column: the fields joined by \x1f
    sort_field: str
    ords: tuple[int, ...]
    position: int
    suspended_ords: tuple[int, ...]
    media: set[str]
    html_warnings: tuple[str, ...]
    cards: dict[int, object] = field(default_factory=dict)

    @property
    def suspended(self) -> int:
        return sum(o in self.suspended_ords for o in self.ords)


_IMAGE_HINT = re.compile(r"!\[|<img", re.I)  # a side without either has no image to resolve


def _clean_tag(tag: str) -> str:
    return re.sub(r"\s+", "_", tag.strip())


@functools.lru_cache(maxsize=4096)
def _anki_tags(tags_json: str | None) -> tuple[str, ...]:
    """A card's tags column as Anki tags: the cards of a note, and of many notes, share their tags."""
    return tuple(_clean_tag(t) for t in json.loads(tags_json or "[]"))


def _source_text(row) -> str:
    where = f"{row['path']}:{row['line']}"
    heading = _shown_heading((row["heading"] or "").strip())
    return htmllib.escape(f"{where} · {heading}" if heading else where)


# What a heading path may hold that a reader does not see as written: Markdown, links, roles, math, HTML, citations
_MARKUP = re.compile(r"[`{\[<*_$\\=@]")
# A Zettelkasten link by id in a heading ("… like Laplace [[20250908092207]]"): a reference after a name, as the card's
# sides show it after one (extract.zettel_links), nothing
_ZETTEL_LINK = re.compile(r"[ \t]*(?:\[\[\d{12,14}\]\]|(?<![\w.:/-])\d{12,14}(?![\w.:/-]))")  # (raw, or as the path keeps it)


@functools.lru_cache(maxsize=4096)  # (the cards of a note share their heading paths)
def _shown_heading(heading: str) -> str:
    """A heading path as the card's sides show its words: `[[Note|alias]]` as "alias", a MyST role or citation as
    its text or nothing (`@gal2016` as "Gal 2016"), a link by zettel id nothing, emphasis without its markers, math as
    Unicode; one line. (The Source field is plain text.)"""
    heading = _ZETTEL_LINK.sub("", heading)
    if not _MARKUP.search(heading):
        return heading
    from mlwiki.render.terminal import plain_text

    return " ".join(plain_text(heading).split())


class Builder:
    """Builds the Anki note of each mlwiki note (fields rendered, images resolved, warnings reported)."""

    def __init__(self, config: Config, skeleton: Skeleton, models: dict[str, NoteType], report,
                 cache: RenderCache | None = None):
        self.config = config
        self.skeleton = skeleton  # genanki's note types (with their required fields) and field check
        self.models = skeleton.note_types(models)
        self.report = report
        self.media = Media(config)
        self.cache = cache or RenderCache(None)  # without one, this export's renders are still shared within it
        self.parts: dict = {}  # equal parts of prepared notes as one object: the cache writes and reads it once

    def field(self, markdown: str, images: dict[str, str | None]) -> str:
        # the sides of a note without images are kept with the whole note (build), not one by one
        html = self.cache.html(markdown or "", keep=bool(images))
        return (rewrite_images(html, images) if images else html).strip()  # no image: nothing to rewrite

    def images(self, first, sources: list[str], warnings: list[str]) -> dict[str, str | None]:
        """Every local image of the note's Markdown → media name (None: refused, with a warning)."""
        mapping: dict[str, str | None] = {}
        for text in sources:
            if not text or not _IMAGE_HINT.search(text):
                continue  # image_refs parses the Markdown again: skip the (usual) text without images
            from mlwiki.render.html import image_refs

            for ref in image_refs(text):
                if ref in mapping:
                    continue
                name, why = self.media.resolve(first["path"], ref)
                mapping[ref] = name
                if name is None:
                    warnings.append(f"{first['path']}:{first['line']}: image {ref!r} {why}")
        return mapping

    def build(self, note_id: str, cards: list, position: int) -> Built | None:
        """The note of one mlwiki note id (its live cards in export order), or None with a warning.

        A note without images is prepared once and kept in the cache by its cards' rows: the next export with
        the same rows gives the same columns and warnings without rendering, escaping or checking them again."""
        key = self.cache.note_key(note_id, [card[:_NOTE_COLUMNS] for card in cards], self.config.name)
        entry = self.cache.note(key)
        media: set[str] = set()
        if entry is None:
            entry, images = self._prepare(note_id, cards)
            if images:
                media = {name for name in images.values() if name}
            else:  # nothing read from the disk: the rows decide all
                self.cache.add_note(key, entry)
        if entry[0]:
            self.report.warnings.extend(entry[0])
        if len(entry) == 1:
            return None
        _, kind, guid, tags, fields, sort_field, ords, suspended_ords, deck, html_warnings = entry
        if len(cards) == 1:
            by_ord = {card_ord(kind, cards[0]): cards[0]}
        else:
            by_ord = {card_ord(kind, c): c for c in exported_cards(cards)[1]}
        return Built(deck, self.models[kind], guid, tags, fields, sort_field, ords, position, suspended_ords, media,
                     html_warnings, by_ord)

    def _prepare(self, note_id: str, cards: list) -> tuple[tuple, dict[str, str | None]]:
        """The note's entry, as the cache keeps it, and its images → media names. The entry: (warnings,) for a
        note that is not exported, else (warnings, kind, GUID, tags, fields, sort field, ords, suspended ords,
        deck, genanki's invalid-HTML warnings): Anki's columns as genanki writes them (Note.write_to_db)."""
        warnings: list[str] = []
        first = cards[0]
        kind, kept = exported_cards(cards)
        if len(kept) < len(cards):
            kinds = ", ".join(sorted({c["kind"] for c in cards}))
            warnings.append(f"{first['path']}:{first['line']}: note {note_id} mixes cards that do not fit one Anki "
                            f"note ({kinds}); only the first is exported")
        cards = kept
        model = self.models[kind]
        suspend_ords = {card_ord(kind, c) for c in cards if c["suspended"]}
        if kind == "cloze":
            images = self.images(first, [first["text"]], warnings)
            fields = [self.field(first["text"], images), "", _source_text(first), htmllib.escape(note_id)]
        else:
            main = first if first["kind"] != "reverse" else next((c for c in cards if c["kind"] != "reverse"), None)
            if main is not None:
                front, back = main["front"], main["back"]
            else:  # only the reverse side is live: the note's fields are its sides swapped
                front, back = first["back"], first["front"]
                suspend_ords.add(0)
            images = self.images(first, [front, back], warnings)
            fields = [self.field(front_markdown(front), images), self.field(back, images), _source_text(main or first),
                      htmllib.escape(note_id)]
        tags = [t for card in cards for t in _anki_tags(card["tags"])]
        if any(card["leech"] for card in cards):
            tags.append("leech")
        tags = list(dict.fromkeys(t for t in tags if t))
        ords = card_ords(model, fields)
        if not ords or not fields[0] or (kind != "cloze" and not fields[1]):
            warnings.append(f"{first['path']}:{first['line']}: note {note_id} is empty once unsafe HTML is removed "
                            "(or has no cloze left); not exported")
            return (tuple(warnings),), images
        deck = (first["deck"] or "").strip() or self.config.name
        share = self.parts.setdefault
        return tuple(share(part, part) for part in (
            tuple(warnings), kind, self.cache.guid(note_id, keep=bool(images)), " " + " ".join(tags) + " ",
            "\x1f".join(fields), fields[model.sort_field_index], tuple(ords), tuple(sorted(suspend_ords)), deck,
            tuple(self.skeleton.invalid_html_warnings(fields)))), images
