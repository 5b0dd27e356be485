"""Outline exports (Tana, and other outliners that write a page as bullets), session 57: a day's node read as the
daily note it is. Every note is written to one wiki in tmp_path, scanned once through the CLI (`cards --json`);
each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("outlines"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def _made(cards: list[dict], rel: str) -> dict[str, str]:
    """{front: back} of the cards of the note `rel`."""
    return {c["front"]: c["back"] for c in cards if c["source"]["path"] == f"notes/{rel}"}


def _text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


NOTES["2025-03-14.md"] = (
    "- 2025-03-14 #day\n"
    "  - Did\n"
    "    - tidied the data loader for the course project\n"
    "  - Learned\n"
    "    - the word is **label smoothing** = training against targets mixed with a little of the uniform "
    "distribution, so the model never chases a probability of exactly one\n"
    "    - gradient clipping: rescale the whole gradient when its norm passes a threshold, so one bad batch "
    "cannot throw the weights far\n"
    "      - clip by norm, not by value, or the direction changes\n"
    "  - Stuck on\n"
    "    - why warm restarts help at all\n"
    "  - [ ] reread the optimiser chapter\n")


def test_a_day_nodes_learned_bullets_are_cards_as_a_daily_notes_learned_section(cards):
    """Tana writes a day as one bullet, its template's sections ("Did", "Learned") as bullets under it: read as
    one nested list, what the day learnt was three levels down and on no card; read as the daily note it is, each
    item of "Learned" is a card."""
    made = _made(cards, "2025-03-14.md")
    text = _text(made)
    assert any("uniform" in back for back in made.values()), made
    assert any("norm passes a threshold" in front + back for front, back in made.items()), made
    assert "clip by norm" in text, made
    assert "#day" not in text, made


NOTES["Clipping.md"] = (
    "- Clipping #concept\n"
    "  - Learned\n"
    "    - clip by norm keeps the gradient's direction\n"
    "    - clip by value changes it\n"
    "  - Where it is used\n"
    "    - recurrent networks, where gradients can explode through time\n")


def test_an_outline_under_a_name_is_no_day_node(cards):
    """Only a page whose one bullet is a date is a day's node: a page under a subject's name reads as before."""
    made = _made(cards, "Clipping.md")
    assert not any(front.startswith("Learned") for front in made), made


NOTES["Warmup.md"] = (
    "- Learning-rate warmup #concept\n"
    "  - Linear warmup schedule\n"
    "    - $$\\eta_t = \\eta_{max} \\cdot \\min(1, t / T_w)$$\n"
    "  - Why it helps\n"
    "    - the early updates of an adaptive optimiser rest on poor second-moment estimates\n")


def test_a_formula_alone_in_a_bullet_is_asked_by_the_bullet_it_is_nested_under(cards):
    """An outline writes a formula as the only child of a bullet that names it: no sentence introduces it, so its
    front was the bare "… / Formula"; the bullet over it says which formula is asked."""
    made = _made(cards, "Warmup.md")
    assert any("Linear warmup schedule" in front and "T_w" in back for front, back in made.items()), made


NOTES["Residuals.md"] = (
    "- Residual placement #concept\n"
    "  - Norm after the sum\n"
    "    - $$z = \\mathrm{N}(u + G(u))$$\n"
    "    - the norm sits on the main path\n"
    "  - Norm inside the branch\n"
    "    - $$z = u + G(\\mathrm{N}(u))$$\n"
    "    - the main path stays an identity\n")


def test_two_bullets_formulas_are_two_cards_each_asked_by_its_bullets_name(cards):
    """Two formulas, each under a bullet that names it, are a card each asked by its bullet's name (session 61:
    they shared one card that neither name asked, a learner recalling two unnamed variants at once)."""
    made = _made(cards, "Residuals.md")
    after = [front for front, back in made.items() if "u + G(u)" in back and "Formula" in front]
    inside = [front for front, back in made.items() if "G(\\mathrm{N}(u))" in back and "Formula" in front]
    assert after and inside, made
    assert "Norm after the sum" in after[0] and "Norm inside the branch" in inside[0], made
    assert "G(\\mathrm{N}(u))" not in made[after[0]], made
