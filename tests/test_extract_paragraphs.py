"""The later paragraphs of a long prose section (issue 23): each that names its own subject in its first sentence
is a card titled by that subject; one that points back, speaks to the reader, reports a run or breaks off before a
formula is not. And the sentence that goes on from a formula ("This trades …") is on that formula's card. The notes
are written in the style of long-form course notes and notebooks; the CLI reads them as a user's scan would."""

from __future__ import annotations

import pytest

import json

from conftest import backs_by_front, new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\ndefinitions = false\nsections = true\n[review]\ntimezone = "UTC"\n'

OPENING = ("Every tensor a program creates is a Python object that wraps a C++ tensor, so that the arithmetic runs in "
           "compiled code while the Python side only decides what to call and in which order, step by step.")

LONG_SECTION = f"""# Tensor internals

## Tensor architecture

{OPENING}

Tensor data storage is another important internal concept. Every tensor has an associated storage object that holds
the raw memory, while the tensor itself holds metadata (sizes, strides, data type) describing how to read it.

This means you can have several tensors that share one storage, which is what makes slicing cheap in practice.

The accuracy barely moves above 50% on each split after ten epochs of training with this learning rate and batch.

Internally, torch.add will call a kernel chosen by the dispatcher for the device and the data type of its inputs,
and that kernel loops over the elements in compiled code.

Tensor architecture is what this whole section explains, from the Python object down to the memory it points at.
"""


def wiki(tmp_path, notes: dict[str, str]):
    return new_wiki(tmp_path, notes, CONFIG)


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


INTERNALS = NOTES.add({"internals.md": LONG_SECTION})


def test_a_later_paragraph_that_names_its_subject_is_a_card_titled_by_it(shared):
    cards = shared.backs_by_front(INTERNALS)
    path = "Tensor internals › Tensor architecture"
    assert cards[path] == OPENING  # (the section's opening card, as before)
    assert cards[f"{path} › Tensor data storage"].startswith("Tensor data storage is another important internal")
    assert "raw memory" in cards[f"{path} › Tensor data storage"]
    assert cards[f"{path} › torch.add"].startswith("Internally, torch.add will call a kernel")  # (code names too)
    backs = "\n".join(cards.values())
    assert "share one storage" not in backs  # "This means you …": points back, speaks to the reader
    assert "barely moves" not in backs  # a run's result, not a fact
    assert "what this whole section explains" not in backs  # the heading's own subject: the opening asks for it


def test_paragraph_cards_are_counted_by_check_as_their_own_form(tmp_path):
    root = wiki(tmp_path, {"internals.md": LONG_SECTION})
    report = json.loads(run(root, "check", "--json", ok=True).output)
    assert report["made"]["paragraph"] == 2


DROPOUT = NOTES.add({
    "dropout.md": (
        """# Dropout

## Why it works

Dropout randomly zeroes units during training, so that no unit can rely on another being present.

Ensembles of thinned networks are averaged at test time by scaling the weights by the keep probability.
""")
})


def test_a_section_short_enough_to_be_one_card_makes_no_paragraph_cards(shared):
    cards = shared.backs_by_front(DROPOUT)
    assert list(cards) == ["Dropout › Why it works\n\nWhy does Dropout work?"]  # one card holds both paragraphs


MDP = NOTES.add({
    "mdp.md": (
        f"""# Decision processes

## Assumptions

{OPENING}

The defining assumption is the Markov property: the next state depends only on the current state and action,
not on the earlier history,

$$P(S_{{t+1}} \\mid S_t, A_t, S_{{t-1}}) = P(S_{{t+1}} \\mid S_t, A_t)$$

The reference implementation can be found [here](https://example.org/mdp) with a longer list of test problems.
""")
})


def test_a_paragraph_broken_off_by_a_formula_or_only_a_pointer_makes_no_card(shared):
    cards = shared.backs_by_front(MDP)
    assert not [front for front in cards if front.endswith("› The defining assumption")]  # (the formula's front)
    assert not [front for front in cards if "reference implementation" in front]


