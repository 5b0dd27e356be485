"""A note's text as the tool that wrote it shows it, before extraction reads it as Markdown: an MDX page without
its imports and components, HackMD's tags line, embeds and inserted text, a Jekyll page's kramdown (inline `$$…$$`, Liquid tags, attribute lists) as Markdown,
a Hugo page's shortcodes as the boxes, folds, math and links they show, an outline under one root bullet unwrapped."""

from __future__ import annotations

from mlwiki.extract import hugo
from mlwiki.extract.hackmd import as_hackmd_shows
from mlwiki.extract.kramdown import read_kramdown
from mlwiki.extract.mdx import as_markdown
from mlwiki.extract.root_bullet import unwrapped


def as_its_tool_shows(body: str, is_mdx: bool, kramdown: bool, hugo_page: bool = False) -> tuple[str, str]:
    """(the body as Markdown shows what its tool shows, the body as read before kramdown or Hugo's shortcodes were
    read — "" unless they were: its cards keep the ids that reading gave them). `hugo_page`: its shortcodes are read
    (`extract.hugo`)."""
    body = as_hackmd_shows(as_markdown(body, is_mdx))  # (MDX's imports, comments and components: as shown)
    written = body
    if hugo_page:
        body = hugo.as_markdown(body)  # (a Hugo page: as the site shows it)
    body, as_written = read_kramdown(body, kramdown)  # (a Jekyll page: as the site shows it)
    as_written = written if body != written else as_written
    return unwrapped(body), as_written  # (a note that is one outline under a root bullet: the root is its title)
