"""Cards from notes copied out of a book or a course (issue 23, recall): long prose bullets that open by defining a
term, "This is called X." after a description, outline branches too big for one card, named methods under a
heading that ends in "Example", lists announced "as follows:", and template notes that make no cards. The notes are
written here in the style of an Obsidian vault titled by file names; the CLI reads them as a user's scan would."""

from __future__ import annotations

import pytest

import json

from conftest import backs_by_front, new_wiki, run
from conftest import DEFAULT_CONFIG
from shared_notes import Scanned, SharedNotes

BANDITS = """#reinforcement-learning
- Slot machines are sometimes called one-armed bandits, and a casino floor holds many of them with payouts you do
  not know in advance, so the only way to learn which machine pays best is to keep playing and keep count of the
  wins each one gives you over a long evening, while trying not to lose too much on the bad ones.
- Multi-armed bandits are algorithms that trade off exploiting the arm that paid best so far against exploring
  arms that might pay more. They treat each candidate model as an arm whose payout is unknown, and route traffic
  to learn which arm is best while the users still get good predictions most of the time, which A/B tests do not.
- Compared with an A/B test, a bandit needs fewer samples to find the better model, and it loses less along the way,
  because it moves traffic to the better model as soon as the evidence starts to favour it instead of waiting until
  a fixed number of users has been split evenly between the two, which is what makes it attractive in production.

## Contextual bandits
- Contextual bandits are algorithms that choose an action using side information about the user, such as the page
  they are on, and learn from the reward of the chosen action only, so that every recommendation is both a
  prediction to get right and an experiment that tells the system something it did not know before it was shown.
- A recommender shows ten of a thousand items to a user and sees clicks on those ten only, never on the other nine
  hundred and ninety items it left out, whatever the user would have thought of them. This is known as the partial
  feedback problem, also known as bandit feedback.
- They have been studied for a long time and are used widely, in advertising as much as in recommendations, and the
  reports of the companies that use them say that they raise the click rate well above what a model trained on the
  logged data alone reaches, because the logs only ever hold what the old model chose to show.

## Bandit Algorithms Example
- $\\epsilon$-greedy
    - With probability epsilon, pick a random arm; otherwise pick the arm with the best average reward so far.
- Thompson sampling
    - Sample a payout for each arm from its posterior and play the arm whose sample is largest.
- Upper confidence bound
    - Play the arm whose mean reward plus an uncertainty bonus is highest; the bonus shrinks as the arm is played,
      so arms that were tried rarely get another chance before the algorithm settles on the one that pays best,
      which is called optimism in the face of uncertainty, and it needs no random numbers at all to explore.
- Each of these has been analysed at length, and all of them are used widely in industry for online experiments,
  where the choice between them depends on how much is known about the rewards, how quickly they change over the
  weeks, and whether the team can afford to keep a posterior for every arm up to date while traffic flows in.
"""


# A paragraph that makes a section too long for one card (over 150 words), as the sections of book notes are
LONG = """
Ranking models are trained on the clicks of past users, which carry the position bias of the ranking that was
shown to them, so the logged data never says how a document that was never shown would have fared; the remedies
range from randomising the top results for a small share of the traffic to weighting each click by the inverse of
the probability that its position is examined at all, and each remedy trades the quality of the ranking that users
see today against the quality of the data that the next model will be trained on, which is why the choice between
them is made per product rather than once and for all by the team that maintains the ranking service itself.
"""


cards = backs_by_front  # {front: back} of the wiki's cards


