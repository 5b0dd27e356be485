"""Notes exported from Capacities, read as Capacities shows them (session 58): each object a Markdown file with its
`type:` front matter, every block a blank line apart (list items too), links into the app for one block, toggles
written as an item over indented text. Every note is written to one wiki in tmp_path, scanned once through the CLI
(`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("capacities58"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _made(cards: list[dict], rel: str) -> dict[str, str]:
    """{front: back} of the cards of the note `rel`."""
    return {c["front"]: c["back"] for c in cards if c["source"]["path"] == f"notes/{rel}"}


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


BLOCK_LINKS = (
    "---\ntype: Page\ntitle: Random Forests\ncreatedAt: '2025-05-02T10:11:12.000Z'\ntags: [trees]\n---\n\n"
    "# Random Forests\n\n"
    "## Why they work\n\n"
    "Averaging many decorrelated trees lowers the variance of the ensemble without raising its bias "
    "([the block on bagging](https://app.capacities.io/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0/1a2b3c4d-5e6f-7081-"
    "92a3-b4c5d6e7f809?bid=9f8e7d6c-5b4a-3928-1706-f5e4d3c2b1a0)).\n")
NOTES["Pages/Random Forests.md"] = BLOCK_LINKS


def test_a_link_into_the_capacities_app_shows_its_text(cards):
    """A link to one block of another object points into the app (`https://app.capacities.io/…?bid=…`): no card
    shows its address, only its text, as Capacities shows it."""
    made = _made(cards, "Pages/Random Forests.md")
    assert "app.capacities.io" not in _text(made)
    assert made["Random Forests › Why they work"].endswith("(the block on bagging).")


LINKED_TABLE = (
    "---\ntype: Page\ntitle: Boosting Libraries\n---\n\n# Boosting Libraries\n\n"
    "## Comparison\n\n"
    "| | [XGBoost](../Pages/XGBoost.md) | [LightGBM](../Pages/LightGBM.md) | [CatBoost](../Pages/CatBoost.md) "
    "| [sklearn HGB](../Pages/HGB.md) |\n"
    "| --- | --- | --- | --- | --- |\n"
    "| tree growth | level-wise by default, depth-limited | leaf-wise, best-first split of any leaf "
    "| symmetric oblivious trees, one split per level | leaf-wise with a max leaf count |\n"
    "| categorical features | one-hot encoded by the user beforehand | native split on sorted category groups "
    "| ordered target statistics computed online | native support for small cardinality |\n"
    "| missing values | learned default direction at every split | learned default direction at every split "
    "| treated as the minimum value of the feature | learned default direction at every split |\n")
NOTES["Pages/Boosting Libraries.md"] = LINKED_TABLE


def test_a_table_header_that_links_shows_its_text_on_fronts(cards):
    """A comparison table whose column headers link to other objects (`| [LightGBM](../Pages/LightGBM.md) |`):
    a front that names a column shows the link's text, as a heading path shows a link, never its address."""
    made = _made(cards, "Pages/Boosting Libraries.md")
    assert made and not any("](" in front for front in made)
    assert made["Boosting Libraries › Comparison › tree growth › LightGBM"] == "leaf-wise, best-first split of any leaf"


MATH_TOGGLE = (
    "---\ntype: Page\ntitle: Kernel Density Estimation\n---\n\n# Kernel Density Estimation\n\n"
    "## Bandwidth\n\n"
    "The bandwidth sets how far each point's kernel spreads its mass.\n\n"
    "- Silverman's rule for $h$ (toggle)\n\n"
    "    For a Gaussian kernel and roughly normal data the asymptotically optimal bandwidth is about "
    "$1.06\\,\\hat\\sigma\\, n^{-1/5}$, which oversmooths multimodal data.\n")
NOTES["Pages/Kernel Density Estimation.md"] = MATH_TOGGLE


