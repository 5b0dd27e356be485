"""The titles of a Zettelkasten's notes by their ids, for the notes that link by id (Zettlr's `[[20250904111530]]`):
extraction shows a linked note's title where the link stands for it, never the bare number (`extract.zettel_links`).

A note's id is the timestamp its file name opens with ("20250904111530 MC dropout.md": id → "MC dropout"), else the
`id:` of its front matter (its `title:` then, else its file name). The wiki's files are listed once per process and
root, and only when a note links by id; the front matter is read only when a link names an id no file name holds.
"""

from __future__ import annotations

import functools
import os
import re

from mlwiki.sources.build_folders import note_files, wiki_root

# A link by id alone: a timestamp to the minute or second, the ids Zettlr and the Zettelkasten plugins give
ID_LINK = re.compile(r"\[\[((?:19|20)\d{8}(?:\d{2}){1,2})\]\]")
# A file name that opens with an id, and the title after it ("20250904111530 MC dropout")
_NAMED = re.compile(r"((?:19|20)\d{8}(?:\d{2}){1,2})(?:[ \t_-]+(.*))?")
_SUFFIXES = (".md", ".markdown", ".mdx", ".qmd", ".rmd")
_MAX_FILES = 50_000  # (a wiki this size is listed in a second; past it, a folder mistaken for a wiki)
_HEAD_BYTES = 4096  # front matter that names an id does so in its first lines
_FRONT_ID = re.compile(r"^id:[ \t]*[\"']?((?:19|20)\d{8}(?:\d{2}){1,2})[\"']?[ \t]*$", re.M)
_FRONT_TITLE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.M)


def zettel_titles(path: str | os.PathLike, rel: str, body: str) -> dict[str, str]:
    """{id: title} of the notes the body links to by id (`[[20250904111530]]`), in the wiki the note at `path`
    (`rel` from the wiki's root) belongs to; {} when it links to none (nearly every note: no IO then)."""
    if "[[" not in body:
        return {}
    wanted = set(ID_LINK.findall(body))
    if not wanted:
        return {}
    root = wiki_root(path, rel)
    titles = _named_titles(root)
    if not wanted.issubset(titles):
        titles = {**_front_matter_titles(root), **titles}
    return {key: titles[key] for key in wanted if key in titles}


@functools.lru_cache(maxsize=8)
def _named_titles(root: str) -> dict[str, str]:
    """{id: title} of the notes whose file name opens with their id (a name that is only the id: its front
    matter's title, if any)."""
    titles: dict[str, str] = {}
    for folder, name in note_files(root, _SUFFIXES, _MAX_FILES):
        match = _NAMED.fullmatch(name.rpartition(".")[0])
        if match is None:
            continue
        title = (match.group(2) or "").strip() or _head_title(os.path.join(folder, name))
        if title:
            titles.setdefault(match.group(1), title)
    return titles


@functools.lru_cache(maxsize=8)
def _front_matter_titles(root: str) -> dict[str, str]:
    """{id: title} of the notes whose front matter names their id (`id: 20250904111530`)."""
    titles: dict[str, str] = {}
    for folder, name in note_files(root, _SUFFIXES, _MAX_FILES):
        head = _head(os.path.join(folder, name))
        if not head.startswith("---") or (found := _FRONT_ID.search(head)) is None:
            continue
        titled = _FRONT_TITLE.search(head)
        titles.setdefault(found.group(1), _unquoted(titled.group(1)) if titled else name.rpartition(".")[0])
    return titles


def _head(path: str) -> str:
    """The first bytes of a file as text ('' when it cannot be read), its front matter only."""
    try:
        with open(path, "rb") as file:
            head = file.read(_HEAD_BYTES).decode("utf-8", "replace")
    except OSError:
        return ""
    end = head.find("\n---", 3)
    return head[:end] if head.startswith("---") and end > 0 else ""


def _head_title(path: str) -> str:
    titled = _FRONT_TITLE.search(_head(path))
    return _unquoted(titled.group(1)) if titled else ""


def _unquoted(value: str) -> str:
    value = value.strip()
    return value[1:-1].strip() if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'" else value
