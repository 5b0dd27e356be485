"""Foam-style notes, second pass (session 46, foam21b): tables whose first column gives a symbol's values, text under
a formula that opens with an aside, cut sentences and journal lines, written into tmp_path and read back through the
CLI as a learner meets the cards."""

from __future__ import annotations

from conftest import backs_by_front, new_wiki

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = false\nsections = true\n[review]\ntimezone = "UTC"\n'


def cards_of(tmp_path, name: str, note: str) -> dict[str, str]:
    return backs_by_front(new_wiki(tmp_path, {name: note}, CONFIG))


def test_a_table_of_a_symbols_values_is_carded_as_its_cases(tmp_path):
    """"| $k$ | behaviour | cost |" over "| $1$ | …", "| $\\infty$ | …": the first column gives values of the symbol at
    its head, no notation; each row is the case "$k = 1$" (it was read as a legend of symbols and made no card)."""
    note = ("# Nearest neighbours\n\n## Extremes\n\n| $k$ | behaviour | variance | bias |\n|---|---|---|---|\n"
            "| $1$ | copies the closest training label | high | low |\n"
            "| $50$ | averages over a wide neighbourhood | low | high |\n")
    made = cards_of(tmp_path, "knn.md", note)
    fronts = "\n".join(made)
    assert "$k = 1$" in fronts and "$k = 50$" in fronts, made
    assert any("copies the closest training label" in back for back in made.values()), made


def test_choices_of_a_symbol_compared_under_several_columns_are_carded(tmp_path):
    """"| $f(x)$ | name | smooth | bounded |": the rows are choices of $f$ set side by side under columns that
    compare them, not a legend of what each symbol stands for."""
    note = ("# Activations\n\n## Choices\n\n| $f(x)$ | name | smooth everywhere | output range |\n|---|---|---|---|\n"
            "| $\\max(0, x)$ | rectifier | no, kinked at zero | from zero up |\n"
            "| $\\tanh x$ | hyperbolic tangent | yes, infinitely differentiable | between minus one and one |\n"
            "| $x\\,\\sigma(x)$ | swish | yes, infinitely differentiable | slightly below zero up |\n")
    made = cards_of(tmp_path, "act.md", note)
    text = "\n".join(f"{front}\n{back}" for front, back in made.items())
    assert "kinked at zero" in text and "between minus one and one" in text, made


def test_a_two_column_legend_of_symbols_stays_off_the_cards(tmp_path):
    """The rule above leaves a notation table (a symbol, what it stands for) as it was: no card per symbol."""
    note = ("# Notation\n\n## Symbols\n\n| $x$ | meaning |\n|---|---|\n| $\\mu$ | the mean of the data |\n"
            "| $\\sigma$ | the spread of the data |\n| $n$ | how many points there are |\n")
    made = cards_of(tmp_path, "notation.md", note)
    assert not any("spread of the data" in back for back in made.values()), made


def test_text_after_a_formula_opening_with_an_aside_is_carded(tmp_path):
    """"(The same rule as in [[other]].) So …" under a formula, then a paragraph with the next fact: the aside in
    brackets at its start dropped the whole closing text, both paragraphs, from every card."""
    note = ("# Control variates\n\n## Why the mean stays\n\nFor any constant $c$:\n\n$$\n"
            "\\mathbb{E}[f(X) - c\\,(g(X) - \\mathbb{E} g)] = \\mathbb{E} f(X)\n$$\n\n"
            "(Linearity of expectation from [[expectation]] once more.) So subtracting it keeps the estimate "
            "unbiased and only its spread moves.\n\n"
            "If $c$ is fitted on the same samples the estimate picks up a small bias, which shrinks like one over "
            "the sample size.\n")
    made = cards_of(tmp_path, "cv.md", note)
    backs = "\n".join(made.values())
    assert "picks up a small bias" in backs, made
    assert "only its spread moves" in backs, made


