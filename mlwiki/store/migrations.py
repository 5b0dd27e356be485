"""Schema changes as named migrations (sqlite-utils `Migrations`), applied in order, each recorded in
`_sqlite_migrations`, all of them in one write transaction after a backup.

To change the schema, add a function at the end decorated with `@migration("NNN_what_it_does")`. Never edit
or reorder one that has shipped. `meta.schema_version` keeps the count of applied migrations, so an older mlwiki
(which compares that number with its own) refuses a database written by a newer one rather than damage it.
"""

from __future__ import annotations

from collections.abc import Callable

from mlwiki.errors import StoreError
from mlwiki.store.db import Store, import_sqlite_utils, schema_version

MIGRATION_SET = "mlwiki"
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' table
_STEPS: list[tuple[str, Callable]] = []


def migration(name: str):
    """Register a schema change under `name`. (Collected here and handed to sqlite-utils' `Migrations` only
    when one is pending: importing sqlite-utils costs ~190 ms that `mlwiki due` should not pay.)"""
    def register(func: Callable) -> Callable:
        assert name not in {n for n, _ in _STEPS}, f"duplicate migration name {name}"
        _STEPS.append((name, func))
        return func
    return register


def _migrations():
    migrations = import_sqlite_utils().Migrations(MIGRATION_SET)
    for name, func in _STEPS:
        migrations(name=name)(func)
    return migrations


@migration("001_initial_schema")
def _migration_1(db) -> None:
    """The initial schema."""
    db["meta"].create({"key": str, "value": str}, pk="key")
    db["files"].create({"path": str, "size": int, "mtime_ns": int, "hash": str, "skipped": int}, pk="path")
    db["problems"].create({"path": str, "line": int, "severity": str, "code": str, "message": str})
    db["problems"].create_index(["path"])
    db["cards"].create({
        "id": str, "note_id": str, "kind": str, "front": str, "back": str, "text": str, "grp": int,
        "deck": str, "tags": str, "heading": str, "path": str, "line": int, "ord": int, "explicit": int,
        "content_hash": str, "created_at": str, "retired": int, "retired_at": str,
        "state": int, "step": int, "stability": float, "difficulty": float, "due": str, "last_review": str,
        "reps": int, "lapses": int, "suspended": int, "buried_until": str, "leech": int,
    }, pk="id", defaults={"retired": 0, "reps": 0, "lapses": 0, "suspended": 0, "leech": 0, "state": 0})
    for columns in (["note_id"], ["due"], ["deck"], ["path", "ord"], ["retired", "state"]):
        db["cards"].create_index(columns)
    db["card_sources"].create({"card_id": str, "path": str, "line": int}, pk=("card_id", "path", "line"))
    db["card_sources"].create_index(["path"])
    db["aliases"].create({"alias": str, "card_id": str, "created_at": str}, pk="alias")
    db["settings"].create({"id": str, "json": str}, pk="id")
    db["reviews"].create({
        "id": int, "card_id": str, "reviewed_at": str, "rating": int, "duration_ms": int,
        "content_hash": str, "settings_id": str, "state_before": int, "state": int, "step": int,
        "stability": float, "difficulty": float, "due": str, "elapsed_days": float, "scheduled_days": float,
    }, pk="id")
    db["reviews"].create_index(["card_id", "id"])
    db["reviews"].create_index(["reviewed_at"])
    db["events"].create({"id": int, "card_id": str, "at": str, "action": str, "detail": str}, pk="id")
    db["events"].create_index(["card_id"])


@migration("002_review_day_index")
def _migration_2(db) -> None:
    """A covering index for per-day review figures (stats, today's counts) without touching the table."""
    db["reviews"].create_index(["reviewed_at", "state_before", "rating", "duration_ms"],
                               index_name="idx_reviews_day", if_not_exists=True)


@migration("003_stats_covering_indexes")
def _migration_3(db) -> None:
    """Covering indexes for `mlwiki stats` (a million reviews in well under a second): reviews by time with
    every column the figures read, which makes migration 2's index (its prefix) redundant; and the scheduling
    columns of cards, so the card figures never read the card text."""
    db["reviews"].create_index(["reviewed_at", "state_before", "rating", "duration_ms", "elapsed_days", "card_id"],
                               index_name="idx_reviews_stats", if_not_exists=True)
    db.execute("DROP INDEX IF EXISTS idx_reviews_day")
    db["cards"].create_index(["retired", "state", "suspended", "deck", "leech", "path", "stability", "difficulty",
                              "last_review", "due", "buried_until", "lapses", "reps"],
                             index_name="idx_cards_stats", if_not_exists=True)


