"""Cards that held several facts a learner studies apart (session 54, multi54, the held28–held30 judges' multi-fact
cards): a numbered list of kinds whose bold labels a colon closes, some longer than four words, is a card per
kind; a question heading's answer keeps its own text, and the parts after it under labels of their own ("Side
effects:" over a list, "**Tiny batches.** …") are cards of their own. Notes written to tmp_path, read
back through the CLI."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


KINDS = ("# Data pitfalls\n\n## Kinds of contamination I have met\n\n"
         "1. **label bleed**: a feature computed from the target itself, such as a running mean of outcomes "
         "over the full history\n"
         "2. **rare user filtering before the split**: dropping rare users first lets the training part know which "
         "users last into the evaluation window\n"
         "3. **choosing settings on held-out data**: picking hyperparameters by the final score makes that score "
         "optimistic; keep a separate validation slice\n"
         "4. **near copies**: the same record twice, once in each part, makes the evaluation trivially easy for a "
         "memorising model\n")


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


PITFALLS = NOTES.add({"pitfalls.md": KINDS})


def test_a_numbered_list_of_kinds_with_long_colon_labels_is_a_card_per_kind(shared):
    """'2. **rare user filtering before the split**: …' (five words, closed by a colon) names a kind, as
    '1. **label bleed**: …' does: each kind is its own card, asked by its label; the list's card keeps the labels."""
    made = shared.backs_by_front(PITFALLS)
    path = "Data pitfalls › Kinds of contamination I have met"
    assert "the training part know" in made[f"{path} › rare user filtering before the split"], made
    assert "optimistic" in made[f"{path} › choosing settings on held-out data"], made
    assert "running mean" in made[f"{path} › label bleed"], made
    assert not any("running mean" in back and "optimistic" in back for back in made.values()), made


CV = NOTES.add({
    "cv.md": (
        "# Cross-validation\n\n## Procedure\n\n"
        "1. **Shuffle the rows of the table** before anything else, so that folds do not follow the file order\n"
        "2. **Cut the rows into folds** of equal size, keeping the class balance within each fold\n"
        "3. **Train on all folds but one** and score the model on the fold that was left out\n"
        "4. **Average the fold scores** to get the estimate, and report their spread beside it\n")
})


def test_numbered_steps_that_run_on_into_their_sentence_stay_one_card(shared):
    """'1. **Shuffle the rows of the table** before …' (no colon after the bold words) is a step in its order."""
    made = shared.backs_by_front(CV)
    assert any("Shuffle the rows" in back and "Average the fold scores" in back for back in made.values()), made


BATCH = ("# Layer statistics\n\n## Batch statistics\n\nEach channel is standardised with the mean and variance of the "
         "current batch.\n\n### Why does it speed up training?\n\n"
         "The gradients become more predictive because the loss surface gets smoother, so a larger step size can be "
         "used without diverging.\n\n"
         "Side effects:\n"
         "- the noise of the batch estimates acts as a weak regulariser\n"
         "- the layer before it needs no bias term, since the shift parameter replaces it\n\n"
         "**Tiny batches.** With one or two samples per device the estimates are too noisy; share the "
         "statistics across devices or switch to group statistics.\n")


STATS = NOTES.add({"stats.md": BATCH})


def test_a_question_headings_labelled_parts_after_its_answer_are_cards_of_their_own(shared):
    """'### Why does it speed up training?' is answered by its first paragraph; 'Side effects:' over a list and
    '**Tiny batches.** …' answer no part of it: each is asked by its label, and the question's card keeps
    the answer alone."""
    made = shared.backs_by_front(STATS)
    question = next(front for front in made if front.endswith("Why does it speed up training?"))
    assert "loss surface gets smoother" in made[question] and "regulariser" not in made[question], made
    assert "too noisy" not in made[question], made
    assert "too noisy" in made["Layer statistics › Batch statistics › Tiny batches"], made
    assert any("regulariser" in back and front.startswith("Layer statistics › Batch statistics › Side effects")
               for front, back in made.items()), made


