"""Self-test questions written as a list item with the answer under it (issue 23, recall): a Notion toggle exports
`- Why …?`, a blank line and the answer indented under the bullet; an Obsidian or Logseq outline nests `  - answer`
items under `- Why …?`. Each is a card: front = heading path + the question, back = exactly what stands under the
item (paragraphs and nested items), nothing of the next item. A question with nothing under it, a task, or one
whose "answer" is a to-do or more questions is no card; exercises stay no cards. And a "thought X = Y → Z" line is a
belief put right, not a definition of "thought X". Notes of my own, through the extract API."""

from __future__ import annotations

from mlwiki.extract import NoteContext, extract


def _cards(body: str, path: str = "Kernels.md") -> dict[str, str]:
    found = extract(body, NoteContext(path=path, sections=True))
    return {c.front: c.back for c in found.cards}


# Notion's export of toggles: the answer is indented four spaces under the bullet, after a blank line (holding
# spaces, as Notion writes it)
TOGGLES = "\n".join([
    "# Kernels", "",
    "## Review (toggles)", "",
    "- Why must a kernel's Gram matrix be positive semi-definite?",
    "    ",
    "    Because it is a matrix of inner products in some feature space, and such a matrix never has a negative",
    "    eigenvalue.",
    "    ",
    "    Mercer's theorem gives the converse.",
    "    ",
    "- Cost of kernel ridge regression in the number of samples?",
    "    ",
    "    **Cubic**: solving the $n \\times n$ system dominates, so it stops scaling past a few ten thousand points.",
    "    ",
    "- Does the RBF kernel have a finite feature map?",
    "", ""])


def test_a_toggle_question_is_a_card_whose_back_is_its_answer():
    cards = _cards(TOGGLES)
    path = "Kernels › Review (toggles)"
    psd = cards[f"{path}\n\nWhy must a kernel's Gram matrix be positive semi-definite?"]
    assert psd == ("Because it is a matrix of inner products in some feature space, and such a matrix never has a "
                   "negative\neigenvalue.\n\nMercer's theorem gives the converse."), cards
    cost = cards[f"{path}\n\nCost of kernel ridge regression in the number of samples?"]
    assert cost.startswith("**Cubic**: solving") and cost.endswith("ten thousand points."), cards
    assert not any("Define" in front or front.endswith("Cubic") for front in cards), cards  # (its bold: no term)
    assert not any("finite feature map" in front for front in cards), "an open question, nothing under it"
    assert path not in cards, "no heading-only card holding an answer"


OUTLINE = "\n".join([
    "# Kernels", "",
    "## Check yourself", "",
    "- Why does the kernel trick save work?",
    "  - the inner product is computed in the input space",
    "  - the feature vectors are never built",
    "- What makes a sum of two kernels a kernel?",
    "  - both Gram matrices are PSD, and so is their sum",
    "- Is every similarity function a kernel?",
    "- the Gram matrix grows with the square of the data", "",
    "## Recap", "",
    "- Questions",
    "  - Which kernel suits strings?",
    "    - a subsequence kernel, which counts shared subsequences",
    "- [ ] Why does the polynomial kernel blow up for high degrees?",
    "  - check the lecture",
    "- How would a kernel for graphs look?",
    "  - what counts as a walk?",
    "  - random walks?",
    "- How to choose the bandwidth?",
    "  - *(todo: read the section on median heuristics)*", ""])


def test_an_outlines_question_over_nested_items_is_a_card():
    cards = _cards(OUTLINE)
    path = "Kernels › Check yourself"
    assert cards[f"{path}\n\nWhy does the kernel trick save work?"] == (
        "- the inner product is computed in the input space\n- the feature vectors are never built"), cards
    assert cards[f"{path}\n\nWhat makes a sum of two kernels a kernel?"] == \
        "both Gram matrices are PSD, and so is their sum", "a lone nested item: its text, no bullet"
    assert not any("similarity function" in front for front in cards), "nothing under it: the writer's open question"
    # a label the question is nested under heads it, as a heading would
    assert cards["Kernels › Recap › Questions\n\nWhich kernel suits strings?"].startswith("a subsequence kernel")
    assert not any("polynomial kernel" in front for front in cards), "a task, no question to study"
    assert not any("graphs" in front for front in cards), "what is under it asks more: no answer"
    assert not any("bandwidth" in front for front in cards), "an answer yet to be written"


