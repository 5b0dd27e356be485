"""MkDocs Material pages as their site shows them (session 50, held25-mkdocs): Python-Markdown's attribute lists,
Material's icons and code annotation markers never on a card, an admonition whose title holds an escaped quote read
as a box, and the writer's conventions and weekly study log no cards. Notes written in that style into tmp_path,
read back through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _sides(made: dict[str, str]) -> str:
    return "\n".join(side for card in made.items() for side in card)


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


REGULARISERS = NOTES.add({
    "regularisers.md": (
        "# Regularisers :material-shield-outline:\n\n## Label smoothing { #smoothing }\n\n"
        "Label smoothing replaces the one-hot target with a mixture of it and the uniform distribution "
        ":fontawesome-solid-scale-balanced:.\n\n"
        "## In code { .sketch data-level }\n\n```python\nloss = nn.CrossEntropyLoss(label_smoothing=0.1)  # (1)!\n```\n"
        "{ .annotate }\n\n1. The smoothing weight spreads a tenth of the mass over all classes.\n")
})


def test_attribute_lists_icons_and_annotation_markers_are_not_shown(shared):
    """'## Label smoothing { #smoothing }' showed as 'Label smoothing { }' on every front under it, an icon
    shortcode ':material-lightbulb:' as its name, a lone '{ .annotate }' line and a code line's '# (1)!' marker as
    raw text: MkDocs shows none of them."""
    made = shared.backs_by_front(REGULARISERS)
    sides = _sides(made)
    assert "Label smoothing" in sides, made
    for raw in ("{", ":material-", ":fontawesome-", "(1)!", "annotate"):
        assert raw not in sides, (raw, made)


DROPOUT = NOTES.add({
    "dropout.md": (
        "# Dropout\n\n## At test time\n\nDropout zeroes each unit with probability $p$ while training.\n\n"
        '!!! warning "Why \\"dropout\\" is off at test time"\n'
        "    Scaling the kept units by $1/(1-p)$ while training keeps the expected activation unchanged.\n")
})


def test_an_admonition_title_with_an_escaped_quote_is_a_box(shared):
    """'!!! warning "Why \\"dropout\\" is off at test time"' was not read as a box: its marker line and the text
    indented under it reached another card's back as written."""
    made = shared.backs_by_front(DROPOUT)
    sides = _sides(made)
    assert "!!!" not in sides and '\\"' not in sides, made
    assert "expected activation unchanged" in sides, made


INDEX = NOTES.add({
    "index.md": (
        "# Vision notes\n\nMy notes for the course.\n\n## Conventions I use\n\n"
        "Images are channels-last unless stated. Batch size is $B$, kernel size $k$.\n\n"
        "| Box | Meaning |\n|---|---|\n| `tip` | intuition |\n| `danger` | mistakes I made |\n\n"
        '!!! info "Exam"\n    The quiz covers chapters one to three only.\n\n'
        "## Pooling\n\nMax pooling keeps the largest activation in each window.\n")
})


def test_the_writers_conventions_are_no_cards(shared):
    """A home page's '## Conventions I use' (how the writer names tensors, what each box colour means, which exam
    covers what) says how the notes are kept, not their subject."""
    made = shared.backs_by_front(INDEX)
    sides = _sides(made)
    assert "largest activation" in sides, made
    for junk in ("channels-last", "intuition", "chapters one to three"):
        assert junk not in sides, (junk, made)


LOG = NOTES.add({
    "log.md": (
        "# Study log\n\n## Week 5\n\n- Wrote the pooling page. Segmentation finally made sense.\n\n"
        "## Week 4\n\n- Set up the site and its theme.\n"),
    "pooling.md": "# Pooling\n\nMax pooling keeps the largest activation.\n"
})


def test_a_study_logs_weeks_are_no_cards(shared):
    """A 'Study log' kept under '## Week 4' headings tells what the writer did that week, not the subject."""
    made = shared.backs_by_front(LOG)
    sides = _sides(made)
    assert "largest activation" in sides, made
    for junk in ("pooling page", "theme"):
        assert junk not in sides, (junk, made)


PIPELINE = NOTES.add({
    "pipeline.md": (
        "# Preprocessing pipeline\n\n## Step 1: split the data\n\n1. Shuffle the rows once with a fixed seed.\n"
        "2. Hold out a fifth of them as the test set.\n\n## Step 2: fit the scaler\n\n"
        "Fit the scaler on the training rows only, so that no statistic of the test rows leaks into training.\n")
})


def test_a_heading_titled_as_a_step_shows_no_step_of_the_list_above(shared):
    """Under '## Step 2: fit the scaler' a card's front showed 'Step 2: <item 2 of the numbered list under Step 1>',
    text of another section: the heading names its own step, not an item of a list above."""
    made = shared.backs_by_front(PIPELINE)
    assert not any("fifth" in front for front in made if "Step 2" in front), made
    assert any("no statistic of the test rows leaks" in front + back for front, back in made.items()), made


OPTIMISERS = NOTES.add({
    "optimisers.md": (
        "# Optimisers\n\n## Memory\n\nPer parameter, in fp32:\n\n| | state | bytes |\n|---|---|---|\n"
        "| SGD with momentum | one buffer | 4 |\n| Adam | two buffers | 8 |\n\n"
        "So Adam needs twice the optimiser memory of momentum SGD, which matters for large models.\n")
})


