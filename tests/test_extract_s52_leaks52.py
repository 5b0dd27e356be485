"""Leaks, duplicates and wrong backs tied to a tool's syntax (session 52): a bookdown equation's label on a line of
its own no longer cuts the equation a remark card shows on its front. Notes written to tmp_path, read through the
CLI."""

from __future__ import annotations

import pytest

import json

from conftest import DEFAULT_CONFIG, new_wiki, run
from shared_notes import Scanned, SharedNotes


DEFINING = 'name = "T"\ndefinitions = true\n[review]\ntimezone = "UTC"\n'  # (as `init` sets it for bold terms)


def cards_of(tmp_path, notes: dict[str, str], config: str = DEFAULT_CONFIG) -> list[dict]:
    root = new_wiki(tmp_path, notes, config)
    return json.loads(run(root, "cards", "--json", ok=True).output)


SMOOTHING = """# Kernel smoothing

## The estimator

Weight each response by its kernel distance:
\\begin{equation}
  \\hat m(x) = \\frac{\\sum_i K_h(x - x_i)\\, y_i}{\\sum_i K_h(x - x_i)}
  (\\#eq:nadaraya)
\\end{equation}

Here $K_h$ is a kernel scaled by the bandwidth $h$, which sets how far the averaging reaches.
"""


