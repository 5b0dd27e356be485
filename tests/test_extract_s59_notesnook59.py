"""Notesnook notes exported as Markdown, read as Notesnook shows them (session 59): an inline formula the exporter
(showdown's `makeMarkdown`) wrote as bare TeX with its escapes, a line break inside a callout, and a table that logs
the writer's runs by id. Every note is written to one wiki in tmp_path, scanned once through the CLI
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
    root = new_wiki(tmp_path_factory.mktemp("notesnook59"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _made(cards: list[dict], rel: str) -> dict[str, str]:
    """{front: back} of the cards of the note `rel`."""
    return {c["front"]: c["back"] for c in cards if c["source"]["path"] == f"notes/{rel}"}


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


HEADER = "---\ntitle: \"{0}\"\ncreated_at: 04-03-2025 09:15 AM\nupdated_at: 06-03-2025 06:40 PM\n---\n\n# {0}\n\n"

KMEANS = HEADER.format("k-means") + (
    "## Objective\n\n"
    "k-means minimises the within-cluster sum of squares over the centroids \\mu\\_1, \\dots, \\mu\\_k:\n\n"
    '<div class="math-block math-node" data-block-id="Qa81xZtb">J = \\sum_{i=1}^{n} \\min_j \\|x_i - \\mu_j\\|^2</div>\n\n'
    "Each **assignment step** can only lower J, and so can each **update step**, which moves \\mu\\_j to the mean of "
    "its points.\n\n"
    "## Initialisation\n\n"
    "k-means++ picks the next centroid with probability proportional to D(x)^2, the squared distance of x to the "
    "nearest centroid chosen so far.\n")
NOTES["Clustering/k-means.md"] = KMEANS


def test_notesnook_inline_formulas_written_as_bare_tex_show_as_math(cards):
    """Notesnook writes an inline formula as its bare TeX with showdown's escapes (`\\mu\\_j`): on a card it is the
    formula `$\\mu_j$`, not raw TeX with a stray backslash, and the words around it stay words."""
    text = _text(_made(cards, "Clustering/k-means.md"))
    assert "\\_" not in text
    assert "$\\mu_j$" in text and "$\\mu_1, \\dots, \\mu_k$" in text
    assert "$D(x)^2$" in text


PCA = HEADER.format("PCA") + (
    "## Variance explained\n\n"
    "The first component w\\_1 maximises the projected variance w^\\top \\Sigma w subject to \\\\|w\\\\| = 1.\n\n"
    "Keeping the top k components retains \\~95% of the variance on most image data sets.\n")
NOTES["PCA.md"] = PCA


def test_a_notesnook_note_without_boxes_is_read_by_its_escapes(cards):
    """A note with no math block or callout is still Notesnook's when it shows showdown's escapes (`\\~`, `w\\_1`):
    its formulas are math, a norm written `\\\\|w\\\\|` is `\\|w\\|`."""
    text = _text(_made(cards, "PCA.md"))
    assert "$w_1$" in text and "$w^\\top \\Sigma w$" in text and "$\\|w\\| = 1$" in text
    assert "\\_" not in text and "\\\\|" not in text


DROPOUT = HEADER.format("Dropout") + (
    "## At test time\n\n"
    '<div data-block-id="c0Tq7LmA" data-callout-type="info" class="callout"><h4 data-block-id="b9Xk2Lw1">Inverted '
    'dropout</h4><p data-block-id="p4Rt8Yh2" data-spacing="double">Scale the kept activations by 1/(1-p) during '
    "training.<br>Then the network needs no rescaling at test time.</p></div>\n")
NOTES["Dropout.md"] = DROPOUT


def test_a_line_break_inside_a_notesnook_callout_is_a_space(cards):
    """A callout's paragraph broken by `<br>` reads as two sentences, not "training.Then" run together."""
    text = _text(_made(cards, "Dropout.md"))
    assert "training. Then the network needs no rescaling" in text
    assert "training.Then" not in text and "<br>" not in text


RUNS = HEADER.format("Tiny ResNet log") + (
    "## Runs\n\n"
    "| run | optimiser | depth | top-1 | notes            |\n"
    "| --- | --------- | ----- | ----- | ---------------- |\n"
    "| r1  | SGD       | 8     | 71.2  | baseline         |\n"
    "| r2  | SGD       | 14    | 74.9  | no warm-up       |\n"
    "| r3  | AdamW     | 14    | 75.3  | warm-up 5 epochs |\n\n"
    "Deeper helped more than the lower learning rate: residual connections let a 14-layer net train as easily as "
    "an 8-layer one.\n")
NOTES["Projects/Tiny ResNet log.md"] = RUNS


def test_a_table_logging_the_writers_runs_by_id_makes_no_cards(cards):
    """A table whose rows are the writer's runs by id (r1, r2, …) makes no "Runs › r2 › lr" cards — a run's
    settings and score are no fact to recall; the writer's conclusion under it is still carded."""
    made = _made(cards, "Projects/Tiny ResNet log.md")
    text = _text(made)
    assert "r2" not in text and "74.9" not in text and "warm-up 5 epochs" not in text
    assert "residual connections let a 14-layer net train" in text


SCHEDULE = HEADER.format("Learning-rate schedules") + (
    "## Step decay\n\n"
    "Multiply the rate by 0\\.1 every 30 epochs; a typical start is 0\\.1 for SGD and 1\\.0e-3 for Adam.\n\n"
    "## Inverse time decay\n\n"
    "The rate at step t is \\eta\\_t = \\eta\\_0 / (1 + k\\, t), so it halves once k t = 1.\n")
NOTES["Learning-rate schedules.md"] = SCHEDULE


def test_a_notesnook_note_is_not_read_as_a_google_doc(cards):
    """showdown escapes a number's dot (`0\\.1`) as Google Docs' export does, but a Notesnook note is read by its
    own escapes: the numbers read as written, and TeX's thin space `\\,` stays inside the formula."""
    text = _text(_made(cards, "Learning-rate schedules.md"))
    assert "by 0.1 every 30 epochs" in text and "0\\.1" not in text
    assert "$\\eta_t = \\eta_0 / (1 + k\\, t)$" in text
