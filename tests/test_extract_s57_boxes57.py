"""Statement boxes with no title (session 57, boxes57): a Quarto `::: {#def-…}` / `::: {#thm-…}` with no name, an
Obsidian `> [!definition]` / `> [!lemma]` with no title and a class-only `::: {.theorem}` each holding one paragraph
made no card at all (their text is no part of their section's). Each is now one card under the section with the
box's kind, or asked by the term it defines; a paragraph of the section's own before it keeps its card. Notes
written to tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _front_of(made: dict[str, str], words: str) -> str:
    fronts = [front for front, back in made.items() if words in back]
    assert len(fronts) == 1, made
    return fronts[0]


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


SORTING = NOTES.add({
    "sorting.md": (
        "# Sorting\n\n## Comparison lower bound\n\n::: {#thm-lower}\nEvery comparison sort needs a number of "
        "comparisons that grows like n log n in the worst case.\n:::\n")
})


def test_an_unnamed_quarto_theorem_box_is_a_card_under_its_kind(shared):
    made = shared.backs_by_front(SORTING)
    assert _front_of(made, "grows like n log n") == "Sorting › Comparison lower bound › Theorem", made


GRAPHS = NOTES.add({
    "graphs.md": (
        "# Graphs\n\n## Clique\n\n::: {#def-clique}\nA clique is a set of vertices in which every two are "
        "joined by an edge.\n:::\n")
})


def test_an_unnamed_quarto_definition_that_defines_the_heading_is_asked_by_its_term(shared):
    made = shared.backs_by_front(GRAPHS)
    assert _front_of(made, "every two are joined") == "Graphs › Clique\n\nWhat is a clique?", made


PROBABILITY = NOTES.add({
    "probability.md": (
        "# Probability\n\n## Union bound\n\n> [!lemma]\n> The chance that any of several events happens is at "
        "most the sum of their chances.\n\n## Titled\n\n> [!definition] Martingale\n> A sequence whose next "
        "value has expectation equal to the current one given the past.\n")
})


def test_an_untitled_obsidian_statement_callout_is_a_card(shared):
    made = shared.backs_by_front(PROBABILITY)
    assert _front_of(made, "at most the sum of their chances") == "Probability › Union bound › Lemma", made
    assert _front_of(made, "expectation equal to the current") == "Probability › Titled › Martingale", made


OPT = NOTES.add({
    "opt.md": (
        "# Optimisation\n\n## Strong convexity\n\nA strongly convex function curves upward at least as fast "
        "as a fixed quadratic everywhere.\n\n::: {.theorem}\nA strongly convex function has exactly one "
        "minimiser on a closed convex set.\n:::\n")
})


def test_a_class_only_theorem_div_after_the_sections_prose_is_a_card_of_its_own(shared):
    made = shared.backs_by_front(OPT)
    assert made.get("Optimisation › Strong convexity", "").startswith("A strongly convex function curves"), made
    assert "exactly one minimiser" not in made.get("Optimisation › Strong convexity", ""), made
    assert _front_of(made, "exactly one minimiser") == "Optimisation › Strong convexity › Theorem", made


ALGEBRA = NOTES.add({
    "algebra.md": (
        "# Algebra\n\n## Rank\n\n::: {.proof}\nReduce the matrix to echelon form and count the pivots that "
        "remain after the elimination.\n:::\n")
})


def test_an_untitled_box_of_a_remark_kind_is_not_a_statement(shared):
    """A class-only `::: {.remark}` or `{.proof}` states no fact of its own kind: no card under "Remark"."""
    made = shared.backs_by_front(ALGEBRA)
    assert not any(front.endswith(("› Proof", "› Remark")) for front in made), made