NOTES = SharedNotes(DEFAULT_CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


N03_SMOOTHING = NOTES.add({"03-smoothing.Rmd": SMOOTHING})


def test_a_labelled_bare_equation_is_shown_whole_on_a_remark_front(shared):
    made = shared.cards(N03_SMOOTHING)
    remark = next(c for c in made if "how far the averaging" in c["back"])
    assert remark["front"].rstrip().endswith("\\end{equation}$$"), remark["front"]
    for card in made:
        for side in (card["front"], card["back"]):
            assert side.count("\\begin{") == side.count("\\end{") and side.count("$$") % 2 == 0, side
            assert "(\\#eq" not in side, side


BANDWIDTH = NOTES.add({
    "bandwidth.qmd": (
        "# Smoothing\n\n## Bandwidth\n\nThe bandwidth trades the two errors:\n$$\n"
        "\\operatorname{MSE}(h) = \\operatorname{bias}^2(h) + \\operatorname{var}(h)\n$$\n\n\n"
        "Small for a moderate $h$ (neither term dominates) and flat near its minimum. It looks hard to locate, but "
        "for a Gaussian kernel there is a rule of thumb:\n")
})


def test_a_remark_two_blank_lines_under_its_formula_is_still_its_remark(shared):
    made = shared.cards(BANDWIDTH)
    remark = next((c for c in made if "flat near its minimum" in c["back"]), None)
    assert remark is not None and "\\operatorname{MSE}" in remark["front"], made


BAGGING = """# Bagging

## The two ingredients
- **Bootstrap**: draw $n$ rows with replacement, once per tree.
- **Averaging**: with $B$ trees of pairwise correlation $\\rho$ the variance of the mean is
$$\\rho\\sigma^2 + \\frac{1-\\rho}{B}\\sigma^2$$
(the first term does not shrink with $B$).
^bagging-parts

## Decorrelation

Random forests lower $\\rho$ by sampling a random subset of features at every split, so strong predictors cannot dominate every tree (![[Random forests#^decorrelation]]); a typical subset size is $\\sqrt{p}$, tuned as in ![[Random forests#Tuning mtry]].
"""


def _bagging_text(tmp_path) -> str:
    made = cards_of(tmp_path, {"Bagging.md": BAGGING, "Random forests.md": "# Random forests\n\nTrees on bootstraps.\n"},
                    DEFINING)
    text = "\n".join(c["front"] + "\n" + c["back"] for c in made)
    assert "does not shrink" in text and "subset of features" in text, text
    return text


def test_an_obsidian_block_id_alone_under_a_list_does_not_show(tmp_path):
    text = _bagging_text(tmp_path)
    assert "^bagging-parts" not in text, text


def test_an_embed_inside_a_line_shows_as_the_link_it_stands_for(tmp_path):
    text = _bagging_text(tmp_path)
    assert "![[" not in text and "^decorrelation" not in text, text
    assert "[[Random forests]]" in text and "[[Random forests#Tuning mtry]]" in text, text


SOFTMAX = """---
tags: [flashcards]
---
# Softmax temperature

## Scaling the logits

Dividing the logits by a temperature before normalising gives
$$
p_i = \\frac{\\exp(z_i / T)}{\\sum_j \\exp(z_j / T)}
$$

Tempered softmax::$p_i = \\dfrac{\\exp(z_i/T)}{\\sum_j \\exp(z_j/T)}$

A high $T$ flattens the distribution towards uniform; a low $T$ sharpens it towards the argmax.
"""


SOFTMAX_TEMPERATURE = NOTES.add({"Softmax temperature.md": SOFTMAX})


def test_a_formula_the_writer_carded_is_not_asked_again_by_an_automatic_card(shared):
    made = shared.cards(SOFTMAX_TEMPERATURE)
    asking = [c for c in made if "\\exp(z_i" in c["back"]]
    assert [c["front"] for c in asking] == ["Tempered softmax"], made
    assert any("flattens the distribution" in c["front"] + c["back"] for c in made), made


NB = NOTES.add({
    "nb.md": (
        "# Naive Bayes\n\n## The model\n\n"
        "**Gaussian naive Bayes** models each feature within a class as a normal density with its own mean and a\n"
        "**per-class variance**: $x_j \\mid y = c \\sim N(\\mu_{jc}, \\sigma^2_{jc})$.\n")
}, config=DEFINING)


def test_a_bold_term_that_opens_a_wrapped_line_mid_sentence_is_not_defined_by_the_rest(shared):
    made = shared.cards(NB)
    assert not any("Define: per-class variance" in c["front"] for c in made), made
    assert any("Gaussian naive Bayes" in c["front"] + c["back"] and "N(\\mu_{jc}" in c["front"] + c["back"]
               for c in made), made


RANKING = NOTES.add({
    "ranking.md": (
        "# Ranking metrics\n\n## Hits\n\n### Counting a hit\n\n"
        "A recommendation is a hit if the held-out item appears among its top $k$ candidates. "
        "Hit rate averages this over all users.\n\n## Other\n\nMore text here about nothing in particular.\n")
})


def test_a_term_that_is_a_kind_only_under_a_condition_is_asked_when(shared):
    made = shared.cards(RANKING)
    card = next(c for c in made if "held-out item" in c["back"])
    assert card["front"].endswith("When is a recommendation a hit?"), card["front"]


SKETCH = """---
excalidraw-plugin: parsed
tags: [excalidraw]
---
==⚠  Switch to EXCALIDRAW VIEW in the MORE OPTIONS menu of this document. ⚠== You can decompress Drawing data.


# Excalidraw Data

## Text Elements
margin = distance from the boundary to the nearest point ^elMarg01

support vectors = the points that sit on the margin ^elSupp02

wider margin ⇒ better generalisation ^elWide03

%%
## Drawing
```compressed-json
N4KAkARALgngDgUwgLgAQQQDwMYEMA2AlgCYBOuA7hADTgQBuCpAzoQPYB2KqATLZMzYBXUtiRoIACyhQ4zZAHoFAc0JRJQgEYA6bGwC2CgF7N6hbEcK4VCgF
```
%%
"""


MAXIMUM_MARGIN_EXCALIDRAW = NOTES.add({"Maximum margin.excalidraw.md": SKETCH})


def test_an_excalidraw_drawing_whose_words_state_things_is_read_for_them(shared):
    made = shared.cards(MAXIMUM_MARGIN_EXCALIDRAW)
    text = "\n".join(c["front"] + "\n" + c["back"] for c in made)
    assert "nearest point" in text and "sit on the margin" in text, text
    assert "EXCALIDRAW" not in text and "^el" not in text and "N4KA" not in text and "Text Elements" not in text
    assert all(c["front"].startswith("Maximum margin") and ".excalidraw" not in c["front"] for c in made), made


POOLING = NOTES.add({
    "docs/pooling.md": (
        "# Pooling :id=pooling\n\n## Sizes by hand {docsify-ignore}\n\n"
        "A $2\\times2$ max pool with stride 2 halves each spatial side and keeps the channel count.\n")
}, config='name = "T"\nsections = true\n[review]\ntimezone = "UTC"\n')


def test_docsifys_older_braced_heading_helper_is_off_the_heading(shared):
    made = shared.cards(POOLING)
    card = next(c for c in made if "halves each spatial side" in c["back"])
    assert "docsify" not in card["front"] and "Sizes by hand" in card["front"], card
