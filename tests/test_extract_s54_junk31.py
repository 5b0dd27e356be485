"""Cards made of no fact to learn (session 54, junk31, from the held31 judges of a team wiki, an Outline export, a
Jupyter Book, a Pandoc thesis and a Mochi deck): a log titled with its scope in brackets and its entries under an ISO
day's span or under a part of a dated entry, a hub's navigation (a Wiki.js links list, "Back up to …", "Parent: … ·
… in child doc …", "Sub-docs: …", "Hub page for …"), and a page's own state (its status field, its list of what to
add, its open questions). Notes written to tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


# --- logs ----------------------------------------------------------------------------------------------------------

NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


INCIDENTS = NOTES.add({
    "incidents.md": (
        "# Incident log (search ranking)\n\n"
        "### 2025-02-03 — reranker timeouts\n"
        "- Median latency 90 ms → 310 ms during the nightly reindex.\n"
        "- Cause: the reindex job shared a thread pool with serving.\n\n"
        "### 2025-01-12 — stale embeddings\n"
        "- The embedding table was two days behind after a failed export.\n")
})


def test_a_log_titled_with_its_scope_in_brackets_makes_no_card_of_its_entries(shared):
    """'# Incident log (search ranking)': a log all the same; what each dated entry records is the team's day."""
    made = shared.backs_by_front(INCIDENTS)
    assert "310 ms" not in _text(made) and "thread pool" not in _text(made), made
    assert "two days behind" not in _text(made), made


STUDY_LOG = NOTES.add({
    "study log.md": (
        "# Study log — optimisation module\n\n"
        "## 2025-03-02 / 05\n"
        "Momentum and Nesterov. Problem sheet 2 handed in, the last question skipped.\n\n"
        "## week 4\n"
        "- Tue: redid the Adam lab with the bias correction on, the loss curve finally looked sane\n"
        "- Thu: office hours, asked about warm restarts\n")
})


def test_a_study_logs_entries_under_a_day_span_or_a_weekday_make_no_card(shared):
    """'## 2025-03-02 / 05' (a span to a day of the month) and '- Tue: …' under '## week 4' are the writer's days."""
    made = shared.backs_by_front(STUDY_LOG)
    assert "Problem sheet 2" not in _text(made) and "bias correction on" not in _text(made), made


# --- a hub's navigation --------------------------------------------------------------------------------------------

HOME = NOTES.add({
    "home.md": (
        "# Team wiki\n\n## Evaluation pages\n\n"
        "- [Offline metrics *Which numbers we report*](/en/eval/offline-metrics)\n"
        "- [Holdout design *How we split by time*](/en/eval/holdout)\n"
        "- [Significance *When a lift is real*](/en/eval/significance)\n{.links-list}\n"),
    "eval/holdout.md": "# Holdout design\n\nA holdout split by time keeps every test example later than every training example.\n"
})


def test_a_links_list_of_titled_pages_makes_no_card(shared):
    """A wiki home page's list of its pages, each '[Title *what it holds*](/path)': where things are, no fact."""
    made = shared.backs_by_front(HOME)
    assert "offline-metrics" not in _text(made) and "Which numbers we report" not in _text(made), made
    assert any("later than every training example" in back for back in made.values()), made


REGULARISATION_OVERVIEW = NOTES.add({
    "Regularisation overview.md": (
        "# Regularisation overview\n\nHub page for the regularisation part of the course.\n\n"
        "Sub-docs: [Weight decay](/doc/weight-decay-Xy1) · [Early stopping](/doc/early-stopping-Qz2)\\\n"
        "Comparisons live in their own doc: [Comparisons](/doc/comparisons-Pp3)\n"),
    "Regularisation overview/Weight decay.md": (
        "# Weight decay\n\nBack up to [Regularisation overview](/doc/regularisation-overview-Aa1).\n\n"
        "## Effect\n\nWeight decay shrinks every weight towards zero by a fixed fraction at each step.\n"),
    "Regularisation overview/Early stopping.md": (
        "# Early stopping\n\nParent: [Regularisation overview](/doc/regularisation-overview-Aa1) · proofs in "
        "child doc [Early stopping as a norm bound](/doc/es-bound-Bb2)\n\n## Rule\n\n"
        "Early stopping halts training when the validation loss has not improved for a set number of epochs.\n")
})


