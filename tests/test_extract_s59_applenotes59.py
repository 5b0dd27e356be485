"""Apple Notes imported by the Obsidian Importer, read as Apple Notes showed them (session 59): text whose font was
set (pasted from a web page) in the importer's `<span style="font-family:…;font-size:…pt;">` runs, its styled links,
a snippet in a fixed-width font, superscripts and subscripts as `<sup>`/`<sub>`, a numbered list counted anew after
a nested item, aligned paragraphs and the notes it leaves for an attachment it could not read. Every note is
written to one wiki in tmp_path, scanned once through the CLI (`cards --json`); each test reads its own note's
cards."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("applenotes59"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _made(cards: list[dict], rel: str) -> dict[str, str]:
    """{front: back} of the cards of the note `rel`."""
    return {c["front"]: c["back"] for c in cards if c["source"]["path"] == f"notes/{rel}"}


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


def _run(text: str, font: str = "Helvetica", size: int = 16) -> str:
    return f'<span style="font-family:{font};font-size:{size}pt;">{text}</span>'


PASTED = (
    "# Clip — dropout\n"
    "pasted from the PyTorch docs, for [[Regularisation]].\n\n"
    + _run("<b>Dropout</b>", size=26) + "\n"
    + _run("During training, dropout zeroes each element of the input with probability") + " "
    + _run("p", "Menlo-Regular", 14) + " " + _run("and scales the rest by 1/(1 − p).") + "\n"
    + _run("The module") + ' <a href="https://pytorch.org/docs/stable/generated/torch.nn.Dropout.html" rel="noopener" '
    'class="external-link" target="_blank" style="font-family:Menlo-Regular;font-size:14pt;">nn.Dropout</a> '
    + _run("does nothing in evaluation mode.") + "\n\n"
    + _run(">>> m = nn.Dropout(p=0.2)", "Menlo-Regular", 13) + "\n"
    + _run(">>> y = m(torch.randn(20, 16))", "Menlo-Regular", 13) + "\n\n"
    + _run("Dropout acts like an average over an ensemble of thinned networks that share their weights.") + "\n")
NOTES["Clippings/Clip — dropout.md"] = PASTED


def test_a_pasted_page_shows_its_text_without_the_importer_font_runs(cards):
    """Text pasted into Apple Notes keeps its font, and the importer wrote each run of it in a styled `<span>`: the
    cards show the words, a link as its text, and never the spans' styles or the link's attributes."""
    text = _text(_made(cards, "Clippings/Clip — dropout.md"))
    assert "dropout zeroes each element of the input" in text
    assert "<span" not in text and "font-family" not in text and "external-link" not in text
    assert "nn.Dropout" in text and "does nothing in evaluation mode" in text


def test_a_snippet_in_a_fixed_width_font_is_code_not_prose(cards):
    """A paragraph whose every line is in Menlo is the snippet it showed as: a code block, never a sentence of the
    card's prose (`>>> m = nn.Dropout(p=0.2)` is no statement to study)."""
    made = _made(cards, "Clippings/Clip — dropout.md")
    for front, back in made.items():
        for line in (front + "\n" + back).splitlines():
            assert not (">>> y = m(torch.randn(20, 16))" in line and "<span" in line)
    holding = [b for b in made.values() if "m = nn.Dropout(p=0.2)" in b]
    assert all("```" in b for b in holding)


POWERS = (
    "# Softmax temperature\n"
    "Lecture 5.\n\n"
    "## Definition\n"
    "softmax(z)_i = e<sup>z_i / T</sup> / Σ_j e<sup>z_j / T</sup>, so every weight is a power of e.\n"
    "A large T flattens the distribution towards uniform; T → 0 makes it one-hot at the largest logit.\n\n"
    "## Cost\n"
    "Attention over n tokens needs n<sup>2</sup> scores per head, and the score of token i for key j is s<sub>i,j</sub>.\n")
NOTES["Softmax temperature.md"] = POWERS


def test_a_power_and_an_index_read_as_text(cards):
    """The importer writes a superscript as `<sup>…</sup>` and a subscript as `<sub>…</sub>`: on a card they read
    as the power and index a learner writes, `n^2`, `e^(z_i / T)`, `s_(i,j)`, never as tags."""
    text = _text(_made(cards, "Softmax temperature.md"))
    assert "<sup>" not in text and "<sub>" not in text
    assert "n^2 scores per head" in text
    assert "e^(z_i / T)" in text and "s_(i,j)" in text


STEPS = (
    "# k-means\n"
    "Lecture 9.\n\n"
    "## Lloyd's algorithm\n"
    "1. Pick k initial centroids.\n"
    "2. Repeat until the assignments stop changing:\n"
    "\t- assign every point to its nearest centroid\n"
    "\t- move every centroid to the mean of its points\n"
    "1. Return the centroids and the assignments.\n")
NOTES["k-means.md"] = STEPS


def test_a_numbered_list_goes_on_counting_after_a_nested_item(cards):
    """Apple Notes numbers a list on, but the importer counts anew after a nested item (`1.` again): the third
    step is 3, as the note showed it, not a second step 1."""
    text = _text(_made(cards, "k-means.md"))
    assert "3. Return the centroids" in text
    assert "1. Return the centroids" not in text


ATTACHED = (
    "# Confusion matrix\n"
    "Week 3.\n\n"
    '<p style="text-align:center;margin:0">Precision = TP / (TP + FP) is the share of predicted positives that are '
    "right.\n"
    "</p>\n\n"
    "Recall = TP / (TP + FN) is the share of actual positives that are found. **(unknown attachment: "
    "com.apple.notes.gallery)**\n"
    "The F1 score is the harmonic mean of precision and recall. **(error reading attachment)**\n")
NOTES["Confusion matrix.md"] = ATTACHED


def test_an_aligned_paragraph_and_a_failed_attachment_leave_no_marks(cards):
    """A centred paragraph is written `<p style="text-align:center;margin:0">…</p>`, and an attachment the importer
    could not read leaves `**(unknown attachment: …)**`: the cards show the sentences and neither mark."""
    text = _text(_made(cards, "Confusion matrix.md"))
    assert "share of predicted positives" in text and "harmonic mean" in text
    assert "<p style" not in text and "</p>" not in text
    assert "unknown attachment" not in text and "error reading attachment" not in text


ESCAPED = (
    "# Attention\n"
    "Week 7.\n\n"
    "## Scaled dot product\n"
    "The scores are divided by √d_k so that the softmax does not saturate \\[Vaswani 2017\\].\n"
    "In PyTorch a padding mask is applied as scores\\[mask\\] = −inf before the softmax.\n\n"
    "| heads | dim per head |\n"
    "| -- | -- |\n"
    "| 8 | 64 |\n\n")
NOTES["Attention.md"] = ESCAPED


def test_the_importer_escapes_of_brackets_are_read(cards):
    """The importer escapes every square bracket (`\\\\[mask\\\\]`) so that Obsidian reads no link: in a note that
    shows it is an import (its `| -- |` table rule), a card shows the brackets Apple Notes showed, no backslash."""
    text = _text(_made(cards, "Attention.md"))
    assert "scores[mask] = −inf" in text and "[Vaswani 2017]" in text
    assert "\\[" not in text and "\\]" not in text
