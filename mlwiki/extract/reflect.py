"""A Reflect note exported as Markdown, its titles read as Reflect shows them, line for line.

Reflect gives a note other names by writing them into its title after ` // `: "Variational inference // VI" is the
note Variational inference, also found as VI. The export keeps the title as written, in the note's first heading
and in every `[[…]]` link to it, so fronts read "Variational inference // VI › …". The title is read as the name
with its other names in brackets ("Variational inference (VI)"), and a link shows the name alone. Pure: text in,
the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import map_unfenced

_ALIASED_TITLE = re.compile(r"(#[ \t]+)(\S[^\n]*?)[ \t]+//[ \t]+(\S[^\n]*?)[ \t]*")
_ALIASED_LINK = re.compile(r"\[\[([^\[\]|#\n]+?)[ \t]+//[ \t]+[^\[\]|#\n]+?\]\]")


def as_reflect_shows(body: str) -> str:
    """`body` with Reflect's aliased titles and links to them read as said in the module's docstring; `body` itself
    when it holds none."""
    if " // " not in body:
        return body
    return map_unfenced(body, _read_line)


def _read_line(line: str) -> str:
    if " // " not in line:
        return line
    if title := _ALIASED_TITLE.fullmatch(line):
        others = ", ".join(name.strip() for name in title.group(3).split(" // "))
        return f"{title.group(1)}{title.group(2)} ({others})"
    return _ALIASED_LINK.sub(lambda m: f"[[{m.group(0)[2:-2]}|{m.group(1).strip()}]]", line)
