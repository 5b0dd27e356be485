"""A page's properties written as lines under its title, as Notion exports them: metadata, not what it teaches.

Notion writes a page's properties (its database columns) as plain lines right after the page's H1:

    # Matrix factorisation

    Tags: ML, RecSys
    Created: March 19, 2024 9:40 AM
    Status: Done

They are to the page what front matter is to a Markdown note. A paragraph right under the title is read so when every
line of it is `Key: value` and one of the keys is a property such pages carry (so "Bias: …" / "Variance: …" defining
two words under a title stays prose).

A heading written as VitePress's `{{ $frontmatter.title }}` shows the page's title: so it reads.

Pure: lines in, the same lines with those blanked.
"""

from __future__ import annotations

import re

from mlwiki.extract.lines import BLANK, BLANK_LINE, HEADING, TEXT, Line

# One property line: a key of up to four words, a colon, a value
_PROPERTY = re.compile(r"([A-Z][\w'’]*(?: [\w'’]+){0,3}): \S")
# Keys that say the paragraph is a page's properties (Notion's own and those people add to databases)
_PAGE_KEYS = frozenset("""tags created status date type updated author authors category categories topic course
lecture source url due priority area project attendees related class last edited time created by read rating year
venue""".split())
MIN_LINES = 2
# A line of properties: "**Read:** 2025-09-04 · **Status:** read fully · #literature"
_BETWEEN = re.compile(r"[ \t]+[·|•][ \t]+")
_INLINE_PROPERTY = re.compile(r"\*\*([A-Z][\w'’]*(?: [\w'’]+){0,3}):\*\*[ \t]*\S|([A-Z][\w'’]*(?: [\w'’]+){0,3}): \S")
_TAGS = re.compile(r"#[\w/-]+(?:[ \t]+#[\w/-]+)*")
_TITLE_VARIABLE = re.compile(r"\{\{\s*\$frontmatter\.title\s*\}\}")


def mark_page_properties(lines: list[Line], title: str = "", templated: bool = False) -> None:
    """Blank the property lines right after the note's H1 (see the module's docstring); with `templated` (the note
    writes `$frontmatter`), a heading that shows the page's title by a template (VitePress's
    `# {{ $frontmatter.title }}`) reads `title`."""
    if templated:
        for i, line in enumerate(lines):
            if line.kind == HEADING and "{{" in line.text:
                lines[i] = Line(line.no, _TITLE_VARIABLE.sub(lambda _: title, line.text).strip(), HEADING, line.attrs)
    start = after_title(lines)
    if start is None:
        return
    end = start
    while end < len(lines) and lines[end].kind == TEXT and _PROPERTY.match(lines[end].text):
        end += 1
    keys = {lines[i].text.split(":", 1)[0].lower() for i in range(start, end)}
    if end - start < MIN_LINES and (keys := _keys_in_line(lines[start])):
        end = start + 1  # ("**Read:** 2025-09-04 · **Status:** skimmed · #literature": the properties on one line)
    if end - start < MIN_LINES and not (end == start + 1 and keys) or (end < len(lines) and lines[end].kind != BLANK):
        return
    if any(key in _PAGE_KEYS or set(key.split()) <= _PAGE_KEYS for key in keys):
        for i in range(start, end):
            lines[i] = BLANK_LINE  # (as front matter is: no line of any paragraph)


def _keys_in_line(line: Line) -> set[str]:
    """The keys of a line of two properties or more set apart by "·" or "|" (the keys bold, "**Status:** …", or not;
    tags among them); none when any part is no property."""
    parts = _BETWEEN.split(line.text.strip()) if line.kind == TEXT else []
    found = [_INLINE_PROPERTY.match(part) for part in parts if not _TAGS.fullmatch(part)]
    if len(found) < MIN_LINES or not all(found):
        return set()
    return {(match.group(1) or match.group(2)).lower() for match in found}


def after_title(lines: list[Line]) -> int | None:
    """The index of the first line after a note's opening H1 that is not blank; None without one."""
    at = first_filled(lines, 0)
    if at is None or lines[at].kind != HEADING or lines[at].attrs.split(" ")[0] != "1":
        return None
    return first_filled(lines, at + 1)


def first_filled(lines: list[Line], start: int) -> int | None:
    """The index of the first line at or after `start` that is not blank."""
    for i in range(start, len(lines)):
        if lines[i].kind != BLANK:
            return i
    return None
