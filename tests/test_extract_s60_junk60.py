"""Cards worth studying alone (session 60, junk60): a question log's ticked questions each asked with their answer,
a table row's asked cells all on its back, and no card of worked-example arithmetic, of a hub's links, of a reading
list's pointer, of an aside on a source or the exam, or of a log of the writer's runs; a labelled closing asked on a
card of its own. Every note is written to one wiki in tmp_path, scanned once through the CLI (`cards --json`); each
test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note as _made, note_text as _text, new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("junk60"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


NOTES["tutorial-questions.md"] = (
    "# Questions for the tutorial\n\n"
    "Kept open during the term. Ticked once the tutor answered (answer below it).\n\n"
    "## Regularisation\n\n"
    "- [x] Does dropout act like an ensemble?\n\n"
    "    - Roughly: each mask trains a thinned subnetwork, and scaling the weights at test time approximates "
    "averaging their predictions.\n\n"
    "- [x] Why is weight decay not the same as L2 for Adam?\n\n"
    "    - The L2 gradient gets divided by Adam's running RMS, so heavily-updated weights are decayed less; "
    "decoupled decay shrinks every weight by the same factor.\n\n"
    "- [ ] Is label smoothing a regulariser or a calibration trick? Ask next week.\n")


def test_a_ticked_question_over_its_answer_is_asked_with_it(cards):
    """A question log's ticked items ("- [x] Does dropout act like an ensemble?") over their indented answers: each
    question is a card of its own with its own answer, not one card of every answer with none of the questions."""
    made = _made(cards, "tutorial-questions.md")
    ensemble = next((back for front, back in made.items() if "Does dropout act like an ensemble?" in front), "")
    decay = next((back for front, back in made.items() if "not the same as L2 for Adam?" in front), "")
    assert ensemble.startswith("Roughly: each mask trains a thinned subnetwork") and "decoupled" not in ensemble
    assert "divided by Adam's running RMS" in decay and "thinned" not in decay
    assert "Ask next week" not in _text(made)


NOTES["batch-size.md"] = (
    "# Batch size\n\n"
    "Larger batches average out more of the gradient noise per step.\n\n"
    "## Recipes from the literature\n\n"
    "| setting | batch | source |\n"
    "|:---|:---|:---|\n"
    "| ImageNet in one hour | 8k images, LR scaled linearly | Goyal et al. 2017 |\n"
    "| LAMB for BERT | 64k sequences, layer-wise LR | You et al. 2020 |\n"
    "| small CNN on CIFAR | 128 images | Zagoruyko & Komodakis 2016 |\n"
    "| ViT from scratch | 4k images, long warmup | Dosovitskiy et al. 2021 |\n"
    "| GPT-3 | ramped to 3.2M tokens | Brown et al. 2020 |\n")


def test_a_table_rows_card_answers_every_column_its_front_asks(cards):
    """A row's card asks "ImageNet in one hour: batch, source?": its back answers the source too, though a cell that
    only names a paper reads like the citation a prose card drops."""
    made = _made(cards, "batch-size.md")
    back = next((back for front, back in made.items() if front.endswith("ImageNet in one hour: batch, source?")), "")
    assert "- batch: 8k images, LR scaled linearly" in back and "- source: Goyal et al. 2017" in back
    lamb = next((back for front, back in made.items() if front.endswith("LAMB for BERT: batch, source?")), "")
    assert "You et al. 2020" in lamb


NOTES["standard-error.md"] = (
    "# Standard error of the mean\n\n"
    "## How it shrinks with n\n\n"
    "The standard error of a sample mean is the population sd divided by √n, so quadrupling the sample only halves "
    "it.\n\n"
    "- n = 10: se ≈ 0.316 → the mean is known to about ±0.6\n"
    "- n = 40: se ≈ 0.158 → about ±0.3\n"
    "- n = 160: se ≈ 0.079 → about ±0.16\n\n"
    "## Shrinkage toward a prior\n\n"
    "A Normal prior pulls the estimate toward the prior mean by the ratio of the precisions. With τ = 2, σ = 1, "
    "n = 4 → weight on the data = 16/17 ≈ 0.94, so the prior barely matters here.\n")


def test_worked_example_arithmetic_in_an_ordinary_section_is_no_card(cards):
    """Figures a writer worked out to see a rule at work ("n = 40: se ≈ 0.158 → about ±0.3", "With τ = 2, σ = 1,
    n = 4 → weight … ≈ 0.94") are no card; the rule they plug numbers into keeps its card."""
    made = _made(cards, "standard-error.md")
    assert not any(back.startswith(("n = 10", "n = 40", "n = 160")) for back in made.values())
    assert not any(back.startswith("With τ = 2") for back in made.values())
    text = _text(made)
    assert "quadrupling the sample only halves" in text and "by the ratio of the precisions" in text


NOTES["regularised-objective.md"] = (
    "# Regularised objectives\n\n"
    "Most of what we saw this term fits one template.\n\n"
    "## One template\n\n"
    "Nearly every model in the course minimises\n\n"
    "$$\n\\min_w \\; \\frac{1}{n}\\sum_i \\ell(y_i, f_w(x_i)) + \\lambda R(w)\n$$\n"
    "- $\\ell$ = a **loss**: squared error (ridge), hinge (SVM), log loss (logistic regression)\n"
    "- $R$ = a **penalty**: squared norm (ridge), L1 norm (lasso)\n\n"
    "Takeaway for revision: the choice of loss decides what is fitted, and the penalty decides how simple the fit "
    "stays.\n")


def test_a_labelled_closing_after_a_formula_and_its_list_is_a_card_of_its_own(cards):
    """"Takeaway for revision: …" after a formula and the list that reads its symbols speaks of neither: it is a card
    asked by its label, not a second fact on the formula's back."""
    made = _made(cards, "regularised-objective.md")
    formula = next((back for back in made.values() if "\\lambda R(w)" in back), "")
    assert formula and "penalty decides" not in formula
    assert any("Takeaway for revision" in front and "penalty decides how simple" in front + back
               for front, back in made.items())


NOTES["vision-hub.md"] = (
    "# Vision hub\n\n"
    "Start page for the vision half of the module.\n\n"
    "## Segmentation\n\n"
    "- [U-Net](<./Vision/Segmentation/U-Net (skip connections).md>) — encoder, decoder, skips at every scale\n"
    "- [Mask R-CNN](<./Vision/Segmentation/Mask R-CNN.md>) — a mask head on Faster R-CNN, RoIAlign\n"
    "- [Dice loss](<./Vision/Segmentation/Dice loss.md>) — overlap loss for imbalanced masks\n")


def test_a_hubs_list_of_links_in_angle_brackets_is_no_card(cards):
    """A hub's items link to pages whose paths sit in angle brackets (spaces in them): where to read, no card, as a
    list of plain links is."""
    assert "Mask R-CNN" not in _text(_made(cards, "vision-hub.md"))


NOTES["reading-list.md"] = (
    "# Reading list — generative models\n\n"
    "## Related\n\n"
    "- Sohl-Dickstein et al. (2015) — the first diffusion paper — not read\n"
    "- Song & Ermon (2019) — score matching — not read, but the NCSN idea comes up in lectures\n"
    "- Ho et al. (2020) — denoising diffusion → summarised in [[Diffusion models]]\n\n"
    "+ [ ] Re-derive the DDPM loss\n")


def test_a_reading_lists_pointer_to_where_the_paper_is_written_up_is_no_card(cards):
    """"Ho et al. (2020) — denoising diffusion → summarised in [[Diffusion models]]" says where the writer wrote the
    paper up, not what it says: no card."""
    assert "summarised in" not in _text(_made(cards, "reading-list.md"))


NOTES["box-filters.md"] = (
    "# Box filters\n\n"
    "## Separable filters\n\n"
    "A 2-D box filter equals a horizontal pass followed by a vertical pass, so it costs 2k instead of k² per pixel. "
    "The same split is used *inside* most blur implementations so that large kernels stay cheap.\n")


def test_an_italic_preposition_is_stress_not_the_answer_asked(cards):
    """"used *inside* most blur implementations" stresses a preposition: no card asks it as the blank of its
    sentence."""
    made = _made(cards, "box-filters.md")
    assert not any("used … most blur" in front for front in made)


NOTES["learning-rate-warmup.md"] = (
    "# Learning-rate warmup\n\n"
    "## Why it helps\n\n"
    "Early on the second-moment estimate of Adam rests on a handful of gradients, so its steps are too large; a "
    "short linear warmup keeps them small until the estimate settles.\n\n"
    "The Fast.ai course notebook has an interactive slider where you change the warmup length and watch the loss. "
    "Their lr_max = my η.\n\n"
    "## Schedules\n\n"
    "- linear warmup: [...] the most common choice in transformer training\n"
    "- only the idea of warmup needed for the exam — wrote the RAdam derivation in [[RAdam]] anyway\n")


def test_asides_on_a_source_or_the_exam_are_on_no_card(cards):
    """What a course notebook offers to play with, whose symbols are whose, and what the exam leaves out are the
    writer's asides, not facts: no card holds them, while the fact beside them keeps its card."""
    text = _text(_made(cards, "learning-rate-warmup.md"))
    made = _made(cards, "learning-rate-warmup.md")
    assert not any("interactive slider" in back or "lr_max = my" in back for back in made.values())
    assert not any("needed for the exam" in back for back in made.values())
    assert "short linear warmup keeps them small" in text


NOTES["churn-project.md"] = (
    "# Churn model — project notes\n\n"
    "## Models compared\n\n"
    "- logistic regression: calibrated out of the box, but needs hand-made interactions\n"
    "- gradient boosting: finds interactions itself; needs early stopping on a validation fold\n"
    "- survival models: predict *when* a customer leaves, not only whether\n\n"
    "**Experiment log (in order)**\n"
    "- v1: logistic regression, raw features → AUC 0.71, barely above the tenure-only baseline\n"
    "- v2: + tenure buckets → 0.74\n"
    "- v3: gradient boosting, depth 6 → 0.81\n"
    "- v4: + usage trend features → 0.84 and trains in a minute\n"
    "- 3 seeds each for v2–v4: sd ≈ 0.005, so the gaps are real\n"
    "Conclusion: what mattered was the features, not the model class.\n")


def test_a_list_logging_the_writers_runs_by_id_is_no_card(cards):
    """"- v3: gradient boosting, depth 6 → 0.81" is one of the writer's runs and its score: no card per run; the
    conclusion the writer draws stays."""
    made = _made(cards, "churn-project.md")
    assert not any(front.endswith(("› v1", "› v2", "› v3", "› v4")) for front in made)
    assert "what mattered was the features" in _text(made)


NOTES["series-words.md"] = (
    "# Words for a time series\n\n"
    "## Vocabulary\n"
    "- **Level**: the value the series moves around, which may itself wander slowly\n"
    "- **Noise**: the part no model of the series predicts, ideally uncorrelated over time\n"
    "- **Shock**: a one-off jump that a stationary series forgets again after a while\n"
    "- **Drift**: a constant added at every step\n"
    "Drift vs level test: does the mean keep changing over time? yes → drift, no → a level only.\n\n"
    "## Naive forecasts\n\n"
    "The naive forecast repeats the last value for every horizon.\n")


def test_a_labelled_line_right_under_a_definition_list_is_no_part_of_its_last_definition(cards):
    """An export without blank lines puts "Drift vs level test: …" right under the last "**Drift**: …" item: the
    writer's next paragraph, asked by its label, not a second fact on the definition's back."""
    made = _made(cards, "series-words.md")
    drift = next((back for front, back in made.items() if front.endswith("Define: Drift")), "")
    assert drift == "a constant added at every step"
    assert any(front.endswith("Drift vs level test") and back.startswith("does the mean keep changing")
               for front, back in made.items())
