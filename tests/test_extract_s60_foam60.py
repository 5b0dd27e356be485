"""Foam notes (VS Code): daily notes in journal/ with a "Learned" list wrapped as the editor wraps it, a note's
opening pointer to its map of content, the writer's own stories between the facts, a grab-bag's leftover item over
its code, a general subsection under "## Examples" that names L1 / L2, and Foam's note templates (session 60).
Every note is written to one wiki in tmp_path, scanned once through the CLI (`cards --json`); each test reads the
cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note as _made, note_text as _text, new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def wiki(tmp_path_factory):
    """A wiki holding every note of this module."""
    return new_wiki(tmp_path_factory.mktemp("foam60"), NOTES, CONFIG)


@pytest.fixture(scope="module")
def cards(wiki) -> list[dict]:
    """`mlwiki cards --json` of the wiki."""
    return json.loads(run(wiki, "cards", "--json", ok=True).output)


DAY = (
    "---\ntags: [daily]\n---\n\n# 2026-05-04\n\n## Studied today\n\n- [[bias-variance]] and [[bagging]]\n\n"
    "## Learned\n\n"
    "- Bagging reduces variance because averaging many decorrelated high-variance trees cancels their errors out\n"
    "  without adding much bias. Boosting instead reduces bias.\n"
    "- Out-of-bag error = the error of each tree on the samples its bootstrap left out.\n"
    "- #til Feature bagging is what makes a random forest more than bagged trees: each split only looks at a\n"
    "  random subset of the features.\n\n"
    "## Tomorrow\n\n- [ ] gradient boosting chapter\n\n"
    "[bias-variance]: bias-variance \"Bias variance\"\n[bagging]: bagging \"Bagging\"\n")
NOTES["journal/2026-05-04.md"] = DAY


def test_a_daily_notes_learned_items_wrapped_over_lines_are_each_a_card(cards):
    """A Foam daily note's "## Learned" list, each item wrapped over two lines as VS Code wraps it: the item led by
    a label is a card, and so is each other item that states a fact, asked by what it is about; an item's leading
    #tag is off its back."""
    made = _made(cards, "journal/2026-05-04.md")
    backs = list(made.values())
    assert any(b.startswith("Out-of-bag error = the error of each tree") for b in backs)
    assert any(b.startswith("Bagging reduces variance because averaging") for b in backs)
    forest = [f for f, b in made.items() if b.startswith("Feature bagging is what makes a random forest")]
    assert forest and "Feature bagging" in forest[0]
    assert "#til" not in _text(made)


WORDY_DAY = (
    "# Monday, May 11, 2026\n\n## Learned\n\n"
    "- The Adam optimiser keeps running averages of the gradient and of its square, one pair for every\n"
    "  parameter of the model.\n"
    "- Weight decay in AdamW is applied to the weights directly instead of being added to the gradient\n"
    "  before the adaptive step.\n")
NOTES["journal/2026-05-11.md"] = WORDY_DAY


def test_a_daily_note_titled_with_a_spelled_out_date_reads_its_learned_items_one_by_one(cards):
    """Foam's and Obsidian's date formats title a daily note "Monday, May 11, 2026": its "Learned" items are one
    card each, as under "2026-05-04", not one card of the whole list asked "Monday, May 11, 2026 › Learned"."""
    made = _made(cards, "journal/2026-05-11.md")
    assert not any(f.endswith("› Learned") for f in made)
    assert any(b.startswith("The Adam optimiser keeps running averages") and "Weight decay" not in b
               for b in made.values())
    assert any(b.startswith("Weight decay in AdamW is applied") for b in made.values())


MOC_POINTER = (
    "# Bootstrap\n\n#statistics\n\nPart of my [[statistics-for-ml]] notes. Sources: Efron & Tibshirani ch. 6.\n\n"
    "## Idea\n\nThe bootstrap estimates the sampling distribution of a statistic by recomputing it on samples drawn "
    "with replacement from the data.\n\n"
    "[statistics-for-ml]: statistics-for-ml \"Statistics for ML\"\n")
NOTES["bootstrap.md"] = MOC_POINTER


def test_the_opening_pointer_to_a_map_of_content_is_on_no_card(cards):
    """"Part of my [[statistics-for-ml]] notes." under a Foam note's title says where the note is filed, nothing of
    the subject: no card holds it, while the section's fact is carded."""
    text = _text(_made(cards, "bootstrap.md"))
    assert "Part of my" not in text
    assert "recomputing it on samples drawn with replacement" in text


