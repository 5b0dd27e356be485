"""Section cards (issue 23, recall): a heading over a short passage or a list of explanations is a card, as notes
written without any question or card syntax are carded by hand; and the general formulas a worked example states
are cards. Every test writes notes in the styles the shared corpora use (an Obsidian vault titled by file names,
Jupyter Book notebooks) into tmp_path and reads what the CLI makes of them."""

from __future__ import annotations

import json

from conftest import db_rows, new_wiki, run, write

from mlwiki.config import load_config
from mlwiki.scan.check import FORMS, form_census

NOTE = """#deep_learning #regularization

Dropout zeroes each hidden unit at random while training, so no unit can count on another being there.

## At test time
Nothing is dropped, and nothing is rescaled either: inverted dropout already divided by the keep probability
while training.

## Why does it regularise
- Each unit learns to work without any one of its inputs, which spreads the weights out as an L2 penalty does.
- Every step trains a different thinned network, so the whole behaves like an average of many networks.

## Variants
- Spatial Dropout
- Variational Dropout
- Drop Connect

## References
1. https://example.org/a-lecture-on-dropout
"""


WHY = NOTE.split("## Why does it regularise\n")[1].split("\n\n")[0].split("\n")  # (its two reasons)


def cards(root, *paths) -> list[dict]:
    return json.loads(run(root, "cards", "--json", *paths, ok=True).output)


def sections(root) -> dict[str, str]:
    """front → back of the basic cards (the section cards, in these notes)."""
    return {c["front"]: c["back"] for c in cards(root) if c["kind"] == "basic"}


def test_sections_of_prose_and_explained_lists_are_cards_named_after_the_note(tmp_path):
    root = new_wiki(tmp_path, {"Deep learning/Dropout.md": NOTE})
    found = sections(root)
    assert found == {
        "Dropout\n\nWhat does Dropout zero?": "Dropout zeroes each hidden unit at random while training, so no unit can count on another "
                   "being there.",
        "Dropout › At test time": "Nothing is dropped, and nothing is rescaled either: inverted dropout already "
                                  "divided by the keep probability\nwhile training.",
        **{f"Dropout › Why does it regularise\n\nWhy does Dropout regularise?\n\n{shown}": asked[2:]
           for shown, asked in ((f"- Each unit learns [...]\n{WHY[1]}", WHY[0]),
                                  (f"{WHY[0]}\n- Every step trains [...]", WHY[1]))},  # (first words: session 50)
        "Dropout › Variants": "- Spatial Dropout\n- Variational Dropout\n- Drop Connect",
    }, "the tags line is left off; the references make no card; names under a plural heading ask for the list; " \
       "a reason is asked with the other shown (session 47)"


def test_check_counts_section_cards_and_the_setting_switches_them_off(tmp_path):
    root = new_wiki(tmp_path, {"Dropout.md": NOTE})
    report = json.loads(run(root, "check", "--json", ok=True).output)
    assert report["made"]["section"] == 5  # (four sections; the two reasons a card each)
    off = new_wiki(tmp_path / "off", {"Dropout.md": NOTE}, 'name = "T"\nsections = false\n[review]\ntimezone = "UTC"\n')
    assert sections(off) == {}
    result = run(off, "check")
    assert "5 sections of prose or explanations under a heading: `sections = true` makes 5 cards" in result.stderr


def test_a_section_whose_formula_is_a_card_gives_only_its_opening_paragraph(tmp_path):
    note = ("## Momentum\n\nMomentum keeps a running average of past gradients and steps along it, which damps the "
            "zig-zag across a narrow valley.\n\nA second paragraph on the history of the idea.\n\n"
            "The velocity is updated with the current gradient:\n\n$$v_t = \\beta v_{t-1} + (1 - \\beta) g_t$$\n")
    root = new_wiki(tmp_path, {"Optimisers.md": note})
    found = {c["front"]: c["back"] for c in cards(root)}
    assert found["Optimisers › Momentum"].startswith("Momentum keeps a running average")
    assert "history" not in found["Optimisers › Momentum"]
    assert any(front.endswith("The velocity is updated with the current gradient:") for front in found)
    intro_only = note.split("A second paragraph on the history of the idea.\n\n")[1]
    short = new_wiki(tmp_path / "short", {"Optimisers.md": "## Momentum\n\n" + intro_only})
    assert "Optimisers › Momentum" not in {c["front"] for c in cards(short)}, \
        "the paragraph right before a formula introduces it: it is that card's front, not a card of its own"


