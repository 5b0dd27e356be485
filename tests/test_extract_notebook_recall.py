"""Recall on tutorial notebooks (issue 23, Jupyter-Book notes): what such notes say in a tutorial's voice or in long
sections that a learner still cards. The notes are written here in the style of a Jupyter Book of course notes
(one Markdown cell after another, narration between the facts); the CLI reads them as a user's scan would."""

from __future__ import annotations

import pytest

from conftest import backs_by_front
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\ndefinitions = false\nsections = true\n[review]\ntimezone = "UTC"\n'


cards = backs_by_front  # {front: back} of the wiki's cards


COUNTED = """# Training tricks

## Regularization

A network with many weights can fit the noise of its training set as well as the signal, and then it does worse
on new inputs than its training loss promises. Regularization trades a little training loss for a model that
generalizes, by limiting how freely the weights can grow or how much any unit may rely on another one.

In this chapter we'll look at three common ways to regularize a network:

1. **Weight decay**
2. **Dropout**
3. **Early stopping**

```python
model = build()
```

## Schedules

The learning rate rarely stays fixed for a whole run: a large step early moves fast, a small step late settles,
and a schedule decides how the one becomes the other as training goes on, epoch by epoch or step by step.

We will now meet two schedules that most libraries ship:

- Step decay
- Cosine annealing
- Warm restarts

Consider three points of the toy data:

- (1, 2)
- (2, 4)
- (3, 6)

The next pages are split into the two following sections:

- Theory
- Practice
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


TRAINING_TRICKS = NOTES.add({"Training tricks.md": COUNTED})


def test_a_list_whose_introduction_counts_its_items_is_a_card_though_the_sentence_narrates(shared):
    found = shared.backs_by_front(TRAINING_TRICKS)
    front = "Training tricks › Regularization\n\nThree common ways to regularize a network:"
    assert found[front] == "1. **Weight decay**\n2. **Dropout**\n3. **Early stopping**"
    assert "Training tricks › Schedules\n\nTwo schedules that most libraries ship:" not in found, \
        "two announced, three listed: no counted card"
    assert not any("sections" in f for f in found), "a page's own sections are no subject"
    assert not any("points" in f for f in found), "an example's values are no names of kinds"
    assert found["Training tricks › Schedules"].startswith("The learning rate rarely stays fixed")


OPTIMISERS = NOTES.add({
    "Optimisers.md": (
        """# Optimisers

## Momentum

Momentum keeps a running average of past gradients and steps along it, so that directions that agree from one
step to the next build up speed while directions that flip sign cancel out over a few steps.

We'll compare two variants of it:

- Heavy ball: the classic form, which adds the running average of the past gradients to the parameters after every
  single step, whatever the gradient at the new point turns out to be
- Nesterov: evaluates the gradient at the point the running average is about to carry the parameters to, and corrects
  the step with it before taking it, which damps the oscillations
""")
})


def test_a_counted_list_of_explanations_is_left_to_the_passage_rules(shared):
    found = shared.backs_by_front(OPTIMISERS)
    assert not any(f.endswith("Two variants of it:") for f in found), "items longer than names: not this rule's"


NAMED = """# Inference

## Running the evaluation loop

Before we predict, we need a trained model and some inputs that it has never seen during training.

You probably noticed that the prediction cell used a context manager around the call to the model.

torch.no_grad() switches off the recording of operations for the backward pass, so the forward pass runs faster
and keeps less memory.

Mean squared error (MSE, in PyTorch: torch.nn.MSELoss) averages the squared differences between predictions and
targets over all examples.

The evaluation loop goes through the held-out data once and only measures how far the predictions are off.

PyTorch has a bunch of ready-made losses that do similar things.

self.head takes 16 features and produces 2 logits.

