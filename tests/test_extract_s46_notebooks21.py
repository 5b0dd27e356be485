"""Session 46 (notebooks21): cards of Jupyter notebooks written as a course's notes, one Markdown cell after
another, with the classic alert boxes (`<div class="alert …">`) and inline HTML in them. The notes are written for
these tests; the CLI reads them as a user's scan would."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def notebook(*cells: str) -> str:
    """A notebook of Markdown cells (a code cell between each two, as notebooks have them)."""
    out = []
    for k, text in enumerate(cells):
        if k:
            out.append({"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
                        "source": ["x = 1\n"]})
        out.append({"cell_type": "markdown", "metadata": {}, "source": text.splitlines(keepends=True)})
    return json.dumps({"cells": out, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)


def cards(tmp_path, notes: dict[str, str]) -> list[dict]:
    root = new_wiki(tmp_path, notes, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def holding(found: list[dict], words: str) -> list[dict]:
    """The cards whose front or back holds these words."""
    return [c for c in found if words in c["back"] or words in c["front"]]


ALERTS = notebook("""# Dropout

## At test time

Dropout scales the kept units by $1/(1-p)$ while training, so the expected activation matches at test time.

<div class="alert alert-block alert-danger">
Leave <code>model.train()</code> on while scoring and every prediction becomes a random draw. The
<a href="https://example.org/dropout">original paper</a> drops hidden units with <b>p = 0.5</b>.
</div>
""", """## Where to put it

<div class="alert alert-block alert-warning">
<b>Dropout right before a softmax output</b> throws away the <i>class evidence</i> itself, so it is rarely used
there.
</div>

Rates: $p = 0.5$ for wide dense layers.
<br>Convolutional layers want a much <b>smaller</b> rate, or none, since neighbouring pixels are correlated.
""")


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


DROPOUT = NOTES.add({"dropout.ipynb": ALERTS})


def test_inline_html_on_a_card_reads_as_the_markdown_it_stands_for(shared):
    found = shared.cards(DROPOUT)
    assert not [c for c in found if any(tag in c["front"] + c["back"] for tag in ("<b>", "<i>", "<code>", "<a ",
                                                                                   "<br>"))]
    assert holding(found, "Leave `model.train()` on while scoring")
    assert holding(found, "[original paper](https://example.org/dropout) drops hidden units with **p = 0.5**")
    assert holding(found, "**Dropout right before a softmax output** throws away the *class evidence*")
    assert holding(found, "a much **smaller** rate")


STRANDED = notebook("""# Attention

## Key-value caching

While decoding, the keys and values of earlier tokens never change, so they are stored once and reused:
- each new token then costs one row of attention instead of a whole recomputation
- the cache grows linearly with the context, which is what long-context serving struggles with

Every serious inference server ships one.

## Rotary positions

Rotary embeddings rotate query and key pairs by an angle that grows with position, so their dot product sees only
the offset between two tokens.
""")


ATTENTION = NOTES.add({"attention.ipynb": STRANDED})


def test_a_section_ending_on_a_relative_clause_preposition_is_no_broken_sentence(shared):
    found = shared.cards(ATTENTION)
    cache = holding(found, "which is what long-context serving struggles with")
    assert cache and cache[0]["front"].split("\n\n", 1)[0].endswith("Attention › Key-value caching")


TAKEN = notebook("""# Dropout

## Habits

- a dropout layer right before the softmax is harmful: it zeroes the class evidence itself, so leave it out there
- order dense → activation → dropout (the usual Keras stack; some papers put it first, see the other notebook)
- at evaluation time dropout is the identity map, so it costs nothing once the model is exported for serving
- **tiny datasets** (a few hundred images, common in medical work) overfit regardless. Use **strong augmentation**
  (many papers), which does not depend on the architecture at all.
""", """| variant | drops |
|---|---|
| standard | single units |
| spatial | whole channels |

