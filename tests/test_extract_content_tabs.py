"""MkDocs content tabs (pymdownx.tabbed): `=== "Title"` over text indented under it, the next `=== "Title"` right
after. The tabs stand side by side, as a MyST `{tab-set}` or a Quarto `.panel-tabset` does: each tab is a section
under the heading the tabs sit in ("… › Bagging", "… › Boosting"), and the text after the tabs is that heading's
again. Indented under its tab, a tab's text was read as a code block, and made no card."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nsections = true\n[review]\ntimezone = "UTC"\n'

PAGE = """# Ensembles

## Two ways to combine trees

Both build many trees and combine their votes.

=== "Bagging"

    Each tree is fit on a bootstrap resample of the rows, and the trees vote with equal weight.

    - lowers the variance of a deep tree
    - the trees can be fit in parallel

=== "Boosting"

    Each tree is fit to the errors the trees before it left, so the trees are built one after another.

    !!! warning "Overfitting"
        Too many rounds of boosting fit the noise, so the number of rounds is tuned on held-out data.

Random forests add feature subsampling to bagging.

===! "Averaging"
    The predictions are averaged, which suits regression.

## Depth

Shallow trees suit boosting, deep trees suit bagging.
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


ENSEMBLES = NOTES.add({"docs/ensembles.md": PAGE})


def test_each_content_tab_is_a_section_beside_the_others(shared):
    cards = shared.backs_by_front(ENSEMBLES)
    bagging = [back for front, back in cards.items() if front.startswith("Ensembles › Two ways to combine trees › Bagging")]
    assert any("bootstrap resample" in back for back in bagging), cards
    assert any("equal weight" in back or "lowers the variance" in back for back in bagging), cards
    boosting = cards.get("Ensembles › Two ways to combine trees › Boosting", "")
    assert boosting.startswith("Each tree is fit to the errors"), cards
    assert "Too many rounds" in cards.get("Ensembles › Two ways to combine trees › Boosting › Overfitting", ""), cards
    assert not any("Bagging › Boosting" in front for front in cards), cards
    assert "Random forests add" in cards.get("Ensembles › Two ways to combine trees", ""), cards
    assert "averaged" in cards.get("Ensembles › Two ways to combine trees › Averaging", ""), cards
    assert cards.get("Ensembles › Depth", "").startswith("Shallow trees"), cards
