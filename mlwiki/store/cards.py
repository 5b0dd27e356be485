"""Cards in the store: the one card filter every command uses, listings, and what is due.

`CardFilter` is the single answer to "which cards does `--deck/--tag/--path` mean": `review`, `due`, `cards`,
`export`, `stats` and `orphans` all select through it, so they always agree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from mlwiki.config import Config
from mlwiki.errors import UsageError
from mlwiki.states import STATE_NAMES, State
from mlwiki.store.db import Store, utc_iso

# Live cards: still written in some note, and not a copy of another note's card (a duplicate: see
# mlwiki.scan.duplicates; it keeps its history and is studied again when the copy studied goes). Schedulable
# ones: live and not suspended (a dropped card — "not a card", `x` in review — is suspended too, so it is never
# scheduled).
WRITTEN = "retired = 0"
LIVE = f"{WRITTEN} AND duplicate_of IS NULL"
NOT_SUSPENDED = "suspended = 0"
LEARNING_STATES = f"state IN ({State.LEARNING:d}, {State.RELEARNING:d})"
# What `cards --state` selects. A leech is suspended too (until unsuspended); dropped cards are neither.
STATE_FILTERS = {
    "new": f"{NOT_SUSPENDED} AND state = {State.NEW:d}",
    "learning": f"{NOT_SUSPENDED} AND {LEARNING_STATES}",
    "review": f"{NOT_SUSPENDED} AND state = {State.REVIEW:d}",
    "suspended": "suspended = 1 AND dropped = 0",
    "leech": "leech = 1 AND dropped = 0",
    "dropped": "dropped = 1",
    "duplicate": "duplicate_of IS NOT NULL AND dropped = 0",
}


def _like_prefix(text: str) -> str:
    """`text` as a LIKE pattern prefix that matches itself literally."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class CardFilter:
    """Which cards a command covers. Like Anki's search: `deck` is that deck and its sub-decks (`ML` matches
    `ML::sub`), `tag` that tag and its children (`T::x`), both case-insensitive; `paths` are wiki-relative
    POSIX paths of files or folders (see `resolve_paths`)."""

    deck: str | None = None
    tag: str | None = None
    paths: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.deck or self.tag or self.paths)

    def describe(self) -> str:
        """The filter as the user typed it, for "no cards match …" messages."""
        parts = [f"--deck {self.deck}" if self.deck else "", f"--tag {self.tag}" if self.tag else ""]
        parts += [f"--path {p or '.'}" for p in self.paths]
        return " ".join(p for p in parts if p)

    def where(self, column_prefix: str = "") -> tuple[str, list]:
        """SQL over `cards` (columns prefixed with `column_prefix`, e.g. "c.") and its parameters.
        Retired and suspended cards are not excluded here: callers decide."""
        col = column_prefix
        clauses: list[str] = []
        params: list = []
        if self.deck:
            # LIKE ignores ASCII case like COLLATE NOCASE: one rule for both halves, as Anki's deck:D
            clauses.append(f"({col}deck = ? COLLATE NOCASE OR {col}deck LIKE ? ESCAPE '\\')")
            params += [self.deck, _like_prefix(self.deck) + "::%"]
        if self.tag:
            clauses.append(f"EXISTS (SELECT 1 FROM json_each({col}tags) WHERE value = ? COLLATE NOCASE "
                           "OR value LIKE ? ESCAPE '\\')")
            params += [self.tag, _like_prefix(self.tag) + "::%"]
        if self.paths and "" not in self.paths:
            ors = []
            for rel in self.paths:
                ors.append(f"({col}path = ? OR {col}path LIKE ? ESCAPE '\\')")
                params += [rel, _like_prefix(rel) + "/%"]
            clauses.append("(" + " OR ".join(ors) + ")")
        return (" AND ".join(clauses) or "1"), params