def test_a_list_item_that_does_not_ask_is_no_question_card():
    note = "\n".join([
        "# Kernels", "",
        "## Kinds", "",
        "- Stationary kernels",
        "  - depend only on the difference of the inputs",
        "- Does the RBF kernel have a finite feature map? No, it is infinite.",
        "  - so the dual is the only way to use it", "",
        "- Why a Gaussian kernel is smooth", "",
        "  its feature map holds every polynomial degree.", ""])
    cards = _cards(note)
    assert not any(front.endswith("?") for front in cards), cards


def test_a_question_wrapped_over_two_lines_is_one_question():
    note = "\n".join([
        "# Kernels", "",
        "## Review", "",
        "- What does the representer theorem say about",
        "  the minimiser of a regularised loss?",
        "  - it is a weighted sum of kernel functions at the training points", ""])
    cards = _cards(note)
    front = "Kernels › Review\n\nWhat does the representer theorem say about the minimiser of a regularised loss?"
    assert cards[front] == "it is a weighted sum of kernel functions at the training points", cards


def test_exercises_stay_no_cards():
    note = "\n".join([
        "# Kernels", "",
        "## Exercise 3", "",
        "- Why is the product of two kernels a kernel?",
        "    ",
        "    Schur's product theorem: the elementwise product of PSD matrices is PSD.", "",
        "## Drill", "",
        "- Exercise 4.2: why is $k(x, y) = -\\lVert x - y \\rVert$ no kernel?",
        "  - its Gram matrix has a zero diagonal and a negative sum", ""])
    cards = _cards(note)
    assert not any("product of two kernels" in front or "Exercise 4.2" in front for front in cards), cards


def test_a_belief_put_right_is_no_definition():
    note = "\n".join([
        "# Calibration", "",
        "## Things I got wrong", "",
        "- thought a curve on the diagonal = a good ranker → calibration says nothing of the ranking",
        "- I thought temperature scaling can change the predicted class -> it keeps the argmax",
        "- thought the Brier score only measures calibration; it mixes calibration and refinement", "",
        "## Later", "",
        "- thought experiment: double every score → the ranking stays, the calibration breaks", ""])
    cards = _cards(note, "Calibration.md")
    path = "Calibration › Things I got wrong"
    assert cards[f"{path}\n\nMisconception: a curve on the diagonal = a good ranker — what is right?"] == \
        "calibration says nothing of the ranking", cards
    assert cards[f"{path}\n\nMisconception: temperature scaling can change the predicted class — what is right?"] \
        == "it keeps the argmax", cards
    assert cards[f"{path}\n\nMisconception: the Brier score only measures calibration — what is right?"] == \
        "it mixes calibration and refinement", cards
    assert not any("What is thought" in front or "› thought a curve" in front for front in cards), cards
    assert not any("Misconception: experiment" in front for front in cards), "a thought experiment is no belief"


def test_text_on_both_sides_of_a_question_and_its_answer_is_no_one_card():
    note = "\n".join([
        "# Kernel ridge", "",
        "## Solving it", "",
        "$$ \\alpha = (K + \\lambda I)^{-1} y $$", "",
        "$K$ = the Gram matrix of the training points, $\\lambda$ = the ridge penalty.", "",
        "→ one solve costs $O(n^3)$ and the memory $O(n^2)$ → **fine up to a few thousand points**.", "",
        "- Why add $\\lambda I$ before inverting?",
        "    ",
        "    It makes the matrix strictly positive definite, so the inverse exists and is stable.",
        "    ", "",
        "predictions for new points use the kernel row → [[Nystrom]]", ""])
    cards = _cards(note, "Kernel ridge.md")
    assert cards["Kernel ridge › Solving it\n\nWhy add $\\lambda I$ before inverting?"].startswith("It makes"), cards
    assert not any("one solve" in back and "new points" in back for back in cards.values()), cards


def test_a_belief_without_its_correction_is_no_definition_either():
    note = "\n".join([
        "# Calibration", "",
        "## Things I misread at first", "",
        "- thought a reliability curve on the diagonal = a well ranked classifier, which ranking metrics refute",
        "- thought temperature scaling changes which class wins in most predictions",
        "- thought the Brier score only measures calibration of the probabilities", ""])
    cards = _cards(note, "Calibration.md")
    assert any("a well ranked classifier" in back for back in cards.values()), cards
    assert not any("What is thought" in front for front in cards), cards


def test_questions_still_open_to_the_writer_are_no_cards():
    note = "\n".join([
        "# Boosting", "",
        "## Questions I still have", "",
        "- Why does shrinkage help so much?",
        "  - maybe it acts like early stopping", "",
        "## Open q's", "",
        "- How does the library pick split candidates?",
        "    ",
        "    some quantile sketch, need to read the paper", ""])
    assert not any("shrinkage" in front or "split candidates" in front for front in _cards(note, "Boosting.md"))
