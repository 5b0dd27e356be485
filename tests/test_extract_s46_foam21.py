"""Foam-style notes (session 46, foam21): a page's link reference definitions, footnotes, journal furniture and
cut sentences, written into tmp_path and read back through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

from conftest import backs_by_front, new_wiki
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = false\nsections = true\n[review]\ntimezone = "UTC"\n'


def cards_of(tmp_path, name: str, note: str) -> dict[str, str]:
    return backs_by_front(new_wiki(tmp_path, {name: note}, CONFIG))


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


MOMENTUM = NOTES.add({
    "momentum.md": (
        "# Momentum\n\n## Heavy ball\n\nMomentum keeps a running sum of past gradients, so steps along a "
        "consistent direction grow while oscillating components cancel.\n\n"
        "Compare with [[nesterov]] and [[adam]].\n\n"
        '[nesterov]: nesterov.md "Nesterov momentum"\n[adam]: adam.md "Adam"\n')
})


def test_link_reference_definitions_are_on_no_card(shared):
    """Foam ends each page with `[x]: x.md "Title"` lines, the targets of its wikilinks, which no renderer shows:
    they were a card of their own (front "… › [x]") or the tail of the last card's back."""
    made = shared.backs_by_front(MOMENTUM)
    assert any("oscillating components cancel" in back for back in made.values()), made
    for front, back in made.items():
        assert ".md" not in front + back and not front.endswith("]"), made


SHAPES = NOTES.add({
    "shapes.md": (
        "# Shapes\n\n## Batches\n\nThe batch axis comes first in every tensor the loader yields, as in\n"
        "[N, C, H, W]: images.\n")
})


def test_a_link_definition_line_inside_a_paragraph_stays_text(shared):
    """CommonMark: a definition cannot interrupt a paragraph, so a line that only looks like one, written right
    under a sentence, is that sentence's text."""
    made = shared.backs_by_front(SHAPES)
    assert any("[N, C, H, W]: images" in back for back in made.values()), made


SCHEDULES = NOTES.add({
    "schedules.md": (
        "# Learning-rate schedules\n\n## Open points\n\n- a cosine decay ends near zero, so the last epochs barely "
        "move the weights.\n- [ ] the warmup rule of thumb (peak step $= 0.1 T$)\n"
        "- [ ] check that $\\eta_t \\le \\eta_0$ holds for every step\n")
})


def test_an_open_task_whose_formula_is_an_aside_is_off_the_back(shared):
    """"- [ ] the warmup rule (peak step $= 0.1 T$)" names something to look at, its formula an aside to that name:
    it stayed on the back as if it stated a fact. A task that states a relation outside any aside still gives it."""
    made = shared.backs_by_front(SCHEDULES)
    backs = "\n".join(made.values())
    assert "barely move the weights" in backs, made
    assert "warmup" not in backs, made
    assert "\\eta_t \\le \\eta_0" in backs, made


INDEX = NOTES.add({
    "index.md": (
        "# Sequence models — overview\n\nMy hub page for the sequence-models part of the seminar. Pages marked "
        "#wip are not finished yet.\n\n## Why recurrence at all\n\nA recurrent cell reuses one set of weights at "
        "every time step, so the model handles inputs of any length with a fixed number of parameters.\n\n"
        "## Main sources\n\n- Goodfellow et al. ch. 10; Karpathy's blog post on char-RNNs; the LSTM paper\n")
})


def test_a_hub_pages_talk_of_itself_and_its_main_sources_are_on_no_card(shared):
    """A hub page opens with what it is ("My hub page for …") and which of its pages are unfinished, and ends with
    the books it drew on under "Main sources": none of it is a fact of the subject. Its other sections stay."""
    made = shared.backs_by_front(INDEX)
    text = "\n".join(f"{front}\n{back}" for front, back in made.items())
    assert "fixed number of parameters" in text, made
    assert "hub page" not in text and "not finished" not in text, made
    assert "Goodfellow" not in text and "Main sources" not in text, made


DROPOUT = NOTES.add({
    "dropout.md": (
        "# Dropout\n\n## Open ends\n\n- Why does dropout hurt batch-norm statistics at test time? → noted in "
        "[[batch-norm]].\n- Why scale by $1/(1-p)$ during training? → so the expected activation at test time "
        "matches the one seen in training.\n")
})


