"""Questions mlwiki writes itself (session 62): "What is X?" and "Define: X" only where X names a thing. A sentence
that opens on a clause ("Because …", "The prior must be … so that …"), a symbol given a value inside one ("tests
$\\theta$ = 0"), two things set side by side ("Ridge vs lasso") or a kind of remark ("Small example", "Open
question", a pitfall's subject under "Pitfalls") keeps the front it had under its heading: no garbled question, no
definition asked of a back that gives none; the card keeps its id. Every note is written to one wiki in tmp_path,
scanned once through the CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note as _made, new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("asks62"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _questions(made: dict[str, str]) -> list[str]:
    """The last paragraph of each front: the question a card asks, when it asks one."""
    return [front.rsplit("\n\n", 1)[-1] for front in made]


NOTES["hmm.md"] = (
    "# Hidden Markov models\n\n"
    "## Forward algorithm\n\n"
    "Because the state sequence is a Markov chain, the forward variables are cheap to compute: each one sums over\n"
    "the previous step's variables once.\n\n"
    "## Emission model\n\n"
    "The emission matrix must be row-stochastic so that each hidden state defines a distribution over symbols.\n")


def test_a_sentence_opening_on_a_clause_asks_no_what_is(cards):
    """"Because the state sequence is …" and "The emission matrix must be … so that …" say why or what must hold, not
    what a term is: no "What is because the state sequence?", no "What is the emission matrix must be …?"."""
    asked = _questions(_made(cards, "hmm.md"))
    assert asked
    assert not any(q.startswith("What is because") or q.startswith("What is the emission matrix") for q in asked)


def test_a_claim_given_with_its_reason_is_asked_why(cards):
    """A section that opens on a claim and its reason asks why the claim holds, in the sentence's own words: "Why are
    the forward variables cheap to compute?", "Why must the emission matrix be row-stochastic?"."""
    made = _made(cards, "hmm.md")
    assert "Hidden Markov models › Forward algorithm\n\nWhy are the forward variables cheap to compute?" in made
    back = made["Hidden Markov models › Emission model\n\nWhy must the emission matrix be row-stochastic?"]
    assert back.startswith("The emission matrix must be row-stochastic so that")


NOTES["unit-root.md"] = (
    "# Unit-root tests\n\n"
    "## Testing for a unit root\n\n"
    "**Dickey–Fuller regression**\n"
    "Δy_t = a + b·t + θ·y_(t−1) + e_t\n"
    "- tests θ = 0 (a unit root) against θ < 0 (stationary)\n"
    "- adding lagged differences soaks up the autocorrelation so the errors are roughly white noise, which is the "
    "augmented version of the test\n"
    "- the statistic is not t-distributed under the null → compare against the Dickey–Fuller critical values, more "
    "negative than the normal ones\n"
    "- with p = 0 lags it is the plain test; the deterministic terms matter too, and a trend that is not there costs "
    "power\n")


def test_a_symbol_given_a_value_is_no_term_to_ask_about(cards):
    """An item cut at its "=" ("tests θ = 0 (a unit root) against θ < 0") gives a symbol a value inside a clause: its
    card stays under its label ("… › tests θ"), with no "What is tests θ?"."""
    made = _made(cards, "unit-root.md")
    assert not any(q.startswith("What is tests") for q in _questions(made))
    assert made["Unit-root tests › Testing for a unit root › Dickey–Fuller regression › tests θ"].startswith(
        "tests θ = 0")


NOTES["shrinkage.md"] = (
    "# Shrinkage methods\n\n"
    "## Side by side\n\n"
    "- **Ridge vs lasso**: both shrink the coefficients; only the lasso sets some of them exactly to zero.\n"
    "- **OLS → ridge**: add $\\lambda\\lVert\\beta\\rVert^2$ to the loss and the solution stays in closed form.\n"
    "- **Small example**: with one predictor and $\\lambda$ = 1 the estimate halves.\n"
    "- **Elastic net**: a penalty that mixes the ridge and the lasso penalties.\n")


def test_a_comparison_or_an_example_is_asked_under_the_path_not_defined(cards):
    """"**Ridge vs lasso**:", "**OLS → ridge**:" set two things side by side and "**Small example**:" names an
    example: their cards ask under the path ("… › Side by side › Ridge vs lasso"), not "Define: Ridge vs lasso";
    a term in the same list ("**Elastic net**") is still asked to be defined."""
    made = _made(cards, "shrinkage.md")
    assert not any("Define: Ridge vs lasso" in f or "Define: OLS" in f or "Define: Small example" in f for f in made)
    assert made["Shrinkage methods › Side by side › Ridge vs lasso"].startswith("both shrink the coefficients")
    assert "Shrinkage methods › Side by side › OLS → ridge" in made
    assert "Shrinkage methods › Side by side\n\nDefine: Elastic net" in made


def test_a_front_that_loses_its_question_keeps_its_id(cards):
    """The review history of a card hangs on its id: asked under its path instead of "Define: Ridge vs lasso", the
    card keeps the id it had (its fact is the same)."""
    from mlwiki import ids

    card = next(c for c in cards if c["source"]["path"] == "notes/shrinkage.md"
                and c["front"] == "Shrinkage methods › Side by side › Ridge vs lasso")
    assert card["id"] == ids.card_id("definition", "Define: Ridge vs lasso")


NOTES["em.md"] = (
    "# EM algorithm\n\n"
    "## Pitfalls\n\n"
    "- **Initialisation**: a bad start lands in a poor local optimum, so run several restarts and keep the best.\n"
    "- **Open question**: why does EM converge so slowly near a saddle of the likelihood?\n")


def test_items_under_pitfalls_and_a_remark_label_are_not_defined(cards):
    """Under "Pitfalls" a bold item names what the mistake is about ("**Initialisation**: a bad start …"), and
    "**Open question**:" labels a kind of remark: neither card asks "Define: …" over a back that defines nothing."""
    made = _made(cards, "em.md")
    assert not any("Define: Initialisation" in f or "Define: Open question" in f for f in made)
    assert "EM algorithm › Pitfalls › Initialisation" in made


NOTES["forests.md"] = (
    "# Random forests\n\n"
    "## Feature importance\n\n"
    "Impurity importance comes for free with the fitted trees.\n\n"
    "> [!aside]\n"
    "> MDI is biased toward features with many split points, such as continuous ones or IDs.\n\n"
    "Permutation importance is slower but fairer.\n")


def test_a_claim_of_a_property_is_not_asked_what_its_subject_is(cards):
    """"MDI is biased toward …" says a property of MDI, not what it is: its card is not asked "What is MDI?" (a
    learner would answer "mean decrease in impurity"), it is cued by its subject."""
    made = _made(cards, "forests.md")
    assert not any(q == "What is MDI?" for q in _questions(made))
    assert made["Random forests › Feature importance\n\nMDI …"].startswith("MDI is biased toward features")
