"""Obsidian-style notes whose opening paragraph is the writer's pitch, not a fact (session 46, obsidian21b). Notes
written into tmp_path, read back through the CLI as a learner meets the cards."""

from __future__ import annotations

from conftest import backs_by_front, new_wiki

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def cards_of(tmp_path, notes: dict[str, str]) -> dict[str, str]:
    return backs_by_front(new_wiki(tmp_path, notes, CONFIG))


def test_an_opening_that_promises_what_the_page_gives_is_no_card(tmp_path):
    """"The pattern behind every sampler I've tried. Once this clicks, each new one is just a proposal and an
    acceptance rule." before the first heading promises what the page gives: no card; the sections' facts stay,
    and an opening that states a fact is still a card."""
    note = ("The pattern behind most of the samplers I have tried so far. Once this clicks, each new sampler is "
            "\"just a choice of proposal and acceptance rule\".\n\n"
            "## Acceptance\nA Metropolis step accepts a proposed move with probability min(1, ratio of target "
            "densities), so the chain keeps the target as its stationary law.\n")
    other = ("Gibbs sampling updates one coordinate at a time from its full conditional, so every move is "
             "accepted.\n\n## Blocking\nUpdating correlated coordinates together mixes faster than one at a time.\n")
    made = cards_of(tmp_path, {"Concepts/MCMC.md": note, "Concepts/Gibbs.md": other})
    text = "\n".join(f"{front}\n{back}" for front, back in made.items())
    assert "Once this clicks" not in text, made
    assert "stationary law" in text and "every move is accepted" in text, made
