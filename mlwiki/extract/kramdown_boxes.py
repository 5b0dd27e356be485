"""A kramdown page's boxes as the callouts mlwiki knows, line for line (`kramdown`).

A Jekyll theme styles a block as a box by a class in the attribute list beside it: Chirpy's `{: .prompt-warning }`
after a quote, Minimal Mistakes' `{: .notice--info}` after a paragraph, Just the Docs' `{: .note }` before one. The
site shows a box of that kind; mlwiki reads the block as the Obsidian callout of the same kind (`> [!warning]` over
its quoted lines), whose card says what kind of box it was. The callout's first line takes the attribute list's
line: a block after its list moves down one line (its quote marks kept or added), a block before it stays.
"""

from __future__ import annotations

import re

_KINDS = {"prompt-tip": "tip", "prompt-info": "info", "prompt-warning": "warning", "prompt-danger": "danger",
          "notice": "note", "notice--primary": "note", "notice--info": "info", "notice--warning": "warning",
          "notice--danger": "danger", "notice--success": "success", "note": "note", "warning": "warning",
          "important": "important", "tip": "tip", "caution": "caution", "danger": "danger", "info": "info"}
_CLASS_LIST = re.compile(r"[ \t]*\{:[ \t]*((?:\.[\w-]+[ \t]*)+)\}[ \t]*")


def boxed(lines: list[str], code: list[bool]) -> list[str]:
    """`lines` with every block a box class marks written as a callout (the class's line its first line)."""
    if not any("{:" in line for line in lines):
        return lines
    lines = list(lines)
    for k, line in enumerate(lines):
        if code[k] or not line.startswith("{:") or not (kind := _box_kind(line)):
            continue
        above = _block_above(lines, code, k)
        if above is not None:
            lines[above + 1:k + 1] = [_quoted(ln) for ln in lines[above:k]]
            lines[above] = f"> [!{kind}]"
        elif k + 1 < len(lines) and not code[k + 1] and lines[k + 1].strip():
            lines[k] = f"> [!{kind}]"
            j = k + 1
            while j < len(lines) and not code[j] and lines[j].strip() and not lines[j].startswith("#"):
                lines[j] = _quoted(lines[j])
                j += 1
    return lines


def _box_kind(line: str) -> str:
    """The callout kind a block attribute list's classes name ("" when none does)."""
    found = _CLASS_LIST.fullmatch(line)
    if not found:
        return ""
    return next((_KINDS[c] for c in found.group(1).replace(".", " ").split() if c in _KINDS), "")


def _block_above(lines: list[str], code: list[bool], k: int) -> int | None:
    """The first line of the block that ends right above line k (none when a blank line, code or a heading is
    there)."""
    j = k - 1
    while j >= 0 and not code[j] and lines[j].strip() and not lines[j].lstrip().startswith("#"):
        j -= 1
    return j + 1 if j + 1 < k else None


def _quoted(line: str) -> str:
    return line if line.lstrip().startswith(">") else "> " + line
