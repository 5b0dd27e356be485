"""A Docsify page read as Docsify shows it, line for line:

- a one-line paragraph opening `?> ` is Docsify's tip box and one opening `!> ` its warning box: callouts of those
  kinds (a box of several lines is read as its paragraph, so that no line of it is taken for a title);
- a heading's helpers (`## Pooling :id=pooling`, `:docsify-ignore`, `:docsify-ignore-all`, `{docsify-ignore}`,
  `:class=x`) are off it;
- a link's or a picture's options in quotes (`[page](x.md ':ignore')`, `![grid](g.png ':size=300')`) are off it,
  and a link that embeds a file (`[code](pool.py ':include :type=code')`) shows nothing: the file's text is not in
  the note.

Code is never touched. Pure: text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

_BOX = re.compile(r"([ \t]{0,3})([?!])>[ \t]+(?=\S)")
_HEADING_HELPERS = re.compile(r"(?<=\S)(?:[ \t]+:(?:id|class)=\S+|[ \t]+:docsify-ignore(?:-all)?"
                              r"|[ \t]+\{docsify-ignore(?:-all)?\})+[ \t]*$")  # (`{docsify-ignore}`: its older way)
_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]")
# `[text](target ':opt :opt')` or with double quotes; `!` before it for a picture
_OPTIONS = re.compile(r"(!?)\[([^\]\n]*)\]\(([^)\s]+)[ \t]+(['\"])(:[^'\"\n]*)\4\)")
_CUES = ("?> ", "!> ", ":id=", ":docsify-ignore", "{docsify-ignore", ":class=", " ':", ' ":')


def as_docsify_shows(body: str) -> str:
    """`body` with Docsify's boxes, heading helpers and link options read as said above; `body` itself when it
    holds none."""
    if not any(cue in body for cue in _CUES):
        return body
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    for k, line in enumerate(lines):
        if fenced[k]:
            continue
        if _HEADING.match(line):
            line = _HEADING_HELPERS.sub("", line)
        if (box := _BOX.match(line)) and k + 1 < len(lines) and lines[k + 1].strip():
            line = box.group(1) + line[box.end():]  # (a box of several lines: its text, whole, as a paragraph)
        elif box:
            line = f"{box.group(1)}> [!{'tip' if box.group(2) == '?' else 'warning'}] {line[box.end():]}"
        lines[k] = _OPTIONS.sub(_without_options, line)
    return "\n".join(lines)


def _without_options(found: re.Match) -> str:
    """A link or picture without its Docsify options; an embed (`:include`) as nothing."""
    bang, text, target, _, options = found.groups()
    if ":include" in options.split():
        return ""
    return f"{bang}[{text}]({target})"
