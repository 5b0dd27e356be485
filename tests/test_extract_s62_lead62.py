"""Session 62, the lead's fixes: a section whose heading calls its subject "the canonical example" in parentheses
teaches its subject and is carded like any other (it works no example out). Every note is written to one wiki in
tmp_path, scanned once through the CLI (`cards --json`); each test reads the cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note as _made, note_text as _text, new_wiki, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("lead62"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


NOTES["gp.md"] = (
    "# Gaussian processes\n\n"
    "## 3. Gaussian process regression (the canonical example)\n\n"
    "With a Gaussian likelihood the posterior over function values is Gaussian, so the predictive mean and "
    "variance have closed forms.\n\n"
    "The predictive mean at a test input is:\n\n"
    "$$\\mu_* = k_*^\\top (K + \\sigma^2 I)^{-1} \\mathbf{y}$$\n\n"
    "## 4. Worked example\n\n"
    "With two points at $x = 0$ and $x = 1$ and $\\sigma^2 = 0.1$: $K_{12} = 0.61$.\n")


def test_a_section_called_the_canonical_example_in_parentheses_is_carded(cards):
    """"GP regression (the canonical example)" names its subject: its formula and its claim are cards."""
    made = _made(cards, "gp.md")
    text = _text(made)
    assert "(K + \\sigma^2 I)^{-1}" in text
    assert "closed forms" in text


def test_a_worked_example_heading_still_keeps_its_numbers_out(cards):
    """"Worked example" is still an example: its arithmetic is on no card."""
    assert "0.61" not in _text(_made(cards, "gp.md"))
