"""Retired cards: gone from the notes, kept in the store with their history."""

from __future__ import annotations

from mlwiki.store.cards import CardFilter
from mlwiki.store.db import Store


def list_orphans(store: Store, selection: CardFilter = CardFilter()) -> list[dict]:
    """Retired cards of `selection` with their last source and review count, newest retirement first."""
    where, params = selection.where()
    rows = store.query(f"SELECT id, kind, front, path, line, reps, retired_at FROM cards WHERE retired = 1 AND {where} "
                       "ORDER BY retired_at DESC, id", params)
    return [{"id": r["id"], "kind": r["kind"], "front": r["front"], "source": {"path": r["path"], "line": r["line"]},
             "reviews": r["reps"] or 0, "retired_at": r["retired_at"]} for r in rows]


def purge_orphans(store: Store, selection: CardFilter = CardFilter()) -> int:
    """Delete retired cards of `selection`, their reviews, events and aliases. Returns how many cards went."""
    where, params = selection.where()
    with store.write() as conn:
        ids = [r[0] for r in conn.execute(f"SELECT id FROM cards WHERE retired = 1 AND {where}", params)]
        for table, column in (("reviews", "card_id"), ("events", "card_id"), ("aliases", "card_id"),
                              ("card_sources", "card_id"), ("cards", "id")):
            conn.executemany(f"DELETE FROM {table} WHERE {column} = ?", [(i,) for i in ids])
    return len(ids)
