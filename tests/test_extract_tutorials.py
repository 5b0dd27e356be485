"""Cards from tutorial notes (issue 23, quality on Jupyter-Book style notes): a repository's README, a notation
table, a list that goes through the code above it part by part, the cases nested under a bold label, a tutorial
narrating its steps. The notes are written here in the style of a Jupyter Book of course notes (MyST pages with
`**Term**:` lists after code); the CLI reads them as a user's scan would."""

from __future__ import annotations

import pytest


from conftest import backs_by_front, new_wiki
from conftest import DEFAULT_CONFIG
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


cards = backs_by_front  # {front: back} of the wiki's cards


def wiki(tmp_path, notes: dict[str, str]):
    return new_wiki(tmp_path, notes, CONFIG)


README = """# Course notes

- **Layout**: one folder per chapter, each page a MyST notebook with its exercises at the end.
- **Build**: run the book's build command in the repository root to render the pages.

## Contributing
Pull requests that fix typos in the derivations are welcome; open an issue before adding a chapter.
"""


def test_a_repository_readme_makes_no_cards_but_written_cards_in_it_do(tmp_path):
    written = README + "\nQ: Which chapter covers kernels?\nA: Chapter four.\n"
    found = cards(wiki(tmp_path, {"README.md": written, "chapters/readme.md": README, "CONTRIBUTING.md": README}))
    assert list(found) == ["Which chapter covers kernels?"]
    named = cards(wiki(tmp_path / "other", {"Readme of a model.md": README.removeprefix("# Course notes\n")}))
    assert "Readme of a model › Contributing" in named, "a note whose name only starts with the word is a note"


NOTATION = """# Symbols used in these notes

```{list-table}
:header-rows: 1

* - Symbol
  - Formula
  - Meaning
* - $\\theta$
  - $\\theta \\in \\mathbb{R}^d$
  - [link](parameters)
* - $\\eta$
  - $\\eta > 0$
  - The step size of every optimiser in the book
* - $\\mathcal{L}$
  - $\\frac{1}{n}\\sum_i \\ell_i$
  - The average loss over the training set
```

| Optimiser | What it keeps |
|---|---|
| Momentum | a running average of past gradients, the velocity |
| Adam | running averages of the gradients and of their squares |
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


NOTATION_2 = NOTES.add({"notation.md": NOTATION})


def test_a_notation_table_of_symbols_makes_no_row_cards_but_a_table_of_named_things_does(shared):
    found = shared.backs_by_front(NOTATION_2)
    assert not any("$\\eta$" in front or "$\\theta$" in front for front in found), found
    assert found["Symbols used in these notes › Adam › What it keeps"] == \
        "running averages of the gradients and of their squares"


EXPLAINED = """# Optimisers

## RMSprop

RMSprop divides each step by a running root mean square of the recent gradients.

```python
cache = rho * cache + (1 - rho) * grad ** 2
w -= lr * grad / (cache ** 0.5 + eps)
```

**Explanation:**

- **Cache update:** Keeps a decaying average of the squared gradients for each weight.
- **Weight step:** Divides the step by the root of that average.

## In code

Each of these tricks is one argument or one call in the training loop:

- **Weight decay**: Pass `weight_decay` to the optimiser.
- **Gradient clipping**: Call `clip_grad_norm_` before each step.
- **Early stopping**: Stop when the validation loss stops falling.

## Glossary

- **Learning rate**: the factor that scales every step the optimiser takes.
- **Momentum**: a running average of past gradients that smooths the steps.
"""


OPTIMISERS = NOTES.add({"optimisers.md": EXPLAINED})


def test_a_list_that_explains_the_code_above_it_is_no_definitions(shared):
    found = shared.backs_by_front(OPTIMISERS)
    assert not any("Define: Cache update" in front or "Define: Weight step" in front for front in found), found
    assert not any("Define: Weight decay" in front or "Define: Early stopping" in front for front in found), \
        "a list that says how to do each in code defines nothing"
    assert "- **Weight decay**: Pass `weight_decay`" in found["Optimisers › In code"], "its section's card holds it"
    assert found["Optimisers › Glossary\n\nDefine: Learning rate"] == \
        "the factor that scales every step the optimiser takes."
    assert "Define: Momentum" in "".join(found)


NESTED = """# Training a perceptron