PG = NOTES.add({
    "pg.md": (
        """# Policy gradients

## Actor-critic

Going one step further, replace the Monte Carlo return with a bootstrapped one-step target; the critic learns the
state value by TD and the actor follows the TD error:

$$\\delta_t = R_{t+1} + \\gamma \\hat v(S_{t+1}) - \\hat v(S_t)$$

This trades a little bias (from bootstrapping) for much lower variance and allows fully online, incremental
updates, exactly the trade-off between TD and Monte Carlo. Modern algorithms such as A2C, PPO and SAC are all
actor-critic variants, and PPO also clips the probability ratio to keep each update small.
""")
})


def test_the_text_that_goes_on_from_a_formula_is_on_its_card(shared):
    cards = shared.backs_by_front(PG)
    assert len(cards) == 2  # (the formula's card, and the text after it on a card that shows the formula)
    remark = cards["Policy gradients › Actor-critic › What it says\n\n$$\\delta_t = R_{t+1} + \\gamma \\hat v(S_{t+1}) - "
                   "\\hat v(S_t)$$"]
    assert remark.startswith("This trades a little bias") and "PPO also clips" in remark


BOOT = NOTES.add({
    "boot.md": (
        """# Resampling

## The bootstrap

We have one sample and a statistic of it, and we want its standard error without a formula for it. The bootstrap
treats the empirical distribution as if it were the population, and resamples from it.

1. Draw n points with replacement from the data.
2. Compute the statistic on that sample.
3. Repeat B times; the spread of the results approximates the sampling distribution.

$$\\widehat{se} = \\sqrt{\\tfrac{1}{B-1}\\sum_b (\\hat\\theta^*_b - \\bar\\theta^*)^2}$$
""")
})


def test_the_steps_right_after_the_opening_paragraph_are_on_its_card(shared):
    cards = shared.backs_by_front(BOOT)
    opening = cards.get("Resampling › The bootstrap") or cards["Resampling › The bootstrap\n\nHow does the "
                                                                "bootstrap work?"]  # (its front may ask it)
    assert opening.startswith("We have one sample") and "1. Draw n points with replacement" in opening
    assert "3. Repeat B times" in opening


MLE = NOTES.add({
    "mle.md": (
        """# Maximum likelihood

## Setup

Given data $x_1, \\dots, x_n$ from a model $p(x \\mid \\theta)$, the likelihood is the probability of the data as
a function of $\\theta$:

$$L(\\theta) = \\prod_i p(x_i \\mid \\theta)$$

The maximum likelihood estimate maximises it. We work with the log-likelihood instead: the log is monotone, so the
argmax is the same, and products become sums that are easier to differentiate.
""")
})


def test_a_setup_section_of_an_article_is_carded_like_any_other(shared):
    cards = shared.backs_by_front(MLE)
    remark = cards["Maximum likelihood › Setup › What it says\n\n$$L(\\theta) = \\prod_i p(x_i \\mid \\theta)$$"]
    assert remark.startswith("The maximum likelihood estimate maximises it.")


MDP_2 = NOTES.add({
    "mdp.md": (
        f"""# Decision processes

## Returns and discounting

{OPENING}

$$G_t = \\sum_k \\gamma^k R_{{t+k+1}}$$

Why discount? With bounded rewards and a discount below one the infinite sum stays finite, reward now is often
worth more than reward later, and one minus the discount reads as the chance that the episode stops.

Why not? Some tasks end anyway, so their sum is finite without any discount at all, whatever the rewards are.
""")
})


def test_a_paragraph_that_opens_with_a_two_word_why_asks_it_under_its_heading(shared):
    cards = shared.backs_by_front(MDP_2)
    assert cards["Decision processes › Returns and discounting\n\nWhy discount?"].startswith("With bounded rewards")
    assert not [front for front in cards if front.endswith("Why not?")]  # (asks nothing without the sentence before)


RIDGE = """# Ridge regression

## Things to remember

- **Standardize features first.** The penalty treats all coefficients equally, so the scale of each feature changes
  how hard it is penalized.
- **Shrinkage, not selection.** Ridge pulls coefficients toward zero but never exactly to zero; the lasso does set
  some of them to zero.
- **SVD view**: with $X = UDV^T$, ridge shrinks the component along the j-th singular direction by the factor
  $d_j^2/(d_j^2 + \\lambda)$, so directions of small singular values are shrunk the most.
- **Bayesian view**: ridge is the MAP estimate under a Gaussian prior on the coefficients, centred at zero, whose
  variance shrinks as the penalty grows.
- **Effective degrees of freedom**: the sum of $d_j^2/(d_j^2+\\lambda)$ over the singular values, from p at no penalty
  down to zero as the penalty grows without bound.
- Choose the penalty by cross-validation; for ridge, leave-one-out CV has a closed form, so it is cheap.
"""


