"""What a learner should never meet on a card (issue 23, held12's judges): a vault's Dataview fields, a MyST `%`
comment, a page's navigation line, a to-do section, the writer's coursework asides. The facts beside them stay.
Notes written in each style into tmp_path, read back through the CLI as a learner meets the cards."""

from __future__ import annotations

from conftest import backs_by_front, new_wiki

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _cards(tmp_path, notes: dict[str, str]) -> dict[str, str]:
    return backs_by_front(new_wiki(tmp_path, notes, CONFIG))


def _all_text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


def test_dataview_fields_are_no_card_and_leave_no_back(tmp_path):
    """`source:: …` and `status:: …` lines are the note's metadata: not a card of their own, not on the card of the
    paragraph they touch; a one-line card `front :: back` is still a card."""
    note = ("---\ntags: [rl]\n---\nsource:: Szepesvari's booklet; the Berkeley slides\nstatus:: half done\n\n"
            "Actor-critic methods learn a policy and a value function together; the critic's estimate replaces the "
            "sampled return.\n\n## Baselines\nreviewed:: no\nSubtracting a state-dependent baseline leaves the gradient "
            "unbiased and lowers its variance.\n\n## Targets\n\n- Critic's target in TD actor-critic :: the one-step TD target\n")
    made = _cards(tmp_path, {"Actor critic.md": note})
    text = _all_text(made)
    assert "source::" not in text and "status::" not in text and "reviewed::" not in text, made
    assert "Szepesvari" not in text and "half done" not in text, made
    assert any("critic's estimate replaces" in back for back in made.values()), made
    assert any("lowers its variance" in back for back in made.values()), made
    assert made.get("Critic's target in TD actor-critic") == "the one-step TD target", made


def test_a_myst_percent_comment_never_shows(tmp_path):
    """`% TODO …` is a comment in MyST: Jupyter Book never shows it, nor may a card; a percentage wrapped onto a
    line of its own ("% of the mass") is text."""
    note = ("# Typical sets\n\n% TODO: the proof from the lecture notes\nFor long i.i.d. sequences almost all the "
            "probability sits on about $2^{nH}$ sequences of roughly equal probability.\n\n% a reminder to myself\n\n"
            "## Size\n\nThe typical set is a vanishing fraction of all sequences, yet it holds over 99\n"
            "% of the probability mass for large enough $n$.\n")
    made = _cards(tmp_path, {"chapters/typical.md": note})
    text = _all_text(made)
    assert "TODO" not in text and "lecture notes" not in text and "reminder" not in text, made
    assert any("roughly equal probability" in back for back in made.values()), made
    assert any("% of the probability mass" in back for back in made.values()), made


def test_a_navigation_line_is_no_card(tmp_path):
    """"[← back](index.md) · next: [Pooling](pooling.md)" walks the site; it says nothing to recall. A line of links
    joined by "→" (an order of steps) is not navigation."""
    note = ("# Strides\n\n[← back](index.md) · next: [Pooling](pooling.md)\n\n## Output size\n\nA stride of $s$ "
            "divides each spatial side by about $s$, so it shrinks the activation maps cheaply.\n")
    day = ("# 2025-02-03\n\n[[2025-02-02]] ← → [[2025-02-04]]\n\nSpent the day on strides.\n")
    made = _cards(tmp_path, {"docs/strides.md": note, "log/2025-02-03.md": day})
    text = _all_text(made)
    assert "next:" not in text and "← back" not in text and "2025-02-04" not in text, made
    assert any("shrinks the activation maps" in back for back in made.values()), made


def test_a_todo_tag_line_leaves_no_chore_on_the_back(tmp_path):
    """"#todo rerun with a bigger buffer": Obsidian's tag goes, and the chore under it must go with it."""
    note = ("# Replay buffers\n\n## Prioritised replay\n\nTransitions are sampled in proportion to their TD error, and "
            "importance weights undo the bias this brings.\n\n#todo rerun the ablation with a bigger buffer\n")
    made = _cards(tmp_path, {"Replay buffers.md": note})
    text = _all_text(made)
    assert "ablation" not in text and "todo" not in text.lower(), made
    assert any("importance weights undo the bias" in back for back in made.values()), made
