"""Cards of ordinary notes, from what judges of new collections found (issue 23, session 37): tables of numbers
beside tables of words, GitHub's ```math fences and `> **Note**` quotes, to-dos left in backs. Notes written in
the same styles into tmp_path, read back through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


PROJECT_TRANSFORMER = NOTES.add({
    "Project transformer.md": (
        "---\ntags: [nets]\n---\nThe transformer of the course project, in two sizes.\n\n## Sizes\n\n"
        "| | # | layers | width | heads | params |\n|---|---|---|---|---|---|\n"
        "| small | 1 | 4 enc + 4 dec | 256 | 4 | ~20M |\n| large | 2 | 12 + 12 | 768 | 12 | ~110M |\n")
})


def test_a_table_row_keeps_its_numbers_and_rows_of_numbers_beside_it_are_cards(shared):
    """"| base | 6 enc + 6 dec | 512 | …": the row's card held only its cell of words; its numbers are what a learner
    studies, each under its column, and the row of numbers below it ("| large | 12 + 12 | …") is a card too. A
    column that only numbers the rows says nothing."""
    made = shared.backs_by_front(PROJECT_TRANSFORMER)
    row = "Project transformer › Sizes ›"  # (four columns: a card per cell, each under its row and column)
    assert (made[f"{row} small › width"], made[f"{row} small › params"], made[f"{row} small › layers"]) \
        == ("256", "~20M", "4 enc + 4 dec"), made
    assert (made[f"{row} large › heads"], made[f"{row} large › params"]) == ("12", "~110M"), made
    assert not any(front.endswith("› #") for front in made) and "1" not in made.values(), made


TUNING = NOTES.add({
    "tuning.md": (
        "# Tuning log\n\nThe learning-rate sweep of the baseline on the validation split.\n\n"
        "| run | accuracy | latency |\n|---|---|---|\n| run a | 0.91 | 12 ms |\n| run b | 0.88 | 9 ms |\n")
})


def test_a_table_of_numbers_alone_is_still_no_card(shared):
    """Results on made-up runs ("| run a | 0.91 | 12 ms |"): no row explains anything, so no row is a card."""
    made = shared.backs_by_front(TUNING)
    assert not any("0.91" in back for back in made.values()), made


MF = NOTES.add({
    "mf.md": (
        "# Matrix factorization\n\n## SGD\n\nFor each observed rating, with error $e_{ui}$, the updates are:\n\n"
        "```math\nq_i \\leftarrow q_i + \\gamma (e_{ui} p_u - \\lambda q_i)\n```\n\n"
        "Cheap per step, and the usual choice for explicit ratings.\n")
})


def test_a_github_math_fence_is_display_math(shared):
    """GitHub renders ```` ```math ```` as display math: a formula card of the sentence before it, not a code block
    lost from every card."""
    made = shared.backs_by_front(MF)
    front = "Matrix factorization › SGD\n\nFor each observed rating, with error $e_{ui}$, the updates are:"
    assert made.get(front, "").startswith("$$") and "\\leftarrow" in made[front], made


KNN = NOTES.add({
    "knn.md": (
        "# Neighbourhood methods\n\nItem-based kNN predicts from the items a user rated that are most similar to "
        "the target.\n\n## Baselines\n\n> **Note**\n> Tuned item-kNN is still a strong baseline on implicit "
        "data; several neural recommenders did not beat it once both were tuned.\n")
})


def test_a_bold_note_quote_is_a_callout(shared):
    """GitHub's first alert syntax, `> **Note**` on a line of its own, is a note as `> [!NOTE]` is: its text is a
    card under the section's path."""
    made = shared.backs_by_front(KNN)
    assert any(front.startswith("Neighbourhood methods › Baselines") and "strong baseline" in back
               for front, back in made.items()), made
    assert not any("**Note**" in back for back in made.values()), made


LAYER_NORM = NOTES.add({
    "Layer norm.md": (
        "Layer norm placement in transformers.\n\n## Pre-LN vs post-LN\n"
        "- post-LN: normalise after the residual add; needs a learning-rate warmup\n"
        "- pre-LN: normalise inside the residual branch; trains stably without warmup\n"
        "- #todo work out why post-LN gradients blow up\n\n"
        "## Dropout\n\nDropout on the attention weights regularises which tokens a head attends to. TODO cite\n")
})


def test_to_dos_are_left_off_backs(shared):
    """An Obsidian `#todo` item in a list, and "TODO …" after a sentence, are the writer's chores, not the answer."""
    made = shared.backs_by_front(LAYER_NORM)
    backs = "\n".join(made.values())
    assert "pre-LN: normalise inside" in backs and "attends to." in backs, made
    assert "#todo" not in backs and "TODO" not in backs, made


