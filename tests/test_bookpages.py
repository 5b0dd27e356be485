"""A book's talk about itself and its cross-references (issue 23): a Quarto book's preface lists its parts and says how
it is built, which is no study material; a reference to a statement or section reads as that block's own title when
the note gives it one, else as its kind ("the theorem"), never as its label's words. Notes of my own, read through
the extract API."""

from __future__ import annotations

from mlwiki.extract import NoteContext, extract


def _cards(body: str, path: str = "ch.qmd"):
    return extract(body, NoteContext(path=path, file_type="qmd", sections=True, definitions=True)).cards


def _text(body: str, path: str = "ch.qmd") -> str:
    return "\n".join(c.front + "\n" + c.back for c in _cards(body, path))


PREFACE = """# Preface {.unnumbered}

Course notes on graph algorithms, written as a book so the figures render next to the text.

## How the book is organised {.unnumbered}

- **Part I — Traversal.** Breadth-first and depth-first search (@sec-bfs), and what each finds first (@sec-order).
- **Part II — Shortest paths.** Dijkstra (@sec-dijkstra) and why negative edges break it (@sec-negative).

## The main lesson {.unnumbered}

- A greedy choice is safe exactly when no later edge can make an earlier decision cheaper, which is why Dijkstra
  needs non-negative weights.
- Most graph algorithms are one traversal with a different rule for which vertex to visit next.

## Building {.unnumbered}

`quarto preview` while editing and `quarto render` for the site; `_quarto.yml` freezes the slow chunks.
"""


def test_a_books_table_of_contents_and_its_build_are_no_cards():
    text = _text(PREFACE, "index.qmd")
    assert "Traversal" not in text and "Shortest paths" not in text, text
    assert "quarto" not in text and "Building" not in text, text
    assert "greedy choice is safe" in text, text  # (what the preface teaches stays)


def test_a_section_named_building_about_the_subject_stays():
    note = ("# Decision trees\n\nA tree splits the data on one feature at a time.\n\n## Building\n\nAt each node "
            "the split with the largest drop in impurity is chosen, and growth stops at a minimum leaf size.\n")
    assert "largest drop in impurity" in _text(note), _text(note)


def test_a_reference_to_another_pages_statement_reads_as_its_kind_never_its_label():
    note = ("# Negative edges\n\n## Why Dijkstra fails\n\nFrom @thm-greedy-safe: a settled vertex is final only if "
            "no edge is negative. So with a negative edge a settled vertex can still get cheaper, and the order "
            "breaks, see @sec-order-proof.\n\n## Bellman-Ford\n\nRelaxing every edge $|V|-1$ times finds all shortest "
            "paths (@sec-relaxation), and a further pass that still relaxes an edge — @sec-cycles — shows a negative "
            "cycle.\n")
    text = _text(note)
    assert "greedy safe" not in text and "order proof" not in text and "relaxation section" not in text, text
    assert "@" not in text and "cycles" not in text, text
    assert "From the theorem: a settled vertex is final" in text, text
    assert "and the order breaks." in text, text  # (", see …" only said where the rest is)
    assert "finds all shortest paths, and a further pass that still relaxes an edge shows a negative cycle" in text, text


def test_a_reference_to_a_titled_statement_of_the_note_reads_as_its_title():
    note = ("# Shortest paths\n\n::: {#thm-settled}\n## Settled vertices are final\nWith non-negative weights, the "
            "vertex Dijkstra settles next has its shortest distance already.\n:::\n\n::: {#lem-relax name=\"Relaxation "
            "keeps an upper bound\"}\nAfter any relaxation each label is at least the true distance.\n:::\n\n"
            "## Correctness\n\nBy @thm-settled, and since @lem-relax holds at every step, each label ends exact.\n")
    text = _text(note)
    assert 'By Theorem "Settled vertices are final", and since Lemma "Relaxation keeps an upper bound" holds' in text, \
        text


def test_a_myst_role_to_another_pages_statement_reads_as_its_kind():
    note = ("# Flows\n\nThe max-flow value equals the min-cut capacity, which follows from {prf:ref}`thm-augmenting` "
            "once no augmenting path is left.\n")
    text = _text(note, "flows.md")
    assert "follows from the theorem once no augmenting path" in text, text


def test_a_pages_banner_picture_is_off_its_opening_card():
    opening = ("# Minimum spanning trees\n\nCut property: the lightest edge across any cut belongs to some minimum "
               "spanning tree.\n\n![Hand drawing of a small weighted graph](art/mst.png){#fig-mst width=60%}\n\n"
               "## Kruskal\n\nSort the edges and add each one that joins two components.\n")
    cards = {c.front: c.back for c in _cards(opening)}
    assert cards["Minimum spanning trees"].endswith("belongs to some minimum spanning tree."), cards
    spoken = opening.replace("Cut property:", "As the drawing below shows, by the cut property")
    assert "mst.png" in _text(spoken), _text(spoken)  # (the text speaks of it: part of the answer)


def test_a_reference_after_its_kind_in_words_reads_once():
    note = ("# Shortest paths\n\n::: {#thm-settled}\n## Settled vertices are final\nWith non-negative weights, the "
            "vertex settled next has its shortest distance already.\n:::\n\n## Correctness\n\nTheorem -@thm-settled "
            "fails with a negative edge, and Chapter -@sec-bellman-ford repairs it by relaxing every edge again.\n")
    text = _text(note)
    assert 'Theorem "Settled vertices are final" fails with a negative edge, and the chapter repairs it' in text, text