def test_a_bold_label_paragraph_is_a_part_of_its_own(tmp_path):
    note = ("## Parameter-efficient fine-tuning\n\nTraining every weight is slow and needs a copy of the whole model "
            "per task.\n\n**Adapters**\nSmall trainable layers are inserted into each block while the pretrained "
            "weights stay frozen.\n\n**Low-rank updates**\nThe change of a weight matrix is learnt as the product of "
            "two thin matrices, so few numbers are trained.\n\n**Why does it work?**\nThe updates needed for a task "
            "have a low intrinsic rank.\n")
    root = new_wiki(tmp_path, {"Fine-tuning.md": note})
    found = {c["front"]: c["back"] for c in cards(root)}
    base = "Parameter-efficient fine-tuning"  # (the heading names the note's subject)
    assert found[base] == "Training every weight is slow and needs a copy of the whole model per task."
    assert found[f"{base} › Adapters"].startswith("Small trainable layers are inserted")
    assert found[f"{base} › Low-rank updates"].startswith("The change of a weight matrix")
    assert f"{base} › Why does it work?" not in found, "a bold question is a card of the bold-question form"
    assert any(front.endswith("Why does it work?") for front in found)


def test_what_reads_as_no_answer_makes_no_card(tmp_path):
    notes = {
        "Tutorial.md": "## Building the model\nLet's build a small network and train it for ten epochs.\n",
        "Teaser.md": "## Blur\nWhy are these samples blurry? The next section answers it.\n",
        "Page.md": "## Scope\nThis page lists the metrics used in the course and where they come from.\n",
        "Example.md": "## Ensembles\nThree voters at 70 % each are right together 0.343 + 0.441 = 0.784 of the "
                      "time.\n",
        "Pointer.md": "## Elbow\nThe curve in the figure bends where adding clusters stops paying off.\n",
        "Fragment.md": "## Skip-grams\nits only goal is to produce good embeddings of the words around it.\n",
        "Announce.md": "## Algorithm\nThe algorithm is as follows:\n\n![[steps.png]]\n",
        "Toc.md": "## Contents of the course\n- Nearest Neighbour Filtering\n- User-User Algorithm\n"
                  "- Item-Item Algorithm\n",
        "Glossary.md": "## Terms\n**Epoch**: one pass over the whole training set.\n\n**Batch**: the examples of "
                       "one step of gradient descent.\n",
    }
    root = new_wiki(tmp_path, notes)
    assert sections(root) == {}


def test_a_section_card_keeps_its_id_and_history_when_its_text_is_edited(tmp_path):
    root = new_wiki(tmp_path, {"Dropout.md": NOTE})
    first = {c["front"]: c["id"] for c in cards(root)}["Dropout › At test time"]
    run(root, "review", "--plain", input="\n3\n" * 3 + "q\n", ok=True)  # (the note's three cards, all Good)
    assert first in {row[0] for row in db_rows(root, "SELECT card_id FROM reviews")}
    write(root / "notes", "Dropout.md", NOTE.replace("Nothing is dropped", "No unit is dropped"))
    after = {c["front"]: c for c in cards(root)}["Dropout › At test time"]
    assert after["id"] == first and after["back"].startswith("No unit is dropped")
    assert after["reviews"] == 1


