"""Cards from the lists of Obsidian vaults (issue 23, recall): branches of an outline under a sentence or under a
vague label ("Others"), and the other list forms a learner cards from a vault. The notes are written here in the
style of a vault titled by file names; the CLI reads them as a user's scan would."""

from __future__ import annotations

import json

from conftest import new_wiki, run


def cards(root) -> dict[str, str]:
    return {c["front"]: c["back"] for c in json.loads(run(root, "cards", "--json", ok=True).output)}


DESIGN = """Notes for a design interview about ranking news articles for a reader.

## Modelling
- Scoring
    - We could rank with several kinds of classifier, and the usual candidates for scoring one pair of reader and
      article are these
        - Naive Bayes
            - Pros: trains in one pass over the counts, copes with very little data
            - Cons: its independence assumption is badly wrong for words of one article
        - Support vector machine
            - Pros: a wide margin generalises well on sparse text features
            - Cons: no probability out of the box, slow on millions of rows
    - Start with the simplest one and only move on when the offline metrics say it falls short of the goal
- Others
    - Recency boost: multiply the score by a factor that decays with the age of the article in hours
        - older articles sink even when they match the reader well
        - the decay rate is tuned on clicks of the past week
    - Diversity: re-rank so that one topic never fills more than a third of the page
        - readers who see one topic only leave sooner
        - applied after the scores, not inside the model
"""


def test_a_branch_under_a_sentence_is_a_card_when_its_items_say_what_it_answers(tmp_path):
    found = cards(new_wiki(tmp_path, {"News ranking.md": DESIGN}))
    assert found["News ranking › Modelling › Scoring › Naive Bayes (Pros, Cons)"] == (
        "- Pros: trains in one pass over the counts, copes with very little data\n"
        "- Cons: its independence assumption is badly wrong for words of one article")
    assert "News ranking › Modelling › Scoring › Support vector machine (Pros, Cons)" in found


def test_a_branch_under_a_vague_label_is_a_card_without_that_label(tmp_path):
    found = cards(new_wiki(tmp_path, {"News ranking.md": DESIGN}))
    assert found["News ranking › Modelling › Recency boost"].startswith(
        "multiply the score by a factor that decays with the age of the article in hours\n"
        "- older articles sink even when they match the reader well")
    assert "News ranking › Modelling › Diversity" in found
    assert not any("Others" in front for front in found), "'Others' names no subject"


def test_labels_under_a_sentence_that_do_not_say_what_is_asked_make_no_card(tmp_path):
    note = """## Modelling
- We tried two families of models over the summer and kept notes on each of them for the next team
    - Pros
        - fast to train on a laptop, and easy to explain to the editors who asked about them
    - Cons
        - poor recall on rare topics that only a handful of readers ever click on
- Another paragraph that is long enough to keep this section from becoming one card of its own, by saying a lot
  of things about how the team worked through the summer, which articles they read, what they ate for lunch on
  the days the office was open and which of the dashboards they looked at every morning before the stand-up,
  and how long it took them to agree on what the goal of the whole project was, which was a very long time.
"""
    found = cards(new_wiki(tmp_path, {"News ranking.md": note}))
    assert not any(front.endswith(("Pros", "Cons", "(Pros, Cons)")) for front in found)
