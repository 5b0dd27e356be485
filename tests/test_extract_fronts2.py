"""Fronts that name what is asked, not the answer: a bold phrase that is what its sentence says of something else,
or a claim set in bold, stays on the back (written for helper 'fronts2')."""

import pytest

from mlwiki.extract.blocks import Block
from mlwiki.extract.emphasised import emphasised_card
from mlwiki.extract.lines import TEXT, Line
from conftest import DEFAULT_CONFIG
from shared_notes import Scanned, SharedNotes


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


def test_a_stressed_numeral_is_no_term():
    """"train **one** network …": the bold stresses how many, it names no subject a front could show ("… › one")."""
    text = ("Train **one** network for both the conditional and the unconditional model: during training, drop the "
            "label with some small probability.")
    found = _card("Classifier-free guidance › The trick", text, item=False)
    assert found is None or "› one" not in found[0], found


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


def test_an_adverb_before_the_verb_is_no_part_of_the_subject_a_front_names():
    """"The estimator silently assumes …": the front names the subject and asks what it does ("The estimator
    assumes …"), not the words cut before the verb ("The estimator silently")."""
    from mlwiki.extract.paragraphs import paragraph_card
    text = ("The estimator silently assumes that the folds are exchangeable, so a split by time gives an optimistic "
            "score whenever the data drift.")
    found = paragraph_card("Cross-validation › Pitfalls", Block(TEXT, [Line(12, text, TEXT)]), True)
    assert found is not None and found[0] == "Cross-validation › Pitfalls › The estimator assumes …", found


