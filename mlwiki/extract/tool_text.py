"""A note's text as the tool that wrote it shows it, before extraction reads it as Markdown: an MDX page without
its imports and components, HackMD's tags line, embeds and inserted text, GitBook's blocks (hints, tabs, embeds) and
heading anchors, a Jekyll page's kramdown (inline `$$…$$`, Liquid tags, attribute lists) as Markdown, an outline
under one root bullet unwrapped."""

from __future__ import annotations

from mlwiki.extract.gitbook import as_gitbook_shows
from mlwiki.extract.hackmd import as_hackmd_shows
from mlwiki.extract.kramdown import read_kramdown
from mlwiki.extract.mdx import as_markdown
from mlwiki.extract.root_bullet import unwrapped


def as_its_tool_shows(body: str, is_mdx: bool, kramdown: bool, gitbook: bool = True) -> tuple[str, str]:
    """(the body as Markdown shows what its tool shows, the body as read before GitBook's blocks and kramdown were
    read — "" unless they were: its cards keep the ids that reading gave them). `gitbook`: GitBook's blocks are
    read (not when the note is read as before, for those ids)."""
    body = as_hackmd_shows(as_markdown(body, is_mdx))  # (MDX's imports, comments and components: as shown)
    written = body
    body = as_gitbook_shows(body) if gitbook else body  # (a GitBook page: hints, tabs and embeds as it shows them)
    body, _ = read_kramdown(body, kramdown)  # (a Jekyll page: as the site shows it)
    return unwrapped(body), (written if body != written else "")  # (one outline under a root bullet: the root titles it)