INTERNALS = NOTES.add({
    "internals.md": (
        "# Tensor internals\n\ntorch.from_numpy shares the array's buffer and increments its reference count "
        "(so it is not freed while the tensor lives) \ufffc. Similarly, tensor.numpy() shares the tensor's storage "
        "\ufffc \ufffc.\n")
})


def test_object_replacement_characters_are_left_out(shared):
    """Text pasted from a chat answer keeps U+FFFC where its citations were ("… protocol ￼ ￼."): a box on the card
    that stands for nothing."""
    made = shared.backs_by_front(INTERNALS)
    assert any("reference count" in back for back in made.values()), made
    assert not any("\ufffc" in back for back in made.values()), made


DAY_CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = false\nsections = true\n[review]\ntimezone = "UTC"\n'


N2026_03_02 = NOTES.add({
    "Daily/2026-03-02.md": (
        "## Log\n- finished the [[Dropout]] note\n- lab meeting, moved to Thursday\n\n## Learned\n"
        "**Label smoothing** (Szegedy et al. 2016). The one-hot target is mixed with the uniform distribution:\n"
        "$$y' = (1-\\varepsilon)\\, y + \\varepsilon / K$$\n\n"
        "- it stops the logits from growing without bound\n- it hurts calibration less than it seems\n")
}, config=DAY_CONFIG)


def test_a_days_learned_section_is_about_the_term_it_opens_with(shared):
    """"## Learned" over "**Label smoothing** (Szegedy et al. 2016). …": the section's cards ask about label
    smoothing, not about the note the day's log says the writer finished ("finished the [[Dropout]] note")."""
    made = shared.backs_by_front(N2026_03_02)
    assert all(front.startswith("Label smoothing") for front in made), made
    assert any("logits from growing" in back for back in made.values()), made


N2026_03_03 = NOTES.add({
    "Daily/2026-03-03.md": (
        "09:10 coffee, email\n10:30 meeting with the reading group, we pick GloVe for next week\n\n"
        "GloVe (Pennington et al. 2014):\n- factorises the log of the word co-occurrence counts\n"
        "- weighting f(x) caps frequent pairs at x_max = 100\n- word vector = w + w~ (both sets summed)\n\n"
        "16:00 ran the baseline again, same numbers\n")
}, config=DAY_CONFIG)


def test_a_days_list_under_a_name_is_a_card_of_that_name(shared):
    """A day's note of timestamped lines, with "GloVe (Pennington et al. 2014):" over what the day learnt of it: a
    card "GloVe (day note …)" holding the list; the day's chores are no card."""
    made = shared.backs_by_front(N2026_03_03)
    assert "log of the word co-occurrence" in made.get("GloVe (day note 2026-03-03)", ""), made
    assert not any("coffee" in back or "baseline again" in back for back in made.values()), made


N2026_03_04 = NOTES.add({
    "daily/2026-03-04.qmd": (
        '---\ntitle: "2026-03-04"\n---\n\nToy diffusion model on two moons (an MLP, 100 steps).\n\n'
        "Bug of the day: I was passing the raw step index into the network (values up to 100) -- the loss "
        "plateaued. Switched to a sinusoidal embedding of the step and it trains.\n")
}, config=DAY_CONFIG)


