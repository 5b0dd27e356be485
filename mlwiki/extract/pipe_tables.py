r"""A GitHub-flavoured pipe table written without its outer pipes, as every GFM reader shows it: a table.

GFM (and markdown-it, which Observable Framework, VS Code's preview and many static sites use; Obsidian too) makes
the leading and trailing `|` of a table's lines optional; Framework's own documentation writes its tables so:

    Metric | Needs a threshold? | Page             →   | Metric | Needs a threshold? | Page |
    ------ | :----------------: | ----             →   | ------ | :----------------: | ---- |
    ROC AUC | no | [ROC](./roc-auc)                →   | ROC AUC | no | [ROC](./roc-auc) |

mlwiki's table readers know a table by its lines' leading `|`; without it the table was a paragraph of cells,
one card of the whole grid or none. Here such a table gets its outer pipes, so it is read as the table it shows.
A table is known by its delimiter row (`---`, `:--:` cells between pipes) with as many cells as the header above
it, the header opening its paragraph; its rows run to the first line without a `|`. Code is never touched; a
table inside a quote or a list item is left as written. Pure: text in, the same lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

_DELIMITER = re.compile(r"[ \t]{0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*")
_PIPE = re.compile(r"(?<!\\)\|")  # (an escaped `\|` is a cell's text, not a column break)
_NOT_A_HEADER = re.compile(r"[ \t]*(?:[>#]|[-*+][ \t]|\d+[.)][ \t])")  # (a quote, heading or list item opens it)


def with_outer_pipes(body: str) -> str:
    """`body` with each pipe table written without outer pipes given them (see the module's docstring)."""
    if "|" not in body or "-" not in body:
        return body
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    k = 1
    while k < len(lines):
        if fenced[k] or fenced[k - 1] or not _opens_table(lines, k):
            k += 1
            continue
        end = k + 1
        while end < len(lines) and not fenced[end] and _PIPE.search(lines[end]):
            end += 1
        for row in range(k - 1, end):
            lines[row] = _piped(lines[row])
        k = end
    return "\n".join(lines)


def _opens_table(lines: list[str], k: int) -> bool:
    """Whether `lines[k]` is the delimiter row of a table whose header, `lines[k - 1]`, lacks an outer pipe."""
    header, delimiter = lines[k - 1], lines[k]
    if not _DELIMITER.fullmatch(delimiter) or not _PIPE.search(header):
        return False
    if header.lstrip().startswith("|") and header.rstrip().endswith("|") and delimiter.strip().startswith("|"):
        return False  # (written with its pipes: read as it is)
    if _NOT_A_HEADER.match(header) or (k >= 2 and lines[k - 2].strip()):
        return False  # (a header opens its paragraph; one in a quote or a list item is left as written)
    return _cells(header) == _cells(delimiter)


def _cells(line: str) -> int:
    """How many cells a table line has, its outer pipes not counted."""
    text = line.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    return len(_PIPE.findall(text)) + 1


def _piped(line: str) -> str:
    """A table line with its leading and trailing pipe, its indentation kept."""
    indent = line[:len(line) - len(line.lstrip())]
    text = line.strip()
    if not text.startswith("|"):
        text = "| " + text
    if not text.endswith("|") or text.endswith("\\|"):
        text += " |"
    return indent + text
