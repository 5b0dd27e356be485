"""Notes exported by Heptabase (and other block editors) read as they show (issue 23, session 58): a list written
with a blank line after every item is one list, a folded toggle (`+ Title`, its text indented under it) that holds
a worked example is left out and one that holds steps is a card of its name, a mention of a card whose file name has
a parenthesis shows its title, a whiteboard's text element is its text; a map of content that says things of its
own is read as a note; a formula's constants after a quad and a second term defined in one item are cards too. Every
note is written to one wiki in tmp_path, scanned once through the CLI (`cards --json`); each test reads the cards of
its own note."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("heptabase58"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _made(cards: list[dict], rel: str) -> dict[str, str]:
    """{front: back} of the cards of the note `rel`."""
    return {c["front"]: c["back"] for c in cards if c["source"]["path"] == f"notes/{rel}"}


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


PIPELINE = (
    "---\ntags:\n  - recsys\n---\n# Retrieval Pipeline\n\n"
    "## Pipeline (serving time)\n\n"
    "1. **Candidates:** ~1,000 items per request from **ScaNN** (tree-quantized nearest-neighbour search over item "
    "vectors; no exact scoring).\n\n"
    "2. **Lookup** each candidate's features (with a 20 ms budget) from the online feature store.\n\n"
    "3. **Score** each candidate with the heavy ranker (a gradient-boosted ensemble) → one relevance score per item.\n\n"
    "4. **Per-surface calibration** maps the raw scores to click probabilities.\n\n"
    "5. **Deduplicate** near-identical items ([Diversity (MMR).md](./Diversity%20\\(MMR\\).md)).\n\n"
    "6. **Re-rank** the top 50 for freshness and business rules → this is where most product logic lives. Gave ~3% "
    "more clicks (2.1 → 2.16 CTR in the A/B test).\n\n"
    "+ ScaNN in 4 lines (from my reading notes, 2024-05-02)\n\n"
    "   Partition the item vectors into clusters (k-means over the catalogue).\n\n"
    "   Quantize the residual of each vector with anisotropic product quantization.\n\n"
    "   Search only the clusters nearest to the query, then re-score the shortlist exactly.\n\n"
    "   ~1k candidates/request, ~95% recall at 10 on the benchmark, but a rebuild of several minutes per day.\n\n"
    "## Output encoding\n\n"
    "- The query tower maps the user's recent history to a 128-d vector.\n\n"
    "- **The item whose embedding is nearest to the query vector is the first candidate.** (The retrieval rule.)\n\n"
    "- Each item is stored with its vector and a timestamp:\n\n"
    "   - the vector is refreshed nightly\n\n"
    "   - the timestamp decides eviction\n\n"
    "- Scores are dot products between the two towers' outputs.\n\n"
    "At serving time the score of a pair is:\n\n"
    "$$\ns(u, i) = \\langle f(u), g(i) \\rangle\n$$\n\n"
    "then the top-k are taken from the index.\n")
NOTES["Card Library/Retrieval Pipeline.md"] = PIPELINE


def test_a_loose_numbered_list_keeps_every_step_on_a_card(cards):
    """A block editor writes a blank line after each step: the steps are one list, each of them on a card (before,
    with a term defined in step 1 and a toggle after the list, only that term was a card: the steps were on none)."""
    made = _text(_made(cards, "Card Library/Retrieval Pipeline.md"))
    assert "**Lookup** each candidate's features (with a 20 ms budget)" in made
    assert "**Re-rank** the top 50 for freshness and business rules" in made


def test_a_loose_list_with_nested_items_is_the_sections_card(cards):
    """Loose items, one with loose items nested under it, are the section's list, the writer's rule among them
    (before, no card held any of them: only the formula after them was a card)."""
    back = _made(cards, "Card Library/Retrieval Pipeline.md")["Retrieval Pipeline › Output encoding"]
    assert "The item whose embedding is nearest to the query vector is the first candidate." in back
    assert "the timestamp decides eviction" in back


TOGGLES = (
    "# Label Smoothing\n\n"
    "Label smoothing replaces the one-hot target by a mixture of the one-hot vector and the uniform distribution.\n\n"
    "## Effect on the logits\n\n"
    "The smoothed target keeps the correct logit from growing without bound, which calibrates the model.\n\n"
    "+ Worked example: smoothing three classes (did this by hand)\n\n"
    "   With $\\epsilon = 0.3$ the target becomes 0.8, 0.1, 0.1.\n\n"
    "   The cross-entropy of a prediction 0.7, 0.2, 0.1 is then about 0.92.\n\n"
    "+ Quick check of the bound\n\n"
    "   For $\\epsilon = 0.1$ and ten classes the gap between logits is about 6.1 nats.\n\n"
    "+ Implementation in two steps (from the lecture, week 3)\n\n"
    "   1. Build the one-hot target.\n\n"
    "   2. Mix it with the uniform vector by the factor epsilon.\n\n"
    "   Both steps run on the fly, so no smoothed labels are stored.\n")
NOTES["Card Library/Label Smoothing.md"] = TOGGLES


def test_a_folded_worked_example_makes_no_card(cards):
    """`+ Worked example: …` and `+ Quick check …` fold the writer's arithmetic away: none of it is a card (before,
    its values were asked as facts)."""
    made = _text(_made(cards, "Card Library/Label Smoothing.md"))
    assert "0.92" not in made and "0.8, 0.1, 0.1" not in made and "6.1 nats" not in made


def test_a_folded_toggle_is_a_card_of_its_name(cards):
    """A toggle named "Implementation in two steps (from the lecture, week 3)", its steps and a remark indented under
    it: a card of its name (the aside in brackets left off), its text unindented."""
    made = _made(cards, "Card Library/Label Smoothing.md")
    back = made["Label Smoothing › Effect on the logits › Implementation in two steps"]
    assert back.startswith("1. Build the one-hot target.\n2. Mix it with the uniform vector")


MENTIONS = (
    "# Dropout\n\n"
    "Dropout zeroes each activation with probability $p$ during training; see "
    "[Regularization (overview).md](./Regularization%20\\(overview\\).md) for the others.\n\n"
    "## Scaling\n\n"
    "Inverted dropout scales the kept activations by $1/(1-p)$ at training time, so inference needs no change.\n")
NOTES["Card Library/Dropout.md"] = MENTIONS


def test_a_mention_with_a_parenthesis_shows_its_title(cards):
    """Heptabase escapes a parenthesis of the file name in the link's target: the mention shows the card's title
    and its link ends where it ends (before, the file name and the escaped target showed)."""
    made = _text(_made(cards, "Card Library/Dropout.md"))
    assert "[Regularization (overview)](./Regularization%20%28overview%29.md)" in made
    assert ".md]" not in made and "\\(" not in made


WHITEBOARD = (
    "# Sequence Models\n\n"
    "## Recurrent\n\n"
    "[LSTM.md](../Card%20Library/LSTM.md)\n\n"
    "Text element: **Gating** lets an LSTM keep a memory cell whose gradient does not vanish over long spans.\n")
NOTES["Whiteboard/Sequence Models.md"] = WHITEBOARD


def test_a_whiteboard_text_element_is_its_text(cards):
    """A whiteboard's text box, exported as `Text element: …`: its text, without the export's name for it."""
    made = _text(_made(cards, "Whiteboard/Sequence Models.md"))
    assert "lets an LSTM keep a memory cell" in made and "Text element" not in made


HUB = (
    "# Optimization — Map of Content\n\n"
    "Hub card for everything optimization; the reading list below is in the order I used.\n\n"
    "## Reading order\n\n"
    "1. [SGD.md](./SGD.md) — the baseline\n\n"
    "2. [Adam.md](./Adam.md) — adaptive moments\n\n"
    "## What every optimizer shares\n\n"
    "Every first-order optimizer only sees the gradient at the current point, never the curvature directly.\n\n"
    "- **Step size** is the one hyperparameter no optimizer removes, only rescales.\n\n"
    "- **Noise** from mini-batches acts as a regularizer and helps to escape sharp minima.\n\n"
    "- **Warm-up** keeps the early adaptive steps small while the moment estimates are still biased.\n")
NOTES["Card Library/Optimization — Map of Content.md"] = HUB
LINKS_HUB = (
    "# Vision MOC\n\n"
    "- [[CNN basics]]\n- [[ResNet]] and its variants\n- [[Vision transformers]]\n\n"
    "## Detection\n\n- [[Faster R-CNN]]\n- [[YOLO]]\n")
NOTES["Vision MOC.md"] = LINKS_HUB


def test_a_map_of_content_that_states_things_is_read_as_a_note(cards):
    """A hub card whose sections say things of their own: those are cards (before, a map of content made none);
    the line saying what the hub is makes none, nor does a map of content that only lists notes."""
    made = _made(cards, "Card Library/Optimization — Map of Content.md")
    assert any("never the curvature directly" in back for back in made.values())
    assert "Hub card" not in _text(made)
    assert _made(cards, "Vision MOC.md") == {}  # (a map of content that only lists notes: a page to find them by)


SETTINGS = (
    "# Learning-rate Schedules\n\n"
    "## Cosine annealing\n\n"
    "The learning rate at step $t$ of $T$ follows half a cosine from its maximum to its minimum:\n\n"
    "$$\n\\eta_t = \\eta_{min} + \\tfrac12(\\eta_{max} - \\eta_{min})(1 + \\cos(\\pi t / T)),\\qquad "
    "\\eta_{min} = 0.001,\\ \\eta_{max} = 0.1\n$$\n")
NOTES["Card Library/Learning-rate Schedules.md"] = SETTINGS


def test_a_law_with_its_constants_after_a_quad_is_a_formula_card(cards):
    """The schedule, then the values of two of its constants after `\\qquad`: the law with its settings, not a
    worked example (before, the second constant made it read as arithmetic and no card was made)."""
    made = _made(cards, "Card Library/Learning-rate Schedules.md")
    assert any("\\cos(\\pi t / T)" in back for back in made.values())


PAIRS = (
    "# Evaluation\n\n"
    "## Glossary\n\n"
    "- Precision at k: the fraction of the top k results that are relevant to the query.\n"
    "- Recall at k: the fraction of all relevant items that appear among the top k results.\n"
    "- Pointwise ranking: each item is scored alone against its label. Pairwise ranking: the loss compares two "
    "items and asks which is more relevant.\n"
    "- Cold start: a new user or item has no history, so collaborative signals are missing entirely.\n")
NOTES["Card Library/Evaluation.md"] = PAIRS


def test_an_item_that_defines_two_terms_makes_a_card_of_each(cards):
    """"- Pointwise ranking: …. Pairwise ranking: …": the second term is a card too (before, it was on no card)."""
    made = _made(cards, "Card Library/Evaluation.md")
    assert made["Evaluation › Glossary › Pointwise ranking"] == "each item is scored alone against its label."
    assert made["Evaluation › Glossary › Pairwise ranking"].startswith("the loss compares two items")


HEADS = (
    "# Two-tower Models\n\n"
    "## Serving heads\n\n"
    "- **Dot-product head** (the default): score = inner product of the two tower outputs, so item vectors can be "
    "indexed ahead of time.\n"
    "- **MLP head**: concatenate both towers and score with a small network; more expressive but every pair needs a "
    "forward pass.\n"
    "- Inference: embed all items offline, then score only the top 500 neighbours of the query vector with the heavy "
    "head.\n"
    "- Training: sampled softmax over in-batch negatives, with a log-frequency correction so popular items are not "
    "over-penalised.\n")
NOTES["Card Library/Two-tower Models.md"] = HEADS


def test_labelled_items_left_beside_definitions_are_cards_of_their_labels(cards):
    """Once the bold terms are cards, "- Inference: …" and "- Training: …" are left: each is asked by its label (before,
    one card of the heading asked both at once)."""
    made = _made(cards, "Card Library/Two-tower Models.md")
    assert made["Two-tower Models › Serving heads › Training"].startswith("sampled softmax over in-batch negatives")
    assert not any(back.startswith("- Inference:") for back in made.values())
    assert any(back.startswith("Inference: embed all items offline") for back in made.values())
