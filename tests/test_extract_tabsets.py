"""A Quarto tabset (`::: {.panel-tabset}`, or MyST's `{tab-set}` of `{tab-item}`s) shows its headings as tabs side by side: each tab's heading is a section of
its own under the headings around the tabset, not nested under the first tab (a callout's first heading, by
contrast, titles the callout)."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nsections = true\n[review]\ntimezone = "UTC"\n'

POST = """---
title: "Warmup schedules"
---

Warmup ramps the learning rate up over the first steps of training.

::: {.panel-tabset}

## Linear

- the rate grows linearly from zero to the peak over the first $w$ steps
- the earliest steps are tiny, so they spend compute on almost no progress

## Exponential

- the rate approaches the peak as $1 - e^{-t/w}$
- it ramps faster at the start and more slowly near the peak

:::

::: {.callout-note}
## In practice
Most transformer recipes warm up for a few thousand steps before the decay begins.
:::
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


WARMUP = NOTES.add({"warmup.qmd": POST})


def test_each_tab_of_a_tabset_is_a_section_beside_the_others(shared):
    fronts = [front.split("\n\n", 1)[0] for front in shared.backs_by_front(WARMUP)]
    assert "Warmup schedules › Linear" in fronts
    assert "Warmup schedules › Exponential" in fronts, fronts
    assert not any("Linear › Exponential" in front for front in fronts)


WARMUP_2 = NOTES.add({"warmup.qmd": POST})


def test_a_callouts_first_heading_still_titles_the_callout(shared):
    cards = shared.backs_by_front(WARMUP_2)
    titled = [front for front, back in cards.items() if back.startswith("Most transformer recipes")]
    assert titled and all("In practice" in front for front in titled), cards


MYST_TABS = """# KL divergence

## Two directions

::::{tab-set}
:::{tab-item} Forward KL
Minimising $KL(p \\| q)$ over $q$ is **mass-covering**: $q$ must put mass wherever $p$ has mass.
:::
:::{tab-item} Reverse KL
Minimising $KL(q \\| p)$ is **mode-seeking**: $q$ is punished for mass where $p$ has none, so it locks onto one mode.
:::
::::

In variational inference the reverse direction is the one minimised, since it needs no samples from $p$.

## Sign

`````{tab-set}
````{tab-item} Discrete
The sum of $p \\log(p/q)$ is never negative, by Gibbs' inequality.
````
````{tab-item} Continuous
The integral is never negative either, and zero only when the densities agree almost everywhere.
````
`````
"""


KL = NOTES.add({"kl.md": MYST_TABS})


def test_myst_tab_items_are_sections_side_by_side(shared):
    """A Jupyter Book `{tab-set}` (colon or backtick fences): each `{tab-item} Title` is a section under the
    headings around the set, a card of its own; text after the set stays its section's."""
    cards = shared.backs_by_front(KL)
    heads = {front.split("\n\n")[0]: back for front, back in cards.items()}  # (a tab's one bold phrase is asked
    # under its path: "… › Forward KL" over "Minimising $KL(p \| q)$ over $q$ is …: …")
    assert heads.get("KL divergence › Two directions › Forward KL", "").startswith("Minimising $KL(p"), cards
    assert heads.get("KL divergence › Two directions › Reverse KL", "").startswith("Minimising $KL(q"), cards
    assert cards.get("KL divergence › Two directions", "").startswith("In variational inference"), cards
    assert cards.get("KL divergence › Sign › Discrete", "").startswith("The sum of"), cards
    assert cards.get("KL divergence › Sign › Continuous", "").startswith("The integral"), cards
