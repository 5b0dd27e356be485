r"""An Org to-do in ox-hugo's export, read as the writer's task, not as a fact.

    ## <span class="org-todo todo TODO">TODO</span> Plot the posterior {#plot}
    Draw the mean and two sigmas; check the band widens away from the data.
      →  nothing: a heading in an open to-do state that bids, as a task does, is work the writer still means to do,
         its section the plan (a heading that names a topic, "TODO Relevance", keeps its section: its facts)
    -   <span class="org-todo todo TODO">TODO</span> rerun with five seeds
      →  `-   [ ] rerun with five seeds`, the task box `selfnotes` already keeps off the cards (`[x]` when DONE)

ox-hugo writes an Org heading's or item's to-do keyword as `<span class="org-todo todo KEYWORD">` (open states)
or `<span class="org-todo done KEYWORD">` (closed ones), or leaves the bare keyword on a heading. A closed heading
(DONE) keeps its section: what was found while doing it is the note. Pure: lines in, lines out, line for line.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import FENCE, fence_closes

_HEADING = re.compile(r"(#{1,6})[ \t]")
# A heading in an open state whose words are a task, an imperative ("Try the tutorial", "Add hypergradient
# methods?"): ox-hugo's span of class "todo", or Org's bare keyword, then a verb that bids (a heading that names a
# topic, "TODO Relevance [1/3]", is a section the writer is still filling with facts: it stays)
_OPEN_HEADING = re.compile(r'#{1,6}[ \t]+(?:<span class="org-todo todo\b[^"<>]*">[^<>]*</span>|'
                           r'(?:TODO|NEXT|WAITING|HOLD))[ \t]*(?:\[#[A-C]\][ \t]*)?'
                           r'(?:try|add|read|write|make|finish|fix|check|compare|plot|implement|look|find|redo|'
                           r're-?run|rewrite|revisit|port|test|draw|ask|email|move|clean)\b', re.I)
# A line or list item that opens on a to-do span: the task box it stands for
_ITEM_TASK = re.compile(r'^([ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?)<span class="org-todo (todo|done)\b[^"<>]*">'
                        r'[^<>]*</span>[ \t]*')


def without_open_tasks(lines: list[str]) -> list[str]:
    """The lines with each section under an open to-do heading that bids left out (its heading and subheadings
    too), and each line or item that opens on a to-do span written as a task box (`[ ]`, `[x]` when closed)."""
    out, fence, under = [], None, 0  # (under: the level of the open to-do heading whose section this is, or 0)
    for line in lines:
        if fence:
            fence = None if fence_closes(line, *fence) else fence
        elif found := FENCE.match(line):
            fence = (found.group(1)[0], len(found.group(1)))
        elif heading := _HEADING.match(line):
            level = len(heading.group(1))
            under = 0 if under and level <= under else under
            under = under or (level if _OPEN_HEADING.match(line) else 0)
        out.append("" if under else _ITEM_TASK.sub(_as_box, line, count=1))
    return out


def _as_box(found: re.Match) -> str:
    return f"{found.group(1)}[{' ' if found.group(2) == 'todo' else 'x'}] "
