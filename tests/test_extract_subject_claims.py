"""Multi-fact backs under a heading-only front (issue 23): a list of separate claims, each about a subject it names
("sum is the most … one", "mean is more … when …", "it's a … version of …", a bold term with what it does), is a
card per claim under the heading path, asking what its sentence form says is the answer; bullets with no such form
stay on the heading's card, which keeps its front. Lists of defined names (item cards) and numbered steps split
nothing. Notes of my own, through the extract API."""

from __future__ import annotations

from mlwiki.extract import NoteContext, extract
from mlwiki.extract.bullet_claims import claim_bullet_cards
from mlwiki.extract.subject_asks import subject_question

NOTE = "\n".join([
    "# Set pooling", "",
    "## Readout choices", "",
    "- sum is the most discriminative choice (it keeps how often each element occurs)",
    "- mean is more robust when the sets differ a lot in size",
    "- cheap overall: nothing here is learned", "",
    "## Caveats in practice", "",
    "- large sets overflow in low precision",
    "- padding has to be masked out first", ""])

REMARKS = "\n".join([
    "# ResNet (He et al. 2015)", "",
    "Deep nets with identity shortcuts around every pair of layers.", "",
    "## Readings", "",
    "- it's a discretised, first-order version of an ODE solver step",
    "- identity shortcut paths give gradients a short road back",
    "- ensembles of shallow paths: the nets behave like many short nets", ""])


def _cards(body: str, title: str) -> dict[str, str]:
    found = extract(body, NoteContext(path=f"{title}.md", sections=True, title=title))
    return {c.front: c.back for c in found.cards}


def test_each_claim_about_a_named_subject_is_a_card_asking_by_its_form():
    cards = _cards(NOTE, "Set pooling")
    which = "Set pooling › Readout choices\n\nWhich choice is the most discriminative?"
    assert cards[which].startswith("sum is the most discriminative choice"), cards
    assert cards["Set pooling › Readout choices\n\nWhen is mean more robust?"].endswith("differ a lot in size"), cards
    assert cards["Set pooling › Readout choices"] == "- cheap overall: nothing here is learned", cards
    assert "Set pooling › Caveats in practice" in cards, cards  # (no bullet's form asks: one card, as it was)
    assert not any(front.startswith("Set pooling › Caveats in practice\n\n") for front in cards), cards


def test_it_under_a_heading_of_remarks_is_the_notes_subject():
    cards = _cards(REMARKS, "ResNet")
    question = "ResNet (He et al. 2015) › Readings\n\nWhat is ResNet a discretised, first-order version of?"
    assert cards[question].startswith("it's a discretised"), cards
    assert "give gradients a short road back" in cards["ResNet (He et al. 2015) › Readings"], cards


def test_the_forms_a_claim_is_asked_by():
    assert subject_question("max is faster than attention pooling on big graphs") \
        == "Which is faster: max or attention pooling?"
    assert subject_question("**Cutout** masks a random square of every image") == "What does Cutout mask?"
    assert subject_question("GIN is a provably injective version of the WL test") \
        == "What is GIN a provably injective version of?"
    assert subject_question("Higher layers are important to look at. Even if they are noisy, they help") == ""
    assert subject_question("The step size is more fragile when the batch is tiny") \
        == "When is the step size more fragile?"
    assert subject_question("it's a version of the WL test") == ""  # (no heading says what "it" is)
    assert subject_question("**for conv layers** stats are per channel") == ""


def test_named_items_steps_and_formless_lists_split_nothing():
    assert claim_bullet_cards("Augmentations", "\n".join([
        "- **Cutout** masks a random square of every image in the batch",
        "- **Mixup** blends two inputs and their labels by one weight"])) is None  # (item cards, one per name)
    assert claim_bullet_cards("Readouts", "\n".join([
        "1. sum is the most discriminative choice of all", "2. mean is more robust when sizes vary"])) is None
    assert claim_bullet_cards("Readouts", "\n".join([
        "- cheap overall: nothing here is learned", "- flat: the hierarchy is lost on the way"])) is None
