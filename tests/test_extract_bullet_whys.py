"""Multi-fact backs under a heading-only front (issue 23): a section that is a plain list of separate design
choices, each given with its reason ("… → …", "… since …", "… so …"), asks none of them on the heading's card;
each bullet whose form gives its question becomes a "Why …?" card under the heading path, the others stay on the
heading's card. Labelled items, numbered steps and bullets without a reason split nothing. Notes of my own,
through the extract API."""

from __future__ import annotations

from mlwiki.extract import NoteContext, extract
from mlwiki.extract.bullet_claims import claim_bullet_cards

NOTE = "\n".join([
    "# Box detector", "",
    "## Loss choices", "",
    "- predict the square root of the width instead of the width → an error of one pixel weighs more on a small box",
    "- weight the empty cells by a half since most cells hold no object and would swamp the gradient",
    "- the predictor with the best overlap is made responsible for the box", "",
    "## Policy head", "",
    "The policy is a Gaussian with a learned mean.", "",
    "- learn the log of the spread rather than the spread so it stays positive without constraints",
    "- the sampled action is clipped to the bounds of the environment afterwards", ""])


def _cards(body: str) -> dict[str, str]:
    found = extract(body, NoteContext(path="Box.md", sections=True, title="Box detector"))
    return {c.front: c.back for c in found.cards}


def test_each_bullet_with_its_reason_is_a_why_card_of_its_own():
    cards = _cards(NOTE)
    why = "Box detector › Loss choices\n\nWhy predict the square root of the width instead of the width?"
    assert cards[why].endswith("weighs more on a small box"), cards
    assert cards["Box detector › Loss choices\n\nWhy weight the empty cells by a half?"].startswith("weight"), cards
    kept = cards["Box detector › Loss choices"]
    assert kept == "- the predictor with the best overlap is made responsible for the box", cards
    assert "Box detector › Policy head\n\nWhy learn the log of the spread rather than the spread?" in cards, cards
    assert cards["Box detector › Policy head"].startswith("The policy is a Gaussian"), cards
    assert "learn the log" not in cards["Box detector › Policy head"], cards


def test_a_subjects_claim_with_because_asks_why_of_its_subject():
    split = claim_bullet_cards("Receptive fields", "\n".join([
        "- the effective field grows during training because the weights learn to spread",
        "- centre pixels dominate the effective field of a unit"]))
    assert split is not None
    assert split[1][0] == "Receptive fields\n\nWhy does the effective field grow during training?", split


def test_labelled_items_steps_and_lists_without_reasons_split_nothing():
    assert claim_bullet_cards("Trade-offs", "\n".join([
        "- Pros: fast to train so it suits small teams well", "- Cons: slow to serve at scale on phones"])) is None
    assert claim_bullet_cards("Training loop", "\n".join([
        "1. zero the gradients so they do not pile up", "2. run the forward pass on the batch"])) is None
    assert claim_bullet_cards("Facts", "\n".join([
        "- the loss is summed over every cell", "- every cell predicts two boxes of its own"])) is None
    assert claim_bullet_cards("Loss choices\n\nWhat is asked?", "- predict the root of the width so small boxes count"
                              "\n- weight empty cells less since they are many and dull") is None


def test_a_list_right_under_its_text_keeps_that_text_and_its_other_bullets_as_written():
    split = claim_bullet_cards("Policy head", "\n".join([
        "The policy is a Gaussian with a learned mean.",
        "- learn the log of the spread rather than the spread so it stays positive without constraints",
        "- the sampled action is clipped to the bounds of the environment afterwards"]))
    assert split is not None
    assert split[0] == ("Policy head", "The policy is a Gaussian with a learned mean.\n- the sampled action is clipped"
                                       " to the bounds of the environment afterwards"), split
    assert split[1][0] == "Policy head\n\nWhy learn the log of the spread rather than the spread?", split


def test_a_clause_that_opens_on_since_or_a_subjects_negation_asks_nothing():
    assert claim_bullet_cards("Rectifier", "\n".join([
        "- Since many units output zero, only some of them fire, so it is cheap to run",
        "- target doesn't move every update since it is copied from time to time"])) is None


def test_a_bullet_opening_on_a_question_word_asks_no_why():
    body = "\n".join([
        "# Model classes", "",
        "## Two errors", "",
        "- how well the best member of the class can do → the class's own error, fixed by the class",
        "- how close training gets to that best member → the estimation error, which shrinks with data", ""])
    cards = _cards(body)
    assert not any("\n\nWhy how" in front for front in cards), cards
    assert "how well the best member" in _under(cards, "Model classes › Two errors"), cards


def _under(cards: dict[str, str], path: str) -> str:
    """The backs of the cards under a heading: its own card's and, for a list of claims, each item's (session 47:
    one card per item, the others shown on its front)."""
    return "\n".join(back for front, back in cards.items() if front.split("\n\n", 1)[0] == path)
