"""The LaTeX macros a note defines for itself, where its own renderer reads them: Pandoc's `header-includes` and
Quarto's `include-in-header` (its `text:`, or a file beside the note) in the front matter, at its top or under a
`format:`; in the body, a formula of definitions only (Quarto's hidden `$$\\newcommand…$$`, a Jupyter markdown cell
holding `$\\newcommand…$`). The scan keeps them for the whole wiki (`scan.note_macros_store`)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from mlwiki.models import NoteText
from mlwiki.render.macros import definition_name, defines_only, macro_definitions

__all__ = ["NoteMacro", "note_macros"]

# (name, line of the note file, `\newcommand` text): lists, not tuples, as they come back from the store's JSON
NoteMacro = list
MAX_INCLUDE_BYTES = 1 << 20  # an included header file larger than this is no macros file
_MARKS = ("newcommand", "DeclareMathOperator", "\\def")  # (a note without any defines nothing: most notes)
# A formula: `$$…$$`, `\[…\]` or `$…$` on one line
_MATH = re.compile(r"\$\$([^$]+)\$\$|\\\[(.+?)\\\]|(?<![$\\])\$([^$\n]+)\$", re.S)
_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"`[^`\n]*`")


def note_macros(note: NoteText, data: bytes | None, path: str | os.PathLike | None = None,
                root: Path | None = None) -> list[NoteMacro]:
    """The macros the note defines, each once (its first definition), in the order written. `data`: the file's
    bytes, for the lines of its front matter; `path` (the note file's) and `root`: where an `include-in-header`
    file may be read from (one outside `root` is never read)."""
    header = _header_text(note.meta, path, root)
    if not any(mark in note.body or mark in header for mark in _MARKS):
        return []
    front = _front_lines(data, note.line_offset) if header else []
    found = [[name, _front_line(front, name), d] for d in macro_definitions(header) if (name := definition_name(d))]
    found += _body_macros(note)
    seen: set[str] = set()
    return [m for m in found if not (m[0] in seen or seen.add(m[0]))]


def _header_text(meta: dict, path: str | os.PathLike | None, root: Path | None) -> str:
    """The text of the front matter's header includes, at its top and under each of its `format:`s."""
    places = [meta]
    if isinstance(formats := meta.get("format"), dict):
        places += [value for value in formats.values() if isinstance(value, dict)]
    parts = []
    for place in places:
        parts.append(_texts(place.get("header-includes"), None, None))  # (Pandoc's: always LaTeX text)
        parts.append(_texts(place.get("include-in-header"), path, root))  # (Quarto's: a file, or `text:`)
    return "\n".join(part for part in parts if part)


def _texts(value, path: str | os.PathLike | None, root: Path | None) -> str:
    if isinstance(value, list):
        return "\n".join(_texts(item, path, root) for item in value)
    if isinstance(value, dict):
        return "\n".join(_texts(value.get(key), path if key == "file" else None, root)
                         for key in ("text", "file") if isinstance(value.get(key), str))
    if not isinstance(value, str):
        return ""
    if path is not None and "\\" not in value and "\n" not in value.strip():
        return _included(value.strip(), path, root)  # (Quarto's `include-in-header: macros.tex`: a file name)
    return value


def _included(name: str, note: str | os.PathLike, root: Path | None) -> str:
    """The text of a header file beside the note ('' when it is missing, too large, or outside the wiki)."""
    try:
        path = (Path(note).parent / name).resolve()
        if root is not None and not path.is_relative_to(root.resolve()):
            return ""
        if not path.is_file() or path.stat().st_size > MAX_INCLUDE_BYTES:
            return ""
        return path.read_text(encoding="utf-8", errors="replace")
    except (OSError, ValueError):
        return ""


def _front_lines(data: bytes | None, offset: int) -> list[str]:
    if not data or not offset:
        return []
    return data.decode("utf-8", "replace").split("\n", offset)[:offset]


def _front_line(front: list[str], name: str) -> int:
    """The line (from 1) of `front`, a front matter's or a formula's lines, that defines `name` (1 when none can be
    told)."""
    defines = re.compile(re.escape(name) + r"(?![A-Za-z@])")
    for number, line in enumerate(front, 1):
        if any(mark in line for mark in _MARKS) and defines.search(line):
            return number
    return 1


def _body_macros(note: NoteText) -> list[NoteMacro]:
    """The definitions of the body's formulas that hold nothing else (outside code)."""
    if not any(mark in note.body for mark in _MARKS):
        return []
    body = _without_code(note.body)
    found = []
    for match in _MATH.finditer(body):
        formula = next(group for group in match.groups() if group is not None)
        if not defines_only(formula):
            continue
        first = body.count("\n", 0, match.start()) + 1
        lines = formula.split("\n")
        found += [[name, _file_line(note, first + _front_line(lines, name) - 1), d]
                  for d in macro_definitions(formula) if (name := definition_name(d))]
    return found


def _file_line(note: NoteText, line: int) -> int:
    """The line of the note file that line `line` of its body is."""
    if note.line_map:
        return note.line_map[min(line, len(note.line_map)) - 1]
    return line + note.line_offset


def _without_code(body: str) -> str:
    """The body with its fenced code blocks and code spans blanked (their lines kept): a note about LaTeX shows
    `\\newcommand` in code without defining anything."""
    lines, fence = body.split("\n"), ""
    for k, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence:
            lines[k] = ""
            fence = "" if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) else fence
        elif match:
            lines[k], fence = "", match.group(1)
        elif "`" in line:
            lines[k] = _CODE_SPAN.sub(lambda m: " " * len(m.group()), line)
    return "\n".join(lines)