Spatial dropout with one channel per group is the standard kind again.
""")


DROPOUT_2 = NOTES.add({"dropout.ipynb": TAKEN})


def test_a_list_item_whose_every_front_is_taken_is_asked_by_its_opening_clause(shared):
    found = shared.cards(DROPOUT_2)
    served = holding(found, "costs nothing once the model is exported for serving")
    assert served and served[0]["front"].endswith("› At evaluation time dropout is the identity map, so …")


LEADS = notebook("""# Attention cost

Symbols: $n$ tokens, $d$ model width, $w$ window size.

- full self-attention memory: $n^2\\, d$
- **sliding-window attention** = each token attends only to the $w$ tokens before it, which bounds the cost:

$$ \\text{memory} = n\\, w\\, d, \\qquad \\frac{\\text{window}}{\\text{full}} = \\frac{w}{n} $$

With a window of a few hundred tokens that is a large saving on long documents.
""")


ATTENTION_COST = NOTES.add({"attention-cost.ipynb": LEADS})


def test_an_item_before_the_item_that_leads_into_a_formula_is_a_card(shared):
    found = shared.cards(ATTENTION_COST)
    full = holding(found, "full self-attention memory: $n^2\\, d$")
    assert full and full[0]["front"].endswith("› full self-attention memory")


TIP = notebook("""# Convolutions

## Padding

$$ o = i + 2p - k + 1 $$

$i$ = input width, $k$ = kernel width, $p$ = padding.

**Reflection padding** fills the border with a mirror image of the pixels next to it, so no artificial zero edge
appears. Just plug its $p$ into the formula above. Reflection padding avoids the dark frame that zeros leave
around generated images, which is why style-transfer networks prefer it.
""")


CONVOLUTIONS = NOTES.add({"convolutions.ipynb": TIP})


def test_a_tip_to_the_reader_between_two_facts_does_not_cut_off_the_fact_after_it(shared):
    found = shared.cards(CONVOLUTIONS)
    mirror = holding(found, "fills the border with a mirror image")
    assert mirror and "which is why style-transfer networks prefer it" in mirror[0]["back"]


DRAFTED = notebook("""# Normalisation layers

## Weight standardisation

Weight standardisation normalises each filter's weights to zero mean and unit variance before the convolution,
which smooths the loss surface much as batch statistics do for activations.

Scratch / half-thought: does it still help with large batches? Probably less, since batch statistics are already
stable then. Try it on the detection config next week.
""")


NORMS = NOTES.add({"norms.ipynb": DRAFTED})


def test_a_paragraph_labelled_as_a_draft_of_a_thought_is_on_no_card(shared):
    found = shared.cards(NORMS)
    assert holding(found, "normalises each filter's weights")
    assert not holding(found, "Probably less, since batch statistics")


OPTIONS = notebook("""# Learning-rate warm-up

## Schedules

When the batch is large and the first steps would blow up, the usual choices are:
- **A**: a linear ramp from zero over the first few thousand steps
- **B**: a constant small rate for one epoch, then the full rate
- **C**: no warm-up at all, with gradient clipping doing the work instead
""")


WARMUP = NOTES.add({"warmup.ipynb": OPTIONS})


def test_an_option_named_by_a_letter_is_asked_with_the_sentence_over_its_list(shared):
    found = shared.cards(WARMUP)
    ramp = holding(found, "a linear ramp from zero")
    assert ramp and ramp[0]["front"].endswith("the usual choices are: A?")
    assert not [c for c in found if c["front"].endswith("Define: B")]


EQUALS = notebook("""# Efficient attention

## Linear attention

- **kernelised attention** = a feature map applied to queries and keys so their product can be summed first:

$$ \\text{out}_i = \\frac{\\phi(q_i)^\\top \\sum_j \\phi(k_j) v_j^\\top}{\\phi(q_i)^\\top \\sum_j \\phi(k_j)} $$
""")


EFFICIENT = NOTES.add({"efficient.ipynb": EQUALS})


def test_a_bold_term_set_equal_to_its_meaning_before_a_formula_is_defined(shared):
    found = shared.cards(EFFICIENT)
    defined = [c for c in found if c["front"].endswith("Define: kernelised attention")]
    assert defined and defined[0]["back"].startswith("A feature map applied to queries and keys")


STATED = notebook("""# Recurrent nets

