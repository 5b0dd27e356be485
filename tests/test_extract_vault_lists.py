"""Cards from the lists of Obsidian vaults (issue 23, recall): branches of an outline under a sentence or under a
vague label ("Others"), and the other list forms a learner cards from a vault. The notes are written here in the
style of a vault titled by file names; the CLI reads them as a user's scan would."""

from __future__ import annotations

import pytest

from conftest import backs_by_front, new_wiki
from conftest import DEFAULT_CONFIG
from shared_notes import Scanned, SharedNotes


cards = backs_by_front  # {front: back} of the wiki's cards


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


NOTES = SharedNotes(DEFAULT_CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


NEWS_RANKING = NOTES.add({"News ranking.md": DESIGN})


def test_a_branch_under_a_sentence_is_a_card_when_its_items_say_what_it_answers(shared):
    found = shared.backs_by_front(NEWS_RANKING)
    assert found["News ranking › Modelling › Scoring › Naive Bayes (Pros, Cons)"] == (
        "- Pros: trains in one pass over the counts, copes with very little data\n"
        "- Cons: its independence assumption is badly wrong for words of one article")
    assert "News ranking › Modelling › Scoring › Support vector machine (Pros, Cons)" in found


NEWS_RANKING_2 = NOTES.add({"News ranking.md": DESIGN})


def test_a_branch_under_a_vague_label_is_a_card_without_that_label(shared):
    found = shared.backs_by_front(NEWS_RANKING_2)
    assert found["News ranking › Modelling › Recency boost"].startswith(
        "multiply the score by a factor that decays with the age of the article in hours\n"
        "- older articles sink even when they match the reader well")
    assert "News ranking › Modelling › Diversity" in found
    assert not any("Others" in front for front in found), "'Others' names no subject"


NEWS_RANKING_3 = NOTES.add({
    "News ranking.md": (
        """## Modelling
- We tried two families of models over the summer and kept notes on each of them for the next team
    - Pros
        - fast to train on a laptop, and easy to explain to the editors who asked about them
    - Cons
        - poor recall on rare topics that only a handful of readers ever click on
- Another paragraph that is long enough to keep this section from becoming one card of its own, by saying a lot
  of things about how the team worked through the summer, which articles they read, what they ate for lunch on
  the days the office was open and which of the dashboards they looked at every morning before the stand-up,
  and how long it took them to agree on what the goal of the whole project was, which was a very long time.
""")
})


def test_labels_under_a_sentence_that_do_not_say_what_is_asked_make_no_card(shared):
    found = shared.backs_by_front(NEWS_RANKING_3)
    assert not any(front.endswith(("Pros", "Cons", "(Pros, Cons)")) for front in found)


DAY = """---
title: "2026-03-01"
---
Long day of meetings.

## TIL
- **Group norm** splits the channels into groups and normalises each group over its own spatial positions, so it
  does not depend on the batch size at all.
- **Instance norm** = group norm with one channel per group. Style transfer uses it to wash out contrast.
- **Label smoothing**: mixes the one-hot target with a uniform distribution,
  $$y' = (1 - \\varepsilon)\\, y + \\varepsilon / K$$
- Gradient checkpointing: keeps only some activations and recomputes the rest during the backward pass.
- **Weight tying** shares the input and output embeddings of a language model. Its output layer then gives
  $$p(w) \\propto \\exp(e_w^\\top h)$$
  which also halves the embedding parameters.
"""


N2026_03_01 = NOTES.add({"daily/2026-03-01.md": DAY}, config='name = "T"\ndefinitions = true\n')


def test_a_day_s_bold_led_facts_are_a_card_each(shared):
    found = shared.backs_by_front(N2026_03_01)
    assert found["TIL › Group norm"] == (
        "Group norm splits the channels into groups and normalises each group over its own spatial positions, so it "
        "does not depend on the batch size at all.")
    assert found["TIL › Instance norm"].startswith("Instance norm = group norm with one channel per group.")
    assert found["TIL › Gradient checkpointing"].startswith("keeps only some activations")
    assert "TIL" not in found, "'TIL' alone does not say what is asked"


N2026_03_01_2 = NOTES.add({"daily/2026-03-01.md": DAY}, config='name = "T"\ndefinitions = true\n')


def test_a_fact_a_formula_breaks_keeps_only_its_whole_sentences(shared):
    found = shared.backs_by_front(N2026_03_01_2)
    assert found["TIL › Weight tying"] == "Weight tying shares the input and output embeddings of a language model."


def test_items_that_only_ask_are_no_card_beside_an_answered_question(tmp_path):
    note = """## Open questions
- why does the adapter start with B at zero? → so that the update starts at zero and training begins exactly
  from the base model, whatever A holds
- adapter dropout (on the low-rank path only) — worth it?
- does the rank matter much above sixteen? my runs: rank 16 vs rank 64 within noise.
"""
    found = cards(new_wiki(tmp_path, {"daily/2026-03-02.md": "---\ntitle: '2026-03-02'\n---\n" + note}))
    assert any(front.endswith("why does the adapter start with B at zero?") for front in found)
    assert not any("does the rank matter" in back for back in found.values())


SEARCH = """## Query expansion
Query expansion adds words to what the user typed so that documents using other words for the same thing are
found as well; the added words come from a thesaurus, from the top documents of a first search, or from a model.
- The user searches for laptop bag
- The system also searches for notebook sleeve
- Documents that say only sleeve are found for user A

Pros:
- Finds relevant documents that share no word with the query, which matters most for short queries.
- Needs no labelled data when the words come from the first search's top documents.
Cons
- Drifts away from the topic when the top documents of the first search are off topic themselves.
- Each query costs a second search, which doubles the latency of the slowest requests.
- Longer queries match more documents, so precision falls unless the added words are weighted down.
- Words added for a rare sense of the query word bring documents about that sense.
"""


SEARCH_2 = NOTES.add({"Search.md": SEARCH})


def test_a_label_line_after_a_list_heads_its_own_list(shared):
    found = shared.backs_by_front(SEARCH_2)
    assert found["Search › Query expansion › Pros\n\nWhat are the pros of query expansion?"].startswith("- Finds relevant documents that share no word")
    assert found["Search › Query expansion › Cons\n\nWhat are the cons of query expansion?"].startswith("- Drifts away from the topic")
    assert found["Search › Query expansion › Cons\n\nWhat are the cons of query expansion?"].endswith("bring documents about that sense.")


SEARCH_3 = NOTES.add({"Search.md": SEARCH})


def test_a_list_ending_on_a_capital_letter_is_not_broken_off(shared):
    found = shared.backs_by_front(SEARCH_3)
    assert found["Search › Query expansion"].endswith("- Documents that say only sleeve are found for user A")


NEWS_RANKING_4 = NOTES.add({
    "News ranking.md": (
        DESIGN.replace("- Others", """- Training
    - Two ways of ordering the articles for one reader are common in practice
        - Pointwise: score each article alone, as a binary click classifier would
        - Pairwise: learn which of two articles the reader should see first
        - Pairwise needs many more training examples per reader, let's use pointwise for the first version
- Others"""))
})


def test_an_items_closing_lets_clause_is_cut_not_the_whole_list(shared):
    found = shared.backs_by_front(NEWS_RANKING_4)
    assert found["News ranking › Modelling › Training\n\nHow do you train News ranking?"].endswith(
        "    - Pairwise needs many more training examples per reader")


FEATURE_CHOICE = NOTES.add({
    "Feature choice.md": (
        """## Built-in selection
Some models choose their features while they are fitted, with no separate search, for example:
- Lasso
- Gradient boosting
- Random forest

## Related
- Lasso
- Ridge
""")
})


def test_a_sentence_over_a_list_of_names_says_what_they_are(shared):
    found = shared.backs_by_front(FEATURE_CHOICE)
    assert found["Feature choice › Built-in selection\n\nSome models choose their features while they are fitted, "
                 "with no separate search, for example:"] == "- Lasso\n- Gradient boosting\n- Random forest"
    assert not any(back.endswith("- Ridge") for back in found.values()), "a list of links under 'Related' is no card"


def test_a_long_list_that_is_all_its_section_holds_is_one_card_of_its_items(tmp_path):
    items = ["Collect more labelled examples", "Use a smaller model", "[[Weight decay]]", "[[Dropout]]",
             "Stop early on the validation loss", "Average several models", "Augment the inputs", "Drop noisy features",
             "Share parameters between layers", "Others\n    - Mixup: blend pairs of examples and their labels\n"
             "        - works best with large models trained for long"]
    note = "## Ways to fight overfitting\n" + "".join(f"- {item}\n" for item in items)
    found = cards(new_wiki(tmp_path, {"Overfitting.md": note}))
    back = found["Ways to fight overfitting"]
    assert back.startswith("- Collect more labelled examples\n") and back.endswith("- Share parameters between layers")
    assert "Mixup" not in back and "Others" not in back, "its branches are cards of their own"
    assert found["Ways to fight overfitting › Mixup"].startswith("blend pairs of examples")


def test_a_long_list_of_sentences_is_still_no_card(tmp_path):
    items = [f"Step {k} of the procedure takes the output of the one before it and transforms it in its own way"
             for k in range(1, 11)]
    note = "## The procedure\n" + "".join(f"- {item}\n" for item in items)
    found = cards(new_wiki(tmp_path, {"Pipeline.md": note}))
    assert "Pipeline › The procedure" not in found


LABEL_SMOOTHING = NOTES.add({
    "Label smoothing.md": (
        """A classifier is calibrated when its stated confidence matches how often it is right.

## Label smoothing
Replace the one-hot target by a mixture with the uniform distribution over the $K$ classes:
$$y' = (1 - \\varepsilon)\\, y + \\varepsilon / K$$
Pick $\\varepsilon$ on held-out data; values between 0.05 and 0.2 are the usual range, and the best one depends on
how many classes there are and how noisy the labels are.

- It keeps the logits from growing without bound, since the target is never exactly one.
- It makes the network less confident on the training data, which often improves calibration on new data.
- It hurts knowledge distillation: a smoothed teacher carries less information about class similarity.
""")
})


def test_what_explains_a_formula_under_a_heading_that_repeats_the_title_goes_on_the_formula_card(shared):
    found = shared.backs_by_front(LABEL_SMOOTHING)
    back = next(back for front, back in found.items() if front.startswith("Label smoothing\n\nReplace the one-hot"))
    assert back.startswith("$$y' = (1 - \\varepsilon)") and back.endswith("less information about class similarity.")


NORM = NOTES.add({
    "Norm.md": (
        """## Statement

**Definition**. Let $V$ be a vector space over the reals. A _norm_ on $V$ is a function $\\|\\cdot\\| : V \\to \\mathbb{R}$
such that:

1. It is zero only at the zero vector, and positive everywhere else.
2. It scales with the absolute value of a scalar factor.
3. It satisfies the triangle inequality, for all $u, v \\in V$,
   $$
   \\|u + v\\| \\le \\|u\\| + \\|v\\|\\;.
   $$
""")
}, config='name = "T"\ndefinitions = true\n')


def test_a_definition_ending_in_a_colon_keeps_the_conditions_listed_after_it(shared):
    found = shared.backs_by_front(NORM)
    back = found["Norm › Statement\n\nDefinition"]
    assert back.startswith("Let $V$ be a vector space") and "such that:\n\n1. It is zero only at the zero vector" in back
    assert "2. It scales with the absolute value" in back and back.rstrip().endswith("$$")


NEWS_RANKING_5 = NOTES.add({
    "News ranking.md": (
        DESIGN.replace("- Others", """- Scoring tricks
    - Temperature on the click scores
        - divide the scores by a temperature $\\tau$ before the softmax over the page
            - $\\mathrm{softmax}(s / \\tau)$
- Others"""))
})


def test_a_formula_nested_under_the_words_it_completes_is_part_of_the_branch(shared):
    found = shared.backs_by_front(NEWS_RANKING_5)
    assert found["News ranking › Modelling › Scoring tricks"].endswith("- $\\mathrm{softmax}(s / \\tau)$")


LASSO = NOTES.add({
    "Lasso.md": (
        """## The objective

$$
\\hat w = \\arg\\min_w \\; \\|y - Xw\\|_2^2 + \\lambda \\|w\\|_1
$$

(Some libraries divide the first term by the number of samples; that only rescales $\\lambda$.)

Scale every feature to unit variance before fitting, since the penalty treats all weights alike.
""")
})


def test_an_aside_in_brackets_after_a_formula_does_not_cost_the_explanation_after_it(shared):
    found = shared.backs_by_front(LASSO)
    assert found["Lasso › The objective"] == ("Scale every feature to unit variance before fitting, since the penalty "
                                              "treats all weights alike.")


TEXT_FEATURES = """## Bag of words
**Bag of words**: a vector over the vocabulary with a one for each word the document holds and zero elsewhere.

$$v_w = \\mathbb{1}[w \\in d]$$

**Problems:**
- the vectors are sparse and long, so models on them are slow to train
- the order of the words is lost, so "dog bites man" equals "man bites dog"

## Exercises for the chapter
Work through these before the next lecture, then compare with a classmate.

**Problems**
1. Show that two documents with the same words in another order get the same vector.
2. Count the dimensions of the vector for a vocabulary of fifty thousand words.
"""


def test_a_bold_problems_label_over_a_bulleted_list_is_a_card_beside_the_sections_other_cards(tmp_path):
    for config in ('name = "T"\ndefinitions = true\n', 'name = "T"\n'):
        found = cards(new_wiki(tmp_path / config[-5:-1], {"Text features.md": TEXT_FEATURES}, config))
        problems = sorted(back for front, back in found.items()  # (a card per problem, the other on its front)
                          if front.split("\n\n", 1)[0] == "Text features › Bag of words › Problems")
        assert problems == ["the order of the words is lost, so \"dog bites man\" equals \"man bites dog\"",
                            "the vectors are sparse and long, so models on them are slow to train"], found
        assert not any("Show that two documents" in back for back in found.values()), "numbered problems: exercises"


GINI_IMPURITY = NOTES.add({
    "Gini impurity.md": (
        "Gini impurity of a node with class proportions $p_k$, the chance two random draws disagree:\n\n"
        "$$ G = 1 - \\sum_k p_k^2 $$\n\n"
        "It is cheaper than entropy because it needs no logarithm.\n\n"
        "- **Pure nodes** score exactly zero, which is why a split that isolates one class is rewarded.\n"
        "- **Mixed nodes** score highest when every class is equally frequent in them.\n"
        "- **Zero** is reached only when one class fills the node.\n"
        "- With two classes it peaks at one half, when both are equally common.\n")
})


def test_the_items_of_a_list_that_are_no_cards_of_their_own_stay_on_the_sections_card(shared):
    found = shared.backs_by_front(GINI_IMPURITY)
    assert found["Gini impurity › Pure nodes"].startswith("Pure nodes score exactly zero")
    section = found["Gini impurity"]
    assert "peaks at one half" in section
    # (a claim about a subject it names, with the condition it holds under: a card asking it, `subject_asks`)
    assert found["Gini impurity\n\nWhen is Zero reached?"].startswith("**Zero** is reached only when")
    assert found["Gini impurity › What it says\n\n$$G = 1 - \\sum_k p_k^2$$"].startswith("It is cheaper than entropy")
    assert "Pure nodes" not in section, "an item that is a card of its own is not repeated"
