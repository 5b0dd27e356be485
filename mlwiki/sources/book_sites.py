"""Which notes are a chapter's page of a documentation site: a `README.md` in a folder below the root of a site
whose tool shows each folder's README as that folder's page (GitBook, Honkit and mdBook, whose `SUMMARY.md` lists
it as a chapter; MkDocs, Docusaurus, VuePress; Jekyll on GitHub Pages). Such a page holds the chapter's text, so
extraction reads it as any note (`extract.context`); elsewhere a folder's README says what the folder holds. The
site's own README, at its root, is its landing page and stays the repository's README. GitHub itself shows a folder's
README as the folder's page: a course-notes repository links each lecture's folder from the README above it
(`[Lecture 2](lec2/)`), and such a folder's README, when the folder is no software package, is the lecture's page
too. This module only looks at the folders, once each."""

from __future__ import annotations

import functools
import os
import re
from urllib.parse import unquote

from mlwiki.sources.jekyll import is_jekyll_site
from mlwiki.sources.site_roots import nearest_site

# What a site's root holds, by tool: GitBook's sync config and assets folder, the table of contents GitBook, Honkit
# and mdBook read, mdBook's and Honkit's configs, MkDocs', Docusaurus' and VuePress'
_MARKERS = (".gitbook.yaml", ".gitbook", "SUMMARY.md", "book.toml", "book.json", "mkdocs.yml", "mkdocs.yaml",
            "docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs", ".vuepress")
_README = "readme"
# A link to a folder beside the README, in Markdown or HTML: `](lec2/)`, `](./lec2)`, `](lec2/README.md#x)`
_FOLDER_LINK = re.compile(r"""(?:\]\(|href=["'])[ \t]*(?:\./)?([^()\s"'/#?]+)(?:/(?:readme\.md)?)?(?:#[^()\s"']*)?[ \t]*[)"']""",
                          re.IGNORECASE)
# What a software package's folder holds: its README is about the package, whoever links to it
_PACKAGE_FILES = ("setup.py", "pyproject.toml", "package.json", "requirements.txt", "Makefile", "Cargo.toml",
                  "CMakeLists.txt", "go.mod", "environment.yml", "Dockerfile")


def chapter_page(path: str | os.PathLike, rel: str) -> bool:
    """Whether the note is a folder's README in a documentation site, below the site's root (see the module's
    docstring). `path`: the note's file, `rel`: its path from the wiki's root."""
    name = os.path.basename(rel)
    if name.partition(".")[0].casefold() != _README or "/" not in rel:
        return False  # (every other note, said cheaply; a README at the wiki's root is no folder's page)
    folder = os.path.dirname(os.path.abspath(path))
    root = nearest_site(_site_root, path, rel)
    if root:
        return root != folder
    return _linked_from_above(folder)


@functools.lru_cache(maxsize=1024)
def _linked_from_above(folder: str) -> bool:
    """Whether the README of the folder above links to `folder` as a page, and `folder` is no software package."""
    parent, name = os.path.split(folder)
    return name in _linked_folders(parent) \
        and not any(os.path.exists(os.path.join(folder, marker)) for marker in _PACKAGE_FILES)


@functools.lru_cache(maxsize=256)
def _linked_folders(folder: str) -> frozenset[str]:
    """The names of the folders that `folder`'s README links to."""
    try:
        readme = next((n for n in os.listdir(folder) if n.casefold() in ("readme.md", "readme.markdown")), None)
        if readme is None:
            return frozenset()
        with open(os.path.join(folder, readme), encoding="utf-8", errors="replace") as file:
            text = file.read(1 << 20)
    except OSError:
        return frozenset()
    return frozenset(unquote(found.group(1)) for found in _FOLDER_LINK.finditer(text))


def _site_root(folder: str) -> str:
    """`folder` when it roots a documentation site that shows folders' READMEs as pages; "" when not."""
    if any(os.path.exists(os.path.join(folder, marker)) for marker in _MARKERS) or is_jekyll_site(folder):
        return folder
    return ""
