"""Cards of a Quarto site of daily notes, from what a learner judging its cards found (session 47, daily22): a day's
"## Learned" section asks about the term it opens with or the day's lecture, never "Learned" alone; two days'
sections of one name are two cards; what the writer is still confused about keeps its facts and loses its open
questions; a margin note does not part a formula from the bullets after it; a limit's constant is no worked example;
a question set in italics, or answered by the formula after it, is asked as such. Notes written in that style into
tmp_path, read back through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest


from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def day(date: str, body: str) -> str:
    return f'---\ntitle: "{date}"\ndate: {date}\n---\n\n{body}'


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


N2025_04_03 = NOTES.add({
    "daily/2025-04-03.qmd": (
        day("2025-04-03", "## Today\n\n- Read the chapter on compression.\n\n## Learned\n\n"
            "Distillation (\"teacher–student\"): a small model learns to match the softened outputs of a larger one.\n\n"
            "Why soft targets? They carry how the teacher ranks the wrong classes, which one-hot labels hide.\n\n"
            "- **Self-distillation** = the same recipe with a teacher and a student of one size.\n"
            "- Distillation works best when the teacher's probabilities are well calibrated.\n"))
})


def test_a_days_learned_section_asks_about_the_term_its_opening_defines(shared):
    """"## Learned" over "Distillation ("teacher–student"): a small model learns …": its cards ask about
    distillation ("Learned / Why soft targets?" named nothing), and a bold item of it ("- **Self-distillation** = …")
    is a kind of it, not another subject."""
    made = shared.backs_by_front(N2025_04_03)
    assert any("Why soft targets?" in back for back in made.values()), made
    assert all(front.startswith("Distillation") for front in made), made


N2025_04_04 = NOTES.add({
    "daily/2025-04-04.qmd": (
        day("2025-04-04", "## Learned\n\n**GAN = generative adversarial network.**\n\n"
            "1. Sample noise and let the generator map it to a fake example.\n"
            "2. Train the discriminator to tell fakes from real examples.\n"
            "3. Update the generator to fool the discriminator.\n\n"
            "**When does it help?**\n\n- Sharp image samples where likelihood models blur.\n"
            "- Data augmentation for small labelled sets.\n"))
})


def test_a_bold_line_that_spells_out_the_days_term_is_its_definition(shared):
    """"**GAN = generative adversarial network.**" opening a day's "## Learned": the section is about GANs, the line
    is asked as their definition (it was only a heading on the fronts, never asked), and a bold question later in
    the section ("**When does it help?**") opens no other subject."""
    made = shared.backs_by_front(N2025_04_04)
    assert made.get("Define: GAN") == "generative adversarial network", made
    assert "Sharp image samples" in made.get("GAN\n\nWhen does it help?", ""), made
    assert not any("generative adversarial" in front for front in made), made


N2025_04_07 = NOTES.add({
    "daily/2025-04-07.qmd": (
        day("2025-04-07", "## Learned\n\nIdea: a second network predicts which tokens a first network can skip, "
                          "so most of the sequence is never processed twice.\n")),
    "daily/2025-04-08.qmd": (
        day("2025-04-08", "## Learned\n\nIdea: instead of one long schedule, restart the learning rate "
                          "several times so the optimiser can leave a sharp minimum.\n"))
})


def test_two_days_learned_sections_are_two_cards(shared):
    """Every day's note has a "## Learned": a card asked by it alone was the same card (one id) in every day's note,
    so only the first day's was kept; each day's is a card of its own."""
    backs = [c["back"] for c in shared.cards(N2025_04_07)]
    assert any("skip" in back for back in backs) and any("restart the learning rate" in back for back in backs), backs


N2025_04_09 = NOTES.add({
    "daily/2025-04-09.qmd": (
        day("2025-04-09", "## Today\n\n- Lecture: gaussian processes, part 2.\n- Lab in the afternoon.\n\n"
            "## Learned\n\nThe idea: put a prior directly on functions, so that any finite set of function values "
            "is jointly Gaussian with a covariance given by the kernel.\n\n"
            "A gaussian process is fixed by its mean function and its kernel.\n")),
    "daily/2025-04-10.qmd": (
        day("2025-04-10", "## Today\n\n- Lecture was cancelled, read on my own.\n\n"
            "## Learned\n\nThe idea: a kernel's length scale sets how quickly two function values stop "
            "being correlated as their inputs move apart.\n"))
})


def test_a_days_lecture_names_its_subject(shared):
    """A day's log says what the lecture was on ("- Lecture: gaussian processes, part 2."): the day's cards ask
    about that, not about a "Learned" of nothing; a lecture that did not happen names no subject."""
    made = shared.backs_by_front(N2025_04_09)
    ours = [front for front, back in made.items() if "prior directly on functions" in back]
    assert ours and all(front.startswith("Gaussian processes") for front in ours), made
    theirs = [front for front, back in made.items() if "length scale" in back]
    assert theirs and not any(front.startswith("Lecture") for front in theirs), made


N2025_04_11 = NOTES.add({
    "daily/2025-04-11.qmd": (
        day("2025-04-11", "## Learned\n\n**Kernel trick**: a model that needs only inner products can work in "
            "a feature space it never builds.\n\n## Confused about\n\n"
            "- A valid kernel has to give a positive semi-definite Gram matrix on every finite sample. Why exactly "
            "that condition? Not sure yet.\n- Does the bias term get regularised too? No idea.\n")),
    "daily/2025-04-12.qmd": (
        day("2025-04-12", "## Learned\n\n**Mercer's theorem**: a continuous symmetric positive "
            "semi-definite kernel is an inner product in some feature space.\n\n## Confused about\n\n"
            "- Why does the feature space have to be a Hilbert space?\n- Is the map ever unique? Check later.\n"
            "- How does this relate to Gaussian process priors? → next time, in the GP lecture.\n"))
})


def test_what_the_writer_is_confused_about_keeps_its_facts_not_its_open_questions(shared):
    """"## Confused about" in a day's note: the writer's open questions ("Why exactly?", "No idea.") are off the
    card, the facts the items state stay; a section of nothing but open questions is no card, nor a question whose
    answer is put off ("→ next time, in the GP lecture.")."""
    made = shared.backs_by_front(N2025_04_11)
    confused = [back for front, back in made.items() if front.endswith("Confused about")]
    assert len(confused) == 1, made
    assert "positive semi-definite Gram matrix" in confused[0], made
    assert "Why exactly" not in confused[0] and "bias term" not in confused[0], made
    assert not any("next time" in back for back in made.values()), made


KRR = NOTES.add({
    "krr.qmd": (
        "# Kernel ridge regression\n\n## Prediction\n\nThe prediction at a new point is a weighted sum of kernel "
        "values:\n\n$$\n\\hat f(x) = k(x)^\\top (K + \\lambda I)^{-1} y\n$$\n\n::: {.column-margin}\n"
        "Proof sketch: use the representer theorem, then solve the normal equations.\n:::\n\n"
        "- As $\\lambda \\to 0$ the fit interpolates the training targets exactly.\n"
        "- The inverse makes the cost grow with the cube of the number of training points.\n")
})


def test_a_margin_note_does_not_part_a_formula_from_the_bullets_after_it(shared):
    """A margin note between a display formula and the bullets that say what it implies ("As $\\lambda \\to 0$ the
    fit …"): the bullets were cut into fronts of their own first words ("… › As $\\lambda\\to 0$ the fit"), never
    showing the formula they speak of."""
    made = shared.backs_by_front(KRR)
    front = next((f for f, b in made.items() if b.startswith("As $\\lambda \\to 0$")), "")
    assert "(K + \\lambda I)^{-1}" in front, made


INTEREST = NOTES.add({
    "interest.md": (
        "# Compound interest\n\n## Continuous compounding\n\nCompounding a unit rate more and more often "
        "approaches a limit:\n\n$$\n\\Big(1 + \\frac1n\\Big)^n \\to e \\approx 2.718\n$$\n\n"
        "so the yearly growth factor never exceeds e however often interest is added "
        "(→ [Compounding](compounding.md)).\n\n## Example\n\nThree heads in seven tosses give\n\n"
        "$$\np = 3/7 \\approx 0.43\n$$\n")
})


def test_the_constant_a_law_tends_to_is_no_worked_example(shared):
    """"$$(1 + 1/n)^n \\to e \\approx 2.718$$" is a limit to learn, not a value worked out of an example's numbers
    (which "$$p = 3/7 \\approx 0.43$$" is); the sentence going on after it joins its card without its pointer to
    another note ("(→ [Compounding](compounding.md))")."""
    made = shared.backs_by_front(INTEREST)
    back = next((b for b in made.values() if "\\to e \\approx 2.718" in b), "")
    assert back.endswith("so the yearly growth factor never exceeds e however often interest is added."), made
    assert not any("3/7" in back for back in made.values()), made


BOOTSTRAP = NOTES.add({
    "bootstrap.md": (
        "# Bootstrap\n\n## Resampling\n\nEach resample draws $n$ points with replacement from the $n$ we have.\n\n"
        "How likely is a point to be left out of one resample? It is missed by all $n$ draws with probability\n\n"
        "$$\n\\Big(1 - \\frac1n\\Big)^n \\to e^{-1} \\approx 0.368\n$$\n")
})


def test_a_question_answered_by_the_formula_after_it_is_asked_with_the_formula(shared):
    """"How likely is a point to be left out? It is missed by all $n$ draws with probability" / "$$…$$": the
    answer is the formula, not the words before it; no card ends on "with probability"."""
    made = shared.backs_by_front(BOOTSTRAP)
    assert not any(back.rstrip().endswith("with probability") for back in made.values()), made
    front = next((f for f, b in made.items() if "e^{-1}" in b), "")
    assert "How likely is a point to be left out of one resample?" in front, made


KNN = NOTES.add({
    "knn.md": (
        "# Nearest neighbours\n\n## Distances\n\nTo classify a new point:\n\n"
        "1. compute its distance to every training point;\n2. keep the $k$ closest;\n3. let them vote.\n\n"
        "*Why normalise first?* Features measured on large scales would dominate the distance, so a feature in "
        "metres outweighs one in kilometres for no reason.\n\n"
        "| metric | typical use |\n|---|---|\n| Euclidean | dense numeric features |\n| cosine | sparse text |\n")
})


def test_a_question_in_italics_that_opens_its_answer_is_asked(shared):
    """"*Why normalise first?* Features on large scales …": the question is the front, its answer the back (it was
    the back of a card asked by the heading alone)."""
    made = shared.backs_by_front(KNN)
    back = made.get("Nearest neighbours › Distances\n\nWhy normalise first?", "")
    assert back.startswith("Features measured on large scales"), made


COMPRESSION = NOTES.add({
    "compression.md": (
        "# Compression\n\n## Distillation\n\nDistillation (teacher–student training): a small student learns "
        "to imitate the output distribution of a large\nteacher, instead of learning from the hard labels alone.\n\n"
        "The key choice is *which* outputs the student matches:\n\n"
        "1. run the teacher once over the whole transfer set and store its logits;\n"
        "2. soften those logits with a temperature well above one;\n"
        "3. train the student on a weighted mix of the softened targets and the true labels.\n\n"
        "Why soft targets? They carry how the teacher ranks the wrong classes, which one-hot labels hide, so each "
        "example\nteaches the student far more than a single correct class would.\n\n"
        "- At inference time: only the student runs, so serving cost falls with the ratio of the two model sizes.\n"
        "- A temperature above one flattens the teacher's distribution before it is matched, and the loss is "
        "scaled back up\n  by the square of the temperature so its gradients keep their size.\n"
        "- **Self-distillation** = the same recipe with a teacher and a student of one size, which still tends "
        "to help.\n\n```python\nloss = alpha * kl(soft_student, soft_teacher) + (1 - alpha) * ce(logits, y)\n```\n")
})


def test_a_label_in_capitals_left_between_cards_is_a_card(shared):
    """"- At inference time: only the student runs …", an item left on no card between the section's cards: its
    label was looked for in lower case ("at inference time") and not found, so the fact was on no card."""
    made = shared.backs_by_front(COMPRESSION)
    assert made.get("Compression › Distillation › At inference time", "").startswith("At inference time: only"), made


N2025_04_14 = NOTES.add({
    "daily/2025-04-14.qmd": (
        day("2025-04-14", "## Today\n\n- Lab: learning-rate sweep on the small convnet.\n"
            "- Small notebook: momentum on a noisy quadratic, the trajectory is much smoother than plain SGD.\n"
            "- Problem set 2 started: Q1 done, Q2 half way.\n"
            "- Skimmed @lecun1998gradient (the convolution half is what matters here).\n\n"
            "## Learned\n\n**Momentum** keeps an exponentially decaying sum of past gradients and steps along it, "
            "which damps the zig-zag across a narrow valley.\n"))
})


def test_a_days_log_of_lectures_labs_and_readings_is_no_card(shared):
    """A day's "## Today" says what the day held ("- Lab: …", "- Small notebook: …", "- Problem set 2 started: …",
    "- Skimmed @lecun1998 (…)"): none of it is a fact to recall; a fact stated in the same log still is a card."""
    made = shared.backs_by_front(N2025_04_14)
    backs = "\n".join(made.values())
    assert "sweep" not in backs and "noisy quadratic" not in backs and "Q1 done" not in backs, made
    assert "convolution half" not in backs, made
    assert "decaying sum of past gradients" in backs, made


BOOSTING = NOTES.add({
    "boosting.md": (
        "# Boosting\n\n## Methods\n\n### GBM = additive trees fitted to negative gradients\n\n"
        "Each round fits a small regression tree to the pseudo-residuals of the current model and adds it with a "
        "small weight, so the ensemble moves downhill in function space.\n\n"
        "### Shrinkage = the knob to tune first\n\nScaling every new tree by a factor below one slows learning "
        "down but makes the final model generalise better.\n")
})


def test_a_heading_that_equates_its_name_is_asked(shared):
    """"### GBM = additive trees fitted to negative gradients": what the name is stood only on the fronts of the
    cards under it and was never asked; it is a card "… › GBM". A heading whose right side judges ("Shrinkage = the
    knob to tune first") is none."""
    made = shared.backs_by_front(BOOSTING)
    assert made.get("Boosting › Methods › GBM") == "GBM = additive trees fitted to negative gradients", made
    assert "Boosting › Methods › Shrinkage" not in made, made
