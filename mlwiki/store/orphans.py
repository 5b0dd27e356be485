"""Retired cards: gone from the notes, kept in the store with their history."""

from __future__ import annotations

from mlwiki.store.db import Store


def list_orphans(store: Store) -> list[dict]:
    """Retired cards with their last source and review count, newest retirement first."""
    rows = store.query("SELECT id, kind, front, path, line, reps, retired_at FROM cards WHERE retired = 1 "
                       "ORDER BY retired_at DESC, id")
    return [{"id": r["id"], "kind": r["kind"], "front": r["front"], "source": {"path": r["path"], "line": r["line"]},
             "reviews": r["reps"] or 0, "retired_at": r["retired_at"]} for r in rows]


def purge_orphans(store: Store) -> int:
    """Delete retired cards, their reviews, events and aliases. Returns how many cards went."""
    with store.write() as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM cards WHERE retired = 1")]
        for table, column in (("reviews", "card_id"), ("events", "card_id"), ("aliases", "card_id"),
                              ("card_sources", "card_id"), ("cards", "id")):
            conn.executemany(f"DELETE FROM {table} WHERE {column} = ?", [(i,) for i in ids])
    return len(ids)
