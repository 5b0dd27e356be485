"""One Anki note per mlwiki note id: its note type, fields, tags, suspended cards, and which Anki card (ord)
each mlwiki card becomes.

* **GUID** = ``genanki.guid_for(note_id)``: it never depends on the content, so an edited note is *updated* in
  Anki (keeping its review history) instead of being added as a new note.

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

from mlwiki.export.genanki_lib import genanki

from mlwiki.ankiformat.cards import card_ord, exported_cards
from mlwiki.config import Config
from mlwiki.export.media import Media, rewrite_images
from mlwiki.export.models import card_ords
from mlwiki.export.render_cache import RenderCache


@dataclass(slots=True)
class Built:
    """One note ready for a package: what genanki would write for it (note type, GUID, fields, tags, the ords of
    its cards in genanki's order, its new-card position), the suspended ords, its images, and the mlwiki card
    row behind each of its Anki cards (by ord)."""

    deck: str
    model: genanki.Model
    guid: str
    fields: list[str]
    tags: list[str]
    ords: list[int]
    position: int
    suspended_ords: set[int]
    media: set[str]
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
    heading = (row["heading"] or "").strip()
    return htmllib.escape(f"{where} · {heading}" if heading else where)


class Builder:
    """Builds the genanki note of each mlwiki note (fields rendered, images resolved, warnings reported)."""

    def __init__(self, config: Config, models: dict[str, genanki.Model], report, cache: RenderCache | None = None):
        self.config = config
        self.models = models
        self.report = report
        self.media = Media(config)
        self.cache = cache or RenderCache(None)  # without one, this export's renders are still shared within it

    def field(self, markdown: str, images: dict[str, str | None]) -> str:
        html = self.cache.html(markdown or "")
        return (rewrite_images(html, images) if images else html).strip()  # no image: nothing to rewrite

    def images(self, first, sources: list[str]) -> dict[str, str | None]:
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
                    self.report.warnings.append(f"{first['path']}:{first['line']}: image {ref!r} {why}")
        return mapping

    def build(self, note_id: str, cards: list, position: int) -> Built | None:
        """The note of one mlwiki note id (its live cards in export order), or None with a warning."""
        first = cards[0]
        kind, kept = exported_cards(cards)
        if len(kept) < len(cards):
            kinds = ", ".join(sorted({c["kind"] for c in cards}))
            self.report.warnings.append(f"{first['path']}:{first['line']}: note {note_id} mixes cards that do not "
                                        f"fit one Anki note ({kinds}); only the first is exported")
        cards = kept
        model = self.models[kind]
        suspend_ords = {card_ord(kind, c) for c in cards if c["suspended"]}
        if kind == "cloze":
            images = self.images(first, [first["text"]])
            fields = [self.field(first["text"], images), "", _source_text(first), htmllib.escape(note_id)]
        else:
            main = first if first["kind"] != "reverse" else next((c for c in cards if c["kind"] != "reverse"), None)
            if main is not None:
                front, back = main["front"], main["back"]
            else:  # only the reverse side is live: the note's fields are its sides swapped
                front, back = first["back"], first["front"]
                suspend_ords.add(0)
            images = self.images(first, [front, back])
            fields = [self.field(front, images), self.field(back, images), _source_text(main or first),
                      htmllib.escape(note_id)]
        tags = [t for card in cards for t in _anki_tags(card["tags"])]
        if any(card["leech"] for card in cards):
            tags.append("leech")
        tags = list(dict.fromkeys(t for t in tags if t))
        ords = card_ords(model, fields)
        if not ords or not fields[0] or (kind != "cloze" and not fields[1]):
            self.report.warnings.append(f"{first['path']}:{first['line']}: note {note_id} is empty once unsafe HTML "
                                        "is removed (or has no cloze left); not exported")
            return None
        used = {name for name in images.values() if name} if images else set()
        deck = (first["deck"] or "").strip() or self.config.name
        by_ord = {card_ord(kind, first): first} if len(cards) == 1 else {card_ord(kind, c): c for c in cards}
        return Built(deck, model, self.cache.guid(note_id), fields, tags, ords, position, suspend_ords, used, by_ord)
