"""A page of one-line definitions, "- **Term** — definition" eight or more times (a flash list, a glossary), is too
long to be one card; each definition is a card "page › Term" of its own (issue 23: a careful learner cards every
one; the list made no card at all). A question asked of a definition never cuts its formula in two ("What is
Youden's J — $J?"). Notes of my own, through the extract API with sections on."""

from __future__ import annotations

from mlwiki.extract import NoteContext, extract

TERMS = [("Warm start", "the optimiser begins from the weights of an earlier run instead of a random draw."),
         ("Early stopping", "training halts once the validation loss has not improved for a set number of epochs."),
         ("Label smoothing", "the one-hot target is mixed with the uniform distribution by a small weight $\\epsilon$."),
         ("Gradient clipping", "each gradient is rescaled when its norm exceeds a threshold, which tames spikes."),
         ("Weight decay", "a penalty $\\lambda \\lVert w \\rVert^2$ pulls every weight towards zero at each step."),
         ("Mixup", "two examples and their labels are blended with a weight drawn from a Beta distribution."),
         ("Cutout", "a random square of each input image is masked out so the net cannot lean on one region."),
         ("Stochastic depth", "whole residual blocks are skipped at random during training, kept at test time."),
         ("Balanced accuracy", "$BA = (TPR + TNR)/2$; the mean of the recall of each class, fair under imbalance.")]


def _cards(body: str) -> dict[str, str]:
    return {c.front: c.back for c in extract(body, NoteContext(path="tricks.md", sections=True)).cards}


def test_each_line_of_a_long_list_of_one_line_definitions_is_a_card():
    body = "# ⚡ Training tricks\n\none line each; the long versions live in the chapters.\n\n" + "".join(
        f"- **{term}** — {text}\n" for term, text in TERMS) + "\nTODO: dropout, batch norm\n"
    cards = _cards(body)
    for term, text in TERMS:
        back = cards.get(f"Training tricks › {term}", "")
        assert text.split(",")[0].split(";")[0] in back, (term, cards)
    assert not any(front.endswith("?") and front.count("$") % 2 for front in cards), cards


def test_a_short_list_of_short_definitions_stays_one_card():
    body = "# Tricks\n\n" + "".join(f"- **{term}** — {text.split(' ')[0]} {text.split(' ')[1]}\n"
                                    for term, text in TERMS[:3])
    assert list(_cards(body)) == ["Tricks"], _cards(body)
