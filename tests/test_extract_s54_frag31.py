"""Fragments (session 54, frag31, the held31 judges): a card's front or back stands alone. A cut never falls inside a
quotation or a bracket (a paragraph's subject, a sentence's cue, a label, an equation a reference shows); a lone
`$…$` line that only finishes a noun phrase ("… by some" / "$h \\in H$.") is no formula card; a citation key that
opened a sentence takes its dash with it; a list item that goes on from the one before ("…but it …") keeps that
item's label above it. Notes written to tmp_path, read back through the CLI."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\nsections = true\n[review]\ntimezone = "UTC"\n'


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


VALUES = NOTES.add({
    "values.md": (
        "# Values\n\n## Value functions\n\n"
        "A value function scores states by the return a learner expects to collect from them later on.\n\n"
        'V answers "how much return is ahead from $s$ under $\\pi$ overall". Keep *overall* in mind.\n')
})


def test_a_subject_is_never_cut_inside_a_quotation(shared):
    """'V answers "how much return is …"': the verb "is" is the quotation's; no heading or cue ends on '"how'."""
    made = shared.backs_by_front(VALUES)
    fronts = "\n".join(made)
    assert any("how much return is ahead" in back for back in made.values()), made
    assert '"how [...]' not in fronts and '› V answers "how' not in fronts, made


SETS = NOTES.add({
    "sets.md": (
        "# Sets\n\n## Covering\n\n"
        "A family *covers* a set $C$ when every point of $C$ is reached, i.e.\n"
        "$|C| = n$: every possible point of $C$ is reached by some\n"
        "$h\\in H$.\n")
})


def test_a_lone_inline_formula_after_a_determiner_ends_the_sentence(shared):
    """"… reached by some" / "$h\\in\\Hc$.": the formula is the noun the phrase was missing, no formula card whose
    front breaks off and whose back is "$$h \\in H$$"."""
    made = shared.backs_by_front(SETS)
    assert "$$h\\in H$$" not in made.values(), made
    assert any("reached by some $h\\in H$" in back or "reached by some\n$h\\in H$" in back
               for back in made.values()), made


LEARNING = NOTES.add({
    "learning.md": (
        "# Learning\n\n## Guarantee\n\n"
        "A learner that sees enough examples returns a good hypothesis with high probability:\n\n"
        "$$ \\Pr_{S}\\big[\\,L(A(S)) \\le \\epsilon\\,\\big] \\ \\ge\\ 1-\\delta-\\tfrac{c}{m}\\log\\tfrac{1}{\\delta}-\\tfrac{d}{m}. $$"
        " {#eq:guarantee}\n\n"
        "## Later\n\nThe bound in [@eq:guarantee] holds for every distribution over the examples, which is what makes it"
        " distribution-free in the usual sense of the word.\n")
})


def test_a_reference_to_a_long_equation_is_not_cut_inside_its_bracket(shared):
    """A pandoc-crossref reference `[@eq:x]` to an equation too long to show whole is cut after a relation outside
    every bracket: never "$\\Pr\\big[L(h) \\le \\dots$", whose bracket stays open."""
    made = shared.backs_by_front(LEARNING)
    text = _text(made)
    assert "\\le \\dots$" not in text, made
    assert "\\big] \\ \\ge \\dots$" in text, made


NETS = NOTES.add({
    "nets.md": (
        "# Deep nets\n\n## Skip connections\n\n"
        "[@smith2016] -- won the image contest that year. The skip connection is the idea most reused from this"
        " family of networks since then.\n")
})


def test_a_citation_that_opened_a_sentence_takes_its_dash_with_it(shared):
    """"[@key] -- won the contest …": the key goes, and so does the dash it leaves opening the back."""
    made = shared.backs_by_front(NETS)
    assert any("won the image contest" in back for back in made.values()), made
    assert not any(back.lstrip().startswith(("--", "—", "–")) for back in made.values()), made


ROUTES = NOTES.add({
    "routes.md": (
        "# Greedy-learner vs Careful-learner\n\n## Ledge walking\n\n"
        "A grid with a ledge, a cost per step and a large cost for falling off the ledge.\n\n"
        "- **Greedy-learner** learns the **shortest** route right along the ledge…\n"
        "- …but while exploring at random it sometimes falls off → **lower online score**\n"
        "- **Careful-learner** counts its own exploration → learns the **safer** route away from the ledge\n"
        "- If exploration fades over time, both end on the shortest route\n")
})


def test_an_item_that_goes_on_from_the_one_before_keeps_its_label(shared):
    """'- **A** learns the short route…' / '- …but while exploring it falls off': the first item is carded under
    "› A"; the list's card for the second still shows "- A" above it, the only name of what "it" is."""
    made = shared.backs_by_front(ROUTES)
    asked = [front for front, back in made.items() if back.startswith("…but while exploring")]
    assert asked, made
    assert all("- Greedy-learner\n" in front for front in asked), made


SMALL = NOTES.add({
    "small.md": (
        "# Small classes\n\n"
        '::: {.theorem title="Small classes are learnable"}\n'
        "Let the class be finite. Then minimising the training error learns it with few samples.\n:::\n\n"
        "::: {.proof}\nFix the tolerance. Call a hypothesis *poor* if its true error exceeds the tolerance, and"
        " collect the poor ones in a set. Minimising the training error fails only when it returns a poor one,"
        " which needs a sample on which some poor hypothesis makes no mistake. For one poor hypothesis each"
        " example is right with probability below one minus the tolerance, independently, so\n"
        "$$\n\\Pr[\\text{no mistake}] \\le (1-\\epsilon)^m \\le e^{-\\epsilon m}.\n$$\n"
        "Union bound over the poor set: the failure probability is at most $|H|\\,e^{-\\epsilon m}$. Setting"
        " this below the confidence level and solving for the sample size gives the bound.\n:::\n")
})


def test_a_proof_keeps_its_method_sentence_after_a_display_formula(shared):
    """A long proof whose "Union bound over …" sentence follows a display formula: the proof idea keeps it (it was
    read as part of the sentence before the formula, too long to keep)."""
    made = shared.backs_by_front(SMALL)
    ideas = [back for front, back in made.items() if front.endswith("Proof idea")]
    assert ideas and "Union bound over the poor set" in ideas[0], made
