r"""A marimo notebook saved in marimo's Markdown format, read as the notebook shows it.

marimo writes a notebook as Markdown (`marimo-version:` in its front matter): its Markdown cells as they are, a
`<!---->` line between two Markdown cells that follow each other, every code cell as a fence tagged `{.marimo}`
(```` ```python {.marimo hide_code="true"} ````, ```` ```sql {.marimo query="df"} ````, an unparsable one
```` ```{.python.marimo unparsable="true"} ````). Its Markdown cells use pymdownx's blocks for boxes:
`/// admonition | Title`, `/// details | Title`, `/// warning`, up to a line `///`, options such as `type: tip` or
`open: True` indented on the lines right under the opening.

A notebook's code is not its notes (mlwiki never cards a Jupyter notebook's code cells either): a code cell is left
out, but for one that only shows Markdown, `mo.md(r'''…''')`, whose text is the note's (marimo shows it as a
Markdown cell), and one that shows such texts in tabs or folds under their titles (`marimo_tabs`). Markdown built
from the notebook's values (an f-string, `.format`) shows numbers of one run: left out too. A block is the callout
of its kind, titled as written (`details` a folded note). Pure: text in, text out, line for line.
"""

from __future__ import annotations

import re

from mlwiki.extract.marimo_tabs import tabbed_markdown
from mlwiki.render.spans import FENCE, fence_closes

_MARIMO_FENCE = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})[ \t]*(?:\w+[ \t]*)?\{[^{}\n]*\.marimo\b[^{}\n]*\}[ \t]*$")
_FRONT_MARK = re.compile(r"(?m)^marimo-version:")
_STATIC_MD = re.compile(r'[ \t]*mo\.md\([ \t]*[rR]?("""|\'\'\')[ \t]*$')  # (not f"""…""": values of one run)
_STATIC_END = re.compile(r'[ \t]*("""|\'\'\')[ \t]*\)[ \t]*$')
_BLOCK_OPEN = re.compile(r"[ \t]{0,3}///[ \t]+([\w-]+)[ \t]*(?:\|[ \t]*(.*?))?[ \t]*$")
_BLOCK_CLOSE = re.compile(r"[ \t]{0,3}///[ \t]*$")
_BLOCK_OPTION = re.compile(r"[ \t]+[\w-]+:[ \t]*\S.*$")
_SEPARATOR = "<!---->"
_FOLDS = frozenset(("details",))
_PLAIN_BOXES = frozenset(("admonition", "html", "tab", "caption", "figure-caption", "table-caption", "define"))


def is_marimo(body: str, meta: dict | None = None) -> bool:
    """Whether a note is a marimo notebook in Markdown: its front matter names a marimo version, or a code fence is
    tagged `{.marimo}` (marimo writes one for each code cell)."""
    if meta and "marimo-version" in meta:
        return True
    return "marimo" in body and any(_MARIMO_FENCE.match(line) for line in body.split("\n") if "marimo" in line)


def as_marimo_shows(body: str) -> str:
    """`body` as its marimo notebook shows it (see the module's docstring); `body` itself when it is not one."""
    if "marimo" not in body or not is_marimo(body):
        return body
    lines = body.split("\n")
    fence: tuple[str, int] | None = None
    k = 0
    while k < len(lines):
        line = lines[k]
        if fence:
            fence = None if fence_closes(line, *fence) else fence
        elif found := FENCE.match(line):
            fence = (found.group(1)[0], len(found.group(1)))
            if _MARIMO_FENCE.match(line):
                k = _code_cell(lines, k, fence)
                fence = None
                continue
        elif line.strip() == _SEPARATOR:
            lines[k] = ""
        elif opened := _BLOCK_OPEN.fullmatch(line):
            lines[k] = _callout(opened.group(1).lower(), opened.group(2) or "")
            while k + 1 < len(lines) and _BLOCK_OPTION.fullmatch(lines[k + 1]) and ":" in lines[k + 1]:
                k += 1
                lines[k] = ""  # (`type: tip`, `open: True`: how the box looks)
        elif _BLOCK_CLOSE.fullmatch(line):
            lines[k] = ":::"
        k += 1
    return "\n".join(lines)


def _code_cell(lines: list[str], start: int, fence: tuple[str, int]) -> int:
    """Blank the code cell whose fence opens at `start`, but for a static `mo.md` cell's Markdown; the index after
    its closing fence."""
    end = start + 1
    while end < len(lines) and not fence_closes(lines[end], *fence):
        end += 1
    inner = lines[start + 1:end]
    shown = _static_markdown(inner)
    tabbed = tabbed_markdown(inner, lines[:start]) if shown is None and end < len(lines) else None
    for k in range(start, min(end + 1, len(lines))):
        lines[k] = ""
    if tabbed is not None:  # (tabs of Markdown: a tabset, each title a heading over its text)
        lines[start:end + 1] = ["::: {.panel-tabset}", *tabbed, ":::"]
    if shown is not None:
        for offset, text in enumerate(shown):
            lines[start + 2 + offset] = text  # (the Markdown where it stands, one line down from `mo.md(`)
    return end + 1


def _static_markdown(inner: list[str]) -> list[str] | None:
    """The lines of Markdown a cell of only `mo.md(r\"\"\"…\"\"\")` shows (dedented as marimo does); None for any other
    cell."""
    if len(inner) < 2 or not _STATIC_MD.fullmatch(inner[0]) or not _STATIC_END.fullmatch(inner[-1]):
        return None
    text = inner[1:-1]
    if any('"""' in line or "'''" in line for line in text):
        return None
    widths = [len(line) - len(line.lstrip()) for line in text if line.strip()]
    cut = min(widths, default=0)
    return [line[cut:] for line in text]


def _callout(kind: str, title: str) -> str:
    """The div a pymdownx block of this kind and title opens, as a Quarto callout (a `details` block folded)."""
    title = title.replace('"', "'")
    if kind in _FOLDS:
        return f'::: {{.callout-note collapse="true" title="{title}"}}'
    if kind in _PLAIN_BOXES:
        return f'::: {{.callout-note title="{title}"}}'
    return f'::: {{.callout-{kind} title="{title}"}}'
