"""The macros the notes define (`sources.note_macros`), kept for the whole wiki: in the store's meta, a row per note
that defines some (the scan updates the notes it read, in its own transaction; a Pandoc user's every note may repeat
the same `header-includes`, so no one row holds them all), and merged into `.mlwiki/note_macros.tex`, which
`render.macros.read_macros` adds to the wiki's macros file without opening the store or reading a note. Where two
notes define a macro differently the first (by path) is kept, and `check` names the other."""

from __future__ import annotations

import json
from collections.abc import Iterable

from mlwiki.config import Config
from mlwiki.problems import Problem, Severity

KEY = "note_macros"  # meta: present once the notes' macros are kept (a store from before: read every note again)
PREFIX = "note_macros:"  # meta: "note_macros:<note path>" → [[name, line, definition], …]
_AFTER = "note_macros;"  # (";" follows ":": the end of the rows under PREFIX, in the key's order)


def update(index, changed: list[tuple], removed: list[str]) -> None:
    """Record the macros of the notes a scan read (`changed`: (NoteFile, hash, Rows)) and forget removed ones'."""
    gone = [(PREFIX + rel,) for rel in removed] + [(PREFIX + file.rel,) for file, _, rows in changed if not rows[3]]
    index.conn.executemany("DELETE FROM meta WHERE key = ?", gone)
    index.conn.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                           [(PREFIX + file.rel, json.dumps(rows[3], ensure_ascii=False))
                            for file, _, rows in changed if rows[3]])


def known(store) -> bool:
    """Whether the store has recorded the notes' macros (a store from before they were read: read every note)."""
    return store.meta(KEY) is not None


def mark_known(index) -> None:
    """A scan that read every note has recorded every note's macros, none at all included."""
    index.conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES (?, 'kept')", (KEY,))


def merge(notes: Iterable[tuple[str, list]], wiki: str = "") -> tuple[list[str], list[Problem]]:
    """The definitions to use (the first of each name, by note path; none the wiki's macros file `wiki` makes
    already) and a warning for each later note that defines one differently."""
    from mlwiki.render.macros import definition_name, macro_definitions

    first: dict[str, tuple[str, str]] = {}
    for definition in macro_definitions(wiki):
        first.setdefault(definition_name(definition), ("the wiki's macros file", definition))
    used, problems = [], []
    for rel, macros in sorted(notes):
        for name, line, definition in macros:
            if name not in first:
                first[name] = (f"{rel}:{line}", definition)
                used.append(definition)
            elif _body(first[name][1]) != _body(definition):
                problems.append(Problem(rel, line, f"macro `{name}` is defined differently in {first[name][0]}; "
                                        "that first definition is the one used", Severity.WARNING, "macro-conflict"))
    return used, problems


def _body(definition: str) -> str:
    """A definition as compared (\\renewcommand and \\newcommand alike, spaces aside)."""
    return "".join(definition.replace("\\renewcommand", "\\newcommand").split())


def refresh_file(store, config: Config) -> None:
    """Write the merged definitions to `.mlwiki/note_macros.tex` when they changed (removed when there are none)."""
    from mlwiki.render.macros import NOTE_MACROS_FILE  # (only after a scan that read notes: keeps `due` fast)

    rows = store.conn.execute("SELECT key, value FROM meta WHERE key >= ? AND key < ?", (PREFIX, _AFTER))
    text = "\n".join(merge((key[len(PREFIX):], _loads(value)) for key, value in rows)[0])
    path = config.data_dir / NOTE_MACROS_FILE
    try:
        old = path.read_text(encoding="utf-8") if path.is_file() else ""
        if text == old:
            return
        if text:
            path.write_text(text, encoding="utf-8")
        else:
            path.unlink()
    except OSError:
        pass  # (the deck and the terminal then miss the notes' macros; `check` still knows them)


def _loads(text: str) -> list:
    try:
        data = json.loads(text)
    except ValueError:
        return []
    return [m for m in data if isinstance(m, list) and len(m) == 3] if isinstance(data, list) else []
