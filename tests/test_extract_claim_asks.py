"""A claim card asks what its back answers (issue 23): a sentence cut to its subject ("Flax …", "SARSA …") asks
nothing, and a question made of the subject alone ("What does Flax do?") asks for what the sentence does not say.
The sentence's form says which part is the answer: a name in code after the verb, a condition, a reason, what a
function does. Notes written in several styles into tmp_path, read back through the CLI as a learner meets them."""

from __future__ import annotations

import pytest

import json

from conftest import backs_by_front, new_wiki, run

from mlwiki import ids
from mlwiki.extract.claim_asks import asked_front
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\ndefinitions = false\nsections = true\n[review]\ntimezone = "UTC"\n'

INTRO = ("Before the facts, a few words on where this section sits in the course, and on what the reader should "
         "have met already: the notes before this one built the pieces that this one puts together.\n\n"
         "You probably noticed that the cell above imported a few more modules than before.\n\n")
OUTRO = ("\n\nThe exercises at the end of the chapter come back to all of this, with a small data set of their own "
         "and a few questions that ask for more than what the text above says, so leave some time for them.\n\n"
         "We will look at the rest of it in the next notebook, after a short break.\n")


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


TRANSFORMERS = NOTES.add({
    "Transformers.md": (
        "# Transformers\n\n## Attention block\n\n" + INTRO
        + "DeepGraph implements this block via MultiHeadDotProduct.\n\n"
        + "JAX has a handy function, jax.vmap(f), to batch a function written for one example over many." + OUTRO)
})


def test_a_name_in_code_after_the_verb_is_what_the_card_asks_for(shared):
    """"DeepGraph implements this block via MultiHeadDotProduct": the learner recalls the name that does it, not what
    DeepGraph does in general; "JAX provides a function, jax.vmap(f), to batch a function …" asks which function."""
    found = shared.backs_by_front(TRANSFORMERS)
    path = "Transformers › Attention block\n\n"
    assert found.get(path + "In DeepGraph, what implements this block?", "").endswith("via MultiHeadDotProduct."), list(found)
    assert found.get(path + "Which JAX function is used to batch a function written for one example over many?",
                     "").startswith("JAX has a handy function, jax.vmap(f)"), list(found)


GRAPHS = NOTES.add({
    "Graphs.md": (
        "## Graph search\n\n### Depth first search\n\n" + INTRO
        + "DFS is handy for detecting cycles in a directed graph. This is because a cycle shows up as an edge "
          "back to a node that is still on the stack." + OUTRO)
})


def test_a_claim_with_its_reason_asks_why(shared):
    """"DFS is handy for finding cycles. This is because …": the card asks why the claim holds, not what DFS is."""
    found = shared.backs_by_front(GRAPHS)
    front = "Graphs › Graph search › Depth first search\n\nWhy is DFS handy for detecting cycles in a directed graph?"
    assert "edge back to a node" in found.get(front, ""), list(found)
    assert not any(f.endswith("What is DFS?") or f.endswith("DFS …") for f in found), list(found)


def test_a_condition_after_the_verb_asks_under_what_conditions(tmp_path):
    """A day's learned fact "REINFORCE converges to a local optimum … under …" asks for the condition; its id
    keeps the subject's stub, as every claim card's does."""
    note = ("## Log\n- 09:00 reading group\n\n## Learned\n"
            "- REINFORCE converges to a local optimum of the expected return under decaying step sizes.\n"
            "- Double DQN: two networks, one picks the action and the other rates it.\n")
    found = backs_by_front(new_wiki(tmp_path, {"Daily/2026-10-02.md": note}, CONFIG.replace("false", "true")))
    front = "Under what conditions does REINFORCE converge to a local optimum of the expected return? (day note 2026-10-02)"
    assert found.get(front, "").endswith("decaying step sizes."), list(found)
    made = {c["front"]: c["id"] for c in json.loads(run(tmp_path, "cards", "--json", ok=True).output)}
    assert made[front] == ids.card_id("basic", "claim: REINFORCE … (day note 2026-10-02)"), "the id keeps the stub"


OPTIMISERS = NOTES.add({
    "Optimisers.md": (
        "# Optimisers\n\n## AdamW vs SGD\n\n" + INTRO
        + "AdamW is usually quicker to get working; SGD is often better at generalising once it is tuned well." + OUTRO)
})


def test_two_things_set_against_each_other_ask_how_they_compare(shared):
    """"AdamW is usually quicker to get working; SGD is often better …" asks how the two compare, not
    what AdamW is."""
    found = shared.backs_by_front(OPTIMISERS)
    assert "Optimisers › AdamW vs SGD\n\nHow do AdamW and SGD compare?" in found, list(found)


