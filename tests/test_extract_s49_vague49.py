"""Heading-only fronts over a paragraph of several claims (session 48, vague48b): a section card whose front was
only its heading path ("… › Sourdough starter") over one paragraph whose sentences each say one thing of the
heading's subject asked for all of them at once. It becomes a card per sentence, the paragraph shown with that
sentence hidden (its label or subject and verb kept as the blank's cue), the back that sentence; the first card keeps
the section's id. A derivation, an aside in brackets and the writer's own doubt are not asked. Notes of my own,
written into tmp_path, read back through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = false\nsections = true\n[review]\ntimezone = "UTC"\n'


def cards_of(tmp_path, notes: dict[str, str]) -> list[dict]:
    return json.loads(run(new_wiki(tmp_path, notes, CONFIG), "cards", "--json", ok=True).output)


BAKING = """# Bread notes

## Sourdough starter

Feed the starter equal weights of flour and water once a day at room temperature. A healthy starter doubles
within six hours of a feeding. Hooch on top means it went hungry for too long, so pour it off and feed twice. Rye
flour makes it ferment faster than white flour does.

## Oven spring

Take any loaf that was proofed well. Then the trapped gas expands in the heat of the oven. Hence the crumb opens
up before the crust sets. ∎
"""


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


BREAD = NOTES.add({"bread.md": BAKING})


def test_a_paragraph_of_claims_under_a_bare_heading_is_asked_sentence_by_sentence(shared):
    cards = [c for c in shared.cards(BREAD) if "Sourdough starter" in c["front"]]
    backs = [" ".join(c["back"].split()) for c in cards]
    assert backs == ["Feed the starter equal weights of flour and water once a day at room temperature.",
                     "A healthy starter doubles within six hours of a feeding.",
                     "Hooch on top means it went hungry for too long, so pour it off and feed twice.",
                     "Rye flour makes it ferment faster than white flour does."]
    doubling = cards[1]["front"]
    assert "A healthy starter doubles within six hours" not in doubling and "[...]" in doubling
    assert "Rye flour makes it ferment faster" in doubling  # (the other sentences shown)
    assert "Rye flour makes [...]" in cards[3]["front"]  # (its subject and verb cue the blank)


def test_the_first_sentences_card_keeps_the_sections_id(tmp_path):
    plain = "# Bread notes\n\n## Sourdough starter\n\nFeed the starter equal weights of flour and water once a day.\n"
    first = [c for c in cards_of(tmp_path / "a", {"bread.md": plain}) if "Sourdough starter" in c["front"]]
    split = [c for c in cards_of(tmp_path / "b", {"bread.md": BAKING}) if "Sourdough starter" in c["front"]]
    assert len(first) == 1 and first[0]["id"] == split[0]["id"]


BREAD_2 = NOTES.add({"bread.md": BAKING})


def test_a_derivation_stays_one_card(shared):
    cards = [c for c in shared.cards(BREAD_2) if "Oven spring" in c["front"]]
    assert len(cards) == 1 and cards[0]["back"].startswith("Take any loaf")


# Session 49 (vague49): the guards that keep a paragraph one card (mlwiki/extract/one_answer.py). Each paragraph
# below is otherwise one the sentence clozes would split: a bare heading over two plain sentences of claims.
ONE_ANSWER = {
    "a question heading": ("How long it takes",
                           "Yeast eats the sugars in the flour and gives off gas. The gluten net holds that gas in "
                           "small pockets."),
    "a choice heading": ("Butter or oil",
                         "Butter gives a tender crumb and a richer taste to the loaf. Oil keeps the bread soft for "
                         "several more days."),
    "a run-in label": ("Crust",
                       "Crust: steam in the first minutes keeps it soft so the loaf can grow. A dry oven later "
                       "browns it well."),
    "a heading made of the first sentence": ("keep the salt apart",
                                             "Always keep the salt apart from the yeast in the bowl. Salt dropped "
                                             "straight onto yeast slows its start."),
    "a defining first sentence": ("Levains",
                                  "The usual way to leaven one bake is a levain. Bakers build it the night before "
                                  "and use all of it in the dough."),
    "a first sentence going on from before": ("Autolyse",
                                              "This rest lets the flour soak up the water before the salt goes in. "
                                              "Gluten starts to form with no kneading at all."),
    "a sentence going on after 'In this way'": ("Retarding",
                                                "A cool room slows the yeast down overnight. In this way the loaf "
                                                "gains a deeper sour taste."),
    "a sentence going on after 'Their'": ("Old flour",
                                          "Stale flours lose some of the enzymes that feed the yeast. Their dough "
                                          "rises more slowly in the bowl."),
    "a consequence": ("Proofing time",
                      "Cold dough ferments far more slowly than warm dough. So a loaf kept in the fridge can wait a "
                      "whole night."),
    "a step of one sequence": ("Folding",
                               "Each set of folds stretches the gluten strands a little further. Give it another "
                               "set half an hour later and the strands stretch again, and so on"),
    "the reader spoken to": ("Scoring",
                             "A shallow cut lets the loaf open where you choose. Without a cut your crust tears at its "
                             "weakest side."),
    "a pointer to a table": ("Hydration",
                             "Wetter doughs give a more open crumb but are harder to shape. The table gives the usual "
                             "ratios for each kind of flour."),
    "long explaining sentences": ("Shaping",
                                  "Shaping builds tension across the surface of the dough by dragging it towards "
                                  "you on an unfloured bench, so that the skin tightens evenly and the loaf keeps "
                                  "its height in the oven instead of spreading out flat. A loaf that was shaped "
                                  "too loosely spreads sideways during the final proof and bakes into a low, "
                                  "dense round whatever the flour or the starter was like."),
    "a sentence said twice": ("Cooling",
                              "Bread keeps baking inside for a while after it leaves the oven. Cutting it hot "
                              "leaves a gummy crumb. Cutting it hot leaves a gummy crumb."),
    "a first sentence of a few words": ("Bench rest",
                                        "A twenty minute pause. The gluten relaxes so shaping does not tear the "
                                        "dough."),
}


BREAD_3 = NOTES.add({"bread.md": "# Bread notes\n\n" + "".join(f"## {head}\n\n{text}\n\n" for head, text in ONE_ANSWER.values())})


def test_a_paragraph_that_is_one_answer_stays_one_card(shared):
    cards = shared.cards(BREAD_3)
    for case, (head, text) in ONE_ANSWER.items():
        under = [c for c in cards if c["front"].startswith(f"Bread notes › {head}")]
        assert len(under) == 1 and "[...]" not in under[0]["front"], (case, under)


BREAD_4 = NOTES.add({
    "bread.md": (
        "# Bread notes\n\n## Steam\n\nIf the oven is dry we can pour water on a hot tray below the loaf. The "
        "steam keeps the crust supple through the first ten minutes, i.e. while it still rises.\n")
})


def test_one_we_in_a_paragraph_of_claims_still_splits_it(shared):
    cards = [c for c in shared.cards(BREAD_4) if "Steam" in c["front"]]
    assert len(cards) == 2 and all("[...]" in c["front"] for c in cards)


BREAD_5 = NOTES.add({
    "bread.md": (
        "# Bread notes\n\n## Ratios\n\nHydration = water weight over flour weight, times a hundred. Salt share "
        "= salt weight over flour weight, near two percent.\n")
})


def test_a_sentence_setting_a_term_equal_keeps_the_term_as_its_blanks_cue(shared):
    cards = [c for c in shared.cards(BREAD_5) if "Ratios" in c["front"]]
    assert [c["back"] for c in cards] == ["Hydration = water weight over flour weight, times a hundred.",
                                          "Salt share = salt weight over flour weight, near two percent."]
    assert "Salt share = [...]" in cards[1]["front"] and "Hydration = [...]" in cards[0]["front"]


def test_a_sentence_that_only_cites_its_source_is_shown_and_not_asked():
    # (through the pass itself: in a whole note a short section's lone citation is often dropped before it)
    from mlwiki.extract.closings import FORM
    from mlwiki.extract.draft import Draft
    from mlwiki.extract.sentence_clozes import sentence_clozes
    from mlwiki.models import CardKind

    path = "Bread notes › Cold retard"
    back = ("Miller & Baker, BAKE 2019. A night in the fridge makes a more sour loaf. The cold also firms the "
            "dough and eases the scoring.")
    made = sentence_clozes([([Draft(kind=CardKind.BASIC, front=path, back=back, line=3, form=FORM)], path)])
    cards = [group[0] for group, _ in made]
    assert [c.back for c in cards] == ["A night in the fridge makes a more sour loaf.",
                                       "The cold also firms the dough and eases the scoring."]
    assert all(c.front.startswith(f"{path}\n\nMiller & Baker, BAKE 2019. ") for c in cards)
