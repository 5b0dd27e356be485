"""Obsidian pages that use Dataview, Templater, Admonition and Excalidraw (session 51), read as Obsidian shows them
with those plugins on. Notes written to tmp_path, read through the CLI."""

from __future__ import annotations

import pytest


from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nsections = true\n[review]\ntimezone = "UTC"\n'

NOTE = """---
tags: [ml/clustering]
---
Type:: algorithm

Agglomerative clustering starts from singletons and merges the two closest clusters until one is left
[cost:: quadratic memory in n], and the linkage decides what closest means (linkage:: ward).

```ad-warning
title: Single linkage chains
collapse: open
Single linkage joins clusters through one close pair, so a thin bridge of points glues two blobs together.
```

Clusters so far: `$= dv.pages("#ml/clustering").length` and `= this.file.name`; compare with `==` in code.
Written <% tp.date.now("YYYY-MM-DD") %>.
"""

DRAWING = """---
excalidraw-plugin: parsed
tags: [excalidraw]
---
==⚠  Switch to EXCALIDRAW VIEW in the MORE OPTIONS menu of this document. ⚠==

# Text Elements
dendrogram cut ^a1b2c3

%%
# Drawing
```json
{"type": "excalidraw"}
```
%%
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


AGGLOMERATIVE_CLUSTERING = NOTES.add({
    "Agglomerative clustering.md": NOTE,
    "Linkages.excalidraw.md": DRAWING
})


def test_dataview_fields_queries_and_admonitions_read_as_obsidian_shows_them(shared):
    made = shared.cards(AGGLOMERATIVE_CLUSTERING)
    text = "\n".join(c["front"] + "\n" + c["back"] for c in made)
    assert "merges the two closest clusters" in text and "quadratic memory" not in text, text  # (fields: metadata)
    assert "::" not in text and "dv.pages" not in text and "this.file" not in text and "<%" not in text, text
    assert "`==`" in text, text  # (an operator in code is no query)
    box = next(c for c in made if "thin bridge of points" in c["back"])
    assert box["front"].endswith("Single linkage chains") and "collapse" not in box["back"], box
    assert "EXCALIDRAW" not in text and "dendrogram cut" not in text, text