def test_a_bullet_led_by_a_bold_sentence_is_a_card_of_that_sentence(tmp_path):
    for definitions in ("false", "true"):
        root = new_wiki(tmp_path / definitions, {"ridge.md": RIDGE}, CONFIG.replace("false", definitions))
        cards = backs_by_front(root)
        path = "Ridge regression › Things to remember"
        assert cards[f"{path} › Standardize features first"].startswith("The penalty treats all coefficients")
        assert cards[f"{path} › Shrinkage, not selection"].startswith("Ridge pulls coefficients toward zero")


def test_a_paragraph_led_by_a_bold_term_that_says_what_it_does_is_a_card_of_that_term(tmp_path):
    note = f"""# KL divergence

## Forward and reverse

{OPENING}

| | forward | reverse |
|---|---|---|
| penalizes | Q small where P is large | Q large where P is small |

**Jensen–Shannon divergence** fixes the asymmetry: it averages the two divergences to the mixture of P and Q, is
symmetric, always finite and bounded by log 2.
"""
    for definitions in ("false", "true"):
        root = new_wiki(tmp_path / definitions, {"kl.md": note}, CONFIG.replace("false", definitions))
        back = backs_by_front(root)["KL divergence › Forward and reverse › Jensen–Shannon divergence"]
        assert back.startswith("Jensen–Shannon divergence fixes the asymmetry")


LABEL_SMOOTHING = NOTES.add({
    "Label smoothing.md": (
        """Instead of training on hard one-hot targets, mix them with a uniform distribution:

$$ y^{LS}_k = (1-\\varepsilon)\\, y_k + \\frac{\\varepsilon}{K} $$

with $K$ classes and $\\varepsilon$ usually 0.1.

Effect: the model is never pushed to make its logits go to infinity, since the optimum of cross-entropy with hard
targets is an infinitely confident prediction. It acts as a regularizer against over-confidence.
""")
})


def test_the_end_of_a_formulas_sentence_does_not_stop_the_text_after_it_from_being_a_card(shared):
    cards = shared.backs_by_front(LABEL_SMOOTHING)
    # (the formula card has the note's front: the text after it is asked by its label, "… › Effect")
    assert cards["Label smoothing › Effect"].startswith("Effect: the model is never pushed")
    assert "with $K$ classes" not in cards["Label smoothing › Effect"]


NAMED_ENTITY_RECOGNITION = NOTES.add({
    "Named entity recognition.md": (
        """#NLP

- Detecting the entities of a text
- Classifying them into categories

## Application of NER
- Sentiment analysis
- Question Answering
- Information Extraction

## NER method
- BIO Tagging
- Hidden Markov Models
- multi-class classification
- conditional random fields
- neural sequence models (RNNs or Transformers)

## Shopping
- buy milk
- call the bank
""")
})


def test_a_list_of_a_kind_the_heading_names_is_a_card_even_in_lower_case(shared):
    cards = shared.backs_by_front(NAMED_ENTITY_RECOGNITION)
    assert cards["Named entity recognition › Application of NER"].splitlines() == [
        "- Sentiment analysis", "- Question Answering", "- Information Extraction"]
    assert "- conditional random fields" in cards["Named entity recognition › NER method"]
    assert "Named entity recognition › Shopping" not in cards  # (no kind of thing: chores, not names)


KDE = NOTES.add({
    "kde.md": (
        """# Kernel density estimation

## Bandwidth

**Silverman's rule of thumb** for a Gaussian kernel:

$$h = 0.9\\,\\min\\!\\left(\\hat\\sigma, \\frac{\\text{IQR}}{1.34}\\right) n^{-1/5}$$

For two univariate Gaussians:

$$D_{KL} = \\log\\frac{\\sigma_2}{\\sigma_1} + \\frac{\\sigma_1^2 + (\\mu_1-\\mu_2)^2}{2\\sigma_2^2} - \\frac12$$

In the example above, with three points:

$$\\hat f(0) = \\frac{1}{3 \\cdot 0.5}(0.40 + 0.24 + 0.05) = 0.46$$
""")
})