def test_a_colon_inside_brackets_is_no_label(tmp_path):
    """"Found in [[adamw]] (default: $\\lambda = 0.01$) and …" has its first colon inside an aside: it was cut there
    into a front "… › Found in adamw (default" over the back "$\\lambda = 0.01$) and …"."""
    note = ("# Weight decay\n\nShrink every weight a little towards zero at each step:\n\n$$\n"
            "\\theta \\leftarrow (1 - \\eta\\lambda)\\,\\theta - \\eta\\,\\nabla L(\\theta)\n$$\n\n"
            "Found in [[adamw]] (default: $\\lambda = 0.01$) and [[sgd]] (coefficient $\\lambda$).\n\n"
            "## Why it helps\n\nSmaller weights make the function smoother, so the model fits less of the noise.\n")
    made = cards_of(tmp_path, "wd.md", note)
    for front, back in made.items():
        assert "(default" not in front and not back.startswith("$\\lambda = 0.01$)"), made
    assert any("Found in [[adamw]] (default: $\\lambda = 0.01$)" in back for back in made.values()), made


def test_a_remark_shows_the_case_its_formula_holds_in(tmp_path):
    """"Formally, for $j > i$," over "$$\\mathbb E[x_i\\, e_j] = 0,$$" then "because …. So those cross terms …": the
    remark card showed the formula alone, an equation false in general, and the "because" clause that finishes the
    formula's sentence was on no card."""
    note = ("# Innovations\n\n## Why later errors are uncorrelated\n\n**Timing**: an error made later cannot move an "
            "input seen earlier. Formally, for $j > i$,\n\n$$\n\\mathbb{E}\\big[x_i\\, e_j\\big] = 0,\n$$\n\n"
            "because given everything up to step $i$, $x_i$ is fixed and the new error has mean zero "
            "([[white-noise]]). So those cross terms vanish from the variance and the forecast error adds up "
            "step by step.\n")
    made = cards_of(tmp_path, "innov.md", note)
    remark = next((front for front, back in made.items() if back.startswith("So those cross terms")), None)
    assert remark is not None and "For $j > i$:" in remark, made
    assert any("the new error has mean zero" in back for back in made.values()), made


def test_a_path_through_three_pages_is_on_no_card(tmp_path):
    """"Remedies: [[dropout]] → [[weight-decay]] → [[early-stopping]]." names an order to read pages in, under a
    label: it was a card "… › Remedies" whose back was the row of links. The section's facts stay."""
    note = ("# Overfitting\n\n## Symptoms\n\nTraining loss keeps falling while validation loss turns upward, so the "
            "model memorises noise in the training set instead of the signal.\n\n"
            "Remedies: [[dropout]] → [[weight-decay]] → [[early-stopping]].\n")
    made = cards_of(tmp_path, "overfit.md", note)
    text = "\n".join(f"{front}\n{back}" for front, back in made.items())
    assert "memorises noise" in text, made
    assert "[[weight-decay]]" not in text, made


def test_an_update_step_on_the_steps_card_is_no_formula_card_of_its_own(tmp_path):
    """"4. $w_\\text{target} \\leftarrow w$." is the loop's last step, in its order on the steps card; it was also a
    formula card "… › The loop / Formula" asking the same step again with nothing to ask it by."""
    note = ("# Target networks\n\n## The loop\n\n1. Collect a batch of transitions with the current online network.\n"
            "2. Compute bootstrapped targets with the frozen target network.\n"
            "3. Take several gradient steps on the squared error against those targets.\n"
            "4. $w_\\text{target} \\leftarrow w$.\n\n"
            "Freezing the targets between syncs keeps the regression problem fixed for a while, so training does not "
            "chase its own moving estimate.\n")
    made = cards_of(tmp_path, "target.md", note)
    holding = [front for front, back in made.items() if "w_\\text{target} \\leftarrow w" in back]
    assert len(holding) == 1 and holding[0].endswith("steps"), made


def test_a_column_of_short_values_with_one_longer_is_read_down(tmp_path):
    """"none", "none", "none", "yes once the critic is learned" under "bias": a column of short values that one
    cell qualifies is still read down the rows, one card, not a card per row asking "… › bias" → "none"."""
    note = ("# Return estimators\n\n## Side by side\n\n| estimator | family | bias | variance |\n|---|---|---|---|\n"
            "| full return | Monte Carlo | none | highest |\n| return to go | Monte Carlo | none | high |\n"
            "| return minus baseline | Monte Carlo | none | lower |\n"
            "| one-step target | bootstrapped | yes once the critic is learned | low |\n")
    made = cards_of(tmp_path, "est.md", note)
    bias = [front for front in made if front.rstrip("?").endswith("bias") or "bias, by" in front]
    assert len(bias) == 1 and "yes once the critic is learned" in made[bias[0]], made
