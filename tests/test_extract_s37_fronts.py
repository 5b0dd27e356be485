"""Fronts that ask what the back answers (issue 23, session 37): a section card whose front is a bare heading that
other cards of the section answer already ("Step sizes" beside the formula card "Step sizes / Classical fix, …",
"Dual function" after the cards of its two definitions) names what its paragraph is about: the term the author set
in bold, its subject or the phrase it opens on. The card keeps the id of its bare heading (history is kept by id).
Notes written in those styles into tmp_path, read back through the CLI as a learner meets the cards."""

from __future__ import annotations

import json

from conftest import new_wiki, run

from mlwiki import ids

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def cards(root) -> dict[str, dict]:
    return {c["front"]: c for c in json.loads(run(root, "cards", "--json", ok=True).output)}


def section_id(front: str) -> str:
    return ids.card_id("basic", f"section: {front}")


def test_a_paragraph_after_a_formula_card_shares_no_front_with_it(tmp_path):
    """"## Step rules" opens on a paragraph and goes on to a formula card, whose front shows the heading too: the
    paragraph's card names its bold term with the heading's noun after it ("… › Step rules › large step"), and keeps
    the id of the bare heading."""
    note = ("# Optimisers\n\nHow a network's weights are moved along the gradient, step after step.\n\n"
            "## Step rules\n\n"
            "With a **large** step the iterates keep bouncing in a region around the minimum, whose size grows "
            "with the step and with the gradient noise.\n\n"
            "A decaying schedule settles down when its steps shrink like this:\n\n"
            "$$\\eta_t = \\frac{\\eta_0}{1 + t / \\tau}$$\n\n"
            "## Weight decay\n\nDecay pulls every weight towards zero by a fixed fraction of itself at each step.\n")
    made = cards(new_wiki(tmp_path, {"Optimisers.md": note}, CONFIG))
    front = "Optimisers › Step rules › large step"
    assert front in made and "keep bouncing" in made[front]["back"], list(made)
    assert made[front]["id"] == section_id("Optimisers › Step rules")


def test_the_paragraph_left_after_other_cards_names_its_subject(tmp_path):
    """Under "## Dual function" two labelled paragraphs are cards of their own; the paragraph after them says one
    more thing of a symbol ("$q$ is …"), one of a case ("For smooth losses: …") or of a bold term: each front names
    it, not the bare heading that the labelled cards answer."""
    note = ("# Duality\n\nLower bounds on a constrained problem's optimum from its multipliers.\n\n## Dual function\n\n"
            "**Multipliers**: one weight per constraint, nonnegative for the inequalities.\n\n"
            "**Dual**: the infimum over $x$ of the Lagrangian, for fixed multipliers.\n\n"
            "$q$ is concave whatever the primal looks like, since it is a pointwise infimum of affine functions.\n\n"
            "## Bounds\n\n**Gap**: the primal optimum minus the dual optimum, never negative.\n\n"
            "**Slack**: how far an inequality is from holding with equality.\n\n"
            "For smooth losses: the gap closes once a strictly feasible point exists and the problem is convex.\n\n"
            "## Certificates\n\n**Witness**: a dual point whose value matches a primal point's.\n\n"
            "**Target**: the value both sides agree on at the optimum.\n\n"
            "Each certificate has a **matching pair** that proves both points optimal at once, without a solver.\n")
    made = cards(new_wiki(tmp_path, {"Duality.md": note}, CONFIG))
    fronts = {"Duality › Dual function › $q$ is …": "Duality › Dual function",
              "Duality › Bounds › for smooth losses": "Duality › Bounds",
              "Duality › Certificates › matching pair": "Duality › Certificates"}
    for front, bare in fronts.items():
        assert front in made, (front, list(made))
        assert made[front]["id"] == section_id(bare)
    assert not any(f in made for f in fronts.values()), list(made)


def test_a_heading_that_names_the_paragraphs_subject_and_a_list_keep_their_fronts(tmp_path):
    """A paragraph left after the labelled cards that holds several facts (a list) or whose first words name
    nothing ("The only thing that matters is …") keeps the bare heading: a topic of one of them would say the card
    holds that one only, and a vague one asks nothing."""
    note = ("# Duality\n\nLower bounds on a constrained problem's optimum from its multipliers.\n\n## Dual function\n\n"
            "**Multipliers**: one weight per constraint, nonnegative for the inequalities.\n\n"
            "**Dual**: the infimum over $x$ of the Lagrangian, for fixed multipliers.\n\n"
            "- concave whatever the primal looks like\n- a lower bound on the primal optimum for any multipliers\n\n"
            "## Bounds\n\n**Gap**: the primal optimum minus the dual optimum, never negative.\n\n"
            "**Slack**: how far an inequality is from holding with equality.\n\n"
            "The only thing that matters here is that a strictly feasible point exists and the problem is convex.\n")
    made = cards(new_wiki(tmp_path, {"Duality.md": note}, CONFIG))
    assert "Duality › Dual function" in made and "Duality › Bounds" in made, list(made)


def test_a_callout_whose_subject_varies_is_asked_by_it(tmp_path):
    """A Quarto warning over "tokenizer varies by checkpoint …": the callout's front names its subject ("… › Warning:
    tokenizer"), as it does for a subject before any other verb, and keeps the id of its kind."""
    note = ('---\ntitle: "Perplexity"\n---\n\n## Comparing models\n\n'
            "Only models that share a vocabulary can be compared on it directly.\n\n"
            "::: {.callout-warning}\ntokenizer varies by checkpoint!! a number per token means different things when "
            "the tokens differ, so convert to bits per byte first.\n:::\n")
    made = cards(new_wiki(tmp_path, {"posts/perplexity.qmd": note}, CONFIG))
    front = "Perplexity › Comparing models › Warning: tokenizer"
    assert front in made and "bits per byte" in made[front]["back"], list(made)
    untitled = cards(new_wiki(tmp_path / "it", {"posts/perplexity.qmd": note.replace("tokenizer varies", "It varies")},
                              CONFIG))  # (no subject: the kind alone, the id the callout always had)
    bare = next(made for made in untitled.values()  # (the kind alone may ask: "What should you watch out for …?")
                if made["front"].split("\n\n")[0] == "Perplexity › Comparing models › Warning")
    assert made[front]["id"] == bare["id"]
