"""How Jupyter shows the math of a markdown cell: `$ w $`, with spaces inside the dollars, is math there, and text
to Pandoc (and so to the export). Pure: a cell's source in, its source out."""

from __future__ import annotations

import re

_FENCE_LINE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_SINGLE_DOLLAR = re.compile(r"(?<![$\\])\$(?!\$)|\$\$")


def jupyter_math(source: str) -> str:
    """A markdown cell's `$ w $` written `$w$`: Jupyter shows math with spaces inside the dollars, Pandoc (and
    so the export) reads it as text; tightened, the math Jupyter shows is math wherever the card is shown.
    Dollars pair up left to right on a line, as Jupyter pairs them; lines in fenced code or with code spans are
    left alone, and the line count never changes."""
    out, fence = [], ""
    for line in source.split("\n"):
        if match := _FENCE_LINE.match(line):
            marker = match.group(1)
            fence = "" if fence and marker.startswith(fence) else (fence or marker)
        elif not fence and "`" not in line and "$" in line:
            line = _tighten_line(line)
        out.append(line)
    return "\n".join(out)


def _tighten_line(line: str) -> str:
    singles = [m.start() for m in _SINGLE_DOLLAR.finditer(line) if m.group(0) == "$"]
    pieces, pos = [], 0
    for start, end in zip(singles[::2], singles[1::2]):
        inner = line[start + 1:end]
        if inner.strip() and inner != inner.strip() and not line[end + 1:end + 2].isdigit():
            pieces += [line[pos:start], "$", inner.strip(), "$"]
            pos = end + 1
    return "".join(pieces) + line[pos:] if pieces else line
