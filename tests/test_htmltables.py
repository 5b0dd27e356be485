"""An HTML `<table>` in a note (a notebook's markdown cell, a Markdown note) is read as the pipe table it stands
for: its rows are cards as a pipe table's are, where its lines were one card with nothing on its back (issue 23,
session 45). Notes written into tmp_path, read back through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

import json

from conftest import backs_by_front, new_wiki

from mlwiki.extract import html_tables
from mlwiki.extract.lines import TEXT, Line
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = false\nsections = true\n[review]\ntimezone = "UTC"\n'


def _notebook(*cells: str) -> str:
    return json.dumps({"cells": [{"cell_type": "markdown", "metadata": {}, "source": cell.splitlines(True)}
                                 for cell in cells], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def test_a_notebooks_html_table_is_a_card_per_row(tmp_path):
    """A markdown cell holding only `<table>` rows of `<th>`/`<td>` cells under a heading: each row is a card of
    its name, its other cells under their column headers, inline tags kept as the text they show; no card of the
    section is left with an empty back."""
    table = ("<table>\n  <tr><th>optimiser</th><th>state kept per weight</th><th># extra buffers</th></tr>\n"
             "  <tr><td><code>sgd</code></td><td>nothing beyond the weight</td><td>$ 0 $</td></tr>\n"
             "  <tr><td><code>momentum</code></td><td>a running <b>velocity</b></td><td>$ 1 $</td></tr>\n"
             "  <tr><td><code>adam</code></td><td>first and second moment estimates</td><td>$ 2 $</td></tr>\n"
             "</table>")
    note = _notebook("# Optimisers\n", "Optimisers differ in the memory they keep for each weight.\n",
                     "## Memory per weight\n", table)
    made = backs_by_front(new_wiki(tmp_path, {"optimisers.ipynb": note}, CONFIG))
    assert all(back.strip() for back in made.values()), made
    assert not any("<t" in back for back in made.values()), made
    momentum = [back for front, back in made.items() if "Memory per weight" in front and "momentum" in front]
    assert momentum and "a running **velocity**" in momentum[0] and "$1$" in momentum[0], made
    adam = [back for front, back in made.items() if "adam" in front]
    assert adam and "first and second moment estimates" in adam[0], made
    assert "- \\# extra buffers: $2$" in adam[0], made  # (a header opening on `#` is no heading on the back)


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


ACTIVATION_FUNCTIONS = NOTES.add({
    "Activation functions.md": (
        "# Activation functions\n\n## Where each is used\n\n"
        '<table class="compact">\n<caption>Common choices</caption>\n<thead>\n<tr>\n<th>function</th>\n'
        "<th>range</th>\n<th>typical place</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>sigmoid</td>\n"
        "<td>(0, 1)</td>\n<td>gates of recurrent cells &amp; binary outputs</td>\n</tr>\n<tr>\n<td>tanh</td>\n"
        "<td>(-1, 1)</td>\n<td>hidden states,<br>centred around zero</td>\n</tr>\n<tr>\n<td>ReLU</td>\n"
        "<td>[0, ∞)</td>\n<td>hidden layers of deep nets | the default</td>\n</tr>\n</tbody>\n</table>\n")
})


def test_a_markdown_notes_html_table_with_head_body_and_caption_is_a_card_per_row(shared):
    """The same table written with `<thead>`/`<tbody>`, attributes, a caption, a line break, an entity and a bar
    inside a cell, its cells over several lines: read as the same rows."""
    made = shared.backs_by_front(ACTIVATION_FUNCTIONS)
    assert all(back.strip() for back in made.values()), made
    sigmoid = [back for front, back in made.items() if "sigmoid" in front]
    assert sigmoid and "gates of recurrent cells & binary outputs" in sigmoid[0], made
    tanh = [back for front, back in made.items() if "tanh" in front]
    assert tanh and "hidden states, centred around zero" in tanh[0], made
    relu = [back for front, back in made.items() if "ReLU" in front]
    assert relu and "hidden layers of deep nets | the default" in relu[0], made


def test_html_that_is_no_simple_table_is_left_as_it_was():
    """A table in a table, a table never closed, or one with text after `</table>` on its line: its lines stay."""
    for html in ("<table><tr><td><table><tr><td>a</td></tr></table></td></tr><tr><td>b</td></tr></table>",
                 "<table>\n<tr><th>a</th></tr>\n<tr><td>b</td></tr>",
                 "<table><tr><th>a</th></tr><tr><td>b</td></tr></table> and more"):
        lines = [Line(no, text, TEXT) for no, text in enumerate(html.split("\n"), start=1)]
        assert html_tables.as_pipe_tables(lines) == lines


def test_a_one_line_table_is_read_with_each_row_at_its_line():
    """A table written on one line is a pipe table of its rows, every line at the note's line of the table."""
    lines = [Line(3, "<table><tr><th>term</th><th>meaning</th></tr><tr><td>bias</td><td>offset</td></tr></table>",
                  TEXT)]
    read = html_tables.as_pipe_tables(lines)
    assert [(ln.no, ln.text) for ln in read] == [(3, "| term | meaning |"), (3, "|---|---|"), (3, "| bias | offset |")]


