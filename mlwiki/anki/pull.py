"""`mlwiki anki pull`: Anki's reviews of this wiki's cards come into mlwiki's log.

Each Anki review becomes one log entry (source 'anki') keyed by its revlog id, so pulling again adds nothing.
What Anki's FSRS ignores is skipped and counted with the reason (cramming, due dates set by hand); a reset
("Forget") is kept as a rating-0 entry, from which replay starts the card afresh, as Anki does. Rows of cards
that are not this wiki's are counted and left alone. The cards that got reviews are then replayed through the
scheduler's own replay, so their state is what answering those reviews in mlwiki would have given.
Anki's files are only read (see mlwiki.anki.source).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from mlwiki.anki.cardmap import card_map
from mlwiki.anki.source import find_collection, open_snapshot
from mlwiki.ankiformat.collection import open_copy, revlog_with_cards
from mlwiki.ankiformat.revlog import RevlogRow, classify, state_before_of
from mlwiki.models import RESET_RATING
from mlwiki.store.anki_history import add_pulled, anki_id_owners, set_anki_ids
from mlwiki.store.db import utc_iso
from mlwiki.store.reviews import save_settings

SKIP_REASONS = {
    "not_this_wiki": "card not from this wiki",
    "card_deleted_in_anki": "card no longer in the Anki collection",
    "not_in_notes": "card not in the notes any more",
    "cramming": "cramming in a filtered deck (Anki's FSRS ignores it too)",
    "manual": "due date set by hand, not a review",
}


@dataclass
class PullReport:
    """What a pull read and added."""

    source: str
    notes: list[str] = field(default_factory=list)
    reviews_added: int = 0
    resets_added: int = 0
    cards_affected: int = 0
    already_present: int = 0
    skipped: Counter = field(default_factory=Counter)
    dry_run: bool = False

    def to_dict(self) -> dict:
        return {"source": self.source, "notes": list(self.notes), "reviews_added": self.reviews_added,
                "resets_added": self.resets_added, "cards_affected": self.cards_affected,
                "already_present": self.already_present, "skipped": dict(self.skipped), "dry_run": self.dry_run}

    def lines(self) -> list[str]:
        verb = "would add" if self.dry_run else "added"
        out = [f"Read {self.source}", *self.notes,
               f"{verb} {self.reviews_added} review(s) on {self.cards_affected} card(s)"
               + (f", {self.resets_added} reset(s)" if self.resets_added else "")
               + f"; {self.already_present} already in mlwiki"]
        out += [f"skipped {count}: {SKIP_REASONS[reason]}" for reason, count in sorted(self.skipped.items())]
        return out


def read_revlog(source: str | None, profile: str | None) -> tuple[str, list[str], list[RevlogRow]]:
    """(where it was read, notes such as a backup fallback, the revlog rows) of an Anki collection or package."""
    path = find_collection(source, profile)
    with open_snapshot(path) as snapshot:
        conn = open_copy(snapshot.path, snapshot.origin)
        try:
            rows = [RevlogRow(*row) for row in revlog_with_cards(conn, snapshot.origin)]
        finally:
            conn.close()
        return snapshot.origin, list(snapshot.notes), rows


def pull(store, config, source: str | None = None, profile: str | None = None, dry_run: bool = False
         ) -> PullReport:
    """Add Anki's reviews of this wiki's cards to the log, then replay the cards they touch."""
    from mlwiki.review.schedule import Scheduler

    origin, notes, rows = read_revlog(source, profile)
    report = PullReport(origin, notes, dry_run=dry_run)
    mapping, guids = card_map(store)
    owners = anki_id_owners(store)
    taken = set(owners) | {row.id for row in rows}
    scheduler = Scheduler.for_store(store, config.review)  # the parameters in use, as for answers made here
    new_rows: list[tuple] = []
    moves: list[tuple[int, int]] = []
    affected: set[str] = set()
    for row in rows:
        reason, card = _match(row, mapping, guids)
        owner = owners.get(row.id)
        if owner is not None:
            if card is None or owner[1] == card.card_id:
                report.already_present += 1
                continue
            # one of mlwiki's own reviews was given the id this collection uses for another card's review
            # (never pushed here, or Anki would hold it): ours moves to a free id, Anki's comes in
            moves.append((_free_id(row.id, taken), owner[0]))
        if reason is None:
            reason = {"cramming": "cramming", "manual": "manual"}.get(classify(row))
        if reason is not None:
            report.skipped[reason] += 1
            continue
        reset = classify(row) == "reset"
        rating = RESET_RATING if reset else row.ease
        new_rows.append((card.card_id, utc_iso(row.reviewed_at), rating, max(0, row.time_ms), card.content_hash,
                         scheduler.id, None if reset else state_before_of(row), row.id))
        report.resets_added += int(reset)
        report.reviews_added += int(not reset)
        affected.add(card.card_id)
    report.cards_affected = len(affected)
    if new_rows and not dry_run:
        _store(store, config, scheduler, new_rows, affected, moves)
    return report


def _free_id(start: int, taken: set[int]) -> int:
    new = start + 1
    while new in taken:
        new += 1
    taken.add(new)
    return new


def _match(row: RevlogRow, mapping: dict, guids: set[str]):
    """(skip reason or None, the mlwiki card)."""
    if row.guid is None:
        return "card_deleted_in_anki", None
    card = mapping.get((row.guid, row.ord))
    if card is None:
        return ("not_in_notes" if row.guid in guids else "not_this_wiki"), None
    if card.retired:
        return "not_in_notes", None
    return None, card


def _store(store, config, scheduler, new_rows: list[tuple], affected: set[str],
           moves: list[tuple[int, int]]) -> None:
    from mlwiki.review.replay import rebuild_cards
    from mlwiki.studyday import StudyCalendar

    calendar = StudyCalendar.from_settings(config.review)  # replayed on study days, as every answer is
    with store.write() as conn:  # one transaction: the new reviews and the states replayed from them
        set_anki_ids(store, moves, conn)
        save_settings(conn, scheduler.id, json.dumps(scheduler.data, sort_keys=True))
        add_pulled(conn, new_rows)
        rebuild_cards(store, conn, affected, calendar)


