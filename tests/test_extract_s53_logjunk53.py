"""A writer's log and their document's furniture (session 53, logjunk53, the held28-hexo, held29-gdocs, held29-slidev
and held28-github judges): a log's entries under a day span or a day and its label are entries, a log's lessons that
state nothing beyond the writer's tools, its plan and its task-boxed questions are no card; a note named as a template,
a page opening on when its writer made it, and a bold title with only the writer's aside are no card. Notes written
to tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


KERNELS = ("# Kernels\n\nA kernel is a function that returns the inner product of two inputs in a feature space, "
           "without computing the features themselves.\n")


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


LOG = NOTES.add({
    "log.md": (
        "# Reading log — kernels\n\n### 2023-11-05 → 11-12\n"
        "Kernel post drafted. Spent two evenings fighting the plotting code and redoing the figures by hand.\n\n"
        "### 2023-11-13 — 11-20\nSVM post. The dual finally clicked on the second pass through the chapter.\n"),
    "kernels.md": KERNELS
})


def test_a_log_entry_under_a_span_of_days_is_no_card(shared):
    """'### 2023-11-05 → 11-12' heads a week's entry: what the writer did that week is no card."""
    made = shared.backs_by_front(LOG)
    assert "plotting code" not in _text(made) and "SVM post" not in _text(made), made
    assert any("inner product" in back for back in made.values()), made


LOG_2 = NOTES.add({
    "log.md": (
        "# Reading group log\n\n## 2023-03-14 · meeting 3 (optimisers)\n"
        "- we overran by a quarter hour; drop the proof next time and show the picture only.\n"
        "- find a sharper diagram for the momentum slide (the current one is pixelated)\n"),
    "kernels.md": KERNELS
})


def test_a_log_entry_under_a_day_and_its_label_is_no_card(shared):
    """'## 2023-03-14 · meeting 3 (optimisers)' heads an entry: the group's logistics are no card."""
    made = shared.backs_by_front(LOG_2)
    assert "diagram" not in _text(made) and "overran" not in _text(made), made


LOG_3 = NOTES.add({
    "log.md": (
        "# Study log\n\n### 2023-06-02\n"
        "The equations on the kernel page came out as plain text. Put it in the layout file so later pages get it.\n\n"
        "### 2023-06-09\n"
        "Validation loss kept rising while training loss fell. A model that memorises its training set "
        "cannot generalise to new data.\n"),
    "kernels.md": KERNELS
})


def test_a_log_lesson_about_the_writers_tools_is_no_card_but_a_general_one_stays(shared):
    """A dated entry's 'lesson' that only says what the writer did to their site ('Put it in the layout file so …')
    is no card; one that says how things are is still asked."""
    made = shared.backs_by_front(LOG_3)
    assert "layout file" not in _text(made), made
    assert any("cannot generalise" in back for back in made.values()), made


LOG_4 = NOTES.add({
    "log.md": (
        "# Study log\n\n**Plan** (Jan): Bishop ch 6 → ch 7, then the Platt paper.\n\n"
        "### 2023-01-04\nSet up the notes folder and read the first section.\n\n"
        "**Next**: finish the SVM chapter, or maybe start on Gaussian processes.\n"),
    "kernels.md": KERNELS
})


def test_a_logs_plan_and_next_are_no_card(shared):
    """'**Plan** (Jan): …' and '**Next**: …' in a log say what the writer means to read: no card."""
    made = shared.backs_by_front(LOG_4)
    assert "Bishop" not in _text(made) and "Gaussian processes" not in _text(made), made


LOG_5 = NOTES.add({
    "log.md": (
        "# Study log\n\n## Questions for the tutor\n\n- Tutor question list:\n"
        "  - [x] Is the hinge loss convex in the weights? → yes, always.\n"
        "  - [ ] Does the kernel trick work for every loss?\n"),
    "kernels.md": KERNELS
})


def test_a_task_boxed_question_in_a_log_is_no_card(shared):
    """'- [x] Does … ? → yes.' in a log's list of questions for office hours: the writer's own list, no card."""
    made = shared.backs_by_front(LOG_5)
    assert "[x]" not in _text(made), made


WEEKLY_NOTES_TEMPLATE = NOTES.add({
    "Weekly notes TEMPLATE.md": (
        "# Week [N] – [TOPIC]\n\n**Lecturer:**    **Room:** \\[link\\]  \n**Textbook:** Murphy ch. / Bishop ch.\n\n"
        "## Summary\n\n\\<two lines on why this topic matters\\>\n\n## Links\n\npointers to the other weeks\n"),
    "kernels.md": KERNELS
})


def test_a_note_named_as_a_template_is_no_card(shared):
    """'Weekly notes TEMPLATE.md': its labels and placeholders are blanks to fill in."""
    made = shared.backs_by_front(WEEKLY_NOTES_TEMPLATE)
    assert "Murphy" not in _text(made) and "other weeks" not in _text(made), made
    assert any("inner product" in back for back in made.values()), made


RECAP = NOTES.add({
    "recap.md": (
        "# Kernels – one-page recap\n\nMade this in week 8 to have all kernels in one place. "
        "“Width” = the lengthscale of each kernel.\n\n## Table\n\n| Kernel | Formula |\n| --- | --- |\n"
        "| RBF | exp(-‖x-y‖²/2ℓ²) |\n| Linear | xᵀy |\n")
})


def test_a_page_opening_on_when_its_writer_made_it_is_no_card(shared):
    """'Made this in week 8 to …' opens the page: when and why the writer made it, no card."""
    made = shared.backs_by_front(RECAP)
    assert "Made this" not in _text(made), made


SV = NOTES.add({
    "sv.md": (
        "# Support vectors\n\n**Support vectors – rough notes** (fill in after the lab!!)\n\n## Margin\n\n"
        "The margin is the distance from the separating hyperplane to the closest training point of either class.\n")
})


def test_a_bold_title_with_only_the_writers_aside_is_no_card(shared):
    """'**Support vectors – rough notes** (fill in after the lab!!)' under the note's title: no fact; the section
    after it is still carded."""
    made = shared.backs_by_front(SV)
    assert "fill in after the lab" not in _text(made), made
    assert any("closest training point" in back for back in made.values()), made


LOG_6 = NOTES.add({
    "log.md": (
        "# Study log\n\n## 2023-05-02\nRead the groupby chapter. Took ages to get through it.\n\n"
        "pandas gotcha: `df.groupby(key).mean()` drops the non-numeric columns silently, because the mean of a "
        "string column is undefined.\n"),
    "kernels.md": KERNELS
})


def test_a_labelled_remark_in_a_dated_entry_keeps_its_card(shared):
    """Under '## 2023-05-02' a part the writer labelled ('pandas gotcha: …') is a fact of its own: still carded, while
    the day's diary paragraph is not."""
    made = shared.backs_by_front(LOG_6)
    assert any("drops the non-numeric columns" in back for back in made.values()), made
    assert "Took ages" not in _text(made), made
