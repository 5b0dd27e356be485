"""A heading that is only "Problem" or "Solution" is an exercise's when what it heads sets a task ("Show that …", a
question, a book's exercise number) or it answers the exercise before it; otherwise it names a topic's problem or
its fix ("## Solution" over the remedies for vanishing gradients, "## Problem" over what a method fixes), and its
section is a card like any other (issue 23: those sections made no card). Notes of my own, through the CLI."""

from __future__ import annotations

import pytest

from conftest import DEFAULT_CONFIG
from shared_notes import Scanned, SharedNotes

REMEDIES = """# Exploding gradients

Repeated multiplication by the same weight matrix makes gradients grow or shrink exponentially with depth.

## Solution
- clip the gradient norm to a threshold, keeping its direction
- initialise weights so that activations keep their variance across layers
- add residual connections so gradients skip the deep path
"""

METHOD = """# TRPO

## Summary

## Problem
A policy gradient step that is too large can collapse the policy, and the bad data it then collects keeps it there.
"""

EXERCISES = """# Entropy

## Problem
Show that the entropy of a coin is largest when the coin is fair, and find that largest value in bits.

## Exercise 2

Compute the entropy of a fair six-sided die.

## Solution
The six outcomes are equally likely, so the entropy is the log of six, about 2.58 bits per roll.
"""


NOTES = SharedNotes(DEFAULT_CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


EXPLODING = NOTES.add({
    "exploding.md": REMEDIES,
    "trpo.md": METHOD
})


def test_a_bare_problem_or_solution_heading_over_a_topics_text_is_a_card(shared):
    made = shared.backs_by_front(EXPLODING)
    assert "clip the gradient norm" in made.get("Exploding gradients › Solution", ""), made
    assert "collapse the policy" in made.get("TRPO › Problem\n\nWhat problem does TRPO address?", ""), made


ENTROPY = NOTES.add({"entropy.md": EXERCISES})


def test_an_exercise_under_a_bare_problem_heading_or_its_solution_makes_no_card(shared):
    made = shared.backs_by_front(ENTROPY)
    assert not any("fair" in back or "six" in back for back in made.values()), made
