"""Outline items carded twice (session 60, after held36's FINAL). A branch of labelled items: in a long outline (a
Workflowy export read as one list under its title) each "Label: text" item of a "Cheat sheet" branch was a card
asked by its label, and the branch's section card was asked again item by item as blanks among its siblings: 8 of 40
sampled cards were duplicates. The items' own cards stay; the branch's clozes are not made. And a bold-term item
read both as a definition and as a labelled branch is one card. Drafts of my own, through the pure passes
`list_clozes` and `without_repeats`."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run
from mlwiki.extract.closings import FORM as SECTION_FORM
from mlwiki.extract.defining import LABELLED_FORM
from mlwiki.extract.draft import Draft
from mlwiki.extract.list_clozes import list_clozes
from mlwiki.extract.repeats import without_repeats
from mlwiki.models import CardKind

TITLE = "Clustering"
BRANCH = f"{TITLE} › Cheat sheet"
ITEMS = {"k-means": "spherical clusters of similar size, k given in advance",
         "DBSCAN": "clusters of any shape, points in sparse regions left as noise",
         "agglomerative": "a hierarchy of merges, the dendrogram cut at any level",
         "GMM": "soft assignments to elliptical clusters, fitted by EM"}


def _cards(labelled: dict[str, str]) -> list[Draft]:
    """What `list_clozes` leaves of the branch's section card (line 10, its items on lines 11–14) beside the
    labelled cards of the items in `labelled`."""
    back = "\n".join(f"- {label}: {text}" for label, text in ITEMS.items())
    section = Draft(CardKind.BASIC, BRANCH, back, 10, form=SECTION_FORM, id_front=f"{SECTION_FORM}: {BRANCH}")
    items = [([Draft(CardKind.BASIC, f"{TITLE} › {label}", ITEMS[label], 11 + k, form=LABELLED_FORM)], TITLE)
             for k, label in enumerate(ITEMS) if label in labelled]
    return [card for group, _ in list_clozes([([section], BRANCH), *items]) for card in group]


def test_a_branch_whose_items_are_each_carded_by_their_labels_is_not_asked_again_as_blanks():
    cards = _cards(ITEMS)
    assert [card.front for card in cards] == [f"{TITLE} › {label}" for label in ITEMS], cards
    assert not any("[...]" in card.front for card in cards)


def test_a_branch_with_an_item_no_card_of_its_own_holds_is_still_asked_item_by_item():
    """(a guard: the clozes stay when the items' cards do not cover the list)"""
    cards = _cards({label: text for label, text in ITEMS.items() if label != "GMM"})
    blanks = [card for card in cards if card.front.startswith(BRANCH)]
    assert len(blanks) == len(ITEMS) and "[...]" in blanks[0].front, cards


# An outline's bold-term item ("- **OOV**: no vector for unseen words", its details nested under it) read twice: as a
# definition ("… \n\nDefine: OOV") and as a labelled branch ("… › Limitations › OOV"), the same back on one line
# (held36 Workflowy: 11 such pairs). One fact: the labelled card, whose path says where it belongs, stays.
NOTE = "Word vectors"
BACK = "no vector for a word never seen in training"


def _kept(definition_back: str) -> list[str]:
    definition = Draft(CardKind.DEFINITION, f"{NOTE}\n\nDefine: OOV", definition_back, 9, form="definition-item")
    labelled = Draft(CardKind.BASIC, f"{NOTE} › Limitations › OOV", BACK, 9, form=LABELLED_FORM)
    return [d.front for group, _ in without_repeats([([definition], NOTE), ([labelled], NOTE)]) for d in group]


def test_a_definition_that_a_labelled_card_of_its_line_answers_alike_is_one_card():
    assert _kept(BACK) == [f"{NOTE} › Limitations › OOV"]


def test_a_definition_that_says_more_than_the_labelled_card_stays():
    """(a guard: a different back is another fact)"""
    assert len(_kept("a word never seen in training has no vector; fastText builds one from its n-grams")) == 2


# A whole outline whose first branch is about the outline itself ("How I use this outline": its tags, who "@Priya"
# is) was dropped whole as a note opening on its author's remark: held36 Workflowy's index note kept 8 of its cards
# (softmax, sigmoid and type-vs-token on none). The first branch is one branch; the others are carded.
OUTLINE = """- Clustering — index
  - How I use this outline
    - tags
      - #important = would put on an exam cheat sheet
      - #pitfall = mistakes (mine or common)
    - completed = things I actually did
  - Methods
    - k-means
      - **Lloyd's algorithm**: alternate assigning points to the nearest centroid and moving centroids to means
        - each step can only lower the within-cluster sum of squares, so it converges
      - **k-means++**: spread the first centroids by sampling far points with probability proportional to D(x)²
        - gives an O(log k) approximation in expectation
    - DBSCAN
      - **core point**: a point with at least min_samples neighbours within eps
        - border points lie within eps of a core point; the rest is noise
      - **reachability**: clusters are the sets of points density-connected through core points
        - finds clusters of any shape
  - clustering is unsupervised: there are no labels to check the groups against
  - Glossary
    - **silhouette**: (b − a) / max(a, b), from the mean intra-cluster distance a and the nearest other cluster's b
    - **inertia**: the within-cluster sum of squared distances that k-means minimises
"""


@pytest.fixture(scope="module")
def outline_cards(tmp_path_factory) -> list[dict]:
    config = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
    root = new_wiki(tmp_path_factory.mktemp("lead60"), {"clustering-index.md": OUTLINE}, config)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def test_an_outline_whose_first_branch_is_about_the_outline_keeps_the_cards_of_its_other_branches(outline_cards):
    backs = "\n".join(card["back"] for card in outline_cards)
    assert "there are no labels to check the groups against" in backs, outline_cards  # (on no definition card)
    assert any(card["front"].endswith("› Methods › DBSCAN") for card in outline_cards), outline_cards
