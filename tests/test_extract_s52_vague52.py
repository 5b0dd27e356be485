"""Fronts that ask one thing where a bare heading stood over a paragraph of claims (session 52). Notes written to
tmp_path, read through the CLI."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run

from mlwiki.extract.elliptic_definitions import elliptic_term
from conftest import DEFAULT_CONFIG
from shared_notes import Scanned, SharedNotes


def cards_of(tmp_path, notes: dict[str, str]) -> list[dict]:
    root = new_wiki(tmp_path, notes)
    return json.loads(run(root, "cards", "--json", ok=True).output)


NOTES = SharedNotes(DEFAULT_CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


DROPOUT = NOTES.add({
    "dropout.md": (
        "# Dropout\n\nRandom zeroing of hidden units during training. Typical rates lie between 0.1 and 0.5 "
        "for fully connected layers. At test time every unit is kept and the outputs are rescaled to match. "
        "Convolutional layers usually get a lower rate than dense ones.\n\n## Variants\n\nSpatial dropout drops "
        "whole feature maps instead of single activations.\n")
})


def test_a_verbless_phrase_under_a_heading_is_its_definition(shared):
    """"Dropout" over "Random zeroing of hidden units during training. …": the phrase says what dropout is, the
    sentences after it are other facts; the phrase is a card of its own, the rest stays on the heading's card."""
    made = {c["front"]: c["back"] for c in shared.cards(DROPOUT)}
    assert made.get("Dropout\n\nDefine: Dropout") == "Random zeroing of hidden units during training.", made
    assert made.get("Dropout", "").startswith("Typical rates lie between"), made


MAXPOOL = NOTES.add({
    "maxpool.md": (
        "# Max pooling\n\nUsual setting: a 3 by 3 window with stride 2, so neighbouring windows overlap by one "
        "row. Each channel is pooled on its own, and the channel count stays the same.\n")
})


def test_a_standard_value_label_asks_no_problem(shared):
    """A title's paragraph left with "Usual setting: …" (the usual values) does not ask what problem the subject
    addresses: a setting of values is no problem setting."""
    fronts = [c["front"] for c in shared.cards(MAXPOOL)]
    assert not any("What problem" in front for front in fronts), fronts


def test_phrases_with_a_clause_of_their_own_are_no_definition():
    """An order, a clause, a citation or the writer's talk of the notes says no definition."""
    assert elliptic_term("Random zeroing of hidden units during training.", "Dropout") == "Dropout"
    assert elliptic_term("Boosting, done with gradients.", "Notes › Gradient boosting") == "Gradient boosting"
    for sentence in ("Keep the best few hypotheses at each step.",  # an order
                     "Start from a model trained on a large corpus.",
                     "Information spreads evenly both ways.",  # a verb before a determiner
                     "Trainers use many small batches in practice.",
                     "Stacking deeper layers made the loss rise.",  # an irregular past verb
                     "Srivastava and Hinton 2014.",  # a citation
                     "Srivastava, Hinton, Krizhevsky (2014).",
                     "Third lecture of the module.",  # talk of the course
                     "It drops units at random."):  # a pronoun's clause
        assert elliptic_term(sentence, "Dropout") is None, sentence
    assert elliptic_term("Random zeroing of hidden units.", "Regularisers › Overview") is None  # (no subject)
    assert elliptic_term("Random zeroing of hidden units.", "The catch: rates") is None  # (a label's heading)


def test_a_sentence_about_the_heading_term_is_a_clause_not_a_phrase():
    """A phrase that opens on the heading's own words goes on with their verb ("Batch norms rescale …"); set off
    by a comma it is a phrase still ("Batch norm, per channel.")."""
    assert elliptic_term("Batchnorm rescales activations with batch statistics.", "Batch norm") is None
    assert elliptic_term("Weight decay methods shrink weights toward zero.", "Decoupled weight decay") is None
    assert elliptic_term("Normalisation per channel, with batch statistics.", "Batch norm") == "Batch norm"
    assert elliptic_term("Batch norm, done per channel with batch statistics.", "Batch norm") == "Batch norm"


def test_a_heading_over_the_steps_of_a_procedure_asks_how_it_works(tmp_path, monkeypatch):
    """"Greedy decoding" over a short setup and numbered orders asks how it works, under the heading path; the
    card keeps its id (only the front's wording changed)."""
    note = ("# Decoding\n\nSome words before the first section so the page is a page.\n\n## Greedy decoding\n\n"
            "The cheapest way to turn next-token probabilities into text.\n\n"
            "1. Feed the prompt through the model.\n2. Pick the single most likely next token.\n"
            "3. Append it to the prompt and repeat until an end token appears.\n")
    made = cards_of(tmp_path, {"decoding.md": note})
    asked = next((c for c in made if c["front"].startswith("Decoding › Greedy decoding")), None)
    assert asked and asked["front"] == "Decoding › Greedy decoding\n\nHow does greedy decoding work?", made
    assert "Pick the single most likely" in asked["back"]
    monkeypatch.setattr("mlwiki.extract.heading_asks.steps_question", lambda front, back: None)
    bare = cards_of(tmp_path / "bare", {"decoding.md": note})  # (the id of the bare path: its review history stays)
    assert asked["id"] in {c["id"] for c in bare if c["front"] == "Decoding › Greedy decoding"}, bare


