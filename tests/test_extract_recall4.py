"""Facts a learner would card that got no card (issue 23), by the form of the note they sit in: a subsection of a
worked example that states general results ("Example 1 › Conclusion", "Examples › Least-norm solution" in
symbols); a later paragraph of a section that no card holds and that names its subject ("Price of one row update:
…"); a bold phrase ending a list item's sentence, no label of a part; a note's "## TL;DR" under its title; the
list a part opens with when a formula after it made the part's only card ("**Special cases:**" / items / $$…$$).
Notes in the styles of a MyST book, an Obsidian vault and a Quarto blog; the CLI reads them as a scan would."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

WORKED = r"""# Fitting one weight

## Example 1

Take $x = 3$ and $y = 7$ with a start weight $w = 1$; the squared error is $(7 - 3)^2 = 16$.

### Step-by-step calculation

With $\eta = 0.05$ the next weight is $1 + 0.05 \cdot 24 = 2.2$.

### What it shows

The slope of the loss in a weight tells which way to move that weight so that the error shrinks, and repeating
that move is the heart of gradient-based training.

## Examples

### Smallest solution of a linear system

Minimising $\frac12\|x\|^2$ under $Ax = b$ gives $x^\star = A^\top(AA^\top)^{-1}b$, the pseudo-inverse solution.

### Two made-up points

Points at 4 and 6 have a mean of 5 and a spread of 1.
"""


def cards(tmp_path, notes: dict[str, str]) -> list[dict]:
    root = new_wiki(tmp_path, notes, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


WEIGHTS = NOTES.add({"book/weights.md": WORKED})


def test_a_worked_examples_general_subsections_are_cards(shared):
    found = {c["front"]: c["back"] for c in shared.cards(WEIGHTS)}
    assert any("heart of gradient-based training" in b for b in found.values())
    assert any("pseudo-inverse solution" in b for b in found.values())
    # (its arithmetic on made-up numbers stays out)
    assert not any("2.2" in b or "mean of 5" in b or "= 16" in b for b in found.values())


LOOSE = r"""# Factor models

## Alternating solves

Each half-step solves a ridge regression for one side while the other side stays fixed:

$$p_u = (Q_u^\top Q_u + \lambda I)^{-1} Q_u^\top r_u$$

(the same for items.) No half-step can raise the loss, so the objective only goes down.

Price of one row update: building the Gram matrix is $O(n_u k^2)$ and solving the system is $O(k^3)$.

## Rates of error

### Miss rate

The miss rate is the share of true positives that the classifier labels negative.

A higher recall and a lower miss rate is desirable since we want every positive case found by the model.

The table of rates can be read off the object we built in the cell above with a single call.
"""


FACTORS = NOTES.add({"Factors.md": LOOSE})


def test_a_loose_paragraph_no_card_holds_is_a_card_of_what_it_names(shared):
    found = {c["front"]: c["back"] for c in shared.cards(FACTORS)}
    assert next(v for f, v in found.items() if f.split("\n\n")[0] == "Factor models › Alternating solves › Price of one row update").endswith("is $O(k^3)$.")
    assert any(f.split("\n\n")[0].endswith("› A higher recall and a lower miss rate") for f in found)
    assert not any("object we built" in b for b in found.values()), "the tutorial's own doings stay out"


ITEM_GOES_ON = r"""# Margins

## Dual view

Primal: $\min_w \frac12\|w\|^2$ subject to every point being on its side with a margin of one.

- stationarity gives $w = \sum_i \alpha_i y_i x_i$
- only points with $\alpha_i > 0$ shape the boundary → these points are called the
  **support vectors**
- the dual reads the data only through inner products $x_i^\top x_j$ → **kernel trick**
"""


MARGINS = NOTES.add({"Margins.md": ITEM_GOES_ON})


def test_a_bold_phrase_ending_a_list_items_sentence_is_no_label_of_a_part(shared):
    found = {c["front"]: c["back"] for c in shared.cards(MARGINS)}
    assert "Margins › Dual view › support vectors" not in found
    assert any("inner products" in b for f, b in found.items() if not f.endswith("support vectors"))
    assert any("stationarity gives" in b for b in found.values())


PAPER = r"""# Ranking from clicks alone

**Authors:** A. Writer, B. Writer (2010)

## TL;DR

A pairwise loss for click data that prefers each clicked item over unclicked ones, fitted with sampled stochastic
gradient steps; it works for factor models and neighbour models alike.

## Training

### TL;DR

Sampling triples at random beats looping over users in order.
"""


RANKING = NOTES.add({"papers/ranking.md": PAPER})


def test_a_summary_under_the_notes_title_is_a_card_of_its_gist(shared):
    found = {c["front"]: c["back"] for c in shared.cards(RANKING)}
    assert found["Ranking from clicks alone › TL;DR\n\nWhat is ranking from clicks alone, in short?"].startswith("A pairwise loss for click data")
    assert not any(f.endswith("Training › TL;DR") for f in found), "a section's own gist: its cards say it"


OPENING_LISTS = r"""# Units

## Terms

- Net input = weighted sum of the inputs, $z$
- Activation = activation function of the net input; $a=\sigma(z)$

**Special cases:**
- in a perceptron the activation function is a step function
- in linear regression the activation, the net input and the output are one number

$$
\sigma(w^\top x + b) = \hat y
$$

## Details worth keeping

- the encoder shrinks each side of the image by a factor of eight, and four or eight worked best in the paper
- the encoder is trained with a perceptual loss plus an adversarial one (sharper than a plain
  VAE — see [VAE page](vae.md))
- a small **KL penalty** keeps the latent space from drifting to a huge variance
- the latents are scaled by a constant so that they have about unit variance
- **cross-attention** conditioning: the image features ask, the text tokens answer as keys and values.

$$
z = s \cdot \mathcal{E}(x)
$$

Because the encoder is convolutional, you can sample latents larger than the training ones (with some seams).
"""


UNITS = NOTES.add({"Units.md": OPENING_LISTS})


def test_a_list_that_opens_a_part_with_a_formula_after_it_is_a_card(shared):
    found = {c["front"]: c["back"] for c in shared.cards(UNITS)}
    under = {}  # (the backs under each heading: a list of claims is a card per claim, session 47)
    for front, back in found.items():
        under[front.split("\n\n", 1)[0]] = under.get(front.split("\n\n", 1)[0], "") + "\n" + back
    assert "step function" in under["Units › Terms › Special cases"]
    details = under["Units › Details worth keeping"]
    assert "factor of eight" in details and "perceptual loss" in details and "unit variance" in details
    assert not any("see VAE page" in f for f in found), "a line going on with an item is no label"