The perceptron learning rule changes the weights only when a point is misclassified, by the learning rate times
the error times the input.

**What the plots show:**

1. **Loss curves**:
    - **Perceptron**: Errors fall to zero once the data are separated.
    - **Adaline**: The squared error falls smoothly and levels off.
2. **Decision boundaries**:
    - **Perceptron**: a straight line between the two classes.

**Terms:**

- **Epoch**: one pass of the learning rule over every training example.
- **Margin**: the distance between the decision boundary and the closest training point.
- **Bias**: Both rules learn a bias, which shifts the boundary away from the origin.
- **Lookahead**: We move the weights first and then measure the gradient there.
"""


PERCEPTRON = NOTES.add({"perceptron.md": NESTED})


def test_bold_items_nested_under_a_bold_label_or_narrating_a_step_are_no_definitions(shared):
    found = shared.backs_by_front(PERCEPTRON)
    defined = [front.rsplit("Define: ", 1)[1] for front in found if "Define: " in front]
    assert defined == ["Epoch", "Margin"], found


AFTER_A_LIST = """# Neurons

## Vocabulary

- Weighted sum $=$ net input, $z$
- Activation = activation function(net input)

**Special cases:**
- In a perceptron: the activation is a threshold
- In a linear model: activation $=$ net input

$$
\\hat{y} = \\phi\\left(\\mathbf{w}^\\top \\mathbf{x} + b\\right)
$$

## Steps

1. **Start**: Set the weights to small random numbers.
2. **Squash**: Pass the net input through the logistic function:

$$
a = \\frac{1}{1 + e^{-z}}
$$

3. **Output**: Threshold the activation at one half.

   $$
   \\hat{y} = [a \\ge 0.5]
   $$
"""


NEURONS = NOTES.add({"neurons.md": AFTER_A_LIST})


def test_a_formula_set_apart_after_a_list_is_not_introduced_by_its_last_item(shared):
    found = shared.backs_by_front(NEURONS)
    assert found["Neurons › Vocabulary\n\nFormula"].startswith("$$\\hat{y} = \\phi"), found
    assert not any("linear model" in front for front in found)
    assert found["Neurons › Steps\n\n**Squash**: Pass the net input through the logistic function:"].startswith(
        "$$a = \\frac{1}"), "an item that ends by introducing the formula still does"
    assert found["Neurons › Steps\n\n**Output**: Threshold the activation at one half."].startswith(
        "$$\\hat{y} = [a"), "a formula nested under its item is that item's"


STORY = """# Rates of change

**How do things change?**

Suppose we drive to the coast: the speed of the car changes all the time, and so does the distance left to go.

## Questions

### Why does a derivative measure a rate of change?

It is the limit of the change in the output over the change in the input as the change in the input shrinks.

### What is an instantaneous rate?

Imagine a car whose speedometer reads 50 at one instant: that reading is the rate at that moment.
"""


RATES = NOTES.add({"rates.md": STORY})


def test_a_question_answered_by_a_story_is_no_card(shared):
    found = shared.backs_by_front(RATES)
    assert list(found) == ["Rates of change › Questions\n\nWhy does a derivative measure a rate of change?"], found


FORMULAS = """# Functions and factorisations

## Functions

A function maps each input to one output, and notes write it in symbols:

$$
y = g(x)
$$

The domain of a function is the set of its inputs, written $\\operatorname{dom}(g)$.

$$
y = g(x) \\\\
y = x^3
$$

The logistic function squashes any real number into the interval between zero and one:

$$
\\sigma(z) = \\frac{1}{1 + e^{-z}}
$$

A layer is a linear map of its input

$$
h_v = x_v W^T x_{v_{\\text {is the input vector of node }}} v_{\\text {and }}
$$

## Partial derivatives

A partial derivative is the derivative of a function of several inputs with respect to one of them, the others
held fixed. Let's suppose a function

$$
g(x, y) = x^3 y + \\cos y
$$

## Factorisation

Take 21: it splits into 3 and 7, and multiplying 3 by 7 gives 21 back.

