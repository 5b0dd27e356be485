"""A parent card that repeats its children (issue 23): a card whose front is a heading path, whose back shows text
that the cards under that path show, loses that text; left with nothing to study (the children's labels, their
headings, a pointer elsewhere) it is no card, unless the labels are the fact (the kinds a plural heading speaks of,
"which ones are there?"). Notes in the styles of a Quarto site, an Obsidian vault, a MyST book and a Markdown
repository; the CLI reads them as a scan would, and one test calls the pass on drafts."""

from __future__ import annotations

import pytest


from mlwiki.extract.children import without_shown_children
from mlwiki.extract.draft import Draft
from mlwiki.models import CardKind
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

QUARTO = """---
title: "Batch norm"
---

## Results

It trains faster on every benchmark they tried.

### Why did the first attempt fail?

::: {.callout-warning collapse="true"}
## The running statistics were frozen
The first run kept the running mean and variance from the warm-up phase, so at test time every layer normalised
with statistics of a network that no longer existed, and accuracy fell by half.
:::

Also see [Layer norm](../layer-norm.qmd#stats) — the point about test-time statistics comes from here.
"""

VAULT = """## Pose it as a learning problem
- Objective: rank the customers by how likely they are to cancel in the next month, so that the retention team calls the riskiest first.
- Inputs
![[diagram.png]]
- Category: a binary classification problem over customer histories; we pick gradient-boosted trees because the features are tabular and mixed.

## Other losses
- SLiC: a hinge loss on the margin between the two log-probabilities of the pair
- ORPO: adds an odds-ratio penalty to plain supervised fine-tuning, with no reference model
- SimPO: uses the average log-probability of a sequence as the implicit reward, again without a reference
"""