def test_a_labelled_line_of_the_writers_day_is_no_card(shared):
    """"Bug of the day: I was feeding …" tells what the writer did; "Lesson: …" is the fact."""
    made = shared.backs_by_front(N2026_03_04)
    assert not any("I was passing" in back for back in made.values()), made


SNR = NOTES.add({
    "snr.qmd": (
        '---\ntitle: "Noise schedules"\n---\n\n## Signal-to-noise ratio\n\n'
        "$$\n\\mathrm{SNR}(t) = \\frac{\\bar\\alpha_t}{1-\\bar\\alpha_t}\n$$ {#eq-snr}\n\n"
        "Must be monotonically decreasing in $t$, so that later steps hold more noise than earlier ones.\n")
})


def test_a_remark_with_its_subject_left_out_speaks_of_the_formula_above(shared):
    """"Must be monotonically decreasing in $t$." right after the formula of the SNR says what the formula must do,
    with its subject left out as notes do: a card with the formula on its front."""
    made = shared.backs_by_front(SNR)
    assert any(back.startswith("Must be monotonically decreasing") and "\\mathrm{SNR}" in front
               for front, back in made.items()), made


RIDGE_DUAL = NOTES.add({
    "ridge-dual.md": (
        "# Worked example: ridge dual\n\nRidge regression minimises the squared error plus a penalty on the "
        "weights:\n\n$$\n\\min_w \\|y - Xw\\|^2 + \\lambda \\|w\\|^2\n$$\n\n"
        "Setting the gradient to zero gives the closed form:\n\n$$\nw = (X^\\top X + \\lambda I)^{-1} X^\\top y\n$$\n\n"
        "## Observations\n\n* the **dual** needs only the Gram matrix $X X^\\top$, so a kernel can replace it\n"
        "* a larger $\\lambda$ shrinks every weight towards zero but never exactly to zero\n"),
    "ridge-hand.md": (
        "# Worked example: ridge by hand\n\nWith one feature and two points the closed form is:\n\n"
        "$$\nw = \\frac{x_1 y_1 + x_2 y_2}{x_1^2 + x_2^2 + \\lambda} = \\frac{2 + 6}{1 + 4 + 1} = 1.33\n$$\n")
})


def test_a_worked_example_in_symbols_of_a_named_model_is_studied(shared):
    """"# Worked example: ridge dual" applies the theory to a named model in symbols: a chapter to study, not an
    example to skip. The same title over arithmetic on made-up numbers stays an example."""
    made = shared.backs_by_front(RIDGE_DUAL)
    assert any("(X^\\top X + \\lambda I)^{-1}" in back for back in made.values()), made
    assert any("Gram matrix" in back for back in made.values()), made
    assert not any("1.33" in back for back in made.values()), made


IALS = NOTES.add({
    "ials.md": (
        "# Implicit ALS\n\nWeighted matrix factorization for implicit feedback.\n\n## why ALS and not SGD here\n\n"
        "the sum is over all user-item pairs, observed or not, so it has billions of terms. SGD would have to "
        "sample them; ALS solves each user in closed form using the sparsity.\n\n## Fit\n\n"
        "the fit above is close enough for ranking, and nobody tunes it further in practice.\n")
})


def test_a_section_written_in_lower_case_is_a_card(shared):
    """"## why ALS and not SGD here" over "the sum is over all pairs, …": a writer who types in lower case starts a
    sentence of their own; "the fit above is …" goes on from before and stays no card alone."""
    made = shared.backs_by_front(IALS)
    assert made.get("Implicit ALS › why ALS and not SGD here", "").startswith("the sum is over"), made
    assert "Implicit ALS › Fit" not in made, made


