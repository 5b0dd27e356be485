"""A cloze's blank says what is asked (session 61): a list item with no label, subject or sign of its own keeps its
first words before its blank, a sentence labelled only by its place ("First condition:") keeps its own subject, and
a sentence whose first words cut its subject short keeps the whole subject and its verb. Every note is written to
one wiki in tmp_path, scanned once through the CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json
import re

import pytest

from conftest import made_by_note as _made, new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)
_BARE = re.compile(r"(?m)^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[\.\.\.\][ \t]*$")


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("blanks61"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _asking(made: dict[str, str], back: str) -> str:
    """The front of the card whose back starts with `back`."""
    found = [front for front, said in made.items() if said.startswith(back)]
    assert found, f"no card answers {back!r}: {list(made.values())}"
    return found[0]


NOTES["moving-averages.md"] = (
    "# Moving averages\n\n## Drawbacks of the centred moving average\n\n"
    "- no estimate at the two ends of the series, because the window would run past the data\n"
    "- smooths away sharp rises and falls\n"
    "- assumes the seasonal pattern repeats in exactly the same way every single year\n")


def test_an_unlabelled_short_item_keeps_its_first_words_as_its_cue(cards):
    """A short item beside longer ones, with no label, subject and verb or sign of its own, is asked with its first
    words before the blank ("- smooths away [...]"): a bare "- [...]" among unrelated drawbacks says nothing of which
    one is asked."""
    made = _made(cards, "moving-averages.md")
    front = _asking(made, "smooths away sharp rises and falls")
    assert "- smooths away [...]" in front
    assert not any(_BARE.search(front) for front in made)


NOTES["step-sizes.md"] = (
    "# Step sizes for stochastic approximation\n\n## Robbins–Monro conditions\n\n"
    "First condition: the steps are large enough in total to reach any point from a bad start. "
    "Second: the steps shrink fast enough that the noise in the iterates dies out in the end. "
    "A constant step breaks the second one, so the estimate keeps following recent samples forever.\n")


def test_a_sentence_labelled_only_by_its_place_keeps_its_own_subject(cards):
    """"First condition:" counts conditions the card does not show; the sentence's own subject and verb after the
    label say what is asked ("First condition: the steps are [...]")."""
    made = _made(cards, "step-sizes.md")
    front = _asking(made, "First condition: the steps are large")
    assert "First condition: the steps are [...]" in front


NOTES["robust-losses.md"] = (
    "# Robust losses\n\n## Losses and outliers\n\n"
    "- The absolute and Huber losses make a regression fit robust to a few wild targets in the training data.\n"
    "- Squared error lets one huge residual dominate the whole sum, so the fit bends toward that single point.\n"
    "- A pinball loss with quantile level one half gives the median instead of the mean of the targets.\n")


def test_a_long_subject_is_kept_whole_with_its_verb(cards):
    """A sentence whose first words would cut its subject short ("The absolute [...]") keeps its whole subject and
    verb ("The absolute and Huber losses make [...]", "A pinball loss with quantile level one half gives [...]")."""
    made = _made(cards, "robust-losses.md")
    assert "The absolute and Huber losses make [...]" in _asking(made, "The absolute and Huber losses make")
    assert "A pinball loss with quantile level one half gives [...]" in _asking(made, "A pinball loss with")
