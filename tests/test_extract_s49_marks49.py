"""Cuts that leave a mark or a sentence half on a card (session 49, the held24 judges): a cloze's blank or a heading
path cut through `**bold**` or `==highlight==` leaves no unpaired mark on any side. Notes written to tmp_path, read
back through the CLI."""

from __future__ import annotations

import pytest

import re

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _unpaired(side: str) -> bool:
    side = re.sub(r"`[^`]*`|\$[^$]*\$", "", side)
    return any(part.count("**") % 2 or part.count("==") % 2 for part in side.split("\n\n"))


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


DROPOUT = NOTES.add({
    "Dropout.md": (
        "- Tags:: #regularization\n"
        "- ### Test time\n"
        "    - the mask is not sampled at test time, since predictions should not be random\n"
        "    - ==switching dropout off = using the full network== → outputs must be rescaled by 1-p\n"
        "    - inverted dropout moves the rescaling into training, so the test-time network is used as it is\n"
        "- For **linear models it acts like an L2 penalty**\n"
        "    - the expected loss picks up a term scaled by p/(1-p) times the squared inputs\n"
        "    - so the penalty adapts to each feature's scale, unlike plain ridge\n")
})


def test_no_side_keeps_an_emphasis_mark_its_cut_left_open(shared):
    """A highlighted claim cut at its " = " by a cloze, and a parent bullet half in bold used as a heading path:
    the marks with no partner are off, the text is all there."""
    made = shared.backs_by_front(DROPOUT)
    assert made and not [f for f in made if _unpaired(f)], made
    assert not [b for b in made.values() if _unpaired(b)], made
    text = "\n".join(made) + "\n".join(made.values())
    assert "switching dropout off" in text and "linear models it acts like an L2 penalty" in text, made


def test_the_pass_takes_off_only_the_mark_left_open_and_keeps_the_id(tmp_path):
    """The mark a cut left alone goes; pairs, code and math stay; the front's id is the old front's."""
    from mlwiki.extract.balanced_marks import balanced_marks
    from mlwiki.extract.draft import Draft
    from mlwiki.models import CardKind

    cut = Draft(kind=CardKind.BASIC, front="Dropout › For **linear models it acts like L2",
                back="- ==turning it off = [...]\n- keeps **all** units; `a == b` and $x**2$", line=1)
    [([done], _)] = balanced_marks([([cut], ("Dropout",))])
    assert done.front == "Dropout › For linear models it acts like L2"
    assert done.back == "- turning it off = [...]\n- keeps **all** units; `a == b` and $x**2$"
    assert done.id_front == cut.front


LOSSES = NOTES.add({
    "Losses.md": (
        "# Losses\n\n## Hinge loss\n\nHinge loss is cheaper (one max per example) — this is the loss that made "
        "linear SVM solvers scale to millions of rows.\n")
})


def test_a_clause_cut_at_the_next_clauses_is_is_not_asked_as_a_term(shared):
    """"X is cheaper (…) — this is the …" under the heading X: its subject up to the second "is" is a clause, not a
    term; no "What is X is cheaper — this?"; the fact stays on the heading's card."""
    made = shared.backs_by_front(LOSSES)
    assert not any("is cheaper" in front for front in made), made
    assert any("made linear SVM solvers scale" in back for back in made.values()), made


def test_a_card_whose_answer_is_only_task_boxes_goes(tmp_path):
    """A back left holding nothing but the writer's task boxes (each a cloze's blank) is no card; a task that
    states a formula with a relation keeps its card; a group's other cards stay."""
    from mlwiki.extract.draft import Draft
    from mlwiki.extract.task_cards import without_task_cards
    from mlwiki.models import CardKind

    def draft(back):
        return Draft(kind=CardKind.BASIC, front="Optimisers › Which to pick\n\n- [...]", back=back, line=3)

    chores = [draft("[ ] rerun the baseline with Adam"), draft("- [x] skim the Lion paper")]
    fact = [draft("- [ ] check that $\\beta_2 < 1$ keeps the second moment finite")]
    mixed = [draft("Adam keeps two buffers per parameter"), draft("[ ] rerun the baseline with Adam")]
    kept = without_task_cards([(chores, ("Optimisers",)), (fact, ("Optimisers",)), (mixed, ("Optimisers",))])
    assert [len(siblings) for siblings, _ in kept] == [1, 1]
    assert kept[1][0][0].back == "Adam keeps two buffers per parameter"