RANKING = NOTES.add({
    "ranking.md": (
        "# Ranking metrics\n\n## cheat sheet\n\n| metric | order-aware? | graded relevance? | typical use |\n"
        "|---|---|---|---|\n| P@k | ✗ | ✗ | quick sanity check |\n| MAP | ✓ | ✗ | |\n"
        "| NDCG@k | ✓ | ✓ | ranking stage, most papers |\n| MRR | ✓ (first hit only) | ✗ | single-answer tasks |\n")
})


def test_a_cheat_sheet_table_of_marks_is_carded_row_by_row(shared):
    """A comparison table named by short names ("P@k", "NDCG@k") with ✓/✗ cells: its rows are carded (each
    column of marks a card, each row what it has left); before, "P@k" named no row (no word of two letters) and
    the table made nothing."""
    made = shared.backs_by_front(RANKING)
    # (the columns of marks are cards of their own: a row asks what it has left, under its row and column)
    assert made.get("Ranking metrics › cheat sheet › NDCG@k › typical use") == "ranking stage, most papers", made
    assert "- MAP: ✓" in made.get("Ranking metrics › cheat sheet › order-aware, by metric", ""), made
    assert "- MAP: ✗" in made.get("Ranking metrics › cheat sheet › graded relevance, by metric", ""), made


FORWARD = NOTES.add({
    "forward.qmd": (
        '---\ntitle: "Forward process"\n---\n\n## Closed form\n\nComposing the Gaussian steps gives the marginal '
        "of any step directly from the data.\n\n::: {.callout-note}\n## Why this matters\nTraining never "
        "simulates the chain: it samples a step and noises the data in one shot, so each step is cheap.\n:::\n")
})


def test_a_callouts_own_heading_titles_it_under_its_section(shared):
    """Quarto titles a callout by a heading first in it (`## Why this matters`): the callout sits in its section
    ("… › Closed form › Why this matters"), where the heading, read as a section of its own, had replaced it."""
    made = shared.backs_by_front(FORWARD)
    assert "samples a step" in made.get("Forward process › Closed form › Why this matters", ""), made


DDPM = NOTES.add({
    "ddpm.qmd": (
        '---\ntitle: "DDPM"\n---\n\n## Algorithms\n\n**Training** (Alg. 1):\n\n1. $x_0 \\sim q(x_0)$\n'
        "2. $t \\sim \\text{Uniform}\\{1,\\dots,T\\}$\n3. $\\epsilon\\sim\\mathcal N(0,I)$\n"
        "4. gradient step on $\\nabla_\\theta\\|\\epsilon - \\epsilon_\\theta(x_t, t)\\|^2$\n5. repeat until converged\n")
})


def test_an_algorithm_written_as_a_list_is_one_card_of_its_steps(shared):
    """"**Training** (Alg. 1):" over steps, some only a formula ("2. $t \\sim …$"), others in words ("4. gradient
    step on …"): one card of every step in order; the formula items alone made a card that lost the steps."""
    made = shared.backs_by_front(DDPM)
    assert any("1. $x_0" in back and "4. gradient step" in back and "5. repeat until converged" in back
               for back in made.values()), made


ONE_WEIGHT = NOTES.add({
    "one-weight.md": (
        "# One-weight regression\n\n## Example 1\n\nTake one weight $w$ and the squared error of one point.\n\n"
        "### Step-by-step calculation\n\n1. **Update**: gradient descent changes the weight by the rule:\n\n"
        "   $$ w_{\\text{new}} = w_{\\text{old}} - \\eta \\cdot \\frac{\\partial L}{\\partial w} $$\n\n"
        "   Substituting the known values:\n\n   $$ w_{\\text{new}} = 1 - 0.1 \\cdot (-12) = 2.2 $$\n")
})


def test_a_general_formula_in_a_step_by_step_calculation_is_a_card(shared):
    """Under "Example 1 › Step-by-step calculation" the update rule stated in symbols is what the example applies,
    a card; the values put into it ("Substituting the known values:") are the example's, no card and no step."""
    made = shared.backs_by_front(ONE_WEIGHT)
    assert any("w_{\\text{old}} - \\eta" in back for back in made.values()), made
    assert not any("2.2" in back for back in made.values()), made


