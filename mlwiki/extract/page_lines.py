"""Pass 1b of extraction: the classified lines of a note read as its page shows them, before they are grouped into
blocks: HTML tables as the pipe tables they stand for (`html_tables`), link anchors as nothing (`html_anchors`), a
page's property lines under its title as metadata (`page_properties`), its quoted description there as furniture
(`page_description`), a table of the writer's run as its output (`run_tables`), and bold lines alone as titles
(`bold_titles`). Pure: lines in, lines out.
"""

from __future__ import annotations

from mlwiki.extract import html_tables
from mlwiki.extract.bold_titles import mark_bold_titles
from mlwiki.extract.html_anchors import mark_anchors
from mlwiki.extract.line_kinds import Line
from mlwiki.extract.page_description import mark_page_description
from mlwiki.extract.page_properties import mark_page_properties
from mlwiki.extract.run_logs import mark_run_logs
from mlwiki.extract.run_tables import mark_run_tables


def as_shown(lines: list[Line], body: str, title: str, as_before: bool) -> tuple[list[Line], bool]:
    """The lines as the page shows them, and whether a bold line now titles text (then the note's fronts changed and
    its cards keep the ids they had as the note was read before: not with `as_before`, that reading)."""
    if html_tables.may_hold(body):
        lines = html_tables.as_pipe_tables(lines)  # (a `<table>` of rows)
    mark_anchors(lines, body)  # (a line of `<a id="…"></a>` only: a link's target no reader sees)
    mark_page_properties(lines, title, "$frontmatter" in body)  # (Notion's "Tags: …" lines: metadata)
    if ">" in body:
        mark_page_description(lines, body)  # (nbdev's "> …" under the title: the page's description)
    if "|" in body:
        mark_run_tables(lines)  # ("Numbers from my run (pasted):" over a table: one run's output)
        mark_run_logs(lines)  # ("| r2 | RNN | 1.0 | 1.72 |": a log of the writer's runs by id)
    return lines, not as_before and "**" in body and mark_bold_titles(lines)  # ("**Xavier / Glorot**" over text)
