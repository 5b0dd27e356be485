"""Fronts that ask for their backs (issue 23, session 36's quality causes): an untitled callout's front names what
it is about, not only its kind ("… › Warning: batch norm in the critic with GP", not "… › Warning"); a paragraph
opening on a judgement ("Lower is better, …") or a quantity ("A couple more practical notes: …") is no subject to
title a front with; a paragraph that names a part of the formula before it ("The supremum is over …") is asked with
that formula; the author's anecdote, a segue between posts and a reading of a figure are not cards. Notes written
in those styles into tmp_path and read back through the CLI."""

from __future__ import annotations

import json

from conftest import new_wiki, run, write

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def cards(root) -> dict[str, str]:
    return {c["front"]: c["back"] for c in json.loads(run(root, "cards", "--json", ok=True).output)}


CALLOUTS = """---
title: "Weight decay, in practice"
---

## AdamW

AdamW applies the decay to the weights directly instead of adding it to the gradient, so the adaptive step
sizes do not scale it down.

::: {.callout-warning}
Don't apply weight decay to the norm layers' gains: they set the scale of each channel, and pulling them to zero
fights the normalisation.
:::

## Reading the coefficient

The decay shrinks every weight by a fixed fraction per step, which is an exponential moving average towards zero.

::: {.callout-tip}
I think of $\\lambda\\eta$ as "the fraction forgotten per step". Halving the learning rate halves it too, which is
why the decay seems to weaken late in a schedule.
:::

## Versus L2

L2 regularisation adds the penalty to the loss, and with plain SGD the two are the same thing.

::: {.callout-warning}
This is NOT the same as L2 with Adam. The penalty's gradient is divided by the second-moment estimate, so weights
with large gradients are barely decayed.
:::

## Where it goes

The decay is applied after the gradient step, once per optimiser step, whatever the accumulation.

::: {.callout-warning}
In practice the decay coefficient needs retuning whenever the learning rate changes, because the two multiply in
every update of the weights.
:::
"""


def test_untitled_callouts_name_what_they_are_about(tmp_path):
    root = new_wiki(tmp_path, config=CONFIG)
    write(root, "notes/weight-decay.qmd", CALLOUTS)
    fronts = cards(root)
    path = "Weight decay, in practice"
    assert f"{path} › AdamW › Warning: weight decay to the norm layers' gains" in fronts  # (an instruction: what it is about)
    assert fronts[f"{path} › Reading the coefficient › Tip: $\\lambda\\eta$"].startswith("I think of")
    assert f"{path} › Versus L2 › Warning: not the same as L2 with Adam" in fronts  # (a denial: what is denied)
    assert f"{path} › Where it goes › Warning: the decay coefficient" in fronts  # ("In practice the …": its subject)
    assert not [f for f in fronts if f.endswith((" › Tip", " › Warning"))]


KNOWN = """# LoRA

## Rank

The update is a product of two thin matrices, so only a few million parameters train.

> [!warning]
> LoRA usually wants a higher learning rate than full fine-tuning, around ten times higher.
"""


def test_a_callout_about_the_notes_own_subject_says_what_is_asked_of_it(tmp_path):
    root = new_wiki(tmp_path, config=CONFIG)
    write(root, "notes/LoRA.md", KNOWN)
    assert cards(root)["LoRA › Rank › Warning: LoRA usually wants …"].startswith("LoRA usually wants")


METRIC = """---
title: "Perplexity"
---

## The definition

It is the exponentiated average negative log-likelihood per token on held-out text:

$$
\\mathrm{PPL} = \\exp\\Big(-\\frac{1}{T}\\sum_{t=1}^{T} \\log P(w_t \\mid w_{<t})\\Big)
$$

Lower is better, and a uniform model over $|V|$ tokens has perplexity $|V|$: the model is as unsure as a choice
among that many tokens.

## Training the model

We minimise the cross-entropy, whose exponential is the perplexity, with the usual optimiser settings.

A couple more practical notes: the tokenizer changes the number completely, and evaluation windows that overlap
give lower values than disjoint ones.
"""


def test_a_judgement_or_a_quantity_is_no_front(tmp_path):
    root = new_wiki(tmp_path, config=CONFIG)
    write(root, "notes/ppl.qmd", METRIC)
    fronts = cards(root)
    assert not [f for f in fronts if f.endswith((" › Lower", "A couple more practical"))]
    remark = next(f for f in fronts if f.startswith("Perplexity › The definition › What does the formula for PPL say?\n\n$$"))
    assert fronts[remark].startswith("Lower is better")  # (asked with the formula it judges)
    assert any("A couple more practical notes" in back for back in fronts.values())  # (folded, not lost)


DUALITY = """---
title: "Wasserstein distance"
---

## Duality

The infimum over couplings is hopeless in high dimensions. The Kantorovich–Rubinstein duality rewrites it as a
supremum over functions:

$$
W(p, q) = \\sup_{\\|f\\|_L \\le 1} \\mathbb{E}_{x\\sim p}[f(x)] - \\mathbb{E}_{x\\sim q}[f(x)]
$$

The supremum is over all 1-Lipschitz functions $f$, which a network can only approximate: the **critic** is that
network, scoring real data high and generated data low with an unbounded output.
"""