The torch.nn.Bilinear() module (we'll meet it again later), also known as a bilinear layer, multiplies two inputs
through one weight tensor and adds a bias.

SciPy offers the following solvers:
1. BFGS
2. Nelder-Mead
"""


INFERENCE = NOTES.add({"Inference.md": NAMED})


def test_a_paragraph_that_says_what_a_named_thing_does_is_a_card_in_a_long_section(shared):
    found = shared.backs_by_front(INFERENCE)
    path = "Inference › Running the evaluation loop\n\n"
    assert found[path + "What does torch.no_grad() do?"].startswith("torch.no_grad() switches off the recording")
    assert found[path + "What does Mean squared error (MSE, in PyTorch: torch.nn.MSELoss) average?"].endswith("over all examples.")
    assert found[path + "What does the evaluation loop do?"].startswith("The evaluation loop goes through"), \
        "an article's subject that names the heading's loop, and a verb in the present"
    assert found[path + "What does the torch.nn.Bilinear() module do?"] == (
        "The torch.nn.Bilinear() module, also known as a bilinear layer, multiplies two inputs through one weight "
        "tensor and adds a bias."), "'The' and a kind before the name, the asides left out of its question"
    assert not any("PyTorch …" in f or "self.head" in f or "SciPy" in f for f in found), \
        "a vague promise, a walk through the code above, a sentence that only introduces a list: no card"


NARRATED = """# Graph learning

## Citation graphs

In this section, we will train a node classifier on a citation graph. A citation graph has one node per paper and an
edge wherever one paper cites another, and each node carries the words of its paper's abstract as features.

## Walks

In this section, we will write a function for random walks. This function takes a start node and a length and
returns the nodes it visited on the way.

## Convergence

Next we'll plot the loss per epoch. Based on your plot, would you say that the training loss has converged?
"""


GRAPH_LEARNING = NOTES.add({"Graph learning.md": NARRATED})


def test_a_paragraphs_narrating_first_sentence_is_cut_when_the_rest_stands_alone(shared):
    found = shared.backs_by_front(GRAPH_LEARNING)
    assert found["Graph learning › Citation graphs"].startswith("A citation graph has one node per paper"), \
        "the narration cut, what it announced stays"
    assert "Graph learning › Walks" not in found, "'This function …' goes on from the sentence cut"
    assert "Graph learning › Convergence" not in found, "what is left asks the reader: no card"


LABELLED_TERMS = """# Optimisers

## Adam

Adam keeps running averages of the gradient and of its square, and scales each step by their ratio.

$$m_t = \\beta_1 m_{t-1} + (1 - \\beta_1) g_t$$

**Why adaptive methods help**

- **Sparse features**: a rarely active weight keeps a large step while the busy ones slow down.
- **Noisy gradients**: the running averages smooth out what a single mini-batch gets wrong.

## Glossary

**Epoch**: one pass over the training set.

**Step**: one update of the weights.
"""


OPTIMISERS_2 = NOTES.add({"Optimisers.md": LABELLED_TERMS})


def test_a_bold_labels_term_list_is_its_parts_card_with_definitions_off(shared):
    found = shared.backs_by_front(OPTIMISERS_2)
    assert found["Optimisers › Adam › Why adaptive methods help"].startswith("- **Sparse features**: a rarely")
    assert "Optimisers › Glossary" not in found, "a glossary with no label over it is left to definitions"


TOOL_TUTORIAL = """# Recommenders

## Example using the LightFM library

### WARP

WARP samples negatives until it finds one ranked above the positive, and weights the update by how long that took.

### BPR

BPR is a pairwise loss that compares one positive item with one sampled negative item for each user.

### Logistic

Logistic is a pointwise loss based on the logistic function.

## Example: a tiny matrix

### Step one

The loss of a random guess is computed over the three ratings of the toy matrix and compared later.
"""


RECOMMENDERS = NOTES.add({"Recommenders.md": TOOL_TUTORIAL})


def test_an_example_using_a_tool_is_a_tutorial_whose_sections_are_cards_but_a_worked_example_is_not(shared):
    found = shared.backs_by_front(RECOMMENDERS)
    tool = "Recommenders › Example using the LightFM library › "
    assert found[tool + "WARP"].startswith("WARP samples negatives until it finds one ranked above")
    assert found[tool + "BPR\n\nWhat is BPR?"].startswith("BPR is a pairwise loss")
    assert tool + "Logistic" not in found, "'Logistic is … the logistic function' only names it again"
    assert not any("tiny matrix" in front for front in found), "a worked example stays out"


ASIDES_AND_PLANS = """# Attention

## Uses of attention models

- Machine translation (e.g., between two languages)
- Document summarisation (e.g., news, papers and long reports)
- Speech recognition

## The attention layer

The idea is that some inputs matter more than others, and the layer learns by how much from the inputs themselves.

$$h_i = \\sum_j \\alpha_{ij} W x_j$$

The scores are computed from the inputs themselves, which is why it is called self-attention.

We will see how to compute the scores in three steps and how to improve them:

- Project the inputs
- Score every pair
- Normalise the scores
- Use several heads
"""


ATTENTION = NOTES.add({"Attention.md": ASIDES_AND_PLANS})


def test_a_names_list_item_may_hold_an_aside_and_a_closing_skips_narration_and_its_list(shared):
    found = shared.backs_by_front(ATTENTION)
    assert found["Attention › Uses of attention models"].startswith("- Machine translation (e.g., between")
    assert found["Attention › The attention layer"] == \
        "The scores are computed from the inputs themselves, which is why it is called self-attention.", \
        "the narration and the steps it announces (four listed, three said) are left out of the closing card"


ONE_LINE_NARRATION = """# Tensors

## Indexing

Sometimes you'll want to pick out a few values of a tensor.

Indexing goes from the outer dimension to the inner one, one pair of brackets per dimension.

## Training

Now we've got a model, let's train it.

Since our model hasn't been trained yet, its first predictions are basically random guesses.
"""


TENSORS = NOTES.add({"Tensors.md": ONE_LINE_NARRATION})


def test_a_one_line_narration_does_not_keep_the_fact_after_it_from_opening_the_section(shared):
    found = shared.backs_by_front(TENSORS)
    assert found["Tensors › Indexing"].startswith("Indexing goes from the outer dimension")
    assert "Tensors › Training" not in found, "the story goes on: 'Since our model …'"


TOOL_SENTENCES = """# Tensors

## Reshaping

Deep learning code moves tensors between many shapes, and most errors in a new model come from a shape mismatch.

You can also rearrange the order of the axes with torch.permute(input, dims), which returns a view of the input.

You can also do the same as above with a second call.

We can also see the loss going down after a few more steps of training.
"""


TENSORS_2 = NOTES.add({"Tensors.md": TOOL_SENTENCES})


def test_a_sentence_saying_what_a_function_does_in_a_tutorials_voice_is_a_card_of_that_function(shared):
    found = shared.backs_by_front(TENSORS_2)
    assert found["Tensors › Reshaping\n\nWhat does torch.permute(input, dims) do?"].startswith("You can also rearrange the order")
    assert not any("second call" in back or "loss going down" in back for back in found.values()), \
        "no function named, or the same as above: no card"


SIGNATURE = """# Optimizers

## Plain gradient descent

Every optimizer in the library takes the tensors it updates and a few numbers that set how it steps.

We'll use plain gradient descent, torch.optim.SGD(params, lr) where:

params is the list of tensors the optimizer updates after each backward pass.

lr is the step size: too large and the loss jumps around or diverges, too small and training crawls.

The momentum argument is left at zero here.
"""


OPTIMIZERS = NOTES.add({"Optimizers.md": SIGNATURE})


def test_a_calls_arguments_explained_one_paragraph_each_are_one_card(shared):
    found = shared.backs_by_front(OPTIMIZERS)
    back = found["Optimizers › Plain gradient descent\n\ntorch.optim.SGD(params, lr) where:"]
    assert back.startswith("params is the list of tensors") and back.endswith("training crawls.")
    assert "momentum" not in back, "a paragraph that opens with no argument of the call ends the card"


LABEL_LINES = """# Word vectors

## Two training tasks

Both tasks slide a window over the text and learn one vector per word from the words that share its windows. The
vectors start at random, and every window nudges them so that words seen in the same company end up close together,
which is why words used in the same way get similar vectors even when they never appear side by side. A corpus of a
few million sentences is enough for the common words; rare words need far more text, or tricks that share what is
learnt between the pieces of words. Training is cheap per window, and the whole corpus is read a handful of times.

The continuous bag-of-words model:

It predicts the word in the middle of the window from the sum of the vectors of the words around it.

The continuous skip-gram model:

It predicts every word around the middle one from that word's vector alone, which is slower but better for rare words.

Where:

w is the word in the middle of the window and c the size of the window on each side.
"""


WORD_VECTORS = NOTES.add({"Word vectors.md": LABEL_LINES})


def test_a_short_label_line_over_a_paragraph_titles_it_in_a_long_section(shared):
    found = shared.backs_by_front(WORD_VECTORS)
    path = "Word vectors › Two training tasks › "
    assert found[path + "The continuous skip-gram model"].startswith("It predicts every word around the middle")
    assert found[path + "The continuous bag-of-words model"].startswith("It predicts the word in the middle")
    assert path + "Where" not in found, "one word over a legend names no subject"


GLOSSES = """# Training

## The loop

Let's run the loop for 20 **epochs** (full passes over the training data) and print the loss every 5 of them.

Under these assumptions the **adjustment formula** (the backdoor formula, in graphical terms) gives the effect.

We keep a **validation set** (e.g. 10% of the data) aside.
"""


TRAINING = NOTES.add({"Training.md": GLOSSES})


def test_a_bold_term_glossed_in_brackets_inside_a_sentence_is_a_definition(shared):
    found = shared.backs_by_front(TRAINING)
    assert found["Training › The loop\n\nDefine: epochs"] == "full passes over the training data"
    assert not any("adjustment formula" in f or "validation set" in f for f in found), \
        "another name for it, or an example, is no gloss"


BOLD_ITEMS = """# Autograd

## How it works

Every operation on a tensor that needs gradients records a node in a graph, and the backward pass walks that graph
from the loss back to the leaves, multiplying local derivatives as the chain rule says.

$$\\frac{\\partial L}{\\partial x} = \\frac{\\partial L}{\\partial y} \\frac{\\partial y}{\\partial x}$$

- **Recording:** each operation stores what it needs to compute its local derivative later.
- **Accumulation:** gradients of a leaf used twice are summed into its grad attribute.

### Recording

Recording happens only for tensors that require gradients, so inference code can switch it off to save memory.
"""


AUTOGRAD = NOTES.add({"Autograd.md": BOLD_ITEMS})


def test_bold_labelled_items_are_labelled_cards_with_definitions_off_unless_a_heading_has_the_label(shared):
    found = shared.backs_by_front(AUTOGRAD)
    assert found["Autograd › How it works › Accumulation"].startswith("gradients of a leaf used twice are summed")
    assert found["Autograd › How it works › Recording"].startswith("Recording happens only for tensors"), \
        "a label that is also a heading: the heading's section card keeps its front"


WORD_VECTORS_2 = NOTES.add({
    "Word vectors.md": (
        "# Word vectors\n\n## Two training tasks\n\nits only goal is good vectors.\n\n"
        "The continuous bag-of-words model:\n\n"
        "It predicts the word in the middle of a window from the sum of the vectors of the words around it.\n\n"
        "The continuous skip-gram model:\n\n"
        "It predicts every word around the middle one from that word's vector alone, which is slower.\n\n"
        "## Summing up\n\nIn essence:\n\nBoth models learn one vector per word from the windows it appears in.\n")
})


def test_a_label_line_over_the_sections_opening_paragraph_titles_that_card_too(shared):
    found = shared.backs_by_front(WORD_VECTORS_2)
    path = "Word vectors › Two training tasks › "
    assert found[path + "The continuous bag-of-words model"].startswith("It predicts the word in the middle")
    assert found[path + "The continuous skip-gram model"].startswith("It predicts every word around")
    assert "Word vectors › Summing up" in found and "Word vectors › Summing up › In essence" not in found
