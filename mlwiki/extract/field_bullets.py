"""An outline's field bullets read as the metadata they are: Tana, Roam and Logseq write a node's fields as child
bullets `- Year:: 2017`, `- Source:: [[Attention Is All You Need #paper]]`, `- Status:: reviewed`. mlwiki reads
`Term :: answer` as a one-line card, so each field was a card ("Year" → "2017"), and a page holding one read its
other bullets as a page of one-line cards (a question bullet over its answer made no card). A field bullet shows
nothing: a bullet whose name is a field's (`_NAMES`) or whose value is only links, tags, dates, numbers or a URL.
A bullet that states something (`- ReLU:: max(0, x) keeps positives`) is left to be the card it is. Pure: a note's
text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

_FIELD = re.compile(r"[ \t]*[-*+][ \t]+(?P<name>[A-Za-z][\w -]{0,30}?)::[ \t]*(?P<value>.*)")
_NAMES = frozenset("""year source sources status author authors type date url link links related tags tag venue
rating priority due created updated modified topic topics area project paper papers citation doi arxiv read
reviewed progress stage owner category categories alias aliases id published journal conference""".split())
_META = re.compile(r"(?:[ \t,;]*(?:\[\[[^\]\n]*\]\]|#[\w/-]+|#\[\[[^\]\n]*\]\]|https?://\S+|\d{4}(?:-\d\d){0,2}|\d+(?:\.\d+)?"
                   r"|\[[^\]\n]*\]\([^)\n]*\)))+[ \t]*")


def without_field_bullets(body: str) -> str:
    """`body` without its outline field bullets (see the module's docstring). A field's line is taken out, not
    blanked (a blank line or an empty bullet there cut the outline in two), and an empty line is added at the end
    for each, so the page keeps its line count."""
    if "::" not in body:
        return body
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    fields = [k for k, line in enumerate(lines) if "::" in line and not fenced[k] and _is_field(line)]
    if not fields:
        return body
    taken = set(fields)
    return "\n".join([line for k, line in enumerate(lines) if k not in taken] + [""] * len(fields))


def _is_field(line: str) -> bool:
    if not (found := _FIELD.fullmatch(line)):
        return False
    name, value = found.group("name").strip().casefold(), found.group("value").strip()
    return name in _NAMES or not value or bool(_META.fullmatch(value))
