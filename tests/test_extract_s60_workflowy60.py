"""Whole-note outlines exported from Workflowy (plain text: two-space bullets, `"quoted"` item notes, `[COMPLETE]`
items) and Dynalist (Markdown: four-space bullets, indented notes, `!(date)` chips, checkboxes), one deep outline per
topic (session 60): a label branch over facts with their details reads as the heading it stands for, so each fact
is carded on its own; the tools' furniture is read as they show it. Every note is written to one wiki in tmp_path,
scanned once through the CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note as _made, note_text as _text, new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("workflowy60"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _holding(made: dict[str, str], words: str) -> list[str]:
    """The backs that hold `words`."""
    return [back for back in made.values() if words in back]


TREES = """- Decision trees #ml
  "Course notes, week 5. Exam on Jun 12, 2026."
  - Splitting criteria
    - Gini impurity
      - Gini = 1 − Σ p_k², the chance two random draws from the node disagree
        - zero for a pure node
      - cheaper than entropy: no logarithm to compute
        - sklearn's default criterion for classification
      - favours splits that isolate the largest class
    - Information gain
      - gain = H(parent) − Σ (n_child / n) H(child)
        - H is the entropy of the class labels
      - biased towards attributes with many distinct values
        - C4.5 divides by the split information to correct it: the gain ratio
    - [COMPLETE] rewatch the lecture on impurity measures
  - Stopping and pruning
    - Pre-pruning
      - stop growing when a node holds fewer than min_samples_split examples
        - sklearn's default min_samples_split is 2, so trees grow until the leaves are pure
      - a maximum depth caps the number of questions asked of any example
    - Cost-complexity pruning
      - minimises R(T) + α·|leaves(T)| over the subtrees of the grown tree
        "Breiman et al. 1984, CART"
      - α is chosen by cross-validation
        - sklearn: the ccp_alpha parameter
  - Leaf values @Dana
    - a regression leaf predicts the mean target of its training examples
    - a classification leaf predicts the majority class, or class frequencies as probabilities
    - [COMPLETE] check what predict_proba returns for a pure leaf
  - Questions
    - TODO why do random forests not prune their trees?
"""
NOTES["trees.md"] = TREES


def test_a_label_branch_over_facts_with_details_is_a_heading_each_fact_a_card(cards):
    """Under "Gini impurity" each fact has its detail nested under it; read as one list, the branch was one card of
    three facts. Read as the heading it stands for, each fact is on a card of its own, asked under its path."""
    made = _made(cards, "trees.md")
    gini = _holding(made, "the chance two random draws from the node disagree")
    assert gini and all("cheaper than entropy" not in back and "largest class" not in back for back in gini)
    assert _holding(made, "cheaper than entropy")
    assert all("Gini impurity" in front for front, back in made.items() if "cheaper than entropy" in back)
    bias = _holding(made, "biased towards attributes with many distinct values")
    assert bias and all("H(parent)" not in back for back in bias)


def test_the_root_bullet_with_a_note_titles_the_outline(cards):
    """The root bullet names the note even when Workflowy wrote its note under it: no front repeats the file's name
    before it, and the note's quotes show nowhere."""
    made = _made(cards, "trees.md")
    assert made and all(front.startswith("Decision trees") for front in made)
    assert '"' not in _text(made)


def test_completed_items_and_tags_are_no_part_of_a_card(cards):
    """A completed item (`[COMPLETE]`, Workflowy's mark) is a done to-do: on no card; a label's trailing @mention
    or #tag names no part of its front."""
    text = _text(_made(cards, "trees.md"))
    assert "COMPLETE" not in text and "rewatch the lecture" not in text and "predict_proba" not in text
    assert "@Dana" not in text and "#ml" not in text
    assert "the majority class" in text


def test_an_items_note_is_on_the_items_card_without_its_quotes(cards):
    """Workflowy writes an item's note quoted on the line under it: it is read as the item's own nested line."""
    made = _made(cards, "trees.md")
    cited = _holding(made, "Breiman et al. 1984, CART")
    assert cited and all('"Breiman' not in back for back in cited)
    assert all("R(T) + α·|leaves(T)|" in back for back in cited)


OPTIM = """- Second-order optimisation #dynalist
    Second-order methods rescale each step by the curvature of the loss. Reading notes for @Sam, !(2026-04-02).
    - Newton's method
        - Update rule
            - θ ← θ − H⁻¹ ∇L(θ)
                - converges quadratically near a minimum
            - each step solves a linear system with the Hessian
                - O(n³) for n parameters, hopeless for networks
        - [x] derive the update from a second-order Taylor expansion
    - Quasi-Newton methods
        - BFGS
            - builds an approximation of H⁻¹ from successive gradient differences
                - the approximation stays positive definite
            - stores a dense n × n matrix
        - L-BFGS
            - keeps only the last m gradient pairs, O(mn) memory
                - m = 5 to 20 is typical
            - the standard choice for full-batch problems
    - [ ] compare with Adam on the toy MLP
"""
NOTES["second-order.md"] = OPTIM


def test_a_dynalist_outline_is_read_as_its_sections(cards):
    """Dynalist's Markdown export (four-space bullets, a date chip in the root's note, checkboxes): the label
    branches are headings, each fact with its details a card of its own; no chip or checkbox shows."""
    made = _made(cards, "second-order.md")
    text = _text(made)
    assert "!(" not in text and "[x]" not in text and "derive the update" not in text
    quadratic = _holding(made, "converges quadratically")
    assert quadratic and all("O(n³)" not in back for back in quadratic)
    memory = _holding(made, "O(mn) memory")
    assert memory and all("full-batch" not in back for back in memory)


def test_the_roots_note_keeps_its_facts_without_its_stamps(cards):
    """The root's note describes the outline: a sentence that states a fact is the title's paragraph, one that only
    stamps the outline with a day or a person ("Reading notes for @Sam, !(2026-04-02).") is on no card."""
    text = _text(_made(cards, "second-order.md"))
    assert "Second-order methods rescale each step by the curvature of the loss." in text
    assert "@Sam" not in text and "2026-04-02" not in text and "Reading notes" not in text


BUGS = """# Debugging training

## Common mistakes

- forgetting model.eval() before validation
  - dropout stays on and the scores are noisy
- shuffling the validation loader
  - harmless for the metric, but the logged examples change every epoch
- calling loss.backward() twice on the same graph
  - raises unless retain_graph=True
  - the second call frees nothing and doubles the gradients
- a learning rate warmup left out for a post-LN transformer
"""
NOTES["bugs.md"] = BUGS


def test_a_plain_item_among_an_outlines_branches_leaves_each_branch_its_own_card(cards):
    """A heading over labelled branches and one plain item: each branch is still a card asked by its label (one card
    of the whole section would be a page to reread), and the plain item is one of its own."""
    made = _made(cards, "bugs.md")
    dropout = _holding(made, "dropout stays on")
    assert dropout and all("retain_graph" not in back for back in dropout)
    assert any("forgetting model.eval() before validation" in front for front, back in made.items()
               if "dropout stays on" in back)
    assert _holding(made, "warmup left out for a post-LN transformer")
