"""Anytype objects exported as Markdown read as Anytype shows them (session 59): the exporter's escape of an
underscore inside a word, and its blocks that are no text (pictures, files, links to other objects, bookmarks)
written as a link alone on a line. Every note is written to one wiki in tmp_path, scanned once through the CLI
(`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)
# the exporter's front matter: the object's type, its properties and its id
_FRONT = ("---\n# yaml-language-server: $schema=schemas/page.schema.json\nObject type: Page\nTag:\n    - ml\n"
          "Creation date: \"2026-02-01T10:00:00Z\"\nid: bafyreiexample{n}\n---\n")


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("anytype59"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _made(cards: list[dict], rel: str) -> dict[str, str]:
    """{front: back} of the cards of the note `rel`."""
    return {c["front"]: c["back"] for c in cards if c["source"]["path"] == f"notes/{rel}"}


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


NOTES["word-embeddings.md"] = _FRONT.format(n=1) + (
    "# Word embeddings   \n"
    "Notes from the NLP lecture, week 3.   \n"
    "## Training tricks   \n"
    "- W\\_in and W\\_out are two matrices: W\\_in holds the centre-word vectors, W\\_out the context vectors   \n"
    "- negative sampling draws k noise words from the unigram distribution raised to 3/4, P\\_n(w) ∝ U(w)^{3/4}   \n"
    "- the loss is `log\\_sigmoid` of the true pair plus the k noise pairs   \n"
    "   \n"
    "## Evaluation   \n"
    "Analogy accuracy on the Google set is the usual intrinsic test.   \n"
    "Similarity benchmarks (SimLex, WordSim) correlate human ratings with cosine similarity.   \n")


def test_anytype_word_underscores_read_as_typed(cards):
    """Anytype escapes every `_` of a block's text; inside a word Markdown would never read `_` as emphasis, so the
    exporter's `\\_` there is the `_` the writer typed: a subject taken from the words reads "W_in and W_out" (it read
    "W\\in and W\\out"), and a code span shows `log_sigmoid`, not a backslash."""
    made = _made(cards, "word-embeddings.md")
    text = _text(made)
    assert "W\\in" not in text and "W\\out" not in text and "\\_" not in text
    assert any("W_in and W_out" in f for f in made)
    assert any("P_n(w)" in b for b in made.values())
    assert any("`log_sigmoid`" in b for b in made.values())


NOTES["dropout.md"] = _FRONT.format(n=2) + (
    "# Dropout   \n"
    "Course page for the regularisation week, after the embeddings week.   \n"
    "[Word embeddings](word-embeddings.md)    \n"
    "## Train and test time   \n"
    "Dropout zeroes each unit with probability p during training and scales the survivors by 1/(1 − p).   \n"
    "At test time every unit is kept and no scaling is needed, because training already rescaled.   \n"
    "![dropout-masks](files/dropout-masks.png)    \n"
    "(screenshot: three sampled masks on the MLP from the lab.   \n"
    "Grey units are dropped.)   \n"
    "## Why it regularises   \n"
    "It trains an ensemble of thinned networks that share weights, and units cannot co-adapt.   \n"
    "[Srivastava et al. 2014](https://jmlr.org/papers/v15/srivastava14a.html)    \n")


def test_anytype_picture_and_link_blocks_are_no_text(cards):
    """A picture, file, object-link or bookmark block is written as its link alone on a line ending in four spaces;
    Anytype shows it as a block of its own, so it joins no paragraph: no card's back ends in a link to another
    object, and a picture's caption written in the blocks under it (`(screenshot: …` to its closing bracket) is on
    no card, as a one-line caption under a picture is not."""
    made = _made(cards, "dropout.md")
    text = _text(made)
    assert "files/dropout-masks.png" not in text and "dropout-masks" not in text
    assert "word-embeddings.md" not in text and "jmlr.org" not in text
    assert "screenshot" not in text and "Grey units" not in text
    assert any("scales the survivors by 1/(1 − p)" in b for b in made.values())
    assert any("units cannot co-adapt" in b for b in made.values())
