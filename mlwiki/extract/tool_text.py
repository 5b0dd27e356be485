"""A note's text as the tool that wrote it shows it, before extraction reads it as Markdown: an MDX page without
its imports and components, HackMD's tags line, embeds and inserted text, a Jekyll page's kramdown (inline `$$…$$`, Liquid tags, attribute lists) as Markdown,
an outline under one root bullet unwrapped."""

from __future__ import annotations

from mlwiki.extract.hackmd import as_hackmd_shows
from mlwiki.extract.kramdown import read_kramdown
from mlwiki.extract.mdx import as_markdown
from mlwiki.extract.root_bullet import unwrapped


def as_its_tool_shows(body: str, is_mdx: bool, kramdown: bool) -> tuple[str, str]:
    """(the body as Markdown shows what its tool shows, the body as read before kramdown was read — "" unless it was:
    its cards keep the ids that reading gave them)."""
    body = as_hackmd_shows(as_markdown(body, is_mdx))  # (MDX's imports, comments and components: as shown)
    body, as_written = read_kramdown(body, kramdown)  # (a Jekyll page: as the site shows it)
    return unwrapped(body), as_written  # (a note that is one outline under a root bullet: the root is its title)
