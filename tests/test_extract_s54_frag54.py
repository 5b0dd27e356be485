"""Pieces of a tool's syntax and cut sentences left on cards (session 54, frag54, the held28–held30 judges): a Zola
katex shortcode whose formula nests brackets, a Slidev presenter note that is a component commented out, a one-line
card shown on another card, a question ticked in a task box, a numbered list one of whose items works numbers out,
and a short verdict after a sentence. Notes written to tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


ZOLA_POST = (
    "+++\ntitle = \"Weighting\"\ndate = 2024-05-02\n+++\n\n"
    "## Odds weights\n\n"
    "- the treated unit's weight: 1\n"
    "- the untreated unit's weight: {{ katex(body=\"p(z)/(1-p(z))\") }}\n\n"
    "The gain curve plots {{ katex(body=\"\\big(a(t) - b(t)\\big)\\,n(t)\") }} against the share targeted.\n")


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


WEIGHTS = NOTES.add({"content/posts/weights.md": ZOLA_POST})


def test_a_zola_katex_shortcode_whose_formula_nests_brackets_is_math(shared):
    """`{{ katex(body="p(z)/(1-p(z))") }}` nests brackets twice: its argument is a quoted string, read whole; the
    card shows the math, no shortcode."""
    text = _text(shared.backs_by_front(WEIGHTS))
    assert "$p(z)/(1-p(z))$" in text and "$\\big(a(t) - b(t)\\big)\\,n(t)$" in text
    assert "katex" not in text and "{{" not in text


SLIDEV_DECK = (
    "---\ntheme: default\ntitle: Retrieval\n---\n\n# Retrieval\n\nWeek 7\n\n"
    "---\n\n# Where the passage sits\n\n"
    "Models answer best when the useful passage comes first or last in the prompt, and worst when it sits in the "
    "middle.\n\n<v-click>\n\nSo the best passages go at the edges of the prompt.\n\n</v-click>\n\n"
    "<!-- <Tweet id=\"123456\" scale=\"0.5\" /> -->\n\n"
    "---\n\n# Chunk size\n\nSmall chunks match precisely but lose the context around them.\n")


SLIDES = NOTES.add({"week7/slides.md": SLIDEV_DECK})


def test_a_slidev_presenter_note_that_is_a_commented_out_component_shows_nothing(shared):
    """The comment at a slide's end is its presenter note, read as its text; a note that only holds a component
    the writer commented out (`<!-- <Tweet … /> -->`) shows no tag on the slide's card."""
    made = shared.backs_by_front(SLIDES)
    assert any("useful passage comes first" in back for back in made.values()), made
    assert "<Tweet" not in _text(made) and "scale=" not in _text(made)


ONE_LINERS = (
    "# Escaping saddles\n\n## Do descent methods get stuck?\n\n"
    "- Descent from a random start :: reaches a strict saddle only from a set of starts of measure zero\n"
    "- The catch :: leaving a run of saddles may still take exponentially many steps\n"
    "- Adding small noise near flat spots :: leaves strict saddles in few steps\n"
    "- Noise in the gradients of small batches helps in the same way\n")


SADDLES = NOTES.add({"saddles.md": ONE_LINERS})


def test_a_one_line_card_shown_on_another_card_reads_as_its_term_and_what_it_is(shared):
    """Each `Term :: what it is` line is a card of its own; on the cards of the list around it, it reads "Term:
    what it is", not mlwiki's separator."""
    made = shared.backs_by_front(SADDLES)
    assert made.get("The catch") == "leaving a run of saddles may still take exponentially many steps"
    assert " :: " not in _text(made)
    assert any("- The catch: leaving a run" in front or "The catch: leaving a run" in back
               for front, back in made.items()), made


TICKED = (
    "# Two towers\n\n## Serving\n\nThe item tower's vectors are computed offline and put in an index for "
    "nearest-neighbour search.\n\n## Questions\n\n"
    "- [x] why put the vectors on the unit sphere? → dot products become cosines, and popular items cannot win by "
    "norm alone\n"
    "- [x] what does the index trade away? → a little recall for a large gain in speed\n")


TOWERS = NOTES.add({"towers.md": TICKED})


def test_a_ticked_question_is_asked_without_its_task_box(shared):
    """A question the writer ticked as answered is asked without the box: "[x]" is their check list."""
    made = shared.backs_by_front(TOWERS)
    asked = [front for front, back in made.items() if "popular items cannot win" in back]
    assert asked and all("[x]" not in front for front in asked), made
    assert "why put the vectors on the unit sphere?" in asked[0]