MODEL_SIZES = NOTES.add({
    "Model sizes.md": (
        "# Model sizes\n\n## Configurations\n\n| model | width | # layers |\n|---|---|---|\n"
        "| small | narrow, for quick runs | 12 |\n| large | wide, for the final run | 48 |\n")
})


def test_a_column_header_opening_on_a_hash_keeps_it_on_a_rows_back(shared):
    """"# layers" heads a column: before a cell on a row's back it opened a list item, which Markdown shows as a
    heading there, and its `#` was gone from the text. Escaped, the back says "# layers: 12"."""
    made = shared.backs_by_front(MODEL_SIZES)
    small = [back for front, back in made.items() if "small" in front]
    assert small and "- \\# layers: 12" in small[0], made


REGULARISATION = NOTES.add({
    "Regularisation.md": (
        "# Regularisation\n\n## Weight decay\n\n<a id=\"decay\"></a>\n"
        "Weight decay shrinks every weight towards zero at each step, by a fixed fraction of its value.\n\n"
        "<span id='l1'></span>\nAn L1 penalty instead pushes small weights to exactly zero, so it selects features.\n")
})


def test_a_line_that_is_only_an_html_anchor_is_on_no_card(shared):
    """`<a id="…"></a>` on a line of its own over a paragraph marks where a link lands; no reader sees it, yet it
    was the first line of the card of the paragraph under it."""
    made = shared.backs_by_front(REGULARISATION)
    assert made and not any("<a" in back or "<span" in back for back in made.values()), made
    assert any(back.startswith("Weight decay shrinks") for back in made.values()), made


CALIBRATION = NOTES.add({
    "Calibration.md": (
        "# Calibration\n\n## Reliability diagrams\n\n"
        "Bin the predicted probabilities and plot, for each bin, the mean prediction against the observed "
        "frequency of positives:\n\n"
        "$$ \\mathrm{ECE} = \\sum_b \\frac{n_b}{n} \\left| \\mathrm{acc}(b) - \\mathrm{conf}(b) \\right| $$\n\n"
        "Equal-width bins leave the extreme bins nearly empty, so their points are noisy.\n\n"
        "**Sharpness counts as well!** A model that always predicts the base rate is perfectly calibrated, yet it "
        "tells you nothing about any single case.\n\n"
        "<table>\n<tr><th>method</th><th>fits</th><th>needs</th></tr>\n"
        "<tr><td>Platt scaling</td><td>a sigmoid on the scores</td><td>a held-out split</td></tr>\n"
        "<tr><td>isotonic regression</td><td>a monotone step function</td><td>more held-out data</td></tr>\n"
        "</table>\n")
})


def test_a_short_paragraph_under_its_own_bold_label_is_its_own_card_beside_a_table(shared):
    """A section of a formula, a remark, a paragraph opening on a bold label of its own and a table: once the table
    is read as one, the remark and the labelled paragraph were one card under the bare heading, two facts under a
    front that asks for neither. The labelled paragraph is a card under its label, however short."""
    made = shared.backs_by_front(CALIBRATION)
    sharp = [back for front, back in made.items() if front.endswith("› Sharpness counts as well!")]
    assert sharp and "Equal-width" not in sharp[0] and "perfectly calibrated" in sharp[0], made
    assert not any("Equal-width" in back and "perfectly calibrated" in back for back in made.values()), made