NOTES = SharedNotes(DEFAULT_CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


BANDITS_2 = NOTES.add({"Bandits.md": BANDITS})


def test_a_bullet_that_opens_by_defining_its_subject_is_a_definition_card(shared):
    found = shared.backs_by_front(BANDITS_2)
    assert found["Bandits\n\nDefine: Multi-armed bandits"] == (
        "Multi-armed bandits are algorithms that trade off exploiting the arm that paid best so far against "
        "exploring arms that might pay more. They treat each candidate model as an arm whose payout is unknown, and "
        "route traffic to learn which arm is best while the users still get good predictions most of the time, "
        "which A/B tests do not.")
    assert found["Contextual bandits\n\nDefine: Contextual bandits"].startswith(
        "Contextual bandits are algorithms that choose an action using side information")
    assert not any("Slot machines" in front for front in found), "a bullet that is no definition makes none"


BANDITS_3 = NOTES.add({"Bandits.md": BANDITS})


def test_a_sentence_that_names_what_came_before_is_a_definition_card(shared):
    found = shared.backs_by_front(BANDITS_3)
    back = found["Contextual bandits\n\nDefine: partial feedback problem (bandit feedback)"]
    assert back.startswith("A recommender shows ten of a thousand items") and back.endswith("bandit feedback.")


BANDITS_4 = NOTES.add({"Bandits.md": BANDITS})


def test_named_methods_under_an_example_heading_are_outline_cards_math_labels_too(shared):
    found = shared.backs_by_front(BANDITS_4)
    assert found["Bandits › Bandit Algorithms Example › $\\epsilon$-greedy"] == (
        "- With probability epsilon, pick a random arm; otherwise pick the arm with the best average reward so far.")
    assert "Bandits › Bandit Algorithms Example › Thompson sampling" in found


BANDITS_5 = NOTES.add({
    "Bandits.md": (
        """## One Example
Suppose a recommender shows ten items and two of them get clicked by the user who sees them on the front page.

## Bandit Algorithms Example
- Upper confidence bound
    - Add a bonus to each arm's mean that shrinks as it is played: $r = 0.5 + 0.2 = 0.7$ for the first arm.
""")
})


def test_a_worked_example_heading_still_makes_no_cards(shared):
    found = shared.backs_by_front(BANDITS_5)
    assert found == {}, "a story with made-up numbers, and arithmetic under an example heading, are examples"


RANKING = NOTES.add({
    "Ranking.md": (
        """## Approaches
- Pairwise ranking
    - Predicts which of two documents should rank higher rather than a score for each
    - The problem turns into binary classification over pairs of documents for one query
    - Example
        - RankNet, which puts a cross-entropy loss on the predicted order of every pair of documents of a query,
          so that the model learns from each pair in which the two documents differ in how relevant they are
        - LambdaRank, which scales the gradient of each pair by how much swapping the two changes the metric
        - LambdaMART, which builds LambdaRank's gradients into a gradient-boosted ensemble of regression trees
- Listwise ranking
    - Scores the whole list at once
""" + LONG)
})


def test_an_outline_branch_too_big_for_one_card_gives_its_own_items(shared):
    found = shared.backs_by_front(RANKING)
    assert found["Ranking › Approaches › Pairwise ranking"] == (
        "- Predicts which of two documents should rank higher rather than a score for each\n"
        "- The problem turns into binary classification over pairs of documents for one query"), \
        "the branch's own items, its list of examples left out"


RANKING_2 = NOTES.add({
    "Ranking.md": (
        """## Listwise methods
- [[SoftRank]]
    - treats each score as a Gaussian, so the rank of a document becomes a distribution with a smooth expectation
- [[ListNet]]
    - puts a loss on the probability of the whole permutation the scores induce over the documents of a query
- Contents
    1. [[#Pairwise methods|Pairwise methods]]
        1. [[#Why pairs work|Why pairs work]]
        2. [[#Costs of pairs|Costs of pairs]]
""" + LONG)
})


def test_a_wikilink_label_over_its_explanation_is_an_outline_card_but_a_table_of_contents_is_not(shared):
    found = shared.backs_by_front(RANKING_2)
    assert found["Ranking › Listwise methods › SoftRank"].startswith("- treats each score as a Gaussian")
    assert "Ranking › Listwise methods › ListNet" in found
    assert not any("Pairwise methods" in back for back in found.values()), "links to the note's own headings"


BERT = NOTES.add({
    "BERT.md": (
        """## Masked language modelling
Some tokens of the input are hidden and the encoder learns to predict them from both sides. This is also called
a cloze task.

To keep fine-tuning close to pretraining, the tokens are chosen as follows:
- pick 15% of the tokens at random
- replace most of them by the mask token, some by a random token, and leave the rest unchanged
""" + LONG)
})


def test_a_list_announced_as_follows_is_a_card(shared):
    found = shared.backs_by_front(BERT)
    assert found["BERT › Masked language modelling\n\nTo keep fine-tuning close to pretraining, the tokens are "
                 "chosen as follows:"].startswith("- pick 15% of the tokens at random")


CLASS_IMBALANCE = NOTES.add({
    "Class imbalance.md": (
        """## Problem of class imbalance
- The model sees too few examples of the rare class to learn what sets it apart from the others.
- Accuracy rewards always predicting the common class, so training can settle there.
""")
})


def test_problem_of_and_solutions_to_headings_are_topics_not_exercises(shared):
    found = shared.backs_by_front(CLASS_IMBALANCE)
    assert any(front.split("\n\n", 1)[0] == "Problem of class imbalance" for front in found), \
        "(the heading names the note: no subject before it)"  # (its claims a card each: the others on the front)


def test_a_template_note_makes_no_cards_but_written_cards_in_it_do(tmp_path):
    note = """## Clarify the requirements
- What data is available, and is it labelled?
- How many users, and how fast must an answer come back?

## Serving
- Batch prediction or online prediction
- How to keep the latency low enough for the product

Q: What does the template's serving part ask about?
A: Batch or online prediction, and latency.
"""
    found = cards(new_wiki(tmp_path, {"Interviews/00. Template.md": note, "Templates/Paper.md": note}))
    assert list(found) == ["What does the template's serving part ask about?"]


def test_what_reads_as_a_definition_sentence():
    from mlwiki.extract.defining import defining_sentence

    names = "Model calibration › Contextual bandits"
    assert defining_sentence("Contextual bandits are algorithms that use side information to pick an action.",
                             names) == ("Contextual bandits",
                                        "Contextual bandits are algorithms that use side information to pick an "
                                        "action.")
    assert defining_sentence("Expected calibration error (ECE) is the average gap between confidence and accuracy "
                             "over bins.", names)[0] == "Expected calibration error (ECE)", "an acronym names a term"
    for text in ("The model is a three-layer network trained for ten epochs on the data.",  # too general a term
                 "It is a way to route traffic between the models that are being compared.",  # a pointer
                 "Bandits are well studied in academia and have been shown to be efficient.",  # no noun phrase
                 "Gradient descent is a method that follows the negative gradient downhill.",  # not this note's
                 "Training a calibrated model is a matter of choosing the right loss and data."):  # a clause
        assert defining_sentence(text, names) is None, text


def test_check_counts_definition_sentences_as_a_form(tmp_path):
    report = json.loads(run(new_wiki(tmp_path, {"Bandits.md": BANDITS}), "check", "--json", ok=True).output)
    assert report["made"]["definition-sentence"] == 3


LSTM = NOTES.add({
    "LSTM.md": (
        """## How it works
- Each step keeps a hidden state and a cell state, and the cell holds what is remembered for long
- Which information is erased, written or read is decided by three gates
    - Forget gate: what of the old cell state is kept
    - Input gate: what of the new content is written to the cell
    - Output gate: what of the cell is passed on to the hidden state
- Apply the gates
    - the new cell state is the old one through the forget gate plus the new content through the input gate
    - the new hidden state is the new cell state through the output gate
""" + LONG)
})


def test_a_sentence_bullet_over_labelled_items_introduces_them(shared):
    found = shared.backs_by_front(LSTM)
    assert found["LSTM › How it works\n\nWhich information is erased, written or read is decided by three gates:"] \
        == ("- Forget gate: what of the old cell state is kept\n- Input gate: what of the new content is written to "
            "the cell\n- Output gate: what of the cell is passed on to the hidden state")


AVERAGES = NOTES.add({
    "Averages.md": (
        """## Moving average
$$v_t = \\beta v_{t-1} + (1-\\beta) a_t$$
- The higher the beta, the smoother the curve, but it lags behind changes
- The lower the beta, the noisier the curve, but it follows changes quickly

## Procedure
- Given the data and a differentiable loss function to minimise
$$F_0 = \\arg\\min_\\gamma \\sum_i L(y_i, \\gamma)$$
- Then fit each new tree to the negative gradient of the loss at the current model
""")
})


def test_the_explanations_after_a_sections_formulas_are_a_card_but_steps_between_them_are_not(shared):
    found = shared.backs_by_front(AVERAGES)
    assert found["Averages › Moving average"] == (
        "- The higher the beta, the smoother the curve, but it lags behind changes\n"
        "- The lower the beta, the noisier the curve, but it follows changes quickly")
    assert "Averages › Procedure" not in found, "the steps around a formula are not an explanation of their own"


GRAPHS = NOTES.add({
    "Graphs.md": (
        """## Terminology
The words used for the parts of a graph, in the order a course would introduce them to a newcomer:

1. Vertex - A vertex, also called a node, is a basic unit of a graph that may hold attributes of its own.
2. Edge - An edge connects two vertices and may carry a weight, a cost or a label of its own.
3. Path - A path is a sequence of edges that connects a sequence of distinct vertices in the graph.
4. Input: the adjacency matrix of the graph and a feature vector for every one of its vertices
5. Batch size: 32
6. Traversal: see [[Graph traversal]] for breadth-first and depth-first search and their uses
7. In summary, a graph: a set of vertices with the edges between them, directed or not, weighted or not
8. Cycle - A cycle is a path of edges that starts and ends on the same vertex of the graph.
9. Degree - The degree of a vertex is the number of edges that touch it, loops counted twice.
""")
})


def test_a_labelled_item_that_explains_is_a_card_but_generic_labels_values_and_pointers_are_not(shared):
    found = shared.backs_by_front(GRAPHS)
    assert found["Graphs › Terminology › Vertex"] == ("A vertex, also called a node, is a basic unit of a graph that "
                                                      "may hold attributes of its own.")
    assert {"Graphs › Terminology › Edge", "Graphs › Terminology › Cycle", "Graphs › Terminology › Degree"} <= set(found)
    assert not any(front.endswith(("› Input", "› Batch size", "› Traversal", "› In summary, a graph"))
                   for front in found)


METRICS = NOTES.add({
    "Metrics.md": (
        """## Basic measures
Denote $P$ and $N$ the numbers of actual positives and negatives:
1. Accuracy: $$\\frac{TP+TN}{P+N}$$
2. Specificity (true negative rate) $$\\frac{TN}{N}$$
3. $$x_i$$
""")
})


def test_a_short_expression_named_by_its_list_item_is_a_formula_card(shared):
    found = shared.backs_by_front(METRICS)
    assert found["Metrics › Basic measures\n\nAccuracy:"] == "$$\\frac{TP+TN}{P+N}$$"
    assert found["Metrics › Basic measures\n\nSpecificity (true negative rate)"] == "$$\\frac{TN}{N}$$"
    assert not any(back == "$$x_i$$" for back in found.values())


K_MEANS = NOTES.add({
    "k-means.md": (
        """## Algorithm
Lloyd's algorithm:
1. pick k initial centroids at random from the points
2. assign each point to its nearest centroid
3. move each centroid to the mean of its points
""" + LONG + """
## Limitations
k-means assumes round clusters of similar size, because it only uses distances to centroids.

## Scores
- F1 is the harmonic mean of precision and recall, so F1 = 0 when either of them is zero.
- The score punishes a model that is good at only one of the two.

## Summary
Specifically, you learned:
- clusters are found by alternating two steps
- the result depends on the starting centroids
""")
})


def test_names_in_lower_case_short_list_names_and_numbered_names_are_no_obstacle(shared):
    found = shared.backs_by_front(K_MEANS)
    # (a label over a list heads it as a heading would; the paragraph after it opens the section)
    assert found["k-means › Algorithm › Lloyd's algorithm"].startswith("1. pick k initial centroids")
    assert found["k-means › Limitations\n\nWhat are the limitations of k-means?"].startswith("k-means assumes round clusters")
    assert any(front.split("\n\n", 1)[0] == "k-means › Scores" for front in found), \
        "F1 = 0 names a score, it computes nothing"
    assert not any("you learned" in front for front in found)


GRAPHS_2 = NOTES.add({
    "Graphs.md": (
        """## Traversal order
| Depth-first | Breadth-first |
| :--- | :--- |
| $S \\rightarrow A$ | $S \\rightarrow A$ |
| $S \\rightarrow A \\rightarrow D$ | $S \\rightarrow B$ |

## Notation
| Symbol | Formula | Explained |
|---|---|---|
| $Cov(X,Y)$ | Covariance of X and Y | Covariance of X and Y |
| $\\sigma$ | $\\sqrt{V(X)}$ | the standard deviation of the variable |
""" + LONG)
})


def test_tables_of_symbols_side_by_side_and_rows_that_repeat_themselves_make_no_cards(shared):
    found = shared.backs_by_front(GRAPHS_2)
    assert not any("rightarrow" in front for front in found)
    assert not any(front.startswith("Graphs › Notation ›") for front in found), \
        "a notation table (symbols in its first column) makes no row cards"


INDEX = NOTES.add({
    "posts/index.qmd": '---\ntitle: "Posts"\nlisting:\n  contents: "*.qmd"\n---\n\nLonger write-ups of things from the daily notes.\n',
    "Logistic regression.md": (
        """Logistic regression is a linear classifier that outputs probabilities: it passes a linear score through
the sigmoid,

$$P(y = 1 \\mid x) = \\sigma(w^\\top x + b)$$
""" + LONG)
})


def test_a_quarto_listing_page_makes_no_cards_and_a_broken_off_definition_none(shared):
    found = shared.backs_by_front(INDEX)
    assert not any(front.startswith("Posts") for front in found)
    assert not any("Define:" in front for front in found), "a sentence a formula breaks off defines nothing"


def test_a_chapter_titled_introduction_is_named_by_its_folder(tmp_path):
    note = """# Introduction

## Functions
A function is a rule that takes one or more inputs and produces a single output for each of them.
"""
    other = note.replace("a rule that takes one or more inputs and produces a single output for each of them",
                         "a mapping that sends every argument to exactly one value")  # (the same
    # sentence in two notes is one card: scan.near_twins)
    found = cards(new_wiki(tmp_path, {"calculus/intro.md": note, "chapters/intro.md": other}))
    assert "Calculus: Introduction › Functions\n\nWhat is a function?" in found
    assert "Introduction › Functions\n\nWhat is a function?" in found, "a folder that names nothing either ('chapters') adds nothing"
