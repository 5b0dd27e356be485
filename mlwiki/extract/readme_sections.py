"""The study sections of a repository's README: what it teaches, among what it says about the repository.

A README is about its repository (what it holds, how to build it, a schedule of links, a reading log, a to-do list),
so it makes only the cards written for mlwiki. A course repository's README may yet hold an overview of the subject
under a heading of its own: a plain list of terms and what they mean, nested under labels. Such a section is read as
notes are when it is a list all through (two items or more) and none of its lines holds what a repository's own
sections do: a link, a picture, a code span or fence, a task box, a table. The README's opening (its text before
the first section heading) introduces the repository and is never one of them.

Pure: a note's body in, the body lines of its study sections out; drafts in, those of other sections dropped.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r" {0,3}(#{1,6})[ \t]+\S")
_FENCE = re.compile(r" {0,3}(?:```|~~~)")
_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]+\S")
# What a line about the repository itself holds: a link, a picture, code, a task box, a table row, an address
_REPOSITORY_MARK = re.compile(r"\]\(|\[\[|<a\b|<img\b|`|\[[ xX]\][ \t]|^[ \t]*\||https?://|www\.")
MIN_ITEMS = 2
# The forms written for mlwiki: they make cards in any section of a README
_WRITTEN_FORMS = frozenset(("qa", "one-line", "multiline", "card-div", "cloze"))


def study_lines(body: str) -> tuple[tuple[int, int], ...]:
    """The (first, last) body lines (1-based) of the README's study sections (see the module's docstring)."""
    if "#" not in body or ("- " not in body and "* " not in body and ". " not in body):
        return ()
    lines = body.split("\n")
    found, start, fenced = [], None, False
    for no, line in enumerate(lines, 1):
        if _FENCE.match(line):
            fenced = not fenced
            start = None  # (code in a section: the repository's)
        elif not fenced and _HEADING.match(line):
            if start is not None and _is_study(lines[start:no - 1]):
                found.append((start, no - 1))
            start = no if len(_HEADING.match(line).group(1)) > 1 else None
    if start is not None and not fenced and _is_study(lines[start:]):
        found.append((start, len(lines)))
    return tuple(found)


def _is_study(section: list[str]) -> bool:
    """Whether a section's lines (after its heading) are a plain list with no mark of the repository."""
    filled = [ln for ln in section if ln.strip()]
    if sum(1 for ln in filled if _ITEM.match(ln)) < MIN_ITEMS or not _ITEM.match(filled[0]):
        return False
    return not any(_REPOSITORY_MARK.search(ln) for ln in filled) \
        and all(_ITEM.match(ln) or ln[:1] in " \t" for ln in filled)  # (a list all through: its items, indented)


def readme_cards(drafts: list, kept: tuple[tuple[int, int], ...] | None) -> list:
    """The drafts (`(siblings, heading path)` pairs) of a README with study sections (`kept`, their body lines):
    those made of a study section, and those of the forms written for mlwiki. None: a note of another kind."""
    if kept is None:
        return drafts
    return [(siblings, heading) for siblings, heading in drafts
            if all(d.form in _WRITTEN_FORMS or d.explicit_id or any(a <= d.line <= b for a, b in kept)
                   for d in siblings)]
