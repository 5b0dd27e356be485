"""RemNote documents exported to Markdown read as RemNote shows them (session 62): a code rem, whose fence opens on
the bullet while its code and closing fence start at the line's start, is one code block and the rems after it are
still carded; and a tag of several words (`#[[to revisit]]`) shows nothing. Every note is written to one wiki in
tmp_path, scanned once through the CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note, new_wiki, note_text, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("remnote62"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


NOTES["Kalman filter.md"] = (
    "- #[[state space models]]\n"
    "- # Predict and update\n"
    "    - Kalman gain :: the weight $K_t$ that blends the prediction with the new measurement\n"
    "    - ```python\n"
    "def predict(mu, P, A, Q):\n"
    "    return A @ mu, A @ P @ A.T + Q\n"
    "```\n"
    "    - Innovation :: the difference between the measurement and the predicted measurement\n"
    "    - Steady-state filter :: a filter whose gain has converged, so it can be computed once offline\n"
    "- # Smoothing\n"
    "    - RTS smoother :: a backward pass after the filter that conditions each state on all the measurements\n")


def test_a_code_rem_ends_at_its_closing_fence(cards):
    """The rems after a code rem (its code at the line's start) are cards, and the code is on none."""
    made = made_by_note(cards, "Kalman filter.md")
    assert made["Innovation"].startswith("the difference between the measurement")
    assert made["Steady-state filter"].startswith("a filter whose gain")
    assert made["RTS smoother"].startswith("a backward pass")
    assert "def predict" not in note_text(made)


NOTES["Particle filter.md"] = (
    "- # Resampling\n"
    "    - Effective sample size :: $1 / \\sum_i w_i^2$, how many equally weighted particles the weights are worth\n"
    "    - Systematic resampling :: one uniform draw, then evenly spaced points over the cumulative weights\n"
    "    - Degeneracy\n"
    "        - after a few steps one particle holds nearly all the weight\n"
    "        - #[[to revisit]] why resampling every step adds variance\n"
    "    - ![](files/4c1d_particles.png)\n")


def test_a_tag_of_several_words_shows_nothing(cards):
    """`#[[to revisit]]` is a tag RemNote shows as a pill: no card shows it, the rem's words stay."""
    made = made_by_note(cards, "Particle filter.md")
    text = note_text(made)
    assert "#[[" not in text and "#to revisit" not in text and "to revisit" not in text
    assert made["Effective sample size"].startswith("$1 / \\sum_i w_i^2$")
