"""Heading-only fronts over a paragraph of several claims (session 48, vague48b): a section card whose front was
only its heading path ("… › Sourdough starter") over one paragraph whose sentences each say one thing of the
heading's subject asked for all of them at once. It becomes a card per sentence, the paragraph shown with that
sentence hidden (its label or subject and verb kept as the blank's cue), the back that sentence; the first card keeps
the section's id. A derivation, an aside in brackets and the writer's own doubt are not asked. Notes of my own,
written into tmp_path, read back through the CLI as a learner meets the cards."""

from __future__ import annotations

import json

from conftest import new_wiki, run

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


def test_a_paragraph_of_claims_under_a_bare_heading_is_asked_sentence_by_sentence(tmp_path):
    cards = [c for c in cards_of(tmp_path, {"bread.md": BAKING}) if "Sourdough starter" in c["front"]]
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


def test_a_derivation_stays_one_card(tmp_path):
    cards = [c for c in cards_of(tmp_path, {"bread.md": BAKING}) if "Oven spring" in c["front"]]
    assert len(cards) == 1 and cards[0]["back"].startswith("Take any loaf")