NOTES = SharedNotes(DEFAULT_CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


NORMS = NOTES.add({
    "Norms.md": (
        "# Norms\n\n## Squared error\n\nThe loss of a batch of residuals $r_i$ is the mean of their squares, and "
        "it is the one most regression code starts from.\n\nFor one residual:\n\n"
        "$$\\ell(r) = \\tfrac{1}{2} r^2$$\n\n"
        "The $\\tfrac{1}{2}$ is there only so that the derivative comes out as $r$, with no factor of two left "
        "over in the update.\n\nLarge residuals dominate the sum, so a few outliers can pull the fit a long way.\n")
})


def test_a_paragraph_on_a_symbol_of_the_formula_above_is_its_remark(shared):
    """"The $2$ …" right after a display formula speaks of that formula: a remark card showing the formula, not a
    card asked by "The $2$" alone, which would not say what the 2 belongs to."""
    made = shared.backs_by_front(NORMS)
    assert not any(front.endswith("$\\tfrac{1}{2}$") for front in made), made
    assert any("\\ell(r)" in front and back.startswith("The $\\tfrac{1}{2}$ is there") for front, back in made.items()), made


CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


OPTIMISERS = NOTES.add({
    "Optimisers.md": (
        "# Optimisers\n\nWhich one to reach for, and why it tends to work out of the box for most problems.\n\n"
        "## Choices\n\n- **plain SGD**: the update follows the minibatch gradient scaled by the step size\n"
        "- **Adam is the usual default** (Kingma & Ba 2015): per-weight step sizes from running moments of the "
        "gradient, little tuning needed\n")
}, config=CONFIG)


def test_a_bold_label_that_states_a_fact_is_asked_by_its_subject(shared):
    """"- **Adam is the usual default** (Kingma & Ba 2015): …": the bold label is a claim, not a term to define;
    the card is asked by its subject ("… › Adam") and the back keeps the claim."""
    made = shared.backs_by_front(OPTIMISERS)
    assert not any("Define: Adam is" in front for front in made), made
    assert made.get("Optimisers › Choices › Adam", "").startswith("Adam is the usual default (Kingma & Ba 2015): "), made


def test_a_sentence_opening_on_an_action_defines_the_bold_term_it_names():
    """"Going the other way (…) is the **kernel trick**: …": the words before "is" are an action, no term; the
    definition is of the bold term the sentence names, and without one there is none."""
    from mlwiki.extract.defining import defining_sentence
    text = ("Skipping the feature map entirely is the **kernel trick**: only inner products of mapped inputs are ever "
            "needed, so the map may even be infinite-dimensional.")
    found = defining_sentence(text, "Feature maps › Feature maps and their inner products")
    assert found is not None and found[0] == "kernel trick", found
    plain = text.replace("**kernel trick**", "usual shortcut")
    assert defining_sentence(plain, "Feature maps › Feature maps and their inner products") is None


LOGISTIC = NOTES.add({
    "Logistic.md": (
        "# Logistic function\n\n## Definition\n\nIt squashes any real number into the open interval between zero "
        "and one, which is why it turns a score into a probability.\n\n$$g(z) = \\frac{1}{1 + e^{-z}}$$\n\n"
        "$g(0) = \\tfrac12$. Its derivative is $g(z)(1 - g(z))$, largest at zero and vanishing for large "
        "scores of either sign.\n\nIt is the inverse of the log-odds.\n")
}, config=CONFIG)


def test_a_remark_opening_on_a_value_of_the_formula_is_not_asked_for_its_symbols(shared):
    """"$g(0) = \\tfrac12$. …" after the formula of the logistic function gives a value of it, not a legend: the
    remark card asks what the formula says, not what its symbols mean."""
    made = shared.backs_by_front(LOGISTIC)
    assert not any("What its symbols mean" in front for front in made), made
    assert any("What it says" in front and back.startswith("$g(0)") for front, back in made.items()), made


MC = NOTES.add({
    "MC.md": (
        "# Monte Carlo\n\n## Estimating an integral\n\nDraw samples from the density and average the integrand "
        "over them; the average converges to the integral.\n\n$$\\hat I_n = \\frac1n \\sum_i f(x_i)$$\n\n"
        "**Note on the MC error**: the standard error of the average shrinks like $1/\\sqrt n$ whatever the "
        "dimension, which is why the method scales to high dimensions.\n\n"
        "- **Remark about variance**: a control variate with a known mean can cut the variance without bias.\n"
        "- a second bullet so that the list is a list of facts about the estimate and nothing else.\n")
}, config=CONFIG)


def test_a_bold_label_for_an_aside_on_a_topic_is_asked_by_that_topic(shared):
    """"**Note on the MC error**: …" labels an aside, it is no term to define ("Define: Note on the MC error"): the
    card is asked by what the aside is about."""
    made = shared.backs_by_front(MC)
    assert not any("Define: Note" in front or "Define: Remark" in front for front in made), made
    assert made.get("Monte Carlo › Estimating an integral › MC error", "").startswith("the standard error"), made
    assert made.get("Monte Carlo › Estimating an integral › variance", "").startswith("a control variate"), made


RIDGE_REGRESSION = NOTES.add({
    "Ridge regression.md": (
        "# Ridge regression\n\nEvery coefficient is pulled toward zero by **shrinkage** — a penalty on the squared "
        "norm of the weights trades a little bias for less variance.\n\nThe estimate in closed form:\n\n"
        "$$\\hat\\beta = (X^\\top X + \\lambda I)^{-1} X^\\top y$$\n")
}, config=CONFIG)


def test_a_shared_front_shows_the_sentence_without_the_bold_answer(shared):
    """A section card whose front another card shares (the formula card under the same heading) names what its
    paragraph is about; when the paragraph's bold word is what it says of something else ("… is pulled toward zero
    by **shrinkage** — …"), the front shows the sentence without it, not the answer after the path."""
    made = shared.backs_by_front(RIDGE_REGRESSION)
    assert not any(front.endswith("› shrinkage") for front in made), made
    assert any(front.startswith("Ridge regression\n\nEvery coefficient is pulled toward zero by … —") for front in made), made


def test_a_closing_paragraph_led_by_a_vague_word_is_not_titled_by_it():
    """"Results are reported …" closing a section names nothing a card could be asked by ("… › Results"); a
    paragraph led by a name ("Warm restarts are …") still is."""
    from mlwiki.extract.paragraphs import topic_card
    tail = " are reported in the same way as for the first test, as a level or as an interval around the estimate."
    assert topic_card("Stats › Critical values", Block(TEXT, [Line(3, "Results" + tail, TEXT)]), True) is None
    found = topic_card("Stats › Critical values", Block(TEXT, [Line(3, "Warm restarts" + tail, TEXT)]), True)
    assert found is not None and found[0] == "Stats › Critical values › Warm restarts", found


def test_a_labelled_item_naming_the_notes_subject_asks_for_its_bold_answer(tmp_path):
    """"- Adam = momentum plus **per-weight** step sizes" in the note on Adam: its label repeats the path and asks
    nothing; the front shows the item with its bold answer left out, and the card keeps the label's id."""
    from conftest import new_wiki, run
    import json
    note = ("# Adam\n\nAn optimiser that rescales each step by running estimates of the gradient's moments.\n\n"
            "## Versus plain momentum\n\nthe step for each weight:\n"
            "$$\\theta \\leftarrow \\theta - \\eta\\, \\hat m / (\\sqrt{\\hat v} + \\epsilon)$$\n\n"
            "- keeps a running mean of the gradient, as heavy-ball momentum does\n"
            "- bias-corrects both running estimates in the first steps, when they start at zero\n"
            "- Adam = momentum with **per-weight** step sizes from the running second moment of the gradient\n")
    root = new_wiki(tmp_path, {"Adam.md": note}, CONFIG)
    cards = json.loads(run(root, "cards", "--json").output)
    fronts = [c["front"] for c in cards]
    assert "Adam › Versus plain momentum › Adam" not in fronts, fronts
    assert "Adam › Versus plain momentum\n\nAdam = momentum with … step sizes from the running second moment of the " \
           "gradient" in fronts, fronts