EMBEDDINGS = NOTES.add({
    "Embeddings.md": (
        "# Embeddings\n\n## Skip-gram\n\n" + INTRO
        + "Skip-Gram can be switched on in gensim using sg=1.\n\n"
        + "You can also reverse the order of the elements with torch.flip(x, dims), which copies the data.\n\n"
        + "Mean squared error (MSE) averages the squared differences between predictions and targets." + OUTRO)
})


def test_a_setting_that_does_it_asks_how_and_a_function_asks_what_it_does(shared):
    """"X can be switched on in gensim using sg=1" asks how; a tutorial's "You can also … with torch.flip(x, dims)"
    asks what the function does; a verb right before its object asks for the object ("What does MSE average?")."""
    found = shared.backs_by_front(EMBEDDINGS)
    path = "Embeddings › Skip-gram\n\n"
    assert found.get(path + "How can Skip-Gram be switched on in gensim?") == \
        "Skip-Gram can be switched on in gensim using sg=1.", list(found)
    assert found.get(path + "What does torch.flip(x, dims) do?", "").startswith("You can also reverse"), list(found)
    assert path + "What does Mean squared error (MSE) average?" in found, list(found)


TEXT_DATA = NOTES.add({
    "Text data.md": (
        "# Text data\n\n## Corpus tokens\n\n" + INTRO
        + "The tokens of a corpus can represent any units, such as words, subwords or characters." + OUTRO
        + "\n## Introduction to deep learning\n\n" + INTRO
        + "An Introduction to Deep Learning provides a gentle overview of the field for readers who know some "
          "calculus and a little probability." + OUTRO)
})


def test_a_modal_before_its_object_asks_what_and_a_title_keeps_its_capitals(shared):
    """"The tokens of a corpus can represent any units …" asks what they can represent; a book's title that opens
    the sentence keeps its capital inside the question ("What does An Introduction to … provide?")."""
    found = shared.backs_by_front(TEXT_DATA)
    assert "Text data › Corpus tokens\n\nWhat can the tokens of a corpus represent?" in found, list(found)
    assert "Text data › Introduction to deep learning\n\nWhat does An Introduction to Deep Learning provide?" \
        in found, list(found)


NORMALISATION = NOTES.add({
    "Normalisation.md": (
        "# Normalisation\n\n## Norm layers\n\n" + INTRO
        + "LayerNorm is roughly equivalent to standardising each example over its own features." + OUTRO)
})


def test_what_a_thing_is_said_to_be_of_asks_for_that(shared):
    """"LayerNorm is roughly equivalent to …" asks what it is equivalent to, not what LayerNorm is."""
    found = shared.backs_by_front(NORMALISATION)
    path = "Normalisation › Norm layers\n\n"
    assert path + "What is LayerNorm roughly equivalent to?" in found, list(found)


def test_a_claim_too_long_to_read_at_a_glance_asks_no_why():
    """A claim of thirty words before its "because" would make a front longer than its back's point: the card keeps
    the question its verb gives."""
    from mlwiki.extract.claim_asks import asked_front

    long_claim = ("GraphCast is useful for " + "forecasting the weather over many days on a global grid, " * 3
                  + "because it learns from decades of reanalysis data.")
    assert not asked_front("GraphCast …", long_claim).startswith("Why"), asked_front("GraphCast …", long_claim)
    assert asked_front("GraphCast …", "GraphCast is useful for forecasting because it learns from reanalysis data.") \
        == "Why is GraphCast useful for forecasting?"


EMBEDDINGS_2 = NOTES.add({
    "Embeddings.md": (
        "# Embeddings\n\n## Negative sampling\n\n" + INTRO
        + "FastWords implements one of these schemes, called unigram sampling. It draws the negatives in "
        "proportion to how often each word occurs." + OUTRO)
})


def test_a_question_whose_pointer_the_front_does_not_name_keeps_the_subject_front(shared):
    """"Which of these schemes does X use?" points at schemes no heading names: the learner shown the card alone
    cannot tell which are meant, so the card keeps its subject's front; "this block" under "Attention block" is
    named by its heading and is asked."""
    found = shared.backs_by_front(EMBEDDINGS_2)
    path = "Embeddings › Negative sampling\n\n"
    assert not any("these schemes" in front for front in found), list(found)
    assert found.get(path + "FastWords …", "").startswith("FastWords implements one of these schemes"), list(found)


def test_a_short_claim_given_with_its_reason_asks_why():
    """"BP is needed because …" says why, not what BP is: the question asks for the reason."""
    assert asked_front("BP …", "BP is needed because precision alone rewards very short outputs.") == \
        "Why is BP needed?"
    assert asked_front("SARSA …", "SARSA is on-policy since it learns from the action it takes.") == \
        "Why is SARSA on-policy?"
