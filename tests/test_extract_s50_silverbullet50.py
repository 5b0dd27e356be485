"""SilverBullet pages as SilverBullet shows them (session 50, silverbullet50, the tune26 judge): a page's inline
attributes are metadata on no card, an admonition is a callout whose kind is a label, a link to a place in a page
shows the page. Notes written to tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


# --- attributes ------------------------------------------------------------------------------------------------

NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


DROPOUT = NOTES.add({
    "Dropout.md": (
        "# Dropout\n\n[certainty: low] [from: [[Lecture 4]], slides 10–12] #regularization\n\n"
        "Dropout zeroes each hidden unit with probability p during training and rescales the survivors by "
        "1/(1-p), so the expected activation is unchanged at test time.\n\n"
        "## Where to put it\n\nAfter the activation of a fully connected layer [checked: yes], rarely after a "
        "convolution, whose neighbouring pixels carry the same signal.\n")
})


def test_attributes_under_a_title_are_on_no_card(shared):
    """'[certainty: low] [from: [[Lecture 4]], slides 10–12]' under the title is the page's metadata: the title's card
    is the paragraph after it, and no card shows the attributes."""
    made = shared.backs_by_front(DROPOUT)
    assert any("zeroes each hidden unit" in back for back in made.values()), made
    assert any("rarely after a convolution" in back for back in made.values()), made
    text = _text(made)
    assert "certainty" not in text and "slides 10" not in text and "checked: yes" not in text, made


WARMUP = NOTES.add({
    "Warmup.md": (
        "# Warmup\n\n## Schedule\n\nThe learning rate rises linearly over the first thousand steps, see "
        "[warmup: the original recipe](https://example.org/warmup), and the interval $[t_0: t_1]$ is the ramp, "
        "after which the rate decays with the inverse square root of the step.\n")
})


def test_a_bracketed_aside_that_is_a_link_or_math_stays(shared):
    """A link's text '[step: one](url)' and math '$[a: b]$' are no attributes: they stay as written."""
    made = shared.backs_by_front(WARMUP)
    text = _text(made)
    assert "[warmup: the original recipe](https://example.org/warmup)" in text, made
    assert "$[t_0: t_1]$" in text, made


# --- admonitions ---------------------------------------------------------------------------------------------------

BATCH_NORM = NOTES.add({
    "Batch norm.md": (
        "# Batch norm\n\n## At test time\n\nThe layer normalizes with running averages of the mean and variance "
        "collected during training, not with the statistics of the test batch.\n\n"
        "> **warning** Warning\n> Forgetting to switch the model to evaluation mode makes every prediction "
        "depend on the other examples in its batch.\n")
})


def test_an_admonition_is_a_callout_whose_kind_is_no_text(shared):
    """'> **warning** Warning' over a quoted sentence: a warning's card, without '**warning**' on either side and
    without the kind twice in its front."""
    made = shared.backs_by_front(BATCH_NORM)
    assert any("switch the model to evaluation mode" in back for back in made.values()), made
    text = _text(made)
    assert "**warning**" not in text and "Warning Warning" not in text, made


CONVEXITY = NOTES.add({
    "Convexity.md": (
        "# Convexity\n\n## Jensen\n\nConvex functions lie below their chords.\n\n"
        "> **note** Lemma (Jensen)\n> For a convex function f and any random variable X, f of the expectation "
        "of X is at most the expectation of f(X).\n")
})


def test_an_admonition_with_a_title_is_titled_by_it(shared):
    """'> **note** Lemma (Jensen)': the box's title is 'Lemma (Jensen)', its kind no word of any card."""
    made = shared.backs_by_front(CONVEXITY)
    assert any("at most the expectation of f(X)" in back for back in made.values()), made
    assert "**note**" not in _text(made), made
    assert any("Lemma (Jensen)" in front for front in made), made


KERNELS = NOTES.add({
    "Kernels.md": (
        "# Kernels\n\nA kernel is an inner product in a feature space that is never computed explicitly, so the "
        "cost depends on the number of points, not on the dimension.\n\n{{[[Library/Template/See also]]}}\n")
})


def test_a_template_put_in_place_is_on_no_card(shared):
    """'{{[[Library/Template/See also]]}}' under a paragraph puts a template's text in place: furniture, on no card,
    and the paragraph's card is as it would be without it."""
    made = shared.backs_by_front(KERNELS)
    assert any("never computed explicitly" in back for back in made.values()), made
    assert "{{" not in _text(made) and "See also" not in _text(made), made