def test_a_question_answered_only_by_where_the_writer_noted_it_is_no_card(shared):
    """"Why …? → noted in [[page]]." says where the writer put the answer, not the answer: it was a card whose back
    was "noted in [[page]]". A question answered after its arrow stays a card."""
    made = shared.backs_by_front(DROPOUT)
    text = "\n".join(f"{front}\n{back}" for front, back in made.items())
    assert "noted in" not in text, made
    assert "matches the one seen in training" in text, made


WEEK_3 = NOTES.add({
    "week-3.md": (
        "# Week 3 log\n\n## Read\n\nThe Adam update divides the first-moment estimate by the square root of the "
        "second, which gives each parameter its own step size.\n\n## Stuck on / questions\n\n"
        "- Whether the bias correction still matters after a long warmup.\n")
})


def test_a_days_stuck_on_section_is_no_card(shared):
    """A journal's "Stuck on / questions" lists what the writer could not answer that day: no fact to recall."""
    made = shared.backs_by_front(WEEK_3)
    text = "\n".join(f"{front}\n{back}" for front, back in made.items())
    assert "its own step size" in text, made
    assert "bias correction" not in text and "Stuck on" not in text, made


WARMUP = NOTES.add({
    "warmup.md": (
        "# Warmup\n\n## Observations\n\n- Warmup helps Adam **mostly because its early second-moment estimates are "
        "noisy**, so the first steps are far too large.\n- Warmup matters less for plain SGD with a small "
        "learning rate, since no running estimate has to settle first.\n")
})


def test_a_why_question_cut_inside_bold_words_has_no_stray_mark(shared):
    """"Warmup helps Adam **mostly because its early variance estimates are noisy**" was asked as "Why does warmup
    help Adam **mostly?": the cut fell inside the bold words and left their opening mark on the front."""
    made = shared.backs_by_front(WARMUP)
    asked = [front for front in made if front.endswith("?") and "mostly" in front]
    assert asked and all(front.count("**") % 2 == 0 for front in asked), made


SURROGATES = NOTES.add({
    "surrogates.md": (
        "# Surrogates\n\n## Local models\n\nThe surrogate around the current weights:\n\n$$\n\\tilde L(w) = "
        "L(w_0) + g^\\top (w - w_0)\n$$\n\nNear $w_0$ the linear model agrees with the loss to **first order** "
        "(equal value, equal slope), so one step on it is a gradient step in disguise. Each update runs for a few "
        "**epochs** (full passes over the training set) before the model is refit.\n")
}, config=CONFIG.replace("definitions = false",
                                                                                    "definitions = true"))


def test_to_first_order_is_no_term_to_define(shared):
    """"… agrees with the loss to **first order** (equal value, equal slope) …" made "Define: first order" → "equal
    value, equal slope": a degree of agreement is no term, and its bracket means nothing without the sentence. The
    sentence stays on a card; a glossed term in the same note is still defined."""
    made = shared.backs_by_front(SURROGATES)
    assert not any("Define: first order" in front for front in made), made
    assert any("gradient step in disguise" in back for back in made.values()), made
    assert any(front.endswith("Define: epochs") for front in made), made


CLIPPING = NOTES.add({
    "clipping.md": (
        "# Clipping\n\n## Norm clipping\n\nThe clipped update:\n\n$$\ng \\leftarrow g \\cdot \\min(1, c / \\|g\\|)\n$$\n\n"
        "Only the **gradient** is rescaled; the optimizer state keeps its raw history, so momentum can still "
        "carry a spike forward for a few steps.\n")
})


def test_a_word_set_apart_by_only_is_no_subject_of_its_paragraph(shared):
    """"Only the **gradient** is clipped; …" after a formula was asked as "… › gradient": a bold word set apart
    from another by "only" is emphasis, not what the paragraph is about."""
    made = shared.backs_by_front(CLIPPING)
    assert any("carry a spike forward" in back for back in made.values()), made
    assert not any(front.endswith("› gradient") for front in made), made


SGD = NOTES.add({
    "sgd.md": (
        "# Minibatch SGD\n\n## Procedure\n\n1. Shuffle the training set at the start of every epoch.\n"
        "2. Cut it into batches of $B$ examples each.\n3. Batch gradient\n   $$g = \\frac1B \\sum_{i\\in b} "
        "\\nabla_w \\ell_i(w)$$\n4. $w \\leftarrow w - \\eta g$.\n5. Stop once the validation loss stops improving.\n")
})