def test_a_tables_conclusion_names_the_rows_it_compares(shared):
    """A paragraph drawing the conclusion of a table whose header leaves its first cell blank was asked as 'What
    follows from this table?' with no table on the card: it asks what follows from comparing the rows."""
    made = shared.backs_by_front(OPTIMISERS)
    asked = [front for front, back in made.items() if back.startswith("So Adam needs twice")]
    assert asked and all("this table" not in front for front in asked), made
    assert any("SGD with momentum and Adam" in front for front in asked), made


WARMUP = NOTES.add({
    "warmup.md": (
        "# Learning-rate warm-up\n\n## Why does warm-up help?\n\n"
        "- **First account:** Adam's second-moment estimate is noisy in the first steps, so early updates are "
        "too large.\n- **Later account** (*a sharpness study*): it steers training away from sharp regions "
        "early on.\n- It also keeps the large early gradients of a fresh head from wrecking pretrained "
        "features.\n")
})


def test_a_labelled_answer_under_a_question_heading_is_asked_once(shared):
    """Under '## Why does warm-up help?' each bold-labelled item ('- **First account:** …') was asked twice: by the
    list's cloze and by a 'Define: First account' card, as if the label were a term."""
    made = shared.backs_by_front(WARMUP)
    assert not any("Define:" in front for front in made), made
    assert any(back.startswith("**First account:**") for back in made.values()), made
    assert any("sharp regions" in back for back in made.values()), made


CLIPPING = NOTES.add({
    "clipping.md": (
        "# Gradient clipping\n\n## By norm\n\n--8<-- \"includes/terms.md\"\n\n"
        "Clipping by norm rescales the whole gradient when its norm exceeds a threshold.\n\n"
        "--8<--\nincludes/footer.md\nincludes/links.md\n--8<--\n\n"
        "Clipping by value caps each coordinate on its own and can change the gradient's direction.\n")
})


def test_snippet_lines_are_not_shown(shared):
    """pymdownx.snippets' '--8<-- "includes/terms.md"' and a '--8<--' block of file names reached a card's back as
    written: they insert another file's text, and the page shows none of their own."""
    made = shared.backs_by_front(CLIPPING)
    sides = _sides(made)
    assert "8<" not in sides and "includes/" not in sides, made
    assert "rescales the whole gradient" in sides and "change the gradient's direction" in sides, made


SEQUENCE = NOTES.add({
    "sequence.md": (
        "# Sequence models\n\n## Against convolutions\n\n| | recurrent | convolutional |\n|---|---|---|\n"
        "| steps in order | $O(n)$ | $O(1)$ |\n| path length | $O(n)$ | $O(\\log n)$ |\n| memory | $O(d)$ | $O(kd)$ |\n\n"
        "→ convolutional models train in parallel over positions, recurrent ones cannot.\n")
})


def test_a_tables_conclusion_compares_its_columns_when_they_are_fewer(shared):
    """With two columns and three rows of measures, the columns are the things compared."""
    made = shared.backs_by_front(SEQUENCE)
    asked = [front for front, back in made.items() if "train in parallel" in back]
    assert any("comparing recurrent and convolutional by" in front for front in asked), made


DROPOUT_2 = NOTES.add({
    "dropout.md": (
        "# Dropout\n\n## Variants\n\nSpatial dropout drops whole channels of a feature map.\n\n"
        '!!! question "Open"\n    If batch norm already regularises, why does dropout still help in wide nets? '
        "Different noise scale maybe?\n\n!!! question\n    Why does dropout hurt small models? "
        "They have too little capacity to spare.\n")
})


def test_a_question_answered_only_by_more_questions_is_no_card(shared):
    """A box of the writer's doubts, '!!! question "Open"' over 'Why does X still help? More capacity anyway?', was
    carded as a question and its 'answer', itself a guess asked back: a learner cannot study it."""
    made = shared.backs_by_front(DROPOUT_2)
    sides = _sides(made)
    assert "noise scale maybe" not in sides and "still help in wide nets" not in sides, made
    assert "too little capacity to spare" in sides and "whole channels" in sides, made


CALIBRATION = NOTES.add({
    "calibration.md": (
        "# Calibration\n\nExpected calibration error bins predictions by confidence. "
        "Rewritten week 9 — the first version had the bins wrong.\n\n"
        "## Reliability diagrams\n\nA reliability diagram plots accuracy against confidence per bin.\n")
})


def test_when_the_page_was_rewritten_is_no_fact(shared):
    """'Rewritten week 11 — the first version had the averaging wrong.' after a page's opening fact reached its
    card: it tells the page's history, not the subject."""
    made = shared.backs_by_front(CALIBRATION)
    sides = _sides(made)
    assert "bins predictions by confidence" in sides, made
    assert "Rewritten" not in sides and "first version" not in sides, made


BATCH = NOTES.add({
    "batch.md": (
        "# Batch size\n\n!!! tip \"Linear scaling\"\n    Halve the batch, halve the learning rate: the noise per step "
        "stays about the same (the step scales as $\\eta / B$, so $\\tfrac12 / \\tfrac12 = 1$).\n")
})


def test_a_rules_check_in_brackets_is_no_worked_example(shared):
    """'… halve the batch, halve the learning rate (the step scales as $\\eta / B$, so $\\tfrac12 / \\tfrac12 = 1$).'
    was refused as a worked example's arithmetic, and the rule was on no card; a bracket that sets example values
    ('$B = 64$') still marks a worked example."""
    made = shared.backs_by_front(BATCH)
    assert any("halve the learning rate" in front + back for front, back in made.items()), made
