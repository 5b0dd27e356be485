"""Multi-fact backs under a bare heading (issue 23): a section whose text opens by defining the heading's own term
("Bootstrap › Overview" over "Bootstrap resampling is a …") and goes on with other facts (where its name comes
from, how it is used) asks, under the heading alone, for everything at once. Its defining sentence becomes a
definition card ("Define: …"), a sentence giving the term's other names a card of its own, a list the rest
introduces a card under its sentence, and the rest a card whose front says it is the rest; the heading card's id
(its review history) stays on the part that keeps most of the back. A back of two sentences, a later sentence
that says the definition again, or a sentence that only rates the term, parts nothing. Notes of my own, read
through the extract API with sections on, as Obsidian notes and a Quarto post."""

from __future__ import annotations

import pytest

from mlwiki import ids
from mlwiki.extract import NoteContext, extract
from mlwiki.extract.definition_first import definition_first
from mlwiki.models import CardKind

PATH = "Bootstrap › Overview"
DEFINES = ("Bootstrap resampling is a technique for estimating the spread of a statistic by drawing samples with "
           "replacement from the data itself.")
REST = ("It takes its name from the saying about pulling oneself up by one's own bootstraps. Each resample has the "
        "size of the original data. A few thousand resamples are usually enough for a stable interval.")


def _cards(body: str, path: str = "Bootstrap.md"):
    return extract(body, NoteContext(path=path, sections=True)).cards


@pytest.mark.parametrize("path", ["Bootstrap.md", "posts/bootstrap.qmd"])
def test_a_defining_sentence_leaves_the_heading_card_for_a_card_of_its_own(path):
    cards = {c.front: c for c in _cards(f"# Bootstrap\n\n## Overview\n\n{DEFINES} {REST}\n", path)}
    defined = cards[f"{PATH}\n\nDefine: Bootstrap resampling"]
    assert defined.kind == CardKind.DEFINITION and defined.back == DEFINES, cards
    rest = cards[PATH]  # (the heading's card, without the definition)
    assert rest.back == REST, cards
    assert rest.id == ids.card_id("basic", f"section: {PATH}"), cards  # (the heading card's id, and its history)


def test_a_bold_term_with_a_dash_defines_it_and_its_list_stays_on_the_rest():
    body = ("# Sampling\n\n## Hard negatives\n\n**Hard negatives** — items the current model ranks high that the "
            "user never chose. more useful gradients, but some are real positives nobody saw\n"
            "- mined from the nearest neighbours of the current model\n- mixed with easy ones in each batch\n")
    cards = {c.front: c.back for c in _cards(body, "Sampling.md")}
    defined = cards["Sampling › Hard negatives\n\nDefine: Hard negatives"]
    assert defined.startswith("**Hard negatives** — items"), cards
    rest = cards["Sampling › Hard negatives"]
    assert rest.startswith("more useful gradients") and rest.endswith("- mixed with easy ones in each batch"), cards


def test_the_card_that_keeps_most_of_the_back_keeps_the_id():
    parts = definition_first(PATH, f"{DEFINES} {REST}")
    assert parts is not None and parts[0] == (PATH, REST), parts
    assert parts[1] == (f"{PATH}\n\nDefine: Bootstrap resampling", DEFINES), parts


@pytest.mark.parametrize("back", [
    f"{DEFINES} Each resample has the size of the original data.",  # (two sentences: one answer)
    f"{DEFINES} In other words, the data stands in for the population. Each resample has the size of the data.",
    "Bootstrap resampling is a subtle but crucial concept to grasp. It takes its name from a saying. Each resample "
    "has the size of the original data, drawn with replacement.",
    f"Jackknife resampling is a technique that leaves one point out at a time. {REST}",  # (another term's)
])
def test_a_definition_said_again_a_short_back_or_another_term_parts_nothing(back):
    assert definition_first(PATH, back) is None


def test_a_sentence_giving_the_terms_other_names_is_a_card_of_its_own():
    body = ("# Ranking\n\n## Feedback loops\n\nA degenerate feedback loop is a cycle in which the predictions of a "
            "system shape the feedback it is trained on next.\n\nIt is common in ranking, since users click what is "
            "shown first.\n\nIt is also called position bias in ranking. It makes the outputs more alike over time.\n")
    cards = {c.front: c.back for c in _cards(body, "Ranking.md")}
    path = "Ranking › Feedback loops"
    assert cards[f"{path}\n\nWhat else is a degenerate feedback loop called?"] == \
        "It is also called position bias in ranking.", cards
    assert cards[path] == (
        "It is common in ranking, since users click what is shown first.\n\nIt makes the outputs more alike over "
        "time."), cards
    assert cards[f"{path}\n\nDefine: degenerate feedback loop"].startswith("A degenerate feedback loop is a cycle")


def test_a_list_the_rest_introduces_is_asked_under_its_sentence():
    body = ("# Gradient clipping\n\n## Overview\n\nGradient clipping is a safeguard that rescales the gradient when "
            "its size passes a threshold. Two variants are common:\n- clipping by the norm of the whole gradient "
            "vector, the usual choice in language models\n- clipping each component of the gradient to a fixed "
            "range of values\n")
    cards = {c.front: c for c in _cards(body, "Gradient clipping.md")}
    path = "Gradient clipping › Overview"
    listed = cards[f"{path}\n\nTwo variants are common:"]
    assert listed.back.startswith("- clipping by the norm") and listed.back.endswith("fixed range of values"), cards
    assert listed.id == ids.card_id("basic", f"section: {path}"), cards  # (it keeps most of the back)
    assert cards[f"{path}\n\nDefine: Gradient clipping"].kind == CardKind.DEFINITION, cards