def test_a_paragraph_led_by_a_name_is_asked_by_that_name_not_its_bold_phrase():
    """"LightFM (Kula 2015): represent users as the **sum of their feature embeddings** …": the front names
    LightFM; the bold phrase is part of the answer."""
    from mlwiki.extract.blocks import Block
    from mlwiki.extract.emphasised import emphasised_card
    from mlwiki.extract.lines import TEXT, Line
    text = ("LightFM (Kula 2015): represent users and items as the **sum of their feature embeddings**, so a new "
            "item falls back to its content features alone.")
    found = emphasised_card("Cold start › Hybrids", Block(TEXT, [Line(19, text, TEXT)]), True)
    assert found is not None and found[0] == "Cold start › Hybrids › LightFM", found


PERPLEXITY = NOTES.add({
    "Perplexity.md": (
        "Perplexity of a language model on a sequence $w_1..w_N$:\n"
        "$$\\mathrm{PPL} = \\exp\\left(-\\frac{1}{N}\\sum_{i=1}^{N}\\log p(w_i \\mid w_{<i})\\right)$$\n"
        "= the exponential of the average cross-entropy per token, in nats.\n\n"
        "- lower is better, and its minimum is 1\n- a uniform model over a vocabulary $V$ scores $|V|$\n")
})


def test_a_paragraph_that_goes_on_from_the_formula_with_an_equals_sign_is_its_remark(shared):
    """"= exp of the average per-token cross-entropy. …" right after the formula of perplexity reads the formula:
    a remark card with the formula on its front, not the head of the section's closing card."""
    made = shared.backs_by_front(PERPLEXITY)
    assert any(back.startswith("= the exponential") and "\\mathrm{PPL}" in front for front, back in made.items()), made


N2026_03_05 = NOTES.add({
    "daily/2026-03-05.qmd": (
        '---\ntitle: "2026-03-05"\n---\n\nToy diffusion model on two moons today.\n\nPicked up while debugging:\n\n'
        "- people keep an **EMA of the weights** for sampling, with a decay near 0.9999; samples from the raw "
        "weights are noticeably worse.\n"
        "- **v-prediction**: predict a mix of the noise and the clean sample instead of the noise alone, which "
        "stays well conditioned near the last step.\n")
})


def test_an_item_that_bolds_its_term_inside_is_a_card_beside_the_defined_items(shared):
    """In a list where one item is a definition ("**v-prediction**: …"), an item that sets its term in bold inside
    what it says ("- people keep an **EMA of the weights** for sampling; …") was dropped: lower case, and its
    neighbour was a card. It is a card of its term, in a day's note as in any other."""
    made = shared.backs_by_front(N2026_03_05)
    assert any(front.endswith("EMA of the weights") and "decay near 0.9999" in back for front, back in made.items()), made


def test_a_labelled_item_is_not_asked_by_the_bold_answer_inside_it():
    """"- **threshold**: old rule $\\hat R < 1.1$; now **$\\hat R < 1.01$**": the label asks, the bold part is the
    answer; an item whose only bold is its label ("**low-density regions**: …") is still a card of it."""
    from mlwiki.extract.blocks import Block
    from mlwiki.extract.emphasised import emphasised_card
    from mlwiki.extract.lines import TEXT, Line
    answer = "- **threshold**: old rule $\\hat R < 1.1$; Vehtari et al. recommend **$\\hat R < 1.01$** for every chain"
    assert emphasised_card("Diagnostics › R-hat", Block(TEXT, [Line(26, answer, TEXT)]), True, item=True) is None
    label = ("- **low-density regions**: few samples there, so the score estimate is inaccurate exactly where "
             "sampling starts")
    found = emphasised_card("Score matching › Why it fails", Block(TEXT, [Line(9, label, TEXT)]), True, item=True)
    assert found is not None and found[0] == "Score matching › Why it fails › low-density regions", found