## Training

What people call "backprop through time" is simply **ordinary backpropagation** on the unrolled graph.

$$ \\frac{\\partial L}{\\partial W} = \\sum_t \\frac{\\partial L_t}{\\partial W} $$

Each time step adds its own term to the gradient of the shared weights.
""")


RNN = NOTES.add({"rnn.ipynb": STATED})


def test_a_lead_in_that_states_a_fact_with_its_answer_in_bold_is_asked_for_it(shared):
    found = shared.cards(RNN)
    asked = [c for c in found if c["front"].endswith('What people call "backprop through time" is simply … on the '
                                                     'unrolled graph.') and c["kind"] != "formula"]
    assert asked and "**ordinary backpropagation**" in asked[0]["back"]


POINTING = notebook("""# Highway networks

## Gates

$$ y = T(x)\\, H(x) + (1 - T(x))\\, x $$

**Highway layers** (Srivastava et al. 2015) mix a transform with the input through a learned gate $T$, with the
gate's bias set negative at the start. That keeps most of the input flowing, so the formula above is close to the
identity at first, and nets of a hundred layers train with plain SGD.
""")


HIGHWAY = NOTES.add({"highway.ipynb": POINTING})


def test_a_last_sentence_loses_only_its_clause_pointing_at_the_formula_above(shared):
    found = shared.cards(HIGHWAY)
    gate = holding(found, "mix a transform with the input through a learned gate")
    assert gate and "and nets of a hundred layers train with plain SGD" in gate[0]["back"]
    assert "formula above" not in gate[0]["back"]


OPENING = notebook("""# 03 · Attention, the long way

Lecture 5, plus Bahdanau, Cho & Bengio, *Neural Machine Translation by Jointly Learning to Align and Translate*
(2015), which has the clearest alignment plots.

Attention lets a decoder look back at every encoder state and weigh them by relevance, so no single fixed vector
has to carry the whole source sentence.
""")


N03_ATTENTION = NOTES.add({"03-attention.ipynb": OPENING})


def test_an_opening_sentence_naming_the_lecture_and_the_paper_followed_is_no_fact(shared):
    found = shared.cards(N03_ATTENTION)
    assert holding(found, "weigh them by relevance")
    assert not holding(found, "clearest alignment plots")


CONVENTIONS = notebook("""# 02 · Sequence models

<div class="alert alert-block alert-info">
<b>Conventions in these notebooks:</b> batches are <code>(T, N, D)</code>, time first, as in older PyTorch RNNs.
Hidden sizes are 128 unless a cell says otherwise.
</div>

## Vanishing gradients

Backpropagating through many time steps multiplies many Jacobians, so the gradient shrinks or explodes
geometrically with the distance between two steps.
""")


N02_SEQUENCES = NOTES.add({"02-sequences.ipynb": CONVENTIONS})


def test_a_paragraph_on_the_notes_own_conventions_is_on_no_card(shared):
    found = shared.cards(N02_SEQUENCES)
    assert holding(found, "multiplies many Jacobians")
    assert not holding(found, "time first, as in older PyTorch RNNs")


TIPBOX = notebook("""# Fine-tuning

Pretrained layers want a smaller step than the freshly initialised head, often ten times smaller.

| layers | rate |
|---|---|
| head | base rate |
| backbone | a tenth of it |
""", """<div class="alert alert-block alert-success">
<b>Schedule that rarely fails:</b> warm up for one epoch, then decay with a cosine to a tenth of the peak rate
over the remaining epochs.
</div>

Pitfalls:
- a rate tuned for the head alone wrecks the backbone within a few hundred steps
- weight decay on normalisation parameters tends to hurt small datasets more than it helps
""")


FINETUNE = NOTES.add({"finetune.ipynb": TIPBOX})


def test_a_notebook_box_whose_label_is_html_bold_is_asked_by_that_label(shared):
    found = shared.cards(FINETUNE)
    tip = holding(found, "warm up for one epoch")
    assert tip and tip[0]["front"].endswith("Fine-tuning › Tip: Schedule that rarely fails")
