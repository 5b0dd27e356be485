"""Bear notes as Bear exports them (session 61): the title as the first H1, tags inline (`#nested/tags`, `#tags of
several words#`, a line of tags at the note's bottom), files embedded from the folder named after the note with
Bear's display settings, and a study log kept in one note with dated entries (Bear has no daily notes). Every note
is written to one wiki in tmp_path, scanned once through the CLI (`cards --json`); each test reads the cards of its
own note."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note as _made, note_text as _text, new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("bear61"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


NOTES["Batch normalisation.md"] = (
    "# Batch normalisation\n#dl/normalisation #deep learning#\n\n"
    "## At test time\n"
    "The running averages of the mean and variance replace the batch statistics. #exam #to review#\n\n"
    "## Why it helps\n"
    "It lets the network train with a larger learning rate, because the scale of each layer's inputs stays fixed.\n\n"
    "- [ ] read the 2018 paper on why it really works\n\n"
    "#dl/normalisation #to review#\n")


def test_a_tag_of_several_words_is_no_word_of_the_card(cards):
    """`#to review#` is one tag in Bear, a chip as `#exam` is: no "review#" left at the end of the answer."""
    made = _made(cards, "Batch normalisation.md")
    back = next(b for f, b in made.items() if "At test time" in f)
    assert back == "The running averages of the mean and variance replace the batch statistics."


def test_the_closing_tags_line_is_not_on_the_last_card(cards):
    """The tags Bear's writers put at the bottom of a note are the note's tags, not more of its last section."""
    made = _made(cards, "Batch normalisation.md")
    back = next(b for f, b in made.items() if "Why it helps" in f)
    assert back.startswith("It lets the network train with a larger learning rate")
    assert "#" not in _text(made) and "review" not in _text(made)


NOTES["Gradient clipping.md"] = (
    "# Gradient clipping\n\n"
    "[clipping-lecture.pdf](Gradient%20clipping/clipping-lecture.pdf)"
    "<!-- {\"width\":255,\"preview\":\"true\",\"embed\":\"true\"} -->\n\n"
    "## Clipping by norm\n"
    "When the gradient's norm exceeds a threshold, the whole gradient is rescaled to that norm, so its direction is "
    "kept.\n\n"
    "![](Gradient%20clipping/norm-vs-value.png)<!-- {\"width\":420} -->\n"
    "[exploding.ipynb](Gradient%20clipping/exploding.ipynb)<!-- {\"embed\":\"true\"} -->\n\n"
    "## Clipping by value\n"
    "Each component is clipped to a range on its own, which can change the gradient's direction.\n")


def test_a_file_embedded_in_the_note_makes_no_card_of_its_name(cards):
    """A PDF or notebook Bear shows as a file preview is no text: no card "Gradient clipping" → "clipping-lecture.pdf",
    and no file name on the card of the section it sits in."""
    made = _made(cards, "Gradient clipping.md")
    text = _text(made)
    assert "clipping-lecture" not in text and "exploding.ipynb" not in text and '"embed"' not in text
    assert any("direction is kept" in b for b in made.values())
    assert any("change the gradient's direction" in b for b in made.values())


NOTES["ML reading log.md"] = (
    "# ML reading log\n#journal\n\n"
    "## 2026-04-07\n"
    "Paper club on efficient attention.\n"
    "- **FlashAttention**: exact attention computed in tiles that fit in on-chip memory, so the full score matrix "
    "is never written out.\n"
    "- **Linformer**: projects the keys and values to a fixed length, which makes attention linear in the "
    "sequence length.\n\n"
    "## 2026-04-09\n"
    "**Baseline**: a 6-layer model, lr 3e-4, 20 epochs on the small corpus.\n\n"
    "Validation loss went flat after epoch 12.\n")


def test_a_term_a_dated_entry_defines_keeps_its_card_without_the_date(cards):
    """A study log in one note: what the day's reading defined is a fact to recall, asked under the log's title, not
    under the day's date; the day's own set-up ("**Baseline**: … lr 3e-4, 20 epochs") stays off the cards."""
    made = _made(cards, "ML reading log.md")
    assert made.get("ML reading log\n\nDefine: FlashAttention", "").startswith("exact attention computed in tiles")
    assert made.get("ML reading log\n\nDefine: Linformer", "").startswith("projects the keys and values")
    assert not [f for f in made if "2026-04" in f] and "20 epochs" not in _text(made)
