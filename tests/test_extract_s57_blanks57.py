"""Clozes whose blank says what is asked (session 57, blanks57, the held31/held32 judges): a hidden sentence that
opens on the case it speaks of keeps that whole case as its cue ("For a tied *vote* $v$ at $t$: [...]", not
"For a tied [...]"); a sentence that keeps no cue at all is asked with the sentence before it, whose cue leads to
both, not as a bare "[...]" after a paragraph. Notes written to tmp_path, read back through the CLI."""

from __future__ import annotations

from conftest import backs_by_front, new_wiki

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _cards(tmp_path, notes: dict[str, str]) -> dict[str, str]:
    return backs_by_front(new_wiki(tmp_path, notes, CONFIG))


def _front_of(made: dict[str, str], said: str) -> str:
    """The front of the card whose back holds `said`."""
    return next(front for front, back in made.items() if said in back)


def test_a_hidden_sentence_keeps_the_whole_condition_it_opens_on(tmp_path):
    """Two sentences each about one case: each blank keeps its case up to the colon, emphasis and formula kept."""
    note = ("# Ensembles\n\n## Majority voting\n\n"
            "For a tied *vote* $v$ among $m$ members: the first member listed decides the label. "
            "With a weighted *panel* $w$ of members: the heaviest total weight wins outright.\n")
    made = _cards(tmp_path, {"ens.md": note})
    assert "For a tied *vote* $v$ among $m$ members: [...]" in _front_of(made, "first member listed"), made
    assert "With a weighted *panel* $w$ of members: [...]" in _front_of(made, "heaviest total weight"), made


def test_a_sentence_with_no_cue_is_asked_with_the_one_before_it(tmp_path):
    """The last sentence opens on a pronoun and keeps no cue: it goes on the card of the sentence before it, and
    no card's front ends on a bare blank after a whole sentence."""
    note = ("# Boosting\n\n## Shrinkage\n\n"
            "Gradient boosting scales every new tree by a small learning rate before adding it. "
            "Smaller rates need many more trees to reach the same training loss on the data. "
            "It also generalises better.\n")
    made = _cards(tmp_path, {"boost.md": note})
    front = _front_of(made, "generalises better")
    assert "many more trees" in made[front] and "[...]" in front and "many more trees" not in front, made
    assert not any(f.rstrip().endswith(". [...]") for f in made), made
