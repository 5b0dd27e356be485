"""Which notes are pages of a Logseq graph: a folder holding `logseq/config.edn` is a graph's root, and every note
under it (its `pages/`, its `journals/`) one of its pages. Extraction reads such a page as the outline Logseq shows
(`extract.logseq`); this module only looks at the folders, once each."""

from __future__ import annotations

import os
import re

from mlwiki.sources.site_roots import nearest_site

GRAPH_FOLDER = "logseq"
GRAPH_CONFIG = "config.edn"
# The graph names its files as Logseq does since 0.8 (`rnn___lstm.md` for the page rnn/lstm); without this line, the
# older way (`rnn.lstm.md`)
_TRIPLE_LOWBAR = re.compile(r":file/name-format\s+:triple-lowbar")


def logseq_style(path: str | os.PathLike, rel: str) -> str:
    """How the Logseq graph a note is a page of names its files, "triple-lowbar" or "legacy"; "" when the note is
    in no graph. `path`: the note's file, `rel`: its path from the wiki's root."""
    return nearest_site(_graph_style, path, rel)


def _graph_style(folder: str) -> str:
    try:
        with open(os.path.join(folder, GRAPH_FOLDER, GRAPH_CONFIG), encoding="utf-8", errors="replace") as config:
            text = config.read(1 << 20)
    except OSError:
        return ""
    return "triple-lowbar" if _TRIPLE_LOWBAR.search(text) else "legacy"


def is_graph_folder(folder: str | os.PathLike) -> bool:
    """Whether a folder is a graph's own `logseq/` folder (its config, and the backups of its pages, which are no
    notes)."""
    return os.path.basename(os.fspath(folder)) == GRAPH_FOLDER and \
        os.path.isfile(os.path.join(folder, GRAPH_CONFIG))