def test_a_note_titled_example_states_general_formulas_that_are_cards(tmp_path):
    cell = "## Example 1\n\nSigmoid derivative:\n\n$$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$$\n\n" \
           "Substituting the known values:\n\n$$\\sigma'(0) = \\frac{1}{2} \\cdot \\frac{1}{2} = 0.25$$\n\n" \
           "The weights of this example:\n\n$$W = \\frac{1}{2}$$\n\nThe loss simplifies in this case to:\n\n" \
           "$$L = -\\ln(a)$$\n"
    root = new_wiki(tmp_path, {"Backprop by hand.md": cell})
    formulas = [c["back"] for c in cards(root) if c["kind"] == "formula"]
    assert formulas == ["$$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$$"]
    report = json.loads(run(root, "check", "--json", ok=True).output)
    assert sum(report["skipped"]["formula"].values()) == 3
    exercise = "```{exercise}\nSigmoid derivative:\n\n$$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$$\n```\n"
    marked = new_wiki(tmp_path / "marked", {"Drill.md": exercise})
    assert [c for c in cards(marked) if c["kind"] == "formula"] == [], "an exercise the author marked stays out"


def test_the_subject_roots_fronts_under_a_later_h1_and_is_matched_as_a_word(tmp_path):
    note = ("## Idea\nPoints with many close neighbours form the core of a cluster.\n\n# Variants\n\n## HDBSCAN\n"
            "A hierarchical version that needs no distance threshold at all.\n")
    root = new_wiki(tmp_path, {"DBSCAN.md": note})
    assert set(sections(root)) == {"DBSCAN › Idea\n\nWhat is the key idea of DBSCAN?", "DBSCAN › Variants › HDBSCAN"}


LONG = """## Saving a model

Saving only the learned parameters is the usual way: they load into any instance of the same class, and a
refactor of the code that defines the model does not break the file. Saving the whole object pickles the class
by its import path as well, so moving or renaming the class breaks loading. {pad}

Two calls save and load the parameters:

- one writes the dictionary of parameters to a file with the serialiser of the framework;
- the other reads that dictionary back into a freshly built model of the same architecture.

| Call | What does it do? |
|---|---|
| `save` | writes any object to disk with the pickle protocol |
| `load_state_dict` | copies a dictionary of tensors into the matching parameters of a model |

Why not pickle the whole model?

Because the pickle keeps the path of the class, and any move of that class breaks loading the file later.
"""


def test_a_long_section_gives_its_opening_its_lists_table_rows_and_questions(tmp_path):
    note = LONG.format(pad="It also keeps files small, since no code and no optimiser state are stored with them. " * 3)
    root = new_wiki(tmp_path, {"Checkpoints.md": note})
    found = {c["front"]: c["back"] for c in cards(root)}
    path = "Checkpoints › Saving a model"
    assert found[path].startswith("Saving only the learned parameters is the usual way")
    assert found[f"{path}\n\nTwo calls save and load the parameters:"].startswith("- one writes the dictionary")
    assert found[f"{path} › `save` › What does it do?"] == "writes any object to disk with the pickle protocol"
    assert found[f"{path} › `load_state_dict` › What does it do?"].endswith("matching parameters of a model")
    assert found[f"{path}\n\nWhy not pickle the whole model?"].startswith("Because the pickle keeps the path")
    assert len(found) == 5
    made = json.loads(run(root, "check", "--json", ok=True).output)["made"]
    assert made == {"section": 1, "list": 1, "table-row": 2, "question-line": 1}