def test_a_toggle_named_with_a_symbol_titles_its_text(cards):
    """A toggle's name may hold a symbol in math (`- Silverman's rule for $h$ (toggle)`): its text is carded
    under that name, and the toggle's line is on no back."""
    made = _made(cards, "Pages/Kernel Density Estimation.md")
    assert made["Kernel Density Estimation › Bandwidth › Silverman's rule for $h$"].startswith(
        "For a Gaussian kernel and roughly normal data")
    assert "(toggle)" not in _text(made)


EXAMPLE_TOGGLE = (
    "---\ntype: Page\ntitle: Learning Rate Warmup\n---\n\n# Learning Rate Warmup\n\n"
    "## Linear warmup\n\n"
    "Why it helps:\n\n"
    "- Adam's second-moment estimate is noisy in the first steps, so early updates are too large.\n\n"
    "- A small learning rate at the start keeps those early noisy updates from undoing the initialisation.\n\n"
    "- Large-batch training needs it most, because its learning rate is scaled up with the batch.\n\n"
    "- Worked example (did this one on paper first)\n\n"
    "    With a peak rate of 0.001 and 500 warmup steps, step 100 uses 0.0002.\n\n"
    "    Step 250 uses 0.0005, half the peak.\n")
NOTES["Pages/Learning Rate Warmup.md"] = EXAMPLE_TOGGLE


def test_a_toggle_titled_as_a_worked_example_with_an_aside_is_an_example(cards):
    """`- Worked example (did this one on paper first)` over indented text is a toggle whose name is a worked
    example's (the writer's aside after it no part of the name): its arithmetic is on no card."""
    made = _made(cards, "Pages/Learning Rate Warmup.md")
    assert "0.0002" not in _text(made) and "half the peak" not in _text(made)


SILHOUETTE_LIKE = (
    "---\ntype: Definition\ntitle: Davies-Bouldin Index\n---\n\n# Davies-Bouldin Index\n\n"
    "An internal index of a clustering: lower is better.\n\n"
    "For cluster $i$ with centroid $c_i$:\n\n"
    "$$\nS_i = \\frac{1}{|C_i|} \\sum_{x \\in C_i} \\lVert x - c_i \\rVert\n$$\n\n"
    "(average distance of the cluster's points to its centroid — its scatter)\n\n"
    "$$\nR_{ij} = \\frac{S_i + S_j}{\\lVert c_i - c_j \\rVert}\n$$\n\n"
    "(how alike two clusters are, relative to how far apart their centroids are)\n\n"
    "$$\nDB = \\frac{1}{K} \\sum_{i=1}^{K} \\max_{j \\ne i} R_{ij}\n$$\n")
NOTES["Definitions/Davies-Bouldin Index.md"] = SILHOUETTE_LIKE


def test_a_gloss_under_a_formula_is_on_that_formulas_front(cards):
    """A paragraph only in brackets right under a display formula says what that formula is: it is on that
    formula's front, not the next formula's (before, the scatter's gloss asked for R_ij, R_ij's for DB)."""
    made = _made(cards, "Definitions/Davies-Bouldin Index.md")
    front_of = {back.split("=")[0].strip("$ \n"): front for front, back in made.items() if back.startswith("$$")}
    assert front_of["S_i"].endswith("(average distance of the cluster's points to its centroid — its scatter)")
    assert front_of["R_{ij}"].endswith(
        "(how alike two clusters are, relative to how far apart their centroids are)")
    assert "(" not in front_of["DB"]


TAKEAWAYS = (
    "---\ntype: Weblink\ntitle: A Recipe for Training Neural Networks\nurl: https://karpathy.github.io/2019/04/25/"
    "recipe/\n---\n\n# A Recipe for Training Neural Networks\n\n"
    "Read it twice, the second time with a notebook open.\n\n"
    "My takeaways:\n\n"
    "- Overfit a single batch first: if the loss does not go to zero, the model or the loss is broken.\n\n"
    "- Verify the loss at initialisation matches what a uniform prediction gives, e.g. log of the class count.\n\n"
    "- Add complexity one piece at a time, checking the loss moves as expected after each step.\n\n"
    "- Visualise the exact tensors that go into the network, right before the forward pass.\n\n"
    "- Fix the random seed while debugging, so that two runs differ only by what was changed.\n\n"
    "- Turn off learning rate decay until the base learning rate is tuned.\n\n"
    "Things the post made me rethink:\n\n"
    "- Learning rate decay schedules copied from papers can hide a badly tuned base learning rate, because the "
    "schedule was tuned for another dataset and batch size.\n\n"
    "- Ensembles are a nearly guaranteed final gain of a couple of percent when the compute allows it, even after "
    "every other trick has been used.\n\n"
    "- A validation loss that is lower than the training loss usually means dropout or augmentation is on during "
    "training only.\n")
