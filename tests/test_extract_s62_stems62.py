"""A paragraph's sentence clozes ask by the sentence's subject and verb, not by its first words (session 62): a
blank cued "The gradient noise [...]" or "Rule of thumb: [...]" asks "what did the notes say next?", where "The
gradient noise shrinks [...]" and "Rule of thumb: the warmup length should [...]" say what is asked of what. Every
note is written to one wiki in tmp_path, scanned once through the CLI (`cards --json`); each test reads the cards of
its own note."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note, new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("stems62"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


NOTES["batch-size.md"] = (
    "# Batch size\n\n## Large batches\n\n"
    "Doubling the batch halves the number of optimizer steps per epoch. "
    "The gradient noise shrinks with the square root of the batch size. "
    "Each worker computes a gradient over its own shard of the batch.\n")


def test_a_sentence_cut_before_its_verb_is_asked_by_its_subject_and_verb(cards):
    """A sentence whose first words stop inside its subject ("The gradient noise [...]", "Each worker [...]") is
    asked by its subject and the verb after it, found by where the verb stands (the word before "with", "a"), not
    by a list of verbs: the learner knows what is asked of what."""
    fronts = list(made_by_note(cards, "batch-size.md"))
    assert any("The gradient noise shrinks [...]" in front for front in fronts)
    assert any("Each worker computes [...]" in front for front in fronts)
    assert not any(front.endswith("The gradient noise [...] Each worker computes a gradient over its own shard of "
                                  "the batch.") for front in fronts)


NOTES["warmup.md"] = (
    "# Learning-rate warmup\n\n## Warmup length\n\n"
    "Adam's second-moment estimate is noisy during the first few hundred steps. "
    "Rule of thumb: the warmup length should cover about two thousand steps for transformers. "
    "Key finding: a post-norm transformer diverges without any warmup at all.\n")


def test_a_sentence_after_a_label_is_asked_by_the_subject_and_verb_after_it(cards):
    """A label that names a kind of remark ("Rule of thumb:", "Key finding:") asks nothing by itself: its blank is
    cued by the subject and verb the rest opens on, and the rest's fact stays hidden."""
    made = made_by_note(cards, "warmup.md")
    fronts = list(made)
    rule = [f for f in fronts if "Rule of thumb: the warmup length should [...]" in f]
    assert rule and made[rule[0]].startswith("Rule of thumb: the warmup length should cover")
    assert any("Key finding: a post-norm transformer diverges [...]" in front for front in fronts)
    assert not any("Rule of thumb: [...]" in front for front in fronts)


NOTES["dropout.md"] = (
    "# Dropout\n\n## Train and test behaviour\n\n"
    "Dropout zeroes a random fraction of the hidden units on every training step. "
    "Both modes are needed because the expected activation must match at test time. "
    "Short runs favour larger dropout rates than long runs do.\n")


def test_a_count_opens_a_subject_and_no_object_joins_the_cue(cards):
    """A sentence opening on a count of its subject ("Both modes are …") is asked by it and its verb, and one whose
    first word ending like a verb is no verb ("Short runs favour larger …", "runs" its subject's noun) keeps its
    first words: the verb's object never joins the cue."""
    fronts = list(made_by_note(cards, "dropout.md"))
    assert any("Both modes are [...]" in front for front in fronts)
    assert not any("Both modes [...]" in front for front in fronts)
    assert not any("larger dropout rates [...]" in front or "favour larger [...]" in front for front in fronts)
