"""`mlwiki cards`: every card with its store state, as dicts ready for JSON or a table."""

from __future__ import annotations

import json
from pathlib import Path

from mlwiki.config import Config
from mlwiki.models import STATE_NAMES
from mlwiki.store.db import Store


def path_filter(config: Config, paths: list[Path] | None, column: str = "path") -> tuple[str, list]:
    """SQL that keeps cards whose source lies under one of `paths` (files or folders)."""
    if not paths:
        return "1", []
    clauses, params = [], []
    for path in paths:
        rel = config.relative(Path(path).resolve())
        rel = "" if rel == "." else rel
        if not rel:
            return "1", []
        clauses.append(f"({column} = ? OR {column} LIKE ? ESCAPE '\\')")
        params += [rel, rel.replace("%", "\\%").replace("_", "\\_") + "/%"]
    return "(" + " OR ".join(clauses) + ")", params


def card_row_to_dict(row) -> dict:
    """The public JSON shape of a stored card."""
    return {
        "id": row["id"], "note_id": row["note_id"], "kind": row["kind"], "front": row["front"],
        "back": row["back"], "deck": row["deck"], "tags": json.loads(row["tags"] or "[]"),
        "source": {"path": row["path"], "line": row["line"]},
        "state": STATE_NAMES.get(row["state"] or 0, "new"), "due": row["due"], "reviews": row["reps"] or 0,
        "lapses": row["lapses"] or 0, "stability": row["stability"], "difficulty": row["difficulty"],
        "suspended": bool(row["suspended"]), "retired": bool(row["retired"]),
    }


def list_cards(store: Store, config: Config, paths: list[Path] | None, include_retired: bool = False) -> list[dict]:
    """Cards in note order (retired ones only with `include_retired`), from a freshly scanned store."""
    where, params = path_filter(config, paths)
    retired = "" if include_retired else "AND retired = 0"
    rows = store.query(f"SELECT * FROM cards WHERE {where} {retired} ORDER BY path, ord, id", params)
    return [card_row_to_dict(row) for row in rows]
