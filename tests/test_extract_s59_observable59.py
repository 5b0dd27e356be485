"""Observable Framework pages read as Framework shows them (session 59, observable59): a pipe table written without
its outer pipes (as Framework's docs, and GFM, write tables) is a table; a `js` block tagged `run=false` shows its
code, an `echo` cell's code is not read as the page's words, a `${…}` chart written over several lines shows
nothing of its options, and a dashboard card's `<h2>` is no section. Every note is written to one wiki in tmp_path, scanned once through the CLI
(`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("observable59"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _made(cards: list[dict], rel: str) -> dict[str, str]:
    """{front: back} of the cards of the note `rel`."""
    return {c["front"]: c["back"] for c in cards if c["source"]["path"] == f"notes/{rel}"}


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


OPTIMIZERS = (
    "---\ntitle: Optimizers compared\ntoc: false\n---\n\n# Optimizers\n\n"
    "## Which optimizer adapts what\n\n"
    "The learning rate ${tex`\\eta`} is shared by all of them.\n\n"
    "Optimizer | Keeps a running mean of gradients? | Per-parameter step size?\n"
    "--------- | :--------------------------------: | :----------------------:\n"
    "SGD with momentum | yes, the velocity | no, one global step\n"
    "AdaGrad | no | yes, from the sum of squared gradients\n"
    "RMSProp | no | yes, from a decaying mean of squared gradients\n"
    "Adam | yes, the first moment | yes, from the second moment\n\n"
    "```js\nconst lr = view(Inputs.range([0.0001, 0.1], {value: 0.01, label: \"learning rate\"}));\n```\n")
NOTES["src/optimizers.md"] = OPTIMIZERS


def test_a_table_without_outer_pipes_is_read_as_a_table(cards):
    """Framework writes a table's rows without a leading and trailing `|` (so does GFM): each row that explains
    something is its own card, asked by the row's name and the columns, instead of the raw grid on one card."""
    made = _made(cards, "src/optimizers.md")
    rows = {f: b for f, b in made.items() if "AdaGrad" in f}
    assert rows, made
    front, back = next(iter(rows.items()))
    assert "sum of squared gradients" in back and "RMSProp" not in back
    assert "---------" not in _text(made) and "${tex" not in _text(made)


HELPERS = (
    "---\ntitle: Gradient checks\n---\n\n# Gradient checking\n\n"
    "## The helpers\n\n"
    "Every page imports the centred difference from the helper file:\n\n"
    "```js run=false\nimport {centredDifference} from \"./components/grad.js\";\n```\n\n"
    "```js echo\nconst eps = 1e-5;\n```\n\n"
    "A centred difference has error ${tex`O(\\varepsilon^2)`}, a one-sided difference only "
    "${tex`O(\\varepsilon)`}.\n\n"
    "```js\nconst grads = FileAttachment(\"data/grads.json\").json();\n```\n\n"
    "```js run=false echo=false\nconst secret = \"never shown\";\n```\n")
NOTES["src/gradcheck.md"] = HELPERS


def test_run_false_code_is_shown_and_an_echo_cell_is_no_text(cards):
    """A `js` block tagged `run=false` is shown as written (Framework does not run it): its code stays with the
    sentence that leads to it; `echo=false` shows nothing. The code of an `echo` cell is a code block, so the
    sentence after it is read as a sentence, its `${tex`…`}` as math."""
    made = _made(cards, "src/gradcheck.md")
    text = _text(made)
    assert "import {centredDifference}" in text
    assert "never shown" not in text and "FileAttachment" not in text
    assert any("$O(\\varepsilon^2)$" in f + b and "one-sided" in f + b for f, b in made.items()), made
    assert "${tex" not in text


CHART = (
    "---\ntitle: Learning curves\n---\n\n# Learning curves\n\n"
    "## Reading the curves\n\n"
    "```js\nconst runs = FileAttachment(\"data/runs.csv\").csv({typed: true});\n```\n\n"
    "<div class=\"grid grid-cols-2\">\n"
    "  <div class=\"card\">\n    <h2>Loss by split</h2>\n    ${resize((width) => Plot.plot({\n"
    "    width,\n    y: {grid: true, label: \"loss\"},\n"
    "    marks: [Plot.line(runs, {x: \"epoch\", y: \"loss\", stroke: \"split\"})]\n"
    "  }))}</div>\n  <div class=\"card\"><h2>Best epoch</h2><span class=\"big\">${best.epoch}</span></div>\n</div>\n\n"
    "A validation loss that rises while the training loss keeps falling is the sign of overfitting.\n")
NOTES["src/curves.md"] = CHART


def test_a_chart_over_several_lines_shows_none_of_its_options(cards):
    """A `${…}` expression that goes on over several lines (a chart's options) shows only its value, a chart: none of
    its lines reach a card, and the sentence after it is carded as written."""
    made = _made(cards, "src/curves.md")
    text = _text(made)
    assert "Plot." not in text and "width," not in text and "grid: true" not in text and "${" not in text
    assert "sign of overfitting" in text


def test_a_dashboard_cards_title_is_no_section(cards):
    """A `<div class="card">`'s `<h2>` titles one tile of a dashboard (a chart, a number), not a section of the page:
    the sentence after the grid stays under its own section's heading."""
    made = _made(cards, "src/curves.md")
    assert "Loss by split" not in _text(made) and "Best epoch" not in _text(made)
    assert any("sign of overfitting" in f + b and "Reading the curves" in f for f, b in made.items()), made


PITFALLS = (
    "---\ntitle: Dropout\n---\n\n# Dropout\n\n## Pitfalls\n\n"
    "- **Dropout is off at test time in PyTorch only after `model.eval()`.** A forgotten call makes every "
    "prediction random.\n"
    "- **Inverted dropout** (Srivastava et al. 2014): survivors are scaled by ${tex`1/(1-p)`} during training, so "
    "nothing changes at test time.\n"
    "- **Spatial dropout** — drops whole feature maps in a convolutional network.\n\n"
    "```js\nconst p = view(Inputs.range([0, 0.9], {value: 0.5, label: \"dropout rate\"}));\n```\n")
NOTES["src/dropout.md"] = PITFALLS


def test_a_bold_sentence_beside_defined_terms_is_carded(cards):
    """An item that opens on a bold sentence ("- **Dropout is off … only after `model.eval()`.** …") is a claim,
    not a term the definitions take: when its siblings are defined terms' cards it is carded too, not lost."""
    made = _made(cards, "src/dropout.md")
    assert any("only after `model.eval()`" in b for b in made.values()), made
    assert any("Inverted dropout" in f and "$1/(1-p)$" in b for f, b in made.items()), made
