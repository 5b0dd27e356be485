"""Roam Research exports and inline `$$…$$` (issue s49, the tune24 Roam judge): a `$$…$$` inside a sentence is
inline math in every format; a Roam page is read as the outline it is — its tasks, block references, embeds,
highlights, tables, headings inside bullets and code fences closed on a code line show as Roam shows them; a page
that only points elsewhere makes no card. Notes written to tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


TREES = NOTES.add({
    "trees.md": (
        "# Decision trees\n\n## Stopping\n\n"
        "- **pure leaf**: a node stops splitting once $$|S| \\le$$ `min_leaf` samples remain in it, whatever "
        "its impurity\n"
        "- **depth cap**: the tree never grows past $$d_{\\max}$$ levels, which bounds the cost of a prediction\n\n"
        "## Impurity\n\nGini impurity of a node:\n\n"
        "Gini: $$G = 1 - \\sum_k p_k^2$$\n")
})


def test_dollar_dollar_inside_a_sentence_is_inline_math_in_a_markdown_note(shared):
    """"a split stops once $$|S| \\le$$ `min_leaf` samples remain" is one sentence with math in it: no formula card
    cut at the math, no "…" in its place; a formula that ends its line after a lead stays a displayed formula."""
    made = shared.backs_by_front(TREES)
    text = _text(made)
    assert "$|S| \\le$" in text and "$d_{\\max}$" in text, made
    assert "$$|S|" not in text and "$$d_" not in text, made  # (inline, nowhere shown as a displayed formula)
    assert any("$$G = 1 - \\sum_k p_k^2$$" in back for back in made.values()), made


MOMENTUM_METHODS = NOTES.add({
    "Momentum Methods.md": (
        "- Type:: [[Method]]\n"
        "- Tags:: #optimization #[[first-order methods]]\n"
        "- ### Momentum\n"
        "    - keeps a running velocity $$v$$ so that steps along a consistent direction grow, while steps that "
        "flip sign cancel out\n"
        "    - #### ^^Nesterov variant^^\n"
        "        - evaluates the gradient at the look-ahead point instead of the current one. See ((Qw3rTy7uI))\n"
        "    - ^^heavy-ball^^ momentum is the classical form, with a fixed coefficient near 0.9\n"
        "- ### Step rules\n"
        "    - {{[[table]]}}\n"
        "        - rule\n"
        "            - update\n"
        "        - plain\n"
        "            - subtract the scaled gradient\n"
        "        - adaptive\n"
        "            - divide by a running root-mean-square of past gradients\n"
        "- {{embed: ((Zx8cVb2nM))}}\n"
        "- {{[[TODO]]}} compare the two variants on a badly conditioned quadratic\n")
})


def test_a_roam_page_shows_no_roam_markup_on_its_cards(shared):
    """Tasks make no card; a block reference's id, an embed, `{{[[table]]}}`, `^^…^^` and a heading marker inside a
    bullet never show; the table's rows are asked as a table's."""
    made = shared.backs_by_front(MOMENTUM_METHODS)
    text = _text(made)
    for leak in ("((", "{{", "^^", "####", "[[TODO]]", "table]]", "Type::"):
        assert leak not in text, (leak, made)
    assert "badly conditioned" not in text, made
    assert "==heavy-ball==" in text and "look-ahead point" in text, made
    assert any("adaptive" in front and "root-mean-square" in back for front, back in made.items()), made


EARLY_STOPPING = NOTES.add({
    "Early Stopping.md": (
        "- ### Idea\n"
        "    - **early stopping** ends training when the validation loss has not improved for a set number of "
        "epochs\n"
        "- ```python\n"
        "  best = min(losses)\n"
        "  # stop = epochs_since_best > patience```\n"
        "- **patience**: how many epochs without improvement are tolerated before training stops\n"
        "- {{[[TODO]]}} try a patience of 20 on the big run\n"),
    "Other.md": "- a note with ^^one highlight^^ only\n"
})


def test_a_code_fence_closed_on_its_last_code_line_leaks_into_no_front(shared):
    """Roam closes a code block with ``` at the end of its last code line: the code ends there, no card's front
    holds that line, and the blocks after it are read as before."""
    made = shared.backs_by_front(EARLY_STOPPING)
    assert not any("```" in front or "patience`" in front for front in made), made
    assert any("early stopping" in front.casefold() for front in made), made
    assert any("tolerated" in back for back in made.values()), made


BACKPROPAGATION = NOTES.add({
    "Backpropagation.md": "- the full derivation lives on [[Chain Rule]] (first written down on [[March 2nd, 2026]])\n",
    "March 2nd, 2026.md": (
        "- #[[study group]] — chain rule\n"
        "    - the chain rule multiplies local derivatives along every path from the loss "
        "back to a weight, and sums over the paths\n"
        "    - [[Automatic Differentiation]] — next lecture\n"
        "- {{[[DONE]]}} redo exercise 3\n"
        "- lunch with Priya re: her thesis → she recommends reverse mode for wide networks\n")
})


def test_a_roam_page_that_only_points_to_another_makes_no_card(shared):
    """"the derivation lives on [[Other page]]" and "[[X]] — next lecture" only say where the matter is, "lunch with
    Priya re: …" is the writer's logistics: no card; nor from a daily page's title, a day and no subject."""
    made = shared.backs_by_front(BACKPROPAGATION)
    text = _text(made)
    assert "lives on" not in text and "exercise 3" not in text, made
    assert "next lecture" not in text and "thesis" not in text, made  # (a pointer, the writer's logistics)
    assert not any(front.startswith("March 2nd") for front in made), made
    assert "sums over the paths" in text, made


RANKING = NOTES.add({
    "ranking.md": (
        "# Ranking baselines\n\n## Random ranker\n\n"
        "* A random ranker scores a hit rate near the share of relevant items $$q = \\frac{R}{R+I}$$, not 1. "
        "So a score of 0.2 is good (if $$q = 0.02$$) or poor (if $$q = 0.3$$). Quote the share beside it.\n")
})


def test_dollar_dollar_in_running_prose_is_inline_even_after_a_comma(shared):
    """A `$$…$$` followed by a comma may be a displayed formula ("$$…$$, where …"); but when the sentence runs on
    past it into more sentences and more formulas ("…, not 1. So a score of 0.2 is good (if $$q = 0.02$$) …"), it is
    prose: every span inline, the line one card's text, none of it lost to a formula card cut at the comma."""
    made = shared.backs_by_front(RANKING)
    text = _text(made)
    assert "$$" not in text
    assert "$q = \\frac{R}{R+I}$, not 1." in text
    assert "good (if $q = 0.02$) or poor" in text
    assert not any(back.lstrip().startswith(")") or "\n)" in back for back in made.values())
