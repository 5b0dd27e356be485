"""Junk and leaks the judges still found on cards (issue 23, held14's judges): a back that only sends the question
elsewhere ("ask the TA"), a bare "…, skip" closing an item, a day's log line of what the writer was doing, a list
of references under a plain "References" line, a table of contents whose items are links to pages, a lecture's
number ("Lec 3–4.", "(notes from lec 2)"), a pointer to the writer's other notes with no link, a MyST reference to
another page that shows only its raw label, and the writer's state ("Didn't follow all of it."). Each a rule on the
form of a line or a clause; the fact said beside them stays. Notes in each style written to tmp_path, read back
through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

from conftest import backs_by_front, new_wiki
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _cards(tmp_path, notes: dict[str, str]) -> dict[str, str]:
    return backs_by_front(new_wiki(tmp_path, notes, CONFIG))


def _all_text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


DROPOUT = NOTES.add({
    "Dropout.md": (
        "# Dropout\n\n## At test time\nAt test time every unit is kept and the weights are scaled by the keep "
        "probability, so expected activations match training.\n\n> [!question] open\n> does the scaling still hold "
        "with batch norm after the dropout layer? ask the TA\n")
})


def test_a_question_whose_back_only_sends_it_elsewhere_is_no_card(shared):
    """Obsidian: an open question callout answered only by "ask the TA" asks what nobody answered; the section's
    own card stays."""
    made = shared.backs_by_front(DROPOUT)
    assert "ask the TA" not in _all_text(made), made
    assert any("scaled by the keep probability" in back for back in made.values()), made


REGS = NOTES.add({
    "regs.md": (
        "# Regularisers\n\n## leftovers\n\n- label smoothing — mixes the one-hot target with the uniform "
        "distribution, skip\n- mixup — trains on convex combinations of input pairs and of their labels\n"
        "- CutMix, Manifold Mixup, AugMix... skip for now\n")
})


def test_a_bare_skip_closing_an_item_goes_and_its_fact_stays(shared):
    """GitHub Markdown: "…, skip" is the writer's decision about the item; what the item says stays."""
    made = shared.backs_by_front(REGS)
    text = _all_text(made)
    assert "skip" not in text and "AugMix" not in text, made  # (a line of names only, left unread: off whole)
    assert "mixes the one-hot target with the uniform distribution" in text, made


N2026_03_02 = NOTES.add({
    "daily/2026-03-02.qmd": (
        "---\ntitle: \"2026-03-02\"\ndate: 2026-03-02\n---\n\n- warmup: was using a constant learning rate from "
        "step 0, switched to a linear ramp and the loss spikes went away.\n- gradient clipping: bounds the update "
        "norm, so one bad batch cannot throw the weights far.\n")
})


def test_a_day_log_line_of_what_the_writer_was_doing_is_no_card(shared):
    """Quarto: in a dated note, "- warmup: was using a constant rate from step 0, switched to …" tells the writer's
    day; the day's line that states a fact stays."""
    made = shared.backs_by_front(N2026_03_02)
    text = _all_text(made)
    assert "was using" not in text, made
    assert "bounds the update norm" in text, made


FLOWS = NOTES.add({
    "flows.qmd": (
        "---\ntitle: Normalising flows\n---\n\n## Change of variables\n\nThe log density of the output is the "
        "log density of the input minus the log absolute determinant of the Jacobian.\n\nReferences\n\n"
        "- Rezende & Mohamed, *Variational Inference with Normalizing Flows* — <https://example.org/flows>\n"
        "- Dinh et al. 2017 (Real NVP)\n")
})


def test_a_list_under_a_plain_references_line_is_no_card(shared):
    """Quarto: "References" on a line of its own, a blank line, then citations: no part of the section's text."""
    made = shared.backs_by_front(FLOWS)
    text = _all_text(made)
    assert "example.org" not in text and "Dinh" not in text, made
    assert "log absolute determinant" in text, made


INTRO = NOTES.add({
    "intro.md": (
        "# Kernel methods\n\nEvery positive semidefinite kernel is an inner product in some feature space.\n\n"
        "## Chapters\n\n- [](chapters/rkhs.md) — reproducing property, representer theorem\n"
        "- [](chapters/svm.md) — hinge loss, the dual\n- [](chapters/gp.md) — kernels as covariances\n"),
    "_toc.yml": "format: jb-book\nroot: intro\n"
})


