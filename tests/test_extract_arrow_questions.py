"""Questions people write to themselves and answer after an arrow (`- why …? → because …`), in Quarto daily notes
and Obsidian "Questions" sections, are cards (issue 23, recall): front = heading path + the question, back = the
answer; a question with no answer after an arrow is no card. Notes written into tmp_path, read through the CLI."""

from __future__ import annotations

import pytest

from conftest import backs_by_front
from conftest import DEFAULT_CONFIG
from shared_notes import Scanned, SharedNotes

DAILY = """---
title: "2026-11-03"
categories: [daily, visualization]
---

## Qs
- why KL(P‖Q) and not KL(Q‖P)? → asymmetric penalty: placing close points far apart costs much,
  the reverse little, so local structure is kept.
- could I use the coordinates as features? -> no: there is no transform for new points.
- DoRA, worth it?
- why? → because
- Is RMSE the right metric for ranking?
  → not really; users see a top-10 list, so use recall@k or NDCG@k.
- Does it scale past ten thousand points?
  not that I know of
"""

VAULT = """# ROC and AUC

## Questions
- AUC < 0.5 means? → the ranking is inverted; flipping the score gives $1 - \\text{AUC}$.
- what does $f: A => B$ mean for a ranking? it maps scores
- is `s -> rank` monotone here? → yes, ranks only compare scores

```python
x = y if ok else z  # what? -> not a card, code
```
"""


cards = backs_by_front  # {front: back} of the wiki's cards


NOTES = SharedNotes(DEFAULT_CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


N2026_11_03 = NOTES.add({
    "daily/2026-11-03.qmd": DAILY,
    "ROC and AUC.md": VAULT
})


def test_a_question_answered_after_an_arrow_is_a_card(shared):
    found = shared.backs_by_front(N2026_11_03)
    assert found["Qs\n\nwhy KL(P‖Q) and not KL(Q‖P)?"] == ("asymmetric penalty: placing close points far apart "
                                                          "costs much,\nthe reverse little, so local structure is kept.")
    assert found["Qs\n\ncould I use the coordinates as features?"] == "no: there is no transform for new points."
    assert found["ROC and AUC › Questions\n\nAUC < 0.5 means?"].startswith("the ranking is inverted")
    assert not any("DoRA" in front or front.endswith("why?") or "what?" in front for front in found)
    assert not any("A => B" in front for front in found), "an arrow in math or code is no arrow"
    assert found["ROC and AUC › Questions\n\nis `s -> rank` monotone here?"] == "yes, ranks only compare scores"
    assert not any(back.startswith("- why KL") for back in found.values()), "its list is no section card too"
    # the answer may stand on the line under its question
    assert found["Qs\n\nIs RMSE the right metric for ranking?"] == "not really; users see a top-10 list, so use recall@k or NDCG@k."
    assert not any("ten thousand" in front for front in found), "no arrow, no answer"


N2026_11_14 = NOTES.add({
    "daily/2026-11-14.qmd": (
        """---
title: "2026-11-14"
---

## Did

- Finished the ridge post draft and reran the churn model with five folds instead of one split.
- Paired with R. on the recommender baseline for most of the afternoon.

## Random

- Reminder: the eval sheet compares fourteen checkpoints on one test set, so talk to M. about it.
""")
})


def test_a_days_log_is_no_card(shared):
    assert shared.backs_by_front(N2026_11_14) == {}


BOOSTING = NOTES.add({
    "Boosting.md": (
        "# Boosting\n\n- reread the chapter, it finally clicked, so I wrote [[AdaBoost#Why does it work? → "
        "exponential loss]] into the note\n- why is AdaBoost sensitive to outliers? → the exponential loss "
        "grows fast on large negative margins\n")
})


def test_a_question_mark_and_arrow_inside_a_wikilink_ask_nothing(shared):
    """`[[AdaBoost#Why does it work? → exponential loss]]` is a link's name (the writer's heading and a reminder),
    not a question and its answer: no card is cut inside the link."""
    cards = shared.backs_by_front(BOOSTING)
    assert not any("[[" in front or "]]" in back for front, back in cards.items()), cards
    assert cards.get("Boosting\n\nwhy is AdaBoost sensitive to outliers?", "").startswith("the exponential loss"), cards
