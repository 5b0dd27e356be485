"""Which notes are a chapter's page of a documentation site: a `README.md` in a folder below the root of a site
whose tool shows each folder's README as that folder's page (GitBook, Honkit and mdBook, whose `SUMMARY.md` lists
it as a chapter; MkDocs, Docusaurus, VuePress; Jekyll on GitHub Pages). Such a page holds the chapter's text, so
extraction reads it as any note (`extract.context`); elsewhere a folder's README says what the folder holds. The
site's own README, at its root, is its landing page and stays the repository's README. This module only looks at
the folders, once each."""

from __future__ import annotations

import os

from mlwiki.sources.jekyll import is_jekyll_site
from mlwiki.sources.site_roots import nearest_site

# What a site's root holds, by tool: GitBook's sync config and assets folder, the table of contents GitBook, Honkit
# and mdBook read, mdBook's and Honkit's configs, MkDocs', Docusaurus' and VuePress'
_MARKERS = (".gitbook.yaml", ".gitbook", "SUMMARY.md", "book.toml", "book.json", "mkdocs.yml", "mkdocs.yaml",
            "docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs", ".vuepress")
_README = "readme"


def chapter_page(path: str | os.PathLike, rel: str) -> bool:
    """Whether the note is a folder's README in a documentation site, below the site's root (see the module's
    docstring). `path`: the note's file, `rel`: its path from the wiki's root."""
    name = os.path.basename(rel)
    if name.partition(".")[0].casefold() != _README or "/" not in rel:
        return False  # (every other note, said cheaply; a README at the wiki's root is no folder's page)
    root = nearest_site(_site_root, path, rel)
    return bool(root) and root != os.path.dirname(os.path.abspath(path))


def _site_root(folder: str) -> str:
    """`folder` when it roots a documentation site that shows folders' READMEs as pages; "" when not."""
    if any(os.path.exists(os.path.join(folder, marker)) for marker in _MARKERS) or is_jekyll_site(folder):
        return folder
    return ""