def test_a_table_of_contents_of_links_is_no_card(shared):
    """Jupyter Book (MyST): a section whose list only links each chapter with what it holds is where things are;
    the book's fact beside it stays."""
    made = shared.backs_by_front(INTRO)
    text = _all_text(made)
    assert "hinge loss, the dual" not in text and "reproducing property" not in text, made
    assert "inner product in some feature space" in text, made


def test_a_lecture_number_and_a_pointer_to_other_notes_say_nothing(tmp_path):
    """Jupyter Book: "(notes from lec 2, rough)" and "Lec 3–4." name the writer's course; "not optimisation
    material, see the probability notes." points away; the fact after them stays."""
    notes = {
        "losses.md": "# Losses\n\n(notes from lec 2, rough)\n\n## Hinge\n\nThe hinge loss is zero once the margin "
                     "exceeds one.\n",
        "rates.md": "# Rates\n\nLec 3–4. A linear rate means the error shrinks by a constant factor each step.\n\n"
                    "## Bayes\n\nnot optimisation material, see the probability notes.\n",
    }
    made = _cards(tmp_path, notes)
    text = _all_text(made)
    assert "lec 2" not in text and "Lec 3" not in text and "probability notes" not in text \
        and "material" not in text, made
    assert "constant factor each step" in text and "margin exceeds one" in text, made


GLOSSARY = NOTES.add({
    "glossary.md": (
        "# Glossary\n\n## Cone\n\nA set closed under nonnegative scaling. See {prf:ref}`def-cone`.\n\n"
        "## Strong duality\n\nFor a convex problem with a strictly feasible point the duality gap is zero. The "
        "proof goes through Farkas' lemma ({prf:ref}`thm-farkas`). Didn't follow all of it.\n\n## Normal cone\n\n"
        "The normal cone of a convex set at a point is itself a closed convex cone (polar of the tangent cone, "
        "{prf:ref}`thm-polar`).\n")
})


def test_a_reference_to_another_page_shown_as_a_raw_label_goes(shared):
    """Jupyter Book (sphinx-proof): "See {prf:ref}`def-cone`." and "({prf:ref}`thm-farkas`)" show a bare label;
    "Didn't follow all of it." is the writer's state. The statement beside them stays."""
    made = shared.backs_by_front(GLOSSARY)
    text = _all_text(made)
    assert "def-cone" not in text and "thm-farkas" not in text and "follow" not in text, made
    assert "closed under nonnegative scaling." in text and "duality gap is zero" in text, made
    assert "goes through Farkas' lemma." in text and "(polar of the tangent cone)" in text and "thm-polar" not in text, made


STUDY_LOG = NOTES.add({
    "Study log.md": (
        "# Study log\n\n**Mar 3** — cleaned up the attention notes. Got stuck on the masking exercise, moved on.\n\n"
        "**Mar 9** — wrote the beam search notebook. Asked about length normalisation in the forum.\n\n"
        "**Mar 16** — tokenizer lecture. Quiz next week!!\n")
})


def test_a_note_titled_study_log_is_no_card(shared):
    """Obsidian: a note headed "Study log", one dated paragraph a day, tells the writer's weeks, not a subject."""
    made = shared.backs_by_front(STUDY_LOG)
    text = _all_text(made)
    assert "Mar 3" not in text and "beam search notebook" not in text, made


GP = NOTES.add({
    "gp.qmd": (
        "---\ntitle: Gaussian processes\n---\n\n## Bayesian optimisation (quick notes, lecture 9)\n\n"
        "A Gaussian process is the surrogate for an expensive black box, and an acquisition function picks the "
        "next point to evaluate.\n\n## Co-coercivity (didn't get it in lecture)\n\nFor a convex smooth function "
        "the gradient map is co-coercive with constant one over the smoothness constant.\n\n"
        "## Spearmint (Snoek et al. 2012)\n\nTunes hyperparameters with a Gaussian process and expected "
        "improvement.\n")
})


def test_the_writers_asides_leave_the_headings_on_the_fronts(shared):
    """Quarto: "## Bayesian optimisation (quick notes, lecture 9)" and "## Co-coercivity (didn't get it in lecture)"
    ask about Bayesian optimisation and co-coercivity; an aside that names a source stays ("(Snoek et al. 2012)")."""
    made = shared.backs_by_front(GP)
    fronts = "\n".join(made)
    assert "lecture" not in fronts and "quick notes" not in fronts and "didn't" not in fronts, made
    assert "Bayesian optimisation" in fronts and "Co-coercivity" in fronts and "(Snoek et al. 2012)" in fronts, made