NOTES["Weblinks/A Recipe for Training Neural Networks.md"] = TAKEAWAYS


def test_a_label_over_a_loose_list_asks_its_items_one_by_one(cards):
    """A label line ("My takeaways:") over a list whose items stand a blank line apart, as Capacities writes
    every list, heads the list as it would a tight one: each takeaway is a card under the label (before, the
    label was too short to introduce the list, and of its six items only the one with a label of its own was on
    a card)."""
    made = _made(cards, "Weblinks/A Recipe for Training Neural Networks.md")
    takeaways = [back for front, back in made.items()
                 if front.startswith("A Recipe for Training Neural Networks › My takeaways")]
    assert len(takeaways) == 5  # (the sixth, "Overfit a single batch first: …", is asked by its own label: one card
    # per fact, `note_twins`)
    assert any("the loss does not go to zero" in back for back in made.values())
    assert "Turn off learning rate decay until the base learning rate is tuned." in takeaways


NOTES_LEAD = (
    "---\ntype: Page\ntitle: Gradient Boosting\n---\n\n# Gradient Boosting\n\n"
    "## Shrinkage\n\n"
    "Hurried notes from the end of the lecture:\n\n"
    "- Each tree's contribution is multiplied by a learning rate below one before it is added.\n\n"
    "- A smaller learning rate needs more trees but usually generalises better.\n\n"
    "- Shrinkage and early stopping together control how far the ensemble fits the training data.\n")
NOTES["Pages/Gradient Boosting.md"] = NOTES_LEAD


def test_a_line_about_the_notes_over_a_list_leaves_the_list_carded(cards):
    """"Hurried notes from the end of the lecture:" speaks of the notes, not the subject; the list it leads into
    is the section's text all the same (before, the whole section was taken for talk about the page and no item
    was on a card)."""
    made = _made(cards, "Pages/Gradient Boosting.md")
    text = _text(made)
    assert "multiplied by a learning rate below one" in text
    assert "early stopping together control" in text
    assert "Hurried notes" not in "\n".join(made.values())


HUB = (
    "---\ntype: Page\ntitle: Sequence Models MOC\ntags: [moc]\n---\n\n# Sequence Models MOC\n\n"
    "Hub for the sequence block of the course, weeks 5 to 8.\n\n"
    "## Why sequences are different\n\n"
    "The examples of a sequence are not independent: each step depends on the ones before it, so a model has to "
    "carry information across time, either in a hidden state or by attending to earlier positions directly.\n\n"
    "## Notes\n\n"
    "1. [Recurrent Networks](../Pages/Recurrent%20Networks.md) — hidden state, backpropagation through time\n\n"
    "2. [LSTM](../Pages/LSTM.md) — gates, the cell state\n\n"
    "3. [Attention](../Pages/Attention.md) — queries, keys, values\n\n"
    "## Timeline\n\n"
    "| year | model |\n| --- | --- |\n| 1997 | LSTM |\n| 2014 | GRU |\n| 2017 | Transformer |\n")
NOTES["Pages/Sequence Models MOC.md"] = HUB


def test_a_map_of_content_that_explains_cards_its_own_words_only(cards):
    """A hub that also explains what ties its notes together is read as a note: its section of its own words is a
    card (before, a map of content made none but the forms written for mlwiki); its lists of links, its timeline
    table and its opening line on what it covers are on no card."""
    made = _made(cards, "Pages/Sequence Models MOC.md")
    assert made["Sequence Models MOC › Why sequences are different"].startswith(
        "The examples of a sequence are not independent")
    text = _text(made)
    assert "](" not in text and "1997" not in text and "weeks 5 to 8" not in text


