"""R Markdown books (bookdown) are notes, read as the Quarto books they correspond to; a Quarto statement box of one
paragraph is a card even where section cards are off (session 51). Notes written to tmp_path, read through the CLI."""

from __future__ import annotations

import pytest


from conftest import DEFAULT_CONFIG
from shared_notes import Scanned, SharedNotes

CHAPTER = """# Local averaging {#local}

```{r setup, include=FALSE}
library(ggplot2)
```

A running-mean smoother replaces each response by the mean of its neighbours in a window:

$$
\\hat s(x) = \\frac{1}{|N(x)|} \\sum_{i \\in N(x)} y_i
(\\#eq:runmean)
$$

By \\@ref(eq:runmean), every neighbour counts the same. The data hold `r nrow(df)` rows; Chapter \\@ref(local)
has more.

::: {.definition #window name="Window width"}
The window width is the number of neighbours each average takes.
:::

::: {.rmdcaution}
A window far wider than the structure in the data flattens every bump into the overall mean.
:::

::: {.theorem #consistency name="Consistency of the running mean"}
If the window grows while its share of the data shrinks, the running mean converges to the regression function.
:::
"""


NOTES = SharedNotes(DEFAULT_CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


N02_LOCAL = NOTES.add({"02-local.Rmd": CHAPTER})


def test_an_rmd_chapter_is_read_as_its_book_shows_it(shared):
    made = shared.cards(N02_LOCAL)
    text = "\n".join(c["front"] + "\n" + c["back"] for c in made)
    by_front = {c["front"]: c["back"] for c in made}
    assert by_front.get("Local averaging › Window width", "").startswith("The window width is"), by_front
    assert by_front.get("Local averaging › Consistency of the running mean", "").startswith("If the window grows")
    assert any("flattens every bump" in c["back"] for c in made), text
    formula = next(c for c in made if c["kind"] == "formula")
    assert formula["back"].startswith("$$\\hat s(x)") and "#eq" not in formula["back"], formula
    assert "\\@ref" not in text and "`r " not in text and "(\\#" not in text, text


BIAS = NOTES.add({
    "bias.qmd": (
        "# Smoothers\n\n## Bias\n\n::: {#thm-bias name=\"Bias of a local average\"}\n"
        "Where the regression function curves, a local average is biased toward the window's mean.\n:::\n")
})


def test_a_quarto_statement_box_of_prose_is_a_card_when_sections_are_off(shared):
    made = shared.cards(BIAS)
    assert {c["front"]: c["back"] for c in made}.get("Smoothers › Bias › Bias of a local average", "").startswith(
        "Where the regression function curves"), made


W = NOTES.add({
    "w.qmd": (
        "# Smoothers\n\n## Windows {#sec-windows}\n\n::: {.callout-note}\nA wider window lowers the variance "
        "of each average and raises its bias.\n:::\n\nSee @sec-windows.\n")
})


def test_quarto_labels_are_left_as_quarto_writes_them(shared):
    """A Quarto page holds `{#sec-…}` ids and `::: {.callout-note}` divs of its own: bookdown's reading leaves
    them be (the section's title shows without its label, the callout is a callout)."""
    text = "\n".join(c["front"] + "\n" + c["back"] for c in shared.cards(W))
    assert "wider window lowers the variance" in text and "sec-sec" not in text and "{#" not in text, text