def test_a_doc_trees_pointers_to_its_parent_and_children_make_no_card(shared):
    """'Back up to [A](…).', 'Parent: [A](…) · proofs in child doc [B](…)', a hub's 'Hub page for …' and its
    'Sub-docs: [A](…) · [B](…)\\' line: navigation; the pages' facts are still carded."""
    made = shared.backs_by_front(REGULARISATION_OVERVIEW)
    assert "Back up to" not in _text(made) and "child doc" not in _text(made), made
    assert "Hub page for" not in _text(made) and "Sub-docs" not in _text(made), made
    assert any("fixed fraction" in back for back in made.values()), made
    assert any("has not improved" in back for back in made.values()), made


# --- a page's own state --------------------------------------------------------------------------------------------

LABEL_SMOOTHING = NOTES.add({
    "label smoothing.md": (
        "# Label smoothing\n\n**Status:** nearly finished, the proof part is sloppy\n\n"
        "## Idea\n\nLabel smoothing trains on targets that put a small mass on every wrong class.\n\n"
        "## To add\n\n- the link to knowledge distillation (Hinton 2015)\n- temperature scaling as an alternative\n\n"
        "## Open questions\n\n- does it hurt calibration after fine-tuning? probably\n")
})


def test_a_pages_status_field_and_its_list_of_what_to_add_make_no_card(shared):
    """'**Status:** nearly finished, the proof is sloppy', '## To add' and '## Open questions': the page's state;
    the facts of the page stay on cards."""
    made = shared.backs_by_front(LABEL_SMOOTHING)
    assert "nearly finished" not in _text(made), made
    assert "knowledge distillation" not in _text(made) and "temperature scaling" not in _text(made), made
    assert "after fine-tuning" not in _text(made), made
    assert any("small mass on every wrong class" in back for back in made.values()), made


COVERING = NOTES.add({
    "covering.md": (
        "# Covering numbers\n\n**status: rough.** The lecture rushed it. Fill in the bound from the book.\n\n"
        "## Definition\n\nA covering number counts the smallest set of balls of radius r that covers a class.\n")
})


def test_a_status_line_that_opens_a_paragraph_makes_no_card(shared):
    """'**status: rough.** The lecture rushed it. Fill in the bound from the book.': the page's state and a chore."""
    made = shared.backs_by_front(COVERING)
    assert "lecture rushed" not in _text(made), made
    assert any("smallest set of balls" in back for back in made.values()), made


BEAM = NOTES.add({
    "beam.md": (
        "# Beam search\n\n*(reference card, retired — the short cards link here)*\n\n"
        "## Idea\n\nBeam search keeps the k most probable partial sequences at every decoding step.\n"),
    "tracker.md": "# Progress tracker\n\nNot a card. Just where I keep track.\n\n## Notes\n\nNothing yet.\n",
    "home.md": (
        "# Team wiki\n\n## Start\n\n> New here? Start with [metrics](/en/eval/metrics), then "
        "[holdouts](/en/eval/holdout).\n{.is-info}\n")
})


def test_a_pages_remark_on_its_own_kind_and_a_newcomers_reading_order_make_no_card(shared):
    """'*(reference card, retired — the short cards link here)*', 'Not a card. Just where I keep track.' and a home
    page's 'New here? Start with [A](…), then [B](…).': the notes speak of themselves."""
    made = shared.backs_by_front(BEAM)
    assert "retired" not in _text(made) and "keep track" not in _text(made), made
    assert "New here" not in _text(made), made
    assert any("k most probable partial sequences" in back for back in made.values()), made


SLIDES_TEMPLATE = NOTES.add({
    "_slides-template.md": (
        "# Week N — TOPIC\n\n## Recap\n\n- one line on the week before, linking its slides\n\n"
        "## Main idea\n\nA sentence that states the main result of the week goes here.\n"),
    "week3.md": "# Week 3 — Attention\n\n## Main idea\n\nAttention weights are a softmax over query–key dot products.\n"
})


def test_a_slide_decks_template_makes_no_card(shared):
    """'_slides-template.md' is the skeleton each week's deck is copied from: its placeholders are no facts."""
    made = shared.backs_by_front(SLIDES_TEMPLATE)
    assert "one line on the week before" not in _text(made) and "goes here" not in _text(made), made
    assert any("softmax over query" in back for back in made.values()), made