IMAGE_OBJECT = (
    "---\ntype: Image\ntitle: loss-curve-warmup\ndescription: Training loss with and without warmup.\n"
    "createdAt: '2025-05-03T09:00:00.000Z'\ntags: [plots]\n---\n\n"
    "![loss-curve-warmup](Media/loss-curve-warmup.png)\n\n"
    "Exported from the week-3 lab notebook. Without warmup the loss spikes at step 40 and never recovers.\n\n"
    "Used in [Learning Rate Warmup](../Pages/Learning%20Rate%20Warmup.md)\n")
NOTES["Images/loss-curve-warmup.md"] = IMAGE_OBJECT


def test_a_capacities_image_object_makes_no_card(cards):
    """A note that stands for a picture (`type: Image`: the picture and its caption, as Capacities exports each
    image object) is no study material: what one picture shows is on no card."""
    assert _made(cards, "Images/loss-curve-warmup.md") == {}


DERIVATION_STEPS = (
    "---\ntype: Page\ntitle: Ridge Regression\n---\n\n# Ridge Regression\n\n"
    "## Derivation of the closed form\n\n"
    "### Setting the gradient to zero\n\n"
    "The gradient of the penalised loss is $-2X^\\top(y - Xw) + 2\\lambda w$ for every weight vector. "
    "Setting it to zero gives $(X^\\top X + \\lambda I) w = X^\\top y$ for the optimum. "
    "The matrix is positive definite for any positive lambda, so it is invertible. "
    "Inverting it gives the rest.\n")
NOTES["Pages/Ridge Regression.md"] = DERIVATION_STEPS


def test_a_paragraph_under_a_derivation_heading_is_one_argument(cards):
    """The sentences of a paragraph under a derivation's heading are the steps of one argument: one card, not a
    card per sentence (before, "Inverting it gives the rest." was asked on a card of its own)."""
    made = _made(cards, "Pages/Ridge Regression.md")
    assert "Inverting it gives the rest." not in made.values()
    assert any(back.endswith("Inverting it gives the rest.") and back.startswith("The gradient of the penalised loss")
               for back in made.values())


LONG_LIST_SECTION = (
    "---\ntype: Page\ntitle: Cross-Validation\n---\n\n# Cross-Validation\n\n"
    "## Ways it goes wrong (one line each)\n\n"
    "- Scaling the whole data set before splitting → the test folds leak their mean and variance into training.\n\n"
    "- Random folds on time series → the model is validated on the past after training on the future.\n\n"
    "- Tuning hyperparameters on the same folds that report the score → an optimistic estimate of the error.\n\n"
    "- Several rows of one patient in different folds → the model recognises patients instead of learning the "
    "disease.\n\n"
    "- Oversampling the minority class before splitting → copies of a validation row sit in the training folds.\n\n"
    "- Feature selection on all rows before the split → the chosen features already saw the validation labels.\n\n"
    "- Too few folds on a small data set → the estimate swings a lot from one random split to the next.\n\n"
    "- Reporting the best of many random seeds → the score reflects luck as much as the model.\n\n"
    "> 💡 Every one of these is the same mistake: some information from the validation rows reached the model "
    "before it was scored, so the score no longer measures generalisation.\n")
NOTES["Pages/Cross-Validation.md"] = LONG_LIST_SECTION


def test_a_section_too_long_for_one_card_keeps_its_claims(cards):
    """A section too long for one card (eight claims and a remark, a blank line between each, as Capacities
    writes them) made no card at all: its claims are each a card now, asked by what they open on."""
    made = _made(cards, "Pages/Cross-Validation.md")
    text = _text(made)
    for claim in ("the test folds leak their mean and variance", "validated on the past",
                  "copies of a validation row", "the score reflects luck"):
        assert claim in text, claim
