"""Fronts that name what is asked, not the answer: a bold phrase that is what its sentence says of something else,
or a claim set in bold, stays on the back (written for helper 'fronts2')."""

from mlwiki.extract.blocks import Block
from mlwiki.extract.emphasised import emphasised_card
from mlwiki.extract.lines import TEXT, Line


def _card(path: str, text: str, item: bool = True):
    return emphasised_card(path, Block(TEXT, [Line(7, text, TEXT)]), True, item=item)


def test_a_bold_answer_after_the_verb_is_left_out_of_the_sentence_the_front_shows():
    """"… the encoder's outputs converge to a **fixed point** of the map": the bold phrase is what is said of the
    outputs; the front shows the sentence with it left out, under the headings."""
    text = ("- Iterating the update many times, the encoder's outputs converge to a **fixed point** of the map, "
            "which is why the trick is cheap at test time.")
    front, back = _card("Deep equilibrium models › Inference", text)
    assert front.startswith("Deep equilibrium models › Inference\n\n"), front
    assert "converge to a … of the map" in front and "fixed point" not in front, front
    assert "**fixed point**" in back


def test_a_bold_term_that_opens_its_sentence_still_titles_the_card():
    """"A **ring buffer** stores …": the bold term is the subject, what the front asks about."""
    text = "A **ring buffer** stores the last few thousand transitions and overwrites the oldest one when full."
    found = _card("Replay › Storage", text, item=False)
    assert found is not None and found[0] == "Replay › Storage › ring buffer", found


def test_a_bold_term_explained_after_it_titles_the_card_even_after_the_verb():
    """"the agent keeps a **lookup table** = one row per state, …": the term comes with what it is, so it is
    the subject wherever it stands."""
    text = "- the tabular agent keeps a **lookup table** = one row per state and action, updated after each step"
    found = _card("Tabular methods › Storage", text)
    assert found is not None and found[0] == "Tabular methods › Storage › lookup table", found


def test_a_bold_claim_is_asked_by_its_subject_or_by_the_sentence_without_it():
    """"**dropout does not help** a model this small …": the front names dropout, not the claim; "… converges
    **iff the step is below $2/L$**": the front is the sentence without the condition."""
    claim = "- **dropout does not help** a network this small (it only slows training down a little)."
    front, back = _card("Regularisation › Tricks", claim)
    assert front == "Regularisation › Tricks › dropout", front
    condition = "- gradient descent on a quadratic with curvature $L$ converges **iff the step is below $2/L$**"
    front, back = _card("Optimisation › Step size", condition)
    assert front.endswith("\n\ngradient descent on a quadratic with curvature $L$ converges …"), front
    assert "2/L" not in front and "2/L" in back
