r"""Formulas whose backslashes an exporter escaped: `$\\log|K| = 2\\sum_i \\log L_{ii}$` for `$\log|K| = 2\sum_i …$`.

A rich-text editor's Markdown export (UpNote's, through turndown) may escape every backslash the writer typed, the
ones inside a formula too: each command is then `\\name`, which TeX, MathJax and the review's Unicode reading all
take for a line break followed by letters ("log|K| = 2" over "sumᵢ"), and a matrix's row break becomes `\\\\`.
Such a formula is read halved when every run of backslashes in it is of even length and one stands before a
command's name or a symbol's (`\\|w\\|`, `50\\,000`); `a \\ b` alone is a TeX line break and `\frac{a}{b} \\` a
formula as typed: both stay.

The cards of a note so read keep the ids they had (`ids_as_written`): a formula card's id is made of its formulas,
and a front's of its text, both as the note wrote them. Pure: text in, text out; drafts in, drafts out.
"""

from __future__ import annotations

import re
from dataclasses import replace

_BACKSLASHES = re.compile(r"\\+")
_DOUBLED_COMMAND = re.compile(r"(?<!\\)\\\\[A-Za-z|,;:!{}]")  # (`\\sum`, a norm's `\\|w\\|`, a thin space `\\,`)
# a formula on a card: `$$…$$` or `$…$` (pandoc's rule: no space inside the dollars, no digit after the closing one)
_MATH = re.compile(r"\$\$.+?\$\$|\$(?![\s$])[^$\n]*?(?<![\s\\])\$(?!\d)", re.S)


def undoubled_tex(tex: str) -> str:
    r"""A formula whose backslashes were all escaped (`\\sum_i`, a row break `\\\\`) as the writer typed it
    (`\sum_i`, `\\`); any other formula as it is (see the module's docstring)."""
    if not _DOUBLED_COMMAND.search(tex) or any(len(run) % 2 for run in _BACKSLASHES.findall(tex)):
        return tex
    return _BACKSLASHES.sub(lambda run: run.group()[: len(run.group()) // 2], tex)


def _doubled(tex: str) -> str:
    return tex.replace("\\", "\\\\")


def _as_written(text: str, written: str) -> str:
    """`text` with each formula that the note wrote with doubled backslashes written so again."""
    return _MATH.sub(lambda m: _doubled(m.group()) if "\\" in m.group() and _doubled(m.group()) in written
                     else m.group(), text)


def ids_as_written(drafts: list, written: str) -> list:
    """The drafts (sibling groups with their heading paths) of a note whose formulas were read halved, each card
    keeping the id its text as `written` gave it: a front's formulas doubled again in its `id_front`, a formula
    card's `formulas` (what its id is made of) as written. `written`: the note's text before it was read."""
    if "\\\\" not in written:
        return drafts
    out = []
    for group, path in drafts:
        kept = []
        for d in group:
            if (front := _as_written(d.id_front or d.front, written)) != (d.id_front or d.front):
                d = replace(d, id_front=front)
            if d.formulas and all(_doubled(f) in written for f in d.formulas if "\\" in f):
                formulas = [_doubled(f) for f in d.formulas]
                if formulas != d.formulas:
                    d = replace(d, formulas=formulas)
            kept.append(d)
        out.append((kept, path))
    return out