def test_titled_callouts_and_grid_cards_are_parts_of_their_section(tmp_path):
    obsidian = ("## Statements\n\nA count of successes in independent trials follows the binomial law when each trial "
                "succeeds with the same probability.\n\n> [!info] Parameters\n> - $n$: the number of independent "
                "trials made.\n> - $p$: the probability that one trial succeeds.\n\n> [!tip] Tip\n> Remember the "
                "mean as the number of trials times the chance of success.\n")
    book = ("## Overview\n\n::::{grid}\n:::{grid-item-card}\nDeep learning\n^^^^^^^^^^^^^\nmachine learning with "
            "many layers that learn features of growing abstraction from the data.\n:::\n::::\n")
    root = new_wiki(tmp_path, {"Binomial.md": obsidian, "Basics.md": book})
    found = {c["front"]: c["back"] for c in cards(root)}
    assert found["Binomial › Statements"].startswith("A count of successes in independent trials")
    assert found["Binomial › Statements › Parameters"] == ("- $n$: the number of independent trials made.\n"
                                                           "- $p$: the probability that one trial succeeds.")
    assert not any(front.endswith("Tip") for front in found), "a callout titled only 'Tip' names no subject"
    assert found["Basics › Overview › Deep learning"].startswith("machine learning with many layers")


def test_a_tutorials_narration_is_trimmed_or_makes_no_card(tmp_path):
    note = ("## Chain rule in backpropagation\n\nThe chain rule lets backpropagation compute every gradient of the "
            "loss from the gradients of the layer above it, one layer at a time. Let's see how with an example.\n\n"
            "## Training loop\n\nNow that we've got data, let's write the loop and train for ten epochs.\n")
    root = new_wiki(tmp_path, {"Backprop.md": note})
    assert sections(root) == {"Backprop › Chain rule in backpropagation":
                              "The chain rule lets backpropagation compute every gradient of the loss from the "
                              "gradients of the layer above it, one layer at a time."}


def test_rows_of_a_myst_list_table_are_cards_and_tables_of_numbers_or_symbols_are_not(tmp_path):
    notation = ("## Notation\n\n```{list-table}\n:header-rows: 1\n\n* - Symbol\n  - Formula\n  - Explained\n"
                "* - $\\mu$\n  - $\\sum_x x P(X=x)$\n  - [🔗](expected-value)\n* - $\\sigma$\n  - $\\sqrt{V(X)}$\n"
                "  - the standard deviation\n```\n")
    moments = ("## Moments\n\n```{list-table}\n:header-rows: 1\n\n* - Moment\n  - Formula\n  - Explained\n"
               "* - Mean\n  - $\\sum_x x P(X=x)$\n  - [🔗](expected-value)\n* - Spread\n  - $\\sqrt{V(X)}$\n"
               "  - the standard deviation\n```\n")
    results = ("## Results\n\nThe runs of the week, each with its score and time, are kept for the report:\n\n"
               "| Run | Accuracy | Time |\n|---|---|---|\n| 1 | 0.91 | 12 ms |\n| 2 | 0.93 | 15 ms |\n")
    root = new_wiki(tmp_path, {"Statistics.md": notation + moments, "Runs.md": results})
    found = {c["front"]: c["back"] for c in cards(root)}
    assert found["Statistics › Moments › Mean › Formula"] == "$\\sum_x x P(X=x)$", "a bare link is no answer"
    assert found["Statistics › Moments › Spread: Formula, Explained?"] == ("- Formula: $\\sqrt{V(X)}$\n"
                                                     "- Explained: the standard deviation")
    assert not any(front.startswith("Statistics › Notation ›") for front in found), \
        "a table of symbols is the notation of one text: no row cards"
    assert not any(front.startswith("Runs") for front in found), "a table of numbers makes no card"


def test_a_line_of_the_example_before_a_general_formula_does_not_introduce_it(tmp_path):
    note = ("### Exercise: ratings\n\nFor each user:\n- find the neighbours with the highest similarity\n"
            "- may keep only the top ten of them\n\n$$s(u, i) = \\bar r_u + \\sum_v w_{uv} (r_{vi} - \\bar r_v)$$\n\n"
            "Pearson correlation formula:\n\n$$r = \\frac{\\sum (x - \\bar x)(y - \\bar y)}{n s_x s_y}$$\n")
    root = new_wiki(tmp_path, {"Neighbours.md": note})
    fronts = [c["front"] for c in cards(root) if c["kind"] == "formula"]
    assert fronts == ["Neighbours › Exercise: ratings\n\nPearson correlation formula:"]


