"""Notes kept as marimo notebooks in Markdown (session 58, marimo58): a question's answer that a titled box follows,
reasons listed as numbered bold sentences, lists of long explanations. Every note is written to one wiki in
tmp_path, scanned once through the CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)
HEAD = "---\ntitle: {title}\nmarimo-version: 0.15.2\nwidth: medium\n---\n\n```python {{.marimo hide_code=\"true\"}}\n" \
       "import marimo as mo\n```\n\n"


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("marimo58"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _made(cards: list[dict], rel: str) -> dict[str, str]:
    """{front: back} of the cards of the note `rel`."""
    return {c["front"]: c["back"] for c in cards if c["source"]["path"] == f"notes/{rel}"}


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


DROPOUT = HEAD.format(title="Dropout") + (
    "# Dropout\n\n"
    "## Does dropout stay on at test time?\n\n"
    "No. At test time every unit is kept and the activations are scaled so that their expected value matches "
    "training; inverted dropout scales during training instead, so inference needs no change at all.\n"
    "<!---->\n"
    "/// warning | Framework pitfalls\n"
    "- Forgetting `model.eval()` leaves dropout on during evaluation, so validation scores jitter from run to run.\n"
    "- Keras applies dropout only when the layer is called with `training=True`, which custom loops often forget.\n"
    "///\n"
    "<!---->\n"
    "## Where to put it\n\n"
    "Dropout usually goes after the activation of the fully connected layers and rarely after convolutions.\n")
NOTES["dropout.md"] = DROPOUT


def test_a_titled_box_after_a_questions_answer_is_no_part_of_it(cards):
    """A question heading answered in a paragraph, then a marimo `/// warning | Framework pitfalls` block: the box
    is a card of its own under its title, one per pitfall; the question's back is its answer alone (before, the
    pitfalls ran on at the end of the answer, asked by "Does dropout stay on at test time?")."""
    made = _made(cards, "dropout.md")
    answer = made["Dropout\n\nDoes dropout stay on at test time?"]
    assert answer.startswith("No. At test time every unit is kept") and "model.eval()" not in answer
    boxed = {front: back for front, back in made.items() if "Framework pitfalls" in front}
    assert any("Forgetting `model.eval()` leaves dropout on" in back for back in boxed.values()), made
    assert any(back.startswith("Keras applies dropout only when") for back in boxed.values()), made


QUARTO_BOX = (
    "---\ntitle: Early stopping\n---\n\n# Early stopping\n\n"
    "## Why does early stopping regularise?\n\n"
    "Stopping after a few epochs keeps the weights close to their small initial values, which acts like an L2 "
    "penalty whose strength shrinks as training goes on.\n\n"
    '::: {.callout-tip title="Choosing the patience"}\n'
    "A patience of a few epochs is common: a shorter one stops on noise in the validation loss, a longer one "
    "wastes compute on a model that has already begun to overfit.\n"
    ":::\n")
NOTES["early_stopping.qmd"] = QUARTO_BOX


def test_a_quarto_tip_under_a_question_heading_is_a_card_of_its_own(cards):
    """The same in Quarto: a titled tip box after the answer of "## Why does early stopping regularise?" is asked
    by its title; the question's card keeps its answer."""
    made = _made(cards, "early_stopping.qmd")
    answer = made["Early stopping\n\nWhy does early stopping regularise?"]
    assert answer.startswith("Stopping after a few epochs") and "patience" not in answer
    assert any(front.endswith("Choosing the patience") and back.startswith("A patience of a few epochs is common")
               for front, back in made.items()), made