def test_numbered_steps_with_a_formula_under_one_and_an_update_step_are_one_steps_card(shared):
    """A procedure whose third step names a formula indented under it and whose fourth step is only the update
    ("4. $w \\leftarrow w - \\eta g$."): the formula was carded and every other step was on no card."""
    made = shared.backs_by_front(SGD)
    steps = made.get("Minibatch SGD › Procedure › steps", "")
    assert "1. Shuffle the training set" in steps and "5. Stop once the validation loss" in steps, made
    assert "4. $w \\leftarrow w - \\eta g$." in steps, made
    assert any("\\frac1B" in back for back in made.values()), made


BEAM = NOTES.add({
    "beam.md": (
        "# Beam search\n\n## The loop\n\n1. Start from the single sequence holding the start token.\n"
        "2. Extend every kept sequence by every token in the vocabulary.\n"
        "3. Keep the $k$ highest-scoring extensions and drop the rest.\n4. $B \\leftarrow \\text{top}_k(B')$.\n\n"
        "Step 2 is the expensive part: it scores $k \\cdot |V|$ candidates per position, which is why vocabularies "
        "are kept small for wide beams.\n")
})


def test_a_paragraph_about_step_n_shows_that_step(shared):
    """"Step 2 is the expensive part: …" under a numbered loop was asked "… › The loop › Step 2", without the step:
    its front now shows step 2 of the section's list (the card keeps its id)."""
    made = shared.backs_by_front(BEAM)
    fronts = [front for front, back in made.items() if back.startswith("Step 2 is the expensive part")]
    assert fronts and "Extend every kept sequence" in fronts[0], made


OPTIMIZERS = NOTES.add({
    "optimizers.md": (
        "# Optimizers\n\n## Which one\n\n| optimizer | comment |\n|---|---|\n"
        "| SGD with momentum | still the best final accuracy on many vision benchmarks |\n"
        "| Adam | fast early progress, often needs weight decay done right |\n"
        "| Adagrad | steps shrink forever, fine for sparse features |\n\n"
        "## Defaults\n\n| optimizer | learning rate |\n|---|---|\n| SGD with momentum | about 0.1 with a batch "
        "of 256 images |\n| Adam | about 3e-4 for most small transformer models |\n")
})


def test_a_remarks_column_is_not_asked_on_a_rows_front(shared):
    """"| optimizer | comment |": each row was asked "… › Adam › comment", a column name that asks nothing. The row's
    name alone asks what the table says of it; a column that names what it holds is still asked."""
    made = shared.backs_by_front(OPTIMIZERS)
    assert not any(front.endswith("› comment") for front in made), made
    assert made.get("Optimizers › Which one › Adagrad", "").startswith("steps shrink forever"), made


SMOOTHING = NOTES.add({
    "smoothing.md": (
        "# Label smoothing\n\n## Smoothed target\n\n$$\ny_k^{LS} = (1 - \\alpha)\\, y_k + \\frac{\\alpha}{K}, "
        "\\qquad \\alpha \\approx 0.1\n$$\n\nEach wrong class gets a small share of the probability mass.\n\n"
        "## A run\n\nThe settings of one run:\n\n$$\nK = 10, \\qquad \\alpha = 0.1\n$$\n")
})


def test_a_law_with_a_typical_constant_after_a_quad_is_no_worked_example(shared):
    """"$$L = … (1 - \\alpha) …, \\qquad \\alpha \\approx 0.1$$" was left out as a worked example (it ends on "≈ 0.1");
    the law is what the section teaches, its constant's usual value said beside it. Settings alone stay out."""
    made = shared.backs_by_front(SMOOTHING)
    backs = "\n".join(made.values())
    assert "\\frac{\\alpha}{K}" in backs, made
    assert "K = 10" not in backs, made


def test_a_list_after_a_code_block_joins_the_sections_opening_card(tmp_path):
    """A section too long for one card (two code blocks) kept only its opening sentence: the remarks listed after
    the first code block ("- the target must be detached", "- the loss value says nothing …") were on no card."""
    code = "```python\n" + "".join(f"x{k} = step(x{k - 1})\n" for k in range(1, 12)) + "```\n\n"
    note = ("# Value targets\n\n## Bootstrapped target in code\n\nThe critic regresses onto a target built from its own "
            "next-state estimate.\n\n" + code +
            "- the target must be detached, or the critic chases its own moving output.\n"
            "- the critic loss going down says little about the policy; track the episode return instead.\n\n"
            "Computing the targets backwards:\n\n" + code)
    made = cards_of(tmp_path, "targets.md", note)
    backs = "\n".join(made.values())
    assert "regresses onto a target" in backs, made
    assert "track the episode return instead" in backs and "must be detached" in backs, made
