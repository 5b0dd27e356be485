"""Migration 005_formula_card_ids: formula cards take their ids from their formula, no longer from their front (EXTRACTOR_VERSION
3). Each stored formula card's review history moves to the id the new extractor gives the same formula, so an
upgrade loses none; the old id stays as an alias of the new one."""

from __future__ import annotations

from datetime import datetime, timezone

from mlwiki import ids

# Every table that names a card by its id: its history moves with it.
_CARD_ID_COLUMNS = (("reviews", "card_id"), ("events", "card_id"), ("card_sources", "card_id"),
                    ("aliases", "card_id"))


def formula_of_back(back: str) -> str:
    """The formula of a formula card's back as the previous release wrote it: `$$…$$`, or `$…$` for inline."""
    back = back.strip()
    if back.startswith("$$") and back.endswith("$$") and len(back) >= 4:
        return back[2:-2].strip()
    if back.startswith("$") and back.endswith("$") and len(back) >= 2:
        return back[1:-1].strip()
    return back


def migration_formula_ids(db) -> None:
    """Give every formula card without an explicit id the id of its formula, moving its history along. When
    several stored cards have the same formula, the one with the most reviews takes the new id (the others keep
    theirs and retire at the next scan, history kept until `orphans --purge`)."""
    conn = db.conn
    rows = conn.execute("SELECT id, back, grp, reps, last_review FROM cards "
                        "WHERE kind = 'formula' AND explicit = 0").fetchall()
    taken = {row[0] for row in conn.execute("SELECT id FROM cards")}
    claims: dict[str, list] = {}
    for row in rows:
        new = ids.formula_id(formula_of_back(row[1]), row[2] or 0)
        if new != row[0]:
            claims.setdefault(new, []).append(row)
    stamp = datetime.now(timezone.utc).isoformat()
    for new, olds in claims.items():
        if new in taken:
            continue  # a stored card already has this id: its history stays where it is
        keep = max(olds, key=lambda r: (r[3] or 0, r[4] or "", r[0]))
        _move(conn, keep[0], new, stamp)


def _move(conn, old: str, new: str, stamp: str) -> None:
    conn.execute("UPDATE cards SET id = ? WHERE id = ?", (new, old))
    for table, column in _CARD_ID_COLUMNS:
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (new, old))
    conn.execute("INSERT OR REPLACE INTO aliases(alias, card_id, created_at) VALUES (?, ?, ?)", (old, new, stamp))
    conn.execute("INSERT INTO events(card_id, at, action, detail) VALUES (?, ?, 'reid', ?)", (new, stamp, old))