BATCHNORM = HEAD.format(title="Batch norm") + (
    "# Batch normalization\n\n"
    "## Training with it\n\n"
    "Normalizing each feature over the batch lets deep networks train with larger learning rates.\n\n"
    "### Why does it help? (the explanations I have seen)\n\n"
    "1. **Internal covariate shift is reduced.** The original paper argued that each layer sees inputs whose "
    "distribution keeps moving while earlier layers learn, and that fixing the mean and variance of those inputs "
    "removes the drift; later experiments injected noise after the normalization and training was still fast.\n"
    "2. **The loss surface becomes smoother.** Santurkar and colleagues measured that the gradient changes less "
    "from one step to the next with normalization, so the landscape is better conditioned and a larger step is "
    "stable, which is the explanation most people accept today.\n"
    "3. **Scale invariance of the weights.** The output does not change when a weight vector before the "
    "normalization is scaled, so the effective learning rate depends on the norm of the weights and weight decay "
    "turns into a schedule for it.\n"
    "4. **Noise from the batch statistics.** The mean and variance of a small batch are noisy estimates, which "
    "adds a little noise to every activation and regularises the model much as dropout does.\n")
NOTES["batch_norm.md"] = BATCHNORM


def test_numbered_reasons_led_by_a_bold_sentence_are_a_card_each(cards):
    """A numbered list of reasons, each a bold sentence and its explanation, too long together for one card: each
    reason is a card asked by its bold sentence, its explanation the back (before, the list was on no card at
    all: a numbered item was read as a step, and the section as too long)."""
    made = _made(cards, "batch_norm.md")
    path = "Batch normalization › Training with it › Why does it help? (the explanations I have seen)"
    assert made[f"{path} › Internal covariate shift is reduced"].startswith("The original paper argued")
    assert made[f"{path} › The loss surface becomes smoother"].startswith("Santurkar and colleagues measured")
    assert made[f"{path} › Noise from the batch statistics"].startswith("The mean and variance of a small batch")


TEMPERATURE = HEAD.format(title="Softmax temperature") + (
    "# Softmax temperature\n\n"
    "## What the temperature does\n\n"
    "- Dividing the logits by a temperature above one flattens the distribution, so sampling picks unlikely "
    "tokens more often and generated text becomes more varied but also more often incoherent; this is why chat "
    "models usually ship with values a little below one, and why creative writing tools expose it as a slider for "
    "the user to move.\n"
    "- Letting the temperature shrink towards zero turns sampling into taking the argmax at every step, which makes "
    "decoding deterministic and prone to repeating itself in loops, the failure that greedy decoding is known for "
    "in long generations; beam search shares it, and a repetition penalty is the usual fix.\n"
    "- In distillation the teacher's logits are softened with the same temperature as the student's, and the loss "
    "is multiplied by the square of the temperature so that its gradients keep their size when the temperature "
    "changes; without that factor a higher temperature would quietly lower the weight of the soft targets.\n")
NOTES["temperature.md"] = TEMPERATURE


def test_a_list_of_long_items_is_asked_item_by_item(cards):
    """Three bullets of 30–40 words each under a heading: too long to show whole beside a blank, so each item is
    asked on its own card and the others are shown by their opening words (before, the three were one card that
    asked for all of them at once)."""
    made = _made(cards, "temperature.md")
    path = "Softmax temperature › What the temperature does"
    asked = {front: back for front, back in made.items() if front.startswith(path) and "[...]" in front}
    assert len(asked) == 3, made
    distil = next(front for front, back in asked.items() if back.startswith("In distillation the teacher"))
    assert "- Dividing the logits by a temperature above …" in distil
    assert "flattens the distribution" not in distil  # (the other items by their first words only)


SCALING = HEAD.format(title="Scaling laws") + (
    "# Scaling laws\n\n"
    "## The fitted loss\n\n"
    "Hoffmann et al. fit the final loss of a model with $N$ parameters trained on $D$ tokens as\n\n"
    "$$\nL(N, D) = E + \\frac{A}{N^\\alpha} + \\frac{B}{D^\\beta}\n$$\n\n"
    "where the compute it takes is\n\n"
    "$$\nC \\approx 6 N D\n$$\n\n"
    "($E$ = the irreducible loss of the data, $C$ in floating-point operations.)\n\n"
    "Reading it:\n\n"
    "- $N \\gg D$: data-limited. Growing the model only removes the middle term, so the loss levels off at the "
    "data term however large the model gets.\n"
    "- $N \\ll D$: model-limited. More tokens barely help, and the compute is better spent on a bigger model.\n\n"
    "Minimizing the loss at fixed compute gives the compute-optimal sizes:\n\n"
    "$$\nN_{\\text{opt}} \\propto C^{0.5}, \\qquad D_{\\text{opt}} \\propto C^{0.5}\n$$\n\n"
    "So a model trained on too few tokens for its size wastes compute that a smaller model would have used better.\n")
