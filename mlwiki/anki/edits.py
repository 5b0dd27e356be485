"""Edits and deletions are never silent (issue 24.4). The notes stay the source of truth, so:

* a note edited in Anki since the last export (its `mod` is later than the export stamp every exported note
  carries) is reported by `pull` (card id, `path:line`, Anki's text) and remembered, so `export` can warn that
  importing it would bring the notes' text back over Anki's;
* `push` suspends in Anki a card whose text left the notes (mlwiki keeps it as an orphan), unsuspends it if the
  text comes back, and deletes it there once `mlwiki orphans --purge` deleted it here — ordinary sync changes all.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field

from mlwiki.ankiformat.cards import QUEUE_DAY_LEARN, QUEUE_LEARN, QUEUE_NEW, QUEUE_REVIEW, QUEUE_SUSPENDED
from mlwiki.store.anki_history import EXPORT_STAMP_KEY, card_rows

EDITED_KEY = "anki_edited"  # meta: the last pull's notes edited in Anki, for export's warning
SUSPENDED_KEY = "anki_suspended"  # meta: Anki card id → [GUID, ord] of cards push suspended (text left the notes)
_TAG = re.compile(r"<[^>]*>")


def anki_text(fields: str) -> str:
    """A note's fields as one line of text (HTML tags dropped, entities decoded), front | back."""
    parts = [" ".join(html.unescape(_TAG.sub(" ", f)).split()) for f in fields.split("\x1f")[:2]]
    return " | ".join(p for p in parts if p)[:500]


def edited_notes(store, mapping: dict, notes: list[tuple]) -> list[dict]:
    """The live cards of notes Anki changed after the last export: {card_id, source, anki_text}."""
    stamp = int(store.meta(EXPORT_STAMP_KEY, "0") or 0)
    if not stamp:
        return []  # never exported: nothing of Anki's came from here
    by_guid: dict[str, list[str]] = {}
    for (guid, _), card in mapping.items():
        if not card.retired:
            by_guid.setdefault(guid, []).append(card.card_id)
    changed = {guid: text for guid, mod, text in notes if guid in by_guid and mod > stamp}
    ids = [card_id for guid in changed for card_id in by_guid[guid]]
    rows = {r["id"]: r for r in card_rows(store, ids)}
    return [{"card_id": card_id, "source": f"{rows[card_id]['path']}:{rows[card_id]['line']}",
             "anki_text": anki_text(text)}
            for guid, text in sorted(changed.items()) for card_id in sorted(by_guid[guid]) if card_id in rows]


def remember_edits(store, edited: list[dict]) -> None:
    with store.write():
        store.set_meta(EDITED_KEY, json.dumps(edited))


def remembered_edits(store) -> list[dict]:
    """What the last pull found edited in Anki."""
    try:
        return json.loads(store.meta(EDITED_KEY, "[]") or "[]")
    except ValueError:
        return []


@dataclass
class Removals:
    """What push does to Anki cards whose text left the notes (Anki card ids)."""

    suspend: list[int] = field(default_factory=list)
    unsuspend: list[int] = field(default_factory=list)
    delete: list[int] = field(default_factory=list)
    remembered: dict[str, list] = field(default_factory=dict)  # the new SUSPENDED_KEY value


def plan_removals(store, held: dict, schedules: dict[int, tuple], guid_ord: dict[int, tuple]) -> Removals:
    """`held`: Anki card id → mlwiki card (retired ones too); `schedules`: Anki card id → (type, queue, …);
    `guid_ord`: Anki card id → (GUID, ord) of every card in the collection."""
    try:
        earlier = json.loads(store.meta(SUSPENDED_KEY, "{}") or "{}")
    except ValueError:
        earlier = {}
    out = Removals(remembered=dict(earlier))
    for cid, card in held.items():
        if card.retired and schedules[cid][1] >= 0:
            out.suspend.append(cid)
            out.remembered[str(cid)] = list(guid_ord[cid])
        elif not card.retired and str(cid) in earlier:
            out.unsuspend.append(cid)
            out.remembered.pop(str(cid))
    for key in earlier:
        cid = int(key)
        if cid not in held:  # purged here (or deleted in Anki already)
            if cid in guid_ord:
                out.delete.append(cid)
            out.remembered.pop(key, None)
    return out


def unsuspended_queue(kind: int, due: int) -> int:
    """The queue a card of this type goes back to: Anki's own rule (learning cards by their due's unit)."""
    if kind == 0:
        return QUEUE_NEW
    if kind == 2:
        return QUEUE_REVIEW
    return QUEUE_LEARN if due > 1_000_000_000 else QUEUE_DAY_LEARN


def apply_removals(store, col, removals: Removals) -> None:
    """Suspend, unsuspend and delete in the open collection (inside its transaction), and remember."""
    changed = []
    for cid in removals.suspend:
        card = col.get_card(cid)
        card.queue = QUEUE_SUSPENDED
        changed.append(card)
    for cid in removals.unsuspend:
        card = col.get_card(cid)
        if card.queue == QUEUE_SUSPENDED:
            card.queue = unsuspended_queue(card.type, card.due)
            changed.append(card)
    if changed:
        col.update_cards(changed, skip_undo_entry=True)
    if removals.delete:
        col.remove_cards_and_orphaned_notes(removals.delete)
    with store.write():
        store.set_meta(SUSPENDED_KEY, json.dumps(removals.remembered, sort_keys=True))
