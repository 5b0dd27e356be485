"""The LaTeX macros each note defines (`scan.note_macros`), kept in the store's meta: a row per note that defines
some, `note_macros:<path>` → JSON [[name, line, definition], …] (a Pandoc user's every note may repeat the same
`header-includes`, so no one row holds them all), and `note_macros` once they are kept at all (a store from before
then has every note read again)."""

from __future__ import annotations

import json

KEPT = "note_macros"
PREFIX = "note_macros:"
_AFTER = "note_macros;"  # (";" follows ":": the end of the rows under PREFIX, in the key's order)


def write_note_macros(conn, defined: dict[str, list], dropped: list[str]) -> None:
    """Keep the macros of the notes in `defined` (path → its macros) and forget those of the `dropped` paths."""
    conn.executemany("DELETE FROM meta WHERE key = ?", [(PREFIX + rel,) for rel in dropped])
    conn.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                     [(PREFIX + rel, json.dumps(macros, ensure_ascii=False)) for rel, macros in defined.items()])


def read_note_macros(conn) -> list[tuple[str, list]]:
    """(note path, its macros) for every note that defines some, by path."""
    rows = conn.execute("SELECT key, value FROM meta WHERE key >= ? AND key < ? ORDER BY key", (PREFIX, _AFTER))
    return [(key[len(PREFIX):], _loads(value)) for key, value in rows]


def note_macros_kept(store) -> bool:
    """Whether the store keeps the notes' macros (a store from before they were read: read every note again)."""
    return store.meta(KEPT) is not None


def mark_note_macros_kept(conn) -> None:
    """A scan that read every note has kept every note's macros (none at all included)."""
    conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES (?, 'kept')", (KEPT,))


def _loads(text: str) -> list:
    try:
        data = json.loads(text)
    except ValueError:
        return []
    return [m for m in data if isinstance(m, list) and len(m) == 3] if isinstance(data, list) else []