ENS = NOTES.add({
    "ens.md": (
        "# Ensembles\n\n## Bagging\n\n### Why does averaging help?\n\nTwo reasons:\n\n"
        "**Variance shrinks.** Averaging many noisy fits cancels much of their individual noise.\n\n"
        "**Errors decorrelate.** Different resamples make the models err on different points.\n")
})


def test_a_question_whose_labels_are_its_answer_stays_one_card(shared):
    """'Two reasons:' before the labelled parts: the parts are what the question asks for, one answer."""
    made = shared.backs_by_front(ENS)
    question = next(front for front in made if front.endswith("Why does averaging help?"))
    assert "cancels" in made[question] and "different points" in made[question], made


LIN = NOTES.add({
    "lin.md": (
        "# Linear classifiers\n\n## Margin of a perceptron\n\n"
        "The perceptron stops updating once every training point sits on the correct side of its hyperplane, "
        "whatever the distance to it.\n\n"
        "Scaling the weight vector changes nothing about which side a point falls on.\n\n"
        "⚠️ **Perfectly separated classes:** the logistic loss keeps falling as the weights grow, so an unregularised "
        "fit drives their norm to infinity.\n")
})


def test_a_paragraph_a_warning_sign_sets_apart_under_its_bold_label_is_its_own_card(shared):
    """'⚠️ **Perfectly separated classes:** …' after the section's own paragraphs states a fact of its own: asked
    by its label, off the section's card, which keeps the rest (and its front)."""
    made = shared.backs_by_front(LIN)
    assert "norm to infinity" in made["Linear classifiers › Margin of a perceptron › Perfectly separated classes"], made
    assert any("correct side" in back for back in made.values()), made
    assert not any("norm to infinity" in back and "correct side" in back for back in made.values()), made


FAMILIES = ("# Count models\n\n## Cheat sheet\n\n| Family | Support | Mean | Variance |\n|---|---|---|---|\n"
            "| Bernoulli | $\\{0,1\\}$ | $p$ | $p(1-p)$ |\n| Binomial | $0..n$ | $np$ | $np(1-p)$ |\n"
            "| Poisson | $\\mathbb N$ | $\\lambda$ | $\\lambda$ |\n| Geometric | $\\mathbb N^+$ | $1/p$ | $(1-p)/p^2$ |\n"
            "| Uniform | $1..k$ | $(k+1)/2$ | $(k^2-1)/12$ |\n| Negative binomial | $\\mathbb N$ | $r(1-p)/p$ | "
            "$r(1-p)/p^2$ |\n| Hypergeometric | $0..n$ | $nK/N$ | long |\n")


COUNTS = NOTES.add({"counts.md": FAMILIES})


def test_a_long_comparison_table_is_asked_row_by_row_not_column_by_column(shared):
    """Seven rows: a column of seven formulas is seven facts on one back; each row is a card of its own instead,
    its front naming the row and what is asked of it."""
    made = shared.backs_by_front(COUNTS)
    assert not any(back.count("\n") >= 6 for back in made.values()), made
    poisson = [front for front in made if "Poisson" in front.split("\n\n", 1)[0]]
    assert poisson and any("Variance" in front or "variance" in front for front in poisson), made


SOLVERS = ("# Solvers\n\n## Cheat sheet\n\n| Solver | Cost per step | Memory | Stochastic | Constraints |\n"
           "|---|---|---|---|---|\n| Newton | cubic | quadratic | no | no |\n| BFGS | quadratic | quadratic | no | no |\n"
           "| L-BFGS | linear | linear | no | box |\n| SGD | linear | linear | yes | no |\n"
           "| Adam | linear | linear | yes | no |\n| Frank-Wolfe | linear | linear | no | yes |\n"
           "| Coordinate descent | linear | linear | no | box |\n")


SOLVERS_2 = NOTES.add({"solvers.md": SOLVERS})


def test_two_cells_of_a_row_holding_one_value_are_both_asked(shared):
    """A long table's row asked cell by cell: 'Newton › Stochastic' and 'Newton › Constraints' are both 'no', two
    facts, each its own card (one was dropped as a twin of the other)."""
    made = shared.backs_by_front(SOLVERS_2)
    assert made.get("Solvers › Cheat sheet › Newton › Stochastic") == "no", made
    assert made.get("Solvers › Cheat sheet › Newton › Constraints") == "no", made