NOTES["scaling.md"] = SCALING


def test_a_list_that_reads_a_formula_after_reading_it_is_carded(cards):
    """"Reading it:" between a formula (and the aside in brackets under it) and a list only says that the list
    reads the formula: the list is what the formula says, carded with the formula on the front, as a list right
    under the formula is (before, the lead-in was too short to introduce the list and the list was on no card)."""
    made = _made(cards, "scaling.md")
    said = "\n".join(back for front, back in made.items() if "C \\approx 6 N D$$" in front.split("\n\n", 1)[-1])
    assert "levels off at the data term" in said and "better spent on a bigger model" in said, made
    assert not any(back.startswith("Reading it:") for back in made.values())


AUGMENT = HEAD.format(title="Data augmentation") + (
    "# Data augmentation\n\n"
    "## What not to augment\n\n"
    "Common practice in detection codebases: **no colour jitter or flips** on\n\n"
    "- text crops, where a flip changes the characters,\n"
    "- medical scans whose left and right sides differ,\n"
    "- the validation set, which must stay the data the model will meet.\n\n"
    "Reason: an augmentation that changes the label teaches the model a wrong invariance, and one applied to the "
    "validation set makes its score describe data that never occurs.\n")
NOTES["augmentation.md"] = AUGMENT


def test_a_sentence_that_goes_on_into_a_list_on_a_preposition_introduces_it(cards):
    """"… **no colour jitter or flips** on" over its items: the sentence breaks off on a preposition and the list
    goes on from it, as it does from a colon: a card asks for the list under that sentence (before, the list was on
    no card), and the reason after it keeps a card of its own."""
    made = _made(cards, "augmentation.md")
    listed = made["Data augmentation › What not to augment\n\n"
                  "Common practice in detection codebases: **no colour jitter or flips** on"]
    assert "- text crops, where a flip changes the characters," in listed and "the validation set" in listed
    assert made["Data augmentation › What not to augment › Reason"].startswith("Reason: an augmentation that changes")


TABS = HEAD.format(title="Tokenizers") + (
    "# Tokenizers\n\n"
    "## The usual choices\n\n"
    "```python {.marimo}\n"
    "choices = {\n"
    '    "Byte-level BPE": mo.md(\n'
    '        r"""\n'
    "        - merges the most frequent pair of symbols until the vocabulary is full\n"
    "        - starts from bytes, so no character is ever unknown\n"
    '        """\n'
    "    ),\n"
    '    "SentencePiece unigram": mo.md(\n'
    '        r"""\n'
    "        - starts from a large vocabulary and prunes the pieces that raise the likelihood least\n"
    "        - treats the space as an ordinary symbol, so it needs no pre-tokenizer\n"
    '        """\n'
    "    ),\n"
    "}\n"
    "mo.ui.tabs(choices)\n"
    "```\n\n"
    "```python {.marimo}\n"
    "counts = {\"BPE\": mo.md(f\"{len(vocab)} tokens\")}\n"
    "mo.ui.tabs(counts)\n"
    "```\n")
NOTES["tokenizers.md"] = TABS


def test_marimo_tabs_of_markdown_are_sections_under_their_titles(cards):
    """A code cell that only shows `mo.md(r\"\"\"…\"\"\")` texts in `mo.ui.tabs` under titles is what the reader sees:
    a tab per title over its Markdown, each a card under "… › <title>" (before, the cell was code and on no card); a
    tab built from the run's values (an f-string) stays code."""
    made = _made(cards, "tokenizers.md")
    text = _text(made)
    assert any("Byte-level BPE" in front and "no character is ever unknown" in back for front, back in made.items())
    assert any("SentencePiece unigram" in front and "prunes the pieces" in back for front, back in made.items())
    assert "mo.md" not in text and "len(vocab)" not in text and "tokens" not in text.replace("pre-tokenizer", "")
