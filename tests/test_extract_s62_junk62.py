"""Junk a learner would not study, kept beside a note's theory (session 62): a section reporting the writer's own runs
(a numbered lab, an experiment or project log, "my runs"), a bold label that names a worked example read as a term
to define, and a section that lists what the writer reads or uses. Every note is written to one wiki in tmp_path,
scanned once through the CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note as _made, new_wiki, note_text, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("junk62"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


NOTES["dropout.md"] = (
    "# Dropout\n\n## The rule\n\n"
    "- at training time each unit is zeroed with probability $p$\n"
    "- surviving activations are scaled by $1/(1-p)$ so the expected input of the next layer is unchanged\n"
    "- at test time the full network is used, with no scaling\n\n"
    "### Lab 4: dropout on a small MLP\n\n"
    "Setup: MNIST, two hidden layers of 512, Adam 1e-3, 20 epochs.\n\n"
    "- without dropout the validation loss turns up after epoch 6 while the training loss keeps falling\n"
    "- with p = 0.5 the gap closed to about 0.02 and validation accuracy ended at 98.4 %\n"
    "- plotting the first layer's filters shows cleaner strokes with dropout\n")


def test_a_numbered_lab_section_is_on_no_card(cards):
    """A section headed 'Lab 4: …' reports the writer's own run (its validation curve, 98.4 %, the filters it
    plotted): none of it is carded; the rule above it keeps its cards."""
    text = note_text(_made(cards, "dropout.md"))
    assert "98.4" not in text and "filters" not in text and "epoch 6" not in text
    assert "expected input of the next layer is unchanged" in text


NOTES["schedules.md"] = (
    "# Learning-rate schedules\n\n## Warmup\n\n"
    "Warmup ramps the learning rate up over the first steps, because Adam's second-moment estimate is unreliable "
    "while it has seen few gradients.\n\n"
    "## Cosine decay\n\n"
    "Cosine decay lowers the rate along half a cosine from its peak to near zero at the end of training.\n\n"
    "## Experiment log: ResNet-20 on CIFAR-10\n\n"
    "- 14 Mar: step decay at epochs 30/60 → test acc 91.2\n"
    "- 15 Mar: cosine, no warmup → 92.0\n"
    "- 16 Mar: cosine + 5 epochs warmup → 92.6, and the loss spike in epoch 1 is gone\n\n"
    "## My runs (same recipe, three seeds)\n\n"
    "Cosine beat step decay on all three seeds, by 0.4 to 0.9 points.\n")


def test_an_experiment_log_and_my_runs_are_on_no_card(cards):
    """'## Experiment log: …' and '## My runs (…)' hold the writer's own results (test accuracies, seeds): not
    carded; the schedules themselves are."""
    text = note_text(_made(cards, "schedules.md"))
    assert "92.6" not in text and "91.2" not in text and "three seeds" not in text
    assert "half a cosine" in text and "second-moment estimate" in text


NOTES["quantile-loss.md"] = (
    "# Quantile loss\n\n## Definition\n\n"
    "The pinball loss of a quantile-$q$ forecast charges $q$ per unit when the actual is above the forecast and "
    "$1 - q$ per unit when it is below, so its minimiser is the $q$-quantile of the outcome.\n\n"
    "**Worked example**: q = 0.8, forecast = 50\n"
    "- actual 40: (1 − 0.8)(50 − 40) = 2\n"
    "- actual 60: 0.8·(60 − 50) = 8\n\n"
    "**Calibration**: a q-quantile forecast is calibrated when about a fraction q of the actuals fall below it.\n")


def test_a_bold_worked_example_label_is_no_term(cards):
    """'**Worked example**: q = 0.8, …' is shaped as a definition but names one case worked through: no 'Define:
    Worked example' card; the bold term beside it ('Calibration') keeps its definition card."""
    made = _made(cards, "quantile-loss.md")
    assert not any("Define: Worked example" in front for front in made)
    assert not any("(60 − 50) = 8" in back for back in made.values())
    assert any("Define: Calibration" in front for front in made)


NOTES["gnn-hub.md"] = (
    "# Graph neural networks\n\n## The idea\n\n"
    "A graph neural network updates each node's vector from its neighbours' vectors, the same function at every "
    "node, so it works on graphs of any size.\n\n"
    "## Resources I actually used\n\n"
    "- Hamilton, *Graph Representation Learning* — ch. 5 and 7, the clearest account of message passing\n"
    "- [Distill: A Gentle Introduction to GNNs](https://distill.pub/2021/gnn-intro/) — the interactive figures\n"
    "- Stanford CS224W lectures 6–8 on YouTube\n"
    "- the PyG docs, for the `MessagePassing` base class\n")


def test_a_resources_section_is_on_no_card(cards):
    """A section headed 'Resources I actually used' lists works and links: no card asks an item of it; the note's
    idea keeps its card."""
    text = note_text(_made(cards, "gnn-hub.md"))
    assert "CS224W" not in text and "Hamilton" not in text and "PyG docs" not in text
    assert "same function at every node" in text
