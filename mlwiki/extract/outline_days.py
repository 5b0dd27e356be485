"""A day's node exported from an outliner (Tana, and Workflowy or Dynalist written the same way), read as the daily
note it is: the whole page one bullet, the day, and under it the sections of the day's template as bullets.

    - 2024-05-09 #day                   →     (the page's name: 2024-05-09.md)
      - Did                                   ## Did
        - ran the sweep again                 - ran the sweep again
      - Learned                               ## Learned
        - **Dropout** at test time: …         - **Dropout** at test time: …
      - [ ] plan tomorrow                     - [ ] plan tomorrow

Read as one nested list, everything the day learnt sat three levels down under "2024-05-09 › Learned", where no
card reads a list (the items under a section bullet were on no card); read as a daily note, each section is the
section it stands for (`daylog`, `day_terms`, `day_notes` read those). A page is read so only when it is one date
bullet with a "Learned" section among its children (`daily.LEARNT`): a bullet of a few words, with bullets under
it. Pure: a note's text in, its text out, line for line.
"""

from __future__ import annotations

import re

from mlwiki.extract.daily import LEARNT, is_date

_ROOT = re.compile(r"-[ \t]+(?P<day>[^#\n]*?)(?:[ \t]+#[\w/-]+)*[ \t]*")
_BULLET = re.compile(r"(?P<indent>[ \t]*)[-*+][ \t]+(?P<text>.*)")
# A section of the day's template: a few words, no sentence ("Did", "Stuck on", "Learned", "Tomorrow")
_SECTION = re.compile(r"[A-Za-z][A-Za-z' ]{0,30}")
_LEARNT = re.compile(rf"(?i)[ \t]*(?:things?[ \t]+)?(?:{LEARNT})[ \t]*")


def as_day_note_shows(body: str) -> str:
    """`body` as the daily note it is, when it is an outliner's day node (see the module's docstring); else `body`."""
    if "- " not in body[:200]:
        return body  # (nearly every note, said cheaply)
    lines = body.split("\n")
    root = next((k for k, line in enumerate(lines) if line.strip()), None)
    if root is None or not (found := _ROOT.fullmatch(lines[root])) or not is_date(found.group("day")):
        return body
    if any(line.strip() and not line[:1].isspace() for line in lines[root + 1:]):
        return body  # (more than the day's node on the page)
    unit = _indent_unit(lines[root + 1:])
    sections = _sections(lines, root + 1, unit)
    if not unit or not any(_LEARNT.fullmatch(lines[k][len(unit) + 2:]) for k in sections):
        return body
    out = lines[:root] + [""]  # (the day: the page's name, as the outliner names a day's page)
    for k in range(root + 1, len(lines)):
        line = lines[k]
        if k in sections:
            out.append("## " + _BULLET.fullmatch(line).group("text").strip())
        else:
            out.append(_dedent(line, unit, 2 if _in_section(lines, k, sections, unit) else 1))
    return "\n".join(out)


def _indent_unit(lines: list[str]) -> str:
    """One level of the outline: the indentation of the day's first child bullet ("" if it has none)."""
    for line in lines:
        if found := _BULLET.fullmatch(line):
            return found.group("indent")
    return ""


def _sections(lines: list[str], first: int, unit: str) -> set[int]:
    """The lines of the day's section bullets: a child of the day of a few words, with bullets nested under it."""
    if not unit:
        return set()
    found = set()
    for k in range(first, len(lines)):
        bullet = _BULLET.fullmatch(lines[k])
        if bullet is None or bullet.group("indent") != unit or not _SECTION.fullmatch(bullet.group("text").strip()):
            continue
        below = next((line for line in lines[k + 1:] if line.strip()), "")
        if below.startswith(unit * 2) and _BULLET.fullmatch(below):
            found.add(k)
    return found


def _in_section(lines: list[str], k: int, sections: set[int], unit: str) -> bool:
    """Whether line `k` is nested under a section bullet (not a child of the day beside the sections)."""
    for j in range(k, -1, -1):
        if j in sections:
            return j < k
        line = lines[j]
        if _BULLET.fullmatch(line) and line.startswith(unit) and not line.startswith(unit * 2):
            return False  # (a child of the day that is no section: a task, a link)
    return False


def _dedent(line: str, unit: str, levels: int) -> str:
    """`line` less `levels` levels of indentation (what it has of them, for a line indented less)."""
    for _ in range(levels):
        if line.startswith(unit):
            line = line[len(unit):]
        else:
            return line.lstrip(" \t") if not line.strip() else line
    return line
