"""A list that mixes plain items with items that open on a term in bold and explain it below it (issue 23): each
explained term is a card "path › term" (its sub-items its back, numbered steps in order, the citation in the aside
off the front), and the heading's card keeps the plain items and which terms there are. Before, the plain items
were on no card. Notes of my own, through the CLI."""

from __future__ import annotations

import pytest
from conftest import backs_by_front, new_wiki

from mlwiki.extract.mixed_lists import split_mixed_items
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nsections = true\n[review]\ntimezone = "UTC"\n'
DEFINING = CONFIG.replace("sections = true", "sections = true\ndefinitions = true")  # ("- **S-learner**: …" a definition)

BANDITS = """# Bandits

## Exploration strategies

- the dilemma: pulling the best-known arm earns now, trying others learns what they pay
- **epsilon-greedy**
  - with probability ε pick a random arm
  - otherwise pick the arm with the best running mean
  - ε often decays over time
- **optimistic initial values**: start every arm's estimate high so that each gets tried until its estimate falls
  to its true mean; this works only for stationary problems
- **UCB** (Auer et al. 2002)
  - score = mean + c·sqrt(ln t / n)
  - the bonus shrinks as an arm is pulled
  - logarithmic regret
- softmax: pick arms with probability proportional to exp(mean / τ)
"""

LEARNERS = """# Treatment effects

## Meta-learners

- **S-learner**: a single model takes the treatment flag as one more feature, and the effect is the difference of
  its two predictions
- **T-learner**: two separate models, one on the treated and one on the controls, and the effect is their gap
- **X-learner** (Smith 2020):
  1. fit the two outcome models as the T-learner does
  2. impute an effect for every unit from the other group's model
  3. fit one model per group on those imputed effects
- the R-learner residualises both outcome and treatment first
"""


@pytest.mark.parametrize("config", [CONFIG, DEFINING], ids=["sections", "definitions"])
def test_explained_terms_are_cards_and_the_plain_items_stay_on_the_headings_card(tmp_path, config):
    cards = backs_by_front(new_wiki(tmp_path, {"Bandits.md": BANDITS}, config))
    path = "Bandits › Exploration strategies"
    assert "with probability ε" in cards[f"{path} › epsilon-greedy"], cards
    assert "the bonus shrinks" in cards[f"{path} › UCB"], cards
    kept = cards[path]
    assert "the dilemma: pulling" in kept and "softmax: pick arms" in kept, cards
    assert "**UCB**" in kept and "the bonus shrinks" not in kept and "Auer" not in kept, cards


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


EFFECTS = NOTES.add({"Effects.md": LEARNERS}, config=DEFINING)


def test_numbered_steps_under_a_term_stay_in_order_beside_a_plain_item(shared):
    cards = shared.backs_by_front(EFFECTS)
    path = "Treatment effects › Meta-learners"
    steps = next(back for front, back in cards.items() if front.startswith(f"{path} › X-learner"))  # (its front
    # may ask how the steps go: "How does X-learner work?")
    assert steps.index("1. fit") < steps.index("2. impute") < steps.index("3. fit one"), cards
    assert "the R-learner residualises" in cards[path], cards
    assert "**S-learner**" in cards[path] and "**X-learner**" in cards[path] and "imputed" not in cards[path], cards

READOUT = """# Graph readout

## Readout tricks

- a plain sum of the node vectors is the usual baseline
- **SetNet** (Lee 2019) — an LSTM attends over the node set for several rounds, reading a summary each time and
  feeding it back in as the next query
- **TopK** — keep the k best-scoring nodes
- mean pooling keeps the scale independent of the graph's size
"""


READOUT_2 = NOTES.add({"Readout.md": READOUT})


def test_a_term_explained_at_length_on_its_line_is_a_card_beside_plain_items(shared):
    cards = shared.backs_by_front(READOUT_2)
    path = "Graph readout › Readout tricks"
    assert "LSTM attends over the node set" in cards[f"{path} › SetNet"], cards
    kept = cards[path]
    assert "plain sum" in kept and "mean pooling" in kept and "**TopK** — keep" in kept, cards
    assert "**SetNet**" in kept and "LSTM" not in kept, cards


def test_a_list_of_short_items_or_of_terms_only_is_left_alone():
    short = "- a plain sum is the baseline\n- **TopK** — keep the k best nodes\n- mean pooling is scale-free\n"
    assert split_mixed_items("Readout › Tricks", short) is None
    terms_only = READOUT.split("## Readout tricks\n\n", 1)[1].replace("- a plain sum", "- **sum**: a plain sum") \
        .replace("- mean pooling", "- **mean**: mean pooling")
    assert split_mixed_items("Readout › Tricks", terms_only) is None
    assert split_mixed_items("Readout › Which trick?", READOUT.split("tricks\n\n", 1)[1]) is None
