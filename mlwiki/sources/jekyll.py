"""Which notes are pages of a Jekyll site written in kramdown: a post or draft (a note under a `_posts/` or
`_drafts/` folder), or any note under a folder whose `_config.yml` is a Jekyll site's, unless that config names
another Markdown converter (`markdown: CommonMarkGhPages`). Extraction reads such a page as kramdown does
(`extract.kramdown`: `$$…$$` in a sentence is inline math, Liquid tags and attribute lists are furniture); this
module only looks at the folders, once each."""

from __future__ import annotations

import functools
import os
import re

SITE_CONFIG = "_config.yml"
_POST_FOLDERS = frozenset(("_posts", "_drafts"))
# A key only a Jekyll site's config has at its top level (a Jupyter Book's `_config.yml` has `title`, `execute`,
# `sphinx`, `html: baseurl`, none of these at the margin)
_JEKYLL_KEY = re.compile(r"(?m)^(?:markdown|kramdown|theme|remote_theme|plugins|gems|permalink|collections|"
                         r"paginate|jekyll[\w-]*)[ \t]*:")
_CONVERTER = re.compile(r"(?m)^markdown[ \t]*:[ \t]*[\"']?([\w-]+)")


def kramdown_page(path: str | os.PathLike, rel: str) -> bool:
    """Whether the note is a page of a Jekyll site that kramdown converts. `path`: the note's file, `rel`: its path
    from the wiki's root (no folder above the root is a site the wiki holds)."""
    folder = os.path.dirname(os.path.abspath(path))
    site = _folder_site(folder, rel.count("/"))
    if site:
        return site == "kramdown"
    return any(part in _POST_FOLDERS for part in rel.split("/")[:-1])


@functools.lru_cache(maxsize=1024)
def _folder_site(folder: str, levels: int) -> str:
    """The Markdown converter ("kramdown", or the one its config names) of the Jekyll site whose root is `folder` or
    one of its `levels` folders above it; "" when there is none."""
    site = _site_converter(folder)
    if site or levels <= 0:
        return site
    return _folder_site(os.path.dirname(folder), levels - 1)


def _site_converter(folder: str) -> str:
    try:
        with open(os.path.join(folder, SITE_CONFIG), encoding="utf-8", errors="replace") as config:
            text = config.read(1 << 20)
    except OSError:
        return ""
    if not _JEKYLL_KEY.search(text):
        return ""
    named = _CONVERTER.search(text)
    return named.group(1).casefold() if named else "kramdown"  # (Jekyll's default converter)
