"""Margin notes and asides (issue 23): a Quarto `::: {.column-margin}` / `::: {.aside}` / `[…]{.aside}`, a MyST
```{margin} / ```{sidebar}, an Obsidian `> [!aside]` that states a fact about its section is a card under the
section's heading path, its front the form its text takes (a bold label, a "Label:", a question, the subject and
verb it opens on); one that links elsewhere, shows an image or is the writer's aside makes none, and the main
text's cards stay as they were. Notes in the styles of a Quarto site, a MyST book, an Obsidian vault and a
Markdown repository, read by the CLI as a scan would."""

from __future__ import annotations

import pytest

import json
import re

from conftest import new_wiki, run

from mlwiki.extract.margins import margin_card
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

QUARTO = """---
title: Weight averaging
---

## Polyak averaging

Keep a running mean of the weights along the optimiser's path and evaluate with the mean rather than the last
iterate.

::: {.column-margin}
**EMA decay** of 0.999 is the usual choice for image models; 0.9999 for long diffusion runs.
:::

## Stochastic weight averaging

Average the weights visited at the end of each cycle of a cyclical learning rate, then recompute the batch-norm
statistics with one pass over the training data.

::: {.aside}
Why recompute the statistics? The averaged weights never produced the stored running means.
:::

::: {.column-margin}
Compare with [the EMA section](ema.qmd) for the streaming variant.
:::

[Cycle length: between one and five epochs in the original experiments.]{.aside}
"""

MYST = """# Rényi entropy

## Definition

For an order $\\alpha \\ge 0$, $\\alpha \\ne 1$, the Rényi entropy is a log of a power sum of the probabilities.

```{margin}
Limit: as $\\alpha \\to 1$ it tends to the Shannon entropy.
```

```{sidebar}
I keep forgetting which way the orders go.
```

```{margin}
![plot of the orders](orders.png)
```
"""

OBSIDIAN = """# Mixup

## The recipe

Draw $\\lambda$ from a Beta distribution and train on the convex combination of two inputs and of their labels.

> [!aside]
> CutMix pastes a rectangle from one image into another and mixes the labels by area instead.
"""


def _cards(tmp_path, notes: dict[str, str]) -> dict[str, str]:
    root = new_wiki(tmp_path, notes, CONFIG)
    run(root, "scan", ok=True)
    return {c["front"]: c["back"] for c in json.loads(run(root, "cards", "--json", ok=True).output)}


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


AVERAGING = NOTES.add({"averaging.qmd": QUARTO})


def test_a_quarto_margin_with_a_label_or_a_question_is_a_card(shared):
    cards = shared.backs_by_front(AVERAGING)
    assert cards["Weight averaging › Polyak averaging › EMA decay"].startswith("**EMA decay** of 0.999")
    asked = "Stochastic weight averaging\n\nWhy recompute the statistics?"  # (its heading names the subject)
    assert cards[asked] == "The averaged weights never produced the stored running means."
    assert cards["Stochastic weight averaging › Cycle length"].startswith("between one and five")
    assert not any("EMA section" in back for back in cards.values())  # (a pointer to another note: no card)


RENYI = NOTES.add({"renyi.md": MYST})


def test_a_myst_margin_is_a_card_and_the_writers_aside_or_an_image_is_none(shared):
    cards = shared.backs_by_front(RENYI)
    assert cards["Rényi entropy › Definition › Limit"] == "as $\\alpha \\to 1$ it tends to the Shannon entropy."
    assert not any("forgetting" in back or "orders.png" in back for back in cards.values())


MIXUP = NOTES.add({"Mixup.md": OBSIDIAN})


def test_an_obsidian_aside_is_asked_as_its_claim(shared):
    cards = shared.backs_by_front(MIXUP)
    assert cards["Mixup › The recipe\n\nWhat does CutMix paste?"].startswith("CutMix pastes a rectangle")


def test_the_main_texts_cards_do_not_change(tmp_path):
    plain = re.sub(r"::: \{\.(?:column-margin|aside)\}\n.*?\n:::\n|\[Cycle[^\n]*\n", "", QUARTO, flags=re.S)
    assert "{." not in plain
    with_margin = _cards(tmp_path / "a", {"averaging.qmd": QUARTO})
    without = _cards(tmp_path / "b", {"averaging.qmd": plain})
    assert all(with_margin.get(front) == back for front, back in without.items())


def test_margin_forms():
    assert margin_card("A › B", "Side note: the same trick returns in [[Other note]].") is None
    assert margin_card("A › B", "See the appendix for the proof of convergence.") is None
    assert margin_card("A › B", "Haven't worked through it. My guess.") is None
    assert margin_card("A › B", "Source: [Lin et al. 2017](https://example.org/focal)") is None
    assert margin_card("A › B", "Figure 2: the loss against the number of steps.") is None
    assert margin_card("A › B", "Warmup: 1% of the steps is plenty.") == ("A › B › Warmup", "1% of the steps is plenty.")
    found = margin_card("A › B", "GQA also shares keys between groups of heads. Haven't checked it.")
    assert found == ("A › B\n\nGQA also shares …", "GQA also shares keys between groups of heads.")



LABEL_SMOOTHING = NOTES.add({
    "Label smoothing.md": (
        "# Label smoothing\n\n## Targets\n\nMix the one-hot target with a uniform distribution over the classes so"
        " the model never drives a logit to infinity.\n\n> [!aside] Epsilon\n> A weight of 0.1 on the uniform part"
        " is the usual setting.\n\n::: {.column-margin .no-card}\n**Kept out**: the writer asked for no card."
        "\n:::\n")
})


def test_a_titled_aside_is_named_by_its_title_and_no_card_is_kept(shared):
    cards = shared.backs_by_front(LABEL_SMOOTHING)
    assert cards["Label smoothing › Targets › Epsilon"] == "A weight of 0.1 on the uniform part is the usual setting."
    assert not any("Kept out" in front or "no card" in back for front, back in cards.items())
