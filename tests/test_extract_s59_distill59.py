"""Posts of a distill blog (R Markdown's `distill::distill_article`) read as distill shows them, and what such
posts' writers write (session 59): `<aside>` margin content, layout divs, inline footnotes wrapped over lines, a
navigation line, a citation key opening a line, run-in heads with a colon, the writer's "It isn't.". Every note is
written to one wiki in tmp_path, scanned once through the CLI (`cards --json`); each test reads the cards of its
own note."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("distill59"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _made(cards: list[dict], rel: str) -> dict[str, str]:
    """{front: back} of the cards of the note `rel`."""
    return {c["front"]: c["back"] for c in cards if c["source"]["path"] == f"notes/{rel}"}


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


BOOSTING = (
    "---\ntitle: \"Gradient boosting, slowly\"\ndescription: |\n  What shrinkage and subsampling do.\n"
    "author:\n  - name: A. Writer\ndate: 03-11-2025\noutput:\n  distill::distill_article:\n"
    "    self_contained: false\n---\n\n"
    "## Shrinkage\n\n"
    "Each new tree is added with a small learning rate $\\nu$, so the ensemble\n"
    "moves only part of the way toward the new fit.\n\n"
    "<aside>\nLearning rate: values between 0.01 and 0.1 are the usual range in practice.\n</aside>\n\n"
    "Smaller steps need more trees but generalise better.\n\n"
    "<aside>\nThis is why early stopping on a validation set matters so much here.\n</aside>\n\n"
    "## Subsampling\n\n"
    "::: {.l-body-outset}\nStochastic gradient boosting fits each tree on a random half of the rows,\n"
    "which decorrelates the trees and lowers variance.\n:::\n\n"
    "<aside>Row subsampling and column subsampling are easy to confuse.</aside>\n")
NOTES["_posts/2025-03-11-boosting/boosting.Rmd"] = BOOSTING


def test_distill_aside_is_a_margin_note_under_its_section(cards):
    """distill's `<aside>` is margin content beside the section: one that states a fact is a card under the
    section named by its label ("… › Shrinkage › Learning rate"), not a callout titled "Note"; one that only points
    back at the text ("This is why …") makes no card "What is This?"."""
    made = _made(cards, "_posts/2025-03-11-boosting/boosting.Rmd")
    assert made.get("Gradient boosting, slowly › Shrinkage › Learning rate") == \
        "values between 0.01 and 0.1 are the usual range in practice."
    assert not any("Note" in front or "This?" in front for front in made)
    assert "<aside>" not in _text(made)


def test_distill_one_line_aside_is_asked_by_its_subject(cards):
    """`<aside>Row … are easy to confuse.</aside>` on one line is a margin note too: asked by its subject, not
    "What are … easy to?", and no callout "Note: …"."""
    made = _made(cards, "_posts/2025-03-11-boosting/boosting.Rmd")
    fronts = [front for front, back in made.items() if back == "Row subsampling and column subsampling are easy to confuse."]
    assert fronts and fronts[0].endswith("Row subsampling and column subsampling are …")
    assert not any(front.endswith(" to?") for front in made)


def test_distill_layout_div_shows_its_text(cards):
    """A layout div (`::: {.l-body-outset}`) only widens its text: the text is the section's card, the fences are
    on none."""
    made = _made(cards, "_posts/2025-03-11-boosting/boosting.Rmd")
    assert made.get("Gradient boosting, slowly › Subsampling", "").startswith(
        "Stochastic gradient boosting fits each tree on a random half of the rows")
    assert ":::" not in _text(made) and "l-body" not in _text(made)


TREES = (
    "---\ntitle: \"Decision trees\"\nbibliography: refs.bib\n---\n\n"
    "Back to the [overview](../overview/).\n\n"
    "## Splitting\n\n"
    "A split is chosen to reduce impurity the most, as in CART\n[@breiman1984]; the greedy search never revisits a "
    "split.\n\n"
    "For years I assumed deeper trees always overfit. They don't. The depth that\n"
    "overfits depends on how many samples reach each leaf.\n\n"
    "Gini impurity is cheaper than entropy to compute and picks nearly the same\n"
    "splits.^[Both are concave in the class proportions, which is\nwhat makes a split never increase the weighted "
    "impurity.]\n\n"
    "Pruning by cost-complexity removes the subtrees whose impurity gain does not\n"
    "pay for their size.^[I only half follow the proof of the nested sequence,\nso I skip it here.]\n\n"
    "## Two ways to stop\n\n"
    "**Pre-pruning: a depth limit.** The tree stops growing once it reaches the\n"
    "limit, whatever the data still says.\n\n"
    "**Post-pruning: cost complexity.** The full tree is grown first and then cut\n"
    "back to the subtree with the best penalised error.\n")
NOTES["trees.Rmd"] = TREES


def test_inline_footnote_over_lines_reads_in_brackets_or_goes(cards):
    """An inline footnote wrapped over lines (`…splits.^[Both are concave …\\nimpurity.]`) reads in brackets after
    its sentence, as a one-line one does; one that is the writer's remark about themself ("I only half follow …")
    is left out. No `^[` shows."""
    text = _text(_made(cards, "trees.Rmd"))
    assert "^[" not in text
    assert "splits. (Both are concave in the class proportions" in " ".join(text.split())
    assert "half follow" not in text


def test_navigation_line_and_citation_key_leave_nothing_behind(cards):
    """"Back to the [overview](…)." is the post's navigation, on no card; a citation key that opens its line
    before the clause's mark leaves "CART; the greedy …", not "CART ;"."""
    text = _text(_made(cards, "trees.Rmd"))
    assert "Back to the" not in text and "overview" not in text
    assert "CART; the greedy search" in " ".join(text.split()) and " ;" not in text


