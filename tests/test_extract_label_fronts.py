"""Fronts made of a lead-in or a label that asks nothing (issue 23). A sentence opener before a colon ("Either way:",
"Notice the growth:") joins the text on to what comes before it, or points the reader at what follows: it names
nothing a card could ask about, so it is no front part. The text goes on the card of what it goes on from (the
remark on the formula above it), or, right after a formula, is a remark on it whose cue is what the opener points
at ("Notice the growth" → "The growth"). Notes in GitHub Markdown and MyST; the CLI reads them as a scan would."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nsections = true\n[review]\ntimezone = "UTC"\n'

PIPES = r"""# Pipelines

## Micro-batching

Each batch is cut into smaller pieces that flow through the stages one after another, so that the stages work
at the same time on different pieces.

The stages wait while the pipeline fills and drains: the **idle share**. With $s$ stages and $n$ micro-batches,
each stage works $n$ slots of a schedule $n + s - 1$ slots long, so the idle share is

$$\text{idle} = \frac{s-1}{n+s-1}$$

That denominator counts every slot of the schedule; older papers divide by the busy slots only and get
$\frac{s-1}{n}$, the same trend with another denominator.

Either way: **make $n$ much larger than $s$**. Four micro-batches per stage already hide most of the idle time.
"""

UNION = r"""# Union bounds

## Finite classes

Solving for the sample size, a finite class needs at most this many samples:

$$
m \le \frac{\log(|H|/\delta)}{\epsilon}
$$

```{tip}
Notice the growth: linear in $1/\epsilon$ but only logarithmic in the size of the class and in $1/\delta$, so even a
huge finite class is cheap.
```
"""


def cards(tmp_path, notes: dict[str, str]) -> list[dict]:
    root = new_wiki(tmp_path, notes, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


PIPES_2 = NOTES.add({"pipes.md": PIPES})


def test_an_opener_is_no_front_and_its_text_goes_on_the_remark_it_follows(shared):
    found = shared.cards(PIPES_2)
    assert not any("Either way" in c["front"] for c in found)
    holding = [c for c in found if "much larger than" in c["back"]]
    assert len(holding) == 1
    card = holding[0]
    assert card["front"].startswith("Pipelines › Micro-batching › The denominator")
    assert "\\frac{s-1}{n+s-1}" in card["front"]  # (the formula it speaks of, on its front)
    assert "That denominator counts every slot" in card["back"]


UNION_2 = NOTES.add({"union.md": UNION})


def test_an_opener_right_after_a_formula_is_a_remark_cued_by_what_it_points_at(shared):
    found = shared.cards(UNION_2)
    holding = [c for c in found if "only logarithmic" in c["back"]]
    assert len(holding) == 1
    front, back = holding[0]["front"], holding[0]["back"]
    assert front.split("\n\n")[0] == "Union bounds › Finite classes › The growth"
    assert "\\log(|H|/\\delta)" in front
    assert not back.startswith("Notice")


# A box titled by its kind ("Question I had", "Question", "My question") whose text opens with the question itself:
# the question is the card's front, the rest its back (not a front "… › Question I had" with the question on the back)
QUESTION_BOXES = {
    "myst.md": """# Risk bounds

## Relative guarantees

The agnostic guarantee compares the learned predictor with the best predictor in the class, not with zero error.

```{admonition} Question I had
:class: dropdown
*Why not ask for a small absolute error instead?* Because noisy labels can make even the best possible predictor
err often, so no learner could promise it.
```
""",
    "obsidian.md": """# Dropout

## Scaling at test time

At test time every unit is kept, and the weights are scaled by the keep probability.

> [!note]- Question
> **Why scale the weights at all?** So that each unit's expected input at test time matches what it saw in
> training, when only a fraction of its inputs were on.
""",
    "quarto.qmd": """---
title: "Label smoothing"
---

## Targets

The one-hot target is mixed with a uniform distribution over the classes, with a small weight on the uniform part.

::: {.callout-tip collapse="true"}
## My question
Why does label smoothing help calibration? The model is no longer pushed to put all its mass on one class, so its
confidences stay closer to its accuracy.
:::
""",
}


def test_a_box_titled_question_asks_the_question_its_text_opens_with(tmp_path):
    fronts = {c["front"]: c["back"] for c in cards(tmp_path, QUESTION_BOXES)}
    asked = {
        "Risk bounds › Relative guarantees\n\nWhy not ask for a small absolute error instead?": "Because noisy labels",
        "Dropout › Scaling at test time\n\nWhy scale the weights at all?": "So that each unit",
        "Label smoothing › Targets\n\nWhy does label smoothing help calibration?": "The model is no longer pushed",
    }
    for front, answer in asked.items():
        assert fronts.get(front, "").startswith(answer), (front, fronts)
    assert not any(front.split("\n\n")[0].endswith(("Question I had", "Question", "My question")) for front in fronts)


ADAM = NOTES.add({
    "adam.md": (
        """# Optimisers

## Adam

Adam keeps running averages of the gradient and of its square, and divides one by the root of the other.

