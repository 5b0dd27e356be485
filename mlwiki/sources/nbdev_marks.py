"""What nbdev's own marks in a notebook's markdown cells do to the page it builds.

nbdev reads a cell's leading comment lines as directives in every cell, Markdown ones too (`extract_directives`
strips them before the page is built, so a leading `#|` line is never text of the page). nbdev1 hid a markdown cell
that opens on `#hide`, and writers keep marking cells so (`#| hide`, `#|hide`, `# | hide` as a formatter writes it,
nbdev1's `#hide` or `# hide`, Quarto's `#| include: false`) for what they keep beside the page, not on it: their
to-dos, links and stories ("#| hide / Note to self: …"). Such a cell is left out, as a cell tagged `remove-cell`
is. Read as Markdown, the directive was a line of text on a card and the hidden cell's story was carded or glued
onto its neighbour's card.

nbdev also drops a markdown cell that is only a heading ending in " -" (`## Assumptions -`, `rm_header_dash`): the
section stays on the page without its title in the contents. The writer's heading still titles what follows in
the notebook; read as written, its dash ended every front of the section ("… › Assumptions -"). Pure: a cell's
lines in, an answer out.
"""

from __future__ import annotations

import re

# A directive line as nbdev2 reads it (`#|` and its name, spaces allowed around the bar) or as nbdev1 wrote it
# (`#hide`, `# hide`: only the hiding flag, as a markdown cell's first line; a heading "hide" is no writer's)
_DIRECTIVE = re.compile(r"[ \t]*#[ \t]*\|[ \t]*[\w-]+.*|[ \t]*#[ \t]?hide[ \t]*")
_HIDES = re.compile(r"[ \t]*#[ \t]*\|?[ \t]*(?:hide|include[ \t]*:[ \t]*false|remove[-_]cell)[ \t]*:?[ \t]*")
_DASHED_HEADING = re.compile(r"([ \t]{0,3}#{1,6}[ \t]+\S.*?)[ \t]+-[ \t]*")


def directive_lines(lines: list[str]) -> int:
    """How many of a markdown cell's first lines are nbdev directives (`#| hide`, `#| echo: false`, `#hide`)."""
    count = 0
    while count < len(lines) and _DIRECTIVE.fullmatch(lines[count]):
        count += 1
    return count


def hidden(lines: list[str]) -> bool:
    """Whether a markdown cell's directives hide it from the page nbdev builds (`#| hide`, `#| include: false`)."""
    return any(_HIDES.fullmatch(line) for line in lines[:directive_lines(lines)])


def without_heading_dash(lines: list[str]) -> list[str]:
    """A markdown cell that is only a heading ending in " -" (nbdev's mark to keep it out of the contents) with
    the heading as written, without its dash; any other cell as it is."""
    text = [line for line in lines if line.strip()]
    if len(text) != 1 or not (found := _DASHED_HEADING.fullmatch(text[0])):
        return lines
    return [found.group(1) if line is text[0] else line for line in lines]