def resolve_paths(config: Config, paths: list[str] | tuple[str, ...] | None, cwd: Path | None = None) -> tuple[str, ...]:
    """Wiki-relative POSIX paths for `--path` values: each is taken relative to the current folder if it exists
    there, else relative to the wiki root (so a deleted note's path still selects its retired cards). A path
    outside the wiki is a usage error."""
    cwd = cwd or Path.cwd()
    resolved = []
    for raw in paths or ():
        here = Path(raw) if Path(raw).is_absolute() else cwd / raw
        found = here if here.exists() else config.root / raw
        found = found.resolve()
        if found != config.root and config.root not in found.parents:
            raise UsageError(f"--path {raw}: outside the wiki at {config.root}")
        rel = config.relative(found)
        resolved.append("" if rel == "." else rel)
    return tuple(resolved)


def card_row_to_dict(row) -> dict:
    """The public JSON shape of a stored card."""
    return {
        "id": row["id"], "note_id": row["note_id"], "kind": row["kind"], "front": row["front"],
        "back": row["back"], "deck": row["deck"], "tags": json.loads(row["tags"] or "[]"),
        "source": {"path": row["path"], "line": row["line"]},
        "state": STATE_NAMES.get(row["state"] or 0, "new"), "due": row["due"], "last_review": row["last_review"],
        "reviews": row["reps"] or 0,
        "lapses": row["lapses"] or 0, "stability": row["stability"], "difficulty": row["difficulty"],
        "suspended": bool(row["suspended"]), "leech": bool(row["leech"]), "buried_until": row["buried_until"],
        "retired": bool(row["retired"]), "dropped": bool(row["dropped"]), "duplicate_of": row["duplicate_of"],
    }


def card_status(card: dict) -> str:
    """One word for a card as `card_row_to_dict` gives it: dropped, duplicate, leech, suspended, or its scheduling
    state."""
    if card["dropped"]:
        return "dropped"
    if card.get("duplicate_of"):
        return "duplicate"
    for flag in ("leech", "suspended"):
        if card[flag]:
            return flag
    return card["state"]


def list_cards(store: Store, selection: CardFilter = CardFilter(), include_retired: bool = False,
               state: str | None = None) -> list[dict]:
    """Cards in note order (retired ones only with `include_retired`), from a freshly scanned store: those in
    `state` (a key of STATE_FILTERS), else every card not dropped (duplicates only in state "duplicate")."""
    where, params = selection.where()
    retired = "" if include_retired else f"AND {WRITTEN}"
    status = STATE_FILTERS[state] if state else "dropped = 0"
    if state != "duplicate":
        status += " AND duplicate_of IS NULL"
    rows = store.query(f"SELECT * FROM cards WHERE {where} {retired} AND {status} ORDER BY path, ord, id", params)
    return [card_row_to_dict(row) for row in rows]


# What an export reads: what a note and its cards become in Anki (content, place, tags, suspension: the first
# EXPORTED_NOTE_COLUMNS, all that mlwiki.export.notes prepares a note from) and the cards' scheduling. The rest of a
# row (creation and retirement times, hashes, burying) an export never reads, and 10,000 rows of it cost ~10 ms.
EXPORTED_NOTE_COLUMNS = ("id", "note_id", "kind", "front", "back", "text", "grp", "deck", "tags", "heading", "path",
                         "line", "suspended", "leech")
EXPORTED_COLUMNS = ", ".join(EXPORTED_NOTE_COLUMNS + ("state", "step", "stability", "difficulty", "due",
                                                      "last_review", "reps", "lapses"))


def notes_with_selected_cards(store: Store, selection: CardFilter) -> list:
    """Every live card of each note that has at least one live card in `selection`, in note order (what an
    export writes: Anki's notes carry all their cards), with the columns an export reads (EXPORTED_COLUMNS)."""
    rows = store.query(f"SELECT {EXPORTED_COLUMNS} FROM cards WHERE {LIVE} ORDER BY path, ord, grp, id")
    if selection.is_empty:
        return rows
    where, params = selection.where()
    wanted = {r[0] for r in store.query(f"SELECT DISTINCT note_id FROM cards WHERE {LIVE} AND {where}", params)}
    return [r for r in rows if r["note_id"] in wanted]


def selected_count(store: Store, selection: CardFilter) -> int:
    """How many live cards `selection` covers."""
    where, params = selection.where()
    return store.query(f"SELECT count(*) FROM cards WHERE {where} AND {LIVE}", params)[0][0]