NUMBERED = (
    "# Half precision\n\n## The three parts\n\n"
    "1. **Full master copy.** The optimiser updates a full-precision copy of the weights. A small update is lost to "
    "rounding in half precision ($1 + 10^{-4} = 1$ there), so never train a plain half model.\n"
    "2. **Scaled loss.** Small gradients vanish in half precision. Multiply the loss by $S$ before the backward "
    "pass, so every gradient grows by $S$ into the range; divide by $S$ before the update.\n"
    "3. **Wide sums** for the matrix products (the units multiply in half, add up in full).\n")


HALF = NOTES.add({"half.md": NUMBERED})


def test_a_numbered_list_with_numbers_worked_in_an_item_keeps_every_item_whole(shared):
    """An item that works numbers out (`1 + 10^{-4} = 1`) does not make the list a paragraph of sums and their
    upshot: no item is lost and no card ends on the next item's number ("… before the update. 3.")."""
    made = shared.backs_by_front(HALF)
    text = _text(made)
    assert "full-precision copy" in text and "Multiply the loss by $S$" in text and "Wide sums" in text, made
    assert not any(back.rstrip().endswith(("2.", "3.")) for back in made.values()), made


VERDICT = (
    "# Training cost\n\n## The cost rule\n\n"
    "The rule leaves out the cost of attention over the context, which stays small next to the weights' cost at "
    "the usual lengths. Good enough for budgeting.\n\n## Other\n\nSomething else entirely is said here.\n")


COST = NOTES.add({"cost.md": VERDICT})


def test_a_verdict_on_the_sentence_before_is_not_asked_alone(shared):
    """"Good enough for budgeting." judges the sentence before it: no card asks it alone (its back would say
    nothing); it stays with the sentence it judges."""
    made = shared.backs_by_front(COST)
    assert "Good enough for budgeting." not in made.values(), made
    assert any("leaves out the cost of attention" in back and "Good enough for budgeting" in front + back
               for front, back in made.items()), made


COUNTED = (
    "# Debiased estimation\n\n## Plain plug-in\n\nFitting the nuisance with a flexible model and plugging it in "
    "leaves a bias that shrinks too slowly.\n\n## The remedy = two parts\n\n"
    "**1. Partial out.** Regress both the outcome and the treatment on the covariates and keep the residuals.\n\n"
    "**2. Split the sample.** Fit the nuisance on one fold and score it on the other, then swap the folds.\n\n"
    "## Boosting = stagewise additive modelling with exponential loss\n\nEach round fits a weak learner to "
    "reweighted examples.\n")


DEBIASED = NOTES.add({"debiased.md": COUNTED})


def test_a_heading_that_only_counts_its_parts_is_no_card_of_its_own(shared):
    """"## The remedy = two parts" says how many parts follow, not what the remedy is: no card asks it (its back
    would say nothing); a heading that says what its subject equals still is one."""
    made = shared.backs_by_front(DEBIASED)
    assert "The remedy = two parts" not in made.values(), made
    assert "Boosting = stagewise additive modelling with exponential loss" in made.values(), made


ZOLA_VIDEO = (
    "+++\ntitle = \"Colliders\"\n+++\n\n## Conditioning on a collider\n\n"
    "Conditioning on a common effect of two causes makes them dependent, even when they were independent before.\n\n"
    "{{ youtube(id=\"abcdef\", start=300) }}\n\n"
    "Talk segment on explaining away that finally made it click (around 5 min in).\n\n"
    "Selecting a sample on the common effect does the same, which is how selection bias arises.\n")


COLLIDERS = NOTES.add({"content/posts/colliders.md": ZOLA_VIDEO})


def test_the_line_under_a_zola_video_player_that_points_into_the_video_is_no_card(shared):
    """The player shows nothing on a card, and so does the line under it that only says where in the video to
    look; the text around them is carded."""
    made = shared.backs_by_front(COLLIDERS)
    text = _text(made)
    assert "min in" not in text and "youtube" not in text, made
    assert "common effect of two causes" in text and "selection bias" in text, made


REMARK = (
    "# Momentum encoders\n\n## My take\n\n"
    "- Memory use is the main practical cost of the method, since the queue holds many past keys.\n"
    "- Why the slow-moving key encoder helps is still a mystery to me. Also ties into target networks — see "
    "[[Target networks#Why slow]].\n")


MOCO = NOTES.add({"moco.md": REMARK})


def test_a_remark_left_with_only_what_it_relates_to_is_no_card(shared):
    """Once the writer's feeling and the link it pointed to are off, "Also ties into target networks." only says
    that two things are related: no card asks it; the fact beside it keeps its card."""
    made = shared.backs_by_front(MOCO)
    text = _text(made)
    assert not any("Also ties into" in back for back in made.values()), made
    assert "main practical cost of the method" in text, made
