"""The macros the notes define (`sources.note_macros`), kept for the whole wiki: per note in the store's meta (the
scan updates the notes it read, in its own transaction), and merged into `.mlwiki/note_macros.tex`, which
`render.macros.read_macros` adds to the wiki's macros file without opening the store or reading a note. Where two
notes define a macro differently the first (by path) is kept, and `check` names the other."""

from __future__ import annotations

import json
from collections.abc import Iterable

from mlwiki.config import Config
from mlwiki.problems import Problem, Severity

KEY = "note_macros"  # meta: {note path: [[name, line, definition], …]}, only notes that define some


def update(index, changed: list[tuple], removed: list[str]) -> None:
    """Record the macros of the notes a scan read (`changed`: (NoteFile, hash, Rows)) and forget removed ones'."""
    row = index.conn.execute("SELECT value FROM meta WHERE key = ?", (KEY,)).fetchone()
    stored = _loads(row[0] if row else None)
    for file, _, rows in changed:
        if rows[3]:
            stored[file.rel] = rows[3]
        else:
            stored.pop(file.rel, None)
    for rel in removed:
        stored.pop(rel, None)
    index.set_meta(KEY, json.dumps(stored, sort_keys=True, ensure_ascii=False))


def known(store) -> bool:
    """Whether the store has recorded the notes' macros (a store from before they were read: read every note)."""
    return store.meta(KEY) is not None


def mark_known(index) -> None:
    """A scan that read every note has recorded every note's macros, none at all included."""
    index.conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES (?, '{}')", (KEY,))


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

    text = "\n".join(merge(_loads(store.meta(KEY)).items())[0])
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


def _loads(text: str | None) -> dict:
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