def selected_ids(store: Store, selection: CardFilter, include_retired: bool = False) -> set[str]:
    """Ids of the cards `selection` covers (duplicates too: they are written there)."""
    where, params = selection.where()
    retired = "" if include_retired else f"AND {WRITTEN}"
    return {r[0] for r in store.query(f"SELECT id FROM cards WHERE {where} {retired}", params)}


def card_row(store: Store, card_id: str):
    """One stored card row, or None."""
    rows = store.query("SELECT * FROM cards WHERE id = ?", (card_id,))
    return rows[0] if rows else None


def siblings(store: Store, note_id: str, card_id: str) -> set[str]:
    """The other cards of the same note (cloze groups, the reverse side)."""
    return {r[0] for r in store.query("SELECT id FROM cards WHERE note_id = ? AND id != ?", (note_id, card_id))}


# --- what is due ----------------------------------------------------------------------------------------


def _schedulable(selection: CardFilter, now: datetime) -> tuple[str, list]:
    """Live, unsuspended, unburied cards of `selection`."""
    where, params = selection.where()
    return (f"{where} AND {LIVE} AND {NOT_SUSPENDED} AND (buried_until IS NULL OR buried_until <= ?)",
            [*params, utc_iso(now)])


def learning_until(store: Store, selection: CardFilter, now: datetime, until: datetime) -> list[tuple[datetime, str]]:
    """(due, id) of the learning and relearning cards due before `until` (the study day's end), soonest first."""
    where, params = _schedulable(selection, now)
    return [(datetime.fromisoformat(r["due"]), r["id"]) for r in store.query(
        f"SELECT id, due FROM cards WHERE {where} AND {LEARNING_STATES} AND due < ? ORDER BY due, id",
        (*params, utc_iso(until)))]


def reviews_due(store: Store, selection: CardFilter, now: datetime, day_end: datetime) -> list:
    """(id, note_id, deck, due, last_review, stability) rows of review cards due before the study day ends,
    soonest first."""
    where, params = _schedulable(selection, now)
    return store.query(
        f"SELECT id, note_id, coalesce(deck, '') AS deck, due, last_review, stability FROM cards WHERE {where} "
        f"AND state = {State.REVIEW:d} AND due < ? ORDER BY due, id",
        (*params, utc_iso(day_end)))


def new_cards(store: Store, selection: CardFilter, now: datetime) -> list:
    """(id, note_id) rows of new cards in note order."""
    where, params = _schedulable(selection, now)
    return store.query(
        f"SELECT id, note_id, coalesce(deck, '') AS deck FROM cards WHERE {where} AND state = {State.NEW:d} "
        "ORDER BY path, ord, id", params)


def next_scheduled(store: Store, selection: CardFilter, after: datetime,
                   exclude: set[str]) -> list[tuple[datetime, int]]:
    """(when, state) of the studied, unsuspended card of `selection` that becomes available first after `after`,
    leaving out the ids in `exclude`; a buried card becomes available when its burial ends. [] when none."""
    where, params = selection.where()
    rows = store.query(
        f"SELECT id, state, max(due, coalesce(buried_until, '')) AS available FROM cards WHERE {where} AND {LIVE} "
        f"AND {NOT_SUSPENDED} AND state > {State.NEW:d} AND due IS NOT NULL AND available > ? "
        "ORDER BY available LIMIT ?", (*params, utc_iso(after), len(exclude) + 1))
    return [(datetime.fromisoformat(r["available"]), r["state"]) for r in rows if r["id"] not in exclude][:1]


def new_waiting(store: Store, selection: CardFilter) -> int:
    """New cards of `selection` that are live and not suspended (buried or not)."""
    where, params = selection.where()
    return store.query(f"SELECT count(*) FROM cards WHERE {where} AND {LIVE} AND {NOT_SUSPENDED} "
                       f"AND state = {State.NEW:d}", params)[0][0]


def decks_of(store: Store, card_ids: list[str]) -> dict[str, str]:
    """card id → deck name."""
    found: dict[str, str] = {}
    for chunk in range(0, len(card_ids), 500):
        part = card_ids[chunk:chunk + 500]
        rows = store.query(f"SELECT id, coalesce(deck, '') FROM cards WHERE id IN ({','.join('?' * len(part))})",
                           part)
        found.update({row[0]: row[1] for row in rows})
    return found


