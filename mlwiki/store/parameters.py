"""FSRS parameters fitted by `mlwiki optimize`, versioned, and what the optimizer reads from the log.

The `parameters` table is append-only: each kept fit, and each `--reset`, adds a row with its date; the newest row
says which parameters new answers use (`values` NULL: FSRS's defaults). Reviews already in the log keep the
parameters they were scheduled with, inside their `settings` row, so replaying the log never depends on this table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from mlwiki.models import utc_time

if TYPE_CHECKING:
    from mlwiki.store.db import Store


def migration_parameters(db) -> None:
    """The `parameters` table: one row per kept fit or reset, newest last."""
    db["parameters"].create({
        "id": int, "created_at": str, "source": str, "parameters": str, "reviews": int, "items": int,
        "log_loss_default": float, "log_loss_fitted": float, "rmse_default": float, "rmse_fitted": float,
    }, pk="id", if_not_exists=True)


def migration_preset_parameters(db) -> None:
    """Migration 010: a fit may belong to one deck preset (`mlwiki optimize --deck`); NULL is the whole wiki's."""
    if "preset" not in db["parameters"].columns_dict:
        db["parameters"].add_column("preset", str)


@dataclass(frozen=True)
class StoredParameters:
    """One row of the parameters history. `values` is None for a reset to the defaults."""

    id: int
    created_at: datetime
    source: str  # "optimize" | "reset"
    values: list[float] | None
    reviews: int | None = None
    log_loss_fitted: float | None = None

    def to_dict(self) -> dict:
        return {"id": self.id, "created_at": self.created_at.isoformat(), "source": self.source,
                "parameters": self.values, "reviews": self.reviews, "log_loss_fitted": self.log_loss_fitted}


_COLUMNS = "id, created_at, source, parameters, reviews, log_loss_fitted"


def _stored(row) -> StoredParameters:
    values = json.loads(row["parameters"]) if row["parameters"] else None
    return StoredParameters(row["id"], utc_time(row["created_at"]),
                            row["source"], values, row["reviews"], row["log_loss_fitted"])


def active_parameters(store: Store, preset: str | None = None) -> StoredParameters | None:
    """The newest row of the history (of one deck preset's, with `preset`), or None when `optimize` never kept
    anything for it."""
    row = store.conn.execute(f"SELECT {_COLUMNS} FROM parameters WHERE preset IS ? ORDER BY id DESC LIMIT 1",
                             (preset,)).fetchone()
    return _stored(row) if row else None


def parameter_history(store: Store, preset: str | None = None) -> list[StoredParameters]:
    """Every kept fit and reset (of the whole wiki, or of one preset), oldest first."""
    return [_stored(row) for row in store.query(f"SELECT {_COLUMNS} FROM parameters WHERE preset IS ? ORDER BY id",
                                                (preset,))]


def save_parameters(store: Store, when: datetime, source: str, values: list[float] | None,
                    figures: dict | None = None, preset: str | None = None) -> None:
    """Append a row: fitted `values` with their figures (keys as the table's columns), or None for a reset; for
    one deck preset with `preset`."""
    figures = figures or {}
    with store.write() as conn:
        conn.execute("INSERT INTO parameters(created_at, source, parameters, reviews, items, log_loss_default, "
                     "log_loss_fitted, rmse_default, rmse_fitted, preset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (when.astimezone(timezone.utc).isoformat(), source,
                      json.dumps(values) if values is not None else None,
                      figures.get("reviews"), figures.get("items"), figures.get("log_loss_default"),
                      figures.get("log_loss_fitted"), figures.get("rmse_default"), figures.get("rmse_fitted"),
                      preset))


def log_for_optimizer(store: Store):
    """Every review as (card_id, reviewed_at, rating, state_before), each card's in log order."""
    return store.conn.execute("SELECT card_id, reviewed_at, rating, state_before FROM reviews "
                              "ORDER BY card_id, id")


def live_card_count(store: Store) -> int:
    """Cards a simulation starts from: not retired, not a duplicate of another note's card, not suspended."""
    return store.conn.execute("SELECT count(*) FROM cards WHERE retired = 0 AND duplicate_of IS NULL "
                              "AND suspended = 0").fetchone()[0]


def rating_counts(store: Store) -> dict[str, dict[int, int]]:
    """How often each rating was given to new cards ("first") and, when recalled, to review cards ("review")."""
    first = store.conn.execute("SELECT rating, count(*) FROM reviews WHERE state_before = 0 GROUP BY rating")
    review = store.conn.execute("SELECT rating, count(*) FROM reviews WHERE state_before = 2 AND rating > 1 "
                                "GROUP BY rating")
    return {"first": dict(first.fetchall()), "review": dict(review.fetchall())}
