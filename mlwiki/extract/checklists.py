"""A checklist's items: a task list under a heading that names a checklist ("## Leakage checklist (things that bit
me)", "### Pre-flight check list") holds the checks themselves, things to know ("- [x] Scaling fitted on the whole
series → fit scalers only on the training window"), not the writer's chores. Ticked or not, each reads as a plain
list item, so its fact is carded as any list's; task lists anywhere else stay the to-dos they are. Pure: text in,
text out, line for line.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

_HEADING = re.compile(r"[ \t]{0,3}(#{1,6})[ \t]+\S")
_CHECKLIST = re.compile(r"(?i)\bcheck[- ]?lists?\b")
_BOX = re.compile(r"([ \t]*(?:[-*+]|\d+[.)])[ \t]+)\[[ xX]\][ \t]+(?=\S)")


def as_checklist_reads(body: str) -> str:
    """`body` with the boxes of the task items under a checklist's heading left out (see the module's doc); `body`
    itself when it has no such heading."""
    if not _CHECKLIST.search(body):
        return body
    lines = body.split("\n")
    level = 0  # (the level of the checklist's heading; 0 outside one)
    for k, fenced in enumerate(fenced_lines(lines)):
        line = lines[k]
        if fenced:
            continue
        if heading := _HEADING.match(line):
            depth = len(heading.group(1))
            if level and depth > level:
                continue  # (a sub-heading of the checklist: its items are checks too)
            level = depth if _CHECKLIST.search(line) else 0
        elif level and (box := _BOX.match(line)):
            lines[k] = box.group(1) + line[box.end():]
    return "\n".join(lines)
