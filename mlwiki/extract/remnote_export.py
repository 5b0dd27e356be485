"""The furniture of RemNote's Markdown export, read as RemNote shows the document.

RemNote writes a document as one outline of bullets ("rems", four spaces a level), and writes some rems its own way:

    - ```python                    a code block is a rem: its fence opens on the bullet, but its code and the
    import torch                   closing fence are written at the line's start, so Markdown would close the
    ```                            list item at the code and open a fence at the closing one that never ends
    -                              display math is a rem of its own: an empty bullet, a blank line, and the
                                   `$$…$$` indented under it
            $$p(x) = …$$
    - Portal                       a portal shows rems that live elsewhere; the export writes the block's name
        - Jensen's inequality :: … over them, which is no topic of its own: they are read where the portal sits
    - Topic #[[to revisit]]        a tag (one word, `#tag`, or several, `#[[two words]]`) shows as a pill, no words

`exported_by_remnote` says whether a note is such an export by the marks only the exporter writes (the code and math
layouts, a picture from the knowledge base's `files/` folder); `as_exported` writes the code blocks as fences at the
line's start, the portal's rems in its place and drops the tags, so the outline reads as RemNote shows it.

Pure: a note's text in, the same number of lines out.
"""

from __future__ import annotations

import re

_BULLET = re.compile(r"([ \t]*)[-*+][ \t]+(.*)")
_FENCE_RUN = re.compile(r"`{3,}")
_CODE_REM = re.compile(r"([ \t]*)[-*+][ \t]+(`{3,})([\w+#.-]*)[ \t]*")  # (a rem that opens a code block)
_EMPTY_REM = re.compile(r"[ \t]*[-*+][ \t]*")
_DISPLAY = re.compile(r"[ \t]+\$\$.*\$\$[ \t]*")
_FILES_PICTURE = re.compile(r"!\[[^\]\n]*\]\((?:\./)?files/[^)\s]+\)")
_PORTAL = re.compile(r"portal", re.IGNORECASE)
# A RemNote tag: `#[[several words]]` or `#word` after a space or at the rem's start (not a heading's `# `)
_TAG = re.compile(r"(?<!\S)#(?:\[\[[^\]\n]+\]\]|[A-Za-z][\w/-]*)")


def exported_by_remnote(body: str) -> bool:
    """Whether a note is a RemNote document exported to Markdown, by what only its exporter writes: a code rem whose
    code starts at the line's start, display math under an empty rem, or a picture from the `files/` folder."""
    if "- " not in body:
        return False
    lines = body.split("\n")
    return bool(_code_rems(lines) or _math_rems(lines) or _FILES_PICTURE.search(body))


def as_exported(body: str) -> str:
    """`body`, a note `exported_by_remnote`, with its code rems as fenced blocks at the line's start, a portal's rems
    in its place and no tags (see the module's doc)."""
    lines = body.split("\n")
    code = set()
    for start, end in _code_rems(lines):
        found = _CODE_REM.fullmatch(lines[start])
        lines[start] = found.group(2) + found.group(3)  # (the code's own fence: its lines are read as written)
        code.update(range(start, end + 1))
    for k, line in enumerate(lines):
        if k in code or (found := _BULLET.fullmatch(line)) is None:
            continue
        text = _TAG.sub("", found.group(2)).strip()
        if text != found.group(2).strip():
            lines[k] = found.group(1) + "- " + text if text else ""  # (a rem of tags alone: nothing)
    return "\n".join(_without_portals(lines, code))


def _code_rems(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last line) of each code rem: a bullet opening a fence, its next line less indented than the rem's
    text, and a closing fence of the same run at the line's start."""
    found, k = [], 0
    while k < len(lines):
        opened = _CODE_REM.fullmatch(lines[k])
        if opened and k + 1 < len(lines) and len(_indent(lines[k + 1])) <= len(opened.group(1)):
            run = opened.group(2)
            close = next((j for j in range(k + 1, len(lines)) if lines[j].rstrip() == run), None)
            if close is not None:
                found.append((k, close))
                k = close
        k += 1
    return found


def _math_rems(lines: list[str]) -> list[int]:
    """The lines of display math the exporter writes as a rem: an empty bullet, a blank line, the indented `$$…$$`."""
    return [k + 2 for k in range(len(lines) - 2)
            if _EMPTY_REM.fullmatch(lines[k]) and not lines[k + 1].strip() and _DISPLAY.fullmatch(lines[k + 2])]


def _without_portals(lines: list[str], code: set[int]) -> list[str]:
    """`lines` with each portal rem ("Portal" over the rems it shows) gone and its rems a level up, where it sits."""
    k = 0
    while k < len(lines):
        found = _BULLET.fullmatch(lines[k]) if k not in code else None
        if found and _PORTAL.fullmatch(found.group(2).strip()):
            depth, j = len(found.group(1).expandtabs(4)), k + 1
            while j < len(lines) and (not lines[j].strip() or len(_indent(lines[j]).expandtabs(4)) > depth):
                if lines[j].strip() and j not in code:
                    lines[j] = _dedent(lines[j])
                j += 1
            lines[k] = ""
        k += 1
    return lines


def _dedent(line: str) -> str:
    """`line` a level (a tab or four spaces) less indented."""
    if line.startswith("\t"):
        return line[1:]
    return line[min(4, len(_indent(line))):]


def _indent(line: str) -> str:
    return line[:len(line) - len(line.lstrip(" \t"))]