$$
M = U \\Sigma V^{\\top}
$$

## Delta rule

1. **Start** with the weights and the bias at zero:

$$
\\mathbf{w} = [0, 0, 0], \\quad b = 0
$$

2. **Update** each weight by the learning rate times the error times its input:

$$
\\mathbf{w} \\leftarrow \\mathbf{w} + \\eta (y - \\hat{y}) \\mathbf{x}
$$

## A worked example of the chain rule

The chain rule:

$$
\\frac{dL}{dw} = \\frac{dL}{dy} \\frac{dy}{dw}
$$

Compute $\\frac{dL}{dy}$:

$$
\\frac{dL}{dy} = y - t
$$
"""


FUNCTIONS = NOTES.add({"functions.md": FORMULAS})


def test_formulas_that_only_name_or_illustrate_are_no_cards(shared):
    found = shared.backs_by_front(FUNCTIONS)
    backs = "\n".join(found.values())
    for gone in ("$$y = g(x)$$", "x^3 y", "[0, 0, 0]", "y - t$$", "input vector of node"):
        assert gone not in backs, (gone, found)
    assert "\\frac{1}{1 + e^{-z}}" in backs and "\\eta (y - \\hat{y})" in backs
    assert found["Functions and factorisations › Factorisation\n\nFormula"] == "$$M = U \\Sigma V^{\\top}$$", \
        "an analogy on numbers before a formula is not its front"
    assert "\\frac{dL}{dy} \\frac{dy}{dw}$$" in backs, "the rule a worked example applies is still a card"


TRACE = """# Autograd internals

## Tracing one multiplication

Let's walk step by step through a small operation to see where Python hands over to C++. Consider `y = x * 3`.

- Multiplication – First, Python calls the tensor's `__mul__`, which hands the work to the C++ kernel.
- Recording – Next, the new tensor is given a `MulBackward` node so that the gradient can flow back through it.

## Creating a tensor

Creating a tensor from a list exemplifies the split between Python and C++:

1. **Shape analysis**:
    - Reads the nested list and infers the shape [2, 3]
2. **Copying**:
    - Copies each of the six values into memory that C++ allocated

## The graph

Autograd records every operation on tensors that require gradients in a graph of backward functions, and walks
that graph from the loss back to the leaves when the backward pass is called.
"""


AUTOGRAD = NOTES.add({"autograd.md": TRACE})


def test_a_section_that_traces_one_example_makes_no_cards(shared):
    found = shared.backs_by_front(AUTOGRAD)
    assert list(found) == ["Autograd internals › The graph"], found


BENEFITS = """# JAX

## Benefits

- **Speed**: Compiles whole functions with XLA, so loops of small operations run as one kernel.
- **Composability**: Transformations such as grad, jit and vmap nest in any order.

## Terms

- **Tracer**: the stand-in value JAX passes through a function to record the operations it performs.
"""


JAX = NOTES.add({"jax.md": BENEFITS})


def test_bold_points_under_a_benefits_heading_are_no_definitions(shared):
    found = shared.backs_by_front(JAX)
    assert [front for front in found if "Define: " in front] == ["JAX › Terms\n\nDefine: Tracer"], found
    assert found["JAX › Benefits\n\nWhat are the benefits of JAX?"].startswith("- **Speed**: Compiles whole functions"), "the section's card has them"


REGULARIZATION = NOTES.add({
    "regularization.md": (
        """# Regularization

## Dropout

**Mathematical Explanation:**

- **Objective:** Prevent co-adaptation of neurons by randomly dropping units during training.
- **Mechanism:** each unit is kept with probability $p$ at every iteration, so an ensemble of subnetworks is trained.
""")
}, config=DEFAULT_CONFIG)


def test_a_list_under_an_explaining_label_is_its_parts_card_whatever_the_definitions_setting(shared):
    """With `definitions` off, `**Term**:` lines are no section text, except under a label like "Mathematical
    Explanation:", whose items name the parts explained (they were lost: no form made a card of them)."""
    cards = shared.cards(REGULARIZATION)
    found = {c["front"]: c["back"] for c in cards}
    assert found["Regularization › Dropout › Mathematical Explanation"].startswith("- **Objective:** Prevent")
