"""Heading-only fronts over several facts (session 46, vague21): a heading that names where facts are kept, not what
they answer, over a list of unrelated facts asks for none of them. Notes written into tmp_path in the styles of
the collections, read back through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = false\nsections = true\n[review]\ntimezone = "UTC"\n'


DAY = """---
created: 2025-02-03
---
## Log
- 10:00 read about tokenizers, started the [[BPE]] note
- 15:00 trained two small models

| vocab | ppl |
|---|---|
| 8k | 31.2 |
| 32k | 27.9 |

The bigger vocabulary wins by a few points.

## Things I learned today
- `BertTokenizer` lowercases by default (`do_lower_case=True`), so a cased checkpoint needs it switched off.
- left padding matters for decoder-only generation: right padding puts pads between the prompt and the new tokens.
- byte fallback in sentencepiece: emoji are split into bytes instead of becoming unknown tokens.

%% single runs only %%
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


N2025_02_03 = NOTES.add({"Daily/2025-02-03.md": DAY})


def test_a_days_things_i_learned_heading_is_a_bag_of_its_items(shared):
    """"## Things I learned today" over three unrelated facts made one card of all three under that heading, as
    "Gotchas" does not: the heading says where the day's facts are kept, not what they answer. Each fact that says
    its topic is a card under it; the one that says none stays under the heading."""
    made = shared.backs_by_front(N2025_02_03)
    assert "emoji" not in made["Things I learned today"] and "lowercases" in made["Things I learned today"], made
    assert "prompt and the new tokens" in made["Things I learned today › left padding"], made
    assert any(front.endswith("byte fallback in sentencepiece") for front in made), made


NOTE = """# Momentum

## Why it speeds things up

With a constant gradient $g$ the velocity converges to a geometric sum, so

$$ v_\\infty = \\frac{g}{1-\\beta} $$

The factor $1/(1-\\beta)$ is ten when $\\beta = 0.9$, so flat valleys are crossed ten times faster than by plain SGD.

**Nesterov momentum** (Sutskever et al. 2013): evaluate the gradient at the look-ahead point instead of the
current one, which damps the overshoot near a minimum.

Odds and ends:
- **warm restarts** reset the velocity to zero whenever the learning rate jumps back up, so old directions are forgotten
- Polyak 1964: the heavy-ball method is the same update written as a second-order difference equation.
- Adam: keeps a momentum term of its own on top of the per-parameter scaling
"""


MOMENTUM = NOTES.add({"Momentum.md": NOTE})


def test_a_list_under_a_label_that_names_no_question_is_a_bag_too(shared):
    """A list a label line introduces ("Odds and ends:") in a section of formulas is a card under "… › Odds and
    ends" that asked for three unrelated facts at once: as under a heading of that name, each fact that says its
    topic is a card of its own; the first stays under the label, with its id."""
    made = shared.backs_by_front(MOMENTUM)
    bag = made["Momentum › Why it speeds things up › Odds and ends"]
    assert "warm restarts" in bag and "heavy-ball" not in bag and "Adam" not in bag, made
    assert "heavy-ball" in made["Momentum › Why it speeds things up › Odds and ends › Polyak 1964"], made
    assert "per-parameter" in made["Momentum › Why it speeds things up › Odds and ends › Adam"], made


TOPIC = """# Dropout

## Drop probability

Each unit is zeroed independently on every training step, and the survivors are scaled up to keep the mean.
- inverted scaling: the survivors are divided by the keep probability in training, so testing needs no change.
- Monte Carlo dropout: leaving it on at test time and averaging many passes gives an uncertainty estimate.
- spatial dropout: whole channels of a feature map are dropped at once, as neighbouring pixels are correlated.

## Limitations

Dropout was designed for fully connected layers and is weaker elsewhere.
- convolutional feature maps are correlated in space, so zeroing single pixels removes little information.
- batch normalisation after dropout sees a shifted variance between training and test time.
"""


DROPOUT = NOTES.add({"Dropout.md": TOPIC})


def test_claims_listed_after_a_topic_s_paragraph_are_cards_of_their_own(shared):
    """A heading that names one topic ("Drop probability") over a paragraph saying what it is, then a list of
    three further claims ("inverted scaling: …", "Monte Carlo dropout: …", …), was one card asking for all of them
    under the bare heading. The paragraph stays on the heading's card; each item that says what it is about is a
    card of its own. A heading that names a set ("Limitations") asks for its list: that card stays whole."""
    made = shared.backs_by_front(DROPOUT)
    opening = made["Dropout › Drop probability"]
    assert opening.startswith("Each unit is zeroed") and "keep probability" not in opening, made
    assert "needs no change" in made["Dropout › Drop probability › inverted scaling"], made
    assert "uncertainty" in made["Dropout › Drop probability › Monte Carlo dropout"], made
    assert "whole channels" in made["Dropout › Drop probability › spatial dropout"], made
    whole = [front + back for front, back in made.items() if "correlated in space" in front + back]
    assert whole and all("shifted variance" in card for card in whole), made  # (the list: a card per limitation,
    # the others on its front; session 47)