def test_a_numbered_list_of_names_or_claims_asks_no_steps():
    """Items that open on a name in bold or on a plural noun are no orders; two subjects are no one procedure."""
    from mlwiki.extract.step_asks import steps_question
    names = "Three stages:\n\n1. **Pretraining** on raw text\n2. **Tuning** on answers\n3. **Preference** training\n"
    claims = "1. scores come from a dot product\n2. weights are a softmax of them\n3. outputs mix the values\n"
    orders = "1. Sort the boxes.\n2. Keep the top one.\n3. Drop its overlaps and repeat.\n"
    assert steps_question("Models › Pipeline", names) is None
    assert steps_question("Attention › Recipe", claims) is None
    assert steps_question("Pruning & merging", orders) is None
    assert steps_question("Detection › Box pruning", orders) == "How does box pruning work?"
    assert steps_question("Fitting › Newton = IRLS", orders) == "How does IRLS work?"
    assert steps_question("Inference › SVI loop", orders) == "How does the SVI loop work?"


def test_a_numbered_list_of_short_names_asks_no_steps():
    from mlwiki.extract.step_asks import steps_question
    kinds = "Three common layouts:\n\n1. Compressed Rows\n2. Coordinate list\n3. Dictionary of keys\n"
    assert steps_question("Sparse matrices › Storage", kinds) is None


def test_steps_under_a_label_ask_of_the_subject_above_and_an_activity_asks_none():
    from mlwiki.extract.step_asks import steps_question
    orders = "1. Sort the boxes.\n2. Keep the top one.\n3. Drop its overlaps and repeat.\n"
    assert steps_question("Box pruning › Algorithm", orders) == "How does box pruning work?"
    assert steps_question("Tokenisers › Training the merges", orders) is None
    assert steps_question("Topic models › A generative story of how documents come about", orders) is None


def test_steps_ask_nothing_of_a_plural_a_lone_common_word_or_a_list_led_by_a_name():
    from mlwiki.extract.step_asks import steps_question
    orders = "1. Sort the boxes.\n2. Keep the top one.\n3. Drop its overlaps and repeat.\n"
    led = "1. **Reparametrise** the model as offsets.\n2. Raise the target rate.\n3. Tighten the priors a bit.\n"
    assert steps_question("Sampling › Remedies in order", orders) is None
    assert steps_question("Importance › Shuffling", orders) is None
    assert steps_question("Importance › Permutation", orders) is None
    assert steps_question("Sampling › Divergences", led) is None
    assert steps_question("Contrastive learning › Pipeline", orders) == "How does contrastive learning work?"


def test_an_adverb_a_comparative_an_order_or_a_pointer_back_is_no_definition():
    for sentence in ("Only random crops and flips.", "Larger encoders, deeper projection heads.",
                     "Unfreeze everything, train the whole net.", "Continuation of the previous page."):
        assert elliptic_term(sentence, "Augmentation") is None, sentence
    assert elliptic_term("Random zeroing of hidden units.", "Dropout and noise") is None  # (two subjects)


TESTING = NOTES.add({
    "testing.md": (
        "# Testing\n\n## The routine\n\n1. Clear null and alternative hypotheses, fixed in advance.\n"
        "2. Choose a statistic with a known null distribution.\n3. Fix the level in advance.\n"
        "4. Compute the statistic and compare it with the critical value.\n")
})


def test_a_list_first_step_is_no_definition_of_its_heading(shared):
    fronts = [c["front"] for c in shared.cards(TESTING)]
    assert not any("Define:" in front for front in fronts), fronts


def test_a_negation_or_a_numbered_heading_gives_no_definition():
    assert elliptic_term("No closed form for the posterior of a deep net.", "Inference") is None
    assert elliptic_term("Random zeroing of hidden units.", "Regularisers › Trick 2 — dropout") is None


def test_steps_under_a_cited_label_or_two_dashed_names():
    from mlwiki.extract.step_asks import steps_question
    orders = "1. Sort the boxes.\n2. Keep the top one.\n3. Drop its overlaps and repeat.\n"
    assert steps_question("Box pruning › Recipe [@lee2019]", orders) == "How does box pruning work?"
    assert steps_question("Pruning › Greedy pruning — algorithm", orders) == "How does greedy pruning work?"
    assert steps_question("Pruning › Soft pruning - Weighted Decay Scheme", orders) is None
    assert steps_question("Tests › Step-down Holm (HM, 1979) — controls FWER", orders) == \
        "How does Step-down Holm work?"


def test_a_path_that_asks_for_the_steps_already_is_left_as_it_is():
    from mlwiki.extract.step_asks import steps_question
    orders = "1. Sort the boxes.\n2. Keep the top one.\n3. Drop its overlaps and repeat.\n"
    assert steps_question("Box pruning › The loop › steps", orders) is None
    assert steps_question("Box pruning › How it works", orders) is None


def test_a_thing_counted_one_by_one_takes_its_article_in_the_steps_question():
    """"How does a reliability diagram work?", but "How does beam search work?" (a method takes none)."""
    from mlwiki.extract.step_asks import steps_question

    back = "1. Bin the predictions by confidence.\n2. Compute each bin's accuracy.\n3. Plot accuracy against confidence.\n"
    assert steps_question("Calibration › Reliability diagram", back) == "How does a reliability diagram work?"
    assert steps_question("Decoding › Beam search", back) == "How does beam search work?"
