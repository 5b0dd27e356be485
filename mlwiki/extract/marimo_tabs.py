r'''A marimo code cell that shows Markdown in tabs or folds, read as the notebook shows it (`marimo`).

marimo's tabs and accordions hold other outputs under titles: a notebook kept as notes writes its side-by-side
recipes as a dict of titles to `mo.md(r"""…""")` texts and shows it with `mo.ui.tabs(…)` or `mo.accordion(…)`:

    recipes = {
        "Fine-tuning a pretrained model": mo.md(
            r"""
            - AdamW, lr **10× smaller** than pretraining
            """
        ),
    }
    mo.ui.tabs(recipes)

The reader sees a tab per title over its Markdown: the cell reads as a Quarto tabset (`::: {.panel-tabset}`) with a
heading per title one level under the heading the cell stands under, each tab's text dedented as marimo dedents it.
Only a cell of nothing else: a text built from the notebook's values (an f-string, `.format`) shows numbers of one
run, and a cell that computes is code, no note. Pure: text in, text out, line for line.
'''

from __future__ import annotations

import re

_ENTRY = re.compile(r'[ \t]*(?P<q>["\'])(?P<title>[^"\'\n]{1,80})(?P=q)[ \t]*:[ \t]*mo\.md\([ \t]*'
                    r'(?:[rR]?(?P<open>"""|\'\'\')[ \t]*)?$')
_OPEN = re.compile(r'[ \t]*[rR]?("""|\'\'\')[ \t]*$')
_CLOSE = re.compile(r'[ \t]*("""|\'\'\')[ \t]*\)?[ \t]*,?[ \t]*$')
_SHOWN = re.compile(r"[ \t]*(?:\w+[ \t]*=[ \t]*)?(?:mo\.ui\.tabs|mo\.accordion)\([ \t]*(?:\w+|\{)")
_DICT = re.compile(r"[ \t]*\w+[ \t]*=[ \t]*\{[ \t]*$")
_FURNITURE = re.compile(r"[ \t]*(?:\)[ \t]*,?|\}[ \t]*\)?|\)[ \t]*\)?)?[ \t]*$")  # (a closing bracket, a blank line)
_HEADING = re.compile(r"(#{1,6})[ \t]")


def tabbed_markdown(inner: list[str], above: list[str]) -> list[str] | None:
    """The lines a code cell of tabs or folds of static Markdown shows (see the module's doc), one for each of its
    lines `inner` (between its fences): "" for the code around the texts, a heading per title, each text's lines
    dedented; None for any other cell. `above`: the note's lines before the cell, whose last heading it stands under."""
    if not inner or not any("mo.ui.tabs" in line or "mo.accordion" in line for line in inner):
        return None
    shown = [""] * len(inner)
    level = min(_level_above(above) + 1, 6)
    k, tabs = 0, 0
    while k < len(inner):
        line = inner[k]
        if entry := _ENTRY.fullmatch(line):
            k = _tab(inner, k, entry, shown, level)
            if k < 0:
                return None  # (a text that is no static Markdown: what it shows is the run's)
            tabs += 1
            continue
        if not (_DICT.fullmatch(line) or _SHOWN.match(line) or _FURNITURE.fullmatch(line)):
            return None  # (a line that computes: the cell is code; the dict of tabs and the call that shows it are not)
        k += 1
    return shown if tabs else None


def _tab(inner: list[str], k: int, entry: re.Match, shown: list[str], level: int) -> int:
    """Read the tab whose title line is `inner[k]` into `shown` (its heading there, its text's lines dedented below
    it); the index after its closing quotes, or -1 when its text is no static Markdown."""
    shown[k] = f"{'#' * level} {entry.group('title').strip()}"
    start = k + 1
    if not entry.group("open"):
        if start >= len(inner) or not _OPEN.fullmatch(inner[start]):
            return -1  # (an f-string or a variable: not Markdown as written)
        start += 1
    end = start
    while end < len(inner) and not _CLOSE.fullmatch(inner[end]):
        if '"""' in inner[end] or "'''" in inner[end]:
            return -1
        end += 1
    if end >= len(inner):
        return -1
    text = inner[start:end]
    cut = min((len(line) - len(line.lstrip()) for line in text if line.strip()), default=0)
    for offset, line in enumerate(text):
        shown[start + offset] = line[cut:]
    return end + 1


def _level_above(above: list[str]) -> int:
    """The level of the last ATX heading in these lines, outside code (1 when there is none)."""
    fenced = False
    for line in reversed(above):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and (heading := _HEADING.match(line)):
            return len(heading.group(1))
    return 1
