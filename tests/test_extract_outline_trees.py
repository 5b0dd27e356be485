"""A note or section written as a tree of bullets (Logseq-style Obsidian pages, lecture outlines): a note that is one
root bullet with everything nested under it, a branch label whose last words need the link after them, and a
branch that a split of the note's big card would repeat under a second front. The notes are written here in the
style of an Obsidian vault titled by file names; the CLI reads them as a user's scan would."""

from __future__ import annotations

import pytest

from conftest import DEFAULT_CONFIG, backs_by_front
from shared_notes import Scanned, SharedNotes

cards = backs_by_front  # {front: back} of the wiki's cards


def ending(found: dict[str, str], end: str) -> str:
    """The back of the card whose front ends with `end` (a lone heading may title the note: the subject varies)."""
    return next(back for front, back in found.items() if front.endswith(end))

# One root bullet naming the note, its branches indented by tabs under it.
BAGGING = """---
tags: [ensembles]
---
- Bagging
\t- each model sees a bootstrap sample
\t\t- rows drawn with replacement, as many as the training set has
\t\t- roughly a third of the rows are left out of each sample
\t- it's a variance reduction trick like [[Averaging]]
\t\t- averaging many noisy but unbiased models cancels much of their noise
\t\t- the bias stays what one deep tree has
\t- where it fails
\t\t- models that are stable already, such as linear regression, gain almost nothing
\t\t- strongly correlated models average out very little noise
\t- out-of-bag estimate
\t\t- each row is scored only by the models whose sample left it out
\t\t- this gives a validation score without holding out a separate set of rows
\t- random forests
\t\t- bagging of trees plus a random subset of the features at every split
\t\t- the feature subsets make the trees less correlated, so averaging removes more noise
"""


