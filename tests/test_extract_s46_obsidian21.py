"""Obsidian-style notes whose cards gave the answer away, held the writer's chores and open questions, leaked an embed,
or glued a sentence onto the wrong card (session 46, obsidian21). Notes written into tmp_path, read back through the
CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _all(made: dict[str, str]) -> str:
    return "\n".join(f"{front}\n{back}" for front, back in made.items())


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


N2025_01_09 = NOTES.add({
    "Daily/2025-01-09.md": (
        "## Log\n\n- read the ResNet paper, the skip connection adds the input back to the block output\n\n"
        "## Next\n- [x] correct the kernel example (had $k=(3,3)$, wrong stride)\n"
        "- [ ] check why the receptive field grows as $r = 1 + L(k-1)$\n")
})


def test_a_done_task_that_mends_an_example_states_no_fact(shared):
    """A ticked task "- [x] correct the kernel example (had $k=(3,3)$, wrong stride)" is a chore done: its formula is
    the slip it mended, not a claim. A task that checks a claim still keeps the claim."""
    made = shared.backs_by_front(N2025_01_09)
    text = _all(made)
    assert "(3,3)" not in text and "correct the kernel" not in text.lower(), made
    assert "r = 1 + L(k-1)" in text, made


POOLING = NOTES.add({
    "Concepts/Pooling.md": (
        "## Pooling\nMax pooling keeps the strongest response in each window of the feature map.\n\n"
        "> [!question]\n> Does max or average pooling train faster here? A forum thread says it makes no "
        "difference. Try both on the small split.\n\n"
        "> [!question]\n> Why is max pooling translation tolerant? — Because a small shift rarely changes which "
        "value in the window is largest.\n")
})


def test_a_question_callout_that_ends_on_a_plan_to_find_out_is_no_card(shared):
    """An Obsidian `[!question]` whose text is hearsay and the writer's plan ("Try both …", "Check by …") asks what
    the note does not answer; one answered after a dash is still a card."""
    made = shared.backs_by_front(POOLING)
    text = _all(made)
    assert "forum thread" not in text and "Try both" not in text, made
    assert any("rarely changes which value" in back for back in made.values()), made


RESIDUAL_NETWORKS = NOTES.add({
    "Concepts/Residual Networks.md": (
        "Paper notes: [[He et al 2016 - ResNet]]. This page = the block itself + why the shortcut helps.\n\n"
        "## Shortcut\nA residual block learns $F(x)$ and outputs $F(x) + x$, so an identity mapping is easy to "
        "represent. See ![[Identity#^ident]]\n"),
    "Papers/He 2016.md": (
        "# Deep Residual Learning\n\nBackground and the degradation problem: [[Residual Networks]].\n\n" \
        "## Result\nA 152-layer residual net won ImageNet 2015 with 3.57% top-5 error.\n")
})


def test_an_embed_pointer_and_a_pointer_label_are_off_the_backs(shared):
    """"See ![[Other#^block]]" shows a raw embed on a card, and "Paper notes: [[…]]. This page = …" or
    "Background: [[…]]" say where other notes are: no card holds them, the facts beside them stay."""
    made = shared.backs_by_front(RESIDUAL_NETWORKS)
    text = _all(made)
    assert "![[" not in text and "Paper notes" not in text and "This page" not in text, made
    assert "Background and the degradation" not in text, made
    assert "identity mapping is easy to represent" in text and "3.57%" in text, made


DEPTH = NOTES.add({
    "Concepts/Depth.md": (
        "## Fixes for vanishing gradients\n- **Skip connections**: $h^{(l+1)} = f(h^{(l)}) + h^{(l)}$.\n"
        "- **Dense connectivity** (Huang et al. 2017): each layer sees every earlier layer's output (concat), so "
        "each unit can choose its own depth.\n"
        "- **Highway gates** (Srivastava et al. 2015): let a learned gate mix the input and the transform:\n"
        "  $$y = T(x)\\,H(x) + (1 - T(x))\\,x$$\n"
        "  The carry term $(1-T)x$ keeps a path open for the input, so deep stacks still train. Few extra weights.\n"
        "- **LayerNorm**: normalisation layer keeping each unit's activations at zero mean and unit variance.\n")
})


def test_the_text_after_an_items_formula_stays_with_that_item(shared):
    """An item whose display formula is followed by indented text ("- **Highway gates**: … $$…$$ ␣␣The carry term …")
    goes on with that text; the card of an item before it in the list must not hold it."""
    made = shared.backs_by_front(DEPTH)
    holding = [front for front, back in made.items() if "carry term" in back]
    assert holding and all("Highway" in front for front in holding), made


TRAINING_DEEP_NETS = NOTES.add({
    "Concepts/Training deep nets.md": (
        "## Exploding activations\nStacking many plain layers multiplies the signal by the weight scale at each "
        "layer. With weights a little above one, the activations grow without bound in deep stacks. Fix: "
        "initialise so that each layer keeps the variance of its input, as He initialisation does.\n\n"
        "## Batch statistics\nEach feature is normalised with the statistics of the batch:\n\n"
        "$$\\hat x = \\frac{x - \\mu_B}{\\sqrt{\\sigma_B^2 + \\epsilon}}$$\n\n"
        "- The statistics are a **sum** over the examples of the batch (no example is special).\n"
        "- The mean and variance are taken over the batch, so every example's output depends on the others in "
        "its batch.\n"
        "- Consequence: a model with batch norm behaves differently at batch size one unless it uses running "
        "averages.\n")
})


def test_a_fix_or_consequence_label_is_asked_with_what_it_answers(shared):
    """"… › Fix" over "Fix: replace it by …" asks the fix of nothing, and "… › Consequence" over a list item the
    consequence of nothing: the front shows the sentences it answers (the problem, the item before), so the learner
    knows what is asked; a card whose front was the label alone keeps its id."""
    made = shared.backs_by_front(TRAINING_DEEP_NETS)
    fix = next(front for front, back in made.items() if "He initialisation" in back)
    assert "grow without bound" in fix and fix.endswith("Fix?"), made
    consequence = next(front for front, back in made.items() if back.startswith("a model with batch norm"))
    assert "depends on the others" in consequence and consequence.endswith("Consequence?"), made


N2024_03_13 = NOTES.add({
    "Daily/2024-03-13.md": (
        "---\ntags:\n  - daily\n---\n## Log\n- 09:30 finished the [[Dropout]] chapter, started the note\n"
        "- 10:00 seminar: someone asked why dropout needs no sampling at test time even though training samples "
        "masks. Answer: weight **rescaling** — the full network with scaled weights gives the mean output, like "
        "in an ensemble.\n- 14:00 reran the sweep on the small split\n")
})


def test_an_answer_in_a_day_log_is_asked_with_its_question(shared):
    """A log line "someone asked why X … Answer: weight **Y** — …" made a front "Answer: weight … — …" that asks the
    answer to nothing: the sentence that asks is shown before it."""
    made = shared.backs_by_front(N2024_03_13)
    asked = [front for front in made if "Answer: weight …" in front]
    assert asked and all("needs no sampling at test time" in front for front in asked), made


DECODING = NOTES.add({
    "Concepts/Decoding.md": (
        "## Greedy decoding\nAt each step the decoder emits the single most probable token.\n\n"
        "> [!example] Classic trap\n> After \"the\", the word \"nice\" is a little likelier than \"dog\", but "
        "\"the dog barks\" is far likelier as a whole. Greedy commits to \"nice\" at the first step and never "
        "recovers.\n"
        "> General lesson: a locally best token can lead to a globally worse sequence, which beam search "
        "partly avoids.\n")
})


def test_a_titled_example_box_that_draws_a_lesson_is_a_card(shared):
    """An Obsidian `[!example]` box shows a case in a few sentences and ends on "General lesson: …": it made no card
    (an example's working is none), and the case and the lesson drawn from it were lost."""
    made = shared.backs_by_front(DECODING)
    lesson = [front for front, back in made.items() if "globally worse sequence" in back]
    assert lesson and all("Classic trap" in front for front in lesson), made
    assert any("the dog barks" in back for back in made.values()), made


SCORING = NOTES.add({
    "Concepts/Scoring.md": (
        "## Why it helps\n- Cheap: linear in the number of edges.\n- Works on graphs never seen in training.\n\n"
        "> [!warning] Scores can be static\n"
        "> Because the score splits into a part of the query and a part of the key, and the nonlinearity is "
        "monotonic, the **ordering** of keys is the same for every query.\n"
        "> The remedy: apply the nonlinearity before the projection:\n"
        "> $$s = a^\\top \\sigma(W[x \\Vert y])$$\n"
        "> → every query may order the keys differently, at the same cost.\n")
})


def test_a_titled_warnings_argument_before_its_formula_is_a_card(shared):
    """A titled `[!warning]` box argues a claim in a sentence, then gives the fix as a formula: the formula was a
    card, the argument on none. The argument is a card of the box's title; the formula keeps its own card."""
    made = shared.backs_by_front(SCORING)
    assert any("the same for every query" in back for back in made.values()), made
    assert any("\\sigma(W[x" in back for back in made.values()), made
    assert any("Works on graphs never seen" in back for back in made.values()), made


SIMILARITY = NOTES.add({
    "Concepts/Similarity.md": (
        "## Similarity scores\n- Cosine similarity ignores the length of the vectors and keeps only their angle.\n"
        "- Dot product grows with the length, so popular items with long vectors win.\n\n"
        "Exercise for myself: for vectors (1, 0) and (3, 4) compute both scores. (did it on paper — cosine 0.6, "
        "dot 3, so the long vector dominates the dot product.)\n")
})


def test_an_exercise_the_writer_set_themself_and_its_solution_are_no_card(shared):
    """"Exercise for myself: compute … (did it on paper — …)" is the writer's practice and its worked answer: no
    card holds it, as no card holds an emphasised "**Exercise**"; the section's facts stay."""
    made = shared.backs_by_front(SIMILARITY)
    text = _all(made)
    assert "did it on paper" not in text and "Exercise for myself" not in text, made
    assert "keeps only their angle" in text, made


RERANKING = NOTES.add({
    "Concepts/Reranking.md": (
        "## Why one pass is not enough\nA single forward pass scores each candidate on its own, so two candidates "
        "that look alike get the same score even when only one of them fits the context. The model never sees "
        "the pair together.\n\n"
        "**Cross-encoding** (Nogueira 2019): for each query and candidate\n"
        "1. join the query and the candidate into one input\n"
        "2. run the full transformer over the joined input\n"
        "3. read the score off the first token\n\n"
        "Much more accurate for ranking, but you run the model once per pair → slow for large candidate sets.\n")
})


def test_a_subjectless_comparison_after_a_defined_method_goes_on_its_card(shared):
    """"Much more accurate …, but slow" after "**Method**: …" and its steps says how that method compares: it was
    glued onto the section's opening card, about something else. It goes on the method's card."""
    made = shared.backs_by_front(RERANKING)
    holding = [front for front, back in made.items() if "once per pair" in back]
    assert holding and all("Cross-encoding" in front or "Cross-encoding" in made[front] for front in holding), made
    assert all("once per pair" not in back for front, back in made.items() if "never sees the pair" in back), made


POOLING_2 = NOTES.add({
    "Concepts/Pooling.md": (
        "## Pooling\nA pooling layer turns a set of node states into fewer states.\n\n"
        "### Attention pooling (Li 2019)\nToken **weighting** instead of recurrence — parallel, cheaper.\n"
        "1. score each token against a learned query: $s = H q / \\lVert q\\rVert$\n"
        "2. keep the indices of the top $k$ scores\n"
        "3. gate the kept tokens so $q$ gets a gradient: $\\tilde H = H_{idx} \\odot \\sigma(s_{idx})$\n"
        "4. summary vector: $z = \\sum_i \\tilde h_i$\n\n"
        "Risk: tokens dropped early never come back, whatever the later layers need.\n")
})


def test_a_steps_inline_formula_is_no_second_card(shared):
    """Numbered steps with a formula in a step ("1. score each token …: $s = Hq/\\lVert q\\rVert$") made the steps
    card and a one-line formula card of that step again, "score each token …:" over the formula: the step is
    recalled in its place on the steps card."""
    made = shared.backs_by_front(POOLING_2)
    assert any("score each token" in back and "summary vector" in back for back in made.values()), made
    assert not [back for back in made.values() if back.strip().startswith("$$")], made
