"""`mlwiki anki push`: mlwiki's reviews of cards Anki already has go into a closed Anki collection.

Anki's package importer never changes a card the collection already holds, so history made in mlwiki after a
card reached Anki can only arrive this way. Through the `anki` package (the optional extra `mlwiki[anki]`):

1. refuse when Anki has the collection open (its lock), before anything is written;
2. make Anki's own backup into the profile's `backups/` folder;
3. insert the revlog rows Anki lacks, with usn −1 so the next sync sends them (ordinary sync, not a full one);
4. for each card that got rows, and each card whose row disagrees with its whole history (a phone review synced
   after a push leaves the push's newer card row beside the phone's revlog row; see `mlwiki.anki.agree`): its
   FSRS memory state from Anki's own `compute_memory_state`, its last review time, and its type, queue, due and
   interval from mlwiki's schedule (a replay of the union history). Cards with Anki reviews mlwiki has not pulled
   wait for a pull.

Note types, notes and decks are never touched (changing a note type would force a full sync, which drops the
phone's unsynced reviews).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from mlwiki.anki.cardmap import card_map
from mlwiki.anki.source import AnkiSourceError, find_collection, is_locked, open_snapshot
from mlwiki.errors import MlwikiError
from mlwiki.anki.agree import disagreement, target_schedule, unpulled_cards
from mlwiki.anki.edits import apply_removals, plan_removals
from mlwiki.ankiformat.collection import TESTED_SCHEMA, open_copy, schema_of
from mlwiki.ankiformat.collection import (add_revlog, collection_cards, collection_guid_ords, collection_revlog,
                                          collection_schedules)
from mlwiki.ankiformat.revlog import RevlogRow, revlog_rows
from mlwiki.models import CardState
from mlwiki.studyday import StudyCalendar
from mlwiki.store.anki_history import assign_anki_ids, card_rows, set_anki_ids
from mlwiki.store.reviews import reviews_by_card


@dataclass
class PushReport:
    """What a push wrote (or, with --dry-run, would write)."""

    collection: str
    backup: str | None = None
    revlog_added: int = 0
    cards_updated: int = 0
    cards_repaired: int = 0  # cards whose row disagreed with the union history, rewritten without new reviews
    waiting: int = 0  # cards with Anki reviews mlwiki has not pulled, left alone
    suspended: int = 0  # cards whose text left the notes, suspended in Anki
    unsuspended: int = 0  # ... whose text came back
    deleted: int = 0  # ... purged here (`mlwiki orphans --purge`), deleted there
    reasons: dict = field(default_factory=dict)  # Anki card id → what disagreed
    cards: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dry_run: bool = False

    def to_dict(self) -> dict:
        return {"collection": self.collection, "backup": self.backup, "revlog_added": self.revlog_added,
                "cards_updated": self.cards_updated, "cards_repaired": self.cards_repaired,
                "waiting_for_pull": self.waiting, "suspended": self.suspended, "unsuspended": self.unsuspended,
                "deleted": self.deleted, "cards": self.cards, "notes": self.notes,
                "dry_run": self.dry_run}

    def lines(self) -> list[str]:
        verb = "would add" if self.dry_run else "added"
        out = [f"Collection {self.collection}"]
        if self.backup:
            out.append(f"Anki backup: {self.backup}")
        out += self.notes
        if self.dry_run:
            out += [f"  {c['card_id']}: +{c['revlog_added']} review(s)"
                    + (f", {c['repair']} disagrees with its history" if "repair" in c else "") for c in self.cards]
        out.append(f"{verb} {self.revlog_added} review(s) to Anki's log on {self.cards_updated} card(s)"
                   + (f"; {self.cards_repaired} card row(s) rewritten to agree with their history"
                      if self.cards_repaired else ""))
        for count, what in ((self.suspended, "suspended in Anki: their text left the notes"),
                            (self.unsuspended, "unsuspended in Anki: their text is back in the notes"),
                            (self.deleted, "deleted in Anki: purged from mlwiki (`orphans --purge`)")):
            if count:
                out.append(f"{count} card(s) {'would be ' if self.dry_run else ''}{what}")
        return out


def open_collection(path: Path):
    """The collection through the anki package, refusing while Anki has it open."""
    if zipfile.is_zipfile(path):
        raise AnkiSourceError("push writes into a collection (collection.anki2), not into a package",
                              path=str(path))
    if is_locked(path):
        raise AnkiSourceError("Anki has this collection open; close Anki (and let it finish syncing), then push",
                              path=str(path))
    _refuse_unknown(path)
    try:
        from anki.collection import Collection
        from anki.errors import DBError
    except ImportError:
        raise MlwikiError("push needs the anki package: pip install 'mlwiki[anki]'") from None
    try:
        return Collection(str(path))
    except DBError as exc:
        raise AnkiSourceError(f"cannot open the collection ({exc}); is Anki running?", path=str(path)) from None
    except Exception as exc:  # the backend raises its own error types for a file that is no collection
        raise AnkiSourceError(f"not an Anki collection ({type(exc).__name__}: {exc})", path=str(path)) from None


def _refuse_unknown(path: Path) -> None:
    """Read a private copy first: a file that is not a collection Anki wrote with the schema mlwiki is tested
    on (an empty file, a text file, a newer or older schema that opening would upgrade) is refused unwritten."""
    with open_snapshot(path) as snapshot:
        conn = open_copy(snapshot.path, str(path))
        try:
            version = schema_of(conn)
        finally:
            conn.close()
    if version != TESTED_SCHEMA:
        raise AnkiSourceError(f"this collection has schema {version}; push writes only into schema "
                              f"{TESTED_SCHEMA} (Anki 2.1.50 or newer) — open it in a current Anki once, then push",
                              path=str(path))


def push(store, config, collection: str | None = None, profile: str | None = None, now: datetime | None = None,
         dry_run: bool = False) -> PushReport:
    """Write mlwiki's reviews of cards that `collection` already has into it, and rewrite every card row that
    disagrees with the union history (see the module docs)."""
    path = find_collection(collection, profile)
    col = open_collection(path)  # refuses what is not a collection before anything is written
    if not dry_run:
        assign_anki_ids(store)  # kept in the log, so the next push and export use the same ids
    report = PushReport(str(path), dry_run=dry_run)
    now = now or datetime.now().astimezone()
    try:
        plan, held, schedules = _plan(store, config, col, now, report, provisional=dry_run)
        removals = plan_removals(store, held, schedules, collection_guid_ords(col.db))
        report.suspended, report.unsuspended, report.deleted = \
            len(removals.suspend), len(removals.unsuspend), len(removals.delete)
        report.revlog_added = sum(len(rows) for _, _, rows in plan)
        report.cards_updated = len(plan)
        report.cards_repaired = sum(1 for _, _, rows in plan if not rows)
        report.cards = [{"card_id": card.card_id, "anki_card_id": cid, "revlog_added": len(rows),
                         **({"repair": report.reasons[cid]} if cid in report.reasons else {})}
                        for cid, card, rows in plan]
        if not col.get_config("fsrs", False):
            report.notes.append("FSRS is off in this collection: Anki schedules these cards with SM-2 until you "
                                "turn FSRS on in the deck options")
        report.notes += _parameter_notes(store, config, col, [cid for cid, _, _ in plan])
        if dry_run or not (plan or removals.suspend or removals.unsuspend or removals.delete):
            return report
        report.backup = _backup(col, path)

        def write() -> None:  # one transaction: the new revlog rows and the cards replayed from them
            add_revlog(col.db, [row for _, _, rows in plan for row in rows])
            _update_cards(store, config, col, plan, now)

        if plan:
            col.db.transact(write)
        apply_removals(store, col, removals)
    finally:
        col.close()
    return report


def _parameter_notes(store, config, col, cids: list[int]) -> list[str]:
    """Say so when Anki's deck options hold other FSRS parameters than mlwiki schedules with: both sides then
    replay the same reviews to different memory states."""
    import fsrs

    from mlwiki.review.schedule import Scheduler

    ours = Scheduler.for_store(store, config.review).data["parameters"]
    presets = {col.decks.config_dict_for_deck_id(col.get_card(cid).did)["name"]:
               col.decks.config_dict_for_deck_id(col.get_card(cid).did).get("fsrsParams6") or
               list(fsrs.scheduler.DEFAULT_PARAMETERS) for cid in cids}
    differ = sorted(name for name, theirs in presets.items()
                    if len(theirs) != len(ours) or any(abs(a - b) > 1e-4 for a, b in zip(theirs, ours)))
    if not differ:
        return []
    return [f"Anki's deck options {', '.join(differ)} use other FSRS parameters than mlwiki, so stability and "
            "difficulty will differ between the two; to agree, paste mlwiki's into the deck options: "
            + ", ".join(f"{p:.4f}" for p in ours)]


def _plan(store, config, col, now: datetime, report: PushReport, provisional: bool = False
          ) -> tuple[list[tuple[int, object, list[tuple]]], dict, dict]:
    """(Anki card id, mlwiki card, revlog rows Anki lacks) for each card of this wiki Anki holds that has new
    reviews or a row that disagrees with the union history (rows then empty; the reason in `report.reasons`);
    and the cards of this wiki Anki holds, and every card's scheduling columns.
    Cards with reviews in Anki that mlwiki has not pulled are left alone and counted in `report.waiting`. With
    `provisional` (a dry run), reviews that have no Anki id yet are counted with their time as one."""
    mapping, _ = card_map(store)
    held = {}
    for cid, guid, ord_ in collection_cards(col.db):
        card = mapping.get((guid, ord_))
        if card is not None:
            held[cid] = card
    revlog = [RevlogRow(*row) for row in collection_revlog(col.db)]
    existing = {row.id: row.cid for row in revlog}
    reviews = reviews_by_card(store, [card.card_id for card in held.values()])
    if provisional:
        reviews = {card_id: [_with_id(row) for row in rows] for card_id, rows in reviews.items()}
    else:
        _move_taken_ids(store, reviews, held, existing)
    known = {row["anki_id"] for rows in reviews.values() for row in rows}
    waiting = unpulled_cards([row for row in revlog if row.cid in held], known)
    report.waiting = len(waiting)
    if waiting:
        report.notes.append(f"{len(waiting)} card(s) have reviews in Anki that mlwiki has not pulled; left as they "
                            "are: run `mlwiki anki pull` first, then push")
    states = {r["id"]: CardState.from_row(r) for r in card_rows(store, [card.card_id for card in held.values()])}
    schedules = collection_schedules(col.db)
    calendar = StudyCalendar.from_settings(config.review)
    plan = []
    for cid, card in held.items():
        if cid in waiting:
            continue
        rows = [row for row in revlog_rows(reviews.get(card.card_id, []), cid) if row[0] not in existing]
        if rows:
            plan.append((cid, card, rows))
            continue
        state = states.get(card.card_id)
        if card.retired or state is None or (state.reps == 0 and schedules[cid][0] == 0):
            continue
        target = target_schedule(state, config, calendar, col.sched.today, now, schedules[cid][2])
        reason = disagreement(schedules[cid], target, col.compute_memory_state(cid))
        if reason is not None:
            report.reasons[cid] = reason
            plan.append((cid, card, []))
    return plan, held, schedules


def _with_id(row) -> dict:
    values = dict(zip(row.keys(), row))
    if values["anki_id"] is None:
        values["anki_id"] = int(datetime.fromisoformat(values["reviewed_at"]).timestamp() * 1000)
    return values


def _move_taken_ids(store, reviews: dict, held: dict, existing: dict[int, int]) -> None:
    """An Anki id of ours that the collection uses for another card's review: give ours a free id."""
    cid_of = {card.card_id: cid for cid, card in held.items()}
    moves = []
    used = set(existing)
    for card_id, rows in reviews.items():
        for i, row in enumerate(rows):
            if row["anki_id"] in existing and existing[row["anki_id"]] != cid_of[card_id]:
                new = row["anki_id"]
                while new in used:
                    new += 1
                used.add(new)
                moves.append((new, row["id"]))
                rows[i] = {**dict(zip(row.keys(), row)), "anki_id": new}
    if moves:
        set_anki_ids(store, moves)


