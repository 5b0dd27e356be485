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
