"""A plain-text note (`Title.txt`), as the plain editor that wrote it shows it, in Markdown.

Note apps with a plain-text editor (Standard Notes' plain editor, a phone's notes synced to a folder, Simplenote)
export each note as a `.txt` file named by its title. The editor shows every line as written: a line is a line,
not part of a paragraph that Markdown would join it into, so each line of words is read as a paragraph of its own
and a run of list lines (`- …`, `1. …`) as a list. A short line in capitals over other lines ("DATA LEAKAGE") is how
plain text heads a part: it is read as a heading ("Data leakage"). A run of lines that starts like code (`import
…`, `from … import …`, `x = f(…`) is shown as code. Pure: text in, (Markdown, the file line of each line) out.

Files a folder of notes holds that are no notes — a package's requirements, a licence, a build list — are not read
(`is_plain_note`).
"""

from __future__ import annotations

import re

# text files a project keeps beside its notes that are not notes
_NOT_NOTES = re.compile(r"(?i)(?:requirements[\w.-]*|constraints[\w.-]*|license[\w.-]*|licence[\w.-]*|copying"
                        r"|notice|authors|contributors|changelog|changes|cmakelists|robots|humans|llms(?:-full)?"
                        r"|version|dependencies|packages|runtime|environment|[\w.-]*lock[\w.-]*)\.txt")
_LIST = re.compile(r"[ \t]*(?:[-*+•]|\d+[.)])[ \t]+\S")
_CODE_START = re.compile(r"(?:from [\w.]+ import |import [\w.]+|def \w+\(|class \w+|>>> |\$ |[\w.\[\]]+ = [\w.]+\()")
_CAPITALS = re.compile(r"[A-Z][A-Z0-9&/+' -]*[A-Z0-9]")


def is_plain_note(name: str) -> bool:
    """Whether a `.txt` file named `name` may be a note: not a file a project keeps (requirements, licence, …)."""
    return _NOT_NOTES.fullmatch(name) is None


def as_markdown(text: str, title: str = "") -> tuple[str, list[int]]:
    """(`text` as Markdown that shows what the plain editor shows, the file line of each of its lines). `title`: the
    note's, its file name: a first line that repeats it ("Voting and stacking - quick notes from the docs") only
    names the note, which the app shows above it, and is left out."""
    lines = text.split("\n")
    first = next((k for k, line in enumerate(lines) if line.strip()), None)
    if first is not None and title and _repeats(lines[first], title):
        lines[first] = ""
    out: list[str] = []
    where: list[int] = []
    k = 0
    while k < len(lines):
        line = lines[k].rstrip()
        if not line.strip():
            _put(out, where, "", k + 1)
            k += 1
            continue
        if _CODE_START.match(line):
            end = k
            while end < len(lines) and lines[end].strip():
                end += 1
            _part(out, where, k + 1)
            _put(out, where, "```", k + 1)
            for n in range(k, end):
                _put(out, where, lines[n].rstrip(), n + 1)
            _put(out, where, "```", end)
            k = end
            continue
        if _is_head(lines, k):
            _part(out, where, k + 1)
            head = line.strip()  # ("MISC", "TODO" as written: a word, not a name in capitals)
            _put(out, where, "## " + (head if len(head) <= 4 else head.capitalize()), k + 1)
            _put(out, where, "", k + 1)
        elif _LIST.match(line):
            if out and out[-1].strip() and not _LIST.match(out[-1]):
                _put(out, where, "", k + 1)
            _put(out, where, line, k + 1)
        else:
            _part(out, where, k + 1)
            _put(out, where, line.strip(), k + 1)  # (an indented line of words: no Markdown code block)
        k += 1
    return "\n".join(out), where


def _repeats(line: str, title: str) -> bool:
    """Whether `line` is the note's title, alone or with a remark after a dash, colon or bracket."""
    line, title = line.strip().casefold(), title.strip().casefold()
    return line == title or line.startswith(title) and line[len(title):].lstrip()[:1] in ("-", "–", "—", ":", "(")


def _is_head(lines: list[str], k: int) -> bool:
    """Whether line `k` heads a part: a few words in capitals, a line of words after it."""
    line = lines[k].strip()
    return len(line.split()) <= 5 and _CAPITALS.fullmatch(line) is not None \
        and k + 1 < len(lines) and bool(lines[k + 1].strip())


def _part(out: list[str], where: list[int], line: int) -> None:
    """An empty line before a new paragraph, when the line before holds words (Markdown would join them)."""
    if out and out[-1].strip():
        _put(out, where, "", line)


def _put(out: list[str], where: list[int], text: str, line: int) -> None:
    out.append(text)
    where.append(line)
