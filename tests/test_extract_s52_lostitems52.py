"""A list of `**Term**: …` items some of which become definition cards (session 52, lostitems52): an item not read
as a definition (its label reads as a step, its text is a value, or its text only speaks of its label) was on no
card at all once a sibling was carded; now it is asked by its label under the heading path, unless a card already
holds it. Notes written to tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


AVERAGING = NOTES.add({
    "averaging.md": (
        "# Weight averaging\n\n## Ingredients\n\n"
        "- **Keeping a shadow copy of every weight tensor:** a second set of parameters that trails the trained "
        "ones and is used only for evaluation.\n"
        "- **Decay**: a factor close to one that sets how slowly the shadow copy follows the trained weights.\n")
})


def test_a_step_like_label_beside_a_defined_term_gets_its_own_card(shared):
    """"**Keeping a copy of the weights …:**" reads as a step, not a term: beside "**Decay**: …", a definition card,
    it was on no card; now it is asked by its label."""
    made = shared.backs_by_front(AVERAGING)
    assert any("Decay" in front for front in made), made
    asked = [front for front, back in made.items() if "trails the trained ones" in back]
    assert asked and "Keeping a shadow copy of every weight tensor" in asked[0], made


SCHEDULES = NOTES.add({
    "schedules.md": (
        "# Schedules\n\n## Linear warmup\n\n"
        "- **Peak rate**: the largest learning rate the schedule reaches, right after the warmup ends.\n"
        "- **Warmup length**: 500 steps\n")
})


def test_a_labelled_value_beside_a_defined_term_gets_its_own_card(shared):
    """"**Warmup length**: 500 steps" is a value, not a definition; its sibling is one: the value is asked by its
    label."""
    made = shared.backs_by_front(SCHEDULES)
    assert any("Peak rate" in front for front in made), made
    assert any(front.endswith("Warmup length") and "500 steps" in back for front, back in made.items()), made


REGULARISERS = NOTES.add({
    "regularisers.md": (
        "# Regularisers\n\n## Kinds\n\n"
        "- **Weight decay**: a penalty on the squared size of the weights, added to the loss.\n"
        "- **Dropout**: a layer that zeroes a random share of its inputs at every training step.\n")
})


def test_a_list_of_definitions_only_keeps_its_cards(shared):
    """Every item read as a definition: one card each, and no other card of them."""
    made = shared.backs_by_front(REGULARISERS)
    assert len(made) == 2, made
    assert all("Define:" in front for front in made), made


SQUARED = NOTES.add({
    "squared.md": (
        "# Squared error\n\n## Worked example\n\n"
        "- **Residual**: the gap between the target and what the model predicted for one sample.\n"
        "- **Loss**: $(2 - 1.5)^2 = 0.25$\n")
})


def test_a_worked_examples_values_stay_off_cards(shared):
    """In a worked example, "**Loss**: $2 - 1.5 = 0.5$" beside a defined term is the example's arithmetic: no card."""
    made = shared.backs_by_front(SQUARED)
    assert not any("0.25" in back for back in made.values()), made


LAYERNORM = NOTES.add({
    "layernorm.md": (
        "# Layer norm\n\n## Parameters\n\n"
        "- **Bias**: a learnable offset added once the activations are normalised.\n"
        "- **Note**: the statistics come from the features of one sample, never from the batch.\n")
})


def test_a_note_beside_a_defined_term_is_asked_under_the_heading(shared):
    """"**Note**: …" labels a remark, not a term: beside a carded definition it was on no card; now its text is a
    card of the heading path (not "… › Note", which asks nothing)."""
    made = shared.backs_by_front(LAYERNORM)
    asked = [front for front, back in made.items() if "never from the batch" in back]
    assert asked and not asked[0].endswith("Note"), made


DUALITY = NOTES.add({
    "duality.md": (
        "# Lagrange duality\n\n## Optimality conditions\n\n"
        "$(x, \\lambda)$ satisfy the **first-order** conditions if:\n\n"
        "1. **Feasible point**: $g(x) \\le 0$, $h(x) = 0$.\n"
        "2. **Signed multiplier**: $\\lambda \\ge 0$.\n"
        "3. **Matched slack**: $\\lambda g(x) = 0$ for every constraint.\n"
        "4. **Zero gradient**:\n$$\n\\nabla f(x) + \\lambda \\nabla g(x) = 0. \\tag{2.1}\n$$\n\n"
        "Memory aid from the tutor: \"feasible, signed, matched, flat\".\n")
})


def test_the_items_beside_a_list_items_formula_card_are_asked_by_their_labels(shared):
    """A numbered list of conditions whose last item holds a display formula: that formula is a card, and an item
    of two inline formulas was on no card; now it is asked by its label under the heading path."""
    made = shared.backs_by_front(DUALITY)
    assert any("\\nabla f(x)" in back for back in made.values()), made
    asked = [front for front, back in made.items() if "h(x) = 0" in back]
    assert asked and asked[0].endswith("Feasible point"), made
    assert sum("h(x) = 0" in back for back in made.values()) == 1, made
