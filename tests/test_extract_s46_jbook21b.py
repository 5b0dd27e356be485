"""What a Jupyter Book's notes hold next to their boxes and formulas that no card held, or held badly (issue 23,
session 46, second pass): a paragraph that goes on from a box above it ("So concretely: …"). Notes written in that
style into tmp_path, read back through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


PP = NOTES.add({
    "pp.md": (
        "# Poisson processes\n\n## Definition\n\n````{prf:definition} Poisson process\n:label: def-pp\n\n"
        "A **Poisson process** is a counting process with independent increments whose counts over any window "
        "are Poisson distributed.\n````\n\n"
        "So concretely: take any disjoint windows $A_1, \\dots, A_k$, then the counts $N(A_1), \\dots, N(A_k)$ "
        "are independent,\neach with mean $\\lambda$ times the length of its window.\n\n"
        "- The rate $\\lambda$ is the only parameter.\n- Gaps between events are exponential.\n")
})


def test_a_paragraph_that_goes_on_from_a_box_above_it_is_a_card(shared):
    """A definition box, then "So concretely: …" spelling out what it means for finitely many values: the box is no
    part of its section's text, so the paragraph went on from nothing and was on no card. Read without its "So", it
    stands alone."""
    made = shared.backs_by_front(PP)
    back = next((b for b in made.values() if "are independent" in b), None)
    assert back is not None, made
    assert back.startswith("Concretely: take any disjoint windows"), made


RM = NOTES.add({
    "rm.md": (
        "# Step sizes\n\n## Robbins–Monro\n\nThe update moves a little towards each noisy sample.\n\n$$\n"
        "\\theta_{t+1} = \\theta_t + \\eta_t (x_t - \\theta_t)\n$$\n\n"
        "{cite}`robbins1951stochastic`: $\\eta_t$ shrinking with $\\sum \\eta_t = \\infty$ and "
        "$\\sum \\eta_t^2 < \\infty$ gives **almost sure convergence** of the iterates.\n")
})


def test_a_claim_led_by_its_citation_that_opens_on_a_symbol_is_kept(shared):
    """"{cite}`key`: $\\eta_t$ shrinking like … gives …" states the cited paper's result, opening on a symbol: it was
    read as a line that only names a source, and the sentence was on no card."""
    made = shared.backs_by_front(RM)
    backs = "\n".join(made.values())
    assert "almost sure convergence" in backs, made
    assert "{cite}" not in backs, made


ACQUISITION = ("# Bandit strategies\n\n## Index policies\n\nLet $n_a$ be the pulls of arm $a$ and $\\hat\\mu_a$ its "
               "mean reward so far.\n\n**Greedy choice**\n\n$$\na_t = \\arg\\max_a \\hat\\mu_a\n$$\n\n"
               "Overlooks *how much* you'd learn by trying again → can lock onto a poor arm for good.\n\n"
               "**Upper confidence bound** — add a bonus for arms pulled rarely:\n\n$$\n"
               "a_t = \\arg\\max_a \\hat\\mu_a + c \\sqrt{\\log t / n_a}\n$$\n\n"
               "The bonus shrinks as an arm is pulled, so every arm is tried infinitely often but rarely when poor.\n\n"
               "| policy | explores | regret |\n|---|---|---|\n| greedy | never | linear |\n"
               "| UCB | by bonus | logarithmic |\n")


BANDITS = NOTES.add({"bandits.md": ACQUISITION})


def test_a_bold_name_leading_a_paragraph_ends_the_part_of_the_bold_title_before_it(shared):
    """"**Greedy choice**" alone on its line titles what follows; "**Upper confidence bound** — …" leads a paragraph
    of its own, a sibling: it was titled by the line above it, and the remark on UCB was on a card that asks about
    the greedy choice (and the table's rows under it too). The bold name starts a part of its own; a table after the
    run is the section's."""
    made = shared.backs_by_front(BANDITS)
    on_greedy = [back for front, back in made.items() if "Greedy choice" in front]
    assert any("lock onto a poor arm" in back for back in on_greedy), made
    assert not any("infinitely often" in back for back in on_greedy), made
    assert any("infinitely often" in back and "Greedy" not in front for front, back in made.items()), made
    rows = [front for front, back in made.items() if "logarithmic" in back]
    assert rows and not any("Greedy choice" in front for front in rows), made


BANDITS_2 = NOTES.add({"bandits.md": ACQUISITION})


def test_a_topic_cut_before_its_verb_on_a_pronoun_is_no_topic(shared):
    """The words before a sentence's verb that end on a person's pronoun ("Overlooks how much you'd" of "Overlooks
    how much you'd learn …") are a clause cut in two, no topic for a front."""
    made = shared.backs_by_front(BANDITS_2)
    assert not any(front.rstrip().endswith(("you'd", "you")) for front in made), made


PRIORS = NOTES.add({
    "priors.md": (
        "# Priors\n\n## Conjugate pairs\n\nNotes on the table:\n\n"
        "- **Beta family** in general: $p(x) = \\frac{x^{a-1}(1-x)^{b-1}}{B(a, b)}$\n"
        "  with $B$ the beta function. The mean is $a/(a+b)$, and the density is unimodal when both $a, b > 1$.\n"
        "- A uniform prior is the special case with both parameters equal to one.\n")
})


def test_the_lines_of_a_list_item_after_its_formula_are_on_the_formulas_card(shared):
    """"- **Beta family** in general: $p(x) = …$" wrapped onto indented lines that say what its symbols are and what
    follows from it: the formula's card took the item, and those lines were on no card. They are the item's own
    words: on the formula's card, under it."""
    made = shared.backs_by_front(PRIORS)
    back = next((b for b in made.values() if "B(a, b)" in b), None)
    assert back is not None, made
    assert "unimodal when both" in back, made


PROB = NOTES.add({
    "prob.md": (
        "# Probability\n\n## Axioms\n\n````{prf:definition} Probability measure\n:label: def-pm\n\n"
        "A **probability measure** assigns each event a number in $[0, 1]$, gives the whole space one, and "
        "adds up over disjoint events.\n````\n\n(Otherwise the chance of a union of disjoint events could "
        "differ from the sum of their chances.)\n\nThe triple of space, events and measure is a probability "
        "space, the object every later result is stated on.\n")
})


def test_a_paragraph_pointing_back_at_a_box_is_on_the_boxs_card(shared):
    """"(Otherwise the sum could exceed one.)" right after a definition box says why the box's condition is needed: a
    card of its own held only that, with nothing it points back to. It is on the box's card, after its text."""
    made = shared.backs_by_front(PROB)
    back = next((b for b in made.values() if "adds up over disjoint events" in b), None)
    assert back is not None and "(Otherwise the chance of a union" in back, made
    assert not any(b.lstrip().startswith("(Otherwise") for b in made.values()), made


SPLINES = NOTES.add({
    "splines.md": (
        "# Splines from scratch\n\n## Toy data\n\n$y = \\cos(2x) - x$, 50 noisy points on $[0, 4]$, noise sd "
        "0.1.\n\n## Knots\n\nMore knots lower the bias of the fit but raise its variance, so their number is "
        "chosen by cross-validation.\n")
})


def test_a_toy_data_section_of_a_notebook_is_no_card(shared):
    """A notebook's "## Toy data" section only says what data its run is made on ("$y = x^2$ plus noise, 50 points
    on $[0, 1]$"): the setup of a worked example, not a fact to recall. The sections after it are cards as before."""
    made = shared.backs_by_front(SPLINES)
    backs = "\n".join(made.values())
    assert "50 noisy points" not in backs, made
    assert "chosen by cross-validation" in backs, made


MEM = NOTES.add({
    "mem.md": (
        "# Training memory\n\n## Budget\n\n| stage | memory | note |\n|---|---|---|\n"
        "| weights | $2P$ bytes | half precision |\n"
        "| optimiser state | $12P$ bytes | Adam moments and master copy |\n"
        "| activations | grows with batch | recomputation trades it for time |\n\n"
        "So the optimiser state, not the weights, decides whether a model fits on one device.\n")
})


def test_a_notes_column_is_not_named_in_what_a_table_conclusion_asks(shared):
    """A table's conclusion card names the table by its columns; a last column of asides ("note") is no quantity the
    table compares: "What follows from the table of stage by memory, note?" read as one garbled phrase."""
    made = shared.backs_by_front(MEM)
    fronts = [front for front, back in made.items() if "decides whether a model fits" in back]
    assert fronts, made
    assert not any(", note?" in front for front in fronts), made


POWER = NOTES.add({
    "power.md": (
        "# Power iteration\n\n## The algorithm\n\n1. Pick a random unit vector $b_0$.\n"
        "2. Multiply: $c \\leftarrow A b_k$.\n3. Normalise: $b_{k+1} \\leftarrow c / \\lVert c \\rVert$.\n\n"
        "Why step 3 works: without it the iterate grows or shrinks like the top eigenvalue to the power $k$ and "
        "overflows or underflows in floating point.\n")
})


def test_a_card_that_asks_about_a_numbered_step_shows_that_step(shared):
    """"Why step 3 works: …" after an algorithm's numbered steps: its card asked about step 3 of a learner who has
    no list before them. The front shows the step as the list wrote it."""
    made = shared.backs_by_front(POWER)
    front = next((f for f, b in made.items() if "overflows or underflows" in b), None)
    assert front is not None, made
    assert "Normalise" in front, made


CLF = NOTES.add({
    "clf.md": (
        "# Classifier notes\n\n## Fitting\n\nThe kernel parameters are fitted by maximising the evidence "
        "{eq}`eq-ev`. (Compare with regression {prf:ref}`thm-posterior`: the curvature matrix plays the role of "
        "the noise.) A second fit from another start guards against a poor local optimum.\n")
})


def test_a_reference_to_another_page_right_after_the_words_naming_it_reads_as_nothing(shared):
    """"Compare with regression {prf:ref}`thm-posterior`: …" and "… by maximising the evidence {eq}`eq-ev`.": the
    words before the reference name what it points at on another page; read as its kind or its label's words it
    gave "Compare with regression the theorem:" and "the evidence the ev equation". It reads as nothing there; after
    a word that needs it ("see {ref}`x`") it stays as before."""
    made = shared.backs_by_front(CLF)
    backs = "\n".join(made.values())
    assert "maximising the evidence." in backs, made
    assert "Compare with regression: the curvature" in backs, made


RIDGE = NOTES.add({
    "ridge.md": (
        "# Ridge\n\n## The objective\n\n$$\n\\hat w = \\arg\\min_w \\lVert y - Xw \\rVert^2 + \\lambda "
        "\\lVert w \\rVert^2\n$$\n\n- fit term: the only one that sees the targets; small when the line passes "
        "near them.\n- penalty term: grows with the weights, so large coefficients must earn their keep.\n"
        "- → **bias–variance balance**: raising the penalty trades a little bias for less variance.\n")
})


def test_a_lone_concluding_item_under_a_shared_heading_is_asked_by_its_bold_term(shared):
    """Two labelled items made cards of their own; the last item, "- → **bias–variance balance**: …", draws what
    follows from them and was left alone on a card under the bare heading, which the section's formula card shows
    too. Its front names the term it sets in bold; its id stays the bare heading's."""
    made = shared.backs_by_front(RIDGE)
    front = next((f for f, b in made.items() if "trades a little bias" in b), None)
    assert front is not None, made
    assert front.endswith("› bias–variance balance"), made
