"""Explanatory prose in tutorial-style notes (issue 23): what such a note states about its subject is a card even
when a tutorial's voice surrounds it; what only walks the reader on stays off. The notes are written here in the
voice of a course notebook; the CLI reads them as a user's scan would."""

from __future__ import annotations

from conftest import backs_by_front, new_wiki

CONFIG = 'name = "T"\ndefinitions = false\nsections = true\n[review]\ntimezone = "UTC"\n'


def cards(tmp_path, text: str) -> dict[str, str]:
    return backs_by_front(new_wiki(tmp_path, {"loop.md": text}, CONFIG))


RULES_AFTER_STORY = """# Writing a fit loop

## One epoch

An epoch walks once over every batch of the training set and adjusts the weights after each one of them.

> **Tip:** The order shown in the previous cell is one of several that work; in time you will write your own.
>
> That said, the order above is a sound default, though you may meet others. Some habits worth keeping:
> * Work out the loss *before* calling backward on it.
> * Reset the stored gradients *before* the optimizer takes its step.
> * Let the optimizer step only *after* the backward pass.

Further reading sits at the end of the chapter.
"""


def test_a_list_introduced_after_a_sentence_that_narrates_is_a_card(tmp_path):
    # The short sentence that opens the list was read together with the story before it ("the order above …"),
    # and the list was dropped as narration: the rules themselves are what the learner keeps.
    found = cards(tmp_path, RULES_AFTER_STORY)
    front = next((f for f in found if f.endswith("Some habits worth keeping:")), None)
    assert front is not None, found
    assert front.startswith("Writing a fit loop › One epoch")
    assert "the order above" not in front
    assert "Reset the stored gradients" in found[front] and "backward pass" in found[front]


STORY_ONLY = """# Writing a fit loop

## One epoch

An epoch walks once over every batch of the training set and adjusts the weights after each one of them.

Now that the data is loaded we can move on. Let's look at what we'll build next:

- a model class
- a training function
- a plotting helper
"""


def test_a_list_whose_own_sentence_narrates_stays_off(tmp_path):
    found = cards(tmp_path, STORY_ONLY)
    assert not any("build next" in f or "a plotting helper" in b for f, b in found.items()), found


ASIDE_IN_ITEM = """# Loss functions

## Two-class losses

The library offers two losses for problems with two classes:
1. `PlainBCE` - measures the binary cross entropy between the targets and the predicted probabilities.
2. `LogitBCE` - the same measure, but with a sigmoid folded into it (we'll see what that buys us soon), so it takes raw scores.
"""


def test_an_item_aside_that_narrates_is_cut_not_the_list(tmp_path):
    # Only the bracketed aside walks the reader on; it used to make the whole list read as narration.
    found = cards(tmp_path, ASIDE_IN_ITEM)
    back = next((b for b in found.values() if "PlainBCE" in b and "LogitBCE" in b), None)
    assert back is not None, found
    assert "we'll see" not in back and "takes raw scores" in back


def test_an_aside_with_a_fact_beside_its_pointer_stays(tmp_path):
    text = ASIDE_IN_ITEM.replace("(we'll see what that buys us soon)", "(\"stable BCE\", see below)")
    found = cards(tmp_path, text)
    back = next((b for b in found.values() if "PlainBCE" in b and "LogitBCE" in b), None)
    assert back is None or '"stable BCE"' in back, found


LEFT_OPEN = """# Message passing

## Receptive field

Each message-passing layer mixes a node's features with those of its neighbours one hop away. Stack a second layer
and a node hears from the neighbours of its neighbours, two hops away, and so on
"""


def test_a_paragraph_that_ends_on_and_so_on_is_not_broken_off(tmp_path):
    # "… and so on" with no full stop ends a sentence that leaves a series open, not one cut off mid-clause.
    found = cards(tmp_path, LEFT_OPEN)
    assert "two hops away, and so on" in found.get("Message passing › Receptive field", ""), found


EXAMPLE_WITH_LESSON = """# Descent

## Plain gradient descent

Gradient descent moves the weights against the gradient of the loss, by a step the learning rate sets.

### Example: fitting a line by hand

Take the points (1, 3) and (2, 6) and start from $w = 0$ with a step of $0.05$.

1. Gradient at the start:

   $$
   g = -(1 \\cdot 3 + 2 \\cdot 6) = -15
   $$

2. New weight:

   $$
   w = 0 - 0.05 \\cdot (-15) = 0.75
   $$

Final thoughts:

- Computing the exact gradient over all points is affordable only when the dataset is small.
- Updating from one point at a time scales to large datasets, and its noise helps leave shallow minima.

## Momentum

Momentum keeps a running average of past gradients and steps along it, which damps oscillations across valleys.
"""


def test_the_lesson_an_example_draws_is_a_card_its_working_is_not(tmp_path):
    found = cards(tmp_path, EXAMPLE_WITH_LESSON)
    front = "Descent › Plain gradient descent › Example: fitting a line by hand › Final thoughts"
    lesson = {f: b for f, b in found.items() if f.startswith(front)}  # (its two claims: a card each since session 47)
    assert any("shallow minima" in b for b in lesson.values()) and any("small" in b for b in lesson.values()), found
    assert not any("0.75" in b or "-15" in b for b in found.values()), found  # (the working stays off)


def test_a_label_over_the_examples_numbers_stays_off(tmp_path):
    text = EXAMPLE_WITH_LESSON.replace(
        "- Computing the exact gradient over all points is affordable only when the dataset is small.\n"
        "- Updating from one point at a time scales to large datasets, and its noise helps leave shallow minima.",
        "- after one step the weight has moved from 0 to 0.75\n- a second step would bring it to 1.5, the slope of the data")
    found = cards(tmp_path, text)
    assert not any("Final thoughts" in f for f in found), found