def done_since(store: Store, start: datetime) -> tuple[dict[str, int], dict[str, int], dict[str, set[str]]]:
    """(deck → new cards introduced, deck → reviews of review cards, note id → ids of its cards seen) since
    `start`."""
    rows = store.query(
        "SELECT r.state_before, r.card_id, c.note_id, coalesce(c.deck, '') AS deck FROM reviews r "
        "JOIN cards c ON c.id = r.card_id WHERE r.reviewed_at >= ?", (utc_iso(start),))
    new: dict[str, int] = {}
    reviews: dict[str, int] = {}
    seen: dict[str, set[str]] = {}
    for r in rows:
        if r["state_before"] in (State.NEW, State.REVIEW):
            counts = new if r["state_before"] == State.NEW else reviews
            counts[r["deck"]] = counts.get(r["deck"], 0) + 1
        seen.setdefault(r["note_id"], set()).add(r["card_id"])
    return new, reviews, seen


def dropped_cards(store: Store) -> dict[str, tuple[str, list[str]]]:
    """Cards dropped as "not a card": id → (kind, its other ids from re-links)."""
    rows = store.query("SELECT c.id, c.kind, a.alias FROM cards c LEFT JOIN aliases a ON a.card_id = c.id "
                       "WHERE c.dropped = 1")
    found: dict[str, tuple[str, list[str]]] = {}
    for row in rows:
        found.setdefault(row["id"], (row["kind"], []))[1].extend([row["alias"]] if row["alias"] else [])
    return found


def _scheduled_between(start: datetime, tomorrow: datetime, end: datetime) -> tuple[str, list]:
    """Cards Anki's load balancer counts on the days `start` (today's start) to before `end`: every card with a
    due day there, whatever its queue (suspended and buried ones too, as Anki's `get_all_cards_due_in_range`),
    except new ones (Anki's are due by position) and learning cards due later today (Anki's are due by time).
    Dropped cards ("not a card") count as deleted."""
    return (f"{LIVE} AND dropped = 0 AND state != {State.NEW:d} AND due < ? AND "
            f"(due >= ? AND state = {State.REVIEW:d} OR due >= ?)",
            [utc_iso(end), utc_iso(start), utc_iso(tomorrow)])


def review_due_counts(store: Store, start: datetime, tomorrow: datetime, end: datetime) -> list:
    """(deck, due, count) of the cards due from `start` (today's start) to before `end` that Anki's load balancer
    counts (`_scheduled_between`; `tomorrow`: the next study day's start)."""
    where, params = _scheduled_between(start, tomorrow, end)
    return store.query(f"SELECT coalesce(deck, '') AS deck, due, count(*) AS count FROM cards WHERE {where} "
                       "GROUP BY deck, due", params)


def sibling_dues(store: Store, note_id: str, card_id: str, start: datetime, tomorrow: datetime,
                 end: datetime) -> list[str]:
    """Due dates of the other cards of a note that Anki's load balancer sees (`_scheduled_between`)."""
    where, params = _scheduled_between(start, tomorrow, end)
    return [r[0] for r in store.query(f"SELECT due FROM cards WHERE note_id = ? AND id != ? AND {where}",
                                      (note_id, card_id, *params))]


def review_cards_by_day(store: Store) -> list:
    """(deck, due, count) of every live, unsuspended review card (what Anki's FSRS rescheduler counts: cards of
    type review not suspended, `get_deck_due_counts`), overdue ones included."""
    return store.query(f"SELECT coalesce(deck, '') AS deck, due, count(*) AS count FROM cards WHERE {LIVE} AND "
                       f"{NOT_SUSPENDED} AND state = {State.REVIEW:d} GROUP BY deck, due")


def studied_since(store: Store, start: datetime) -> list:
    """(deck, count) of the distinct cards answered since `start` (Anki's `studied_today_by_deck`)."""
    return store.query("SELECT coalesce(c.deck, '') AS deck, count(DISTINCT r.card_id) AS count FROM reviews r "
                       "JOIN cards c ON c.id = r.card_id WHERE r.reviewed_at >= ? AND r.rating > 0 GROUP BY c.deck",
                       (utc_iso(start),))
