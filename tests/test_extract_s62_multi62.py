"""Multi-fact backs and fragments around a display formula (session 62, multi62): a remark under a formula whose
back lists separate claims is a card per claim, each asked by its own label, symbol or subject with the formula still on
its front; a bold term's gloss that goes on in the formula ("**Centre step** — weighted averages, with $W_k = …$:",
"… held fixed, so") is no definition card of its own, a fragment without the formula its formula card shows.
Every note is written to one wiki in tmp_path, scanned once through the CLI (`cards --json`); each test reads the
cards of its own note."""

from __future__ import annotations

import json

import pytest

from conftest import made_by_note as _made, new_wiki, note_text as _text, run

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
NOTES: dict[str, str] = {}  # (path below notes/ → text: each test's note, filled in below)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list[dict]:
    """`mlwiki cards --json` of a wiki holding every note of this module."""
    root = new_wiki(tmp_path_factory.mktemp("multi62"), NOTES, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


_OBJECTIVE = ("$$\\mathcal L = \\lVert x - \\hat x \\rVert^2 + \\lVert \\mathrm{sg}[\\phi] - \\mu \\rVert^2"
              " + \\beta \\lVert \\phi - \\mathrm{sg}[\\mu] \\rVert^2$$")
NOTES["codes.md"] = (
    "# Discrete autoencoders\n\n"
    "## Training objective\n\n"
    f"{_OBJECTIVE}\n\n"
    "- $\\phi$: the encoder output at one grid cell, before it is snapped to the codebook\n"
    "- $\\mu$: the code vector nearest to $\\phi$, which the decoder reads instead of $\\phi$\n"
    "- $\\beta$: the commitment weight, around 0.25; larger values pin the encoder to the codebook\n")


def test_a_remark_listing_claims_of_a_formula_asks_each_by_its_own_term(cards):
    """Three claims under one "What it says" ask the learner for all at once: each term's claim is a card of its
    own, asked by the term, with the formula on its front (what "middle term" is a term of)."""
    made = _made(cards, "codes.md")
    assert not any("What it says" in front for front in made)
    for term, said in (("$\\phi$", "the encoder output at one grid cell"), ("$\\mu$", "the code vector nearest"),
                       ("$\\beta$", "the commitment weight")):
        (front,) = [f for f in made if f.startswith(f"Discrete autoencoders › Training objective › {term}\n\n")]
        assert _OBJECTIVE in front and said in made[front]
        assert sum(said in back for back in made.values()) == 1  # (one claim per card)


NOTES["fuzzy.md"] = (
    "# Soft clustering\n\n"
    "## Fuzzy c-means\n\n"
    "**Membership step** — inverse-distance shares, with $d_{ik} = \\lVert x_i - c_k \\rVert$:\n\n"
    "$$u_{ik} = \\frac{1}{\\sum_j (d_{ik}/d_{ij})^{2/(m-1)}}$$\n\n"
    "**Centre step** — membership-weighted averages, with $W_k = \\sum_i u_{ik}^m$:\n\n"
    "$$c_k = \\frac{1}{W_k} \\sum_i u_{ik}^m x_i$$\n\n"
    "**Why it converges** — each step solves its block of the objective exactly with the other held fixed, so\n\n"
    "$$J(u^{t+1}, c^{t+1}) \\le J(u^{t+1}, c^{t}) \\le J(u^{t}, c^{t})$$\n\n"
    "The fuzzifier $m > 1$ sets how soft the shares are.\n")


def test_a_gloss_that_goes_on_in_its_formula_is_no_definition_without_it(cards):
    """"Define: Centre step" → "Membership-weighted averages, with $W_k = …$." leaves out the update it names, and
    "… held fixed, so." its result: fragments. The formula cards ask each with its formula."""
    made = _made(cards, "fuzzy.md")
    assert not any("Define: " in front for front in made)
    assert "Membership-weighted averages, with $W_k" not in _text(made).replace("**Centre step** — membership", "")
    for gloss, result in (("**Centre step** — membership-weighted averages", "c_k = \\frac{1}{W_k}"),
                          ("**Membership step** — inverse-distance shares", "u_{ik} = "),
                          ("**Why it converges** — each step solves", "J(u^{t+1}, c^{t+1})")):
        (front,) = [f for f in made if gloss in f]
        assert result in made[front]
