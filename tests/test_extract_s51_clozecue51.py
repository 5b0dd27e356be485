"""Clozes whose blank says what is asked (session 51, clozecue51, the held26 judges): a hidden sentence or paragraph
with no label, subject-and-verb or term of its own keeps its first words as its blank's cue ("Pseudo-labels [...]",
"Under heavy noise, [...]"), not a bare "[...]" beside sentences that say nothing of it. Notes written to tmp_path,
read back through the CLI."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _front_of(made: dict[str, str], said: str) -> str:
    """The front of the card whose back holds `said`."""
    return next(front for front, back in made.items() if said in back)


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


ST = NOTES.add({
    "st.md": (
        "# Self-training\n\n## Confirmation loop\n\n"
        "The student retrains on its own most confident guesses every round. "
        "Pseudo-labels because nobody checks them drift toward whatever the first model believed. "
        "Under heavy class imbalance, the rare classes vanish from the guesses within a few rounds.\n")
})


def test_a_hidden_sentence_keeps_its_first_words_as_its_cue(shared):
    """A paragraph of claims under a heading, carded a sentence at a time: the sentence that opens on a hyphenated
    term and 'because' keeps the term; the one that opens on 'Under …,' keeps that clause."""
    made = shared.backs_by_front(ST)
    front = _front_of(made, "nobody checks them")
    assert "Pseudo-labels because nobody [...]" in front, made
    assert "Under heavy class imbalance, [...]" in _front_of(made, "rare classes vanish"), made


CT = NOTES.add({
    "ct.md": (
        "# Co-teaching\n\n## Two peers\n\n"
        "Each network picks the small-loss samples to hand to the other one. "
        "Label noise + early memorisation make a single network trust its own mistakes quickly. "
        "Peer disagreement (Smith and Jones) keeps the two networks from collapsing into one view.\n")
})


def test_a_cue_stops_before_a_sign_or_an_open_bracket(shared):
    """First words never end on a sign ('Label noise +') nor cut a bracket open ('(Smith')."""
    made = shared.backs_by_front(CT)
    front = _front_of(made, "early memorisation")
    assert "Label noise [...]" in front, made
    assert "Peer disagreement [...]" in _front_of(made, "collapsing into one view"), made


N2023_11_14 = NOTES.add({
    "journal/2023-11-14.md": (
        "# 2023-11-14\n\n## Picked up today\n\n"
        "- Dropout at test time is switched off and the weights are scaled by the keep rate instead.\n"
        "- Gradient clipping by norm rescales the whole vector, so its direction never changes.\n")
})


def test_a_journal_days_bullets_are_each_asked_alone_by_their_own_cue(shared):
    """A daily note's bullets are unrelated: each blank keeps its own cue and the other bullet (which cues nothing)
    is not shown."""
    made = shared.backs_by_front(N2023_11_14)
    front = _front_of(made, "keep rate")
    assert "[...]" in front and "Gradient clipping" not in front, made
    assert "Dropout at test time" not in _front_of(made, "direction never changes"), made


PLAN = NOTES.add({
    "plan.md": (
        "# Planning\n\n## Facts about optimal values\n\n"
        "- The optimal value of a state is the best return any policy can reach from it.\n"
        "- Given $V$, picking actions needs a one-step lookahead through the transition model.\n"
        "- A greedy policy over the optimal action values is itself an optimal policy.\n")
})


def test_a_list_item_opening_on_a_clause_keeps_it_as_its_cue(shared):
    """'- Given $V$, …' among unrelated facts: the blank keeps 'Given $V$, ', not a bare '- [...]'."""
    made = shared.backs_by_front(PLAN)
    assert "- Given $V$, [...]" in _front_of(made, "one-step lookahead"), made


LB = NOTES.add({
    "lb.md": (
        "# Large batches\n\n## Weaknesses\n\n"
        "- sharp minima that generalise worse on held-out data in most reports\n"
        "- slower warm-up, noisier curves, more tuning\n"
        "- memory per device grows with the batch until it no longer fits\n")
})


def test_the_first_of_a_run_of_short_phrases_is_no_clause_cue(shared):
    """'- slower warm-up, noisier curves, more tuning' opens on no clause: its first phrase is not shown as a cue."""
    made = shared.backs_by_front(LB)
    assert "- slower warm-up, [...]" not in _front_of(made, "noisier curves"), made
