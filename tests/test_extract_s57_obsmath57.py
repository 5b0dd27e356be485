"""A math-heavy Obsidian vault (session 57, obsmath57): titled `> [!example]` callouts that name a result made no
card at all; "Back to [[MOC]] · needs [[X]]" lines were cards; a question heading answered by titled theorem boxes
and a folded proof was one card holding all of them. Notes written to tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _fronts_with(made: dict[str, str], words: str) -> list[str]:
    return [front for front, back in made.items() if words in back]


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


SORTING = NOTES.add({
    "sorting.md": (
        "# Sorting\n\n## Lower bounds\n\nComparison sorts are judged by how many comparisons they make.\n\n"
        "> [!example] Binary insertion\n> Inserting each new key by halving the sorted prefix makes about "
        "$n\\log_2 n$ comparisons, matching the decision-tree bound up to lower-order terms.\n")
})


def test_a_titled_example_callout_that_names_a_result_is_a_card(shared):
    made = shared.backs_by_front(SORTING)
    fronts = _fronts_with(made, "halving the sorted prefix")
    assert fronts and fronts[0].endswith("Binary insertion"), made


SORTING_2 = NOTES.add({
    "sorting.md": (
        "# Sorting\n\n## Lower bounds\n\nComparison sorts are judged by how many comparisons they make.\n\n"
        "> [!example] Eight keys\n> With $n = 8$ keys the bound gives $8 \\cdot 3 = 24$ comparisons at most "
        "for binary insertion on this list.\n")
})


def test_an_example_callout_that_works_on_numbers_stays_out(shared):
    made = shared.backs_by_front(SORTING_2)
    assert not _fronts_with(made, "24 comparisons"), made


HEAPS = NOTES.add({
    "heaps.md": (
        "# Heaps\n\nBack to [[Data structures MOC]] · needs [[Binary trees]], [[Arrays]]\n\n"
        "## Heap property\n\nIn a min-heap every parent key is at most the keys of its two children.\n")
})


def test_a_navigation_line_that_says_what_a_note_needs_is_no_card(shared):
    made = shared.backs_by_front(HEAPS)
    assert not _fronts_with(made, "Binary trees"), made
    assert _fronts_with(made, "every parent key"), made


MATCHINGS = NOTES.add({
    "matchings.md": (
        "# Matchings\n\n## When is a matching maximum?\n\n"
        "> [!theorem] Berge's lemma\n> A matching is maximum exactly when the graph has no augmenting path "
        "for it.\n\n> [!proof]-\n> Flip an augmenting path to grow the matching by one edge; conversely the "
        "symmetric difference with a larger matching holds such a path.\n\n"
        "> [!theorem] König's theorem\n> In a bipartite graph the largest matching has as many edges as the "
        "smallest vertex cover.\n\n**In short**: search for augmenting paths until none is left.\n")
})


def test_titled_theorem_boxes_under_a_question_heading_are_cards_of_their_own(shared):
    made = shared.backs_by_front(MATCHINGS)
    berge = _fronts_with(made, "no augmenting path")
    assert berge == ["Matchings › When is a matching maximum? › Berge's lemma"], made
    assert _fronts_with(made, "smallest vertex cover") == ["Matchings › When is a matching maximum? › König's theorem"]
    question = made["Matchings\n\nWhen is a matching maximum?"]
    assert "until none is left" in question and "vertex cover" not in question and "Flip" not in question, made


METHODS = NOTES.add({
    "methods.md": (
        "# Methods\n\n## Momentum\n\n> [!theorem] Heavy ball\n> $$\n> \\begin{aligned}\n"
        "> v_k &= \\beta v_{k-1} + g_k,\\\\\n> x_{k+1} &= x_k - \\eta v_k,\n> \\end{aligned}\n> $$\n"
        "> with a momentum $\\beta$ near one speeds up descent on ill-conditioned quadratics. On general convex "
        "functions the method can cycle forever without converging.\n\nSome other words follow here.\n")
})


def test_the_rest_of_a_display_sentence_stays_right_under_its_formula(shared):
    made = shared.backs_by_front(METHODS)
    for back in made.values():
        if "with a momentum" in back and "cycle forever" in back:
            assert back.index("with a momentum") < back.index("cycle forever"), back
    assert any("with a momentum" in back for back in made.values()), made
    assert any("cycle forever" in back for back in made.values()), made


TRIES = NOTES.add({
    "tries.md": (
        "# Tries\n\n> [!todo] Unfinished\n> Redo the figure after the second lab. Deletion is not written up "
        "yet at all.\n\n## Lookup\n\nA lookup in a trie follows one edge per character of the key, so it costs "
        "time proportional to the key's length.\n")
})


def test_a_todo_callout_is_no_card(shared):
    made = shared.backs_by_front(TRIES)
    assert not _fronts_with(made, "Redo the figure") and not _fronts_with(made, "not written up"), made
    assert _fronts_with(made, "one edge per character"), made