STORIES = (
    "# Calibration\n\n## Reliability diagrams\n\n"
    "A reliability diagram plots the observed frequency of the positive class against the predicted probability, "
    "bin by bin; a calibrated model lies on the diagonal.\n\n"
    "Had a long chat with Priya after the seminar about whether ECE is a good metric. We did not agree.\n\n"
    "## Temperature scaling\n\n"
    "- Temperature scaling divides the logits by one scalar fitted on a validation set.\n"
    "- It changes the confidence of the predictions but never their ranking, so accuracy stays the same.\n\n"
    "Personal note: at my last job we shipped a model without it and the probabilities were useless for "
    "thresholds.\n\n"
    "## Week\n\nMeeting with Jonas 10:30 about the calibration benchmark — moved to Friday.\n")
NOTES["calibration.md"] = STORIES


def test_the_writers_own_stories_are_on_no_card(cards):
    """A conversation ("Had a long chat with Priya …"), a paragraph labelled "Personal note:" and an appointment
    ("Meeting with Jonas 10:30 …") are the writer's day, not the subject: off every back, and no card of their
    own; the facts around them are still carded."""
    text = _text(_made(cards, "calibration.md"))
    assert "long chat" not in text and "Personal note" not in text and "Meeting with Jonas" not in text
    assert "plots the observed frequency of the positive class" in text
    assert "never their ranking" in text


GRAB_BAG = (
    "# Softmax\n\n## Pitfalls\n\n"
    "1. Applying softmax twice (probabilities fed to a loss that expects logits and takes its own softmax).\n"
    "2. Skipping the max subtraction (the exponentials overflow in float16 once a logit passes about 11).\n"
    "3. Taking $\\log$ of a softmax output that underflowed to $0$ gives $-\\infty$ and NaN gradients; use\n"
    "   `log_softmax` instead.\n\n"
    "```python\nimport torch\n\nx = torch.tensor([1000., 0.])\nprint(torch.log(torch.softmax(x, 0)))  # tensor([0., -inf])\n```\n")
NOTES["softmax.md"] = GRAB_BAG


def test_an_item_left_on_a_grab_bags_card_comes_before_the_code_after_the_list(cards):
    """A bag of pitfalls whose items say their topics is a card per item; the item left on the section's card opens
    its back, and the code block the list ends on (its illustration, blank lines and all) comes after it."""
    made = _made(cards, "softmax.md")
    left = [b for b in made.values() if "```python" in b]
    assert left and left[0].startswith("Taking $\\log$ of a softmax output that underflowed")
    assert left[0].rstrip().endswith("```") and "x = torch.tensor" in left[0]


EXAMPLES = (
    "# Regularisation\n\n## Examples\n\n### Ridge = Gaussian prior\n\n"
    "Ridge regression adds an L2 penalty on the weights: it is the MAP estimate under a Gaussian prior, while an L1 "
    "penalty is the MAP estimate under a Laplace prior.\n\n"
    "### Worked example\n\nWith $\\lambda = 0.5$ and $w = 3$ the penalty is $0.5 \\cdot 9 = 4.5$.\n")
NOTES["regularisation.md"] = EXAMPLES


def test_a_general_subsection_of_examples_that_names_l1_and_l2_is_carded(cards):
    """Under "## Examples", a subsection that states a general result is carded even though "L1" and "L2" hold
    digits (names, not an example's numbers); the worked example's arithmetic still is not."""
    text = _text(_made(cards, "regularisation.md"))
    assert "it is the MAP estimate under a Gaussian prior" in text
    assert "4.5" not in text


TEMPLATE = (
    "---\nfoam_template:\n  name: Paper note\n  description: a paper with its claims\n"
    "  filepath: 'papers/${FOAM_TITLE_SAFE}.md'\n---\n\n# ${FOAM_TITLE}\n\n"
    "Read on ${FOAM_DATE_YEAR}-${FOAM_DATE_MONTH}-${FOAM_DATE_DATE}\n\n"
    "## Main claim\n\n${1:what the paper says it shows, in one sentence of my own words}\n\n"
    "## Method\n\n${2:how they show it, the model and the data they used}\n")
NOTES["templates/paper-note.md"] = TEMPLATE


def test_a_foam_note_template_is_no_note(wiki, cards):
    """A file whose front matter holds `foam_template:` is a Foam template ("Foam: Create New Note From Template"
    fills it in): its `${FOAM_TITLE}` placeholders and tab stops are no note's text, so it makes no card and
    `mlwiki check` finds nothing wrong in it (its `$` are Foam's, not unbalanced math)."""
    assert not _made(cards, "templates/paper-note.md")
    checked = json.loads(run(wiki, "check", "--json").output)
    assert not [p for p in checked["problems"] if "paper-note" in json.dumps(p)]
