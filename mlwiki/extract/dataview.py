"""An Obsidian page that uses Dataview, Templater or the Admonition plugin, read as Obsidian shows it with those
plugins on, line for line (Dataview's inline fields, `[source:: …]`, are metadata, left out where tags are read):

- an inline query, `` `= this.file.name` `` or `` `$= dv.current().x` ``, and a Templater command, `<% … %>`,
  show nothing (what they print is not in the note);
- an Admonition block, ```` ```ad-warning ```` with `title: …` and its text, is the callout `> [!warning] …`, read as
  Obsidian's callouts are (its `collapse:`, `icon:` and `color:` lines show nothing).

Code is never touched (an Admonition block is read before it, being a fence). Pure: the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import fence_closes, fenced_lines

_INLINE_QUERY = re.compile(r"[ \t]*`(?:\$=|=[ \t])[^`\n]*`")  # (not "`==`", an operator)
_TEMPLATER = re.compile(r"<%[-_*]?.*?[-_]?%>")
_AD_OPEN = re.compile(r"([ \t]*)(`{3,}|~{3,})ad-([\w-]+)[ \t]*$")
_AD_OPTION = re.compile(r"[ \t]*(title|collapse|icon|color)[ \t]*:[ \t]*(.*)$")
_CUES = ("`=", "`$=", "<%", "```ad-", "~~~ad-")  # (not "ad-": "read-only", "head-")


def as_dataview_shows(body: str) -> str:
    """`body` with inline queries, Templater commands and Admonition blocks read as said above;
    `body` itself when it holds none."""
    if not any(cue in body for cue in _CUES):
        return body
    lines = _admonitions(body.split("\n"))
    fenced = fenced_lines(lines)
    for k, line in enumerate(lines):
        if not fenced[k] and ("`" in line or "<%" in line):
            lines[k] = _TEMPLATER.sub("", _INLINE_QUERY.sub("", line))
    return "\n".join(lines)


def _admonitions(lines: list[str]) -> list[str]:
    """The lines with each ```` ```ad-kind ```` block as an Obsidian callout of that kind, line for line."""
    k = 0
    while k < len(lines):
        opened = _AD_OPEN.fullmatch(lines[k])
        end = _closing(lines, k, opened.group(2)) if opened else -1
        if end < 0:
            k += 1
            continue
        indent, kind = opened.group(1), opened.group(3)
        title, body_from = "", k + 1
        while body_from < end and (option := _AD_OPTION.fullmatch(lines[body_from])):
            title = option.group(2).strip() if option.group(1) == "title" else title
            lines[body_from] = f"{indent}>"
            body_from += 1
        lines[k] = f"{indent}> [!{kind}]" + (f" {title}" if title else "")
        for at in range(body_from, end):
            lines[at] = f"{indent}> {lines[at][len(indent):]}".rstrip()
        lines[end] = ""
        k = end + 1
    return lines


def _closing(lines: list[str], start: int, fence: str) -> int:
    """The line that closes the fence opened at `start`, else -1."""
    return next((at for at in range(start + 1, len(lines)) if fence_closes(lines[at], fence[0], len(fence))), -1)