def _kept_in(module: str, name: str) -> Callable:
    """The migration `name` of `module`, imported when it runs: opening an up-to-date store imports none."""
    def run(db) -> None:
        from importlib import import_module

        getattr(import_module(module), name)(db)

    run.__name__ = run.__qualname__ = name
    return run


# `mlwiki optimize`'s versioned parameters
migration("004_fsrs_parameters")(_kept_in("mlwiki.store.parameters", "migration_parameters"))
# formula cards keep their history under formula ids
migration("005_formula_card_ids")(_kept_in("mlwiki.store.identity", "migration_formula_ids"))
# FSRS on study days: replay the log once
migration("006_replay_on_study_days")(_kept_in("mlwiki.store.reviews", "migration_replay_on_study_days"))
# where each review was made, and its Anki revlog id
migration("007_review_sources")(_kept_in("mlwiki.store.anki_history", "migration_review_sources"))


@migration("008_dropped_cards")
def _migration_8(db) -> None:
    """The learner's "not a card" mark (`x` in review): a dropped card is also suspended, so every query that
    leaves suspended cards out leaves it out too; `undrop` clears both. Existing cards start undropped."""
    if "dropped" not in db["cards"].columns_dict:  # (a database that lost its migration records has it)
        db["cards"].add_column("dropped", int, not_null_default=0)


# Anki's interval rules: replay once
migration("009_anki_review_intervals")(_kept_in("mlwiki.store.reviews", "migration_replay_anki_intervals"))
# fits per deck preset (`optimize --deck`)
migration("010_preset_parameters")(_kept_in("mlwiki.store.parameters", "migration_preset_parameters"))
# the interval Anki gave a pulled review: its due date
migration("011_pulled_review_intervals")(_kept_in("mlwiki.store.anki_history", "migration_anki_intervals"))
# the same card in two notes is studied once: each card's back key and its duplicate mark
migration("012_duplicate_cards")(_kept_in("mlwiki.store.duplicates", "migration_duplicates"))


# Before migrations were named, a database recorded only how many it had had (meta.schema_version 1-3).
LEGACY_NAMES = ("001_initial_schema", "002_review_day_index", "003_stats_covering_indexes")


def known_names() -> list[str]:
    return [name for name, _ in _STEPS]


def _has_table(store: Store) -> bool:
    return store.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                              (MIGRATIONS_TABLE,)).fetchone() is not None


def applied_names(store: Store) -> list[str]:
    """Migrations the database has had, in order (for a pre-`Migrations` database: the first schema_version)."""
    if _has_table(store):
        return [m.name for m in _migrations().applied(store.db)]
    return list(LEGACY_NAMES[:schema_version(store.conn)])


def refuse_foreign_or_newer(store: Store) -> None:
    """Raise for a file that is not an mlwiki database, or one written by a newer mlwiki."""
    version = schema_version(store.conn)  # raises for a foreign SQLite file
    if version == len(_STEPS):
        return  # the everyday case, decided without sqlite-utils: migrations only ever get added
    unknown = [name for name in applied_names(store) if name not in known_names()] if version else []
    if unknown or version > len(known_names()):
        what = f"migration {unknown[-1]}" if unknown else f"schema {version}"
        raise StoreError(f"this database was written by a newer mlwiki ({what} is unknown here); upgrade mlwiki "
                         "— the database was left untouched", path=str(store.path))


def pending_names(store: Store) -> list[str]:
    done = set(applied_names(store))
    return [name for name in known_names() if name not in done]


def migrate(store: Store, config) -> None:
    """Apply pending migrations in one transaction, backing up an existing database first."""
    if schema_version(store.conn) == len(_STEPS) or not pending_names(store):
        return
    version = schema_version(store.conn)
    if version > 0:
        from mlwiki.store.backup import backup_now

        backup_now(store, config, reason=f"before-migration-{version}-to-{len(known_names())}")
    db = store.db
    migrations = _migrations()
    with store.write():
        if version > 0 and not _has_table(store):
            _adopt_legacy(migrations, db, version)
        migrations.apply(db)
        store.set_meta("schema_version", str(len(applied_names(store))))


def _adopt_legacy(migrations, db, version: int) -> None:
    """Record the migrations a pre-`Migrations` database already had, so they are not run again."""
    migrations.ensure_migrations_table(db)
    for name in LEGACY_NAMES[:version]:
        migrations._record_applied(db, name)  # the same record `apply` writes (no public way to mark one done)


SCHEMA_VERSION = len(known_names())