NOTES = SharedNotes(DEFAULT_CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


BAGGING_2 = NOTES.add({"Bagging.md": BAGGING})


def test_a_note_that_is_one_root_bullet_has_a_card_per_branch(shared):
    found = shared.backs_by_front(BAGGING_2)
    assert found["Bagging › where it fails"] == (
        "- models that are stable already, such as linear regression, gain almost nothing\n"
        "- strongly correlated models average out very little noise")
    assert found["Bagging › each model sees a bootstrap sample"].startswith("- rows drawn with replacement")


BAGGING_3 = NOTES.add({"Bagging.md": BAGGING})


def test_a_branch_label_ending_on_a_link_it_needs_keeps_the_link(shared):
    found = shared.backs_by_front(BAGGING_3)
    assert "Bagging › it's a variance reduction trick like Averaging" in found
    assert "Bagging › it's a variance reduction trick like" not in found


# An outline whose branches are cards, one branch holding a term a definition card took: the branch's other facts.
BOOSTING = """source:: lecture 7 of the ensembles course; chapter 10 of the course book

- why
\t- one shallow tree underfits, so each new tree fits what the previous ones got wrong
\t- the ensemble's bias shrinks with every round
- setup = additive model
\t- the prediction is a sum of small trees, each scaled by a learning rate
\t- each round fits the negative gradient of the loss at the current prediction
- overfitting
\t- too many rounds fit the noise of the training rows
\t- fixes
\t\t- **early stopping**: $M^* = \\arg\\min_m L_{val}(F_m)$ over the rounds
\t\t- a smaller learning rate with more rounds
- limits
\t- the rounds are sequential, so they cannot be trained in parallel
\t- sensitive to noisy labels, which later rounds keep trying to fit
"""


BOOSTING_2 = NOTES.add({"Boosting.md": BOOSTING})


def test_a_branch_beside_carded_branches_is_a_card_of_its_label_and_on_one_card_only(shared):
    found = shared.backs_by_front(BOOSTING_2)
    assert found["Boosting › overfitting"].startswith("- too many rounds fit the noise of the training rows\n- fixes")
    assert found["Boosting › setup = additive model"].startswith("- the prediction is a sum of small trees")
    assert not any("setup = additive model" in back or back.startswith("- overfitting") for back in found.values())


# A bullet that is a sentence naming one term in bold, over items that say what that term does.
DIVERGENCES = """## Two divergences
The two directions of the divergence behave very differently.

- $D(a\\,\\|\\,b) = \\sum a \\log(a/b)$ — **exclusive divergence**, the one a variational fit minimizes
\t- it costs a lot wherever $a$ has mass and $b$ has almost none
\t- so the fit hides inside one peak of a many-peaked target
- $D(b\\,\\|\\,a) = \\sum b \\log(b/a)$ — **inclusive divergence** (what maximum likelihood minimizes)
\t- it costs a lot wherever $b$ has mass and $a$ has almost none
\t- so the fit spreads over all the peaks, and between them
"""


DIVERGENCES_2 = NOTES.add({"Divergences.md": DIVERGENCES})


def test_a_bullet_naming_a_term_in_bold_over_items_is_that_terms_card(shared):
    found = shared.backs_by_front(DIVERGENCES_2)
    back = ending(found, "Two divergences › exclusive divergence")
    assert back.startswith("$D(a\\,\\|\\,b) = \\sum a \\log(a/b)$ — **exclusive divergence**")
    assert back.endswith("- so the fit hides inside one peak of a many-peaked target")
    assert "so the fit spreads over all the peaks" in ending(found, "Two divergences › inclusive divergence")


# Numbered steps written as bullets ("- 1.") under a label, a step holding the sub-steps it is made of.
SAMPLER = """## Slice sampling
- one update
\t- 1. draw a height $u$ uniformly under the density at the current point
\t- 2. place an interval around the current point and widen it by **stepping out**
\t\t- grow the interval by a fixed width on each side
\t\t- stop once both ends lie above the density
\t\t- the widths it tries are random, so the interval does not favour one side
\t- 3. draw points in the interval, shrinking it after each miss, until one lies under the density
\t\t- a missed point becomes the new end of the interval on its side
\t\t- the shrinking keeps the update reversible, so no point is ever rejected outright
- tuning
\t- a width that is too small costs many stepping-out steps
\t- a width that is too big costs many shrinking steps
"""


SLICE = NOTES.add({"Slice.md": SAMPLER})


def test_numbered_step_bullets_are_one_card_of_the_steps(shared):
    found = shared.backs_by_front(SLICE)
    steps = ending(found, "Slice sampling › one update")
    assert "1. draw a height $u$" in steps and "2. place an interval" in steps and "3. draw points" in steps
    assert "grow the interval" not in steps  # (each step's details are a card of their own)
    assert any(back.startswith("- grow the interval by a fixed width on each side") for back in found.values())


# Terms defined in bold at the margin, one with plain facts nested under it that no card holds.
SEARCH = """# Tuning
## Search strategies

Two families of search over hyperparameters:

- **grid search**: try every combination of a few values per hyperparameter.
  - the number of runs grows exponentially with the number of hyperparameters
  - **coarse-to-fine**: a second grid, finer, around the best cell of the first
  - most of the grid is wasted when only one or two hyperparameters matter
- **random search**: draw each hyperparameter from its own distribution, independently per run.
- **Bayesian optimisation**: fit a surrogate of the score and pick the next run where it promises most.
"""


TUNING = NOTES.add({"Tuning.md": SEARCH}, config="definitions = true\n" + DEFAULT_CONFIG)


def test_facts_nested_under_a_defined_term_are_cards_of_that_term(shared):
    found = shared.backs_by_front(TUNING)
    under = {front: back for front, back in found.items() if "› grid search" in front}
    assert any(back.startswith("the number of runs grows exponentially") for back in under.values())
    assert any(back.startswith("most of the grid is wasted") for back in under.values())


# Branches naming the kinds a plural heading lists, each explained under it.
SHRINKING = """---
tags: [deployment]
---
Smaller models serve faster and cheaper.

## Compression methods
- Pruning
\t- drop the weights or whole units that matter least to the predictions
\t- usually followed by a short fine-tuning to recover accuracy
- Quantization
\t- store the weights in fewer bits, such as 8-bit integers instead of 32-bit floats
- Distillation
\t- train a small student model to match the outputs of a large teacher

"""


COMPRESSION = NOTES.add({"Compression.md": SHRINKING})


def test_branches_naming_kinds_are_cards_and_so_are_their_names(shared):
    found = shared.backs_by_front(COMPRESSION)
    assert ending(found, "Compression methods") == "- Pruning\n- Quantization\n- Distillation"
    assert ending(found, "Compression methods › Quantization") == (
        "- store the weights in fewer bits, such as 8-bit integers instead of 32-bit floats")


# Branches beside one whose line is too long for a label: that line is shown, its nested items the back.
TRAPS = """---
tags: [data]
---
## Leakage traps
- Scaling before the split
\t- fit the scaler on the training rows only, then apply that same fitted scaler to the validation and test rows
\t- otherwise the mean and spread of the test rows shape the features the model is trained on
- Filling in missing values with statistics taken from the test rows
\t- take the statistics from the training rows only, exactly as for scaling
- Duplicates across the split
\t- remove near-duplicate rows before splitting, or the same example lands on both sides of the split
\t- the test score then rewards memorising those rows rather than generalising
- Random splits of time series
\t- split by time instead, training on the past and testing on the future
\t- a random split lets the model peek at the days that come after the ones it is tested on
- Features computed after the outcome
\t- a column filled in only once the label is known gives the answer away
\t- check when each feature becomes available in production before training on it
"""


LEAKAGE = NOTES.add({"Leakage.md": TRAPS})


def test_a_branch_with_a_long_line_beside_carded_branches_is_a_card_showing_that_line(shared):
    found = shared.backs_by_front(LEAKAGE)
    assert ending(found, "\n\nFilling in missing values with statistics taken from the test rows") == (
        "- take the statistics from the training rows only, exactly as for scaling")