def _backup(col, path: Path) -> str:
    """Anki's own backup of the collection (its usual .colpkg in the profile's backups folder)."""
    folder = path.parent / "backups"
    folder.mkdir(exist_ok=True)
    col.create_backup(backup_folder=str(folder), force=True, wait_for_completion=True)
    backups = sorted(folder.glob("*.colpkg"), key=lambda p: p.stat().st_mtime)
    return str(backups[-1]) if backups else str(folder)


def _update_cards(store, config, col, plan, now: datetime) -> None:
    from anki.cards import FSRSMemoryState

    calendar = StudyCalendar.from_settings(config.review)
    today = col.sched.today
    states = {r["id"]: CardState.from_row(r) for r in card_rows(store, [card.card_id for _, card, _ in plan])}
    changed = []
    for cid, card, _ in plan:
        anki_card = col.get_card(cid)
        schedule = target_schedule(states[card.card_id], config, calendar, today, now, anki_card.due)
        memory = col.compute_memory_state(cid)  # Anki's own replay of the revlog, rows just added included
        anki_card.memory_state = (None if memory.stability is None else  # None: new again after a reset
                                  FSRSMemoryState(stability=memory.stability, difficulty=memory.difficulty))
        anki_card.last_review_time = schedule.last_review_secs
        anki_card.type, anki_card.due, anki_card.ivl = schedule.type, schedule.due, schedule.ivl
        anki_card.reps, anki_card.lapses, anki_card.left = schedule.reps, schedule.lapses, schedule.left
        if anki_card.queue >= 0:  # suspended or buried in Anki stays so
            anki_card.queue = schedule.queue
        changed.append(anki_card)
    col.update_cards(changed, skip_undo_entry=True)
