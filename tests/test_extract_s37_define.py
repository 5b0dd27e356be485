""""Define: X" cards only for terms (issue 23, session 37): a bold label that is a word for what the text says
("problem", "the catch"), a citation, a condition or a question is asked under its heading path, not as a term to
define; a bold phrase glossed in brackets is a definition only when the phrase is a term and the bracket says what it
is. What a declined definition card held still reaches a card. Notes written in the styles judges met, into
tmp_path, read back through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest


from mlwiki.extract.claims import glossed_terms
from mlwiki.extract.defining import defining_sentence
from mlwiki.extract.subject import names_no_term
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _defines(made: dict[str, str], term: str) -> bool:
    return any(front.endswith(f"Define: {term}") for front in made)


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


CHECKPOINTING = NOTES.add({
    "checkpointing.md": (
        "# Gradient checkpointing\n\nKeep only some activations in the forward pass and recompute the rest in the "
        "backward pass.\n\n## Cost\n\n**the catch**: one extra forward pass per step.\n"
        "- memory drops from O(n) to O(sqrt n) layers\n- compute grows by about a third\n")
})


def test_a_generic_bold_label_is_asked_under_its_path_with_the_bullets_after_it(shared):
    """"**the catch**: …" names no term: "Define: the catch" asks nothing. The card asks "… › The catch", and the
    bullets written right under the line say the rest of it."""
    made = shared.backs_by_front(CHECKPOINTING)
    assert not _defines(made, "the catch"), made
    back = made.get("Gradient checkpointing › Cost › The catch", "")
    assert "one extra forward pass" in back and "compute grows by about a third" in back, made


RETRIEVAL = NOTES.add({
    "retrieval.md": (
        "# Contrastive retrieval\n\n**shared-batch negatives**: the other positives of a batch serve as each "
        "query's negatives, at no extra cost.\n\n**problem**: frequent items land in many batches, so they are "
        "pushed down far more often than rare ones.\n")
})


def test_a_generic_label_right_after_a_definition_is_asked_of_its_term(shared):
    """"**problem**: …" right after "**shared-batch negatives**: …" is the problem of those negatives: the front
    says so ("… › shared-batch negatives › Problem"), where "… › Problem" would not say of what."""
    made = shared.backs_by_front(RETRIEVAL)
    assert not _defines(made, "problem"), made
    assert "pushed down" in made.get("Contrastive retrieval › shared-batch negatives › Problem", ""), made


WARMUP = NOTES.add({
    "warmup.md": (
        "# Learning-rate warmup\n\nRaise the learning rate linearly over the first steps.\n\n## History\n\n"
        "- **Smith & Jones (2019)**: showed warmup lets Adam train deep transformers without divergence\n"
        "- **Lee et al. 2020**: tied the need for warmup to the variance of the adaptive second moment\n\n"
        "## Why\n\n**why warm up the learning rate**: early second-moment estimates are noisy, so the first "
        "updates are far too large.\n\n## Test\n\n"
        "- **If the statistic exceeds the critical value**: reject the null hypothesis of no effect\n"
        "- **If it does not**: keep the null hypothesis and report the interval\n")
})


def test_a_citation_a_condition_and_a_question_are_no_terms(shared):
    """"- **Smith & Jones (2019)**: …" is a paper, "- **If the statistic exceeds the critical value**: …" a case and
    "**why warm up the learning rate**: …" a question: each is asked under its path, the question as one."""
    made = shared.backs_by_front(WARMUP)
    for label in ("Smith & Jones (2019)", "Lee et al. 2020", "If the statistic exceeds the critical value",
                  "why warm up the learning rate"):
        assert not _defines(made, label), made
    assert "showed warmup lets Adam" in made.get("Learning-rate warmup › History › Smith & Jones (2019)", ""), made
    assert "reject the null" in made.get("Learning-rate warmup › Test › If the statistic exceeds the critical value",
                                         ""), made
    assert "far too large" in made.get("Learning-rate warmup › Why › Why warm up the learning rate?", ""), made


PANEL = NOTES.add({
    "panel.md": (
        "# Panel regressions\n\nOne row per unit and period.\n\n## Reporting\n\n"
        "- **Clustered errors**: always cluster by the unit that was treated, never by period\n"
        "- **Rolling split**: more realistic, closer to how the forecast is used later\n")
})


def test_advice_after_a_bold_term_is_no_definition(shared):
    """"- **Clustered errors**: always cluster by the unit that was treated": what to do, not what they are; and
    "- **Rolling split**: more realistic than a random one": a verdict. Neither is "Define: …", both stay cards."""
    made = shared.backs_by_front(PANEL)
    assert not _defines(made, "Clustered errors") and not _defines(made, "Rolling split"), made
    assert "always cluster" in made.get("Panel regressions › Reporting › Clustered errors", ""), made
    assert "more realistic" in made.get("Panel regressions › Reporting › Rolling split", ""), made


KNN = NOTES.add({
    "knn.md": (
        "# Item-based kNN\n\nScore an item by its similarity to the items the user liked.\n\n## Problems\n\n"
        "- **cold items**: no interactions yet, so no similarity to anything\n"
        "- **popularity bias**: popular items are neighbours of everything\n")
})


def test_items_under_a_problems_heading_are_asked_as_problems(shared):
    """"## Problems" over "- **cold items**: …": the bold words name the problems the subject has, not terms."""
    made = shared.backs_by_front(KNN)
    assert not _defines(made, "cold items"), made
    assert "no interactions yet" in made.get("Item-based kNN › Problems › cold items", ""), made


def test_a_glossed_phrase_is_a_definition_only_when_it_is_a_term_and_the_bracket_says_what_it_is():
    """A bold phrase led by a preposition or a quantifier is emphasis ("**on held-out users** (…)", "**all the
    heads** (…)"); a bracket that says something of it ("(must generalise …)", "(in the last week)") or lists its
    parameters ("(rate $\\lambda$, offset $t$)") is no definition. "**epochs** (passes over the whole training set)"
    stays one."""
    text = ("The ranker is scored **on held-out users** (must generalise to people it never saw) with recall. "
            "Pruning touches **all the heads** (the ones in the decoder too) at once. "
            "Counts follow a **Poisson model** (rate $\\lambda$, offset $t$) per user. "
            "We report the **uplift** (in the last week of the test) per market. "
            "Training runs for twenty **epochs** (passes over the whole training set) before the check.")
    assert glossed_terms(text) == [("epochs", "passes over the whole training set")]


def test_an_acronym_glossed_then_defined_keeps_the_definition():
    """"The **ESS** (effective sample size) is the number of …": the card keeps what the sentence goes on to say,
    not only the words the letters stand for."""
    text = ("Autocorrelated draws carry less information, and the **ESS** (effective sample size) is the number of "
            "independent draws that would give the same variance of the mean. Aim for a few hundred.")
    assert glossed_terms(text) == [("ESS", "effective sample size: the number of independent draws that would give "
                                           "the same variance of the mean.")]


def test_a_verdict_on_a_term_is_no_definition():
    """"The kernel trick is a powerful tool because …" says why it is good, not what it is: no definition; "… is a fundamental rule that …" still defines."""
    assert defining_sentence("The kernel trick is a powerful tool because it lets a linear method fit curved "
                             "boundaries without ever computing the feature map.", "Kernel trick › Remarks") is None
    assert defining_sentence("The chain rule is a fundamental rule of calculus that gives the derivative of a "
                             "composition.", "Chain rule") is not None


KERNEL = NOTES.add({
    "kernel.md": (
        "# Kernel trick\n\nReplace inner products by a kernel evaluated on the inputs.\n\n## Remarks\n\n"
        "The kernel trick is a powerful tool because it lets a linear method fit curved boundaries without ever "
        "computing the feature map.\n\n$$\nk(x, y) = \\langle \\phi(x), \\phi(y) \\rangle\n$$\n\n"
        "Any positive semi-definite kernel has such a feature map, by Mercer's theorem, even one of infinite "
        "dimension like the Gaussian kernel's.\n")
})


def test_why_a_term_is_good_is_asked_as_such(shared):
    """The sentence of a verdict with its reason is a card that asks for the reason: "Why is the kernel trick
    powerful?"."""
    made = shared.backs_by_front(KERNEL)
    assert "without ever computing" in made.get("Kernel trick › Remarks › Why is the kernel trick powerful?", ""), made


GD = NOTES.add({
    "gd.qmd": (
        "# Linear regression by gradient descent\n\n## Update\n\nFirst compute the residual of every example:\n\n"
        "$$\nr = y - Xw\n$$ {#eq-residual}\n\nthen\n\n$$\nw \\leftarrow w + \\eta X^\\top r\n$$ {#eq-step}\n")
})


def test_a_connective_between_two_formulas_shows_what_it_goes_on_from(shared):
    """"then" alone between two display formulas: the second formula's front was "… / then", which asks nothing; it
    shows the introduction of the formula it goes on from."""
    made = shared.backs_by_front(GD)
    front = next((f for f, b in made.items() if "\\leftarrow" in b), "")
    assert front.endswith("First compute the residual of every example: … then"), made


def test_terms_that_look_like_labels_are_still_terms():
    """A method named with its year ("R-CNN (2014)", "Adam (2014)"), a term led by "in-" or "Most" and a term
    holding a generic word ("Point estimate") are terms; authors and a year, a bare generic word, a case and a
    phrase led by a quantifier are not."""
    for term in ("R-CNN (2014)", "Adam (2014)", "in-batch negatives", "Most probable explanation (MPE)",
                 "Point estimate", "Problem framing"):
        assert not names_no_term(term), term
    for label in ("Rosenbaum & Rubin (1983)", "Vaswani et al. 2017", "the key idea", "problem", "If $p \\le \\alpha$",
                  "When the prior is flat", "how to pick k", "all linear layers", "no negatives"):
        assert names_no_term(label), label
