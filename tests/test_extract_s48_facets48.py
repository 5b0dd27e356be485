"""Session 48, heading-only fronts whose last heading names a kind of remark ("… › Catch", "… › Warning", "… › My
takeaway", "… › One line summary", "… › Assessment", "… › Other tricks"): the card asks that remark of the subject
above ("What is the catch with label smoothing?"), keeping the id of its bare path; a heading over a back that says
what a term the front does not name is asks what that term is. Notes of my own, read through the extract API with
sections on, as tests/test_extract_facets.py does."""

from __future__ import annotations

from mlwiki import ids
from mlwiki.extract import NoteContext, extract


def _cards(body: str, title: str = "Label smoothing"):
    return extract(body, NoteContext(path=f"{title}.md", sections=True, title=title)).cards


def _fronts(body: str, title: str = "Label smoothing") -> dict[str, str]:
    return {c.front: c.back for c in _cards(body, title)}


OPENING = "Label smoothing mixes the one-hot target with a uniform distribution over the classes.\n\n"


def test_a_catch_heading_asks_the_catch_with_the_subject_above():
    body = OPENING + "## Catch\n\nA teacher trained this way passes on less about which wrong classes look alike, " \
                     "so its students learn worse from it.\n"
    cards = _fronts(body)
    assert "Label smoothing › Catch\n\nWhat is the catch with Label smoothing?" in cards, cards


def test_the_asked_card_keeps_the_id_of_its_bare_path():
    body = OPENING + "## Catch\n\nA teacher trained this way passes on less about which wrong classes look alike, " \
                     "so its students learn worse from it.\n"
    card = next(c for c in _cards(body) if c.front.startswith("Label smoothing › Catch"))
    assert card.front != "Label smoothing › Catch"
    assert card.id == ids.card_id("basic", "section: Label smoothing › Catch")


def test_a_warning_and_a_takeaway_ask_their_own_questions():
    body = OPENING + "## Teachers\n\nSome text about distillation from smoothed teachers that stays a card.\n\n" \
                     "### Careful\n\nThe logits of a smoothed teacher cluster tightly, and the student sees less of " \
                     "the structure between classes.\n\n" \
                     "## My takeaway\n\nUse a small epsilon such as one tenth, and drop it when distilling.\n"
    cards = _fronts(body)
    assert "Label smoothing › Teachers › Careful\n\nWhat should you watch out for with Teachers?" in cards, cards
    assert "Label smoothing › My takeaway\n\nWhat is the takeaway from Label smoothing?" in cards, cards


def test_a_summary_of_two_things_set_against_each_other_asks_how_they_compare():
    body = "Two ways to spend a labelling budget on a classifier.\n\n## Active vs. random sampling\n\n" \
           "Some words that open the section and say what each does, long enough to stay.\n\n" \
           "### Summary\n\nPick by uncertainty while the model is poor; sample at random once it is calibrated.\n"
    cards = _fronts(body, title="Labelling budgets")
    assert "Labelling budgets › Active vs. random sampling › Summary\n\nHow do Active and random sampling " \
           "compare, in short?" in cards, cards


def test_an_assessment_over_a_plus_item_asks_for_an_advantage():
    body = "Snapshot ensembles save a model at each restart of a cyclic schedule.\n\n## Assessment\n\n" \
           "+ costs a single training run, since every member comes from the same schedule\n"
    cards = _fronts(body, title="Snapshot ensembles")
    assert "Snapshot ensembles › Assessment\n\nWhat is an advantage of Snapshot ensembles?" in cards, cards


def test_a_label_the_back_opens_on_asks_it_of_the_heading():
    body = OPENING + "## Confidence penalty\n\nMotivation: a model sure of every answer stops learning from " \
                     "the examples it already gets right.\n"
    cards = _fronts(body)
    assert "Label smoothing › Confidence penalty\n\nWhat is the motivation for Confidence penalty?" in cards, cards


