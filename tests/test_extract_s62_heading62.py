"""Fronts that are a heading path ending on a writer's label, not a subject (session 62, after session 61's
"Key fact" / "Bug I had" / "… too"): a tool's gotcha, a "Main fact", a list item's "in code" cut from its sentence.
Such a label says what kind of remark follows or where it sits, not what is asked: the card asks the label's kind of
the subject above it, or shows the label with its sentence's cue and hides the rest. Labels that are names stay
fronts: an option under a "Which …" heading, an option ending on "first". Every note is written to one wiki in
tmp_path, scanned once through the CLI (`cards --json`); each test reads its own note's cards."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note, new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("heading62"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


NOTES["dropout.md"] = (
    "# Dropout\n\n## At test time\n\n"
    "Dropout is switched off at test time and the weights are used as they are.\n\n"
    "- Inverted dropout: the kept activations are scaled by $1/(1-p)$ during training, so nothing changes at test "
    "time.\n"
    "- in code, forgetting `model.eval()` leaves dropout on while evaluating and makes every accuracy noisy.\n"
    "- Batch norm too: it keeps using the batch statistics until `model.eval()` switches it to the running "
    "averages.\n\n"
    "## Saving a model\n\n`torch.save(model.state_dict(), path)` stores the weights only, not the class.\n\n"
    "### PyTorch gotcha\n\n"
    "A state dict saved from a `DataParallel` model has every key prefixed with `module.`, so loading it into a "
    "plain model fails with missing keys.\n")

NOTES["boosting.md"] = (
    "# Gradient boosting\n\n## Shrinkage\n\nEach new tree is added with a learning rate $\\nu$ below one.\n\n"
    "**Main fact**: a smaller learning rate needs more trees but almost always generalises better for the same "
    "training loss.\n\n"
    "## Which trees to keep\n\n"
    "- **newest first**: the later trees fit the smallest residuals and matter least when the budget is tight.\n"
    "- **largest gain first**: keeps the trees that cut the loss most, at the cost of sorting them by gain.\n")


def test_a_tools_gotcha_is_asked_as_the_catch_of_its_subject(cards):
    """"### PyTorch gotcha" under "Saving a model" names a kind of remark, not a subject: asked as the catch with
    saving a model, the gotcha its answer."""
    made = made_by_note(cards, "dropout.md")
    fronts = [front for front, back in made.items() if back.startswith("A state dict saved from")]
    assert len(fronts) == 1 and fronts[0].endswith("\n\nWhat is the catch with saving a model?"), made


def test_a_main_fact_label_is_asked_as_the_key_fact_not_defined(cards):
    """"**Main fact**: …" is no term: the card asks the key fact about shrinkage, never "Define: Main fact"."""
    made = made_by_note(cards, "boosting.md")
    assert not any("Define: Main fact" in front for front in made), made
    fronts = [front for front, back in made.items() if back.startswith("a smaller learning rate")]
    assert len(fronts) == 1 and fronts[0].startswith("Gradient boosting › Shrinkage\n\nWhat is the key fact about")


def test_a_label_cut_from_its_sentence_leads_its_cue_and_names_stay_fronts(cards):
    """An item's "in code" and "Batch norm too" say where the remark sits and that it adds to the one before: each
    card shows its label with its sentence's first words under the section's heading, the rest hidden. An option
    under "Which trees to keep" ending on "first" is a name: it stays the term of its card."""
    made = made_by_note(cards, "dropout.md")
    assert not any(front.endswith(("› in code", "› Batch norm too")) for front in made), made
    code = [front for front, back in made.items() if "leaves dropout on" in back]
    assert len(code) == 1 and code[0].startswith("Dropout › At test time\n\nin code, forgetting `model.eval()`")
    assert code[0].endswith("[...]") and "accuracy noisy" not in code[0]
    norm = [front for front, back in made.items() if "running averages" in back]
    assert len(norm) == 1 and norm[0].startswith("Dropout › At test time\n\nBatch norm too: it keeps")
    boosting = "\n".join(made_by_note(cards, "boosting.md"))
    assert "newest first" in boosting and "largest gain first" in boosting