def test_writers_story_takes_its_reply_with_it(cards):
    """"For years I assumed deeper trees always overfit. They don't." is the writer's story: "They don't." goes with
    it, no fragment on a card; the fact after it stays."""
    text = _text(_made(cards, "trees.Rmd"))
    assert "They don't" not in text and "I assumed" not in text
    assert "The depth that overfits depends on how many samples reach each leaf." in " ".join(text.split())


def test_run_in_head_with_colon_titles_its_card(cards):
    """A paragraph's run-in head that names its subject and then what of it, "**Pre-pruning: a depth limit.** …",
    titles that paragraph's card whole; the back is the paragraph without its head."""
    made = _made(cards, "trees.Rmd")
    assert made.get("Decision trees › Two ways to stop › Pre-pruning: a depth limit", "").startswith(
        "The tree stops growing once it reaches the")
    assert made.get("Decision trees › Two ways to stop › Post-pruning: cost complexity", "").startswith(
        "The full tree is grown first")


KERNELS = (
    "---\ntitle: \"Kernels\"\n---\n\n"
    "## Two facts about Mercer kernels\n\n"
    "**1. Positive semidefinite Gram.** Every Gram matrix the kernel builds has no negative eigenvalue, so the dual "
    "problem stays convex.\n\n"
    "**2. Closed under sums.** The sum of two valid kernels is again a valid kernel, which is how kernels are built "
    "up from simple ones.\n")
NOTES["kernels.Rmd"] = KERNELS


def test_numbered_run_in_head_titles_its_card(cards):
    """A run-in head numbered as one of a list, "**1. Positive semidefinite Gram.** …", titles its paragraph's card
    without its number, as an unnumbered one does."""
    made = _made(cards, "kernels.Rmd")
    first = [back for front, back in made.items() if front.endswith("Mercer kernels › Positive semidefinite Gram")]
    assert first and first[0].startswith("Every Gram matrix the kernel builds")
    second = [back for front, back in made.items() if front.endswith("Mercer kernels › Closed under sums")]
    assert second and second[0].startswith("The sum of two valid kernels")