def test_a_problem_heading_asks_what_the_note_addresses_or_what_is_wrong_below_it():
    body = "Focal loss scales the cross-entropy of each example down as it gets easy.\n\n## Problem\n\n" \
           "Dense detectors see thousands of easy background boxes for every object, and those swamp the loss.\n\n" \
           "## Gamma\n\nSome words about the focusing parameter and how large it usually is in practice.\n\n" \
           "### Problem\n\nA large gamma starves the rare hard boxes of gradient early in training.\n"
    cards = _fronts(body, title="Focal loss")
    assert "Focal loss › Problem\n\nWhat problem does Focal loss address?" in cards, cards
    assert "Focal loss › Gamma › Problem\n\nWhat is the problem with gamma?" in cards, cards


def test_a_things_not_to_mix_up_heading_asks_between_the_two():
    body = "Notes on two ensembling schemes.\n\n## Bagging vs. boosting\n\nSome words that open the section and " \
           "stay a card of their own here.\n\n### Don't mix these up\n\nAdding members never hurts a bagged model, " \
           "while a boosted one overfits when it grows too long.\n"
    cards = _fronts(body, title="Ensembles")
    assert "Ensembles › Bagging vs. boosting › Don't mix these up\n\nWhat is easily mixed up between bagging and " \
           "boosting?" in cards, cards


def test_a_remark_that_says_what_the_subject_is_asks_what_it_is():
    body = "## Remark\n\nA martingale is a sequence whose expected next value, given the past, is its current value.\n"
    cards = _fronts(body, title="Martingale")
    assert "Martingale › Remark\n\nWhat is a martingale?" in cards, cards


def test_no_question_without_a_subject_above_or_with_a_clause_above():
    body = "## Learned\n\n### Takeaway\n\nCaching the keys halves the time per token on long prompts.\n\n" \
           "## Smoothing hurts distillation\n\n### Takeaway\n\nKeep the teacher's targets hard when you distil.\n"
    cards = _fronts(body, title="2026-03-02")
    assert "Learned › Takeaway" in cards, cards  # (a diary's heading names no subject)
    assert "Smoothing hurts distillation › Takeaway" in cards, cards  # (a claim, not a subject)


def test_a_fix_that_is_the_subject_itself_is_not_asked():
    body = "Fine-tuning can distort features.\n\n## Probe then tune\n\n### Fix\n\nFix: Probe then tune — train " \
           "the head first with the backbone frozen, then unfreeze everything.\n"
    cards = _fronts(body, title="Fine-tuning")
    assert "Fine-tuning › Probe then tune › Fix" in cards, cards  # ("What is the fix for probe then tune?" is wrong)


def test_a_heading_over_a_term_it_does_not_name_asks_what_the_term_is():
    body = "Ways to forecast many steps ahead.\n\n## Strategies\n\nSome words that open the section, long enough " \
           "to stay a card of their own.\n\n### Chained\n\nRecMulti = one model per horizon that also reads the " \
           "forecasts made for the earlier horizons.\n"
    cards = _fronts(body, title="Forecast horizons")
    assert "Forecast horizons › Strategies › Chained\n\nWhat is RecMulti?" in cards, cards


def test_a_sentence_that_judges_or_sets_two_names_equal_asks_no_term():
    body = "Ways to forecast many steps ahead.\n\n## Strategies\n\nSome words that open the section, long enough " \
           "to stay a card of their own.\n\n### Chained\n\nRecMulti is the best choice when the horizons are few " \
           "and the series is short.\n\n### Pooled\n\nPoolNet = RecMulti if every horizon shares its weights, " \
           "which rarely holds.\n\n### Both\n\nHeadA = one model per horizon. HeadB = one model for all of them.\n"
    cards = _fronts(body, title="Forecast horizons")
    for bare in ("Chained", "Pooled", "Both"):  # (each asked under its bare heading, "Both" a card per sentence)
        path = f"Forecast horizons › Strategies › {bare}"
        assert any(front == path or front.startswith(f"{path}\n\n") for front in cards), cards
    assert not any("Define" in front for front in cards), cards


def test_a_weird_one_is_no_definition():
    body = "Three ways a path can run through a middle node.\n\n## Junctions\n\nSome words about the three " \
           "junctions that stay a card of their own here.\n\n### Middle row\n\nMiddle row is the odd one: the two " \
           "ends are independent until you condition on the middle.\n"
    cards = _fronts(body, title="Paths")
    assert "Paths › Junctions › Middle row" in cards, cards
