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
import time
from collections import Counter
from dataclasses import dataclass, field

from mlwiki.anki.cardmap import card_map
from mlwiki.anki.edits import edited_notes, remember_edits
from mlwiki.anki.source import find_collection, open_snapshot
from mlwiki.ankiformat.collection import notes_with_mod, open_copy, revlog_with_cards
from mlwiki.ankiformat.revlog import RevlogRow, classify
from mlwiki.models import RESET_RATING
from mlwiki.store.anki_history import owners_in, set_anki_ids, unkeyed_reviews
from mlwiki.store.db import utc_iso
from mlwiki.store.reviews import save_settings

SKIP_REASONS = {
    "not_this_wiki": "card not from this wiki",
    "card_deleted_in_anki": "card no longer in the Anki collection",
    "not_in_notes": "card not in the notes any more",
    "cramming": "cramming in a filtered deck (Anki's FSRS ignores it too)",
    "manual": "due date set by hand, not a review",
    "invalid": "not a review Anki writes (rating outside 0-4, a time before 1970 or after tomorrow, or a bad value)",
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
    edited_in_anki: list[dict] = field(default_factory=list)  # {card_id, source (path:line), anki_text}

    def to_dict(self) -> dict:
        return {"source": self.source, "notes": list(self.notes), "reviews_added": self.reviews_added,
                "resets_added": self.resets_added, "cards_affected": self.cards_affected,
                "already_present": self.already_present, "skipped": dict(self.skipped), "dry_run": self.dry_run,
                "edited_in_anki": self.edited_in_anki}

    def lines(self) -> list[str]:
        verb = "would add" if self.dry_run else "added"
        out = [f"Read {self.source}", *self.notes,
               f"{verb} {self.reviews_added} review(s) on {self.cards_affected} card(s)"
               + (f", {self.resets_added} reset(s)" if self.resets_added else "")
               + f"; {self.already_present} already in mlwiki"]
        out += [f"skipped {count}: {SKIP_REASONS[reason]}" for reason, count in sorted(self.skipped.items())]
        if self.edited_in_anki:
            out.append(f"{len(self.edited_in_anki)} card(s) were edited in Anki since the last export; the notes "
                       "stay the source: copy the change into the note, or the next export + import brings the "
                       "note's text back")
            out += [f"  {e['source']} ({e['card_id']}): Anki has \"{e['anki_text']}\"" for e in self.edited_in_anki]
        return out


def read_revlog(source: str | None, profile: str | None) -> tuple[str, list[str], list[RevlogRow], list[tuple]]:
    """(where it was read, notes such as a backup fallback, the revlog rows, the Anki notes' (GUID, mod,
    fields)) of an Anki collection or package."""
    path = find_collection(source, profile)
    with open_snapshot(path) as snapshot:
        conn = open_copy(snapshot.path, snapshot.origin)
        try:
            rows = [RevlogRow(*row) for row in revlog_with_cards(conn, snapshot.origin)]
            anki_notes = notes_with_mod(conn, snapshot.origin)
        finally:
            conn.close()
        return snapshot.origin, list(snapshot.notes), rows, anki_notes


def pull(store, config, source: str | None = None, profile: str | None = None, dry_run: bool = False
         ) -> PullReport:
    """Add Anki's reviews of this wiki's cards to the log, then replay the cards they touch.

    What is already in the log is read inside the write transaction that adds the new reviews, so two pulls at
    once add each review once (the second waits for the first, then finds its reviews present)."""
    from mlwiki.review.schedule import Scheduler

    origin, notes, rows, anki_notes = read_revlog(source, profile)
    report = PullReport(origin, notes, dry_run=dry_run)
    mapping, guids = card_map(store)
    report.edited_in_anki = edited_notes(store, mapping, anki_notes)
    if not dry_run:
        remember_edits(store, report.edited_in_anki)
    scheduler = Scheduler.for_store(store, config.review)  # the parameters in use, as for answers made here
    if dry_run:
        _plan(report, rows, mapping, guids, store.conn, scheduler)
        return report
    with store.write() as conn:  # one transaction: what is present, the new reviews, the states replayed
        plan = _plan(report, rows, mapping, guids, conn, scheduler)
        if plan.new_rows or plan.moves or plan.adopted:
            _store(store, conn, config, scheduler, plan)
    return report


@dataclass
class _PullPlan:
    new_rows: list[tuple] = field(default_factory=list)
    moves: list[tuple[int, int]] = field(default_factory=list)  # (new anki id, review id)
    adopted: list[tuple[int, int]] = field(default_factory=list)  # (Anki's id, review id of ours that lost it)
    affected: set[str] = field(default_factory=set)


def _plan(report: PullReport, rows: list[RevlogRow], mapping: dict, guids: set[str], conn, scheduler) -> _PullPlan:
    """Sort Anki's rows into present, adopted (one of ours whose Anki id was lost), skipped and new."""
    plan = _PullPlan()
    owners = owners_in(conn)
    unkeyed = unkeyed_reviews(conn)
    taken = set(owners) | {row.id for row in rows}
    latest_ms = int((time.time() + 86400) * 1000)
    for row in rows:
        owner = owners.get(row.id)
        if owner is not None:
            known = mapping.get((row.guid, row.ord))
            if known is None or known.retired or owner[1] == known.card_id:  # (the everyday case: seen before)
                report.already_present += 1
                continue
        reason, card = _match(row, mapping, guids, latest_ms)
        if owner is not None:
            # one of mlwiki's own reviews was given the id this collection uses for another card's review
            # (never pushed here, or Anki would hold it): ours moves to a free id, Anki's comes in
            plan.moves.append((_free_id(row.id, taken), owner[0]))
        if reason is None:
            reason = {"cramming": "cramming", "manual": "manual"}.get(classify(row))
        if reason is not None:
            report.skipped[reason] += 1
            continue
        reset = classify(row) == "reset"
        rating = RESET_RATING if reset else row.ease
        mine = _same_review(unkeyed.get((card.card_id, rating)), row.id)
        if mine is not None:  # the same answer, its Anki id lost by a restore or an older log: not a new one
            plan.adopted.append((row.id, mine))
            report.already_present += 1
            continue
        plan.new_rows.append({"card_id": card.card_id, "reviewed_at": utc_iso(row.reviewed_at), "rating": rating,
                              "duration_ms": max(0, row.time_ms), "content_hash": card.content_hash,
                              "settings_id": scheduler.id, "source": "anki", "anki_id": row.id,
                              "anki_ivl": None if reset else row.ivl})
        report.resets_added += int(reset)
        report.reviews_added += int(not reset)
        plan.affected.add(card.card_id)
    report.cards_affected = len(plan.affected)
    return plan


SAME_REVIEW_MS = 50  # an exported review's Anki id is its time in ms, moved on by 1 ms while taken


def _same_review(candidates: list[tuple[int, int]] | None, anki_id: int) -> int | None:
    """The review id among (time in ms, review id) candidates of the same card and rating that Anki's row
    `anki_id` is (its id is that review's time, to the millisecond, or a few ms later); it is used up."""
    if not candidates:
        return None
    for i, (ms, review_id) in enumerate(candidates):
        if ms <= anki_id <= ms + SAME_REVIEW_MS:
            del candidates[i]
            return review_id
    return None


def _free_id(start: int, taken: set[int]) -> int:
    new = start + 1
    while new in taken:
        new += 1
    taken.add(new)
    return new


def _valid(row: RevlogRow, latest_ms: int) -> bool:
    """A row Anki could have written: integer columns, a rating 0–4, a time from 1970 to a day after now."""
    try:
        return type(row.id) is int and type(row.ease) is int and type(row.ivl) is int and type(row.cid) is int \
            and 0 < row.id <= latest_ms and 0 <= row.ease <= 4 and abs(row.ivl) <= 10**9 and row.time_ms >= -1 \
            and row.type >= 0 and row.factor >= 0
    except TypeError:  # text where Anki writes numbers
        return False


def _match(row: RevlogRow, mapping: dict, guids: set[str], latest_ms: int):
    """(skip reason or None, the mlwiki card)."""
    if not _valid(row, latest_ms):
        return "invalid", None
    if row.guid is None:
        return "card_deleted_in_anki", None
    card = mapping.get((row.guid, row.ord))
    if card is None:
        return ("not_in_notes" if row.guid in guids else "not_this_wiki"), None
    if card.retired:
        return "not_in_notes", None
    return None, card


def _store(store, conn, config, scheduler, plan: _PullPlan) -> None:
    from mlwiki.review.replay import add_reviews
    from mlwiki.studyday import StudyCalendar

    calendar = StudyCalendar.from_settings(config.review)  # replayed on study days, as every answer is
    set_anki_ids(store, plan.moves + plan.adopted, conn)
    save_settings(conn, scheduler.id, json.dumps(scheduler.data, sort_keys=True))
    add_reviews(store, conn, plan.new_rows, calendar)