# --- links to a place ----------------------------------------------------------------------------------------------

N2024_03_04 = NOTES.add({
    "Journal/2024-03-04.md": (
        "# 2024-03-04\n\n* Learned: Adam keeps a running average of squared gradients per parameter, so each "
        "weight gets its own step size; details at [[Optimizers@1204]].\n"),
    "Optimizers.md": "# Optimizers\n\nSGD and Adam.\n"
})


def test_a_link_to_a_place_in_a_page_shows_the_page(shared):
    """'[[Optimizers@1204]]' links to a character of the page: the card shows '[[Optimizers]]'."""
    made = shared.backs_by_front(N2024_03_04)
    text = _text(made)
    assert "@1204" not in text, made
    assert "own step size" in text and "[[Optimizers]]" in text, made


# --- a paragraph that opens on a joining word ------------------------------------------------------------------

BEAM_SEARCH = NOTES.add({
    "Beam search.md": (
        "# Beam search\n\n## Cost\n"
        "* Each step scores every extension of every kept prefix. The run is dominated by the **vocabulary "
        "size**.\n* Memory: one prefix per beam slot, each as long as the output so far.\n\n"
        "* Widening the beam rarely helps past a handful of slots. Heuristics:\n"
        "  * **length penalty**: divide the score by a power of the length,\n"
        "  * **coverage penalty**: punish source words never attended to.\n\n"
        "And in general, exact decoding of these models is **intractable**, since the number of output "
        "sequences grows exponentially with their length.\n\n## Limits\nIt returns one sequence per input.\n")
})


def test_a_closing_paragraph_that_opens_on_and_is_carded_without_it(shared):
    """'And in general, exact decoding … is **intractable** …' after a section's lists, on no card of theirs: a card
    of its own, asked by its subject, its back without the 'And' that joined it to the list."""
    made = shared.backs_by_front(BEAM_SEARCH)
    backs = [back for back in made.values() if "exact decoding of these models" in back]
    assert backs and backs[0].startswith("In general, exact decoding"), made
    assert any("Exact decoding of these models" in front for front, back in made.items() if back == backs[0]), made


# --- a bullet that says in bold what its subject is -------------------------------------------------------------

DECISION_TREES = NOTES.add({
    "Decision trees.md": (
        "# Decision trees\n\n## Growing\n"
        "* Each split is chosen to lower the impurity of the children as much as possible.\n"
        "* Pruning removes the branches whose removal costs the least validation accuracy.\n"
        "* Choosing the best split order is **NP-hard**. Greedy rules, picking the next split by:\n"
        "  * **information gain**: the drop in entropy from parent to children,\n"
        "  * **gain ratio**: the gain divided by the entropy of the split itself.\n")
})


def test_a_bullet_whose_bold_word_is_the_claim_is_asked_by_its_subject(shared):
    """'Choosing the best split order is **NP-hard**. Greedy rules:' over nested rules: the branch's front names the
    subject ('Choosing the best split order'), not the bold word that answers it."""
    made = shared.backs_by_front(DECISION_TREES)
    fronts = [front for front, back in made.items() if back.startswith("Choosing the best split order")]
    assert fronts, made
    assert not any(front.split("\n")[0].endswith("› NP-hard") for front in made), made
    assert "Choosing the best split order" in fronts[0], made


# --- a labelled formula item carded twice -----------------------------------------------------------------------

OPTIMIZERS = NOTES.add({
    "Optimizers.md": (
        "# Optimizers\n\n## Takeaways\n"
        "* Framing: SGD follows noisy gradients, full-batch descent follows the exact ones.\n"
        "* Their rule of thumb for **which to use**: Adam for quick prototypes, SGD with momentum for the final "
        "run.\n* The loss surface is **not convex**, so every run only finds a local optimum; restarts help.\n"
        "* Momentum update (their eq. 3): $v_t = \\beta v_{t-1} + (1-\\beta)\\, g_t$.\n"
        "* SGD: noisy steps that still converge when the learning rate decays slowly enough.\n")
})


def test_a_labelled_item_that_is_only_its_formula_is_one_card(shared):
    """'- Momentum update (their eq. 3): $v_t = …$.' is the formula card 'Momentum update (their eq. 3):' → $$v_t = …$$;
    the labelled card of the same words and formula (with the sentence's full stop) is not made too."""
    made = shared.backs_by_front(OPTIMIZERS)
    holding = [front for front, back in made.items() if "v_t = \\beta v_{t-1}" in front + back]
    assert len(holding) == 1, made
