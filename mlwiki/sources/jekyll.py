"""Which notes are pages of a Jekyll site written in kramdown: a post or draft (a note under a `_posts/` or
`_drafts/` folder), or any note under a folder whose `_config.yml` is a Jekyll site's, unless that config names
another Markdown converter (`markdown: CommonMarkGhPages`). Extraction reads such a page as kramdown does
(`extract.kramdown`: `$$…$$` in a sentence is inline math, Liquid tags and attribute lists are furniture); this
module only looks at the folders, once each."""

from __future__ import annotations

import os
import re

from mlwiki.sources.site_roots import nearest_site

SITE_CONFIG = "_config.yml"
_POST_FOLDERS = frozenset(("_posts", "_drafts"))
# A key only a Jekyll site's config has at its top level (a Jupyter Book's `_config.yml` has `title`, `execute`,
# `sphinx`, `html: baseurl`, none of these at the margin)
_JEKYLL_KEY = re.compile(r"(?m)^(?:markdown|kramdown|theme|remote_theme|plugins|gems|permalink|collections|"
                         r"paginate|jekyll[\w-]*)[ \t]*:")
_CONVERTER = re.compile(r"(?m)^markdown[ \t]*:[ \t]*[\"']?([\w-]+)")


def kramdown_page(path: str | os.PathLike, rel: str) -> bool:
    """Whether the note is a page of a Jekyll site that kramdown converts. `path`: the note's file, `rel`: its path
    from the wiki's root."""
    site = nearest_site(_site_converter, path, rel)
    if site:
        return site == "kramdown"
    return any(part in _POST_FOLDERS for part in rel.split("/")[:-1])


def is_jekyll_site(folder: str) -> bool:
    """Whether `folder` holds a Jekyll site's `_config.yml`."""
    return bool(_site_converter(folder))


def _site_converter(folder: str) -> str:
    """The Markdown converter of the Jekyll site rooted at `folder` ("kramdown", or the one its config names); ""
    when no Jekyll config is there."""
    try:
        with open(os.path.join(folder, SITE_CONFIG), encoding="utf-8", errors="replace") as config:
            text = config.read(1 << 20)
    except OSError:
        return ""
    if not _JEKYLL_KEY.search(text):
        return ""
    named = _CONVERTER.search(text)
    return named.group(1).casefold() if named else "kramdown"  # (Jekyll's default converter)