> [!note] Questions
> - Why does the square root of the second moment work better than the second moment itself?
> - Does weight decay belong inside the update or outside it?
""")
})


def test_a_box_titled_question_over_a_list_of_open_questions_asks_none(shared):
    found = shared.cards(ADAM)
    assert not any(c["front"].endswith("?") and "Does weight decay" in c["back"] for c in found)


KERNEL = NOTES.add({
    "kernel.md": (
        r"""# Kernel smoothing

## Nadaraya–Watson

### Exact kernel regression
The prediction weights every training point by its kernel value:
$$\hat f(x) = \frac{\sum_i K(x, x_i)\, y_i}{\sum_i K(x, x_i)}$$
Drawbacks:
1. every prediction touches all $n$ training points, so one prediction costs $O(n)$
2. the bandwidth has to be tuned, usually by cross-validation over a grid
3. in high dimensions every point is far from every other one, so the weights are all tiny
""")
})


def test_a_list_lead_in_after_a_formula_stays_on_the_list_card(shared):
    """"Drawbacks:" over the list after a formula (an Obsidian note, no blank lines): the list's card says it lists
    the drawbacks, not only the heading path the formula's card has too."""
    found = [c for c in shared.cards(KERNEL) if "bandwidth has to be tuned" in c["back"]]
    assert len(found) == 1
    assert found[0]["front"].startswith("Kernel smoothing › Nadaraya–Watson › Exact kernel regression › Drawbacks")
    from mlwiki import ids
    from mlwiki.extract.list_cards import FORM
    path = "Kernel smoothing › Nadaraya–Watson › Exact kernel regression"
    assert found[0]["id"] == ids.card_id("basic", f"{FORM}: {path}"), "its id is the front's before it took the label"


RATES = NOTES.add({
    "rates.md": (
        r"""# Generalisation

## Rates

For a class of finite dimension $d$ and confidence $1 - \delta$ we have

- tight case:
$$ \epsilon \approx \frac{d + \log(1/\delta)}{m} $$
- noisy case:
$$ \epsilon \approx \sqrt{\frac{d + \log(1/\delta)}{m}} $$
""")
})


def test_a_formula_under_a_bare_item_label_shows_the_sentence_the_list_goes_on_from(shared):
    """"- tight case:" over a formula says of what only with the paragraph its list goes on from ("… we have"): the
    front shows that sentence, then the label."""
    found = {c["back"]: c["front"] for c in shared.cards(RATES) if c["back"].startswith("$$")}
    assert len(found) == 2
    for front in found.values():
        assert "finite dimension $d$ and confidence" in front, front
    assert any(front.endswith("tight case:") for front in found.values())



IMBALANCE = """# Imbalanced data

## Remedies

- Metrics
    - accuracy hides the minority class, so report precision and recall per class instead
    - the precision-recall curve shows more than the ROC curve when positives are rare
    - calibrate the scores before picking a threshold, since resampling shifts the predicted probabilities
- Handling the minority class
    - Option 1: Oversampling
        - Pros
            - no labelled example is thrown away
        - Cons
            - the same few points are repeated, so the model can overfit them
            - training takes longer, since every epoch holds more rows
    - Option 2: Class weights. Each example's loss is scaled by the inverse frequency of its class.
        - Pros
            - nothing has to be resampled, the data loader stays as it is
        - Cons
            - very large weights make the gradient noisy and the training unstable
    - Option 3: Undersampling
        - Pros
            - training gets much faster, since most of the rows are dropped
        - Cons
            - most of the majority class is never seen, which wastes labelled data
- Evaluation
    - keep the test set at the true class ratio, never resample it
    - report the confusion matrix next to any single number
"""


IMBALANCE_2 = NOTES.add({"imbalance.md": IMBALANCE})


def test_a_numbered_label_takes_the_name_its_text_opens_with(shared):
    """"- Option 2: Class weights. Each example's loss …" in an outline: "Option 2" alone names nothing a learner
    could recall a month later; the front says "Option 2: Class weights", the back what follows the name."""
    found = {c["front"]: c["back"] for c in shared.cards(IMBALANCE_2)}
    under = "Imbalanced data › Remedies › Handling the minority class › "
    assert found[under + "Option 2: Class weights"].startswith("Each example's loss is scaled")
    assert found[under + "Option 1: Oversampling"].startswith("- Pros")
    assert under + "Option 3" not in found


IMBALANCE_3 = NOTES.add({"imbalance.md": IMBALANCE})


def test_a_numbered_label_that_takes_its_name_keeps_its_id(shared):
    """The card was "… › Option 2" before it took its name: its id stays that front's, so its history stays."""
    from mlwiki import ids
    from mlwiki.extract.outline_cards import FORM

    found = {c["front"]: c["id"] for c in shared.cards(IMBALANCE_3)}
    under = "Imbalanced data › Remedies › Handling the minority class › "
    assert found[under + "Option 2: Class weights"] == ids.card_id("basic", f"{FORM}: {under}Option 2"), found
