"""`mlwiki anki push`: mlwiki's reviews of cards Anki already has go into a closed Anki collection.

Anki's package importer never changes a card the collection already holds, so history made in mlwiki after a
card reached Anki can only arrive this way. Through the `anki` package (the optional extra `mlwiki[anki]`):

1. refuse when Anki has the collection open (its lock), before anything is written;
2. make Anki's own backup into the profile's `backups/` folder;
3. insert the revlog rows Anki lacks, with usn −1 so the next sync sends them (ordinary sync, not a full one);
4. for each card that got rows: its FSRS memory state from Anki's own `compute_memory_state` over the new
   revlog, its last review time, and its type, queue, due and interval from mlwiki's schedule.

Note types, notes and decks are never touched (changing a note type would force a full sync, which drops the
phone's unsynced reviews).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from mlwiki.anki.cardmap import card_map
from mlwiki.anki.source import AnkiSourceError, find_collection, is_locked
from mlwiki.errors import MlwikiError
from mlwiki.ankiformat.cards import card_schedule
from mlwiki.ankiformat.collection import add_revlog, collection_cards, collection_revlog_ids
from mlwiki.ankiformat.revlog import revlog_rows
from mlwiki.models import CardState, State
from mlwiki.store.anki_history import assign_anki_ids, card_rows, set_anki_ids
from mlwiki.store.reviews import reviews_by_card


@dataclass
class PushReport:
    """What a push wrote (or, with --dry-run, would write)."""

    collection: str
    backup: str | None = None
    revlog_added: int = 0
    cards_updated: int = 0
    cards: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dry_run: bool = False

    def to_dict(self) -> dict:
        return {"collection": self.collection, "backup": self.backup, "revlog_added": self.revlog_added,
                "cards_updated": self.cards_updated, "cards": self.cards, "notes": self.notes,
                "dry_run": self.dry_run}

    def lines(self) -> list[str]:
        verb = "would add" if self.dry_run else "added"
        out = [f"Collection {self.collection}"]
        if self.backup:
            out.append(f"Anki backup: {self.backup}")
        out += self.notes
        if self.dry_run:
            out += [f"  {c['card_id']}: +{c['revlog_added']} review(s)" for c in self.cards]
        out.append(f"{verb} {self.revlog_added} review(s) to Anki's log on {self.cards_updated} card(s)")
        return out


def open_collection(path: Path):
    """The collection through the anki package, refusing while Anki has it open."""
    if zipfile.is_zipfile(path):
        raise AnkiSourceError("push writes into a collection (collection.anki2), not into a package",
                              path=str(path))
    if is_locked(path):
        raise AnkiSourceError("Anki has this collection open; close Anki (and let it finish syncing), then push",
                              path=str(path))
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


def push(store, config, collection: str | None = None, profile: str | None = None, now: datetime | None = None,
         dry_run: bool = False) -> PushReport:
    """Write mlwiki's reviews of cards that `collection` already has into it (see the module docs)."""
    path = find_collection(collection, profile)
    if not dry_run:
        assign_anki_ids(store)  # kept in the log, so the next push and export use the same ids
    col = open_collection(path)
    report = PushReport(str(path), dry_run=dry_run)
    try:
        plan = _plan(store, col, provisional=dry_run)
        report.revlog_added = sum(len(rows) for _, _, rows in plan)
        report.cards_updated = len(plan)
        report.cards = [{"card_id": card.card_id, "anki_card_id": cid, "revlog_added": len(rows)}
                        for cid, card, rows in plan]
        if not col.get_config("fsrs", False):
            report.notes.append("FSRS is off in this collection: Anki schedules these cards with SM-2 until you "
                                "turn FSRS on in the deck options")
        report.notes += _parameter_notes(store, config, col, [cid for cid, _, _ in plan])
        if dry_run or not plan:
            return report
        report.backup = _backup(col, path)

        def write() -> None:  # one transaction: the new revlog rows and the cards replayed from them
            add_revlog(col.db, [row for _, _, rows in plan for row in rows])
            _update_cards(store, config, col, plan, now or datetime.now().astimezone())

        col.db.transact(write)
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


def _plan(store, col, provisional: bool = False) -> list[tuple[int, object, list[tuple]]]:
    """(Anki card id, mlwiki card, revlog rows Anki lacks) for each card of this wiki Anki holds. With
    `provisional` (a dry run), reviews that have no Anki id yet are counted with their time as one."""
    mapping, _ = card_map(store)
    held = {}
    for cid, guid, ord_ in collection_cards(col.db):
        card = mapping.get((guid, ord_))
        if card is not None:
            held[cid] = card
    existing = collection_revlog_ids(col.db)
    reviews = reviews_by_card(store, [card.card_id for card in held.values()])
    if provisional:
        reviews = {card_id: [_with_id(row) for row in rows] for card_id, rows in reviews.items()}
    else:
        _move_taken_ids(store, reviews, held, existing)
    plan = []
    for cid, card in held.items():
        rows = [row for row in revlog_rows(reviews.get(card.card_id, []), cid) if row[0] not in existing]
        if rows:
            plan.append((cid, card, rows))
    return plan


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

    from mlwiki.studyday import StudyCalendar

    calendar = StudyCalendar.from_settings(config.review)
    today = col.sched.today
    states = {r["id"]: CardState.from_row(r) for r in card_rows(store, [card.card_id for _, card, _ in plan])}
    changed = []
    for cid, card, _ in plan:
        anki_card = col.get_card(cid)
        state = states[card.card_id]
        days = calendar.days_until(state.due, now) if state.due else 0
        steps = config.review.relearning_steps if state.state == State.RELEARNING else config.review.learning_steps
        schedule = card_schedule(state, today, days, len(steps) - (state.step or 0), False, anki_card.due)
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
