"""A Quarto tabset (`::: {.panel-tabset}`) shows its headings as tabs side by side: each tab's heading is a section of
its own under the headings around the tabset, not nested under the first tab (a callout's first heading, by
contrast, titles the callout)."""

from __future__ import annotations

from conftest import backs_by_front, new_wiki

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


def test_each_tab_of_a_tabset_is_a_section_beside_the_others(tmp_path):
    fronts = list(backs_by_front(new_wiki(tmp_path, {"warmup.qmd": POST}, CONFIG)))
    assert "Warmup schedules › Linear" in fronts
    assert "Warmup schedules › Exponential" in fronts, fronts
    assert not any("Linear › Exponential" in front for front in fronts)


def test_a_callouts_first_heading_still_titles_the_callout(tmp_path):
    cards = backs_by_front(new_wiki(tmp_path, {"warmup.qmd": POST}, CONFIG))
    titled = [front for front, back in cards.items() if back.startswith("Most transformer recipes")]
    assert titled and all("In practice" in front for front in titled), cards
