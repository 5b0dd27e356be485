"""Junk and leaks the first junk pass left (session 49, junk49b, the held22–held23 and tune24 judges): Pandoc
citation keys, a card naming only its sources, `<mark>` tags, the writer's reading effort, the notes' repository
setup, a Liquid tag after display math. Notes written to tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


KRR = NOTES.add({
    "krr.md": (
        "# Kernel ridge regression\n\n## Origin\n\nKey papers: the dual view [@saunders1998]; the RKHS "
        "view [@smola2004].\n\n## Solution\n\nThe fitted coefficients solve a linear system with the kernel "
        "matrix plus a ridge on its diagonal [see @smola2004, ch. 3], so the fit costs cubic time in the "
        "number of points.\n\n## Source\n\n[@vapnik1995].\n")
})


def test_a_citation_key_is_on_no_side_and_a_line_of_references_makes_no_card(shared):
    """'[@vapnik1995]' and '[see @smola2004, ch. 3]' show nothing; the claim around them stays; a 'Key papers:' line
    whose parts each stood by a key, and a back that was only a key, make no card."""
    made = shared.backs_by_front(KRR)
    assert any("ridge on its diagonal" in back for back in made.values()), made
    assert "@" not in _text(made), made
    assert "dual view" not in _text(made), made


DROPOUT = NOTES.add({
    "dropout.md": (
        "# Dropout notes\n\nCourse book: Hastie & Tibshirani + the slides.\n\n## Paper\n\n"
        "Brown and Green, NeurIPS 2017.\n\n## Idea\n\nDropout zeroes each hidden unit with probability p during "
        "training, which stops units from relying on one another.\n\n"
        "## Who proposed the rescaling at test time?\n\nWhite et al. 2012.\n")
})


def test_a_bare_citation_or_a_textbook_line_makes_no_card_but_an_asked_author_stays(shared):
    """'Paper' over 'Brown and Green, NeurIPS 2017.' and 'Course book: Hastie & Tibshirani + the slides.' name
    sources only; a question whose answer is a citation keeps its card."""
    made = shared.backs_by_front(DROPOUT)
    assert any("relying on one another" in back for back in made.values()), made
    assert "NeurIPS" not in _text(made) and "Course book" not in _text(made), made
    assert any("White et al. 2012" in back for back in made.values()), made


MOMENTUM = NOTES.add({
    "momentum.md": (
        "# Momentum\n\n## Rate\n\nHeavy-ball momentum on a quadratic converges at a rate set by the square "
        "root of the condition number: <mark>it needs $O(\\sqrt{\\kappa})$ steps, not $O(\\kappa)$</mark>, "
        "when the step and momentum are tuned.\n")
})


def test_a_mark_tag_is_shown_as_a_highlight(shared):
    """'<mark>…</mark>' around a claim (with a formula inside) reads as '==…==', the highlight the renderers show."""
    made = shared.backs_by_front(MOMENTUM)
    assert "<mark>" not in _text(made) and "</mark>" not in _text(made), made
    assert "==it needs $O(\\sqrt{\\kappa})$ steps, not $O(\\kappa)$==" in _text(made), made


BN = NOTES.add({
    "bn.md": (
        "# Batch norm\n\nHad to read this twice.\n\n## Train versus eval\n\nThis is the bit I had to re-read "
        "four times, so writing it out carefully:\n\n- in training the layer normalises with the batch's own "
        "mean and variance\n- at evaluation it uses running averages kept during training\n\n"
        "## Folding\n\nAt inference the affine map folds into the previous convolution's weights — didn't "
        "read it carefully.\n")
})


def test_the_writers_reading_effort_is_no_card_and_no_preamble(shared):
    """'Had to read this twice.' alone makes no card; 'This is the bit I had to re-read four times, so writing it
    out carefully:' leaves the list it introduces; 'didn't read it carefully' goes from a clause."""
    made = shared.backs_by_front(BN)
    text = _text(made)
    assert "running averages" in text and "folds into the previous convolution" in text, made
    assert "read this twice" not in text and "re-read" not in text and "carefully" not in text, made


INDEX = NOTES.add({
    "index.md": (
        "# forecasting notes\n\nMy worked notebooks on demand forecasting. Not a package for anyone else.\n\n"
        "## Setup\n\nFresh laptop: `pip install -e .` then `nbdev_install_hooks`, and run the tests before "
        "pushing.\n\n## Baselines\n\nThe seasonal naive forecast repeats the value from one season ago; every "
        "model has to beat it on the holdout.\n")
})


def test_the_notes_repository_setup_and_what_it_is_not_make_no_card(shared):
    """'Not a package for anyone else.' and 'Fresh laptop: `pip install -e .` then `nbdev_install_hooks`.' in a
    notes index tell how the writer keeps the repository, no fact of the subject."""
    made = shared.backs_by_front(INDEX)
    text = _text(made)
    assert "seasonal naive forecast" in text, made
    assert "anyone else" not in text and "pip install" not in text, made


CONFIG_2 = NOTES.add({
    "_config.yml": "title: x\nmarkdown: kramdown\n",
    "_posts/2026-01-02-gauss.md": (
        "---\nlayout: post\ntitle: Gaussian integrals\n---\n\n## Normaliser\n\nThe density needs its "
        "normaliser, so:\n\n{% raw %}\n$$\nZ = {{(2\\pi)^{d/2}}} \\lvert \\Sigma \\rvert^{1/2}\n$$\n"
        "{% endraw %}\n\n## Next part\n\nThe log-density is a quadratic form in the centred point.\n")
})


def test_a_liquid_tag_after_display_math_is_not_on_the_card(shared):
    """A Jekyll post's `{% raw %}` … `$$…$$` … `{% endraw %}`: the closing tag shows on no back."""
    made = shared.backs_by_front(CONFIG_2)
    assert "endraw" not in _text(made) and "{%" not in _text(made), made


LOG = NOTES.add({
    "log.md": (
        "# Importance sampling\n\n## Tails\n\nImportance sampling: the weights' variance blows up when the proposal has "
        "lighter tails than the target.\n\n## Plans\n\nBacklog: normalising flows · score matching · "
        "annealed importance sampling\n")
})


def test_a_backlog_of_topics_to_study_makes_no_card(shared):
    """'Backlog: normalising flows · score matching · …' lists what the writer means to study, no fact of it."""
    made = shared.backs_by_front(LOG)
    assert any("lighter tails" in back for back in made.values()), made
    assert "score matching" not in _text(made), made
