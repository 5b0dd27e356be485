"""An outline's field bullets read as the metadata they are: Tana, Roam and Logseq write a node's fields as child
bullets `- Year:: 2017`, `- Source:: [[Attention Is All You Need #paper]]`, `- Status:: reviewed`. mlwiki reads
`Term :: answer` as a one-line card, so each field was a card ("Year" → "2017"), and a page holding one read its
other bullets as a page of one-line cards (a question bullet over its answer made no card). A field bullet shows
nothing (it stays an empty bullet, so the outline's list is not cut there): a bullet whose name is a field's (`_NAMES`) or whose value is only links, tags, dates, numbers or a URL.
A bullet that states something (`- ReLU:: max(0, x) keeps positives`) is left to be the card it is. Pure: a note's
text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import map_unfenced

_FIELD = re.compile(r"[ \t]*[-*+][ \t]+(?P<name>[A-Za-z][\w -]{0,30}?)::[ \t]*(?P<value>.*)")
_NAMES = frozenset("""year source sources status author authors type date url link links related tags tag venue
rating priority due created updated modified topic topics area project paper papers citation doi arxiv read
reviewed progress stage owner category categories alias aliases id published journal conference""".split())
_META = re.compile(r"(?:[ \t,;]*(?:\[\[[^\]\n]*\]\]|#[\w/-]+|#\[\[[^\]\n]*\]\]|https?://\S+|\d{4}(?:-\d\d){0,2}|\d+(?:\.\d+)?"
                   r"|\[[^\]\n]*\]\([^)\n]*\)))+[ \t]*")


def without_field_bullets(body: str) -> str:
    """`body` with each outline field bullet (see the module's docstring) made an empty line."""
    if "::" not in body:
        return body
    return map_unfenced(body, _read)


def _read(line: str) -> str:
    if "::" not in line or not (found := _FIELD.fullmatch(line)):
        return line
    name, value = found.group("name").strip().casefold(), found.group("value").strip()
    if name in _NAMES or not value or _META.fullmatch(value):
        return line[:found.start("name")].rstrip()  # (an empty bullet: the outline's list goes on past it)
    return line
