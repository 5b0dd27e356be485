"""Cues of clozes and answers (session 49, cues49, the held21–held23 judges): a footnote's mark is on no card and a
footnote the writer wrote as a note is asked on its own, not pasted onto the claim it qualifies. Notes written to
tmp_path, read back through the CLI."""

from __future__ import annotations

from conftest import backs_by_front, new_wiki

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _cards(tmp_path, notes: dict[str, str]) -> dict[str, str]:
    return backs_by_front(new_wiki(tmp_path, notes, CONFIG))


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


# --- footnotes ---------------------------------------------------------------------------------------------------

def test_a_footnote_mark_is_on_no_side_of_a_card(tmp_path):
    """'Bagging (Breiman)[^br]: …' and '… at random.[^x]' show their claims without the marks, front and back."""
    note = ("# Ensembles\n\n## Bagging\n\nBagging (Breiman)[^br]: fit each tree on a bootstrap resample of the rows and "
            "average their votes, which lowers the variance of the ensemble.\n\n"
            "## Random subspaces\n\nEach split of a random forest looks at a subset of the features drawn at "
            "random.[^ho]\n\n[^br]: L. Breiman, Bagging predictors, Machine Learning, 1996.\n"
            "[^ho]: T. K. Ho, The random subspace method, 1998.\n")
    made = _cards(tmp_path, {"ens.md": note})
    assert any("bootstrap resample" in back for back in made.values()), made
    assert "[^" not in _text(made), made


def test_a_footnote_written_as_a_note_is_its_own_card_not_on_the_claims_back(tmp_path):
    """'[^g]: For a convex loss the same bound holds …' qualifies one sentence: a card of its own shows that sentence
    (with the one before when it starts 'So …') and asks the note; the definition's back stays the definition."""
    note = ("# Early stopping\n\n## Patience\n\n**Patience** is the number of epochs without improvement on the "
            "validation loss that the trainer waits before it stops. A long patience costs compute. So for small "
            "data a patience of ten epochs is cheap enough.[^g]\n\n"
            "[^g]: On a noisy validation curve a short patience stops far too early, whatever the data size.\n")
    made = _cards(tmp_path, {"stop.md": note})
    assert not any("noisy validation curve" in back and "number of epochs" in back for back in made.values()), made
    asked = [front for front, back in made.items() if back.startswith("On a noisy validation curve")]
    assert asked and "A long patience costs compute. So for small data" in asked[0], made
    assert asked[0].endswith("Footnote: [...]") and "[^g]" not in _text(made), made


# --- an emphasised claim keeps its subject ----------------------------------------------------------------------

def test_a_highlighted_whole_claim_is_asked_with_its_subject_shown(tmp_path):
    """'Handy bound: the ==mixing time is roughly $1/\\text{gap}$== iterations.' under a bare heading: hiding the
    whole highlight would leave 'the … iterations.'; the front keeps 'the mixing time is roughly' and hides the
    rest; a highlighted object ('uses the ==…==') is hidden whole as before."""
    note = ("# Markov chains\n\n## Mixing\n\nHandy bound: the ==mixing time is roughly $1/\\text{gap}$== iterations. "
            "A chain with a tiny spectral gap therefore needs very long runs.\n")
    made = _cards(tmp_path, {"mc.md": note})
    fronts = [front for front in made if front.startswith("Markov chains › Mixing")]
    assert any("the mixing time is roughly … iterations" in front for front in fronts), made
    assert not any("the … iterations" in front for front in fronts), made
