"""A question log's answered questions: a running list of questions for office hours or the TA, each ticked once it
is answered and its answer written under it ("- [x] Is dropout still used in CNNs?" over an indented "- Rarely
inside conv stacks …"). The tick is the writer's bookkeeping, not a chore: each such item reads as a plain
question item over its answer, so the question and its answer make a card of their own, as an unticked list's
"- Why …?" over its answer does. An open box ("- [ ] Why …? Check with TA.") is still the writer's open question,
and a ticked item that asks nothing or has nothing under it stays the task it is. Pure: text in, text out, line
for line.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

_TICKED = re.compile(r"([ \t]*(?:[-*+]|\d+[.)])[ \t]+)\[[xX]\][ \t]+(?=\S)")
_INDENT = re.compile(r"[ \t]*")


def answered_as_asked(body: str) -> str:
    """`body` with the box of each ticked question item that has its answer indented under it left out (see the
    module's doc); `body` itself when it holds no ticked box."""
    if "[x]" not in body and "[X]" not in body:
        return body
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    for k, line in enumerate(lines):
        if fenced[k] or not (box := _TICKED.match(line)):
            continue
        asked = line[box.end():].rstrip()
        if asked.endswith("?") and _answered_below(lines, fenced, k, len(box.group(1)) - len(box.group(1).lstrip())):
            lines[k] = box.group(1) + line[box.end():]
    return "\n".join(lines)


def _answered_below(lines: list[str], fenced: list[bool], k: int, indent: int) -> bool:
    """Whether the first non-blank line after line k is indented deeper than the item's marker (`indent`): its
    answer, written under it."""
    for j in range(k + 1, len(lines)):
        if not lines[j].strip():
            continue
        if fenced[j]:
            return False
        return len(_INDENT.match(lines[j]).group(0).expandtabs(4)) > indent
    return False
