"""The writers' own furniture is no card, and no fact is cut by taking it off (session 52): a status note on how
finished a page is, a log's rule for its entries, a to-do that is the writer's own drill, the premise of a question
left for office hours, and a Dataview field the sentence reads through. Notes written to tmp_path, read through
the CLI."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run
from conftest import DEFAULT_CONFIG
from shared_notes import Scanned, SharedNotes


def cards_of(tmp_path, notes: dict[str, str]) -> list[dict]:
    root = new_wiki(tmp_path, notes)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def text_of(made: list[dict]) -> str:
    return "\n".join(c["front"] + "\n" + c["back"] for c in made)


def test_a_status_note_on_the_page_is_no_card(tmp_path):
    notes = {
        "pooling.md": "# Pooling\n\n> only half-written on the train, finish after the exam\n\n## Max pooling\n\n"
                      "Max pooling keeps the largest activation of each window, which makes the map a little "
                      "invariant to small shifts.\n",
        "norms.md": "# Norms\n\n**WIP** — seminar ran long, tidying up later.\n\n## Frobenius\n\n"
                    "The Frobenius norm of a matrix is the square root of the sum of its squared entries.\n",
        "bn.md": "# Normalisation\n\nRough, not tidied up.\n\n## Batch norm\n\n"
                 "Batch norm keeps a running mean of each channel for use at test time.\n",
    }
    text = text_of(cards_of(tmp_path, notes))
    assert "finish after" not in text and "tidying up" not in text and "not tidied" not in text, text
    assert "largest activation" in text and "Frobenius norm" in text and "running mean" in text, text


NOTES = SharedNotes(DEFAULT_CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


INPUTS = NOTES.add({
    "inputs.md": (
        "# Inputs\n\n## Pixels\n\nRaw pixels, not edges, feed the first layer of a convolutional net, which "
        "learns its own edge detectors.\n")
})


def test_a_word_of_state_that_plans_nothing_stays(shared):
    assert "learns its own edge detectors" in text_of(shared.cards(INPUTS))


DIARY = NOTES.add({
    "diary.md": (
        "# Study diary\n\nOne line per session, with the time spent so the weekly sum is right.\n\n## Tuesday\n\n"
        "- Dropout is switched off at evaluation time, so outputs are deterministic.\n")
})


def test_a_logs_rule_for_its_entries_is_no_card(shared):
    text = text_of(shared.cards(DIARY))
    assert "One line per session" not in text and "weekly sum" not in text, text
    assert "switched off at evaluation" in text, text


MEAN_SHIFT = NOTES.add({
    "Mean shift.md": (
        "# Mean shift\n\nEach point climbs the kernel density estimate to a mode. It needs one setting: "
        "[bandwidth:: the kernel width] and nothing else. [source:: some lecture]\n\n"
        "The method suits blobs of any number. Logged as `[tried:: yes]` in the lab sheet.\n")
})


def test_a_field_the_sentence_reads_through_shows_its_value(shared):
    text = text_of(shared.cards(MEAN_SHIFT))
    assert "one setting: the kernel width and nothing else" in text, text
    assert "some lecture" not in text and "setting: and" not in text, text


MIXTURES = NOTES.add({
    "mixtures.md": (
        "# Mixture fitting\n\nFitting a mixture alternates soft assignments and weighted refits until the "
        "likelihood levels off.\n\n## In practice\n"
        "- Progress can **stall** when two components sit on top of each other; the first rounds do most of it.\n"
        "- Start from a few random restarts and keep the run with the best likelihood.\n"
        "- Keep the responsibilities in log space (`logaddexp`), else small densities round to zero.\n"
        "- Relatives: hard assignment, online updates, a restricted family for the posterior.\n\n"
        "%% worth a second look before the quiz %%\n"
        "- [ ] derive the weight update myself using a multiplier for $\\sum_k w_k = 1$ (got it wrong once)\n")
})


def test_a_task_to_redo_a_derivation_myself_is_no_fact(shared):
    text = text_of(shared.cards(MIXTURES))
    assert "random restarts" in text, text
    assert "myself" not in text and "got it wrong" not in text and "multiplier" not in text, text


ATTENTION = NOTES.add({
    "attention.md": (
        "# Attention\n\n## Scaling\n\nDividing the scores by the square root of the key size keeps the softmax "
        "out of its flat region.\n\n## Open questions\n\n- The scaling assumes unit-variance keys, but trained "
        "keys drift. Does the factor still matter late in training? Maybe not — ask at the tutorial.\n")
})


def test_an_open_question_left_for_office_hours_is_no_card(shared):
    text = text_of(shared.cards(ATTENTION))
    assert "flat region" in text, text
    assert "drift" not in text and "tutorial" not in text, text


MIXTURES_2 = NOTES.add({
    "mixtures.md": (
        "# Mixture fitting\n\nFitting a mixture alternates soft assignments and weighted refits until the "
        "likelihood levels off.\n\n## In practice\n"
        "- Progress can **stall** when two components overlap; the first rounds do most of the work.\n"
        "- Seed with k-means centres + per-cluster spreads; or a few random restarts.\n"
        "- Keep the responsibilities in log space (`logaddexp`), else small densities round to zero.\n"
        "- Relatives: hard assignment, online updates, a restricted family for the posterior.\n")
})


def test_a_hyphenated_name_is_no_verb_that_ends_a_topic(shared):
    fronts = [c["front"] for c in shared.cards(MIXTURES_2)]
    assert not any(f.endswith(" with k") or f.endswith(" k") for f in fronts), fronts


REG = NOTES.add({
    "reg.md": (
        "# Regularisers\n\nA regulariser adds a penalty or noise that keeps a network from fitting noise.\n\n"
        "## Catalogue\n\n| method | what | pitfall |\n|---|---|---|\n"
        "| dropout | zero random units while training | scale the kept units, or test outputs shrink |\n"
        "| weight decay | shrink every weight a little each step | interacts with adaptive optimisers |\n"
        "| label smoothing | soften the one-hot targets | see below |\n")
})


def test_a_table_cell_that_points_down_the_page_is_no_answer(shared):
    made = shared.cards(REG)
    text = text_of(made)
    assert "see below" not in text, text
    assert "soften the one-hot targets" in text and "adaptive optimisers" in text, text


RIDGE = NOTES.add({
    "ridge.md": (
        "# Ridge\n\nRidge regression adds a squared-norm penalty to least squares.\n\n## Closed form\n\n"
        "Setting the gradient to zero: $X^\\top(y - Xw) = \\lambda w$.\nRearranging,\n"
        "$$\nw = (X^\\top X + \\lambda I)^{-1} X^\\top y,\n$$\nwhich always exists for a positive penalty.\n")
})


def test_a_reworking_shows_the_step_it_reworks(shared):
    made = shared.cards(RIDGE)
    card = next(c for c in made if "(X^\\top X + \\lambda I)^{-1}" in c["back"])
    assert "X^\\top(y - Xw) = \\lambda w" in card["front"] and card["front"].rstrip().endswith("Rearranging,"), card


STUDY_LOG = NOTES.add({
    "log/study-log.md": (
        "# Study log\n\nShort entries, for seeing where the term went.\n\n### week 3\n\n"
        "- Flower set: frozen backbone 64%, last block unfrozen 79%, + mixup 81%.\n"
        "- Lesson: `model.eval()` switches dropout and batch norm to inference behaviour; it does not stop "
        "gradients being recorded.\n")
})


def test_a_logs_line_of_the_writers_scores_is_no_card(shared):
    text = text_of(shared.cards(STUDY_LOG))
    assert "79%" not in text, text
    assert "inference behaviour" in text, text


INDEX = NOTES.add({
    "index.md": (
        "# Optimisers\n\nMy notes for the optimisation course.\n\n## How I use this\n\n"
        "Go to the lecture, then rewrite each derivation from memory and compare it with the paper.\n\n## Momentum\n\n"
        "Momentum averages past gradients, which damps oscillation across a narrow valley.\n")
})


def test_how_the_writer_uses_the_notes_is_no_card(shared):
    text = text_of(shared.cards(INDEX))
    assert "from memory" not in text, text
    assert "damps oscillation" in text, text


DIARY_2 = NOTES.add({
    "diary.md": (
        "# Lab diary\n\nKept loosely, one section a fortnight.\n\n## Autumn\n\n"
        "- Learned the hard way: `torch.manual_seed` alone does not make cuDNN convolutions deterministic.\n"
        "- Gradient clipping by norm keeps the direction of the update and only shortens it.\n"
        "- Weight tying shares the input embedding with the output projection, saving parameters.\n")
})


def test_a_lesson_under_a_learnt_label_is_named_by_its_subject(shared):
    made = shared.cards(DIARY_2)
    card = next(c for c in made if "cuDNN" in c["back"])
    assert card["front"].startswith("Lab diary › Autumn › Learned the hard way › `torch.manual_seed`"), card


MIXTURES_3 = NOTES.add({
    "mixtures.md": (
        "# Mixture fitting\n\nFitting a mixture alternates soft assignments and weighted refits until the "
        "likelihood levels off.\n\n## In practice\n"
        "- Progress can **stall** when two components overlap; the first rounds do most of the work.\n"
        "- Start from k-means centres (means) + per-cluster spreads; or several random restarts.\n"
        "- Keep the responsibilities in log space (`logaddexp`), else small densities round to zero.\n"
        "- Relatives: hard assignment, online updates, a restricted family for the posterior.\n")
})


def test_a_topic_no_longer_cut_at_a_hyphen_keeps_its_cards_id(shared):
    from mlwiki import ids
    card = next(c for c in shared.cards(MIXTURES_3) if "centres" in c["back"])
    assert "k-means" in card["front"], card
    # (its id: of the front the item had, "… › Start from k", as a section's card)
    assert card["id"] == ids.card_id("basic", "section: Mixture fitting › In practice › Start from k", 0), card