def test_a_formula_with_constants_and_greek_symbols_is_no_worked_example(shared):
    backs = "\n".join(shared.backs_by_front(KDE).values())
    assert "h = 0.9" in backs and "D_{KL}" in backs
    assert "0.46" not in backs  # (arithmetic on an example's numbers stays no card)


LSE = NOTES.add({
    "lse.md": (
        """# The log-sum-exp trick

Computing the log of a sum of exponentials directly overflows as soon as one of the terms is large, and underflows
to the log of zero when all of them are very negative.

Fix: pull out the largest term $m = \\max_i x_i$.

$$\\log \\sum_i e^{x_i} = m + \\log \\sum_i e^{x_i - m}$$

Now the largest exponent is $e^0 = 1$, so nothing overflows, and the sum is at least 1 so the log is safe.

In other words, we want every exponent to be at most zero before we call exp in our code.
""")
})


def test_a_paragraph_that_goes_on_from_the_formula_above_it_is_on_that_formulas_card(shared):
    cards = shared.backs_by_front(LSE)
    formula = [back for back in cards.values() if back.startswith("$$\\log")]
    assert formula == ["$$\\log \\sum_i e^{x_i} = m + \\log \\sum_i e^{x_i - m}$$\n\nNow the largest exponent is "
                       "$e^0 = 1$, so nothing overflows, and the sum is at least 1 so the log is safe."]
    assert "we want every exponent" not in "\n".join(cards.values())  # (a tutorial's "we": no card's text)


GRAPHS = NOTES.add({
    "graphs.md": (
        """# Graphs

## Types of Graphs

There are many types of graphs:

1. Directed Graphs
2. Undirected Graphs
3. Weighted Graph
4. Directed Acyclic Graph

Graphs have many properties, including the direction of travel for each relationship. The graph type to use
usually depends on the use case, and the data decides whether edges have directions at all.
""")
})


def test_a_numbered_list_of_names_is_a_names_list_too(shared):
    cards = shared.backs_by_front(GRAPHS)
    assert cards["Graphs › Types of Graphs\n\nThere are many types of graphs:"].splitlines()[0] == "1. Directed Graphs"


MOMENTUM = NOTES.add({
    "momentum.md": (
        """# Momentum

## The update

Momentum keeps a running average of past gradients and steps along it, so that the components that oscillate
across a valley cancel while the ones that agree add up.

$$v_t = \\beta v_{t-1} + \\nabla f(\\theta_t)$$

!!! warning "Do not forget bias correction"
    Early in training the running average is biased towards zero, because it starts at zero; Adam divides by
    the factor one minus beta to the t to correct it.

??? question "Why does momentum help on ill-conditioned problems?"
    Along directions of high curvature the gradient flips sign and the average cancels it; along directions of
    low curvature it keeps its sign and the average grows.

After the admonitions, this paragraph stands at the margin again and is no part of them.
""")
})


def test_mkdocs_admonitions_are_callouts_and_their_markers_never_show(shared):
    cards = shared.backs_by_front(MOMENTUM)
    asked = cards["Momentum › The update\n\nWhy does momentum help on ill-conditioned problems?"]
    assert asked.startswith("Along directions of high curvature") and "margin again" not in asked
    assert cards["Momentum › The update › Do not forget bias correction"].startswith("Early in training")
    assert not [text for card in cards.items() for text in card if "!!!" in text or "???" in text]


FAQ = NOTES.add({
    "faq.md": (
        """# FAQ

## Why is it called a feature map?

Each channel of a convolution's output maps where in the input one learned feature was found.

??? question "Is a CNN translation invariant?"
    Not exactly: convolutions are translation equivariant, and pooling adds a little invariance.

::: {.callout-tip title="Is a 1x1 convolution useful?"}
Yes: it mixes channels at each position and changes their number cheaply.
:::
""")
})


def test_a_box_that_asks_its_own_question_is_no_part_of_the_question_headings_answer(shared):
    cards = shared.backs_by_front(FAQ)
    assert cards["FAQ\n\nWhy is it called a feature map?"] == ("Each channel of a convolution's output maps where in "
                                                             "the input one learned feature was found.")
    assert cards["FAQ › Why is it called a feature map?\n\nIs a CNN translation invariant?"].startswith("Not exactly")
    assert cards["FAQ › Why is it called a feature map?\n\nIs a 1x1 convolution useful?"].startswith("Yes: it mixes")


