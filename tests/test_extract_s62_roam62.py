"""Roam Research pages read as Roam shows them (session 62): a page holding a code block (whose later lines the
export writes from column 0) is still a Roam page, a widget such as `{{[[query]]: …}}` shows nothing, and a block
written beside a heading block that holds its own items belongs to the page, not to that heading. Every note is
written to one wiki in tmp_path, scanned once through the CLI (`cards --json`); each test reads its own note."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note, new_wiki, note_text, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("roam62"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


NOTES["Gradient Clipping.md"] = (
    "- Tags:: #optimization #[[training tricks]]\n"
    "- ## Clipping by norm\n"
    "    - rescale the whole gradient when its norm exceeds a threshold, keeping its direction\n"
    "    - {{[[TODO]]}} compare with clipping by value on the LSTM run\n"
    "    - ```python\n"
    "torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)\n"
    "optimizer.step()```\n"
    "- ## Why it helps\n"
    "    - exploding gradients in RNNs make one step jump far out of the basin\n")


def test_a_page_with_a_code_block_is_read_as_roam(cards):
    """The export writes a code block's later lines from the line's start: the page is still a Roam outline, so its
    to-do is the writer's task (no card, no `[[TODO]]` shown) and its attributes are the page's tags."""
    text = note_text(made_by_note(cards, "Gradient Clipping.md"))
    assert "TODO" not in text and "compare with clipping by value" not in text
    assert "Tags::" not in text and "training tricks" not in text
    assert "keeping its direction" in text


NOTES["Anchor Boxes.md"] = (
    "- Type:: [[Concept]]\n"
    "- ## Matching\n"
    "    - an anchor is positive when its IoU with a ground-truth box exceeds 0.7\n"
    "    - anchors between 0.3 and 0.7 are ignored in the loss\n"
    "- {{[[query]]: {and: [[anchors]] {not: [[DONE]]}}}}\n"
    "- {{[[video]]: https://www.youtube.com/watch?v=abc123}}\n")


def test_a_query_with_nested_clauses_shows_nothing(cards):
    """A `{{[[query]]: …}}` block shows the query's results in Roam, never its clauses; a video shows a player."""
    text = note_text(made_by_note(cards, "Anchor Boxes.md"))
    assert "query" not in text and "{and:" not in text and "youtube" not in text
    assert "ignored in the loss" in text


NOTES["Weight Decay.md"] = (
    "- ## Decoupled decay\n"
    "    - AdamW applies the decay to the weights ^^directly^^ instead of adding it to the gradient\n"
    "    - with Adam, L2 in the loss is rescaled by the adaptive step, so it is not weight decay\n"
    "- ## Why decoupling matters\n"
    "    - the adaptive step divides the L2 gradient by the second moment, so weights with large gradients are "
    "barely decayed\n"
    "- Discussed this with [[Priya]] after the reading group, she uses 0.05 for everything\n")


def test_a_block_beside_a_heading_block_is_not_in_its_section(cards):
    """A remark written beside `- ## Why decoupling matters` (whose reason is nested under it) is no part of that
    heading's section: the card asking why decoupling matters answers with the reason alone."""
    made = made_by_note(cards, "Weight Decay.md")
    asked = {front: back for front, back in made.items() if "Why decoupling matters" in front}
    assert any("barely decayed" in back for back in asked.values()), made
    for front, back in asked.items():
        assert "Priya" not in back and "Priya" not in front, (front, back)
