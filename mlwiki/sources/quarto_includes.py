"""Where a Quarto partial is shown: a file whose name starts with `_` (`sections/_dags.qmd`) is never a page of its
own; Quarto renders it inside the documents that include it, `{{< include sections/_dags.qmd >}}` under their
title and headings. The heading path at that spot ("Causal inference for ML › Causal graphs") is what the partial
is about, as its reader sees it; its file name ("dags") is a slug. Found once per process and wiki root, and only
for a partial (nearly every note is none: no IO then).
"""

from __future__ import annotations

import functools
import os
import re

from mlwiki.sources.build_folders import note_files, wiki_root

_SUFFIXES = (".qmd", ".md", ".rmd")
_MAX_FILES = 20_000  # (past it, a folder mistaken for a wiki: no partial is looked for)
_MAX_BYTES = 2_000_000
_INCLUDE = re.compile(r"^[ \t]*\{\{<[ \t]*include[ \t]+[\"']?([^\s\"'>]+)[\"']?[ \t]*>\}\}[ \t]*$", re.M)
_HEADING = re.compile(r"(#{1,6})[ \t]+(.+?)[ \t]*(?:\{[^{}]*\})?[ \t]*#*[ \t]*$")  # ("## Causal graphs {#sec-dags}")
_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")
_TITLE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.M)


def is_partial(rel: str) -> bool:
    """Whether a note file is a Quarto partial: its name starts with `_` (Quarto renders no such file alone)."""
    name = rel.rsplit("/", 1)[-1]
    return name[:1] == "_" and name.lower().endswith(_SUFFIXES) and len(name) > 4


def included_under(path: str | os.PathLike, rel: str) -> str:
    """The title and heading path of the spot where another note of the wiki includes the partial at `path` (`rel`
    from the wiki's root): "Title › Heading"; '' when none includes it, or it is no partial."""
    if not is_partial(rel):
        return ""
    root = wiki_root(path, rel)
    return _spots(root).get(os.path.normpath(os.path.abspath(path)), "")


@functools.lru_cache(maxsize=8)
def _spots(root: str) -> dict[str, str]:
    """{partial's absolute path: "Title › Heading"} of every include in the wiki at root (the first one wins)."""
    spots: dict[str, str] = {}
    files = note_files(root, _SUFFIXES, _MAX_FILES)
    for folder, name in files[:_MAX_FILES]:
        text = _read(os.path.join(folder, name))
        if "include" not in text or not _INCLUDE.search(text):
            continue
        for target, spot in heading_paths_of_includes(text):
            # (a path from the project's root starts with "/"; any other is from the including file's folder)
            full = os.path.normpath(os.path.join(root, target[1:]) if target[:1] == "/" else os.path.join(folder, target))
            if spot:
                spots.setdefault(full, spot)
    return spots


def _read(path: str) -> str:
    try:
        if os.path.getsize(path) > _MAX_BYTES:
            return ""
        with open(path, "rb") as file:
            return file.read().decode("utf-8", "replace")
    except OSError:
        return ""


def heading_paths_of_includes(text: str) -> list[tuple[str, str]]:
    """(included path, "Title › Heading › …") of each `{{< include … >}}` line of a document's text, outside code:
    its front matter's title, then the headings open above the line. Pure."""
    title = ""
    lines = text.split("\n")
    start = 0
    if lines and lines[0].strip() == "---":
        end = next((k for k in range(1, len(lines)) if lines[k].strip() in ("---", "...")), 0)
        if end and (found := _TITLE.search("\n".join(lines[1:end]))):
            title = found.group(1).strip().strip("\"'").strip()
        start = end + 1 if end else 0
    headings: list[tuple[int, str]] = []
    found_includes: list[tuple[str, str]] = []
    fence = ""
    for line in lines[start:]:
        opened = _FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
            continue
        if opened:
            fence = opened.group(1)
            continue
        if line[:1] == "#" and (heading := _HEADING.match(line)):
            level = len(heading.group(1))
            headings = [h for h in headings if h[0] < level] + [(level, heading.group(2).strip())]
        elif "{{<" in line and (include := _INCLUDE.match(line)):
            path = [title] if title else []
            path += [h for _, h in headings if h and h != (path[-1] if path else None)]
            found_includes.append((include.group(1), " › ".join(path)))
    return found_includes