VI = NOTES.add({
    "vi.md": (
        f"""# Value iteration

## Convergence

{OPENING}

The error shrinks by at least a factor gamma per iteration, so reaching a given accuracy takes a number of sweeps
that grows like the log of one over the accuracy, divided by one minus gamma.

Value iteration stops when the largest change of a sweep falls below a threshold, and it then returns the policy
that is greedy with respect to the values it found; that policy is optimal once the values are close enough, long
before the values themselves have converged to their fixed point.

Asynchronous variants update the states in any order, for instance the ones the agent actually visits, instead of
sweeping over all of them; they still converge as long as every state keeps being updated now and then.
""")
})


def test_a_paragraph_whose_subject_is_one_common_noun_is_asked_with_its_verb(shared):
    cards = shared.backs_by_front(VI)
    assert cards["Value iteration › Convergence › The error shrinks …"].startswith("The error shrinks by at least")


ARCHITECTURES = NOTES.add({
    "architectures.md": (
        """# CNN architectures

Lecture 5 was a history tour of the networks that won ImageNet, one year after another, with the tricks each added.

## Exam

Closed book, two hours, one sheet of handwritten notes allowed; the questions follow the lectures' order.

## Residual connections

A residual block adds its input to its output, so the block only has to learn a correction to the identity and the
gradient has a path around every block.
""")
})


def test_a_courses_own_story_and_logistics_make_no_card(shared):
    cards = shared.backs_by_front(ARCHITECTURES)
    assert list(cards) == ["CNN architectures › Residual connections"]


def test_bold_led_items_that_state_a_value_or_an_equation_are_cards_of_their_term(tmp_path):
    note = """Shannon entropy of a discrete distribution is the average surprise of its outcomes, in bits or nats:

$$ H(P) = -\\sum_x p(x) \\log p(x) $$

- **Maximum** entropy for $K$ outcomes is $\\log K$, reached by the uniform distribution.
- **Minimum** is 0, for a deterministic distribution (one outcome has probability 1).

**Perplexity** $= e^{H}$: the effective number of equally likely choices; a language model with perplexity 20 is as
uncertain as one picking uniformly among 20 tokens.
"""
    for definitions in ("false", "true"):
        cards = backs_by_front(new_wiki(tmp_path / definitions, {"Entropy.md": note}, CONFIG.replace("false", definitions)))
        assert cards["Entropy › Minimum"].startswith("Minimum is 0, for a deterministic distribution")
        assert cards["Entropy › Perplexity"].startswith("Perplexity $= e^{H}$: the effective number")


MLE_VS_MAP = NOTES.add({
    "MLE vs MAP.md": (
        """- **MLE** = pick the parameter that maximises the likelihood of the data
    - in practice maximise the log-likelihood: sums instead of products, and no underflow
    - a coin with h heads in n flips gives h/n, which overfits badly with three flips
    - the MLE of a Gaussian's variance divides by n and is biased
- **MAP** = maximise the posterior, the likelihood times the prior
    - equals the MLE plus a log-prior term in the objective being maximised
    - a Gaussian prior on the weights gives an L2 penalty, a Laplace prior an L1 penalty
    - a Beta prior on a coin adds pseudo-counts to the heads and the tails
- differences
    - MAP is still a point estimate and throws away the posterior's uncertainty
    - MAP is not invariant to reparameterisation, while the MLE is
    - as the data grow the likelihood dominates and MAP tends to the MLE
""")
})


def test_an_outline_branch_led_by_a_bold_term_and_what_it_equals_is_titled_by_the_term(shared):
    cards = shared.backs_by_front(MLE_VS_MAP)
    assert cards["MLE vs MAP › MAP\n\nWhat is MAP?"].startswith("MAP = maximise the posterior, the likelihood times the prior")
    assert cards["MLE vs MAP › MLE\n\nWhat is MLE?"].startswith("MLE = pick the parameter")
    assert not [front for front in cards if "**" in front]


