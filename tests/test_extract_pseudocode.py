"""Pseudocode under a heading that names an algorithm stays on the section's card (pseudocode.py): its steps are what
the section teaches; a snippet in a language beside a fact stays off."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

NOTE = """# Graph search

## the algorithm (Dijkstra)

works on any graph with nonnegative edge weights, directed or not.

```
Dijkstra(G, source s):
    for each v in V: d[v] ← ∞
    d[s] ← 0;  Q ← V
    while Q not empty:
        u ← the vertex of Q with the smallest d[u]
        for each edge (u, v): d[v] ← min(d[v], d[u] + w(u, v))
    return d
```

With a binary heap the whole run costs $O((V + E) \\log V)$, which a Fibonacci heap lowers to $O(E + V \\log V)$.

## in code

networkx gives the distances from one source in one call.

```python
lengths = nx.single_source_dijkstra_path_length(G, source)
total = sum(lengths.values())
```
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


SEARCH = NOTES.add({"search.md": NOTE})


def test_pseudocode_stays_on_its_sections_card_and_a_snippet_does_not(shared):
    cards = shared.backs_by_front(SEARCH)
    said = cards.get("Graph search › the algorithm (Dijkstra)", "")
    assert "d[v] ← min(d[v], d[u] + w(u, v))" in said and "Fibonacci heap" in said, cards
    assert not any("single_source_dijkstra_path_length" in back for back in cards.values()), cards