OUTLINE = """#classification
- Non-parametric, supervised, predicts from the labels of the nearest training points, with no training stage at all
  besides storing the data, which is why it is also called instance-based or memory-based learning in books.
  (The whole note is too long for one card: a passage of over 150 words is a page to reread, not an answer to
  recall, so the section as a whole makes no card here; its branches do. This sentence and the next pad it out.
  A learner who writes notes as an outline puts the answers in the branches, one level below the labels.)
- Make a prediction
\t- Define k: the number of neighbours to be checked
\t\t- lower k: overfitting, low bias, high variance
\t\t- higher k: underfitting, high bias, low variance
\t- Majority vote
\t\t- the neighbours vote on the class; for regression their targets are averaged
- This item is a sentence, so nothing under it is asked.
\t- Pros
\t\t- simple and quick to set up for a new dataset
- time of day
\t- time of day similarity
- References
\t- a lecture on nearest neighbours, slides and notes
"""


def test_a_labelled_bullet_with_nested_items_is_a_card_under_its_labels(tmp_path):
    root = new_wiki(tmp_path, {"K-nearest neighbours.md": OUTLINE})
    found = sections(root)
    assert found == {
        "K-nearest neighbours › Make a prediction": "- Define k: the number of neighbours to be checked\n"
        "    - lower k: overfitting, low bias, high variance\n    - higher k: underfitting, high bias, low variance\n"
        "- Majority vote\n    - the neighbours vote on the class; for regression their targets are averaged",
    }, "the outermost branch small enough wins; under a sentence, a repeated label and References: no card"
    assert json.loads(run(root, "check", "--json", ok=True).output)["made"]["outline"] == 1


def test_a_branch_too_big_for_one_card_gives_its_labelled_parts(tmp_path):
    long_vote = "\t\t- " + " ".join(["the neighbours vote on the class"] * 12) + "\n"
    root = new_wiki(tmp_path, {"kNN.md": OUTLINE.replace("\t- Majority vote\n", "\t- Majority vote\n" + long_vote)})
    found = sections(root)
    assert found["kNN › Make a prediction › Define k"] == (
        "the number of neighbours to be checked\n- lower k: overfitting, low bias, high variance\n"
        "- higher k: underfitting, high bias, low variance")
    assert not any("Majority vote" in front for front in found)  # alone over 80 words: a page, not an answer


def test_a_line_that_only_cites_a_page_is_left_off_the_back(tmp_path):
    note = ("#data\n\np.g. 113 of *[[Designing Machine Learning Systems]]*\nData augmentation is a family of "
            "techniques that increase the amount of training data, most useful where data is scarce.\n")
    root = new_wiki(tmp_path, {"Data Augmentation.md": note})
    assert sections(root) == {"Data Augmentation\n\nWhat is data augmentation?": "Data augmentation is a family of techniques that increase the "
                                                   "amount of training data, most useful where data is scarce."}


SECTION_FORMS = [form for form, (_, setting) in FORMS.items() if setting == ("sections", "true")]


def test_check_gives_no_hint_to_switch_on_a_setting_that_is_already_on(tmp_path):
    """With `sections = true`, sections that make no card on purpose (a map of content's lists of links) are no
    reason to tell the learner to set `sections = true`."""
    note = ("---\ntags: [moc]\n---\n# Optimisers MOC\n\nAn index of my optimiser notes, grouped by order.\n\n"
            "## First order\n- [[SGD]] — plain steps, then momentum and Nesterov\n"
            "- [[Adam]] — moments, bias correction, AdamW\n\n## Second order\n"
            "- [[Newton]] — the Hessian step and why it is costly\n- [[L-BFGS]] — curvature from a few past steps\n")
    root = new_wiki(tmp_path, {"Optimisers MOC.md": note})
    made, possible = form_census(load_config(root))
    assert any(possible[form] > made[form] for form in SECTION_FORMS), "a section form matched more than carded"
    assert "`sections = true` makes" not in run(root, "check").stderr
