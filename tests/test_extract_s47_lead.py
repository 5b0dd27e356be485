"""Session 47, the lead's own rules, each on notes written for the test."""

from __future__ import annotations

import pytest


from shared_notes import Scanned, SharedNotes

ON = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'

PROPERTIES = """# Bootstrap standard errors

## What to remember

1. **Consistent**: $\\hat{se}_B \\to se$ as both $n$ and $B$ grow, for smooth statistics of the mean.
2. **Cheap**: each resample costs one more evaluation of the statistic, nothing else.
3. **Variance**: with $B$ resamples the estimate itself varies as

   $$
   \\mathrm{Var}(\\hat{se}_B) \\approx \\frac{c}{B}
   $$

4. **Skewed statistics**: use the percentile interval, not $\\pm 2\\hat{se}$, when the resampled values are skewed.
"""


NOTES = SharedNotes(ON)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


BOOT = NOTES.add({"boot.md": PROPERTIES})


def test_numbered_bold_labelled_items_are_cards_with_definitions_on(shared):
    """With `definitions = true` the definition form leaves a numbered `1. **Label**: …` item alone (a step or a
    property, not a term); it was then on no card at all, while with definitions off the same items were cards."""
    cards = shared.cards(BOOT)
    fronts = {c["front"]: c["back"] for c in cards}
    assert fronts["Bootstrap standard errors › What to remember › Consistent"].startswith("$\\hat{se}_B"), fronts
    assert fronts["Bootstrap standard errors › What to remember › Cheap"].startswith("each resample"), fronts