def test_a_paragraph_on_a_part_of_the_formula_is_asked_with_it(tmp_path):
    root = new_wiki(tmp_path, config=CONFIG)
    write(root, "notes/w.qmd", DUALITY)
    fronts = cards(root)
    remark = next(f for f in fronts if f.startswith("Wasserstein distance › Duality › The supremum\n\n$$W(p, q)"))
    assert fronts[remark].startswith("The supremum is over all 1-Lipschitz")
    assert "Wasserstein distance › Duality" not in fronts  # (the heading's subject is the formula card's)


STORY = """---
title: "Mode collapse"
---

My CIFAR GAN from yesterday produced crisp images. All of them were frogs. This is **mode collapse**.

## What it is

The generator maps many latent codes to the same few outputs, so samples look fine one by one but diversity is gone.
"""

SEGUE = """---
title: "Score matching"
---

Switching from GANs to the other family. Before diffusion I want the score view, because it made it click for me.

## The score

The score of a density is the gradient of its log with respect to the input, and it ignores the normalising
constant.
"""

FIGURE = """---
title: "Noise schedules"
---

## Cosine schedule

The cosine schedule lets the signal fall roughly linearly in the middle, so fewer steps are spent on near-pure noise.

```{python}
#| label: fig-snr
import matplotlib.pyplot as plt
plt.plot([1, 2, 3])
```

In @fig-snr the linear curve drops below log-SNR of minus five well before the last step, while the cosine one stays
straighter.
"""


def test_anecdotes_segues_and_figure_readings_are_no_cards(tmp_path):
    root = new_wiki(tmp_path, config=CONFIG)
    write(root, "notes/mc.qmd", STORY)
    write(root, "notes/sm.qmd", SEGUE)
    write(root, "notes/ns.qmd", FIGURE)
    found = cards(root)
    backs = "\n".join(found.values())
    for told in ("CIFAR GAN", "Switching from GANs", "linear curve drops"):
        assert told not in backs
    assert "generator maps many latent codes" in found["Mode collapse › What it is\n\nWhat is Mode collapse?"]
    assert "cosine schedule lets the signal fall" in found["Noise schedules › Cosine schedule"]


TABLE_FIRST = """## Two solvers

| | coordinate descent | LARS |
|---|---|---|
| per step | one weight | the whole path |
| warm starts | easy | built in |

Standardising the features is what makes one penalty fair to all of them — do it before either solver runs.
"""


def test_a_paragraph_after_a_table_is_asked_by_its_own_subject(tmp_path):
    root = new_wiki(tmp_path, config=CONFIG)
    write(root, "notes/Lasso.md", TABLE_FIRST)
    fronts = cards(root)
    assert fronts["Lasso › Two solvers › Standardising the features"].startswith("Standardising the features is")
    assert "Lasso › Two solvers › per step: coordinate descent, LARS?" in fronts  # (the table's rows: cards of their own, as before)


RECIPE = """# Gradient checkpointing

## Recipe

1. Split the network into segments and keep only each segment's input during the forward pass.
2. In the backward pass, run each segment's forward again to rebuild its activations, then backpropagate.

Why the segments' inputs only: the activations inside a segment are most of the memory, and one extra forward pass
rebuilds them for about a third more compute.

**Selective checkpointing:** keep the activations that are cheap to store but dear to recompute (attention scores),
and recompute only the rest.

```python
from torch.utils.checkpoint import checkpoint
y = checkpoint(block, x, use_reentrant=False)
```
"""


def test_a_why_paragraph_after_the_steps_is_asked_by_its_question(tmp_path):
    root = new_wiki(tmp_path, config=CONFIG)
    write(root, "notes/ckpt.md", RECIPE)
    fronts = cards(root)
    assert "the activations inside a segment" in fronts["Gradient checkpointing › Recipe › Why the segments' inputs only?"]
    recipe = fronts.get("Gradient checkpointing › Recipe", "")  # (the heading asks for the steps, not for why)
    assert "the activations inside a segment" not in recipe and (not recipe or recipe.startswith("1. Split"))


RUN = """---
title: "Boosting for forecasts"
---

## Direct or recursive

A direct strategy fits one model per horizon, each using only lags at least as long as that horizon, so errors do
not compound from one step to the next.

**Recursive strategy:** one model for the first step, its predictions fed back in as lags for the later steps.

Slightly better than the seasonal naive model on this fold (0.72 vs 0.78 average), but it's one fold.

On the last held-out month we get 0.83 of the naive model's error.

Global models train one booster across many series with the series id as a feature, which is where they beat
per-series models: they share information across series.

## Why the schedule matters

With a linear schedule most of the signal is gone halfway through and the last steps are noise on noise. That
observation is the start of the next post.
"""