BOOK = """# Retrieval

## Dense vs sparse, as the talk put it

- dense: every document is a learned vector and retrieval is a nearest-neighbour search over all of them
- sparse: documents are bags of weighted terms and an inverted index finds the matches quickly
- hybrids sit in between: they score with both and merge the two ranked lists, which is why they are robust
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


BATCH_NORM = NOTES.add({"notes/batch-norm.qmd": QUARTO})


def test_a_question_whose_answer_is_a_child_card_and_a_pointer_is_no_card(shared):
    cards = shared.cards(BATCH_NORM)
    fronts = [c["front"] for c in cards]
    assert not any(front.endswith("Why did the first attempt fail?") for front in fronts)  # (the parent)
    child = next(c for c in cards if c["front"].endswith("› The running statistics were frozen"))
    assert child["back"].startswith("The first run kept the running mean")
    assert any(front.endswith("Batch norm › Results") for front in fronts)  # (a card with its own fact stays)


CHURN = NOTES.add({"Churn.md": VAULT})


def test_a_list_card_left_with_labels_that_name_no_kinds_is_no_card(shared):
    cards = shared.cards(CHURN)
    fronts = [c["front"] for c in cards]
    assert "Churn › Pose it as a learning problem" not in fronts  # (was "- Objective - Inputs - Category")
    assert "Churn › Pose it as a learning problem › Objective" in fronts
    listed = next(c for c in cards if c["front"] == "Churn › Other losses")
    assert listed["back"] == "SLiC, ORPO, SimPO"  # (a plural heading: which ones there are is the fact)


RETRIEVAL = NOTES.add({
    "book/retrieval.md": BOOK,
    "book/_toc.yml": "format: jb-book\nroot: retrieval\n"
})


def test_labels_the_front_names_go_and_the_fact_beside_them_stays(shared):
    cards = shared.cards(RETRIEVAL)
    fronts = [c["front"] for c in cards]
    assert "Retrieval › Dense vs sparse, as the talk put it" not in fronts  # (was "dense, sparse, hybrids …")
    assert "Retrieval › Dense vs sparse, as the talk put it › hybrids sit in between" in fronts


def _draft(front: str, back: str, form: str = "section") -> tuple[list[Draft], str]:
    return [Draft(CardKind.BASIC, front, back, 1, form=form)], front


def test_a_parent_keeps_its_own_fact_and_loses_the_items_its_children_show():
    parent = _draft("Ranking › Metrics", "- MRR — the mean of one over the rank of the first hit\n"
                    "- nDCG — discounted gains, normalised by the best order\n"
                    "- both ignore how sure the model is about each answer")
    children = [_draft("Ranking › Metrics › MRR", "the mean of one over the rank of the first hit", "labelled"),
                _draft("Ranking › Metrics › nDCG", "discounted gains, normalised by the best order", "labelled")]
    kept = without_shown_children([parent, *children])
    assert len(kept) == 3
    # beside a fact, a label whose text went to its child heads nothing (even under a plural heading)
    assert parent[0][0].back == "- both ignore how sure the model is about each answer"
    nested = _draft("Odds › Log scale", "- The log of the odds\n    - the log makes the scale symmetric around zero, so"
                    " 1/4 and 4/1 match\n- random splits of a fixed total give bell-shaped log-odds")
    child = _draft("Odds › Log scale › The log of the odds", "- the log makes the scale symmetric around zero, so 1/4"
                   " and 4/1 match", "outline")
    without_shown_children([nested, child])
    assert nested[0][0].back == "- random splits of a fixed total give bell-shaped log-odds"  # (no bare label)
    written = _draft("Notes › Ideas", "- one idea with enough words to be a fact here", "qa")  # (the author's)
    without_shown_children([written, _draft("Notes › Ideas › one", "idea with enough words to be a fact here")])
    assert written[0][0].back == "- one idea with enough words to be a fact here"


def test_a_parent_left_with_one_heading_like_line_is_no_card():
    parent = _draft("Tokenizers", "- Comparing Tokenizers: [[Fertility]]\n- Why tokenization matters\n"
                    "    - the vocabulary fixes which strings the model can emit in a single step\n"
                    "    - a poor split makes sequences longer, so attention costs more per sentence")
    child = _draft("Tokenizers › Why tokenization matters\n\nWhy does tokenization matter?",
                   "- the vocabulary fixes which strings the model can emit in a single step\n"
                   "- a poor split makes sequences longer, so attention costs more per sentence", "outline")
    assert without_shown_children([parent, child]) == [child]  # (was "- Comparing Tokenizers: [[Fertility]]")
    said = _draft("Tokenizers", "- comparing tokenizers is done by their fertility\n- Why tokenization matters\n"
                  "    - the vocabulary fixes which strings the model can emit in a single step\n"
                  "    - a poor split makes sequences longer, so attention costs more per sentence")
    assert len(without_shown_children([said, child])) == 2  # (a sentence left is a fact)
    assert said[0][0].back == "- comparing tokenizers is done by their fertility"
    one = _draft("Losses › Other losses", "- Hinge\n    - zero once the margin is at least one, linear below it")
    only = _draft("Losses › Other losses › Hinge", "- zero once the margin is at least one, linear below it", "outline")
    assert without_shown_children([one, only]) == [only]  # (one member is no list of members)


def test_a_weak_child_does_not_take_an_item_off_its_parent():
    back = ("- **barely** better than chance ↔ the error stays just below one half\n"
            "- **cheap** ↔ a stump or a shallow tree, fast to fit\n"
            "- many rounds of them add up to a strong model")
    parent = _draft("Boosting › Weak learners", back)
    weak = _draft("Boosting › Weak learners › barely",
                  "barely better than chance ↔ the error stays just below one half", "labelled")
    without_shown_children([parent, weak])
    assert parent[0][0].back == back  # ("› barely" does not name what the item says: the pair stays whole)
    strong = _draft("Boosting › Weak learners › barely better than chance",
                    "barely better than chance ↔ the error stays just below one half", "labelled")
    without_shown_children([parent, strong])
    assert parent[0][0].back == back.split("\n", 1)[1]
    linked = _draft("Graphs › Matrix form", "A layer is one product with a normalised adjacency.\n\n"
                    "[[SGC]] drops the nonlinearity between layers, so the whole model is one matrix power.")
    named = _draft("Graphs › Matrix form › SGC", "SGC drops the nonlinearity between layers, so the whole model is one"
                   " matrix power.", "labelled")
    without_shown_children([linked, named])  # (one word, but the term the paragraph opens with)
    assert linked[0][0].back == "A layer is one product with a normalised adjacency."
