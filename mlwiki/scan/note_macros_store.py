"""The macros the notes define (`scan.note_macros`), kept for the whole wiki: in the store (`store.note_macros`;
the scan updates the notes it read, in its own transaction), and merged into `.mlwiki/note_macros.tex`, which
`render.macros.read_macros` adds to the wiki's macros file without opening the store or reading a note. Where two
notes define a macro differently the first (by path) is kept, and `check` names the other."""

from __future__ import annotations

from collections.abc import Iterable

from mlwiki.config import Config
from mlwiki.problems import Problem, Severity
from mlwiki.store.note_macros import read_note_macros, write_note_macros


def update(index, changed: list[tuple], removed: list[str]) -> None:
    """Record the macros of the notes a scan read (`changed`: (NoteFile, hash, Rows)) and forget removed ones'."""
    write_note_macros(index.conn, {file.rel: rows[3] for file, _, rows in changed if rows[3]},
                      removed + [file.rel for file, _, rows in changed if not rows[3]])


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

    text = "\n".join(merge(read_note_macros(store.conn))[0])
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