def test_a_runs_result_and_a_pointer_to_the_next_post_are_left_off(tmp_path):
    root = new_wiki(tmp_path, config=CONFIG)
    write(root, "notes/boost.qmd", RUN)
    backs = "\n".join(cards(root).values())
    assert "Global models train one booster" in backs and "noise on noise." in backs
    assert "on this fold" not in backs and "the next post" not in backs and "we get 0.83" not in backs


LEFTOVERS = """Ranking metric that rewards relevant items near the top more than lower down.

$$\\text{MRR} = \\frac{1}{|U|} \\sum_{u} \\frac{1}{\\text{rank}_u}$$

- rank: position of the first relevant item in the user's list; later hits are ignored
- cutoff $k$: users whose first hit is below $k$ score 0 when it is computed at $k$

Always report the mean over users. Users with no relevant item in the test set have no rank at all; drop them.
"""


def test_what_a_notes_other_cards_left_is_asked_part_by_part(tmp_path):
    root = new_wiki(tmp_path, config=CONFIG)
    write(root, "notes/MRR.md", LEFTOVERS)
    fronts = cards(root)
    assert fronts["MRR › the mean over users"].startswith("Always report the mean over users.")
    assert fronts["MRR › cutoff $k$"].startswith("cutoff $k$: users whose first hit")
    assert "MRR" not in fronts  # (the note's name alone asks for none of them)


AS_ABOVE = """# Annealed Langevin

## Why one noise level fails

Two problems show up when the sampler uses a single small noise level:

1. **Bad scores where data is rare.** The loss is an expectation under the data, so the learned score is poor
   exactly where a sampler started from noise begins.
2. **Slow mixing between modes**, as above; the score of a mixture is blind to the weights of far-away modes.
"""


def test_an_aside_pointing_back_does_not_make_a_list_narration(tmp_path):
    root = new_wiki(tmp_path, config=CONFIG)
    write(root, "notes/annealed.md", AS_ABOVE)
    back = cards(root)["Annealed Langevin › Why one noise level fails"]
    assert "**Slow mixing between modes**; the score of a mixture" in back and "Bad scores where data" in back


TODO_NOTE = """#recsys

- random split leaks the future: split by time
- leave-one-out = last item per user as test

TODO
- counterfactual eval / IPS ??
- read the sampled-metrics paper properly
- coverage, diversity, novelty beyond accuracy
"""


def test_a_todo_list_under_its_label_is_no_card(tmp_path):
    root = new_wiki(tmp_path, config=CONFIG)
    write(root, "notes/Offline evaluation.md", TODO_NOTE)
    backs = "\n".join(cards(root).values())
    assert "sampled-metrics paper" not in backs and "coverage, diversity" not in backs


CITED = """# Two-tower model

## Serving

Item embeddings are computed offline and put in an approximate nearest-neighbour index; the user tower runs per
request, so retrieval costs one forward pass and one index lookup. The score of a pair is

$$s(u, i) = f(u)^\\top g(i)$$

- no feature crosses between user and item, so it is less accurate than a ranker
- the index must be rebuilt when the item tower changes

> [!note]
> Generalises matrix factorization: with an embedding lookup on the ID in each tower, you get MF back.

The DSSM paper (2013) is the classic version; the 2019 sampling-bias paper is the logQ one, with its correction.
"""


def test_a_paragraph_titled_by_a_paper_is_no_card(tmp_path):
    root = new_wiki(tmp_path, config=CONFIG)
    write(root, "notes/Two-tower model.md", CITED)
    assert not [front for front in cards(root) if "paper (2013)" in front]


FIXED = """---
title: "Label smoothing"
---

## How I fixed mine

Honestly: switched to smoothing of 0.1 (I'd had none), lowered the learning rate and trained longer. The calibration
curve went from a cliff to roughly diagonal within ten epochs.

## What it does

Label smoothing replaces the one-hot target with a mix of it and the uniform distribution, so the logits stop
growing without bound.
"""


def test_the_end_of_the_authors_story_is_no_card(tmp_path):
    root = new_wiki(tmp_path, config=CONFIG)
    write(root, "notes/ls.qmd", FIXED)
    found = cards(root)
    assert "calibration curve went from" not in "\n".join(found.values())
    assert "one-hot target" in found["Label smoothing › What it does"]


SATURATION = """---
title: "GAN losses"
---

## The saturation problem

Early in training the discriminator rejects every fake, so the generator's minimax term is flat and its gradient
vanishes exactly when the generator needs a signal most.

The fix is to have the generator maximise the log of the discriminator's output instead:

$$
\\mathcal{L}_G = -\\mathbb{E}_z[\\log D(G(z))]
$$

In @fig-loss the minimax curve is flat near zero while the other one shoots up.

::: {.callout-tip}
In code the non-saturating loss is just a BCE with the real label on the fakes. That's the one-liner I always forget
when writing a GAN from scratch.
:::
"""


def test_a_tip_a_sections_card_holds_is_not_a_second_card(tmp_path):
    root = new_wiki(tmp_path, config=CONFIG)
    write(root, "notes/gan.qmd", SATURATION)
    backs = list(cards(root).values())
    assert sum("BCE with the real label" in back for back in backs) == 1