TD = NOTES.add({
    "td.md": (
        """# Monte Carlo versus TD

## Targets

The TD target uses an estimate of the next state's value inside the target, which is called bootstrapping: it is
biased while that estimate is wrong, but it has a much lower variance than the full return.

$$V(S_t) \\leftarrow V(S_t) + \\alpha\\,[R_{t+1} + \\gamma V(S_{t+1}) - V(S_t)]$$

The bracket is the TD error. Because the target needs only the next reward and the next state's estimate, TD learns
online, from incomplete episodes, and in continuing tasks that never end, where Monte Carlo has no return to use.

::: {.callout-important}
Bias/variance in one line: MC is unbiased with high variance; TD is biased with low variance, and n-step returns
interpolate between the two.
:::
""")
})


def test_an_untitled_callout_whose_label_line_is_a_card_makes_no_second_card(shared):
    cards = shared.backs_by_front(TD)
    holding = [front for front, back in cards.items() if "interpolate between the two" in back]
    assert holding == ["Monte Carlo versus TD › Targets › Bias/variance in one line"]


DP = NOTES.add({
    "dp.md": (
        f"""# Dynamic programming

{OPENING}

**Value iteration** does not wait for evaluation to converge; it applies the optimality backup directly:

$$V_{{k+1}}(s) = \\max_a \\sum_{{s'}} P(s' \\mid s,a)\\,[R + \\gamma V_k(s')]$$

It converges to the optimal values because the backup is a contraction, with the error shrinking by a factor of
gamma each sweep. You stop when the change is small and read off the greedy policy.

"Generalised policy iteration" is the name for any interleaving of evaluation and improvement, and nearly every
reinforcement learning method fits the pattern in one way or another.

Each sweep touches every state and action, which is fine for a gridworld and hopeless for Go, hence the curse of
dimensionality and the need for sampling and for function approximation in everything that follows.
""")
})


def test_it_right_after_a_formula_is_that_formulas_and_a_quoted_name_opens_a_paragraph_card(shared):
    cards = shared.backs_by_front(DP)
    remark = [back for front, back in cards.items() if front.startswith("Dynamic programming › What it says\n\n$$V_{k+1}")]
    assert len(remark) == 1 and remark[0].startswith("It converges to the optimal values")
    assert cards["Dynamic programming › Generalised policy iteration"].startswith('"Generalised policy iteration" is')


CLIP = NOTES.add({
    "clip.md": (
        """# Gradient clipping

## Picking the threshold

Rule of thumb: log the gradient norm for a few hundred steps without clipping, then set the threshold around the
typical value (or a bit above, e.g. the 90th percentile). Common defaults are 1.0 for transformers.
""")
})


def test_a_bit_above_a_value_is_no_pointer_at_what_the_card_does_not_show(shared):
    cards = shared.backs_by_front(CLIP)
    assert cards["Gradient clipping › Picking the threshold\n\nWhat is the rule of thumb for picking the threshold?"
                 ].startswith("Rule of thumb: log the gradient norm")


MDP_3 = NOTES.add({
    "mdp.md": (
        """# Markov decision processes

## Return and discounting

The return is the discounted sum of the rewards that follow a step, and every value function is its expectation.

Why discount? Three reasons I've seen: it keeps the return finite when rewards are bounded, it encodes a preference
for sooner rewards, and it reduces variance.
""")
})


def test_an_answers_lead_in_in_the_authors_voice_is_left_off_and_the_answer_kept(shared):
    cards = shared.backs_by_front(MDP_3)
    assert cards["Markov decision processes › Return and discounting\n\nWhy discount?"] == (
        "It keeps the return finite when rewards are bounded, it encodes a preference for sooner rewards, and it "
        "reduces variance.")


CFG = NOTES.add({
    "cfg.qmd": (
        "---\ntitle: Classifier-free guidance\n---\n\n## The trick\n\nInstead of a separate classifier, one "
        "network learns both the conditional and the unconditional model: the label is dropped for a tenth of "
        "the training examples.\n\nAt sampling time the two predictions are mixed with a guidance weight.\n")
})


def test_a_paragraph_opening_on_instead_of_is_no_continuation_of_the_one_before(shared):
    """"Instead, …" goes on from what came before; "Instead of a separate classifier, train one network …" states
    the section's idea: the section's card keeps it."""
    cards = shared.backs_by_front(CFG)
    assert any(back.startswith("Instead of a separate classifier") for back in cards.values()), cards
