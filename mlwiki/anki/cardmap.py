"""Which Anki card is which mlwiki card: the note GUID is `note_guid(note id)` (as export sets it) and the
card ord is 0 for basic, definition and formula cards, 1 for a reverse card, g − 1 for cloze group g."""

from __future__ import annotations

from dataclasses import dataclass

from mlwiki.ankiformat.cards import anki_ords, note_guid
from mlwiki.store.anki_history import mapping_cards


@dataclass(frozen=True)
class MappedCard:
    card_id: str
    note_id: str
    retired: bool
    content_hash: str | None
    suspended: bool


def card_map(store) -> tuple[dict[tuple[str, int], MappedCard], set[str]]:
    """(GUID, ord) → mlwiki card, and the set of every GUID this wiki exports (retired cards map only where no
    live card holds their place)."""
    notes: dict[str, list] = {}
    for row in mapping_cards(store):
        notes.setdefault(row["note_id"], []).append(row)
    mapping: dict[tuple[str, int], MappedCard] = {}
    for note_id, rows in notes.items():
        guid = note_guid(note_id)
        live = [r for r in rows if not r["retired"]]
        retired = [r for r in rows if r["retired"]]
        for group in (live, retired):
            if not group:
                continue
            by_id = {r["id"]: r for r in group}
            for card_id, ord_ in anki_ords(group).items():
                row = by_id[card_id]
                mapping.setdefault((guid, ord_), MappedCard(card_id, note_id, bool(row["retired"]),
                                                            row["content_hash"], bool(row["suspended"])))
    guids = {key[0] for key in mapping}
    return mapping, guids
