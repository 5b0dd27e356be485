"""Clozes whose blank says what is asked (session 57, blanks57, the held31/held32 judges): a hidden sentence that
opens on the case it speaks of keeps that whole case as its cue ("For a tied *vote* $v$ at $t$: [...]", not
"For a tied [...]"); a sentence that keeps no cue at all is asked with the sentence before it, whose cue leads to
both, not as a bare "[...]" after a paragraph. Notes written to tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

from conftest import backs_by_front, new_wiki
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _cards(tmp_path, notes: dict[str, str]) -> dict[str, str]:
    return backs_by_front(new_wiki(tmp_path, notes, CONFIG))


def _front_of(made: dict[str, str], said: str) -> str:
    """The front of the card whose back holds `said`."""
    return next(front for front, back in made.items() if said in back)


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


ENS = NOTES.add({
    "ens.md": (
        "# Ensembles\n\n## Majority voting\n\n"
        "For a tied *vote* $v$ among $m$ members: the first member listed decides the label. "
        "With a weighted *panel* $w$ of members: the heaviest total weight wins outright.\n")
})


def test_a_hidden_sentence_keeps_the_whole_condition_it_opens_on(shared):
    """Two sentences each about one case: each blank keeps its case up to the colon, emphasis and formula kept."""
    made = shared.backs_by_front(ENS)
    assert "For a tied *vote* $v$ among $m$ members: [...]" in _front_of(made, "first member listed"), made
    assert "With a weighted *panel* $w$ of members: [...]" in _front_of(made, "heaviest total weight"), made


BOOST = NOTES.add({
    "boost.md": (
        "# Boosting\n\n## Shrinkage\n\n"
        "Gradient boosting scales every new tree by a small learning rate before adding it. "
        "Smaller rates need many more trees to reach the same training loss on the data. "
        "It also generalises better.\n")
})


def test_a_sentence_with_no_cue_is_asked_with_the_one_before_it(shared):
    """The last sentence opens on a pronoun and keeps no cue: it goes on the card of the sentence before it, and
    no card's front ends on a bare blank after a whole sentence."""
    made = shared.backs_by_front(BOOST)
    front = _front_of(made, "generalises better")
    assert "many more trees" in made[front] and "[...]" in front and "many more trees" not in front, made
    assert not any(f.rstrip().endswith(". [...]") for f in made), made



def _formula_note(remark: str) -> str:
    """A formula, then a list of remarks on it: the first item's second line is `remark`, left on the card that
    asked "What it says" once the items were carded apart."""
    return ("# Random walks\n\n## Step spread\n\n$$\\sigma_t = \\sigma_0 \\sqrt{t}$$\n\n"
            "- $\\sigma_0$: **step size** of one move.\n  " + remark + "\n"
            "- Grows without bound, so a walk wanders arbitrarily far from its start.\n")


WALK = NOTES.add({
    "walk.md": (
        _formula_note(
"In 2-D, the mean number of returns to the origin per thousand steps is $\\log t / \\pi$."))
})


def test_a_formula_remark_that_gives_a_named_quantity_asks_for_it(shared):
    """'What it says' over 'In 2-D, the mean number of returns … is $…$.' asks for that quantity."""
    made = shared.backs_by_front(WALK)
    front = _front_of(made, "mean number of returns")
    assert "In 2-D, what is the mean number of returns to the origin per thousand steps?" in front, made


def test_a_formula_remark_on_practice_or_an_operation_says_what_is_asked(tmp_path):
    """'In practice …' is asked as what is done in practice; 'Resampling reduces …' as what resampling reduces."""
    made = _cards(tmp_path, {"walk.md": _formula_note(
        "In practice the walk is simulated in batches of a thousand and the spreads are averaged.")})
    assert "What is done in practice?" in _front_of(made, "simulated in batches"), made
    made = _cards(tmp_path / "b", {"walk.md": _formula_note(
        "Resampling reduces the **drift** of the estimate; a longer run reduces its noise.")})
    assert "What does resampling reduce?" in _front_of(made, "the **drift**"), made


def test_a_generic_label_widens_to_the_subject_after_it(tmp_path):
    """'Important: [...]' could head any remark: the blank keeps the label and the subject and verb after it, in a
    paragraph after a list and in a paragraph's sentences alike; a label that names its topic stays alone, but for
    the subject and verb its sentence's rest opens on (session 62: "Reservoir (Vitter 1985): [...]" names what is
    asked about, not what is asked of it)."""
    note = ("# Sampling\n\n## Burn-in\n\n"
            "- Discard the first stretch of every chain, since it still remembers the starting point.\n"
            "- Run four or more chains from spread-out starting points and compare their histograms.\n"
            "- Important: trace plots can only reveal a failure to mix, never prove that mixing happened.\n")
    made = _cards(tmp_path, {"burn.md": note})
    assert "Important: trace plots can [...]" in _front_of(made, "never prove"), made
    note = ("# Sampling\n\n## Thinning\n\n"
            "Thinning keeps every tenth draw of a long chain to save disk space. "
            "Note: the saved draws carry less information than the full chain did. "
            "Storage: a million draws of a large model fill a laptop disk quickly. "
            "Reservoir (Vitter 1985): a single pass keeps a uniform sample of any stream.\n")
    made = _cards(tmp_path / "b", {"thin.md": note})
    assert "Note: the saved draws [...]" in _front_of(made, "less information"), made
    assert "Storage: [...]" in _front_of(made, "laptop disk"), made
    assert "Reservoir (Vitter 1985): a single pass keeps [...]" in _front_of(made, "single pass"), made  # (a name,
    # its source bracketed: no generic label, so the rest's subject and verb follow it, not its first words)
