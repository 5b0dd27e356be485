"""A note's text as the tool that wrote it shows it, before extraction reads it as Markdown: an MDX page without
its imports and components, HackMD's tags line, embeds and inserted text, a Jekyll page's kramdown (inline `$$…$$`, Liquid tags, attribute lists) as Markdown,
`$$…$$` inside a line of words as inline math (`inline_dollars`),
an outline under one root bullet unwrapped."""

from __future__ import annotations

from mlwiki.extract.hackmd import as_hackmd_shows
from mlwiki.extract.inline_dollars import inline_dollars
from mlwiki.extract.kramdown import read_kramdown
from mlwiki.extract.mdx import as_markdown
from mlwiki.extract.root_bullet import unwrapped


def as_its_tool_shows(body: str, is_mdx: bool, kramdown: bool, as_before: bool = False) -> tuple[str, str]:
    """(the body as Markdown shows what its tool shows, the body as read before kramdown or its inline `$$…$$` were
    read — "" unless they were: its cards keep the ids that reading gave them). `as_before`: the body as read before
    (no inline `$$…$$` read)."""
    body = as_hackmd_shows(as_markdown(body, is_mdx))  # (MDX's imports, comments and components: as shown)
    body, as_written = read_kramdown(body, kramdown)  # (a Jekyll page: as the site shows it)
    if not kramdown and not as_before and (inline := inline_dollars(body)) != body:
        body, as_written = inline, body  # (`$$…$$` inside a sentence: inline math, in every format)
    return unwrapped(body), as_written  # (a note that is one outline under a root bullet: the root is its title)
